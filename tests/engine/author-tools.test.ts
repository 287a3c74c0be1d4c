/** The author's graph and playtest helpers: mood ranges per moment, and arriving as on the best path. */
import { describe, expect, it } from 'vitest';
import { initialState, methodRecords, paths, step, stateAt, worded } from '../../src/engine/index.js';
import { arriveAt } from '../../src/engine/arrive.js';
import { maxAngerSources, moodRanges } from '../../src/engine/mood-range.js';
import { loadScenario } from '../../src/engine/load.js';
import { PARCEL, SHIPPED, loadFile } from '../support/scenarios.js';
import { largestAllowedScenarioYaml, largeScenarioYaml } from '../bench/large-scenario.js';

const parcel = loadFile(PARCEL);

describe('mood range per moment', () => {
  it('is the range over every way of answering, not the most common mood', () => {
    const { exact, ranges } = moodRanges(parcel);
    expect(exact).toBe(true);
    // facts: after reflect (anger 30, trust 55), or after blaming, shouting and the I-message (50, 40).
    expect(ranges.get('facts')).toEqual({ anger: [30, 50], trust: [40, 55], moods: ['annoyed'] });
    expect(ranges.get('shouting')).toEqual({ anger: [75, 75], trust: [30, 30], moods: ['angry'] });
    expect(ranges.get('opening')).toEqual({ anger: [50, 50], trust: [40, 40], moods: ['annoyed'] });
  });

  it('holds every arrival of every path (the shipped scenarios)', () => {
    for (const file of SHIPPED) {
      const scenario = loadFile(file);
      const { ranges } = moodRanges(scenario);
      let walked = 0;
      for (const path of paths(scenario)) {
        if (walked++ > 2_000) break;
        for (const r of path.records) {
          if (r.after.node === null || r.event.kind === 'silence') continue;
          const range = ranges.get(r.after.node);
          expect(range, `${file} ${r.after.node}`).toBeDefined();
          if (!range) continue;
          expect(r.after.anger).toBeGreaterThanOrEqual(range.anger[0]);
          expect(r.after.anger).toBeLessThanOrEqual(range.anger[1]);
          expect(range.moods).toContain(r.after.mood);
        }
      }
    }
  });

  it('past its budget, over-estimates with intervals, and says so', () => {
    const exact = moodRanges(parcel);
    const rough = moodRanges(parcel, 1);
    expect(rough.exact).toBe(false);
    for (const [id, r] of exact.ranges) {
      const wide = rough.ranges.get(id);
      expect(wide?.anger[0]).toBeLessThanOrEqual(r.anger[0]);
      expect(wide?.anger[1]).toBeGreaterThanOrEqual(r.anger[1]);
      for (const m of r.moods) expect(wide?.moods).toContain(m);
    }
  });

  it('stays quick on the largest file allowed', () => {
    const big = loadScenario(largestAllowedScenarioYaml().yaml, 'big.yaml').scenario;
    const long = loadScenario(largeScenarioYaml(400), 'long.yaml').scenario;
    for (const scenario of [big, long]) {
      if (!scenario) throw new Error('the generated scenario loads');
      const t = performance.now();
      const { ranges } = moodRanges(scenario);
      // Well under a second alone; room left for a busy shared machine.
      expect(performance.now() - t).toBeLessThan(5_000);
      expect(ranges.size).toBe(Object.keys(scenario.nodes).length);
    }
  });

  it('finds the moments an answer can take to the max-anger ending', () => {
    // Only the outburst (anger 75) has an answer that adds enough (threaten, +40).
    expect(maxAngerSources(parcel, moodRanges(parcel))).toEqual(['shouting']);
  });
});

describe('arriving as on the best path', () => {
  it('at the start, with the customer as they begin', () => {
    const a = arriveAt(parcel, 'opening');
    expect(a).toMatchObject({ via: 'start', anger: 50, trust: 40, composure: 100, flags: [], steps: [] });
  });

  it('on the method’s path, with the numbers it arrives with', () => {
    const records = methodRecords(parcel, initialState(parcel));
    const a = arriveAt(parcel, 'facts');
    expect(a).toMatchObject({
      via: 'method',
      node: 'facts',
      steps: [{ node: 'opening', answer: 'reflect' }],
    });
    expect(a?.anger).toBe(records[0]?.after.anger);
    expect(a?.trust).toBe(records[0]?.after.trust);
  });

  it('off the method’s path, by the best-scoring path through the moment', () => {
    // The outburst is only reached by blaming the courier.
    const a = arriveAt(parcel, 'shouting');
    expect(a).toMatchObject({ via: 'best-path', anger: 75, trust: 30, flags: ['blamed'] });
    expect(a?.steps).toEqual([{ node: 'opening', answer: 'blame-courier' }]);
  });

  it('starts a call in the very state the path arrives in', () => {
    const a = arriveAt(parcel, 'shouting');
    if (!a) throw new Error('the outburst is reachable');
    const there = step(parcel, initialState(parcel), {
      kind: 'choice',
      at: initialState(parcel).finishedAt + 1_500,
      node: 'opening',
      response: 'blame-courier',
    });
    if (!there.ok) throw new Error(there.reason);
    const started = stateAt(parcel, a);
    for (const key of [
      'node',
      'anger',
      'trust',
      'composure',
      'flags',
      'mood',
      'line',
      'timeoutsLeft',
    ] as const)
      expect(started[key], key).toEqual(there.state[key]);
  });

  it('arrives with the variables the path set, and a call started there reads them', () => {
    const gym = loadFile('scenarios/the-gym-that-kept-charging.yaml');
    const a = arriveAt(gym, 'team-lead');
    if (!a) throw new Error('the team lead is reachable');
    // Owning the mistake keyed in the refund; the months are as the notes found them.
    expect(a.vars).toEqual({ months: 3, refund: 127.5 });
    const started = stateAt(gym, a);
    expect(started.node).toBe('team-lead');
    expect(started.vars).toEqual(a.vars);
    expect(started.speaker).toBe('supervisor');
    const refund = gym.nodes['team-lead']?.responses.find((r) => r.says.includes('{refund}'));
    expect(refund && worded(refund, started).says).toContain('$127.50');
  });
});
