/**
 * Nicknames on a shared screen: what a player typed, cleaned so it reads the same everywhere and can
 * neither reorder the text around it nor hide inside another name. Pure: the page uses it to preview
 * and the server to decide. (The server also refuses offensive names; that list stays on the server.)
 */

/** The longest nickname, in user-perceived characters. */
export const NICKNAME_MAX = 24;
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
const MEANINGFUL = /[\p{L}\p{N}]/u;

export type NicknameCheck = { ok: true; nickname: string; key: string } | { ok: false; reason: string };

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

/**
 * A nickname cleaned as any shown text, and refused without a letter or digit. `key` is what makes
 * two names the same player in a room: case does not count.
 */
export function cleanNickname(raw: string): NicknameCheck {
  const nickname = cleanShownText(raw, NICKNAME_MAX);
  if (!MEANINGFUL.test(nickname)) {
    return { ok: false, reason: 'Choose a nickname with at least one letter or digit.' };
  }
  return { ok: true, nickname, key: nicknameKey(nickname) };
}

/**
 * Letters of other scripts drawn exactly like a Latin letter in at least one case, by their lower
 * case (the key is lower-cased first, so a capital and its small letter always meet). Enough to
 * stop "Аna" (a Cyrillic А) passing for "Ana" on the projector; a name written wholly in another
 * script still keeps its own letters apart from everyone else's.
 */
const LOOK_ALIKES: Record<string, string> = {
  // Cyrillic
  а: 'a',
  в: 'b',
  е: 'e',
  ѕ: 's',
  і: 'i',
  ј: 'j',
  к: 'k',
  м: 'm',
  н: 'h',
  о: 'o',
  р: 'p',
  с: 'c',
  т: 't',
  у: 'y',
  х: 'x',
  һ: 'h',
  ԁ: 'd',
  ԛ: 'q',
  ԝ: 'w',
  ӏ: 'l',
  ү: 'y',
  // Greek
  α: 'a',
  β: 'b',
  ε: 'e',
  ζ: 'z',
  η: 'h',
  ι: 'i',
  κ: 'k',
  μ: 'm',
  ν: 'n',
  ο: 'o',
  ρ: 'p',
  τ: 't',
  υ: 'y',
  χ: 'x',
};
const LOOK_ALIKE = new RegExp(`[${Object.keys(LOOK_ALIKES).join('')}]`, 'gu');

/**
 * Two names that read the same on a screen give the same key: any case (upper case first, then
 * lower, so Straße meets STRASSE), any compatibility form, and letters that look alike across
 * scripts (decomposed first, so a Cyrillic ё meets a Latin ë).
 */
export function nicknameKey(nickname: string): string {
  return nickname
    .normalize('NFKD')
    .toUpperCase()
    .toLowerCase()
    .replace(LOOK_ALIKE, (c) => LOOK_ALIKES[c] ?? c)
    .normalize('NFKC');
}
