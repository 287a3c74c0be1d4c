/**
 * What the game listens for in a typed answer: the engine's own vocabulary — the seven SOARING
 * moves, the I-message's four steps and the ramble after them, and the don'ts. Defined in
 * docs/understanding-labels.md.
 */
import { I_STEPS } from '../method.js';
import { DONTS, LETTERS } from '../vocabulary.js';

export const LABELS = [...LETTERS, ...I_STEPS, 'ramble', ...DONTS] as const;
export type Label = (typeof LABELS)[number];

const KNOWN = new Set<string>(LABELS);
export const isLabel = (value: string): value is Label => KNOWN.has(value);
