/**
 * The transcript: what the trainee did and when, the only input scoring needs. Versioned so later
 * event kinds (a time-out, an assembled I-message) can be added without breaking old files.
 */
import { z } from 'zod';

/** Format 2 adds time-outs, assembled I-messages and the run's mode; format 1 files still read. */
export const TRANSCRIPT_FORMAT = 2;

const Ms = z
  .number()
  .int()
  .min(0)
  .max(24 * 3600 * 1000);
const Id = z.string().min(1).max(64);

export const ChoiceEvent = z.strictObject({
  kind: z.literal('choice'),
  at: Ms.describe('ms since the call started'),
  node: Id,
  response: Id,
});

export const SilenceEvent = z.strictObject({
  kind: z.literal('silence'),
  at: Ms.describe('the moment the silence ran past the customer’s patience'),
  node: Id,
});

export const TimeoutEvent = z.strictObject({
  kind: z.literal('timeout'),
  at: Ms.describe('when the trainee paused; the call’s clock stands still during a time-out'),
  node: Id,
  thought: Id.describe('the inner thought the trainee chose'),
});

export const IMessageEvent = z.strictObject({
  kind: z.literal('i-message'),
  at: Ms.describe('when the trainee said it'),
  node: Id,
  parts: z.array(Id).min(1).max(8).describe('the pieces, in the order the trainee put them'),
});

export const TranscriptEvent = z.discriminatedUnion('kind', [
  ChoiceEvent,
  SilenceEvent,
  TimeoutEvent,
  IMessageEvent,
]);

/** Coach gives feedback after every choice; assessment keeps it for the debrief. */
export const MODES = ['coach', 'assessment'] as const;
export type Mode = (typeof MODES)[number];

export const Transcript = z.strictObject({
  format: z.union([z.literal(1), z.literal(TRANSCRIPT_FORMAT)]),
  scenario: z.strictObject({ id: Id, version: z.number().int().min(1) }),
  mode: z.enum(MODES).optional().describe('the mode the run was played in; absent means coach'),
  events: z.array(TranscriptEvent).max(500),
});

export type ChoiceEvent = z.output<typeof ChoiceEvent>;
export type SilenceEvent = z.output<typeof SilenceEvent>;
export type TimeoutEvent = z.output<typeof TimeoutEvent>;
export type IMessageEvent = z.output<typeof IMessageEvent>;
export type TranscriptEvent = z.output<typeof TranscriptEvent>;
export type Transcript = z.output<typeof Transcript>;

const MAX_MS = 24 * 3600 * 1000;
type Plain = Record<string, unknown>;

function isPlain(value: unknown): value is Plain {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return false;
  const proto = Object.getPrototypeOf(value) as unknown;
  return proto === Object.prototype || proto === null;
}

/** True when every own key of `o` is one of `keys` (and `o` has nothing enumerable inherited). */
function onlyKeys(o: Plain, keys: readonly string[]): boolean {
  for (const key in o) if (!keys.includes(key)) return false;
  return true;
}

const isId = (v: unknown): v is string => typeof v === 'string' && v.length >= 1 && v.length <= 64;
const isMs = (v: unknown): v is number =>
  Number.isSafeInteger(v) && (v as number) >= 0 && (v as number) <= MAX_MS;

function wellFormedEvent(e: unknown): TranscriptEvent | null {
  if (!isPlain(e) || !isMs(e.at) || !isId(e.node)) return null;
  const { kind, at, node } = e;
  switch (kind) {
    case 'choice':
      return onlyKeys(e, ['kind', 'at', 'node', 'response']) && isId(e.response)
        ? { kind, at, node, response: e.response }
        : null;
    case 'silence':
      return onlyKeys(e, ['kind', 'at', 'node']) ? { kind, at, node } : null;
    case 'timeout':
      return onlyKeys(e, ['kind', 'at', 'node', 'thought']) && isId(e.thought)
        ? { kind, at, node, thought: e.thought }
        : null;
    case 'i-message': {
      const { parts } = e;
      if (!onlyKeys(e, ['kind', 'at', 'node', 'parts']) || !Array.isArray(parts)) return null;
      if (parts.length < 1 || parts.length > 8) return null;
      const copy: string[] = [];
      for (let i = 0; i < parts.length; i++) {
        const part: unknown = parts[i];
        if (!isId(part)) return null;
        copy.push(part);
      }
      return { kind, at, node, parts: copy };
    }
    default:
      return null;
  }
}

/**
 * The transcript `Transcript.parse` would return, built without zod, or null when `input` is not
 * plainly well-formed. It accepts only what the schema accepts and builds the same output (fresh
 * objects, keys in schema order); anything else, including every invalid input, goes to zod.
 */
function wellFormed(input: unknown): Transcript | null {
  if (!isPlain(input) || !onlyKeys(input, ['format', 'scenario', 'mode', 'events'])) return null;
  const { format, scenario, mode, events } = input;
  if (format !== 1 && format !== TRANSCRIPT_FORMAT) return null;
  if (!isPlain(scenario) || !onlyKeys(scenario, ['id', 'version']) || !isId(scenario.id)) return null;
  const { version } = scenario;
  if (!Number.isSafeInteger(version) || (version as number) < 1) return null;
  if ('mode' in input && mode !== 'coach' && mode !== 'assessment') return null;
  if (!Array.isArray(events) || events.length > 500) return null;
  const out: TranscriptEvent[] = [];
  for (let i = 0; i < events.length; i++) {
    const event = wellFormedEvent(events[i]);
    if (!event) return null;
    out.push(event);
  }
  const header = { id: scenario.id, version: version as number };
  return 'mode' in input
    ? { format, scenario: header, mode: mode as Mode, events: out }
    : { format, scenario: header, events: out };
}

/** `Transcript.safeParse`, with a fast path for well-formed input: a server replays thousands a second. */
export function parseTranscript(input: unknown): ReturnType<typeof Transcript.safeParse> {
  const data = wellFormed(input);
  return data ? { success: true, data } : Transcript.safeParse(input);
}
