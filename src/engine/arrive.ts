/**
 * "Arrive as on the best path to here": the numbers a playtest from a chosen moment starts with,
 * taken from the method's path when it passes that moment, else from the best-scoring path that
 * reaches it (bounded, like explore()).
 */
import { methodRecords } from './method-path.js';
import { clampPercent } from './mood.js';
import { own } from './own.js';
import { paths } from './paths.js';
import type { Scenario } from './schema.js';
import { scoreRecords } from './score.js';
import { initialState, linePressure, type CallState, type StartAt, type StepRecord } from './step.js';

/** Answers scored, at most, looking for the best path through a moment: a click's worth of work. */
export const ARRIVE_STEP_BUDGET = 60_000;

/** How the call got to the moment: the answers given on the way, in order. */
export interface ArrivalStep {
  node: string;
  /** The response's id, `#i-message` for an assembled I-message. */
  answer: string;
}

export interface Arrival extends Required<StartAt> {
  /** `start`: the moment is the first; `method`: on the method's path; `best-path`: the best-scoring path through it. */
  via: 'start' | 'method' | 'best-path';
  steps: ArrivalStep[];
}

function arrival(scenario: Scenario, state: CallState, via: Arrival['via'], records: StepRecord[]): Arrival {
  const node = state.node ?? '';
  const line = own(scenario.nodes, node);
  return {
    node,
    anger: state.anger,
    trust: state.trust,
    // stateAt takes composure before the line's own pressure, which moving here has already taken.
    composure: clampPercent(state.composure + (line ? linePressure(line) : 0)),
    flags: [...state.flags],
    vars: { ...state.vars },
    timeoutsLeft: state.timeoutsLeft,
    via,
    steps: records.map((r) => ({
      node: r.event.node,
      answer: r.event.kind === 'choice' || r.event.kind === 'typed' ? r.event.response : '#i-message',
    })),
  };
}

/**
 * The state a trainee following the method arrives at `node` in, or, off the method's path, the
 * arrival on the best-scoring path through it; null when no path walked within `stepBudget`
 * answers reaches it.
 */
export function arriveAt(scenario: Scenario, node: string, stepBudget = ARRIVE_STEP_BUDGET): Arrival | null {
  const first = initialState(scenario);
  if (node === scenario.start) return arrival(scenario, first, 'start', []);
  const method = methodRecords(scenario, first);
  const at = method.findIndex((r) => r.after.node === node);
  const onMethod = method[at];
  if (onMethod) return arrival(scenario, onMethod.after, 'method', method.slice(0, at + 1));
  let best: { total: number; state: CallState; records: StepRecord[] } | null = null;
  let steps = 0;
  for (const path of paths(scenario)) {
    if (steps >= stepBudget) break;
    steps += path.records.length;
    const i = path.records.findIndex((r) => r.after.node === node);
    const reached = path.records[i];
    if (!reached) continue;
    const total = scoreRecords(scenario, path.records).total;
    if (!best || total > best.total)
      best = { total, state: reached.after, records: path.records.slice(0, i + 1) };
  }
  return best && arrival(scenario, best.state, 'best-path', best.records);
}
