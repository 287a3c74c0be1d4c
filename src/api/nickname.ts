/**
 * Nicknames on a shared screen: what a player typed, cleaned so it reads the same everywhere and can
 * neither reorder the text around it nor hide inside another name. Pure: the page uses it to preview
 * and the server to decide. (The server also refuses offensive names; that list stays on the server.)
 */
import { skeleton } from './look-alikes.js';
import { cleanShownText } from './shown-text.js';

/** The longest nickname, in user-perceived characters. */
export const NICKNAME_MAX = 24;
const MEANINGFUL = /[\p{L}\p{N}]/u;

export type NicknameCheck = { ok: true; nickname: string; key: string } | { ok: false; reason: string };

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
