/** The order answers are offered in: no hint in the position, the same through a reload. */
import { describe, expect, it } from 'vitest';
import {
  CALM_MS,
  explore,
  initialState,
  replay,
  step,
  type Scenario,
  type TranscriptEvent,
} from '../../src/engine/index.js';
import { answerOrder, stableShuffle } from '../../src/screens/call/order.js';
import { SHIPPED, loadFile } from '../support/scenarios.js';

const LIBRARY: Scenario[] = SHIPPED.map(loadFile);

/** The total for always pressing 1, calmly, on the trainee's `attempt`-th call. */
function pressOneEverywhere(scenario: Scenario, attempt: number): number {
  let state = initialState(scenario);
  const events: TranscriptEvent[] = [];
  while (state.node !== null) {
    const first = answerOrder(scenario, state.node, attempt)[0];
    if (!first) throw new Error(`no answers at ${state.node}`);
    const next = step(scenario, state, {
      kind: 'choice',
      node: state.node,
      response: first.id,
      at: state.finishedAt + CALM_MS,
    });
    if (!next.ok) throw new Error(next.reason);
    events.push(next.record.event);
    state = next.state;
  }
  const replayed = replay(scenario, {
    format: 2,
    scenario: { id: scenario.id, version: scenario.version },
    mode: 'coach',
    events,
  });
  if (!replayed.ok) throw new Error(replayed.reason);
  return replayed.result.total;
}

describe('answer order', () => {
  it('is a stable permutation of the answers', () => {
    const items = ['a', 'b', 'c', 'd', 'e'];
    const once = stableShuffle(items, 'seed');
    expect([...once].sort()).toEqual(items);
    expect(stableShuffle(items, 'seed')).toEqual(once);
    expect(items).toEqual(['a', 'b', 'c', 'd', 'e']);
  });

  it('holds for one attempt and changes between attempts', () => {
    for (const scenario of LIBRARY) {
      const node = scenario.start;
      expect(answerOrder(scenario, node, 3)).toEqual(answerOrder(scenario, node, 3));
      const orders = new Set(
        Array.from({ length: 10 }, (_, attempt) =>
          answerOrder(scenario, node, attempt)
            .map((r) => r.id)
            .join(','),
        ),
      );
      expect(orders.size, scenario.id).toBeGreaterThan(1);
    }
  });

  it('gives no way to win by always pressing 1', () => {
    for (const scenario of LIBRARY) {
      const best = explore(scenario).best?.score.total ?? 0;
      const totals = Array.from({ length: 10 }, (_, attempt) => pressOneEverywhere(scenario, attempt));
      const mean = totals.reduce((a, b) => a + b, 0) / totals.length;
      expect(mean, `${scenario.id}: ${totals.join(', ')} against a best of ${best}`).toBeLessThan(0.8 * best);
    }
  });
});
