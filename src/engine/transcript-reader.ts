/**
 * Reads a transcript as `Transcript.safeParse` does, without zod for the well-formed ones: a
 * server replays thousands a second, and zod took longer than the steps themselves.
 */
import {
  TRANSCRIPT_FORMAT,
  Transcript,
  type AnswerWay,
  type Mode,
  type TranscriptEvent,
} from './transcript.js';

const MAX_MS = 24 * 3600 * 1000;
const MAX_EVENTS = 500;
const MAX_PARTS = 8;

type Plain = Record<string, unknown>;

function isPlain(value: unknown): value is Plain {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return false;
  const proto = Object.getPrototypeOf(value) as unknown;
  return proto === Object.prototype || proto === null;
}

/** True when every enumerable key of `o` is one of `keys`, as a strict object requires. */
function onlyKeys(o: Plain, keys: readonly string[]): boolean {
  for (const key in o) if (!keys.includes(key)) return false;
  return true;
}

const isId = (v: unknown): v is string => typeof v === 'string' && v.length >= 1 && v.length <= 64;
const isMs = (v: unknown): v is number =>
  Number.isSafeInteger(v) && (v as number) >= 0 && (v as number) <= MAX_MS;

const EVENT_KEYS = {
  choice: ['kind', 'at', 'node', 'response'],
  silence: ['kind', 'at', 'node'],
  timeout: ['kind', 'at', 'node', 'thought'],
  'i-message': ['kind', 'at', 'node', 'parts'],
} as const;

function readParts(parts: unknown): string[] | null {
  if (!Array.isArray(parts) || parts.length < 1 || parts.length > MAX_PARTS) return null;
  const copy: string[] = [];
  for (let i = 0; i < parts.length; i++) {
    const part: unknown = parts[i];
    if (!isId(part)) return null;
    copy.push(part);
  }
  return copy;
}

/** Each field is read once: what is checked is what is kept. */
function readEvent(e: unknown): TranscriptEvent | null {
  if (!isPlain(e)) return null;
  const { kind, at, node } = e;
  if (typeof kind !== 'string' || !Object.hasOwn(EVENT_KEYS, kind)) return null;
  if (!isMs(at) || !isId(node) || !onlyKeys(e, EVENT_KEYS[kind as keyof typeof EVENT_KEYS])) return null;
  switch (kind) {
    case 'choice': {
      const { response } = e;
      return isId(response) ? { kind, at, node, response } : null;
    }
    case 'timeout': {
      const { thought } = e;
      return isId(thought) ? { kind, at, node, thought } : null;
    }
    case 'i-message': {
      const parts = readParts(e.parts);
      return parts ? { kind, at, node, parts } : null;
    }
    default:
      return { kind: 'silence', at, node };
  }
}

/**
 * The transcript `Transcript.parse` would return, or null when `input` is not plainly well-formed.
 * It accepts only what the schema accepts and builds the same output (fresh objects, keys in the
 * schema's order); anything else, every invalid input among it, is left to zod.
 */
function readWellFormed(input: unknown): Transcript | null {
  if (!isPlain(input) || !onlyKeys(input, ['format', 'scenario', 'mode', 'answers', 'events'])) return null;
  const { format, scenario, mode, answers, events } = input;
  if (format !== 1 && format !== TRANSCRIPT_FORMAT) return null;
  if (!isPlain(scenario) || !onlyKeys(scenario, ['id', 'version'])) return null;
  const { id, version } = scenario;
  if (!isId(id) || !Number.isSafeInteger(version) || (version as number) < 1) return null;
  const hasMode = 'mode' in input;
  if (hasMode && mode !== 'coach' && mode !== 'assessment') return null;
  const hasAnswers = 'answers' in input;
  if (hasAnswers && answers !== 'pick' && answers !== 'type') return null;
  if (!Array.isArray(events) || events.length > MAX_EVENTS) return null;
  const read: TranscriptEvent[] = [];
  for (let i = 0; i < events.length; i++) {
    const event = readEvent(events[i]);
    if (!event) return null;
    read.push(event);
  }
  const header = { id, version: version as number };
  return {
    format,
    scenario: header,
    ...(hasMode ? { mode: mode as Mode } : {}),
    ...(hasAnswers ? { answers: answers as AnswerWay } : {}),
    events: read,
  };
}

/** `Transcript.safeParse(input)`, quicker for a well-formed transcript; the same answer always. */
export function parseTranscript(input: unknown): ReturnType<typeof Transcript.safeParse> {
  const data = readWellFormed(input);
  return data ? { success: true, data } : Transcript.safeParse(input);
}
