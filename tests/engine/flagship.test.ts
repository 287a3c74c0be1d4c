/** What the flagship scenario promises trainers: the story, the method and the traps it teaches. */
import { describe, expect, it } from 'vitest';
import { explore, LETTERS } from '../../src/engine/index.js';
import { loadFile } from '../support/scenarios.js';

const scenario = loadFile('scenarios/insurance-meal-receipt.yaml');
const nodes = Object.values(scenario.nodes);
const endings = Object.values(scenario.endings);

describe('insurance-meal-receipt', () => {
  it('has at least 12 decision points and 4 endings of every kind', () => {
    expect(nodes.length).toBeGreaterThanOrEqual(12);
    expect(endings.length).toBeGreaterThanOrEqual(4);
    expect(new Set(endings.map((e) => e.kind))).toEqual(
      new Set(['resolved', 'partly-resolved', 'escalated', 'hung-up']),
    );
  });

  it('escalation to the corporate office costs the full amount and the customer’s loyalty', () => {
    const corporate = scenario.endings['corporate-office'];
    expect(corporate).toMatchObject({ kind: 'escalated', recommit: 0, gratitude: 0 });
    expect(corporate?.cost).toBeGreaterThanOrEqual(200);
  });

  it('is won by explaining why the policy pays half and apologizing for the misunderstanding', () => {
    const best = explore(scenario).best;
    expect(best?.score.ending).toMatchObject({ id: 'settled-with-goodwill', kind: 'resolved', cost: 0 });
    const said = best?.score.decisions.map((d) => d.says).join(' ') ?? '';
    expect(said).toMatch(/extra cost/);
    expect(said).toMatch(/sorry for that misunderstanding/i);
  });

  it('offers every SOARING letter as a real opportunity, with a response that takes it', () => {
    for (const letter of LETTERS) {
      const where = nodes.filter((n) => n.calls_for.includes(letter));
      expect(where.length, letter).toBeGreaterThan(0);
      expect(
        where.some((n) => n.responses.some((r) => r.uses.includes(letter) && r.breaks.length === 0)),
        letter,
      ).toBe(true);
    }
  });

  it('makes several of the five don’ts tempting choices', () => {
    const broken = new Set(nodes.flatMap((n) => n.responses.flatMap((r) => r.breaks)));
    for (const dont of ['tell-wrong', 'argue', 'authoritative', 'never-do-that', 'no-apology'] as const) {
      expect(broken.has(dont), dont).toBe(true);
    }
  });

  it('has bait, misconduct, a rambling complaint and body language that contradicts the words', () => {
    expect(nodes.some((n) => n.bait)).toBe(true);
    expect(nodes.some((n) => n.misconduct && n.calls_for.includes('N'))).toBe(true);
    expect(nodes.some((n) => n.rambling && n.calls_for.includes('S'))).toBe(true);
    expect(nodes.some((n) => n.cue?.matches === false && n.calls_for.includes('O'))).toBe(true);
  });

  it('offers an I-message too early as a tempting mistake', () => {
    expect(nodes.some((n) => !n.misconduct && n.responses.some((r) => r.uses.includes('N')))).toBe(true);
  });
});
