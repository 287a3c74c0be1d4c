/**
 * The corpus's held-out fifth: chosen by a hash of each answer's words, never by hand, so it stays
 * the same as lines are added and is never trained on.
 */
import { fnv1a } from './hash.js';
import { tokenize } from './text.js';

export const HELD_OUT_EVERY = 5;

export function isHeldOut(text: string): boolean {
  const words = tokenize(text)
    .map((t) => t.norm)
    .join(' ');
  return fnv1a(words) % HELD_OUT_EVERY === 0;
}
