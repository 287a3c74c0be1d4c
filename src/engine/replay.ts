/** Replay: re-runs a transcript through the rules, step by step, and scores it. */
import type { Scenario } from './schema.js';
import { scoreRecords, type ScoreResult } from './score.js';
import { initialState, step, type CallState, type StepRecord } from './step.js';
import { parseTranscript } from './transcript-reader.js';
import type { AnswerWay } from './transcript.js';

export type ReplayResult =
  | { ok: true; result: ScoreResult; state: CallState; records: StepRecord[]; answers: AnswerWay }
  | { ok: false; step: number | null; reason: string };

/**
 * Checks that every step of `input` was legal in order and returns the score the live call had.
 * An illegal transcript is rejected naming the step (0-based; null for the transcript as a whole).
 */
export function replay(scenario: Scenario, input: unknown): ReplayResult {
  const parsed = parseTranscript(input);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const path = issue?.path ?? [];
    const stepIndex = path[0] === 'events' && typeof path[1] === 'number' ? path[1] : null;
    return {
      ok: false,
      step: stepIndex,
      reason: `not a valid transcript: ${path.map(String).join('.') || 'root'}: ${issue?.message ?? 'invalid'}`,
    };
  }
  const transcript = parsed.data;
  if (transcript.scenario.id !== scenario.id || transcript.scenario.version !== scenario.version) {
    return {
      ok: false,
      step: null,
      reason: `the transcript is for ${transcript.scenario.id} v${transcript.scenario.version}, not ${scenario.id} v${scenario.version}`,
    };
  }
  let state = initialState(scenario);
  const records: StepRecord[] = [];
  const answers = transcript.answers ?? 'pick';
  for (const [i, event] of transcript.events.entries()) {
    // A run is answered one way throughout, so a board ranks typed runs apart from picked ones.
    if (answers === 'type' && event.kind === 'choice') {
      return { ok: false, step: i, reason: 'a written answer picked in a run answered by typing' };
    }
    if (answers === 'type' && event.kind === 'i-message') {
      return {
        ok: false,
        step: i,
        reason: 'an I-message put together from pieces in a run answered by typing',
      };
    }
    if (answers === 'pick' && event.kind === 'typed') {
      return { ok: false, step: i, reason: 'a typed answer in a run answered by picking' };
    }
    const next = step(scenario, state, event);
    if (!next.ok) return { ok: false, step: i, reason: next.reason };
    state = next.state;
    records.push(next.record);
  }
  return { ok: true, result: scoreRecords(scenario, records), state, records, answers };
}

/** The score of a transcript; throws if the transcript is not legal for this scenario. */
export function score(scenario: Scenario, transcript: unknown): ScoreResult {
  const replayed = replay(scenario, transcript);
  if (!replayed.ok) throw new Error(`step ${replayed.step ?? '-'}: ${replayed.reason}`);
  return replayed.result;
}
