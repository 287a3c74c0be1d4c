/**
 * The workshop API's shapes, one definition for the server (which validates every request with
 * them, unknown fields refused) and the page (which reads the replies by them).
 */
import { z } from 'zod';
import { Transcript } from '../engine/transcript.js';
import { LETTERS } from '../engine/vocabulary.js';
import { cleanShownText, ROOM_NAME_MAX } from './nickname.js';

export const ROOM_CODE_ALPHABET = 'ABCDEFGHJKLMNPQRSTUVWXYZ23456789';
export const ROOM_CODE_LENGTH = 6;
/** Six letters or digits from an alphabet without look-alikes (no 0/O, no 1/I). */
export const RoomCode = z
  .string()
  .transform((s) => s.trim().toUpperCase())
  .pipe(z.string().regex(/^[A-HJ-NP-Z2-9]{6}$/, 'a room code is six letters and digits, like K7PX3M'));

const ScenarioId = z.string().regex(/^[a-z0-9-]{1,64}$/, 'a scenario id, like insurance-meal-receipt');
export const ROOM_STATUSES = ['draft', 'open', 'closed'] as const;
export type RoomStatus = (typeof ROOM_STATUSES)[number];

export const CreateRoomBody = z.strictObject({
  // Shown on every screen in the room, so cleaned like a nickname.
  name: z
    .string()
    .max(1000)
    .transform((s) => cleanShownText(s, ROOM_NAME_MAX))
    .pipe(z.string().min(1, 'Give the room a name people will recognise.')),
  scenarios: z.array(ScenarioId).min(1).max(20),
});
export const UpdateRoomBody = z
  .strictObject({
    status: z.enum(['open', 'closed']).optional(),
    scenarios: z.array(ScenarioId).min(1).max(20).optional(),
  })
  .refine(
    (b) => b.status !== undefined || b.scenarios !== undefined,
    'say what to change: status or scenarios',
  );
export const JoinBody = z.strictObject({ nickname: z.string().max(200) });
/** Every token the server issues (player, run, facilitator secret) is base64url of this length. */
export const TOKEN_SHAPE = /^[A-Za-z0-9_-]{16,64}$/;
export const StartRunBody = z.strictObject({ scenario: ScenarioId, version: z.number().int().min(1) });
const RunToken = z.string().regex(TOKEN_SHAPE, 'the run token the server gave when the call started');
/** The client sends what happened, never a score: the server replays it. */
export const ResultBody = z.strictObject({ run: RunToken, transcript: Transcript });

export const RoomCodeParams = z.strictObject({ code: RoomCode });
export const PlayerParams = z.strictObject({
  code: RoomCode,
  player: z.string().regex(/^[A-Za-z0-9_-]{8,40}$/),
});

export interface RoomInfo {
  code: string;
  name: string;
  status: RoomStatus;
  scenarios: { id: string; title: string; version: number }[];
}

export interface Joined {
  player: { id: string; nickname: string };
  token: string;
  room: RoomInfo;
}

export interface RunStarted {
  run: string;
  scenario: { id: string; version: number };
  issuedAt: number;
}

/** What the server computed for a result. */
export interface ResultAccepted {
  total: number;
  grade: string;
  ending: string | null;
  /** Where the player stands on this scenario's board and overall (1 is first). */
  rank: { scenario: number | null; overall: number | null };
  /** True when this exact result had already been received (a retry): it counted once. */
  duplicate: boolean;
}

/** hits and opportunities per SOARING letter. */
export const LetterTally = z.record(
  z.enum(LETTERS),
  z.tuple([z.number().int().min(0), z.number().int().min(0)]),
);
export type LetterTally = z.output<typeof LetterTally>;

export interface BoardEntry {
  rank: number;
  player: string;
  nickname: string;
  total: number;
  /** When the player reached this total (ms since the epoch); the earlier wins a tie. */
  finishedAt: number;
}

export interface LetterProfile {
  letter: (typeof LETTERS)[number];
  hits: number;
  opportunities: number;
  /** hits / opportunities, or null when no call in the room offered the letter. */
  ratio: number | null;
}

export interface BoardSnapshot {
  room: RoomInfo;
  /** Grows with every change; a reconnecting client compares it to what it has. */
  revision: number;
  players: number;
  /** Finished calls of the room's current calls (a call taken out of the room leaves the count). */
  results: number;
  overall: BoardEntry[];
  byScenario: Record<string, BoardEntry[]>;
  profile: LetterProfile[];
  /** The letter the room did least well, or null before any result. */
  weakest: (typeof LETTERS)[number] | null;
}

/** The body of every refusal: a stable code for programs, a sentence for people. */
export interface ApiError {
  error: { code: string; message: string; where?: string };
}
