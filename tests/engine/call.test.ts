/** The compiled machine running live: clock, silence, the anger limit, persistence. */
import { SimulatedClock } from 'xstate';
import { describe, expect, it } from 'vitest';
import { compileScenario, replay, startCall, type PersistedCall } from '../../src/engine/index.js';
import { PARCEL, loadFile } from '../support/scenarios.js';

const parcel = loadFile(PARCEL);

function liveCall() {
  const clock = new SimulatedClock();
  return { clock, call: startCall(parcel, { clock }) };
}

describe('compiled machine', () => {
  it('has one state per node and a final state per ending', () => {
    const machine = compileScenario(parcel);
    expect(Object.keys(machine.root.states).sort()).toEqual(
      [...Object.keys(parcel.nodes), ...Object.keys(parcel.endings)].sort(),
    );
    for (const id of Object.keys(parcel.endings)) expect(machine.root.states[id]?.type).toBe('final');
  });

  it('uses only its own named guards and actions', () => {
    const machine = compileScenario(parcel);
    const guards = new Set<string>();
    const actions = new Set<string>();
    for (const state of Object.values(machine.root.states)) {
      for (const list of state.transitions.values()) {
        for (const t of list) {
          if (t.guard) guards.add(typeof t.guard === 'object' && 'type' in t.guard ? t.guard.type : 'inline');
          for (const a of t.actions) actions.add(typeof a === 'string' ? a : 'inline');
        }
      }
    }
    expect([...guards]).toEqual(['leadsTo']);
    expect([...actions].sort()).toEqual(['applyEvent', 'pause', 'resume']);
  });
});

describe('a live call', () => {
  it('starts at the start node with the customer’s starting numbers', () => {
    const { call } = liveCall();
    expect(call.state).toMatchObject({
      node: 'opening',
      anger: 50,
      trust: 40,
      mood: 'annoyed',
      enteredAt: 0,
    });
    expect(call.state.finishedAt).toBeGreaterThan(0);
    expect(call.state.deadline).toBe(call.state.finishedAt + 6000);
  });

  it('moves on a choice and records it with the clock’s time', () => {
    const { clock, call } = liveCall();
    clock.increment(4000);
    expect(call.choose('reflect')).toEqual({ ok: true });
    expect(call.state).toMatchObject({ node: 'facts', anger: 30, trust: 55 });
    expect(call.transcript().events).toEqual([
      { kind: 'choice', at: 4000, node: 'opening', response: 'reflect' },
    ]);
  });

  it('refuses an answer the node does not offer, changing nothing', () => {
    const { call } = liveCall();
    expect(call.choose('nonsense')).toMatchObject({ ok: false });
    expect(call.transcript().events).toEqual([]);
  });

  it('fires a silence when the customer’s patience runs out, on the injected clock', () => {
    const { clock, call } = liveCall();
    const deadline = call.state.deadline;
    clock.increment(deadline - 1);
    expect(call.records).toHaveLength(0);
    clock.increment(1);
    expect(call.transcript().events).toEqual([{ kind: 'silence', at: deadline, node: 'opening' }]);
    expect(call.state.anger).toBe(70);
    expect(call.state.line).toBe('Hello? Is anybody there?');
    // The patience timer starts again from the silence line.
    expect(call.state.deadline).toBeGreaterThan(deadline);
  });

  it('ends the call from any node when anger reaches the top', () => {
    const { clock, call } = liveCall();
    clock.increment(call.state.deadline); // 70
    clock.increment(call.state.deadline - call.state.time); // 90
    clock.increment(call.state.deadline - call.state.time); // 100
    expect(call.ended).toBe(true);
    expect(call.state.ending).toBe('walks-away');
    expect(call.result().ending?.kind).toBe('hung-up');
  });

  it('persists to JSON and restores mid-call, carrying on where it stopped', () => {
    const { clock, call } = liveCall();
    clock.increment(4000);
    call.choose('blame-courier');
    const saved = JSON.parse(JSON.stringify(call.persist())) as PersistedCall;
    call.stop();

    const later = new SimulatedClock();
    later.set(1_000_000);
    const restored = startCall(parcel, { clock: later, restore: saved });
    expect(restored.state).toEqual(call.state);
    expect(restored.elapsed()).toBe(4000);
    later.increment(3000);
    expect(restored.choose('i-message')).toEqual({ ok: true });
    expect(restored.state.node).toBe('facts');
    // The restored call keeps its patience timer.
    later.increment(restored.state.deadline - restored.elapsed());
    expect(restored.transcript().events.at(-1)).toMatchObject({ kind: 'silence', node: 'facts' });
  });

  it('refuses to restore a call saved for another scenario version', () => {
    const { call } = liveCall();
    const saved = call.persist();
    expect(() =>
      startCall(parcel, { restore: { ...saved, scenario: { id: 'late-parcel', version: 2 } } }),
    ).toThrow(/v2/);
  });

  it('refuses a damaged save, naming the step, instead of resuming an impossible call', () => {
    const { clock, call } = liveCall();
    clock.increment(4000);
    call.choose('reflect');
    const saved = call.persist();
    const edited = { ...saved, events: saved.events.map((e) => ({ ...e, response: 'shout-back' })) };
    expect(() => startCall(parcel, { restore: edited })).toThrow(/step 0: .*no response 'shout-back'/);
    expect(() => startCall(parcel, { restore: { ...saved, elapsed: 10 } })).toThrow(/clock is behind/);
  });

  it('restores a finished call as finished', () => {
    const { clock, call } = liveCall();
    clock.increment(4000);
    call.choose('reflect');
    clock.increment(4000);
    call.choose('options');
    const restored = startCall(parcel, { restore: call.persist() });
    expect(restored.ended).toBe(true);
    expect(restored.result()).toEqual(call.result());
    restored.stop();
  });

  it('catches up a late timer before taking an answer, so live and replay agree', () => {
    // A clock whose timers never fire, like a browser tab that was asleep.
    let now = 0;
    const sleepy = { now: () => now, setTimeout: () => 0, clearTimeout: () => undefined };
    const call = startCall(parcel, { clock: sleepy });
    now = call.state.deadline + 500;
    expect(call.choose('reflect')).toEqual({ ok: true });
    expect(call.transcript().events.map((e) => e.kind)).toEqual(['silence', 'choice']);
    const replayed = replay(parcel, call.transcript());
    expect(replayed.ok && replayed.result).toEqual(call.result());
  });
});
