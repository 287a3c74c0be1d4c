/**
 * How the trainee takes the customer in, by channel: at a counter they are seen, on a phone call
 * only heard, in a chat only read. The cue's words and the debrief's say which.
 */
import type { Setting } from '../../engine/index.js';
import { t } from '../i18n/index.js';

/** Heads the cue in the call: "You hear: her voice goes flat." */
export function cueLead(setting: Setting): string {
  return setting === 'phone' ? t('cue.lead.phone') : t('cue.lead.other');
}

/** Heads the cue in the debrief's decisions. */
export function couldSense(setting: Setting): string {
  return t(`sensed.${setting}`);
}

/** The debrief names every cue of a phone call or a chat; a counter's only where body and words disagree. */
export function namesEveryCue(setting: Setting): boolean {
  return setting !== 'counter';
}

/** On a phone call the cue is heard, as everything is: it is never kept back to be asked for. */
export function cueHeard(setting: Setting): boolean {
  return setting === 'phone';
}
