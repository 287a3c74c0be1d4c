/**
 * Characters that read alike, from Unicode's confusables (UTS #39): the skeleton that makes "Аna"
 * with a Cyrillic А, "Ꭺna" in Cherokee and "ᴀɴᴀ" in small capitals the same name as "Ana".
 * Pure; the table (src/api/confusables-data.ts, generated) is about 11 KB gzipped, so the page
 * previews with the same key the server decides with.
 */
import { CONFUSABLES } from './confusables-data.js';

let table: Map<string, string> | undefined;

/** The generated groups, read once on first use. */
function lookAlikes(): Map<string, string> {
  if (table) return table;
  table = new Map();
  for (const group of CONFUSABLES.split('\x1f')) {
    const [prototype = '', from = ''] = group.split('\x1e');
    for (const c of from) table.set(c, prototype);
  }
  return table;
}

/**
 * The skeleton of a name that is already decomposed (NFKD) and lower-cased: every character
 * replaced by its prototype, lower-case too. "m" becomes "rn", as in UTS #39 (they read alike).
 */
export function skeleton(folded: string): string {
  const map = lookAlikes();
  let out = '';
  for (const c of folded) out += map.get(c) ?? c;
  return out;
}
