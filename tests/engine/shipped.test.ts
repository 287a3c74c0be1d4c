/**
 * Path exploration over every shipped scenario: every node reachable in the machine, every path
 * ends, the method wins, taking the bait loses, and replay agrees with the live call on every path.
 */
import { getShortestPaths } from '@xstate/graph';
import { SimulatedClock } from 'xstate';
import { describe, expect, it } from 'vitest';
import {
  BLIND_LIMIT,
  CALM_MS,
  LETTERS,
  WEIGHTS,
  blindStrategies,
  methodContinuation,
  scenarioReport,
  compileScenario,
  explore,
  initialState,
  memoryKey,
  paths,
  replay,
  scoreRecords,
  startCall,
  step,
  type CallEvent,
  type Scenario,
  type StepRecord,
} from '../../src/engine/index.js';
import { SHIPPED, loadFile } from '../support/scenarios.js';

/** Paths replayed live per scenario, at most (each takes about a millisecond). */
const REPLAYED_PATHS = 2500;

/** Plays the response with the most don'ts at every node (the weakest on a tie), calmly. */
function dontsPath(scenario: Scenario): StepRecord[] {
  const records: StepRecord[] = [];
  let state = initialState(scenario);
  while (state.node !== null) {
    const node = scenario.nodes[state.node];
    if (!node) throw new Error(`no node ${state.node}`);
    const worst = [...node.responses].sort(
      (a, b) => b.breaks.length - a.breaks.length || b.anger - a.anger,
    )[0];
    if (!worst) throw new Error('node without responses');
    const result = step(scenario, state, {
      kind: 'choice',
      at: state.finishedAt + CALM_MS,
      node: state.node,
      response: worst.id,
    });
    if (!result.ok) throw new Error(result.reason);
    records.push(result.record);
    state = result.state;
  }
  return records;
}

it('there is at least one shipped scenario', () => {
  expect(SHIPPED).toContain('scenarios/insurance-meal-receipt.yaml');
});

describe.each(SHIPPED)('%s', (file) => {
  const scenario = loadFile(file);
  const exploration = explore(scenario);

  it('reaches every node and ending in the compiled machine (@xstate/graph)', () => {
    const machine = compileScenario(scenario);
    const found = getShortestPaths(machine, {
      events: (snapshot) => {
        const s = snapshot.context.state;
        const node = s.node === null ? undefined : scenario.nodes[s.node];
        return (node?.responses ?? []).map((r): CallEvent => ({
          type: 'CHOOSE',
          response: r.id,
          at: s.finishedAt + CALM_MS,
        }));
      },
      serializeState: (snapshot) => {
        const s = snapshot.context.state;
        return `${snapshot.value}|${s.anger}|${s.trust}|${memoryKey(s)}`;
      },
    });
    // Moments nobody answers are passed on the way to the next: they are reached as its lead.
    const reachedBy = (st: (typeof found)[number]['state']) => [
      st.value,
      ...st.context.state.lead.map((l) => l.node),
    ];
    const reached = new Set(
      found.flatMap((p) => [...reachedBy(p.state), ...p.steps.flatMap((st) => reachedBy(st.state))]),
    );
    expect([...reached].sort()).toEqual(
      [...Object.keys(scenario.nodes), ...Object.keys(scenario.endings)].sort(),
    );
  });

  it('ends on every path: no choice can bring the call back to where it was', () => {
    expect(exploration.truncated).toBe(false);
    expect(exploration.loops).toBe(0);
    expect(exploration.paths).toBeGreaterThan(0);
  });

  it('scores the best path at 850 or more, on a resolved ending', () => {
    expect(exploration.best?.score.total).toBeGreaterThanOrEqual(850);
    expect(exploration.best?.score.ending?.kind).toBe('resolved');
  });

  it('scores a path of don’ts at 250 or less', () => {
    const records = dontsPath(scenario);
    expect(records.every((r) => r.event.kind === 'choice')).toBe(true);
    const result = scoreRecords(scenario, records);
    expect(result.donts.length).toBeGreaterThanOrEqual(records.length);
    expect(result.total).toBeLessThanOrEqual(250);
    expect(['escalated', 'hung-up']).toContain(result.ending?.kind);
  });

  it('lets no blind strategy reach grade C, nor the check warn about one', () => {
    const blind = blindStrategies(scenario, { randomPlays: 1000, seed: 11 });
    expect(blind.map((b) => b.strategy)).toEqual(['longest', 'shortest', 'first', 'random']);
    for (const b of blind) expect(b.total, b.strategy).toBeLessThan(BLIND_LIMIT);
    const report = scenarioReport(scenario);
    expect(report.warnings).toEqual([]);
  });

  it('weighs the ending above one more letter: resolved and grateful beats escalated', () => {
    // One letter taken from 0 to 1 is worth at most 450 ÷ (letters the method's path offers).
    const offered = methodContinuation(scenario, initialState(scenario))
      .slice(0, LETTERS.length)
      .filter((n) => n > 0).length;
    const oneLetter = WEIGHTS.technique / offered;
    const outcome = (e: Scenario['endings'][string]) =>
      ({
        resolved: 150,
        'partly-resolved': 90,
        'handed-off': e.good ? 120 : 20,
        escalated: 20,
        'hung-up': 0,
      })[e.kind] + Math.round((75 * e.gratitude) / 4 + (75 * e.recommit) / 4);
    const endings = Object.values(scenario.endings);
    const warm = endings.filter((e) => e.kind === 'resolved' && e.gratitude >= 3 && e.recommit >= 3);
    const escalated = endings.filter((e) => e.kind === 'escalated');
    expect(warm.length).toBeGreaterThan(0);
    for (const w of warm)
      for (const e of escalated) expect(outcome(w) - outcome(e)).toBeGreaterThan(oneLetter);
  });

  it('replays every path (every n-th in a large call) to the live call’s score', () => {
    const machine = compileScenario(scenario);
    // A large call's paths are checked at an even stride: the live call is the slow part, and a
    // stride still visits every branch of the first moments and a spread of endings.
    const stride = Math.ceil(exploration.paths / REPLAYED_PATHS);
    let checked = 0;
    let index = -1;
    for (const path of paths(scenario)) {
      index++;
      if (index % stride !== 0) continue;
      const clock = new SimulatedClock();
      const call = startCall(scenario, { clock, machine });
      for (const event of path.transcript.events) {
        clock.set(event.at);
        if (event.kind === 'choice') expect(call.choose(event.response)).toEqual({ ok: true });
        else if (event.kind === 'i-message') expect(call.sayIMessage(event.parts)).toEqual({ ok: true });
        else if (event.kind === 'timeout') {
          // At a moment marked for one, paths take the helpful time-out first.
          expect(call.timeOut().ok).toBe(true);
          expect(call.think(event.thought)).toEqual({ ok: true });
        } else throw new Error(`paths are made of answers and time-outs, not ${event.kind}`);
      }
      expect(call.ended).toBe(true);
      const replayed = replay(scenario, path.transcript);
      if (!replayed.ok) throw new Error(`${replayed.step}: ${replayed.reason}`);
      expect(call.records).toEqual(replayed.records);
      expect(call.result().total).toBe(replayed.result.total);
      call.stop();
      checked++;
    }
    expect(checked).toBe(Math.ceil(exploration.paths / stride));
  });
});
