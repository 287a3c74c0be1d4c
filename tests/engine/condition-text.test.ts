/** Conditions and routes in words: the live panel's "why it went there", the graph's and the export's labels. */
import { describe, expect, it } from 'vitest';
import { initialState, routeOf, step, type Branch } from '../../src/engine/index.js';
import {
  branchText,
  conditionText,
  conditionTextAt,
  routeText,
  stepRouteText,
} from '../../src/engine/condition-text.js';
import { PARCEL, loadFile } from '../support/scenarios.js';

const parcel = loadFile(PARCEL);

describe('a condition in words', () => {
  it('writes every test, joined by "and"', () => {
    expect(conditionText({ anger_at_least: 60, trust_below: 40, flag: 'blamed', not_flag: 'refund' })).toBe(
      'anger ≥ 60 and trust < 40 and flag blamed set and flag refund not set',
    );
    expect(conditionText({ anger_below: 30, trust_at_least: 70 })).toBe('anger < 30 and trust ≥ 70');
  });

  it('reads against the numbers, each test as what is true now', () => {
    const numbers = { anger: 62, trust: 35, flags: ['blamed'] };
    expect(conditionTextAt({ anger_at_least: 60, flag: 'blamed' }, numbers)).toBe(
      'anger 62 ≥ 60, flag blamed set',
    );
    expect(conditionTextAt({ anger_at_least: 70, not_flag: 'blamed' }, numbers)).toBe(
      'anger 62 < 70, flag blamed set',
    );
    expect(conditionTextAt({ trust_below: 30 }, numbers)).toBe('trust 35 ≥ 30');
  });

  it('shows a test it does not know yet as written, rather than dropping it', () => {
    const future = { anger_at_least: 10, var_at_least: { refund: 50 } } as unknown as Parameters<
      typeof conditionText
    >[0];
    expect(conditionText(future)).toBe('anger ≥ 10 and var at least {"refund":50}');
  });

  it('labels the default branch "otherwise"', () => {
    expect(branchText({ goto: 'facts' })).toBe('otherwise');
    expect(branchText({ when: { flag: 'blamed' }, goto: 'partly' })).toBe('flag blamed set');
  });
});

describe('why a next led where it did', () => {
  const next: Branch[] = [{ when: { anger_at_least: 70 }, goto: 'shouting' }, { goto: 'facts' }];
  const why = (anger: number, flags: string[] = []) => {
    const numbers = { anger, trust: 30, flags };
    return routeText(next, routeOf(parcel, next, anger, 30, flags), numbers);
  };

  it('names the condition that held', () => {
    expect(why(75)).toBe("anger 75 ≥ 70 → 'shouting' (branch 1 of 2)");
  });

  it('says what failed when the default was taken', () => {
    expect(why(45)).toBe("anger 45 < 70 → 'facts', otherwise (branch 2 of 2)");
  });

  it('puts anger at the top before any branch', () => {
    expect(why(100)).toBe(
      "anger reached 100 → 'walks-away', the ending for anger at the top, whatever the answer's next",
    );
  });

  it('says a plain next is the only way on', () => {
    expect(
      routeText('facts', routeOf(parcel, 'facts', 30, 55, []), { anger: 30, trust: 55, flags: [] }),
    ).toBe("straight on → 'facts', the answer's only way on");
  });
});

describe('a step of a call in words', () => {
  const start = initialState(parcel);
  const answer = (response: string) => {
    const done = step(parcel, start, {
      kind: 'choice',
      at: start.finishedAt + 1_500,
      node: 'opening',
      response,
    });
    if (!done.ok) throw new Error(done.reason);
    return done.record;
  };

  it('explains the branch an answer took, with the numbers after it', () => {
    expect(stepRouteText(parcel, answer('blame-courier'))).toBe(
      "After 'blame-courier' at 'opening': anger 75 ≥ 70 → 'shouting' (branch 1 of 2).",
    );
    expect(stepRouteText(parcel, answer('reflect'))).toBe(
      "After 'reflect' at 'opening': straight on → 'facts', the answer's only way on.",
    );
  });

  it('explains a silence that ran out', () => {
    const done = step(parcel, start, { kind: 'silence', at: start.deadline, node: 'opening' });
    if (!done.ok) throw new Error(done.reason);
    expect(stepRouteText(parcel, done.record)).toBe(
      "Silence at 'opening': anger rose to 70; the customer says it again.",
    );
  });
});
