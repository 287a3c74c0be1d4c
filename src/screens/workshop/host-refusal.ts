/**
 * A refusal from the workshop server, as the facilitator's pages say it: where a facilitator needs
 * other words than an attendee (the room's code, a form to check, a wait counted in seconds), the
 * `host.refusal.*` words; every other code as the attendee's pages say it (refusals.ts), which keeps
 * the server's English sentence only for a code the page does not know.
 */
import { t, tn, type Key } from '../i18n/index.js';
import { refusalText, type Refusal } from './refusals.js';

const WORDS: Readonly<Record<string, Key>> = {
  offline: 'host.refusal.offline',
  'bad-reply': 'host.refusal.badReply',
  'unknown-scenario': 'host.refusal.unknownScenario',
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
  if (refusal.code === 'http') return t('host.refusal.http', { status: String(refusal.status ?? '') });
  if (refusal.code === 'no-room') return t('host.refusal.noRoom', { code: room });
  const key = Object.hasOwn(WORDS, refusal.code) ? WORDS[refusal.code] : undefined;
  return key ? t(key) : refusalText(refusal);
}
