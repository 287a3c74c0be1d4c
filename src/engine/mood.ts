/** How the customer's numbers become a mood, a line and the time it takes to say it. */
import type { Says } from './schema.js';
import type { Mood } from './vocabulary.js';

export const MAX_ANGER = 100;

export function clampPercent(value: number): number {
  return Math.min(100, Math.max(0, value));
}

/** Mood band from anger and trust: relieved needs low anger and earned trust. */
export function moodOf(anger: number, trust: number): Mood {
  if (anger < 20 && trust >= 60) return 'relieved';
  if (anger < 30) return 'calm';
  if (anger < 55) return 'annoyed';
  if (anger < 80) return 'angry';
  return 'furious';
}

/** The line for this mood; a line written for a calmer or angrier mood is never borrowed. */
export function lineFor(says: Says, mood: Mood): string {
  if (typeof says === 'string') return says;
  return says[mood] ?? says.default;
}

/**
 * How long the customer takes to say a line, in ms. The game's typewriter reveal uses the same
 * figure, so "the customer finished speaking" is one fact in browser, CLI and server.
 */
export function speechMs(text: string): number {
  return Math.min(10_000, Math.max(1_200, 400 + 35 * text.length));
}

/** An answer sooner than this after the customer finishes is rushed. */
export const RUSHED_MS = 1_000;

/** A deliberate answer: this long after the customer finishes (the method's one-to-two-second pause). */
export const CALM_MS = 1_500;

/** What the customer says when the trainee stays silent and the node has no line of its own. */
export const DEFAULT_SILENCE_LINE = 'Hello? Are you even listening to me?';
