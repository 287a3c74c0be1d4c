/**
 * Typed answers in the engine: the story follows the matched response, the score follows what was
 * heard, and a server refuses labels or a match it cannot reproduce.
 */
import { describe, expect, it } from 'vitest';
import { SimulatedClock } from 'xstate';
import {
  I_STEPS,
  Transcript,
  explore,
  paths,
  replay,
  startCall,
  type Scenario,
  type TranscriptEvent,
} from '../../src/engine/index.js';
import { bestResponse } from '../../src/engine/better.js';
import { LABELS, type Label } from '../../src/engine/understand/labels.js';
import { contentWords, isRepeat, matchAnswer, offered } from '../../src/engine/understand/match.js';
import { bundledModel } from '../../src/engine/understand/bundled.js';
import { verifyTyped } from '../../src/engine/understand/verify.js';
import { SHIPPED, loadFile } from '../support/scenarios.js';

const scenario = loadFile('scenarios/insurance-meal-receipt.yaml');
const model = bundledModel();
const start = scenario.nodes[scenario.start];
if (!start) throw new Error('the flagship has no start node');
/** Late enough that the customer has finished their first line. */
const AT = 20_000;

/** The typed event the game would record for `text` at the start. */
function typed(text: string): Extract<TranscriptEvent, { kind: 'typed' }> {
  const labels = model.label(text).labels;
  const match = matchAnswer(text, labels, start?.responses ?? []);
  const response = match.chosen ?? match.ranked[0]?.id ?? '';
  return {
    kind: 'typed',
    at: AT,
    node: scenario.start,
    text,
    model: model.version,
    labels,
    response,
    picked: match.chosen === null,
  };
}

const transcript = (events: TranscriptEvent[]) => ({
  format: 2,
  scenario: { id: scenario.id, version: scenario.version },
  mode: 'assessment',
  answers: 'type',
  events,
});

describe('a typed answer', () => {
  it('moves the story as the response it matched, and is scored on what was heard', () => {
    const event = typed("I'm glad you came in. Tell me what happened, I'm listening.");
    const asTyped = replay(scenario, transcript([event]));
    const asChosen = replay(scenario, {
      ...transcript([{ kind: 'choice', at: AT, node: event.node, response: event.response }]),
      answers: 'pick',
    });
    expect(asTyped.ok && asChosen.ok).toBe(true);
    if (!asTyped.ok || !asChosen.ok) return;
    // The customer reacts as authored to the matched response.
    expect(asTyped.state.node).toBe(asChosen.state.node);
    expect(asTyped.state.anger).toBe(asChosen.state.anger);
    const decision = asTyped.result.decisions[0];
    expect(decision?.kind).toBe('typed');
    expect(decision?.says).toBe(event.text);
    expect(decision?.typed).toMatchObject({
      labels: event.labels,
      matched: event.response,
      model: model.version,
    });
    // The letters earned are the ones heard, at the moment's opportunities.
    const heardLetters = event.labels.filter((l) => start.calls_for.includes(l as never));
    expect(decision?.hits).toEqual(heardLetters);
  });

  it('a don’t heard in the answer costs, even when the matched response is clean', () => {
    const event = typed(
      'You are wrong about that, the policy is perfectly clear and I have explained it twice.',
    );
    expect(event.labels.some((l) => l === 'tell-wrong' || l === 'authoritative')).toBe(true);
    const replayed = replay(scenario, transcript([event]));
    expect(replayed.ok).toBe(true);
    if (!replayed.ok) return;
    const decision = replayed.result.decisions[0];
    expect(decision?.breaks.length).toBeGreaterThan(0);
    expect(decision?.hits).toEqual([]);
  });

  it('scores the same every time', () => {
    const events = [typed('So sorry about the fire. Can we go through the receipts together?')];
    const a = replay(scenario, transcript(events));
    const b = replay(scenario, transcript(events));
    expect(a).toEqual(b);
  });

  it('is answered one way throughout: no picked answer in a typed run, no typed one in a picked run', () => {
    const event = typed("I'm glad you came in. Tell me what happened, I'm listening.");
    const choice: TranscriptEvent = { kind: 'choice', at: AT, node: event.node, response: event.response };
    expect(replay(scenario, transcript([choice]))).toEqual({
      ok: false,
      step: 0,
      reason: 'a written answer picked in a run answered by typing',
    });
    const built: TranscriptEvent = { kind: 'i-message', at: AT, node: event.node, parts: ['x'] };
    expect(replay(scenario, transcript([built]))).toEqual({
      ok: false,
      step: 0,
      reason: 'an I-message put together from pieces in a run answered by typing',
    });
    for (const answers of ['pick', undefined]) {
      expect(replay(scenario, { ...transcript([event]), answers })).toMatchObject({
        ok: false,
        step: 0,
        reason: 'a typed answer in a run answered by picking',
      });
    }
  });

  it('is refused by the schema when it is empty or carries a label the engine does not know', () => {
    const good = typed('I hear you.');
    expect(Transcript.safeParse(transcript([{ ...good, text: '   ' }])).success).toBe(false);
    expect(Transcript.safeParse(transcript([{ ...good, labels: ['constructor'] } as never])).success).toBe(
      false,
    );
    expect(Transcript.safeParse(transcript([good])).success).toBe(true);
  });
});

describe('a server checking typed answers', () => {
  const genuine = typed("That sounds exhausting for your family. Let's look at the receipts together.");

  it('accepts what it can reproduce', () => {
    expect(verifyTyped(scenario, [genuine], model)).toEqual({ ok: true });
  });

  it('refuses a forged label, naming the answer', () => {
    const forged = { ...genuine, labels: [...new Set([...genuine.labels, 'S' as const])] };
    const verdict = verifyTyped(scenario, [forged], model);
    expect(verdict.ok).toBe(false);
    if (!verdict.ok)
      expect(verdict.reason).toMatch(/^answer 1 is recorded as \[.*S.*\], but the model hears/);
  });

  it('refuses another model’s labels, a match it does not make, and a choice never offered', () => {
    expect(verifyTyped(scenario, [{ ...genuine, model: 'kc-nlu-0-old' }], model)).toMatchObject({
      ok: false,
      step: 0,
    });
    // A response's own words match it clearly: no choice is offered there.
    const clear = typed(start.responses[0]?.says ?? '');
    expect(clear.picked).toBe(false);
    const other = start.responses.find((r) => r.id !== clear.response)?.id ?? '';
    expect(verifyTyped(scenario, [{ ...clear, response: other }], model)).toMatchObject({
      ok: false,
      reason: expect.stringMatching(/is recorded as matching/) as unknown,
    });
    expect(verifyTyped(scenario, [{ ...clear, picked: true }], model)).toMatchObject({
      ok: false,
      reason: expect.stringMatching(/would not have offered/) as unknown,
    });
  });
});

describe('a live call answered by typing', () => {
  it('records the typed answer, resumes it from a save, and scores as its replay does', () => {
    const clock = new SimulatedClock();
    const call = startCall(scenario, { clock, mode: 'assessment', answers: 'type' });
    clock.increment(call.state.finishedAt + 2000);
    const {
      text,
      model: version,
      labels,
      response,
      picked,
    } = typed("I'm glad you came in. Tell me what happened.");
    const answer = { text, model: version, labels, response, picked };
    // A typed call takes no picked answer, and a picked call no typed one.
    expect(call.choose(response)).toEqual({ ok: false, reason: 'this call is answered by typing' });
    const picking = startCall(scenario, { clock });
    expect(picking.sayTyped(answer)).toEqual({ ok: false, reason: 'this call is answered by picking' });
    picking.stop();
    expect(call.sayTyped(answer)).toEqual({ ok: true });
    expect(call.sayTyped({ ...answer, response: 'constructor' })).toMatchObject({ ok: false });
    const event = call.transcript().events[0];
    expect(event).toMatchObject({
      kind: 'typed',
      node: scenario.start,
      text: answer.text,
      labels: answer.labels,
    });
    const restored = startCall(scenario, { clock, restore: call.persist() });
    expect(restored.records).toEqual(call.records);
    expect(restored.answers).toBe('type');
    expect(call.transcript().answers).toBe('type');
    const replayed = replay(scenario, call.transcript());
    expect(replayed.ok && replayed.result).toEqual(call.result());
    call.stop();
    restored.stop();
  });
});

describe('the clock while an answer is typed', () => {
  const answerFor = (text: string) => {
    const { model: version, labels, response, picked } = typed(text);
    return { text, model: version, labels, response, picked };
  };

  it('is held from the first key: the pause rule judges that moment, and patience does not run out', () => {
    for (const [startAfter, rushed] of [
      [300, true],
      [2500, false],
    ] as const) {
      const clock = new SimulatedClock();
      const call = startCall(scenario, { clock, answers: 'type' });
      const finished = call.state.finishedAt;
      clock.increment(finished + startAfter);
      expect(call.hold('now')).toBe(true);
      expect(call.holding).toBe(true);
      // Typing takes long: far past the customer's patience, and no silence is counted.
      clock.increment(call.state.deadline + 60_000);
      expect(call.records).toHaveLength(0);
      expect(call.sayTyped(answerFor("I'm glad you came in. Tell me what happened."))).toEqual({ ok: true });
      expect(call.transcript().events[0]?.at).toBe(finished + startAfter);
      expect(call.result().decisions[0]?.rushed).toBe(rushed);
      expect(call.holding).toBe(false);
      call.stop();
    }
  });
});

describe('typing a response’s own moves scores as choosing it', () => {
  // On every path of the smaller shipped scenarios (the first 300 of each), each choice is
  // replaced by a typed answer heard with exactly the response's letters and don'ts (and a
  // ready-made I-message's four steps).
  const scenarios = ['dented-shelves', 'fine-whatever', 'swallowed-card', 'routine-shoe-size-swap'].map(
    (id) => loadFile(`scenarios/${id}.yaml`),
  );
  for (const s of scenarios) {
    it(`on ${s.id}`, () => {
      let walked = 0;
      for (const path of paths(s)) {
        if (walked++ >= 300) break;
        // A built I-message is Pick mode's: a typed run says it in words.
        if (path.transcript.events.some((e) => e.kind === 'i-message')) continue;
        const events = path.transcript.events.map((e): TranscriptEvent => {
          if (e.kind !== 'choice') return e;
          const response = s.nodes[e.node]?.responses.find((r) => r.id === e.response);
          const heard = new Set<string>([...(response?.uses ?? []), ...(response?.breaks ?? [])]);
          // A ready-made I-message says all four steps, and is heard so.
          if (response?.uses.includes('N')) for (const step of I_STEPS) heard.add(step);
          return {
            kind: 'typed',
            at: e.at,
            node: e.node,
            text: response?.says ?? '',
            model: 'test',
            labels: LABELS.filter((l) => heard.has(l)),
            response: e.response,
            picked: false,
          };
        });
        const typedRun = replay(s, { ...path.transcript, answers: 'type', events });
        const chosenRun = replay(s, path.transcript);
        if (!typedRun.ok || !chosenRun.ok) throw new Error('a shipped path does not replay');
        expect(typedRun.result.total).toBe(chosenRun.result.total);
        // The same letters earned and don'ts broken (a typed answer lists them in the engine's order).
        const made = (decisions: typeof typedRun.result.decisions) =>
          decisions.map((d) => [[...d.hits].sort(), [...d.breaks].sort()]);
        expect(made(typedRun.result.decisions)).toEqual(made(chosenRun.result.decisions));
      }
      expect(walked).toBeGreaterThan(1);
    });
  }
});

describe('no blind typed strategy wins', () => {
  /**
   * Types `text` at every moment of a call, as a test-wise trainee would: where the game asks which
   * answer was meant, they pick the best one offered. Returns the replayed result.
   */
  function typeEverywhere(s: Scenario, text: string) {
    const model = bundledModel();
    const { labels } = model.label(text);
    const events: TranscriptEvent[] = [];
    const header = { format: 2, scenario: { id: s.id, version: s.version }, answers: 'type' } as const;
    for (let i = 0; i < 60; i++) {
      const r = replay(s, { ...header, events });
      if (!r.ok) throw new Error(r.reason);
      const nodeId = r.state.node;
      const node = nodeId === null ? undefined : s.nodes[nodeId];
      if (!node || nodeId === null) break;
      const m = matchAnswer(text, labels, node.responses);
      const best = bestResponse(node).id;
      const response = m.chosen ?? (offered(m).includes(best) ? best : offered(m)[0]);
      if (!response) throw new Error('nothing matched and nothing offered');
      events.push({
        kind: 'typed',
        at: r.state.finishedAt + 2000,
        node: nodeId,
        text,
        model: model.version,
        labels,
        response,
        picked: m.chosen === null,
      });
    }
    const done = replay(s, { ...header, events });
    if (!done.ok) throw new Error(done.reason);
    return done.result;
  }
  const shipped = SHIPPED.map(loadFile);

  it('says nothing: an answer like no response here cannot pick the best from the list', () => {
    for (const s of shipped) {
      const result = typeEverywhere(s, 'okay');
      expect(result.total, s.id).toBeLessThan(400);
      expect(result.ending?.kind, s.id).not.toBe('resolved');
    }
  });

  it('says one warm, move-stuffed answer everywhere: repeats earn nothing, and it is beaten', () => {
    const stuffed =
      "I'm so sorry. I understand, I hear you, you must be really upset. Let me look into the facts for you, what happened exactly?";
    for (const s of shipped) {
      const best = explore(s).best?.score.total ?? 0;
      const result = typeEverywhere(s, stuffed);
      expect(result.total, s.id).toBeLessThanOrEqual(best - 150);
      // After the first, every answer is a repeat: heard, but no move counted.
      for (const d of result.decisions.slice(1)) {
        expect(d.typed?.repeated, s.id).toBe(true);
        expect(d.hits, s.id).toEqual([]);
      }
    }
  });

  it('tells a stock answer padded with new words each time, and not a short answer said again in a longer one', () => {
    const stock = contentWords(
      "I'm so sorry. I understand, I hear you, you must be really upset. What happened?",
    );
    const padded = contentWords(
      "I'm so sorry Mr Brennan. I understand, I hear you, you must be really upset on a Tuesday. What happened?",
    );
    expect(isRepeat(stock, padded)).toBe(true);
    expect(isRepeat(contentWords('I see.'), contentWords('I see, so the receipts were all for meals?'))).toBe(
      false,
    );
    expect(isRepeat(contentWords('Tell me more.'), contentWords('Tell me more.'))).toBe(true);
    expect(isRepeat(contentWords('okay'), contentWords('ok'))).toBe(false);
  });

  it('still counts the don’ts of a repeat', () => {
    const rude = 'Calm down, that is not what happened and you know it.';
    const result = typeEverywhere(loadFile('scenarios/insurance-meal-receipt.yaml'), rude);
    const heard = bundledModel()
      .label(rude)
      .labels.filter((l) => !/^[A-Z]$/.test(l));
    expect(heard.length).toBeGreaterThan(0);
    for (const d of result.decisions) expect(d.breaks.length).toBeGreaterThan(0);
  });
});

describe('misconduct named in the trainee’s own words', () => {
  const s = loadFile('scenarios/swallowed-card.yaml');
  const best = explore(s).best;
  /** The best path typed up to its I-message, typed too and heard with `labels`; the result. */
  function withIMessage(labels: Label[]) {
    if (!best) throw new Error('no best path');
    // Up to the I-message: the story after it follows another answer than the best path's.
    const upTo = best.transcript.events.findIndex((e) => e.kind === 'i-message');
    const events = best.transcript.events.slice(0, upTo + 1).map((e): TranscriptEvent => {
      if (e.kind === 'i-message') {
        // The story follows the moment's strongest written answer; the score, what was heard.
        const moment = s.nodes[e.node];
        if (!moment) throw new Error('no node');
        const named = bestResponse(moment);
        const { at, node } = e;
        return {
          kind: 'typed',
          at,
          node,
          text: 'x',
          model: 'test',
          labels,
          response: named.id,
          picked: false,
        };
      }
      if (e.kind !== 'choice') return e;
      const response = s.nodes[e.node]?.responses.find((r) => r.id === e.response);
      const heard = new Set<string>([...(response?.uses ?? []), ...(response?.breaks ?? [])]);
      const { at, node } = e;
      const own = LABELS.filter((l) => heard.has(l));
      return {
        kind: 'typed',
        at,
        node,
        text: 'y',
        model: 'test',
        labels: own,
        response: e.response,
        picked: false,
      };
    });
    const r = replay(s, { ...best.transcript, answers: 'type', events });
    if (!r.ok) throw new Error(r.reason);
    return r.result;
  }
  const slips = (result: ReturnType<typeof withIMessage>) =>
    result.donts.map((d) => d.dont).filter((d) => d.startsWith('i-message'));

  it('is held to the I-message’s craft: all four steps heard, nothing after the consequence', () => {
    const whole: Label[] = ['N', 'attention', 'feeling', 'behaviour', 'consequence'];
    const clean = withIMessage(whole);
    expect(slips(clean)).toEqual([]);
    const stepLeftOut = withIMessage(['N', 'feeling', 'behaviour', 'consequence']);
    expect(slips(stepLeftOut)).toEqual(['i-message-incomplete']);
    const rambled = withIMessage([...whole, 'ramble']);
    expect(slips(rambled)).toEqual(['i-message-ramble']);
    // Each slip costs; a ramble also spoils the move, as for an I-message put together from pieces.
    expect(stepLeftOut.total).toBeLessThan(clean.total);
    expect(rambled.total).toBeLessThan(clean.total);
    expect(rambled.letters.N.hits).toBeLessThan(clean.letters.N.hits);
    expect(stepLeftOut.letters.N.hits).toBe(clean.letters.N.hits);
  });
});
