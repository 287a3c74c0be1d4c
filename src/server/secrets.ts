/**
 * The server's secrets and fingerprints: tokens it issues, room codes it draws, and the hashes it
 * keeps instead of the tokens themselves.
 */
import { createHash, randomBytes, randomInt } from 'node:crypto';
import { ROOM_CODE_ALPHABET, ROOM_CODE_LENGTH } from '../api/ids.js';

/** What the database keeps of a token: never the token itself. */
export const hash = (token: string): string => createHash('sha256').update(token).digest('hex');

/** A fresh token of `bytes` random bytes, base64url (the shape api/ids.ts calls a Token). */
export const newToken = (bytes: number): string => randomBytes(bytes).toString('base64url');

/** A room code drawn at random from the room-code alphabet. */
export function newRoomCode(): string {
  return Array.from(
    { length: ROOM_CODE_LENGTH },
    () => ROOM_CODE_ALPHABET[randomInt(ROOM_CODE_ALPHABET.length)],
  ).join('');
}

/** JSON with keys in a fixed order, so the same transcript always hashes the same. */
export function canonical(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonical).join(',')}]`;
  if (value !== null && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>)
      .filter(([, v]) => v !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonical(v)}`).join(',')}}`;
  }
  return JSON.stringify(value);
}
