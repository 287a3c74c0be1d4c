/**
 * Format 3 at work in "The gym that kept charging": number variables put into the text, conditions
 * with any / all / otherwise, lines and answers that change with a flag, moments nobody answers
 * (a hold, a narration), a second speaker, a good hand-off and the moment for a time-out. Each test
 * plays the shipped scenario through the engine and checks what the trainee would hear and score.
 */
import { describe, expect, it } from 'vitest';
import {
  CALM_MS,
  GOOD_HANDOFF_POINTS,
  fill,
  initialState,
  methodRecords,
  offeredThoughts,
  responseSays,
  routeOf,
  scoreRecords,
  speechMs,
  stateAt,
  step,
  type CallState,
  type StepRecord,
  type TranscriptEvent,
} from '../../src/engine/index.js';
import { loadFile } from '../support/scenarios.js';

const gym = loadFile('scenarios/the-gym-that-kept-charging.yaml');

/** A move: a response id, BUILT (the clean I-message from the builder), or a time-out with a thought. */
type Move = string | { timeout: 'helpful' | 'unhelpful' };

const BUILT = '#built-i-message';
const HELPFUL: Move = { timeout: 'helpful' };
const CLEAN_PIECES = ['mr-bell', 'want-it-back', 'sworn-at', 'lose-focus'];

/** Up to the outburst after the hold, on the method's path. */
const TO_OUTBURST = ['ask-then-summarize', 'reflect-and-sorry', 'check-the-notes'];
const BEST: Move[] = [
  ...TO_OUTBURST,
  HELPFUL,
  BUILT,
  'own-the-mistake',
  'brief-ruth',
  'you-sound-unsure',
  'reference-and-line',
];

/** Plays moves from `from` (the start by default), each answer 1.5 s after the lines finish. */
function play(moves: readonly Move[], from: CallState = initialState(gym)) {
  let state = from;
  const records: StepRecord[] = [];
  for (const move of moves) {
    const node = state.node;
    if (node === null) throw new Error(`the call ended before ${JSON.stringify(move)}`);
    let event: TranscriptEvent;
    if (typeof move === 'object') {
      const taken = gym.timeouts - state.timeoutsLeft;
      const thought = offeredThoughts(gym, taken).find((t) => t.helpful === (move.timeout === 'helpful'));
      event = { kind: 'timeout', at: state.finishedAt, node, thought: thought?.id ?? '' };
    } else if (move === BUILT) {
      event = { kind: 'i-message', at: state.finishedAt + CALM_MS, node, parts: CLEAN_PIECES };
    } else {
      event = { kind: 'choice', at: state.finishedAt + CALM_MS, node, response: move };
    }
    const result = step(gym, state, event);
    if (!result.ok) throw new Error(`${node}: ${result.reason}`);
    records.push(result.record);
    state = result.state;
  }
  return { state, records, score: scoreRecords(gym, records) };
}

function response(nodeId: string, id: string) {
  const found = gym.nodes[nodeId]?.responses.find((r) => r.id === id);
  if (!found) throw new Error(`no response ${nodeId}/${id}`);
  return found;
}

function ending(id: string) {
  const found = gym.endings[id];
  if (!found) throw new Error(`no ending ${id}`);
  return found;
}

describe('number variables', () => {
  it('start at their declared values and read as numbers in the first line', () => {
    const start = initialState(gym);
    expect(start.vars).toEqual({ months: 3, refund: 0 });
    expect(start.line).toContain("that's 3 times now");
    expect(start.line).not.toContain('{months}');
  });

  it('are put into the lines, the answers and the ending once a response sets them', () => {
    const { state: found } = play([...TO_OUTBURST, HELPFUL, BUILT]);
    expect(found.node).toBe('what-found');
    expect(found.vars.refund).toBe(0);
    expect(responseSays(response('what-found', 'own-the-mistake'), found)).toContain(
      "You're owed all 3 payments back, $127.50",
    );

    const { state } = play(['own-the-mistake'], found);
    expect(state.vars).toEqual({ months: 3, refund: 127.5 });
    expect(state.lead.map((l) => l.text)).toEqual([
      "You key $127.50 into the refund screen. It asks for a team lead's approval, as it does for anything over one month's fees, so you message Ruth Adeyemi. A moment later she joins the call.",
    ]);
    expect(responseSays(response('team-lead', 'brief-ruth'), state)).toContain(
      "he's paid 3 months since. I'd like to refund all $127.50.",
    );

    const { state: end } = play(['brief-ruth', 'you-sound-unsure', 'reference-and-line'], state);
    expect(end.ending).toBe('refunded-with-thanks');
    expect(fill(ending('refunded-with-thanks').narrative, end.vars)).toMatch(
      /^The \$127\.50 is back in Marcus's account by Monday/,
    );
  });

  it('hold a smaller refund to the cent, and none at all changes the line', () => {
    const before = play([...TO_OUTBURST, HELPFUL, BUILT]).state;
    const goodwill = play(['one-month-goodwill'], before).state;
    expect(goodwill.node).toBe('counter-offer');
    expect(goodwill.vars.refund).toBe(42.5);
    expect(goodwill.line).toMatch(/^\$42\.50\. I pay you .* and I get \$42\.50 back\. Brilliant\.$/);
    expect(responseSays(response('counter-offer', 'take-it-or-not'), goodwill)).toBe(
      "I know it's not ideal. Do you want me to put the $42.50 through or not?",
    );

    const nothing = play(['cancel-from-today'], before).state;
    expect(nothing.vars.refund).toBe(0);
    expect(nothing.line).toMatch(/^So that's it\. I cancel to your face/);
    expect(responseSays(response('counter-offer', 'take-it-or-not'), nothing)).toBe(
      "I know it's not what you wanted. Shall I cancel it from today, then?",
    );
  });

  it('add up: a July payment nobody stopped makes four', () => {
    const { state } = play([...BEST.slice(0, 7), 'anything-else']);
    expect(state.ending).toBe('july-goes-out');
    expect(state.vars.months).toBe(4);
    expect(fill(ending('july-goes-out').narrative, state.vars)).toContain(
      "On Thursday, July's payment goes out anyway: 4 payments for a gym he left in March.",
    );
  });
});

describe('conditions', () => {
  const last = response('july-worry', 'reference-and-line');
  it.each([
    // flags, trust before the answer (it adds 8), the ending, the branch taken
    [['apologised'], 52, 'refunded-with-thanks', 0],
    [['apologised'], 51, 'refunded', 1],
    [[], 52, 'refunded', 1],
    [[], 51, 'settled-for-less', 2],
  ] as const)(
    'all / any / otherwise at the last answer: flags %j, trust %i → %s',
    (flags, trust, goal, branch) => {
      const at = stateAt(gym, { node: 'july-worry', anger: 20, trust, flags, vars: { refund: 127.5 } });
      const { state } = play(['reference-and-line'], at);
      expect(state.ending).toBe(goal);
      const route = routeOf(gym, last.next, 14, trust + 8, flags, state.vars);
      expect(route).toEqual({ goto: goal, by: 'branch', branch });
    },
  );

  it('a refund over one month fetches the team lead; a smaller one goes straight through', () => {
    const full = stateAt(gym, { node: 'refund-screen', anger: 20, trust: 50, vars: { refund: 127.5 } });
    expect(full.node).toBe('team-lead');
    const small = stateAt(gym, { node: 'refund-screen', anger: 20, trust: 50, vars: { refund: 42.5 } });
    expect(small.ending).toBe('settled-for-less');
    expect(small.lead).toEqual([
      {
        node: 'refund-screen',
        speaker: 'narrator',
        text: 'You key $42.50 into the refund screen, and it goes straight through.',
      },
    ]);
  });

  it('a take-it-or-leave-it with nothing to take sends him to his bank; otherwise it goes through', () => {
    const nothing = stateAt(gym, { node: 'counter-offer', anger: 40, trust: 30, vars: { refund: 0 } });
    expect(play(['take-it-or-not'], nothing).state.ending).toBe('bank-dispute');
    const some = stateAt(gym, { node: 'counter-offer', anger: 40, trust: 30, vars: { refund: 42.5 } });
    const through = play(['take-it-or-not'], some).state;
    expect(through.ending).toBe('settled-for-less');
    expect(through.lead.map((l) => l.node)).toEqual(['refund-screen']);
  });

  it('the threat to hang up ends the call when he is hot, and otherwise carries on', () => {
    const hot = stateAt(gym, { node: 'off-hold', anger: 50, trust: 30, flags: ['found-note'] });
    expect(play(['language-warning'], hot).state.ending).toBe('bank-dispute');
    const cooler = stateAt(gym, { node: 'off-hold', anger: 49, trust: 30, flags: ['found-note'] });
    expect(play(['language-warning'], cooler).state.node).toBe('what-found');
  });
});

describe('lines and answers that remember', () => {
  it('the outburst throws back an apology already made, misses one never made, or answers a guess', () => {
    const apologised = play(TO_OUTBURST).state;
    expect(apologised.node).toBe('off-hold');
    expect(apologised.line).toContain('you can keep your sorry, mate');

    const noSorry = play(['ask-then-summarize', 'reflect-no-sorry', 'check-the-notes']).state;
    expect(noSorry.flags).toEqual(['found-note']);
    expect(noSorry.line).toContain('not one of you has even said sorry');

    const guessed = play(['ask-then-summarize', 'reflect-and-sorry', 'billing-shows-nothing']).state;
    expect(guessed.node).toBe('off-hold');
    expect(guessed.lead).toEqual([]);
    expect(guessed.line).toMatch(/^Are you f\*\*\*ing kidding me\?/);
    expect(gym.nodes['off-hold']?.shows).toBe('outburst');
  });

  it('an answer reads as what the trainee has done so far, and scores the same whatever its words', () => {
    const held = play(TO_OUTBURST).state;
    const guessed = play(['ask-then-summarize', 'reflect-and-sorry', 'billing-shows-nothing']).state;
    const short = response('off-hold', 'hold-was-short');
    expect(responseSays(short, held)).toContain('I was looking for your cancellation');
    expect(responseSays(short, guessed)).toBe(
      "There's no need for that, sir. I'm only telling you what the system says.",
    );

    const afterHold = play(['hold-was-short'], held);
    const afterGuess = play(['hold-was-short'], guessed);
    const [a] = afterHold.score.decisions;
    const [b] = afterGuess.score.decisions;
    expect(a?.response).toBe('hold-was-short');
    expect(b?.response).toBe('hold-was-short');
    expect(a?.breaks).toEqual(['argue', 'defensive']);
    expect(b?.breaks).toEqual(a?.breaks);

    // After the guess, the facts moment has him insist he cancelled (the variant's angry line: the
    // guess and the argument made him angry), and the answer looks in the notes first.
    expect(afterGuess.state.mood).toBe('angry');
    expect(afterGuess.state.line).toBe(
      'I did cancel. Whatever your screen says. So what are you going to do about it?',
    );
    expect(afterHold.state.line).toMatch(/^…Yeah\. Sorry\. That's not on you\./);
    expect(responseSays(response('what-found', 'own-the-mistake'), afterGuess.state)).toMatch(
      /^Let me look in the desk notes, not just billing\./,
    );
    expect(responseSays(response('what-found', 'own-the-mistake'), afterHold.state)).toMatch(/^I found it\./);
  });
});

describe('moments nobody answers', () => {
  it('the hold and the narration are said on the way, and the customer finishes after them', () => {
    const before = play(TO_OUTBURST.slice(0, 2)).state;
    const at = before.finishedAt + CALM_MS;
    const { state } = play(['check-the-notes'], before);
    expect(state.lead.map(({ node, speaker }) => ({ node, speaker }))).toEqual([
      { node: 'on-hold', speaker: 'hold' },
      { node: 'the-notes', speaker: 'narrator' },
      { node: 'music-stops', speaker: 'hold' },
    ]);
    expect(state.lead[1]?.text).toContain('so billing carried on: 3 payments of $42.50.');
    expect(state.lead[2]?.text).toBe('Three minutes and ten seconds in, the hold music clicks off.');
    expect(state.speaker).toBe('customer');
    expect(state.enteredAt).toBe(at);
    const spoken = state.lead.reduce((ms, l) => ms + speechMs(l.text), 0) + speechMs(state.line);
    expect(state.finishedAt).toBe(at + spoken);
    expect(state.deadline).toBe(state.finishedAt + gym.customer.patience * 1000);
  });

  it('an answer timed from his own line alone talks over him: the hold counts', () => {
    const { state: before, records } = play(TO_OUTBURST);
    const tooSoon = before.enteredAt + speechMs(before.line) + CALM_MS;
    expect(tooSoon).toBeLessThan(before.finishedAt);
    const result = step(gym, before, {
      kind: 'choice',
      at: tooSoon,
      node: 'off-hold',
      response: 'i-message',
    });
    if (!result.ok) throw new Error(result.reason);
    expect(result.record.rushed).toBe(true);
    const score = scoreRecords(gym, [...records, result.record]);
    expect(score.donts.map((d) => d.dont)).toEqual(['took-bait']);
  });
});

describe('a second speaker', () => {
  it('the team lead joins, speaks, and is answered; the anger is still the customer’s', () => {
    const found = play([...TO_OUTBURST, HELPFUL, BUILT]).state;
    const { state } = play(['own-the-mistake'], found);
    expect(state.node).toBe('team-lead');
    expect(state.speaker).toBe('supervisor');
    expect(gym.speakers.supervisor?.name).toBe('Ruth Adeyemi (team lead)');
    expect(state.line).toMatch(/^Hi both, Ruth Adeyemi, billing team lead\./);
    expect(state.lead.map((l) => l.speaker)).toEqual(['narrator']);

    // Silence at her moment: she asks again, and the customer's anger rises.
    const silent = step(gym, state, { kind: 'silence', at: state.deadline, node: 'team-lead' });
    if (!silent.ok) throw new Error(silent.reason);
    expect(silent.state.speaker).toBe('supervisor');
    expect(silent.state.line).toBe('Hello? I just need the short version.');
    expect(silent.state.anger).toBe(state.anger + gym.customer.silence_anger);

    // Her sign-off is said on the way back to him.
    const after = play(['brief-ruth'], state).state;
    expect(after.lead).toEqual([
      {
        node: 'ruth-approves',
        speaker: 'supervisor',
        text: "Got it, thanks. Approved: $127.50 back to your card, Mr. Bell, in three to five working days. I'm sorry it took a phone call to sort. I'll leave you with my colleague.",
      },
    ]);
    expect(after.speaker).toBe('customer');
    expect(after.node).toBe('sounds-flat');
  });

  it('a warm hand-off is a good ending worth 120 for its kind; a cold one 20', () => {
    const warm = play([...BEST.slice(0, 6), 'hand-over-warm']).score;
    expect(warm.ending).toMatchObject({ id: 'handed-to-ruth', kind: 'handed-off', good: true });
    expect(GOOD_HANDOFF_POINTS).toBe(120);
    // 120 + round(75 × 3/4 + 75 × 3/4)
    expect(warm.parts.outcome).toBe(120 + 113);

    const cold = play([...BEST.slice(0, 6), 'he-swore']).score;
    expect(cold.ending).toMatchObject({ id: 'passed-along', kind: 'handed-off', good: false });
    // 20 + round(75 × 0/4 + 75 × 1/4)
    expect(cold.parts.outcome).toBe(20 + 19);
    expect(warm.total).toBeGreaterThan(cold.total);

    // Seeing it through beats handing it on, however well.
    expect(play(BEST).score.total).toBeGreaterThan(warm.total);
  });
});

describe('the moment for a time-out', () => {
  it('answering the swearing without one is not a clean answer, though it is no fault', () => {
    const skipped = play([...TO_OUTBURST, BUILT, ...BEST.slice(5)]).score;
    const [, , , atOutburst] = skipped.decisions;
    expect(atOutburst?.node).toBe('off-hold');
    expect(atOutburst?.skippedTimeOut).toBe(true);
    expect(skipped.donts).toEqual([]);
    expect(skipped.cleanAnswers).toBe(7);
    expect(skipped.parts.conduct).toBe(131); // round(150 × 7/8)
    expect(skipped.total).toBe(981);
  });

  it('the helpful thought there keeps cool, even before composure has fallen', () => {
    const best = play(BEST);
    const breath = best.records.find((r) => r.event.kind === 'timeout');
    expect(breath?.before.composure).toBeGreaterThanOrEqual(60);
    expect(best.score.composure.timeouts).toMatchObject([{ node: 'off-hold', helpful: true, cool: true }]);
    expect(best.score.decisions.some((d) => d.skippedTimeOut)).toBe(false);
    expect(best.score.total).toBe(1000);

    // The credit shows where the call is cut short: the warm hand-off with and without the breath.
    const withBreath = play([...BEST.slice(0, 6), 'hand-over-warm']).score;
    const without = play([...TO_OUTBURST, BUILT, 'own-the-mistake', 'hand-over-warm']).score;
    expect(withBreath.parts.conduct).toBe(113 + 15); // round(150 × 6/8) + one cool time-out
    expect(without.parts.conduct).toBe(94); // round(150 × 5/8)
  });

  it('a calm time-out anywhere else earns nothing, and the unhelpful thought is a fault', () => {
    const early = play([HELPFUL, ...BEST]).score;
    expect(early.composure.timeouts.map((t) => [t.node, t.cool])).toEqual([
      ['ramble', false],
      ['off-hold', true],
    ]);
    const sour = play([...TO_OUTBURST, { timeout: 'unhelpful' }, ...BEST.slice(4)]).score;
    expect(sour.composure.timeouts).toMatchObject([{ node: 'off-hold', helpful: false, cool: false }]);
    expect(sour.donts.map((d) => d.dont)).toEqual(['negative-self-talk']);
    expect(sour.decisions.some((d) => d.skippedTimeOut)).toBe(false);
  });

  it('the method’s own play takes it there, with the helpful thought', () => {
    const events = methodRecords(gym, initialState(gym)).map((r) => r.event);
    const i = events.findIndex((e) => e.kind === 'timeout');
    expect(events[i]).toMatchObject({ kind: 'timeout', node: 'off-hold', thought: 'not-about-me' });
    expect(events[i + 1]).toMatchObject({ node: 'off-hold', response: 'i-message' });
    expect(events).toHaveLength(9);
  });
});
