/**
 * The workshop on this device: the room joined (and the player token), the rooms this device runs
 * as facilitator (with their secrets), the run under way, and the outbox of results waiting for the
 * server. A result enters the outbox the moment the call ends and leaves it only when the server
 * has acknowledged it or refused it for good: never lost, and (the server makes resends count
 * once) never counted twice.
 */
import { z } from 'zod';
import { own } from '../engine/own.js';
import { ANSWER_WAYS, Transcript } from '../engine/transcript.js';
import { CallInfo, RoomCode, Token } from '../api/ids.js';
import { versionedStore, type KeyValueStorage, type VersionedStore } from './store.js';

export const WORKSHOP_KEY = 'keep-cool:workshop';

export const Membership = z.strictObject({
  room: RoomCode,
  roomName: z.string(),
  player: z.string(),
  nickname: z.string(),
  token: Token,
  /** The room's calls as last seen, so the lobby can list them while the server is out of reach. */
  calls: z.array(CallInfo).max(50).optional(),
  /**
   * How the room is answered, as the room said when the player joined (rooms never change it):
   * the room's calls are played that way. Picked for a membership saved before rooms said.
   */
  answers: z.enum(ANSWER_WAYS).default('pick'),
});
export type Membership = z.output<typeof Membership>;

export const PendingResult = z.strictObject({
  run: Token,
  room: RoomCode,
  /** The player token it is sent with (kept here: the player may have left the room since). */
  token: Token,
  scenario: z.string(),
  transcript: Transcript,
  /** When the call ended on this device (ms since the epoch). */
  finishedAt: z.number().int(),
  attempts: z.number().int().min(0),
});
export type PendingResult = z.output<typeof PendingResult>;

/** What became of a result the server has answered. */
export const SentResult = z.strictObject({
  run: Token,
  room: RoomCode,
  scenario: z.string(),
  at: z.number().int(),
  outcome: z.discriminatedUnion('kind', [
    z.strictObject({
      kind: z.literal('counted'),
      total: z.number().int(),
      rank: z.strictObject({ scenario: z.number().int().nullable(), overall: z.number().int().nullable() }),
    }),
    z.strictObject({
      kind: z.literal('refused'),
      /** The server's sentence, as it gave it (English). */
      reason: z.string(),
      /** The refusal's code, which the page words in its language (absent in results kept before). */
      code: z.string().optional(),
    }),
  ]),
});
export type SentResult = z.output<typeof SentResult>;

export const WorkshopState = z.strictObject({
  version: z.literal(1),
  membership: Membership.nullable(),
  hosted: z
    .array(
      z.strictObject({
        code: RoomCode,
        name: z.string(),
        secret: Token,
        /** How the room is answered (kept since typed rooms; absent: a picked room, as all were). */
        answers: z.enum(ANSWER_WAYS).optional(),
      }),
    )
    .max(50),
  /** The run token of the call in progress, by scenario id. */
  runs: z.record(z.string(), z.strictObject({ run: Token, room: RoomCode, issuedAt: z.number().int() })),
  outbox: z.array(PendingResult).max(200),
  sent: z.array(SentResult).max(100),
});
export type WorkshopState = z.output<typeof WorkshopState>;

export function emptyWorkshop(): WorkshopState {
  return { version: 1, membership: null, hosted: [], runs: {}, outbox: [], sent: [] };
}

export function workshopStore(storage: KeyValueStorage): VersionedStore<WorkshopState> {
  return versionedStore(storage, WORKSHOP_KEY, WorkshopState, emptyWorkshop, 'workshop');
}

/** The run token kept for a scenario, if any: scenario ids are data, never Object.prototype's keys. */
export function runFor(state: WorkshopState, scenarioId: string): WorkshopState['runs'][string] | undefined {
  return own(state.runs, scenarioId);
}

/** Adds a finished call to the outbox (once per run) and forgets its run token. */
export function queueResult(state: WorkshopState, pending: Omit<PendingResult, 'attempts'>): WorkshopState {
  const runs = Object.fromEntries(Object.entries(state.runs).filter(([, r]) => r.run !== pending.run));
  if (state.outbox.some((p) => p.run === pending.run) || state.sent.some((s) => s.run === pending.run)) {
    return { ...state, runs };
  }
  return { ...state, runs, outbox: [...state.outbox, { ...pending, attempts: 0 }] };
}

/** Moves a result from the outbox to the answered list. */
export function settleResult(state: WorkshopState, sent: SentResult): WorkshopState {
  return {
    ...state,
    outbox: state.outbox.filter((p) => p.run !== sent.run),
    sent: [...state.sent.filter((s) => s.run !== sent.run), sent].slice(-100),
  };
}
