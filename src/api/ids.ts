/**
 * The small values the page, the device's storage and the server all pass around: room codes,
 * tokens, player and scenario ids, grades and a room's calls. Each rule is written here once; every
 * other place uses these schemas or helpers.
 */
import { z } from 'zod';

/** Letters and digits without look-alikes (no 0/O, no 1/I), so a code read off a projector is typed right. */
export const ROOM_CODE_ALPHABET = 'ABCDEFGHJKLMNPQRSTUVWXYZ23456789';
export const ROOM_CODE_LENGTH = 6;
const ROOM_CODE_PATTERN = new RegExp(`^[${ROOM_CODE_ALPHABET}]{${ROOM_CODE_LENGTH}}$`);
const ROOM_CODE_HINT = 'a room code is six letters and digits, like K7PX3M';

/** A room code exactly as the server issues it. */
export const RoomCode = z.string().regex(ROOM_CODE_PATTERN, ROOM_CODE_HINT);

/** A room code as a person typed it: spaces around it and small letters are forgiven. */
export function normaliseRoomCode(typed: string): string {
  return typed.trim().toUpperCase();
}

/** A room code as typed (in an address or a form), normalised, then checked like RoomCode. */
export const TypedRoomCode = z.string().transform(normaliseRoomCode).pipe(RoomCode);

/** Is this a room code as the server issues it? (Normalise what a person typed first.) */
export function isRoomCode(value: unknown): value is string {
  return typeof value === 'string' && ROOM_CODE_PATTERN.test(value);
}

/** Every token the server issues (player, run, facilitator secret) is base64url of this length. */
const TOKEN_PATTERN = /^[A-Za-z0-9_-]{16,64}$/;

/** A player token, a run token or a room's secret, as the server issues them. */
export const Token = z.string().regex(TOKEN_PATTERN, 'a token as this server issues it');

/** Is this shaped like a token the server issues? Anything else is no token at all. */
export function isToken(value: unknown): value is string {
  return typeof value === 'string' && TOKEN_PATTERN.test(value);
}

/** A run token, in a request: the message says where it comes from. */
export const RunToken = z
  .string()
  .regex(TOKEN_PATTERN, 'the run token the server gave when the call started');

/** A player's id (public: it is on the boards; the token is the secret). */
export const PlayerId = z.string().regex(/^[A-Za-z0-9_-]{8,40}$/);

/** A team's id, drawn by the server (public: it is on the boards). */
export const TeamId = z.string().regex(/^[A-Za-z0-9_-]{8,40}$/, 'a team id, from the room’s list of teams');

/** A scenario's id as the API takes it. */
export const ScenarioId = z.string().regex(/^[a-z0-9-]{1,64}$/, 'a scenario id, like insurance-meal-receipt');

/** The grades scoring gives, best first: the engine's, sent as they are. */
export { GRADES, Grade } from '../engine/index.js';

/**
 * One of a room's calls, or of the server's library: the scenario, its title and the version the
 * server scores (0 when the server no longer has it). The device keeps the room's calls in this
 * shape too, so the lobby can list them while the server is out of reach.
 */
export const CallInfo = z.object({
  id: ScenarioId,
  title: z.string(),
  version: z.number().int().min(0),
});
export type CallInfo = z.output<typeof CallInfo>;
