/** The debrief's three things to work on: the costliest mistakes, each from a real decision, never twice. */
import { describe, expect, it } from 'vitest';
import { explore, initialState, paths, replay, scoreRecords, type Scenario } from '../../src/engine/index.js';
import { rewindTarget, workOn } from '../../src/screens/call/work-on.js';
import { PARCEL, loadFile } from '../support/scenarios.js';

const flagship = loadFile('scenarios/insurance-meal-receipt.yaml');
const parcel = loadFile(PARCEL);

/** The first `n` paths through a scenario, scored. */
function scored(scenario: Scenario, n: number) {
  const out = [];
  for (const path of paths(scenario)) {
    out.push(scoreRecords(scenario, path.records));
    if (out.length >= n) break;
  }
  return out;
}

describe('workOn', () => {
  it('gives at most three different lessons, each from a decision of the call, in the call’s order', () => {
    for (const [scenario, result] of [
      ...scored(flagship, 300).map((r) => [flagship, r] as const),
      ...scored(parcel, 50).map((r) => [parcel, r] as const),
    ]) {
      const items = workOn(scenario, result);
      expect(items.length).toBeLessThanOrEqual(3);
      expect(new Set(items.map((i) => i.lesson)).size).toBe(items.length);
      for (const item of items) {
        if (item.decision !== null) expect(result.decisions[item.decision]).toBeDefined();
        expect(item.title.length).toBeLessThanOrEqual(40);
      }
      // The rewind goes to the weightiest lesson's decision.
      const target = rewindTarget(items);
      const heaviest = Math.max(...items.filter((i) => i.decision !== null).map((i) => i.weight));
      if (target !== null)
        expect(items.find((i) => i.decision === target && i.weight === heaviest)).toBeDefined();
      const order = items.map((i) => i.decision ?? -1);
      expect(order).toEqual([...order].sort((a, b) => a - b));
      // A broken don't costs the most: a call that broke one hears about it.
      if (result.decisions.some((d) => d.breaks.length > 0))
        expect(items.some((i) => i.lesson.startsWith('dont:'))).toBe(true);
    }
  });

  it('has nothing to say about the method’s own best play, and something about the worst', () => {
    const { best, worst } = explore(parcel);
    if (!best || !worst) throw new Error('no paths');
    expect(best.score.faults.count).toBe(0);
    expect(workOn(parcel, best.score).filter((i) => i.lesson.startsWith('dont:'))).toEqual([]);
    expect(workOn(parcel, worst.score).length).toBeGreaterThan(0);
  });

  it('puts a broken don’t before a missed move', () => {
    const worst = explore(flagship).worst;
    if (!worst) throw new Error('no paths');
    const items = workOn(flagship, worst.score);
    expect(items.length).toBeGreaterThan(0);
    const faults = worst.score.decisions.reduce((n, d) => n + d.breaks.length, 0);
    if (faults > 0) expect(items.some((i) => i.lesson.startsWith('dont:'))).toBe(true);
  });

  it('names a silence past the customer’s patience, tied to the moment it came at', () => {
    const start = flagship.start;
    const replayed = replay(flagship, {
      format: 2,
      scenario: { id: flagship.id, version: flagship.version },
      events: [{ kind: 'silence', at: initialState(flagship).deadline, node: start }],
    });
    if (!replayed.ok) throw new Error(replayed.reason);
    const items = workOn(flagship, replayed.result);
    expect(items.map((i) => i.lesson)).toContain('silence');
    expect(items.find((i) => i.lesson === 'silence')?.decision).toBe(null);
  });
});
