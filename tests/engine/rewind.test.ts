/** Rewinding to any decision and playing on from there. */
import { SimulatedClock } from 'xstate';
import { describe, expect, it } from 'vitest';
import { explore, replay, rewindTo, startCall } from '../../src/engine/index.js';
import { PARCEL, loadFile } from '../support/scenarios.js';

const parcel = loadFile(PARCEL);
const flagship = loadFile('scenarios/insurance-meal-receipt.yaml');

describe('rewindTo', () => {
  it('counts assembled I-messages as decisions and gives back a time-out taken during the line', () => {
    const caller = loadFile('tests/fixtures/scenarios/swearing-caller.yaml');
    const clock = new SimulatedClock();
    const call = startCall(caller, { clock });
    clock.set(call.state.finishedAt + 1500);
    call.choose('reflect');
    clock.set(call.state.finishedAt + 200);
    const offer = call.timeOut();
    if (!offer.ok) throw new Error(offer.reason);
    call.think(offer.thoughts[0].id);
    call.sayIMessage(['mr-malhotra', 'i-want-to-help', 'when-insulted', 'cant-focus']);
    expect(call.state.node).toBe('fixed');
    clock.set(call.state.finishedAt + 1500);
    call.choose('plan');
    const transcript = call.transcript();
    call.stop();

    const atInsult = rewindTo(caller, transcript, 1);
    expect(atInsult.events.map((e) => e.kind)).toEqual(['choice']);
    const replayed = startCall(caller, { restore: atInsult, clock: new SimulatedClock() });
    expect(replayed.state.node).toBe('insult');
    expect(replayed.timeoutsLeft).toBe(caller.timeouts);
    replayed.stop();

    const atFixed = rewindTo(caller, transcript, 2);
    expect(atFixed.events.map((e) => e.kind)).toEqual(['choice', 'timeout', 'i-message']);
  });

  it('stands before each decision of a path, with the customer starting that line again', () => {
    const best = explore(flagship).best;
    if (!best) throw new Error('no best path');
    best.score.decisions.forEach((decision, index) => {
      const saved = rewindTo(flagship, best.transcript, index);
      const call = startCall(flagship, { restore: saved, clock: new SimulatedClock() });
      expect(call.state.node).toBe(decision.node);
      expect(call.state.enteredAt).toBe(saved.elapsed);
      expect(call.elapsed()).toBe(call.state.enteredAt);
      expect(call.transcript().events).toHaveLength(index);
      call.stop();
    });
  });

  it('plays on from the rewound decision to a different ending', () => {
    const clock = new SimulatedClock();
    const first = startCall(parcel, { clock });
    clock.increment(4000);
    first.choose('reflect');
    clock.increment(4000);
    first.choose('options');
    expect(first.state.ending).toBe('sorted');

    const later = new SimulatedClock();
    const again = startCall(parcel, { clock: later, restore: rewindTo(parcel, first.transcript(), 1) });
    later.increment(3000);
    expect(again.choose('policy')).toEqual({ ok: true });
    expect(again.state.ending).toBe('escalates');
    const replayed = replay(parcel, again.transcript());
    expect(replayed.ok && replayed.result.total).toBe(again.result().total);
  });

  it('keeps a silence that happened before the rewound line, and drops one after it', () => {
    const t = {
      format: 1,
      scenario: { id: 'late-parcel', version: 3 },
      events: [
        { kind: 'choice', at: 2500, node: 'opening', response: 'reflect' },
        { kind: 'silence', at: 10195, node: 'facts' },
        { kind: 'choice', at: 14000, node: 'facts', response: 'options' },
      ],
    };
    const saved = rewindTo(parcel, t, 1);
    expect(saved.events.map((e) => e.kind)).toEqual(['choice']);
    expect(saved.elapsed).toBe(2500);
  });

  it('refuses a decision that does not exist', () => {
    const t = { format: 1, scenario: { id: 'late-parcel', version: 3 }, events: [] };
    expect(() => rewindTo(parcel, t, 0)).toThrow(/no decision 0/);
  });
});
