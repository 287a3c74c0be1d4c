/**
 * What makes a submitted result acceptable, without HTTP or a database: judgeSubmission on its own,
 * with golden transcripts, the shipped scenarios and a clock the test sets.
 */
import { describe, expect, it } from 'vitest';
import type { Scenario, Transcript } from '../../src/engine/index.js';
import type { Label } from '../../src/engine/understand/labels.js';
import { SCORING_VERSION } from '../../src/engine/index.js';
import {
  CLOCK_TOLERANCE_MS,
  RUN_TTL_MS,
  judgeSubmission,
  type Submission,
  type Verdict,
} from '../../src/server/submission.js';
import { LIBRARY, golden, typedTranscript } from '../support/workshop.js';

const BEST = golden('dented-shelves-tell-me-about-it');
const SHELVES = LIBRARY.find((s) => s.id === 'dented-shelves');
if (!SHELVES) throw new Error('the shipped library has dented-shelves');
const ISSUED = Date.parse('2026-11-25T09:00:00Z');
/** How long the golden call took by its own clock. */
const LENGTH = Math.max(...BEST.transcript.events.map((e) => e.at));

/**
 * A submission of the best golden call in a picked room, sent a minute after it ended; `change`
 * alters any part.
 */
function submission(change: Partial<Submission> = {}): Submission {
  return {
    run: {
      scenarioId: 'dented-shelves',
      scenarioVersion: BEST.transcript.scenario.version,
      issuedAt: ISSUED,
    },
    answers: 'pick',
    transcript: BEST.transcript,
    scenario: SHELVES,
    now: ISSUED + LENGTH + 60_000,
    ...change,
  };
}

function refusal(verdict: Verdict): { status: number; code: string; message: string } {
  if (verdict.ok) throw new Error('expected a refusal, and the submission was accepted');
  const { status, code, message } = verdict.refusal;
  return { status, code, message };
}

describe('judgeSubmission', () => {
  it('scores an honest call by replaying it: the golden total, grade, ending and letters', () => {
    const verdict = judgeSubmission(submission());
    if (!verdict.ok) throw new Error(verdict.refusal.message);
    expect(verdict.scored.total).toBe(BEST.total);
    expect(verdict.scored.ending.id).toBe(BEST.ending);
    expect(verdict.scored.ending.kind).toBe('resolved');
    expect(['A', 'B', 'C', 'D', 'E']).toContain(verdict.scored.grade);
    expect(verdict.scored.scoringVersion).toBe(SCORING_VERSION);
    expect(verdict.scored.scenario).toBe(SHELVES);
    // Hits never exceed chances, for every SOARING letter.
    for (const [hits, chances] of Object.values(verdict.scored.letters)) {
      expect(hits).toBeLessThanOrEqual(chances);
    }
  });

  it('refuses a call played in coach mode: practice does not go on the board', () => {
    const coach: Transcript = { ...BEST.transcript, mode: 'coach' };
    expect(refusal(judgeSubmission(submission({ transcript: coach })))).toMatchObject({
      status: 422,
      code: 'coach-mode',
    });
  });

  it('refuses a transcript of another scenario or version than the run', () => {
    const other: Transcript = { ...BEST.transcript, scenario: { id: 'dented-shelves', version: 7 } };
    expect(refusal(judgeSubmission(submission({ transcript: other })))).toMatchObject({
      status: 422,
      code: 'wrong-scenario',
      message: `This run is for dented-shelves v${BEST.transcript.scenario.version}, and the transcript is for dented-shelves v7.`,
    });
  });

  it('refuses a run of a scenario version the server no longer has', () => {
    const newer: Scenario = { ...SHELVES, version: SHELVES.version + 1 };
    expect(refusal(judgeSubmission(submission({ scenario: newer })))).toMatchObject({
      status: 409,
      code: 'unknown-version',
    });
    expect(refusal(judgeSubmission(submission({ scenario: undefined }))).code).toBe('unknown-version');
  });

  it('counts a run up to a week old, and refuses an older one', () => {
    expect(judgeSubmission(submission({ now: ISSUED + RUN_TTL_MS })).ok).toBe(true);
    expect(refusal(judgeSubmission(submission({ now: ISSUED + RUN_TTL_MS + 1 })))).toMatchObject({
      status: 410,
      code: 'run-expired',
    });
  });

  it('refuses a call that claims to have lasted longer than the server has known the run', () => {
    // The clock tolerance and no more.
    expect(judgeSubmission(submission({ now: ISSUED + LENGTH - CLOCK_TOLERANCE_MS })).ok).toBe(true);
    const tooLong = refusal(judgeSubmission(submission({ now: ISSUED + LENGTH - CLOCK_TOLERANCE_MS - 1 })));
    expect(tooLong).toMatchObject({ status: 422, code: 'timing' });
    expect(tooLong.message).toMatch(/^The transcript says the call ran for .*, but it started .* ago/);
  });

  it('refuses a modified transcript, naming the step, and a call cut short', () => {
    const events = BEST.transcript.events.map((e, i) =>
      i === 1 ? { ...e, response: 'full-refund-now' } : e,
    );
    const modified = refusal(judgeSubmission(submission({ transcript: { ...BEST.transcript, events } })));
    expect(modified).toMatchObject({ status: 422, code: 'illegal-transcript' });
    expect(modified.message).toMatch(/step 2/);
    const short: Transcript = { ...BEST.transcript, events: BEST.transcript.events.slice(0, 1) };
    expect(refusal(judgeSubmission(submission({ transcript: short })))).toMatchObject({
      status: 422,
      code: 'unfinished',
    });
  });

  it('refuses a score it could not store, naming the scenario to check', () => {
    const ending = SHELVES.endings[BEST.ending];
    if (!ending) throw new Error('the golden call ends at one of the scenario’s endings');
    const broken: Scenario = {
      ...SHELVES,
      endings: { ...SHELVES.endings, [BEST.ending]: { ...ending, gratitude: Number.NaN } },
    };
    const unscorable = refusal(judgeSubmission(submission({ scenario: broken })));
    expect(unscorable).toMatchObject({ status: 422, code: 'unscorable' });
    expect(unscorable.message).toContain(`“${SHELVES.title}” needs checking`);
  });

  it('checks coach mode before anything else a transcript gets wrong', () => {
    const everything: Transcript = {
      ...BEST.transcript,
      mode: 'coach',
      scenario: { id: 'dented-shelves', version: 7 },
    };
    expect(refusal(judgeSubmission(submission({ transcript: everything, now: ISSUED }))).code).toBe(
      'coach-mode',
    );
  });
});

describe('judgeSubmission, typed answers', () => {
  /** The best golden call answered by typing; `change` alters the labels recorded for the first answer. */
  const typedFirst = (change?: (labels: Label[]) => Label[]): Transcript =>
    typedTranscript(BEST.transcript, change);

  it('scores a typed answer the server understands the same way', () => {
    const verdict = judgeSubmission(submission({ answers: 'type', transcript: typedFirst() }));
    if (!verdict.ok) throw new Error(verdict.refusal.message);
    expect(verdict.scored.ending.kind).toBe('resolved');
  });

  it('refuses a forged label: the server hears the text itself', () => {
    // One label flipped: heard and dropped, or not heard and added.
    const forged = typedFirst((labels) =>
      labels.includes('S') ? labels.filter((l) => l !== 'S') : [...labels, 'S'],
    );
    expect(refusal(judgeSubmission(submission({ answers: 'type', transcript: forged })))).toMatchObject({
      status: 422,
      code: 'typed-mismatch',
      message: expect.stringMatching(
        /^The typed answers could not be checked: answer 1 is recorded as \[/,
      ) as unknown,
    });
  });

  it('counts only calls answered the room’s way: typed in a typed room, picked in a picked one', () => {
    expect(refusal(judgeSubmission(submission({ answers: 'pick', transcript: typedFirst() })))).toEqual({
      status: 422,
      code: 'answers-mismatch',
      message:
        'This room is answered by picking written answers, and this call was answered by typing, so it does not count here. Start the call again from the room’s page and pick your answers.',
    });
    expect(refusal(judgeSubmission(submission({ answers: 'type' })))).toEqual({
      status: 422,
      code: 'answers-mismatch',
      message:
        'This room is answered by typing, in your own words, and this call was answered by picking written answers, so it does not count here. Start the call again from the room’s page and type your answers.',
    });
    // A transcript that says it was picked is the same as one that says nothing (older pages).
    const saysPick: Transcript = { ...BEST.transcript, answers: 'pick' };
    expect(judgeSubmission(submission({ transcript: saysPick })).ok).toBe(true);
    expect(refusal(judgeSubmission(submission({ answers: 'type', transcript: saysPick }))).code).toBe(
      'answers-mismatch',
    );
  });

  it('checks the way of answering before the typed answers are understood again', () => {
    const forged = typedFirst((labels) =>
      labels.includes('S') ? labels.filter((l) => l !== 'S') : [...labels, 'S'],
    );
    expect(refusal(judgeSubmission(submission({ answers: 'type', transcript: forged }))).code).toBe(
      'typed-mismatch',
    );
    expect(refusal(judgeSubmission(submission({ answers: 'pick', transcript: forged }))).code).toBe(
      'answers-mismatch',
    );
  });
});
