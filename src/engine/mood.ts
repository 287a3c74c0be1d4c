/** How the customer's numbers become a mood, a line and the time it takes to say it. */
import type { Says } from './schema.js';
import type { Mood } from './vocabulary.js';

export const MAX_ANGER = 100;

export function clampPercent(value: number): number {
  return Math.min(100, Math.max(0, value));
}

/** Where each mood above calm starts on the anger scale (calm runs from 0). */
export const ANGER_FROM = { annoyed: 30, angry: 55, furious: 80 } as const;

/** The mood anger alone gives, from calm to furious: the anger meter's word and the chart's bands. */
export function angerMood(anger: number): Exclude<Mood, 'relieved'> {
  if (anger < ANGER_FROM.annoyed) return 'calm';
  if (anger < ANGER_FROM.angry) return 'annoyed';
  if (anger < ANGER_FROM.furious) return 'angry';
  return 'furious';
}

/** Mood band from anger and trust: relieved needs low anger and earned trust. */
export function moodOf(anger: number, trust: number): Mood {
  if (anger < 20 && trust >= 60) return 'relieved';
  return angerMood(anger);
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
