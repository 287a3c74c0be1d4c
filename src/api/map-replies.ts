/**
 * The room's decision map as the API carries it, and the facilitator's control of what the
 * projector shows of it. Arrays throughout (never objects keyed by a scenario's ids), so an id such
 * as `constructor` is only ever a value.
 */
import { z } from 'zod';
import { ANSWER_WAYS } from '../engine/transcript.js';
import { LABELS } from '../engine/understand/labels.js';
import { LETTERS } from '../engine/vocabulary.js';
import { RoomCode, ScenarioId } from './ids.js';

const Count = z.number().int().min(0);
/** A share of the players who reached a moment, in whole percent. */
const Percent = z.number().int().min(0).max(100);
const Letter = z.enum(LETTERS);
/** A node's, response's or don't's id as a scenario writes it (a `#` marks the game's own). */
const MapId = z.string().min(1).max(80);

/** What a moment's most common mistake was: a don't (or slip), a weaker answer, or a move missed. */
export const MapMistake = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('dont'), dont: MapId, count: Count, share: Percent }),
  z.object({ kind: z.literal('answer'), answer: MapId, says: z.string(), count: Count, share: Percent }),
  z.object({ kind: z.literal('missed'), letter: Letter, count: Count, share: Percent }),
]);
export type MapMistake = z.output<typeof MapMistake>;

/** One way a moment was answered: a written response, the I-message builder, or silence. */
export const MapAnswer = z.object({
  id: MapId,
  kind: z.enum(['response', 'i-message', 'silence']),
  /** The written answer's words (empty for silence and the I-message). */
  says: z.string(),
  count: Count,
  /** Shares of one moment add up to exactly 100. */
  share: Percent,
  /** The strongest thing to have said here. */
  best: z.boolean(),
  /** The moves the answer earned here, and the don'ts and slips it broke. */
  letters: z.array(Letter),
  donts: z.array(MapId),
  /** Who answered so: only when the facilitator shows nicknames on the map. */
  names: z.array(z.string()).optional(),
  /** The asking player's own answer (only ever their own). */
  mine: z.boolean().optional(),
});
export type MapAnswer = z.output<typeof MapAnswer>;

/** A move or don't heard in the room's typed answers at a moment. */
export const MapMove = z.object({ label: z.enum(LABELS), count: Count, share: Percent });
export type MapMove = z.output<typeof MapMove>;

export const MapMoment = z.object({
  /** `scenario/node`: the step's name for the facilitator's control. */
  key: z.string(),
  node: MapId,
  /** What the customer says there (the node's default line). */
  line: z.string(),
  calledFor: z.array(Letter),
  /** Players who answered here (each counted once, with their first answer at the moment). */
  reached: Count,
  answers: z.array(MapAnswer),
  /** Typed rooms: the moves and don'ts heard, by how many players made them. */
  moves: z.array(MapMove),
  /** The customer's anger, averaged over the players, as they arrived and after they answered. */
  anger: z.object({ before: Count, after: Count }),
  /** The strongest option's id and the moves it makes here: what the prompt asks the room about. */
  bestAnswer: MapId.nullable(),
  bestLetters: z.array(Letter),
  mistake: MapMistake.nullable(),
  /** The asking player's typed words here (typed rooms, their own only). */
  myWords: z.string().optional(),
});
export type MapMoment = z.output<typeof MapMoment>;

export const MapScenario = z.object({
  id: ScenarioId,
  title: z.string(),
  version: z.number().int().min(0),
  /** Players whose run of this call is on the map. */
  players: Count,
  /** The moment where the customer's anger, after the room's answers, was highest on average. */
  peak: MapId.nullable(),
  moments: z.array(MapMoment),
});
export type MapScenario = z.output<typeof MapScenario>;

/** The room's decision map: per call, per moment the room reached, what the room did there. */
export const RoomMap = z.object({
  room: RoomCode,
  /** The board's revision the map was computed at. */
  revision: Count,
  answers: z.enum(ANSWER_WAYS),
  /** Whether nicknames are on the map (the facilitator's choice; off unless turned on). */
  names: z.boolean(),
  scenarios: z.array(MapScenario),
});
export type RoomMap = z.output<typeof RoomMap>;

/** What the projector shows of the map: whether it is up, which moment, and whether names are. */
export const MapView = z.object({
  shown: z.boolean(),
  /** The moment on screen (`scenario/node`), or null for the first. */
  moment: z.string().max(200).nullable(),
  names: z.boolean(),
});
export type MapView = z.output<typeof MapView>;

/** The facilitator sets the whole view at once: sending it twice does the same as once. */
export const MapViewBody = z.strictObject({
  shown: z.boolean(),
  moment: z
    .string()
    .max(200)
    .regex(/^[a-z0-9-]{1,64}\/[a-z0-9-]{1,64}$/, 'a moment as `scenario/node`')
    .nullable(),
  names: z.boolean(),
});
export type MapViewBody = z.output<typeof MapViewBody>;
