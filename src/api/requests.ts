/**
 * What the page sends the workshop server. The server validates every part of every request with
 * these schemas (unknown fields refused), so a request either fits them or gets a 400 saying where.
 */
import { z } from 'zod';
import { ANSWER_WAYS, Transcript } from '../engine/transcript.js';
import { PlayerId, RunToken, ScenarioId, TeamId, TypedRoomCode } from './ids.js';
import { cleanShownText, ROOM_NAME_MAX } from './shown-text.js';

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

export const JoinBody = z.strictObject({
  nickname: z.string().max(200),
  /** The team picked from the room's list: required in a room with teams, refused in one without. */
  team: TeamId.optional(),
});

/** The most teams a room can have: a projector shows them all. */
export const TEAMS_MAX = 12;

/**
 * A room's teams by name, in order (replacing the list before): none turns teams off, otherwise
 * two or more. Each name is cleaned like a nickname on the server, which says which one it refused.
 */
export const SetTeamsBody = z.strictObject({
  teams: z
    .array(z.string().max(200))
    .max(TEAMS_MAX, `A room can have at most ${TEAMS_MAX} teams.`)
    .refine((t) => t.length !== 1, 'Teams need at least two teams; give none to play without teams.'),
});

export const StartRunBody = z.strictObject({ scenario: ScenarioId, version: z.number().int().min(1) });

/** The client sends what happened, never a score: the server replays it. */
export const ResultBody = z.strictObject({ run: RunToken, transcript: Transcript });

export const RoomCodeParams = z.strictObject({ code: TypedRoomCode });

export const PlayerParams = z.strictObject({ code: TypedRoomCode, player: PlayerId });

/**
 * A live board's query string: who is watching (`key`: a player token, or the room's secret for
 * the facilitator page and the projector), so the server counts the stream on them rather than on
 * the address a whole hall shares. Without one, the stream is anonymous.
 */
export const StreamQuery = z.strictObject({ key: z.string().max(200).optional() });

/** The parts of a request a route takes nothing in (the server refuses any query string by default). */
export const Nothing = z.strictObject({});

export type EndpointProblem = 'not-address' | 'protocol' | 'credentials' | 'query';

/**
 * What is wrong with an LRS endpoint, or null when it will do: it must be an absolute http(s)
 * address with no credentials, query or fragment in it. The page words the problem its own way.
 */
export function endpointProblem(value: string): EndpointProblem | null {
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    return 'not-address';
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') return 'protocol';
  if (url.username !== '' || url.password !== '') return 'credentials';
  if (url.search !== '' || url.hash !== '') return 'query';
  return null;
}

const ENDPOINT_PROBLEMS: Record<EndpointProblem, (value: string) => string> = {
  'not-address': () => 'The LRS endpoint must be a full address, like https://lrs.example.com/xapi/.',
  protocol: (value) =>
    `The LRS endpoint must start with https:// or http://, not ${new URL(value).protocol}//.`,
  credentials: () => 'Put the LRS credentials in key and secret, not in the endpoint’s address.',
  query: () => 'The LRS endpoint cannot have a query (?…) or a fragment (#…): give its xAPI base address.',
};

/**
 * A room's Learning Record Store: its xAPI endpoint and HTTP Basic credentials (the key cannot hold
 * a colon, as Basic authentication joins the two with one), and an optional pass mark on the
 * game's 0–1000 scale that the `completed` statements' success is judged against.
 */
export const LrsConfigBody = z.strictObject({
  endpoint: z
    .string()
    .trim()
    .max(2000)
    .superRefine((value, context) => {
      const problem = endpointProblem(value);
      if (problem) context.addIssue({ code: 'custom', message: ENDPOINT_PROBLEMS[problem](value) });
    })
    .transform((value) => {
      const url = new URL(value);
      return url.href.endsWith('/') ? url.href : `${url.href}/`;
    }),
  key: z
    .string()
    .min(1, 'Give the LRS key (the Basic authentication user name).')
    .max(500)
    .refine((k) => !k.includes(':'), 'The LRS key cannot contain a colon (“:”).'),
  secret: z.string().min(1, 'Give the LRS secret (the Basic authentication password).').max(500),
  pass: z.number().int().min(0).max(1000).nullable().default(null),
});
export type LrsConfigBody = z.output<typeof LrsConfigBody>;
