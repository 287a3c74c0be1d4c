/**
 * How the trainee takes the customer in, by channel: at a counter they are seen, on a phone call
 * only heard, in a chat only read. The cue's words and the debrief's say which.
 */
import type { Setting } from '../../engine/index.js';

const SENSED: Record<Setting, string> = {
  counter: 'What you could see',
  phone: 'What you could hear',
  chat: 'What you could read',
};

/** Heads the cue in the call: "You hear: her voice goes flat." */
export function cueLead(setting: Setting): string {
  return setting === 'phone' ? 'You hear' : 'You notice';
}

/** Heads the cue in the debrief's decisions. */
export function couldSense(setting: Setting): string {
  return SENSED[setting];
}

/** The debrief names every cue of a phone call or a chat; a counter's only where body and words disagree. */
export function namesEveryCue(setting: Setting): boolean {
  return setting !== 'counter';
}

/** On a phone call the cue is heard, as everything is: it is never kept back to be asked for. */
export function cueHeard(setting: Setting): boolean {
  return setting === 'phone';
}
