/** The page's addresses: a debrief address is read, never trusted; a bad one says what is wrong. */
import { describe, expect, it } from 'vitest';
import {
  DEBRIEF,
  HISTORY,
  debriefHref,
  historyHref,
  nextScenario,
  readDebriefAddress,
} from '../../src/screens/routes.js';

describe('debrief addresses', () => {
  it('reads back what debriefHref writes', () => {
    for (const [id, n] of [
      ['insurance-meal-receipt', 1],
      ['constructor', 99],
      ['odd id/with slash', 3],
    ] as const) {
      const href = debriefHref(id, n);
      expect(DEBRIEF.test(href)).toBe(true);
      expect(readDebriefAddress(href)).toEqual({ ok: true, scenario: id, attempt: n });
    }
  });

  it.each([
    ['#/debrief', null],
    ['#/debrief/', null],
    ['#/debrief/fine-whatever', 'fine-whatever'],
    ['#/debrief/fine-whatever/', 'fine-whatever'],
    ['#/debrief/fine-whatever/0', 'fine-whatever'],
    ['#/debrief/fine-whatever/-1', 'fine-whatever'],
    ['#/debrief/fine-whatever/1.5', 'fine-whatever'],
    ['#/debrief/fine-whatever/abc', 'fine-whatever'],
    ['#/debrief/fine-whatever/99999999999', 'fine-whatever'],
    ['#/debrief/fine-whatever/1/more', 'fine-whatever'],
    ['#/debrief/%E0%A4%A/1', null],
  ])('%s is not a debrief, and says why', (hash, scenario) => {
    const read = readDebriefAddress(hash);
    expect(read.ok).toBe(false);
    if (read.ok) return;
    expect(read.scenario).toBe(scenario);
    expect(read.problem.length).toBeGreaterThan(10);
  });

  it('does not take other addresses for a debrief', () => {
    expect(DEBRIEF.test('#/debriefing')).toBe(false);
    expect(DEBRIEF.test('#/play/x')).toBe(false);
  });
});

describe('history addresses', () => {
  it('numbers pages from 1, the first without a number', () => {
    expect(historyHref()).toBe('#/history');
    expect(historyHref(1)).toBe('#/history');
    expect(historyHref(3)).toBe('#/history/3');
    expect(HISTORY.exec('#/history')?.[1]).toBeUndefined();
    expect(HISTORY.exec('#/history/3')?.[1]).toBe('3');
    expect(HISTORY.test('#/historyx')).toBe(false);
  });
});

describe('nextScenario', () => {
  it('offers the next in the list, round to the start, and nothing when there is no other', () => {
    const a = { id: 'a', title: 'A' };
    const b = { id: 'b', title: 'B' };
    expect(nextScenario([a, b], a)).toEqual({ title: 'B', href: '#/play/b' });
    expect(nextScenario([a, b], b)).toEqual({ title: 'A', href: '#/play/a' });
    expect(nextScenario([a], a)).toBeUndefined();
  });
});
