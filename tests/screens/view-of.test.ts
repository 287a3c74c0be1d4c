/**
 * What the page asks the stage to draw when a team lead joins: at the counter, the team lead beside
 * the customer from their first line on, their lips moving on their own lines and the customer's
 * on the customer's; on the phone only their name and voice, as before.
 */
import { describe, expect, it } from 'vitest';
import { initialState, step, type CallState, type Scenario } from '../../src/engine/index.js';
import { viewOf } from '../../src/screens/call/view-of.js';
import { loadFile } from '../support/scenarios.js';

const counter = loadFile('tests/fixtures/scenarios/team-lead-at-the-counter.yaml');

function play(scenario: Scenario, responses: readonly string[]): CallState[] {
  const states = [initialState(scenario)];
  for (const response of responses) {
    const state = states.at(-1) as CallState;
    const at = state.finishedAt + 1500;
    const moved = step(scenario, state, { kind: 'choice', at, node: state.node ?? '', response });
    if (!moved.ok) throw new Error(moved.reason);
    states.push(moved.state);
  }
  return states;
}

/** The view of the call's `n`th state, its line being said (`speaking`) or heard out. */
function viewAt(scenario: Scenario, states: readonly CallState[], n: number, speaking: boolean) {
  const state = states[n];
  if (!state) throw new Error(`no state ${String(n)}`);
  return viewOf(scenario, state, false, speaking, { said: states.slice(0, n) });
}

describe('a team lead who joins, as the page shows them', () => {
  const states = play(counter, ['reflect', 'brief', 'glad']);

  it('draws the customer alone, lips moving, until the team lead speaks', () => {
    const view = viewAt(counter, states, 0, true);
    expect(view.second).toBeUndefined();
    expect(view.speaking).toBe(true);
  });

  it('draws the team lead beside the customer on their line: their lips move, the customer’s do not', () => {
    const view = viewAt(counter, states, 1, true);
    expect(view.second).toEqual({ appearance: 'man-30s', speaking: true });
    expect(view.speaking).toBe(false);
    // Heard out, nobody speaks; the team lead stays.
    expect(viewAt(counter, states, 1, false).second).toEqual({ appearance: 'man-30s', speaking: false });
  });

  it('keeps the team lead there, quiet, while the customer speaks again and once the call has ended', () => {
    const next = viewAt(counter, states, 2, true);
    expect(next.second).toEqual({ appearance: 'man-30s', speaking: false });
    expect(next.speaking).toBe(true);
    const ended = viewAt(counter, states, 3, true);
    expect(ended.ending).toBe('resolved');
    expect(ended.second).toEqual({ appearance: 'man-30s', speaking: false });
  });

  it('moves the lips of whoever says the line being said now, when lines are said one after another', () => {
    // The team lead's line said on the way to the customer's (a moment nobody answers, then hers).
    const next = states[2];
    if (!next) throw new Error('no state 2');
    const led: CallState = {
      ...next,
      lead: [{ node: 'lead-joins', speaker: 'lead', text: 'Approved.' }],
    };
    const during = viewOf(counter, led, false, true, { said: states.slice(0, 1), voice: 'lead' });
    expect(during.second).toEqual({ appearance: 'man-30s', speaking: true });
    expect(during.speaking).toBe(false);
    const after = viewOf(counter, led, false, true, { said: states.slice(0, 1), voice: 'customer' });
    expect(after.second).toEqual({ appearance: 'man-30s', speaking: false });
    expect(after.speaking).toBe(true);
    // A narration said first moves nobody's lips.
    const narrated = viewOf(counter, led, false, true, { voice: 'narrator' });
    expect([narrated.speaking, narrated.second?.speaking]).toEqual([false, false]);
  });

  it('draws nobody beside a caller on the phone, where the team lead is a name and a voice', () => {
    const phone: Scenario = { ...counter, setting: 'phone' };
    const view = viewAt(phone, states, 1, true);
    expect(view.second).toBeUndefined();
    expect(view.caller).toBe('Dana Ruiz (team lead)');
    expect(view.speaking).toBe(true);
  });
});
