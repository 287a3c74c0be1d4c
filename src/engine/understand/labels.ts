/**
 * What the game listens for in a typed answer: the engine's own vocabulary — the seven SOARING
 * moves, the I-message's four steps and the ramble after them, and the don'ts. Defined in
 * docs/understanding-labels.md.
 */
import { I_STEPS, I_STEP_NAMES, type IStep } from '../method.js';
import { DONTS, DONT_NAMES, LETTERS, LETTER_NAMES, type Dont, type Letter } from '../vocabulary.js';

export const LABELS = [...LETTERS, ...I_STEPS, 'ramble', ...DONTS] as const;
export type Label = (typeof LABELS)[number];

const KNOWN = new Set<string>(LABELS);
export const isLabel = (value: string): value is Label => KNOWN.has(value);

const DONT_SET = new Set<string>(DONTS);
const LETTER_SET = new Set<string>(LETTERS);
export const isDont = (label: string): label is Dont => DONT_SET.has(label);
export const isLetter = (label: string): label is Letter => LETTER_SET.has(label);

/** What a typed answer did, in the terms a written response is tagged with. */
export function madeOf(labels: readonly Label[]): { uses: Letter[]; breaks: Dont[] } {
  return { uses: labels.filter(isLetter), breaks: labels.filter(isDont) };
}

/**
 * An I-message in a typed answer, held to the craft of one put together from pieces: where the
 * customer has crossed a line (`misconduct`) and the answer is heard naming it (N), the steps not
 * heard in it and whether it talked on after the consequence. null where that does not apply.
 * The score counts these as faults; the coach and the debrief name them.
 */
export function typedIMessage(
  labels: readonly Label[],
  misconduct: boolean,
): { missing: IStep[]; rambled: boolean } | null {
  if (!misconduct || !labels.includes('N')) return null;
  return { missing: I_STEPS.filter((step) => !labels.includes(step)), rambled: labels.includes('ramble') };
}

/** A label as the game names it to the trainee: "Reflect", "I-message: name the behaviour", "Argued". */
export function labelName(label: Label): string {
  if (isLetter(label)) return LETTER_NAMES[label];
  if (isDont(label)) return DONT_NAMES[label];
  if (label === 'ramble') return 'Kept talking after the consequence';
  return `I-message: ${I_STEP_NAMES[label].toLowerCase()}`;
}
