/**
 * Any text shown to a room (a nickname, a room's name), cleaned so it reads the same everywhere and
 * can neither reorder the text around it nor hide inside another. Apart from nickname.ts so a page
 * that cleans a room's name does not load the look-alike table nicknames need.
 */

/** The longest room name, in user-perceived characters. */
export const ROOM_NAME_MAX = 80;

/**
 * Control, format (bidi overrides and isolates, zero-width spaces and joiners, soft hyphens, the
 * byte-order mark), private-use, surrogate and unassigned code points. The one exception is a
 * zero-width joiner inside an emoji sequence (👩🏽‍💻), where it is part of the picture.
 */
const INVISIBLE =
  /(?!\u200D)[\p{Cc}\p{Cf}\p{Co}\p{Cs}\p{Cn}]|(?<![\p{Extended_Pictographic}\p{Emoji_Modifier}\uFE0F])\u200D|\u200D(?!\p{Extended_Pictographic})/gu;
/** A third and later combining mark on one letter: stacks of them smear over the lines around. */
const MARK_STACK = /(\p{M}{2})\p{M}+/gu;
const SPACES = /[\s\p{Z}]+/gu;
const segmenter = new Intl.Segmenter('en', { granularity: 'grapheme' });

/** Cuts `text` to at most `max` user-perceived characters (never half an emoji or accent). */
function capGraphemes(text: string, max: number): string {
  let out = '';
  let count = 0;
  for (const { segment } of segmenter.segment(text)) {
    if (count === max) break;
    out += segment;
    count++;
  }
  return out;
}

/**
 * Any text shown to a room (a nickname, a room's name): normalised (NFKC), without invisible and
 * direction-changing characters, spaces collapsed, trimmed, at most `max` characters people see.
 */
export function cleanShownText(raw: string, max: number): string {
  // Decomposed first, so accents are counted one by one before they are composed again.
  const cleaned = raw
    .normalize('NFKD')
    .replace(INVISIBLE, '')
    .replace(MARK_STACK, '$1')
    .normalize('NFKC')
    .replace(SPACES, ' ')
    .trim();
  return capGraphemes(cleaned, max).trim();
}
