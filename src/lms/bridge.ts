/**
 * A package's bridge between the game and the LMS. The game keeps its progress in storage as it
 * always does; inside a package that storage is the bridge's (in memory, seeded from the LMS's
 * suspend data), so the LMS, not the browser, holds the learner's progress: nothing of one learner
 * is left on a shared computer, and a second package on the same LMS keeps its own. Each save
 * the game makes is read here: a finished call is replayed and reported (one interaction per
 * decision, the score, the move objectives), and the call in progress goes into the suspend data
 * so the learner resumes where they were.
 */
import {
  SCORING_VERSION,
  gradeOf,
  type PersistedCall,
  type Scenario,
  type Transcript,
} from '../engine/index.js';
import { PROGRESS_KEY, Progress, type Attempt } from '../device/progress.js';
import { SETTINGS_KEY, defaultSettings } from '../device/settings.js';
import type { KeyValueStorage } from '../device/store.js';
import type { LmsConnection, LmsUpdate } from './connection.js';
import {
  callReport,
  countedCalls,
  finishedCall,
  moveObjectives,
  packageScore,
  type FinishedCall,
  type PackageConfig,
  type PackageScore,
} from './report.js';
import { SUSPEND_LIMIT, decodeSuspend, encodeSuspend } from './suspend.js';

export interface PackageStatus {
  reporting: boolean;
  score: PackageScore;
  /** What went wrong talking to the LMS, or reading what it kept; empty when all is well. */
  problems: readonly string[];
}

export interface PackageSession {
  /** The storage the game runs on inside the package. */
  storage: KeyValueStorage;
  status(): PackageStatus;
  /** Called after every report (for the page's status line). */
  onChange(listener: (status: PackageStatus) => void): void;
  /** Ends the LMS session: the page is going away. */
  finish(): void;
}

/** A finished call as the game's progress lists it, from what the suspend data kept of it. */
function summaryAttempt(call: FinishedCall, at: string): Attempt {
  return {
    scenario: { id: call.scenario, version: call.version },
    finishedAt: at,
    total: call.total,
    grade: gradeOf(call.total),
    ending: null,
    scoring: SCORING_VERSION,
    mode: call.mode,
    moves: call.moves,
  };
}

/** Storage in memory: the package keeps nothing in the browser. */
export function memoryStorage(
  seed: Record<string, string> = {},
): KeyValueStorage & { data: Map<string, string> } {
  const data = new Map(Object.entries(seed));
  return {
    data,
    getItem: (key) => data.get(key) ?? null,
    setItem: (key, value) => void data.set(key, value),
    removeItem: (key) => void data.delete(key),
  };
}

export function startPackage(
  config: PackageConfig,
  scenarios: readonly Scenario[],
  connection: LmsConnection | null,
  now: () => Date = () => new Date(),
): PackageSession {
  const problems: string[] = [];
  const { progress: kept, problem } = decodeSuspend(connection?.suspended ?? '');
  if (problem) problems.push(problem);
  let counted: FinishedCall[] = [...countedCalls(config, kept.counted).values()];
  // Every other finished call is kept too: a course chapter is passed on any one of its calls.
  let others: FinishedCall[] = kept.others;
  let finished = kept.finished;
  let inProgress: PersistedCall | null = kept.inProgress;
  let sent = connection?.interactions ?? 0;
  let location = inProgress?.scenario.id ?? counted.at(-1)?.scenario ?? config.scenarios[0] ?? '';
  const listeners: ((status: PackageStatus) => void)[] = [];

  const settings = { ...defaultSettings(), mode: config.mode };
  const startedAt = now().toISOString();
  const seeded: Progress = {
    version: 2,
    attempts: [...others, ...counted].map((c) => summaryAttempt(c, startedAt)),
    inProgress,
  };
  const inner = memoryStorage({
    [SETTINGS_KEY]: JSON.stringify(settings),
    [PROGRESS_KEY]: JSON.stringify(seeded),
  });
  let attemptsSeen = seeded.attempts.length;

  const byId = new Map(scenarios.map((s) => [`${s.id}@${s.version}`, s]));
  const status = (): PackageStatus => ({
    reporting: connection !== null,
    score: packageScore(config, counted),
    problems: [...problems, ...(connection?.problems ?? [])],
  });
  const report = (interactions: LmsUpdate['interactions']) => {
    const update: LmsUpdate = {
      score: packageScore(config, counted),
      objectives: moveObjectives(config, counted),
      interactions,
      suspend: encodeSuspend({ counted, others, finished, inProgress }, SUSPEND_LIMIT[config.format]),
      location,
    };
    void connection?.write(update);
    const now = status();
    for (const listener of listeners) listener(now);
  };

  /** A finished call: replayed for its decisions, and counted if it is the one that counts. */
  const finishCall = (attempt: Attempt, transcript: Transcript): LmsUpdate['interactions'] => {
    const scenario = byId.get(`${transcript.scenario.id}@${transcript.scenario.version}`);
    if (!scenario) {
      problems.push(`a call of ${transcript.scenario.id} could not be reported: not in this package`);
      return [];
    }
    finished += 1;
    const made = callReport(scenario, transcript, finished);
    if (!made.ok) {
      problems.push(`a call of ${scenario.id} could not be reported: ${made.reason}`);
      return [];
    }
    const mode = transcript.mode ?? 'coach';
    const call = finishedCall(scenario, made.result, mode);
    const nowCounted = [...countedCalls(config, [...counted, call]).values()];
    // A call that no longer counts (or never did) joins the others.
    others = [...others, ...[...counted, call].filter((c) => !nowCounted.includes(c))];
    counted = nowCounted;
    location = scenario.id;
    const end = Date.parse(attempt.finishedAt);
    const lastAt = Math.max(0, ...transcript.events.map((e) => e.at));
    return made.interactions.map((interaction) => ({
      index: sent++,
      interaction,
      answeredAt: new Date(end - (lastAt - interaction.at)),
    }));
  };

  const onProgress = (value: string) => {
    let progress: Progress;
    try {
      const parsed = Progress.safeParse(JSON.parse(value));
      if (!parsed.success) return;
      progress = parsed.data;
    } catch {
      return;
    }
    const fresh = progress.attempts.slice(attemptsSeen);
    attemptsSeen = progress.attempts.length;
    const interactions = fresh.flatMap((a) => (a.transcript ? finishCall(a, a.transcript) : []));
    const movedOn = JSON.stringify(progress.inProgress) !== JSON.stringify(inProgress);
    inProgress = progress.inProgress;
    if (inProgress) location = inProgress.scenario.id;
    if (interactions.length > 0 || fresh.length > 0 || movedOn) report(interactions);
  };

  const storage: KeyValueStorage = {
    getItem: (key) => inner.getItem(key),
    setItem(key, value) {
      inner.setItem(key, value);
      if (key === PROGRESS_KEY) onProgress(value);
    },
    removeItem: (key) => {
      inner.removeItem(key);
    },
  };

  // The first report says the learner is here: incomplete until every call is finished.
  report([]);
  return {
    storage,
    status,
    onChange: (listener) => void listeners.push(listener),
    finish: () => connection?.finish(),
  };
}
