/** How the page says an ending's kind: the customer who leaves hangs up on a phone, but walks out of a shop. */
import type { EndingKind, Setting } from '../../engine/index.js';
import { endingName } from '../i18n/names.js';

export function endingWords(kind: EndingKind, setting: Setting): string {
  return endingName(kind, setting);
}
