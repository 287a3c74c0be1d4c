/** How the debrief heads a moment's cue: what the trainee could see, hear or read, by the call's channel. */
import type { Setting } from '../../engine/index.js';

const HEADINGS: Record<Setting, string> = {
  counter: 'What you could see',
  phone: 'What you could hear',
  chat: 'What you could read',
};

export function cueHeading(setting: Setting): string {
  return HEADINGS[setting];
}
