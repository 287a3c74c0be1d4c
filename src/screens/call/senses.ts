/**
 * How the trainee takes the customer in, by channel: at a counter (or in a chat) they are seen, on
 * a phone call they are only heard. The cue's words and the debrief's say which.
 */
import type { Setting } from '../../engine/index.js';

/** Heads the cue in the call: "You hear: her voice goes flat." */
export function cueLead(setting: Setting): string {
  return setting === 'phone' ? 'You hear' : 'You notice';
}

/** Heads the cue in the debrief's decisions. */
export function couldSense(setting: Setting): string {
  return setting === 'phone' ? 'What you could hear' : 'What you could see';
}

/** On a phone call the cue is heard, as everything is: it is never kept back to be asked for. */
export function cueHeard(setting: Setting): boolean {
  return setting === 'phone';
}
