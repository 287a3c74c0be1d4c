/**
 * The server's refusals in the page's words. A refusal carries a stable code and the server's
 * English sentence; the page says each known code in the catalogue's words (`player.refusal.<code>`)
 * and shows the server's sentence only for a code it does not know (a newer server). The page's
 * own refusals (offline, bad-reply, http) are worded here too.
 */
import { CATALOGUES, t, type Key } from '../i18n/index.js';

/** What the page keeps of a refusal: enough to word it again in another language. */
export interface Refusal {
  code: string;
  /** The server's sentence (English), shown for a code the catalogue has no words for. */
  message: string;
  status?: number;
  retryAfterSeconds?: number;
  /** Why a reply could not be read (bad-reply), in the page's words when it was made. */
  detail?: string;
}

/** The catalogue's key for a refusal's code, if it has words for it. */
export function refusalKey(code: string): Key | null {
  const key = `player.refusal.${code}`;
  return key in CATALOGUES.en ? (key as Key) : null;
}

/**
 * The refusal said in the current language; the server's own sentence for a code not known here,
 * or when the words need a fact the refusal does not carry (a wait without its seconds).
 */
export function refusalText(refusal: Refusal): string {
  const key = refusalKey(refusal.code);
  if (!key) return refusal.message;
  const facts: Record<string, string | number | undefined> = {
    seconds: refusal.retryAfterSeconds,
    status: refusal.status,
    detail: refusal.detail,
  };
  const params: Record<string, string | number> = {};
  for (const match of CATALOGUES.en[key].matchAll(/\{(\w+)\}/g)) {
    const name = match[1] ?? '';
    const value = facts[name];
    if (value === undefined) return refusal.message;
    params[name] = value;
  }
  return t(key, params);
}
