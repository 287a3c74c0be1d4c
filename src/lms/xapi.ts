/**
 * xAPI statements, apart from any transport: the verbs, activity types and extensions both the cmi5
 * package (cmi5.ts) and the workshop server use, the `answered` shape of one decision, name-based
 * (version 5) UUIDs, and the statements of a call finished in a workshop room. Pure and
 * deterministic (no DOM, no Node, no clock): the same run gives the same statements, ids included,
 * so a statement sent twice is the same statement and the LRS keeps it once.
 */
import { LETTER_NAMES, type Letter, type Scenario } from '../engine/index.js';
import { callReport, type DecisionInteraction } from './report.js';
import { duration2004 } from './scorm-model.js';

export const XAPI_VERSION = '1.0.3';

export const VERBS = {
  initialized: 'http://adlnet.gov/expapi/verbs/initialized',
  completed: 'http://adlnet.gov/expapi/verbs/completed',
  passed: 'http://adlnet.gov/expapi/verbs/passed',
  failed: 'http://adlnet.gov/expapi/verbs/failed',
  terminated: 'http://adlnet.gov/expapi/verbs/terminated',
  answered: 'http://adlnet.gov/expapi/verbs/answered',
} as const;
export type Verb = keyof typeof VERBS;

export const INTERACTION = 'http://adlnet.gov/expapi/activities/cmi.interaction';
export const ASSESSMENT = 'http://adlnet.gov/expapi/activities/assessment';
export const MEETING = 'http://adlnet.gov/expapi/activities/meeting';

/** Our own extensions: the SOARING moves an answer used and the don'ts it broke. */
export const EXT_LETTERS = 'https://keep-cool.invalid/xapi/extensions/soaring-moves';
export const EXT_DONTS = 'https://keep-cool.invalid/xapi/extensions/donts';
/** The call's total on the game's 0–1000 scale, its grade and the ending it reached. */
export const EXT_TOTAL = 'https://keep-cool.invalid/xapi/extensions/total';
export const EXT_GRADE = 'https://keep-cool.invalid/xapi/extensions/grade';
export const EXT_ENDING = 'https://keep-cool.invalid/xapi/extensions/ending';

/** Where a workshop server's activities live unless it is told otherwise. */
export const DEFAULT_ACTIVITY_BASE = 'https://keep-cool.invalid/xapi/activities';

/** A statement as we write it (the LRS adds `stored` and `authority`). */
export type Statement = Record<string, unknown> & { id: string };

/** The verb as a statement names it. */
export const verb = (name: Verb) => ({ id: VERBS[name], display: { 'en-US': name } });

/** The parts of an `answered` statement that say what the decision was and how it went. */
export function answeredParts(x: DecisionInteraction): {
  definition: Record<string, unknown>;
  result: Record<string, unknown>;
} {
  const choice = x.kind === 'choice';
  return {
    definition: {
      type: INTERACTION,
      description: { 'en-US': x.description },
      interactionType: choice ? 'choice' : 'long-fill-in',
      ...(choice ? { correctResponsesPattern: [x.best] } : {}),
    },
    result: {
      success: x.correct,
      response: choice ? x.response : x.says,
      duration: duration2004(x.latencyMs),
      extensions: {
        [EXT_LETTERS]: x.letters.map((l: Letter) => `${l} ${LETTER_NAMES[l]}`),
        [EXT_DONTS]: x.donts,
      },
    },
  };
}

// ---------------------------------------------------------------------------------------------
// Name-based UUIDs (RFC 9562, version 5: SHA-1 of a namespace and a name).

const rotl = (x: number, n: number): number => ((x << n) | (x >>> (32 - n))) >>> 0;

/** SHA-1 of `data` (20 bytes). Only for name-based UUIDs, where SHA-1 is what the standard says. */
export function sha1(data: Uint8Array): Uint8Array {
  const length = Math.ceil((data.length + 9) / 64) * 64;
  const message = new Uint8Array(length);
  message.set(data);
  message[data.length] = 0x80;
  const view = new DataView(message.buffer);
  const bits = data.length * 8;
  view.setUint32(length - 8, Math.floor(bits / 0x100000000));
  view.setUint32(length - 4, bits >>> 0);
  const h = [0x67452301, 0xefcdab89, 0x98badcfe, 0x10325476, 0xc3d2e1f0];
  const w = new Array<number>(80).fill(0);
  for (let offset = 0; offset < length; offset += 64) {
    for (let i = 0; i < 16; i++) w[i] = view.getUint32(offset + 4 * i);
    for (let i = 16; i < 80; i++) {
      w[i] = rotl((w[i - 3] ?? 0) ^ (w[i - 8] ?? 0) ^ (w[i - 14] ?? 0) ^ (w[i - 16] ?? 0), 1);
    }
    let [a, b, c, d, e] = h as [number, number, number, number, number];
    for (let i = 0; i < 80; i++) {
      const [f, k] =
        i < 20
          ? [(b & c) | (~b & d), 0x5a827999]
          : i < 40
            ? [b ^ c ^ d, 0x6ed9eba1]
            : i < 60
              ? [(b & c) | (b & d) | (c & d), 0x8f1bbcdc]
              : [b ^ c ^ d, 0xca62c1d6];
      const t = (rotl(a, 5) + (f >>> 0) + e + k + (w[i] ?? 0)) >>> 0;
      e = d;
      d = c;
      c = rotl(b, 30);
      b = a;
      a = t;
    }
    h[0] = ((h[0] ?? 0) + a) >>> 0;
    h[1] = ((h[1] ?? 0) + b) >>> 0;
    h[2] = ((h[2] ?? 0) + c) >>> 0;
    h[3] = ((h[3] ?? 0) + d) >>> 0;
    h[4] = ((h[4] ?? 0) + e) >>> 0;
  }
  const out = new Uint8Array(20);
  const outView = new DataView(out.buffer);
  h.forEach((word, i) => {
    outView.setUint32(4 * i, word);
  });
  return out;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** The version 5 UUID of `name` in `namespace` (itself a UUID). */
export function uuidV5(namespace: string, name: string): string {
  if (!UUID.test(namespace)) throw new Error(`not a UUID: ${namespace}`);
  const ns = namespace
    .replace(/-/g, '')
    .match(/../g)
    ?.map((byte) => parseInt(byte, 16));
  const named = new TextEncoder().encode(name);
  const input = new Uint8Array(16 + named.length);
  input.set(ns ?? []);
  input.set(named, 16);
  const bytes = sha1(input).slice(0, 16);
  bytes[6] = ((bytes[6] ?? 0) & 0x0f) | 0x50;
  bytes[8] = ((bytes[8] ?? 0) & 0x3f) | 0x80;
  const hex = [...bytes].map((b) => b.toString(16).padStart(2, '0')).join('');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

/** Keep Cool's own namespace for the statements and registrations it names. */
export const KEEP_COOL_NAMESPACE = 'b3c1f0d2-6f1e-5a7c-9d2e-4b8a1c0e7f35';

// ---------------------------------------------------------------------------------------------
// A call finished in a workshop room.

export interface WorkshopRun {
  /** The run's stable id on the server (never the player's token): statement ids derive from it. */
  runId: string;
  scenario: Scenario;
  /** The transcript the server accepted (it replays it here). */
  transcript: unknown;
  /** When the server issued the run, and when the result arrived (ms since the epoch). */
  startedAt: number;
  finishedAt: number;
  player: { id: string; nickname: string };
  room: { code: string; name: string };
  /** The pass mark on the game's 0–1000 scale; null when the room has none (no success is said). */
  pass: number | null;
  /** The server's public address: the home page of the players' accounts. */
  homePage: string;
  /** The IRI the activities are named under (no trailing slash needed). */
  activityBase: string;
}

export type RunStatements = { ok: true; statements: Statement[] } | { ok: false; reason: string };

/** Statement `index` of run `runId`: the same run and index always give the same id. */
export const statementId = (runId: string, index: number): string =>
  uuidV5(KEEP_COOL_NAMESPACE, `statement/${runId}/${index}`);

const iso = (ms: number): string => new Date(ms).toISOString();
const slug = (id: string): string => encodeURIComponent(id);

/**
 * The statements of a finished workshop call: one `answered` per decision, in order, then one
 * `completed` for the call with its score (scaled 0–1 as total / 1000; raw as a percentage 0–100,
 * as report.ts scores a package) and, when the room has a pass mark, its success against it.
 */
export function workshopStatements(run: WorkshopRun): RunStatements {
  const report = callReport(run.scenario, run.transcript, 1);
  if (!report.ok) return { ok: false, reason: report.reason };
  const { result, interactions } = report;
  const base = run.activityBase.replace(/\/+$/, '');
  const scenarioId = `${base}/scenarios/${slug(run.scenario.id)}`;
  const roomId = `${base}/rooms/${slug(run.room.code)}`;
  const actor = {
    objectType: 'Agent',
    name: run.player.nickname,
    account: { homePage: run.homePage, name: run.player.id },
  };
  const scenarioActivity = {
    objectType: 'Activity',
    id: scenarioId,
    definition: { type: ASSESSMENT, name: { 'en-US': run.scenario.title } },
  };
  const room = {
    objectType: 'Activity',
    id: roomId,
    definition: { type: MEETING, name: { 'en-US': run.room.name } },
  };
  const context = (parent: boolean) => ({
    registration: uuidV5(KEEP_COOL_NAMESPACE, `registration/${run.runId}`),
    platform: 'Keep Cool workshop',
    contextActivities: { ...(parent ? { parent: [scenarioActivity] } : {}), grouping: [room] },
  });
  const statements: Statement[] = interactions.map((x, i) => {
    const { definition, result: answer } = answeredParts(x);
    return {
      id: statementId(run.runId, i),
      actor,
      verb: verb('answered'),
      object: {
        objectType: 'Activity',
        id: `${scenarioId}/moments/${slug(x.moment)}`,
        definition: { ...definition, name: { 'en-US': `${run.scenario.title}: ${x.moment}` } },
      },
      result: answer,
      context: context(true),
      timestamp: iso(run.startedAt + x.at),
    };
  });
  const total = result.total;
  const callMs = result.decisions.reduce((latest, d) => Math.max(latest, d.at), 0);
  const scaled = Math.min(1, Math.max(0, total / 1000));
  statements.push({
    id: statementId(run.runId, interactions.length),
    actor,
    verb: verb('completed'),
    object: scenarioActivity,
    result: {
      score: { scaled, raw: Math.round(scaled * 100), min: 0, max: 100 },
      completion: true,
      ...(run.pass === null ? {} : { success: total >= run.pass }),
      duration: duration2004(callMs),
      extensions: {
        [EXT_TOTAL]: total,
        [EXT_GRADE]: result.grade,
        [EXT_ENDING]: result.ending?.id ?? null,
      },
    },
    context: context(false),
    timestamp: iso(run.finishedAt),
  });
  return { ok: true, statements };
}
