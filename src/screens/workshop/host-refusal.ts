/**
 * A refusal from the workshop server, as the facilitator's pages say it: the catalogue's words for
 * each code these pages can meet, in the page's language. The server's English sentence is kept
 * only for a code the page does not know (a newer server), where it is the best there is.
 */
import { t, tn, type Key } from '../i18n/index.js';

/** What a failed call gives (ApiResult's refusal). */
export interface Refusal {
  status: number;
  code: string;
  message: string;
  retryAfterSeconds?: number;
}

const WORDS: Readonly<Record<string, Key>> = {
  offline: 'host.refusal.offline',
  'bad-reply': 'host.refusal.badReply',
  'not-facilitator': 'host.refusal.notFacilitator',
  'unknown-scenario': 'host.refusal.unknownScenario',
  'duplicate-scenario': 'host.refusal.duplicateScenario',
  busy: 'host.refusal.busy',
  'no-player': 'host.refusal.noPlayer',
  'server-error': 'host.refusal.serverError',
  'invalid-request': 'host.refusal.invalid',
  'bad-request': 'host.refusal.invalid',
  'too-large': 'host.refusal.invalid',
};

/** The words for `refusal`; `room` is the room's code the request was about, when there is one. */
export function refusalWords(refusal: Refusal, room = ''): string {
  if (refusal.code === 'rate-limited') {
    const wait = refusal.retryAfterSeconds;
    return wait ? tn('host.refusal.rateLimited', wait) : t('host.refusal.rateLimited.soon');
  }
  if (refusal.code === 'http') return t('host.refusal.http', { status: String(refusal.status) });
  if (refusal.code === 'no-room') return t('host.refusal.noRoom', { code: room });
  const key = Object.hasOwn(WORDS, refusal.code) ? WORDS[refusal.code] : undefined;
  return key ? t(key) : refusal.message;
}
