/**
 * The method beyond picking a line: time-outs with an inner thought, the response window that
 * shrinks with composure, the assembled I-message, and the run's mode — live and replayed alike.
 */
import { SimulatedClock } from 'xstate';
import { describe, expect, it } from 'vitest';
import {
  COMPOSURE,
  DEFAULT_THOUGHTS,
  I_MESSAGE_EFFECT,
  I_MESSAGE_RESPONSE,
  RUSHED_MS,
  TIMEOUT_COMPOSURE,
  assessIMessage,
  initialState,
  modelIMessage,
  offeredThoughts,
  replay,
  responseWindow,
  startCall,
  step,
  type CallState,
  type Scenario,
  type TranscriptEvent,
} from '../../src/engine/index.js';
import { PARCEL, loadFile } from '../support/scenarios.js';

const caller = loadFile('tests/fixtures/scenarios/swearing-caller.yaml');
const CLEAN = ['mr-malhotra', 'i-want-to-help', 'when-insulted', 'cant-focus'];

/** Applies events in order, failing the test on an illegal one. */
function play(scenario: Scenario, events: TranscriptEvent[]): CallState {
  let state = initialState(scenario);
  for (const event of events) {
    const result = step(scenario, state, event);
    if (!result.ok) throw new Error(result.reason);
    state = result.state;
  }
  return state;
}

/** A live call on a simulated clock, replayed from its own transcript: the two must agree. */
function expectReplayMatches(call: ReturnType<typeof startCall>, scenario: Scenario): void {
  const replayed = replay(scenario, call.transcript());
  if (!replayed.ok) throw new Error(`${replayed.step ?? '-'}: ${replayed.reason}`);
  expect(replayed.records).toEqual(call.records);
  expect(replayed.result).toEqual(call.result());
}

describe('time-outs', () => {
  it('offers one helpful and one unhelpful thought, alternating their order', () => {
    const first = offeredThoughts(caller, 0);
    const second = offeredThoughts(caller, 1);
    expect(first.map((t) => t.helpful)).toEqual([false, true]);
    expect(second.map((t) => t.helpful)).toEqual([true, false]);
    expect(first.map((t) => t.id).sort()).toEqual(['his-day', 'jerk']);
    // A scenario without thoughts of its own gets Keep Cool's.
    const parcel = loadFile(PARCEL);
    expect(offeredThoughts(parcel, 0).map((t) => t.id)).toEqual([
      DEFAULT_THOUGHTS.unhelpful[0]?.id,
      DEFAULT_THOUGHTS.helpful[0]?.id,
    ]);
  });

  it('the helpful thought restores composure, the unhelpful one costs it, and both use up a time-out', () => {
    const start = initialState(caller);
    // The insult node costs composure on arrival (bait and misconduct).
    const atInsult = play(caller, [
      { kind: 'choice', at: start.finishedAt + 1500, node: 'complaint', response: 'script' },
    ]);
    expect(atInsult.composure).toBe(100 - 2 * COMPOSURE.pressure);
    const at = atInsult.enteredAt + 500;
    const helpful = step(caller, atInsult, { kind: 'timeout', at, node: 'insult', thought: 'his-day' });
    const unhelpful = step(caller, atInsult, { kind: 'timeout', at, node: 'insult', thought: 'jerk' });
    if (!helpful.ok || !unhelpful.ok) throw new Error('both thoughts are on offer');
    expect(helpful.state.composure).toBe(Math.min(100, atInsult.composure + TIMEOUT_COMPOSURE.helpful));
    expect(unhelpful.state.composure).toBe(atInsult.composure + TIMEOUT_COMPOSURE.unhelpful);
    expect(helpful.state.timeoutsLeft).toBe(caller.timeouts - 1);
    // The clock stood still: the customer's line and patience are where they were.
    expect(helpful.state.deadline).toBe(atInsult.deadline);
    expect(helpful.state.line).toBe(atInsult.line);
    expect(helpful.record.thought).toEqual({
      id: 'his-day',
      text: caller.thoughts?.helpful[0]?.text,
      helpful: true,
    });
  });

  it('refuses a thought that is not on offer, and a time-out when none are left', () => {
    const start = initialState(caller);
    const bad = step(caller, start, {
      kind: 'timeout',
      at: 100,
      node: 'complaint',
      thought: 'not-a-thought',
    });
    expect(bad).toEqual({ ok: false, reason: "the thought 'not-a-thought' is not one this time-out offers" });
    const twice = play(caller, [
      { kind: 'timeout', at: 100, node: 'complaint', thought: 'his-day' },
      { kind: 'timeout', at: 200, node: 'complaint', thought: 'jerk' },
    ]);
    expect(twice.timeoutsLeft).toBe(0);
    const third = step(caller, twice, { kind: 'timeout', at: 300, node: 'complaint', thought: 'his-day' });
    expect(third).toEqual({ ok: false, reason: 'no time-outs are left in this call' });
  });

  it('an answer right after a time-out is not rushed: the pause was the breath', () => {
    const start = initialState(caller);
    const at = start.finishedAt + 100;
    const rushed = step(caller, start, { kind: 'choice', at, node: 'complaint', response: 'reflect' });
    const paused = play(caller, [{ kind: 'timeout', at, node: 'complaint', thought: 'his-day' }]);
    const calm = step(caller, paused, { kind: 'choice', at, node: 'complaint', response: 'reflect' });
    if (!rushed.ok || !calm.ok) throw new Error('legal');
    expect(rushed.record.rushed).toBe(true);
    expect(calm.record.rushed).toBe(false);
  });

  it('a time-out halfway through the customer’s line does not make answering over them considered', () => {
    const start = initialState(caller);
    const early = start.enteredAt + 200; // the customer has barely started
    const events: TranscriptEvent[] = [
      { kind: 'timeout', at: early, node: 'complaint', thought: 'his-day' },
      { kind: 'choice', at: early, node: 'complaint', response: 'reflect' },
    ];
    const replayed = replay(caller, {
      format: 2,
      scenario: { id: caller.id, version: caller.version },
      events,
    });
    if (!replayed.ok) throw new Error(replayed.reason);
    // The step rule lets the breath stand in for the pause; the score does not, mid-line.
    expect(replayed.records[1]?.rushed).toBe(false);
    expect(replayed.result.decisions[0]?.rushed).toBe(true);
    expect(replayed.result.timing.rushed).toBe(1);
  });

  it('live: the clock stands still during a time-out, silence cannot run out, and replay agrees', () => {
    const clock = new SimulatedClock();
    const call = startCall(caller, { clock, mode: 'assessment' });
    const offer = call.timeOut();
    if (!offer.ok) throw new Error(offer.reason);
    expect(call.paused).toBe(true);
    // A long think: far past the customer's patience, but the clock is stopped.
    clock.increment(caller.customer.patience * 1000 * 5);
    expect(call.records).toHaveLength(0);
    expect(call.choose('reflect')).toEqual({ ok: false, reason: 'finish the time-out first' });
    const helpful = offer.thoughts.find((t) => t.helpful);
    expect(call.think(helpful?.id ?? '')).toEqual({ ok: true });
    expect(call.paused).toBe(false);
    expect(call.records.map((r) => r.event)).toEqual([
      { kind: 'timeout', at: 0, node: 'complaint', thought: 'his-day' },
    ]);
    // The patience timer starts again from the paused moment: a silence at the original deadline.
    clock.increment(call.state.deadline);
    expect(call.records.at(-1)?.event).toEqual({
      kind: 'silence',
      at: call.records.at(-1)?.event.at,
      node: 'complaint',
    });
    expect(call.records.at(-1)?.event.at).toBe(initialState(caller).deadline);
    expect(call.transcript().mode).toBe('assessment');
    expectReplayMatches(call, caller);
    expect(call.result().composure.timeouts).toEqual([
      {
        at: 0,
        node: 'complaint',
        thought: caller.thoughts?.helpful[0]?.text,
        helpful: true,
        // Composure was still high: a time-out then is free, not rewarded.
        cool: false,
      },
    ]);
    call.stop();
  });

  it('calling a time-out off leaves it unused and the patience timer running from the pause', () => {
    const clock = new SimulatedClock();
    const call = startCall(caller, { clock });
    clock.increment(1000);
    expect(call.timeOut().ok).toBe(true);
    clock.increment(60_000);
    call.cancelTimeOut();
    expect(call.timeoutsLeft).toBe(caller.timeouts);
    expect(call.elapsed()).toBe(1000);
    clock.increment(initialState(caller).deadline - 1000);
    expect(call.records.map((r) => r.event.kind)).toEqual(['silence']);
    call.stop();
  });

  it('the unhelpful thought is counted against the trainee in the score', () => {
    const clock = new SimulatedClock();
    const call = startCall(caller, { clock });
    const offer = call.timeOut();
    if (!offer.ok) throw new Error(offer.reason);
    call.think(offer.thoughts.find((t) => !t.helpful)?.id ?? '');
    expect(call.result().donts).toEqual([
      { dont: 'negative-self-talk', node: 'complaint', response: 'jerk' },
    ]);
    call.stop();
  });
});

describe('the response window', () => {
  it('is the whole of the customer’s patience at composure 60 or more, and halves towards 0', () => {
    expect(responseWindow(100)).toBe(1);
    expect(responseWindow(60)).toBe(1);
    expect(responseWindow(30)).toBe(0.75);
    expect(responseWindow(0)).toBe(0.5);
  });

  it('shrinks the time before silence counts once composure has run low', () => {
    const start = initialState(caller);
    const windowMs = (st: CallState) => st.deadline - st.finishedAt;
    expect(windowMs(start)).toBe(caller.customer.patience * 1000);
    // The same moment with the trainee's composure run down to 30: after the silence, the customer's
    // next line leaves three quarters of the time to answer.
    const hot = { ...start, composure: 30 };
    const result = step(caller, hot, { kind: 'silence', at: hot.deadline, node: 'complaint' });
    if (!result.ok) throw new Error(result.reason);
    expect(windowMs(result.state)).toBe(caller.customer.patience * 1000 * 0.75);
  });
});

describe('the I-message builder', () => {
  const atInsult = () => {
    const start = initialState(caller);
    return play(caller, [
      { kind: 'choice', at: start.finishedAt + 1500, node: 'complaint', response: 'reflect' },
    ]);
  };

  it('a clean I-message where the customer crossed a line calms him and names the misconduct', () => {
    const state = atInsult();
    const result = step(caller, state, {
      kind: 'i-message',
      at: state.finishedAt + 1500,
      node: 'insult',
      parts: CLEAN,
    });
    if (!result.ok) throw new Error(result.reason);
    expect(result.state.anger).toBe(state.anger + I_MESSAGE_EFFECT.clean.anger);
    expect(result.state.node).toBe('fixed');
    expect(result.record.iMessage?.flaws).toEqual([]);
    expect(result.record.iMessage?.says).toBe(
      "Mr. Malhotra, I want to get you back online today, and when I'm called names, it's hard for me to focus on fixing it.",
    );
  });

  it('finds each flaw: a missing step, the wrong order, a harsh piece, rambling on', () => {
    const assess = (parts: string[]) => {
      const a = assessIMessage(caller, 'insult', parts);
      if (!a.ok) throw new Error(a.reason);
      return a.assessment;
    };
    expect(assess(['mr-malhotra', 'when-insulted', 'cant-focus']).missing).toEqual(['feeling']);
    expect(assess(['mr-malhotra', 'when-insulted', 'i-want-to-help', 'cant-focus']).ordered).toBe(false);
    expect(assess(['listen-here', 'i-want-to-help', 'when-insulted', 'cant-focus']).harsh).toBe(1);
    const rambling = assess([...CLEAN, 'everyone-tries']);
    expect(rambling.rambled).toBe(true);
    expect(rambling.flaws).toEqual(['i-message-ramble']);
    // Rambling re-ignites: the same message, plus the fifth part, lands hotter than the clean one.
    expect(rambling.anger - assess(CLEAN).anger).toBe(I_MESSAGE_EFFECT.ramble.anger);
  });

  it('a step left out costs a fault but still names the misconduct; a harsh piece spoils it', () => {
    const start = initialState(caller);
    const atInsult = play(caller, [
      { kind: 'choice', at: start.finishedAt + 1500, node: 'complaint', response: 'script' },
    ]);
    const scoreOf = (parts: string[]) => {
      const replayed = replay(caller, {
        format: 2,
        scenario: { id: caller.id, version: caller.version },
        events: [
          { kind: 'choice', at: start.finishedAt + 1500, node: 'complaint', response: 'script' },
          { kind: 'i-message', at: atInsult.finishedAt + 1500, node: 'insult', parts },
        ],
      });
      if (!replayed.ok) throw new Error(replayed.reason);
      return replayed.result.decisions[1];
    };
    const noAttention = scoreOf(['i-want-to-help', 'when-insulted', 'cant-focus']);
    expect(noAttention?.hits).toEqual(['N']);
    expect(noAttention?.spoiled).toEqual([]);
    const harsh = scoreOf(['listen-here', 'i-want-to-help', 'when-insulted', 'cant-focus']);
    expect(harsh?.hits).toEqual([]);
    expect(harsh?.spoiled).toEqual(['N']);
  });

  it('refuses pieces that are not on offer, repeated pieces, and nodes without a builder', () => {
    expect(assessIMessage(caller, 'insult', ['nope'])).toEqual({
      ok: false,
      reason: "node 'insult' offers no I-message piece 'nope'",
    });
    expect(assessIMessage(caller, 'insult', ['mr-malhotra', 'mr-malhotra']).ok).toBe(false);
    expect(assessIMessage(caller, 'fixed', CLEAN)).toEqual({
      ok: false,
      reason: "node 'fixed' offers no I-message builder",
    });
  });

  it('an I-message where nobody crossed a line is a mistake, even a well-built one', () => {
    const start = initialState(caller);
    const result = step(caller, start, {
      kind: 'i-message',
      at: start.finishedAt + 1500,
      node: 'complaint',
      parts: CLEAN,
    });
    if (!result.ok) throw new Error(result.reason);
    expect(result.state.anger).toBe(start.anger + I_MESSAGE_EFFECT.misplaced.anger);
    expect(result.record.iMessage?.misplaced).toBe(true);
  });

  it('the model I-message is the first calm piece of each step', () => {
    expect(modelIMessage(caller, 'insult')?.map((p) => p.id)).toEqual(CLEAN);
    expect(modelIMessage(caller, 'fixed')).toBeNull();
  });

  it('live and replayed, an assembled I-message scores the same, and the debrief explains it', () => {
    const clock = new SimulatedClock();
    const call = startCall(caller, { clock });
    clock.set(call.state.finishedAt + 1500);
    expect(call.choose('reflect')).toEqual({ ok: true });
    clock.set(call.state.finishedAt + 1500);
    expect(call.sayIMessage([...CLEAN, 'everyone-tries'])).toEqual({ ok: true });
    clock.set(call.state.finishedAt + 1500);
    expect(call.choose('plan')).toEqual({ ok: true });
    expect(call.ended).toBe(true);
    expectReplayMatches(call, caller);
    const result = call.result();
    const decision = result.decisions[1];
    expect(decision?.kind).toBe('i-message');
    expect(decision?.response).toBe(I_MESSAGE_RESPONSE);
    expect(decision?.feedback).toMatch(/kept talking after the consequence/);
    expect(decision?.better?.says).toBe(
      "Mr. Malhotra, I want to get you back online today, and when I'm called names, it's hard for me to focus on fixing it.",
    );
    expect(result.donts.map((d) => d.dont)).toEqual(['i-message-ramble']);
    call.stop();
  });

  it('holds the clock while an I-message is built: the customer finishes, then time stands still', () => {
    const clock = new SimulatedClock();
    const call = startCall(caller, { clock });
    clock.set(call.state.finishedAt + 1500);
    expect(call.choose('reflect')).toEqual({ ok: true });
    // The builder opens at once, while the customer is still speaking.
    const arrived = call.state;
    clock.increment(200);
    expect(call.hold()).toBe(true);
    expect(call.holding).toBe(true);
    expect(call.timeOut()).toEqual({ ok: false, reason: 'finish the answer you are giving first' });
    // Building takes far longer than the customer's patience; the clock stops a second after
    // they finish, so no silence is recorded and the answer is not rushed.
    clock.increment(caller.customer.patience * 1000 * 5);
    expect(call.elapsed()).toBe(arrived.finishedAt + RUSHED_MS);
    expect(call.records).toHaveLength(1);
    expect(call.sayIMessage(CLEAN)).toEqual({ ok: true });
    expect(call.holding).toBe(false);
    expect(call.records.at(-1)?.event.at).toBe(arrived.finishedAt + RUSHED_MS);
    expect(call.records.at(-1)?.rushed).toBe(false);
    expectReplayMatches(call, caller);
    // Calling a hold off lets the clock go on from where it stopped.
    const now = call.state;
    // (The call's clock now runs behind the test clock by the time held: move it relative.)
    clock.increment(now.finishedAt + 2000 - call.elapsed());
    expect(call.hold()).toBe(true);
    const held = call.elapsed();
    clock.increment(60_000);
    call.release();
    expect(call.elapsed()).toBe(held);
    clock.increment(now.deadline - held);
    expect(call.records.at(-1)?.event.kind).toBe('silence');
    expectReplayMatches(call, caller);
    call.stop();
  });

  it('a misplaced I-message is scored as naming misconduct too early', () => {
    const start = initialState(caller);
    const clock = new SimulatedClock();
    const call = startCall(caller, { clock });
    clock.set(start.finishedAt + 1500);
    expect(call.sayIMessage(CLEAN)).toEqual({ ok: true });
    const result = call.result();
    expect(result.donts.map((d) => d.dont)).toEqual(['early-i-message']);
    expect(result.decisions[0]?.misplacedN).toBe(true);
    expect(result.decisions[0]?.better?.id).toBe('reflect');
    call.stop();
  });
});

describe('rushed answers', () => {
  it('an answer within a second of the customer finishing is rushed; one to two seconds is not', () => {
    const start = initialState(caller);
    const at = (ms: number) =>
      step(caller, start, {
        kind: 'choice',
        at: start.finishedAt + ms,
        node: 'complaint',
        response: 'reflect',
      });
    const quick = at(RUSHED_MS - 1);
    const steady = at(RUSHED_MS + 500);
    if (!quick.ok || !steady.ok) throw new Error('legal');
    expect(quick.record.rushed).toBe(true);
    expect(steady.record.rushed).toBe(false);
    expect(steady.state.composure).toBeGreaterThan(quick.state.composure);
  });
});
