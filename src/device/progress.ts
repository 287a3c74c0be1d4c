/**
 * The trainee's progress on this device: every finished call, best scores and a call interrupted by
 * a reload.
 *
 * Every call is kept. A call's transcript (about 0.4–1.5 KB; more for a long call with time-outs)
 * is what its debrief is replayed from; its summary (scenario, when, total, grade, ending, mode,
 * about 170 bytes) is what the history lists. The newest TRANSCRIPTS_KEPT calls keep their
 * transcripts; older calls keep their summary only. A browser gives a site about 5 MB of
 * localStorage, shared with settings, the shift and the workshop outbox, so progress is also kept
 * under PROGRESS_BUDGET characters, and when the browser still refuses to store it, the oldest
 * transcripts give way first: a call's score and ending are never dropped to make room.
 */
import { z } from 'zod';
import {
  DONTS,
  Grade,
  LETTERS,
  ANSWER_WAYS,
  MODES,
  SCORING_VERSION,
  Transcript,
  TranscriptEvent,
  type ScoreResult,
} from '../engine/index.js';
import { isDont } from '../engine/understand/labels.js';
import { versionedStore, type KeyValueStorage, type VersionedStore } from './store.js';

export const PROGRESS_KEY = 'keep-cool:progress';
/**
 * Calls that keep their transcript (and so their full debrief), newest first: 500 calls of about
 * 1 KB each is about half a megabyte. Older calls keep their summary.
 */
export const TRANSCRIPTS_KEPT = 500;
/**
 * The most characters progress may take in storage: 2.5 MB leaves half of a browser's usual
 * 5 MB for the other stores. 10,000 summaries take about 1.7 MB.
 */
export const PROGRESS_BUDGET = 2_500_000;

const Count = z.number().int().min(0).max(10_000);

const ScenarioRef = z.strictObject({ id: z.string().min(1), version: z.number().int().min(1) });

const InProgress = z
  .strictObject({
    kind: z.literal('keep-cool-call'),
    version: z.literal(1),
    scenario: ScenarioRef,
    elapsed: z.number().int().min(0),
    events: z.array(TranscriptEvent).max(500),
    mode: z.enum(MODES).optional(),
    answers: z.enum(ANSWER_WAYS).optional(),
  })
  .nullable();

/** An attempt as version 1 of the store kept it: always with its transcript. */
const AttemptV1 = z.strictObject({
  scenario: ScenarioRef,
  finishedAt: z.string(),
  total: z.number().int().min(0).max(1000),
  grade: Grade,
  ending: z.string().nullable(),
  scoring: z.number().int().min(1).default(1),
  transcript: Transcript,
});

export const Attempt = z.strictObject({
  scenario: ScenarioRef,
  /** When the call ended, ISO 8601. */
  finishedAt: z.string(),
  total: z.number().int().min(0).max(1000),
  grade: Grade,
  ending: z.string().nullable(),
  /** The scoring rules that produced `total`; attempts saved before it was recorded are version 1. */
  scoring: z.number().int().min(1),
  /** The mode the call was played in (kept apart from the transcript, which older calls lose). */
  mode: z.enum(MODES),
  /** How the trainee answered (absent: picked, as every call before Type mode). */
  answers: z.enum(ANSWER_WAYS).optional(),
  /** What the trainee did, to replay the debrief from; only the newest TRANSCRIPTS_KEPT calls keep it. */
  transcript: Transcript.optional(),
  /**
   * Each SOARING move's [hits, opportunities] in this call, in LETTERS order, and the don'ts broken:
   * the skills profile and the course's passes read these, so they outlive the transcript and a
   * new version of the scenario. Calls saved before they were kept are replayed when they can be.
   */
  moves: z
    .array(z.tuple([Count, Count]))
    .length(LETTERS.length)
    .optional(),
  donts: z.array(z.enum(DONTS)).max(500).optional(),
});
export type Attempt = z.output<typeof Attempt>;

const ProgressV2 = z.strictObject({
  version: z.literal(2),
  attempts: z.array(Attempt),
  /** A call in progress, saved after every step so a reload resumes it. */
  inProgress: InProgress,
});

/** Version 1 (up to 200 attempts, each with its transcript) reads as version 2: nothing is lost. */
const ProgressV1 = z
  .strictObject({ version: z.literal(1), attempts: z.array(AttemptV1), inProgress: InProgress })
  .transform((v1): z.output<typeof ProgressV2> => ({
    version: 2,
    attempts: v1.attempts.map((a) => ({ ...a, mode: a.transcript.mode ?? 'coach' })),
    inProgress: v1.inProgress,
  }));

export const Progress = z.union([ProgressV2, ProgressV1]);
export type Progress = z.output<typeof ProgressV2>;

export function emptyProgress(): Progress {
  return { version: 2, attempts: [], inProgress: null };
}

/** An attempt without its transcript: what the history lists. */
function summaryOf(attempt: Attempt): Attempt {
  const summary = { ...attempt };
  delete summary.transcript;
  return summary;
}

/** Progress with transcripts kept only for the newest `keep` attempts that have one. */
export function keepTranscripts(progress: Progress, keep: number): Progress {
  let left = Math.max(0, keep);
  const attempts = [...progress.attempts]
    .reverse()
    .map((a) => {
      if (!a.transcript) return a;
      if (left > 0) {
        left--;
        return a;
      }
      return summaryOf(a);
    })
    .reverse();
  return { ...progress, attempts };
}

/** Progress that fits in `budget` characters as JSON, the oldest transcripts given up first. */
export function fitToBudget(progress: Progress, budget = PROGRESS_BUDGET): Progress {
  let size = JSON.stringify(progress).length;
  if (size <= budget) return progress;
  const attempts = [...progress.attempts];
  for (const [i, a] of attempts.entries()) {
    if (size <= budget) break;
    if (!a.transcript) continue;
    // The transcript's JSON and its key ("transcript":…, with a comma).
    size -= JSON.stringify(a.transcript).length + ',"transcript":'.length;
    attempts[i] = summaryOf(a);
  }
  return { ...progress, attempts };
}

export function progressStore(storage: KeyValueStorage): VersionedStore<Progress> {
  const store = versionedStore(storage, PROGRESS_KEY, Progress, emptyProgress, 'progress');
  return {
    load: () => store.load(),
    save(value) {
      const fitted = fitToBudget(value);
      if (store.save(fitted)) return true;
      // Refused (the browser's quota, shared with other sites' data on some browsers): give up the
      // oldest half of the transcripts still kept, then half again, before giving up. Scores stay.
      let kept = fitted.attempts.filter((a) => a.transcript).length;
      while (kept > 0) {
        kept = Math.floor(kept / 2);
        if (store.save(keepTranscripts(fitted, kept))) return true;
      }
      return false;
    },
  };
}

/** Adds a finished call and clears the call in progress; the oldest transcripts beyond TRANSCRIPTS_KEPT go. */
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
    mode: transcript.mode ?? 'coach',
    ...(transcript.answers === 'type' ? { answers: 'type' as const } : {}),
    transcript,
    moves: LETTERS.map((l): [number, number] => [result.letters[l].hits, result.letters[l].opportunities]),
    donts: result.donts.map((d) => d.dont).filter(isDont),
  };
  return keepTranscripts(
    { ...progress, attempts: [...progress.attempts, attempt], inProgress: null },
    TRANSCRIPTS_KEPT,
  );
}

/** A scenario's attempts on this device, oldest first: attempt `n` (its address) is the n-th. */
export function attemptsAt(progress: Progress, scenarioId: string): Attempt[] {
  return progress.attempts.filter((a) => a.scenario.id === scenarioId);
}

/** The attempt's number among its scenario's attempts (1 for the first), or null if it is not there. */
export function attemptNumber(progress: Progress, attempt: Attempt): number | null {
  const index = attemptsAt(progress, attempt.scenario.id).indexOf(attempt);
  return index === -1 ? null : index + 1;
}

/**
 * Best total under today's scoring rules among a scenario's attempts before attempt `number`
 * (1 for the first), or null if there was none: what a finished call is measured against.
 */
export function bestBefore(progress: Progress, scenarioId: string, number: number): number | null {
  const totals = attemptsAt(progress, scenarioId)
    .slice(0, Math.max(0, number - 1))
    .filter((a) => a.scoring === SCORING_VERSION)
    .map((a) => a.total);
  return totals.length === 0 ? null : Math.max(...totals);
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
