/** The trainee's progress on this device: attempts, best scores and a call interrupted by a reload. */
import { z } from 'zod';
import {
  Grade,
  MODES,
  SCORING_VERSION,
  Transcript,
  TranscriptEvent,
  type ScoreResult,
} from '../engine/index.js';
import { versionedStore, type KeyValueStorage, type VersionedStore } from './store.js';

export const PROGRESS_KEY = 'keep-cool:progress';
/** Oldest attempts are dropped beyond this, so storage stays small. */
export const MAX_ATTEMPTS = 200;

const ScenarioRef = z.strictObject({ id: z.string().min(1), version: z.number().int().min(1) });

export const Attempt = z.strictObject({
  scenario: ScenarioRef,
  /** When the call ended, ISO 8601. */
  finishedAt: z.string(),
  total: z.number().int().min(0).max(1000),
  grade: Grade,
  ending: z.string().nullable(),
  /** The scoring rules that produced `total`; attempts saved before it was recorded are version 1. */
  scoring: z.number().int().min(1).default(1),
  transcript: Transcript,
});
export type Attempt = z.output<typeof Attempt>;

export const Progress = z.strictObject({
  version: z.literal(1),
  attempts: z.array(Attempt).max(MAX_ATTEMPTS),
  /** A call in progress, saved after every step so a reload resumes it. */
  inProgress: z
    .strictObject({
      kind: z.literal('keep-cool-call'),
      version: z.literal(1),
      scenario: ScenarioRef,
      elapsed: z.number().int().min(0),
      events: z.array(TranscriptEvent).max(500),
      mode: z.enum(MODES).optional(),
    })
    .nullable(),
});
export type Progress = z.output<typeof Progress>;

export function emptyProgress(): Progress {
  return { version: 1, attempts: [], inProgress: null };
}

export function progressStore(storage: KeyValueStorage): VersionedStore<Progress> {
  return versionedStore(storage, PROGRESS_KEY, Progress, emptyProgress, 'progress');
}

/** Adds a finished call, keeping the newest MAX_ATTEMPTS, and clears the call in progress. */
export function withAttempt(
  progress: Progress,
  transcript: Transcript,
  result: ScoreResult,
  finishedAt: Date,
): Progress {
  const attempt: Attempt = {
    scenario: transcript.scenario,
    finishedAt: finishedAt.toISOString(),
    total: result.total,
    grade: result.grade,
    ending: result.ending?.id ?? null,
    scoring: result.version,
    transcript,
  };
  return { ...progress, attempts: [...progress.attempts, attempt].slice(-MAX_ATTEMPTS), inProgress: null };
}

/**
 * Best total for a scenario (any scenario version) under today's scoring rules, or null if never
 * finished since: a total from earlier rules is not compared with today's.
 */
export function bestScore(progress: Progress, scenarioId: string): number | null {
  const totals = progress.attempts
    .filter((a) => a.scenario.id === scenarioId && a.scoring === SCORING_VERSION)
    .map((a) => a.total);
  return totals.length === 0 ? null : Math.max(...totals);
}
