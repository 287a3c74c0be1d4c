/** The shift: a seeded, realistic mix of calls, and the perception-gap summary at the end. */
import { describe, expect, it } from 'vitest';
import {
  HOSTILE_ONE_IN,
  initialState,
  planShift,
  scoreRecords,
  shiftOutcome,
  step,
  summarizeShift,
  type Scenario,
} from '../../src/engine/index.js';
import { PARCEL, loadFile } from '../support/scenarios.js';

const flagship = loadFile('scenarios/insurance-meal-receipt.yaml');
const parcel = loadFile(PARCEL);
/** Three routine calls made from the parcel fixture, under different ids. */
const routine: Scenario[] = ['a', 'b', 'c'].map((x) => ({
  ...parcel,
  id: `routine-${x}`,
  call_type: 'routine',
}));
const library = [flagship, ...routine];

describe('planShift', () => {
  it('is the same for the same seed, and differs for another', () => {
    expect(planShift(library, 12, 7)).toEqual(planShift(library, 12, 7));
    const orders = new Set(
      [1, 2, 3, 4, 5].map((seed) =>
        planShift(library, 12, seed)
          .calls.map((c) => c.id)
          .join(),
      ),
    );
    expect(orders.size).toBeGreaterThan(1);
  });

  it('mixes mostly routine calls with about one hostile call in twenty, never among the first two', () => {
    for (let seed = 1; seed <= 200; seed++) {
      for (const length of [10, 15, 20]) {
        const { calls } = planShift(library, length, seed);
        expect(calls).toHaveLength(length);
        const hostile = calls.filter((c) => c.hostile);
        expect(hostile).toHaveLength(Math.max(1, Math.round(length / HOSTILE_ONE_IN)));
        expect(calls.slice(0, 2).some((c) => c.hostile)).toBe(false);
        expect(hostile.every((c) => c.id === flagship.id)).toBe(true);
        calls.forEach((c, i) => {
          if (i > 0) expect(c.id).not.toBe(calls[i - 1]?.id);
        });
      }
    }
  });

  it('keeps the length between 10 and 20, and needs routine calls', () => {
    expect(planShift(library, 3, 1).calls).toHaveLength(10);
    expect(planShift(library, 50, 1).calls).toHaveLength(20);
    expect(() => planShift([flagship], 10, 1)).toThrow('a shift needs at least one routine scenario');
  });
});

describe('the summary', () => {
  it('compares the estimate with the real share, and counts routine calls that turned sour', () => {
    const scenario = routine[0];
    if (!scenario) throw new Error('fixture');
    const start = initialState(scenario);
    const answer = (response: string) => {
      const result = step(scenario, start, {
        kind: 'choice',
        at: start.finishedAt + 1500,
        node: 'opening',
        response,
      });
      if (!result.ok) throw new Error(result.reason);
      return scoreRecords(scenario, [result.record]);
    };
    const call = { id: scenario.id, version: 3, hostile: false };
    const kind = shiftOutcome(call, scenario, answer('reflect'));
    const sour = shiftOutcome(call, scenario, answer('blame-courier'));
    expect(kind.soured).toBe(false);
    expect(sour.soured).toBe(true);
    const hostileCall = { ...shiftOutcome({ ...call, hostile: true }, scenario, answer('blame-courier')) };
    expect(hostileCall.soured).toBe(false);

    const outcomes = [...Array.from({ length: 18 }, () => kind), sour, hostileCall];
    const summary = summarizeShift(outcomes, 75.4);
    expect(summary).toEqual({
      calls: 20,
      hostile: 1,
      hostileShare: 5,
      estimate: 75,
      soured: 1,
      meanScore: Math.round(outcomes.reduce((s, o) => s + o.total, 0) / 20),
    });
  });
});
