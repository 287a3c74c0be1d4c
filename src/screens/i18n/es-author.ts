/**
 * Author mode, in Spanish: the same keys and placeholders as en-author.ts.
 */
import type { author } from './en-author.js';

export const authorEs: Record<keyof typeof author, string> = {
  'author.title': 'Revisa y prueba un escenario',
  // end
};
