/**
 * Nicknames on a shared screen: what a player typed, cleaned so it reads the same everywhere and can
 * neither reorder the text around it nor hide inside another name. Pure: the page uses it to preview
 * and the server to decide. (The server also refuses offensive names; that list stays on the server.)
 */
import { skeleton } from './look-alikes.js';

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
 * Two names that read the same on a screen give the same key: any case (upper case first, then
 * lower, so Straße meets STRASSE and ΝΙΚΟΣ meets νικος), any compatibility form (𝐀𝐧𝐚, Ａｎａ), and
 * characters that look alike in any script, by their UTS #39 skeleton (see look-alikes.ts). Case
 * goes first so that it never counts; the price is that a capital's look-alike whose small letter
 * looks different (Greek Ν and ν) is judged by its small letter.
 *
 * The skeleton spells "m" as "rn"; the key writes every "rn" back as "m". The skeleton holds no "m",
 * so this keeps names apart exactly as the skeleton does, and the key of an ordinary Latin name is
 * what it was before the skeleton (rooms keep keys made then).
 */
export function nicknameKey(nickname: string): string {
  const folded = nickname.normalize('NFKD').toUpperCase().toLowerCase().normalize('NFKD');
  return skeleton(folded).normalize('NFC').replaceAll('rn', 'm');
}
