/**
 * What makes a submitted result acceptable, apart from HTTP and the database: a pure function of
 * the run the server issued, the transcript the player sent, the scenario the server has and the
 * server's clock. The server replays the transcript itself; the client never sends a score.
 */
import { replay, type AnswerWay, type Scenario, type Transcript } from '../engine/index.js';
import { LETTERS } from '../engine/vocabulary.js';
import { bundledModel } from '../engine/understand/bundled.js';
import { verifyTyped } from '../engine/understand/verify.js';
import type { Grade, LetterTally } from '../api/api.js';
import { unstorableScore } from './score-guard.js';
import { WorkshopError } from './workshop-error.js';

/** How far a transcript's own clock may run ahead of the server's (network and clock jitter). */
export const CLOCK_TOLERANCE_MS = 3000;
/**
 * A run token is good for this long after the call starts: a result queued on a phone that stays
 * offline overnight (or over a weekend workshop) still counts when it comes back.
 */
export const RUN_TTL_MS = 7 * 24 * 3600 * 1000;

/** The run as the server issued it. */
export interface IssuedRun {
  scenarioId: string;
  scenarioVersion: number;
  /** When the server issued it (ms since the epoch, the server's clock). */
  issuedAt: number;
}

export interface Submission {
  run: IssuedRun;
  /** How the run's room is answered: only calls answered that way count there. */
  answers: AnswerWay;
  transcript: Transcript;
  /** The server's scenario with the run's id, if it still has one. */
  scenario: Scenario | undefined;
  /** The server's clock now. */
  now: number;
}

/** A result the server can store: what it computed itself. */
export interface Scored {
  scenario: Scenario;
  total: number;
  grade: Grade;
  ending: { id: string; kind: string };
  letters: LetterTally;
  /** The scoring rules that produced `total`. */
  scoringVersion: number;
}

export type Verdict = { ok: true; scored: Scored } | { ok: false; refusal: WorkshopError };

function formatDuration(ms: number): string {
  const seconds = Math.round(ms / 1000);
  return seconds < 60 ? `${seconds} s` : `${Math.floor(seconds / 60)} min ${seconds % 60} s`;
}

const refuse = (status: number, code: string, message: string): Verdict => ({
  ok: false,
  refusal: new WorkshopError(status, code, message),
});

/** Why a call answered the other way does not count, by how the room is answered, and what to do. */
const OTHER_WAY: Record<AnswerWay, string> = {
  pick: 'This room is answered by picking written answers, and this call was answered by typing, so it does not count here. Start the call again from the room’s page and pick your answers.',
  type: 'This room is answered by typing, in your own words, and this call was answered by picking written answers, so it does not count here. Start the call again from the room’s page and type your answers.',
};

/**
 * Decides whether a transcript counts for a run, and scores it by replaying it. Checked in order:
 * assessment mode, the room's way of answering (picked or typed), the run's scenario and version,
 * the run's age, the transcript's timing against the server's clock, typed answers understood again,
 * the replay, a reached ending and a storable score.
 */
export function judgeSubmission({ run, answers, transcript, scenario, now }: Submission): Verdict {
  if (transcript.mode !== 'assessment') {
    return refuse(
      422,
      'coach-mode',
      'Calls played in coach mode are practice and do not go on the board. Play it in assessment mode.',
    );
  }
  // Typed and picked calls are ranked apart: a room takes the one way it was created for.
  const answered = transcript.answers ?? 'pick';
  if (answered !== answers) {
    return refuse(422, 'answers-mismatch', OTHER_WAY[answers]);
  }
  if (transcript.scenario.id !== run.scenarioId || transcript.scenario.version !== run.scenarioVersion) {
    return refuse(
      422,
      'wrong-scenario',
      `This run is for ${run.scenarioId} v${run.scenarioVersion}, and the transcript is for ${transcript.scenario.id} v${transcript.scenario.version}.`,
    );
  }
  if (scenario?.id !== run.scenarioId || scenario.version !== run.scenarioVersion) {
    return refuse(
      409,
      'unknown-version',
      `This server no longer has version ${run.scenarioVersion} of ${run.scenarioId}, so it cannot score the call.`,
    );
  }
  const elapsed = now - run.issuedAt;
  if (elapsed > RUN_TTL_MS) {
    return refuse(410, 'run-expired', 'This run started too long ago to count; play the call again.');
  }
  const claimed = transcript.events.reduce((latest, e) => Math.max(latest, e.at), 0);
  if (claimed > elapsed + CLOCK_TOLERANCE_MS) {
    return refuse(
      422,
      'timing',
      `The transcript says the call ran for ${formatDuration(claimed)}, but it started ${formatDuration(elapsed)} ago by the server’s clock.`,
    );
  }
  // Typed answers are understood again here: a label or a match the server cannot reproduce is refused.
  if (transcript.events.some((e) => e.kind === 'typed')) {
    const typed = verifyTyped(scenario, transcript.events, bundledModel());
    if (!typed.ok) {
      return refuse(422, 'typed-mismatch', `The typed answers could not be checked: ${typed.reason}.`);
    }
  }
  const replayed = replay(scenario, transcript);
  if (!replayed.ok) {
    const where = replayed.step === null ? 'the transcript' : `step ${replayed.step + 1}`;
    return refuse(422, 'illegal-transcript', `The call could not be replayed: ${where}: ${replayed.reason}.`);
  }
  const result = replayed.result;
  if (!result.ending) {
    return refuse(422, 'unfinished', 'The call did not reach an ending; only finished calls count.');
  }
  const unstorable = unstorableScore(result.total);
  if (unstorable) {
    return refuse(
      422,
      'unscorable',
      `The server could not score this call: ${unstorable}. Nothing was saved; tell the facilitator that “${scenario.title}” needs checking with npm run scenarios:check.`,
    );
  }
  const letters = Object.fromEntries(
    LETTERS.map((l) => [l, [result.letters[l].hits, result.letters[l].opportunities]]),
  ) as LetterTally;
  return {
    ok: true,
    scored: {
      scenario,
      total: result.total,
      grade: result.grade,
      ending: { id: result.ending.id, kind: result.ending.kind },
      letters,
      scoringVersion: result.version,
    },
  };
}
