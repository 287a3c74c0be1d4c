/** A lesson's moments, played with the engine: where a call stands at a moment, and what one answer does there. */
import { describe, expect, it } from 'vitest';
import {
  answersMove,
  initialState,
  playAnswer,
  stateAtMoment,
  step,
  CALM_MS,
} from '../../src/engine/index.js';
import { loadFile } from '../support/scenarios.js';

const flagship = loadFile('scenarios/insurance-meal-receipt.yaml');
const cake = loadFile('scenarios/first-call-birthday-cake.yaml');

describe('stateAtMoment', () => {
  it('is the opening state at the start node', () => {
    expect(stateAtMoment(flagship, 'arrival')).toEqual(initialState(flagship));
  });

  it('reaches a later moment on the cleanest way there', () => {
    // Only an answer that breaks a don't leads to the manager demand; the story takes a clean one.
    const demand = stateAtMoment(flagship, 'manager-demand');
    expect(demand?.node).toBe('manager-demand');
    const viaForm = step(flagship, initialState(flagship), {
      kind: 'choice',
      at: initialState(flagship).finishedAt + CALM_MS,
      node: 'arrival',
      response: 'deflect-form',
    });
    if (!viaForm.ok) throw new Error(viaForm.reason);
    expect(demand?.anger).toBe(viaForm.state.anger);
    const story = stateAtMoment(flagship, 'the-story');
    expect(story?.node).toBe('the-story');
    expect(story?.anger).toBeLessThan(initialState(flagship).anger);
  });

  it('is null for a moment that is not there', () => {
    expect(stateAtMoment(flagship, 'no-such-moment')).toBeNull();
    expect(stateAtMoment(flagship, 'constructor')).toBeNull();
  });
});

describe('playAnswer', () => {
  const start = initialState(flagship);

  it('gives the customer’s next line and how the anger moved', () => {
    const poor = playAnswer(flagship, start, 'policy-is-half');
    const good = playAnswer(flagship, start, 'listen-first');
    if (!poor || !good) throw new Error('not played');
    expect(poor.reply).toBe(stateAtMoment(flagship, 'manager-demand')?.line);
    expect(poor.after.anger).toBeGreaterThan(poor.before.anger);
    expect(good.after.anger).toBeLessThan(good.before.anger);
    expect(poor.breaks.length).toBeGreaterThan(0);
    expect(good.uses).toContain('A');
    expect(poor.ended || good.ended).toBe(false);
  });

  it('says so when an answer ends the call, with the ending’s last words', () => {
    const fix = stateAtMoment(cake, 'the-fix');
    if (!fix) throw new Error('the fix is not reached');
    const ended = playAnswer(cake, fix, 'no-changes');
    expect(ended?.ended).toBe(true);
    expect(ended?.reply).toBe(cake.endings.complaint?.says);
  });

  it('refuses an answer the moment does not offer', () => {
    expect(playAnswer(flagship, start, 'not-an-answer')).toBeNull();
    expect(playAnswer(flagship, start, '__proto__')).toBeNull();
  });

  it('judges an answer for a chapter: clean and making the letter; for keeping cool, clean', () => {
    const node = flagship.nodes['bait-line'];
    const by = (id: string) => node?.responses.find((r) => r.id === id);
    const boat = by('buying-a-boat');
    const bonus = by('no-bonus');
    if (!boat || !bonus) throw new Error('no such answers');
    expect(answersMove(boat, 'cool')).toBe(false);
    expect(answersMove(bonus, 'cool')).toBe(true);
    expect(answersMove(bonus, 'I')).toBe(true);
    expect(answersMove(bonus, 'G')).toBe(false);
  });
});
