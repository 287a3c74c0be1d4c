/**
 * A short, deterministic fingerprint of a text: a translation keeps the fingerprint of the source
 * text it was made from, so a changed source shows as a stale translation. FNV-1a over the UTF-8
 * bytes, written out so the engine needs no Node crypto and gives the same answer in a browser.
 */

const FNV_OFFSET = 0x811c9dc5;
const FNV_PRIME = 0x01000193;
const encoder = new TextEncoder();

/** Eight hex digits that change when `text` changes (a 32-bit FNV-1a hash of its UTF-8 bytes). */
export function textHash(text: string): string {
  let hash = FNV_OFFSET;
  for (const byte of encoder.encode(text)) {
    hash ^= byte;
    hash = Math.imul(hash, FNV_PRIME) >>> 0;
  }
  return hash.toString(16).padStart(8, '0');
}
