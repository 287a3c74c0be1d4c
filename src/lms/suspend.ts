/**
 * What a package keeps in the LMS between sessions (suspend data): the calls that count, the other
 * finished calls (a course chapter is passed on any one of its calls, not only the counted one),
 * how many calls the learner has finished (so interactions keep their numbers), and the call in
 * progress. Each standard caps it (SCORM 1.2 at 4,096 characters). What gives way, in order: the
 * oldest of the other calls, then the call in progress (the learner resumes from their last
 * finished call). The counted calls always fit: the packager refuses a package with more calls
 * than its standard's suspend data can hold.
 */
import { z } from 'zod';
import { ANSWER_WAYS, LETTERS, MODES, TranscriptEvent, type PersistedCall } from '../engine/index.js';
import type { FinishedCall, LmsFormat } from './report.js';

/** Each standard's cap on suspend data, in characters. */
export const SUSPEND_LIMIT: Record<LmsFormat, number> = {
  scorm12: 4096,
  scorm2004: 64000,
  // cmi5 keeps it in the LRS's state API, which has no cap; we keep to 2004's.
  cmi5: 64000,
};

const Moves = z.array(z.number().int().min(0).max(10_000)).length(LETTERS.length * 2);

/** A finished call: [scenario, version, total, mode's initial, hits and opportunities flat]. */
const CallTuple = z.tuple([
  z.string().min(1).max(64),
  z.number().int().min(1),
  z.number().int().min(0).max(1000),
  z.enum(['c', 'a']),
  Moves,
]);

const Suspended = z.strictObject({
  v: z.literal(1),
  /** The counted calls. */
  c: z.array(CallTuple),
  /** The other finished calls, oldest first. */
  h: z.array(CallTuple).optional(),
  /** Calls finished in this package, counted or not. */
  n: z.number().int().min(0),
  /** The call in progress, as the game saves it. */
  p: z
    .strictObject({
      kind: z.literal('keep-cool-call'),
      version: z.literal(1),
      scenario: z.strictObject({ id: z.string().min(1), version: z.number().int().min(1) }),
      elapsed: z.number().int().min(0),
      events: z.array(TranscriptEvent).max(500),
      mode: z.enum(MODES).optional(),
      answers: z.enum(ANSWER_WAYS).optional(),
    })
    .nullable(),
});

export interface PackageProgress {
  counted: FinishedCall[];
  /** The other finished calls, oldest first. */
  others: FinishedCall[];
  finished: number;
  inProgress: PersistedCall | null;
}

export const NO_PROGRESS: PackageProgress = { counted: [], others: [], finished: 0, inProgress: null };

const tuple = (call: FinishedCall) =>
  [
    call.scenario,
    call.version,
    call.total,
    call.mode === 'assessment' ? 'a' : 'c',
    call.moves.flat(),
  ] as const;

function untuple([scenario, version, total, mode, flat]: z.infer<typeof CallTuple>): FinishedCall {
  return {
    scenario,
    version,
    total,
    mode: mode === 'a' ? 'assessment' : 'coach',
    moves: LETTERS.map((_, i): [number, number] => [flat[2 * i] ?? 0, flat[2 * i + 1] ?? 0]),
  };
}

/**
 * The suspend data for `progress`, within `limit`: the oldest other calls give way first, then the
 * call in progress.
 */
export function encodeSuspend(progress: PackageProgress, limit: number): string {
  const c = progress.counted.map(tuple);
  const h = progress.others.map(tuple);
  const write = (kept: number, p: PersistedCall | null) =>
    JSON.stringify({ v: 1, c, h: h.slice(h.length - kept), n: progress.finished, p });
  for (const p of [progress.inProgress, null]) {
    if (write(0, p).length > limit) continue;
    // As many of the newest other calls as fit beside it.
    let kept = h.length;
    while (kept > 0 && write(kept, p).length > limit) kept = Math.floor(kept * 0.9);
    return write(kept, p);
  }
  return write(0, null);
}

/** Reads suspend data back; anything unreadable (another tool's, damaged) is a fresh start, with why. */
export function decodeSuspend(text: string): { progress: PackageProgress; problem: string | null } {
  if (text.trim() === '') return { progress: NO_PROGRESS, problem: null };
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    return { progress: NO_PROGRESS, problem: 'the saved progress is not Keep Cool’s (not JSON)' };
  }
  const parsed = Suspended.safeParse(json);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    return {
      progress: NO_PROGRESS,
      problem: `the saved progress could not be read (${issue?.path.join('.') || 'root'}: ${issue?.message ?? 'invalid'})`,
    };
  }
  const { c, h, n, p } = parsed.data;
  return {
    progress: { counted: c.map(untuple), others: (h ?? []).map(untuple), finished: n, inProgress: p },
    problem: null,
  };
}
