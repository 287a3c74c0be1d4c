/** Path exploration: every sequence of choices from the start to an ending, played calmly. */
import { methodTimeOut, modelIMessage } from './method.js';
import { CALM_MS } from './mood.js';
import type { Scenario } from './schema.js';
import { dictionary, own } from './own.js';
import { scoreRecords, type ScoreResult } from './score.js';
import { initialState, memoryKey, step, type CallState, type StepRecord } from './step.js';
import { TRANSCRIPT_FORMAT, type Transcript, type TranscriptEvent } from './transcript.js';

export interface ScenarioPath {
  transcript: Transcript;
  records: StepRecord[];
  final: CallState;
}

function stateKey(s: CallState): string {
  return `${s.node ?? ''}|${s.anger}|${s.trust}|${memoryKey(s)}`;
}

/**
 * Yields every path, answering each line CALM_MS after the customer finishes (after the helpful
 * time-out at a moment marked for one). Where a node offers
 * the I-message builder, the clean I-message is one more answer (the many flawed ones are not
 * walked). A choice that would bring the call back to a state it was already in on this path is a
 * loop and is not followed.
 */
export function* paths(scenario: Scenario, onLoop?: (at: CallState) => void): Generator<ScenarioPath> {
  const header = {
    format: TRANSCRIPT_FORMAT,
    scenario: { id: scenario.id, version: scenario.version },
  } as const;
  const records: StepRecord[] = [];
  const onPath = new Set<string>();
  function* walk(state: CallState): Generator<ScenarioPath> {
    const node = state.node === null ? undefined : own(scenario.nodes, state.node);
    if (!node || state.node === null) {
      yield {
        transcript: { ...header, events: records.map((r) => r.event) },
        records: [...records],
        final: state,
      };
      return;
    }
    // At the moment for a time-out, every path takes it first, as the method does.
    const breath = methodTimeOut(scenario, state);
    const breathed = breath && step(scenario, state, breath);
    if (breathed?.ok) {
      records.push(breathed.record);
      yield* walk(breathed.state);
      records.pop();
      return;
    }
    const key = stateKey(state);
    onPath.add(key);
    const at = state.finishedAt + CALM_MS;
    const answers: TranscriptEvent[] = node.responses.map((r) => ({
      kind: 'choice',
      at,
      node: state.node ?? '',
      response: r.id,
    }));
    const model = modelIMessage(scenario, state.node);
    if (model) answers.push({ kind: 'i-message', at, node: state.node, parts: model.map((p) => p.id) });
    for (const event of answers) {
      const next = step(scenario, state, event);
      if (!next.ok) continue;
      if (onPath.has(stateKey(next.state))) {
        onLoop?.(next.state);
        continue;
      }
      records.push(next.record);
      yield* walk(next.state);
      records.pop();
    }
    onPath.delete(key);
  }
  yield* walk(initialState(scenario));
}

export interface Exploration {
  paths: number;
  /** True when the walk stopped at the limit; figures then cover the paths seen. */
  truncated: boolean;
  best: { score: ScoreResult; transcript: Transcript } | null;
  worst: { score: ScoreResult; transcript: Transcript } | null;
  /** Ending id → number of paths that reach it. */
  endings: Record<string, number>;
  /** Choices that would bring the call back to a state it was in: a call that could go on forever. */
  loops: number;
}

/** Answers scored, at most, by one exploration: it keeps a huge scenario's check within a second. */
export const EXPLORE_STEP_BUDGET = 150_000;

/**
 * Walks up to `limit` paths (and at most `stepBudget` answers in all) and reports the range of
 * scores a trainee can reach; `truncated` says when it stopped before the last path.
 */
export function explore(scenario: Scenario, limit = 200_000, stepBudget = EXPLORE_STEP_BUDGET): Exploration {
  const out: Exploration = { paths: 0, truncated: false, best: null, worst: null, endings: {}, loops: 0 };
  let steps = 0;
  const endings = new Map<string, number>();
  for (const path of paths(scenario, () => out.loops++)) {
    if (out.paths >= limit || steps >= stepBudget) {
      out.truncated = true;
      break;
    }
    steps += path.records.length;
    out.paths++;
    const ending = path.final.ending ?? '';
    endings.set(ending, (endings.get(ending) ?? 0) + 1);
    const score = scoreRecords(scenario, path.records);
    if (!out.best || score.total > out.best.score.total) out.best = { score, transcript: path.transcript };
    if (!out.worst || score.total < out.worst.score.total) out.worst = { score, transcript: path.transcript };
  }
  out.endings = dictionary(endings);
  return out;
}
