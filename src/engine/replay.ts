/** Replay: re-runs a transcript through the rules, step by step, and scores it. */
import type { Scenario } from './schema.js';
import { scoreRecords, type ScoreResult } from './score.js';
import { initialState, step, type CallState, type StepRecord } from './step.js';
import { parseTranscript } from './transcript-reader.js';

export type ReplayResult =
  | { ok: true; result: ScoreResult; state: CallState; records: StepRecord[] }
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
  for (const [i, event] of transcript.events.entries()) {
    const next = step(scenario, state, event);
    if (!next.ok) return { ok: false, step: i, reason: next.reason };
    state = next.state;
    records.push(next.record);
  }
  return { ok: true, result: scoreRecords(scenario, records), state, records };
}

/** The score of a transcript; throws if the transcript is not legal for this scenario. */
export function score(scenario: Scenario, transcript: unknown): ScoreResult {
  const replayed = replay(scenario, transcript);
  if (!replayed.ok) throw new Error(`step ${replayed.step ?? '-'}: ${replayed.reason}`);
  return replayed.result;
}
