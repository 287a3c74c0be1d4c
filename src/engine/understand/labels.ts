/**
 * What the game listens for in a typed answer: the engine's own vocabulary — the seven SOARING
 * moves, the I-message's four steps and the ramble after them, and the don'ts. Defined in
 * docs/understanding-labels.md.
 */
import { I_STEPS } from '../method.js';
import { DONTS, LETTERS, type Dont, type Letter } from '../vocabulary.js';

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
