/** How the page says an ending's kind: the customer who leaves hangs up on a phone, but walks out of a shop. */
import type { EndingKind, Setting } from '../../engine/index.js';

export function endingWords(kind: EndingKind, setting: Setting): string {
  if (kind === 'hung-up')
    return setting === 'phone' ? 'hung up' : setting === 'chat' ? 'left the chat' : 'walked out';
  if (kind === 'handed-off') return 'handed to a colleague';
  return kind.replace('-', ' ');
}
