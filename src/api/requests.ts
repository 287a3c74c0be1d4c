/**
 * What the page sends the workshop server. The server validates every part of every request with
 * these schemas (unknown fields refused), so a request either fits them or gets a 400 saying where.
 */
import { z } from 'zod';
import { ANSWER_WAYS, Transcript } from '../engine/transcript.js';
import { PlayerId, RunToken, ScenarioId, TypedRoomCode } from './ids.js';
import { cleanShownText, ROOM_NAME_MAX } from './nickname.js';

export const CreateRoomBody = z.strictObject({
  // Shown on every screen in the room, so cleaned like a nickname.
  name: z
    .string()
    .max(1000)
    .transform((s) => cleanShownText(s, ROOM_NAME_MAX))
    .pipe(z.string().min(1, 'Give the room a name people will recognise.')),
  scenarios: z.array(ScenarioId).min(1).max(20),
  /**
   * How attendees answer, for the room's whole life: picking written answers or typing their own.
   * The two are ranked apart, so a room takes one way only.
   */
  answers: z.enum(ANSWER_WAYS).default('pick'),
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

export const StartRunBody = z.strictObject({ scenario: ScenarioId, version: z.number().int().min(1) });

/** The client sends what happened, never a score: the server replays it. */
export const ResultBody = z.strictObject({ run: RunToken, transcript: Transcript });

export const RoomCodeParams = z.strictObject({ code: TypedRoomCode });

export const PlayerParams = z.strictObject({ code: TypedRoomCode, player: PlayerId });

/** The parts of a request a route takes nothing in (the server refuses any query string by default). */
export const Nothing = z.strictObject({});
