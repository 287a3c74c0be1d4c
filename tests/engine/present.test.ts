/**
 * Who is there besides the customer: a second speaker with a portrait joins with their first line
 * and stays; one without a portrait (only heard, or named in the conversation) never stands there.
 */
import { describe, expect, it } from 'vitest';
import { initialState, joinedSpeaker, step, type CallState, type Scenario } from '../../src/engine/index.js';
import { loadFile } from '../support/scenarios.js';

const counter = loadFile('tests/fixtures/scenarios/team-lead-at-the-counter.yaml');
const gym = loadFile('scenarios/the-gym-that-kept-charging.yaml');

/** The states of a call that answers `responses` in turn, each calmly after the line. */
function play(scenario: Scenario, responses: readonly string[]): CallState[] {
  const states = [initialState(scenario)];
  for (const response of responses) {
    const state = states.at(-1) as CallState;
    const moved = step(scenario, state, {
      kind: 'choice',
      at: state.finishedAt + 1500,
      node: state.node ?? '',
      response,
    });
    if (!moved.ok) throw new Error(moved.reason);
    states.push(moved.state);
  }
  return states;
}

describe('who has joined the customer', () => {
  it('is nobody until the team lead speaks, then the team lead, to the end of the call', () => {
    const states = play(counter, ['reflect', 'brief', 'glad']);
    expect(states.map((s) => s.speaker)).toEqual(['customer', 'lead', 'customer', 'customer']);
    expect(joinedSpeaker(counter, states.slice(0, 1))).toBeUndefined();
    // On her line, and on every state after it: the ending included.
    for (let n = 2; n <= states.length; n++) expect(joinedSpeaker(counter, states.slice(0, n))).toBe('lead');
    expect(states.at(-1)?.ending).toBe('sorted');
  });

  it('counts a line said on the way to a moment (a lead line), not only the moment’s own', () => {
    const [first] = play(counter, []);
    if (!first) throw new Error('no start');
    const led: CallState = { ...first, lead: [{ node: 'lead-joins', speaker: 'lead', text: 'Hi.' }] };
    expect(joinedSpeaker(counter, [led])).toBe('lead');
  });

  it('never draws a speaker who has no portrait (the gym’s team lead is only heard)', () => {
    const ruth = gym.speakers.supervisor;
    expect(ruth?.appearance).toBeUndefined();
    const [first] = play(gym, []);
    if (!first) throw new Error('no start');
    expect(joinedSpeaker(gym, [{ ...first, speaker: 'supervisor' }])).toBeUndefined();
  });

  it('draws the one who spoke last when two with portraits have joined', () => {
    const two: Scenario = {
      ...counter,
      speakers: { ...counter.speakers, manager: { name: 'Sol (manager)', appearance: 'man-70s' } },
    };
    const [first] = play(two, []);
    if (!first) throw new Error('no start');
    const by = (speaker: string): CallState => ({ ...first, speaker });
    expect(joinedSpeaker(two, [by('lead'), by('manager'), by('customer')])).toBe('manager');
    expect(joinedSpeaker(two, [by('manager'), by('lead')])).toBe('lead');
    // A state without a line of its own (an ending that says nothing) names nobody.
    expect(joinedSpeaker(two, [{ ...by('lead'), line: '' }])).toBeUndefined();
  });
});
