/**
 * What the workshop server answers. The server serialises every reply through these schemas (a
 * reply that does not fit them is a bug, refused with a 500 rather than sent), and the page parses
 * what it receives with the same ones. They are not strict: a field added later is dropped by an
 * older page rather than breaking it.
 */
import { z } from 'zod';
import { ANSWER_WAYS } from '../engine/transcript.js';
import { LETTERS } from '../engine/vocabulary.js';
import { CallInfo, Grade, PlayerId, RoomCode, ScenarioId, TeamId, Token } from './ids.js';
import { MapView } from './map-replies.js';

export const ROOM_STATUSES = ['draft', 'open', 'closed'] as const;
export const RoomStatus = z.enum(ROOM_STATUSES);
export type RoomStatus = z.output<typeof RoomStatus>;

const Count = z.number().int().min(0);
/** A moment, in ms since the epoch. */
const Time = z.number().int();

export const RoomInfo = z.object({
  code: RoomCode,
  name: z.string(),
  status: RoomStatus,
  scenarios: z.array(CallInfo),
  /** How the room's calls are answered (picked or typed); only calls answered that way count. */
  answers: z.enum(ANSWER_WAYS),
  /** What the projector shows of the decision map (absent: hidden, nicknames off). */
  map: MapView.optional(),
});
export type RoomInfo = z.output<typeof RoomInfo>;

/** A new room, and the secret that lets its facilitator run it (shown once, kept on the device). */
export const RoomCreated = z.object({ secret: Token, room: RoomInfo });
export type RoomCreated = z.output<typeof RoomCreated>;

/** One of a room's teams, as its facilitator named it. */
export const TeamInfo = z.object({ id: TeamId, name: z.string() });
export type TeamInfo = z.output<typeof TeamInfo>;

/** A room's teams, in the facilitator's order; none when the room plays without teams. */
export const TeamList = z.object({ teams: z.array(TeamInfo) });
export type TeamList = z.output<typeof TeamList>;

const PlayerInfo = z.object({ id: PlayerId, nickname: z.string() });

export const Joined = z.object({
  player: PlayerInfo,
  token: Token,
  room: RoomInfo,
  /** The team they joined, or null in a room without teams. */
  team: TeamInfo.nullable(),
});
export type Joined = z.output<typeof Joined>;

/** Who a player token is, and in which room. */
export const Me = z.object({ player: PlayerInfo, room: RoomInfo });
export type Me = z.output<typeof Me>;

/** The room's players, for the facilitator. */
export const PlayerList = z.object({
  players: z.array(z.object({ id: PlayerId, nickname: z.string(), joinedAt: Time, results: Count })),
});
export type PlayerList = z.output<typeof PlayerList>;

export const RunStarted = z.object({
  run: Token,
  scenario: z.object({ id: ScenarioId, version: z.number().int().min(1) }),
  issuedAt: Time,
});
export type RunStarted = z.output<typeof RunStarted>;

/** A place on a board (1 is first), or null when the player is not on it. */
const Place = z.number().int().min(1).nullable();

/** What the server computed for a result. */
export const ResultAccepted = z.object({
  total: z.number().int(),
  grade: Grade,
  ending: z.string().nullable(),
  /** Where the player stands on this scenario's board and overall. */
  rank: z.object({ scenario: Place, overall: Place }),
  /** True when this exact result had already been received (a retry): it counted once. */
  duplicate: z.boolean(),
});
export type ResultAccepted = z.output<typeof ResultAccepted>;

/** hits and opportunities per SOARING letter. */
export const LetterTally = z.record(z.enum(LETTERS), z.tuple([Count, Count]));
export type LetterTally = z.output<typeof LetterTally>;

export const BoardEntry = z.object({
  rank: z.number().int().min(1),
  player: PlayerId,
  nickname: z.string(),
  total: z.number().int(),
  /** When the player reached this total; the earlier wins a tie. */
  finishedAt: Time,
});
export type BoardEntry = z.output<typeof BoardEntry>;

export const LetterProfile = z.object({
  letter: z.enum(LETTERS),
  hits: Count,
  opportunities: Count,
  /** hits / opportunities, or null when no call in the room offered the letter. */
  ratio: z.number().nullable(),
});
export type LetterProfile = z.output<typeof LetterProfile>;

/**
 * A team on the team board. Its score is the mean of the overall totals of its members who have
 * finished at least one call (`counted` of its `members`), rounded; null (and no place) before any.
 */
export const TeamEntry = z.object({
  rank: z.number().int().min(1).nullable(),
  team: TeamId,
  name: z.string(),
  total: z.number().int().nullable(),
  members: Count,
  counted: Count,
  /** When the team reached this score: the latest of its counted members' overall finishes. */
  finishedAt: Time.nullable(),
});
export type TeamEntry = z.output<typeof TeamEntry>;

/** Where one player stands, wherever that is: sent to their own phone only (the boards stop at a cap). */
const Standing = z.object({ rank: z.number().int().min(1), total: z.number().int() });
export const PlaceReport = z.object({
  revision: Count,
  player: PlayerId,
  overall: Standing.nullable(),
  byScenario: z.record(ScenarioId, Standing),
  team: TeamId.nullable(),
});
export type PlaceReport = z.output<typeof PlaceReport>;

export const BoardSnapshot = z.object({
  room: RoomInfo,
  /** Grows with every change; a reconnecting client compares it to what it has. */
  revision: Count,
  players: Count,
  /** Finished calls of the room's current calls (a call taken out of the room leaves the count). */
  results: Count,
  overall: z.array(BoardEntry),
  byScenario: z.record(ScenarioId, z.array(BoardEntry)),
  profile: z.array(LetterProfile),
  /** The letter the room did least well, or null before any result. */
  weakest: z.enum(LETTERS).nullable(),
  /**
   * How many are on each board in all: the lists above stop at the stream's cap, so a screen can
   * say how many it does not show.
   */
  onBoard: z.object({ overall: Count, byScenario: z.record(ScenarioId, Count) }),
  /** Every team, best first (teams without a score yet last); empty when the room has no teams. */
  teams: z.array(TeamEntry),
});
export type BoardSnapshot = z.output<typeof BoardSnapshot>;

/** Every scenario the server can score, for the facilitator's picker. */
export const Library = z.object({ scenarios: z.array(CallInfo) });
export type Library = z.output<typeof Library>;

/** Where attendees' phones reach this server (for the projector's QR code), if known. */
export const ServerInfo = z.object({ publicUrl: z.string().nullable() });
export type ServerInfo = z.output<typeof ServerInfo>;

export const Health = z.object({
  status: z.enum(['ok', 'unavailable']),
  db: z.enum(['ok', 'unreachable']),
  scenarios: Count,
  liveClients: Count,
  uptimeSeconds: Count,
});
export type Health = z.output<typeof Health>;

/** The body of every refusal: a stable code for programs, a sentence for people. */
export const ApiError = z.object({
  error: z.object({ code: z.string(), message: z.string(), where: z.string().optional() }),
});
export type ApiError = z.output<typeof ApiError>;

/**
 * Where a room's results go as xAPI, for its facilitator: the endpoint (never the credentials),
 * the pass mark, and how its statements stand: waiting, taken by the LRS, or refused for good
 * (with the last reason given).
 */
export const LrsStatus = z.object({
  configured: z.boolean(),
  endpoint: z.string().nullable(),
  pass: z.number().int().nullable(),
  statements: z.object({ pending: Count, sent: Count, failed: Count }),
  lastError: z.string().nullable(),
});
export type LrsStatus = z.output<typeof LrsStatus>;
