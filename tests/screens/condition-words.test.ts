/**
 * Conditions and routes in the page's language (src/screens/author/condition-words.ts): in English
 * they read exactly as the engine's condition-text.ts words them for the CLI and the diagram export,
 * over every branch and answer of the shipped scenarios; in Spanish every condition field is worded
 * in Spanish, none left as written in the file.
 */
import { afterEach, describe, expect, it } from 'vitest';
import {
  CONDITION_FIELDS,
  routeOf,
  stateAt,
  step,
  type Branch,
  type ConditionShape,
  type Scenario,
  type StepRecord,
} from '../../src/engine/index.js';
import {
  branchText,
  conditionText,
  conditionTextAt,
  routeText,
  stepRouteText,
} from '../../src/engine/condition-text.js';
import {
  branchWords,
  conditionWords,
  conditionWordsAt,
  routeWords,
  stepRouteWords,
} from '../../src/screens/author/condition-words.js';
import { setLanguage } from '../../src/screens/i18n/index.js';
import { PARCEL, SHIPPED, loadFile } from '../support/scenarios.js';

afterEach(() => {
  setLanguage('en');
});

/** One condition with each field the schema allows, and lists of them, nested. */
const EVERY_FIELD: ConditionShape[] = [
  { anger_at_least: 60 },
  { anger_below: 30 },
  { trust_at_least: 70 },
  { trust_below: 40 },
  { flag: 'blamed' },
  { not_flag: 'refund' },
  { var: 'refund', at_least: 50 },
  { var: 'refund', below: 12.5 },
  { var: 'refund', equals: 0 },
  { any: [{ anger_at_least: 80 }, { flag: 'blamed', trust_below: 20 }] },
  { all: [{ anger_below: 50 }, { any: [{ not_flag: 'late' }, { var: 'refund', at_least: 100 }] }] },
  { anger_at_least: 10, trust_below: 90, flag: 'a', not_flag: 'b', var: 'v', at_least: 1, below: 9 },
];

const NUMBERS = [
  { anger: 62, trust: 35, flags: ['blamed'], vars: { refund: 50 } },
  { anger: 10, trust: 90, flags: ['late', 'refund'], vars: { refund: 12.25 } },
  { anger: 0, trust: 0, flags: [] },
];

/** Every branch condition written in the shipped scenarios (and the test fixture). */
function branchesOf(scenario: Scenario): Branch[] {
  return Object.values(scenario.nodes).flatMap((node) =>
    [...node.responses.map((r) => r.next), node.i_message?.next, node.next].flatMap((next) =>
      next === undefined || typeof next === 'string' ? [] : next,
    ),
  );
}

const scenarios = [...SHIPPED, PARCEL].map(loadFile);

describe('conditions in the page’s words, in English', () => {
  it('covers every field a condition may have', () => {
    const written = new Set(
      EVERY_FIELD.flatMap(function keys(c): string[] {
        return [...Object.keys(c), ...[...(c.any ?? []), ...(c.all ?? [])].flatMap(keys)];
      }),
    );
    expect([...CONDITION_FIELDS].sort()).toEqual([...written].sort());
  });

  it('reads as the engine’s English, alone and against the numbers', () => {
    for (const condition of EVERY_FIELD) {
      expect(conditionWords(condition)).toBe(conditionText(condition));
      for (const numbers of NUMBERS)
        expect(conditionWordsAt(condition, numbers)).toBe(conditionTextAt(condition, numbers));
    }
    const future = { anger_at_least: 10, var_at_least: { refund: 50 } } as unknown as ConditionShape;
    expect(conditionWords(future)).toBe(conditionText(future));
  });

  it('labels every branch of the shipped scenarios as the diagram export does', () => {
    const branches = scenarios.flatMap(branchesOf);
    expect(branches.length).toBeGreaterThan(10);
    for (const branch of branches) expect(branchWords(branch)).toBe(branchText(branch));
  });

  it('says why each route was taken as the engine does: by a branch, otherwise, straight on, anger at the top', () => {
    const parcel = loadFile(PARCEL);
    const next: Branch[] = [
      { when: { anger_at_least: 70, flag: 'blamed' }, goto: 'shouting' },
      { when: { trust_below: 20 }, goto: 'partly' },
      { goto: 'facts' },
    ];
    for (const anger of [10, 75, 100])
      for (const flags of [[], ['blamed']]) {
        const numbers = { anger, trust: 30, flags };
        for (const way of [next, 'facts'] as const) {
          const route = routeOf(parcel, way, anger, 30, flags);
          expect(routeWords(way, route, numbers)).toBe(routeText(way, route, numbers));
        }
      }
  });

  it('explains every answer, silence, time-out and I-message of the shipped scenarios as the engine does', () => {
    let explained = 0;
    for (const scenario of scenarios)
      for (const [id, node] of Object.entries(scenario.nodes))
        for (const anger of [scenario.customer.anger, 69, 95]) {
          const state = stateAt(scenario, { node: id, anger, trust: 30 });
          if (state.node !== id) continue;
          const events = [
            ...node.responses.map((r) => ({ kind: 'choice' as const, node: id, response: r.id })),
            { kind: 'silence' as const, node: id },
          ];
          for (const event of events) {
            const at = event.kind === 'silence' ? state.deadline : state.finishedAt + 1_500;
            const done = step(scenario, state, { ...event, at });
            if (!done.ok) continue;
            expect(stepRouteWords(scenario, done.record)).toBe(stepRouteText(scenario, done.record));
            explained++;
          }
          // An I-message and a time-out, as records (their route reads only the event and the numbers after).
          for (const event of [
            { kind: 'i-message', at: 0, node: id, parts: ['x'] },
            { kind: 'timeout', at: 0, node: id, thought: 'x' },
          ]) {
            const record = { event, after: state } as unknown as StepRecord;
            expect(stepRouteWords(scenario, record)).toBe(stepRouteText(scenario, record));
          }
        }
    expect(explained).toBeGreaterThan(100);
  });
});

describe('conditions in Spanish', () => {
  it('words every field in Spanish, none left as written in the file', () => {
    setLanguage('es');
    for (const condition of EVERY_FIELD) {
      const words = [conditionWords(condition), ...NUMBERS.map((n) => conditionWordsAt(condition, n))];
      for (const text of words) {
        expect(text).not.toMatch(/\b(anger|trust|flag|set|and|or)\b|_|\{/);
      }
    }
    expect(conditionWords({ anger_at_least: 60, flag: 'blamed' })).toBe(
      'enfado ≥ 60 y marca blamed activada',
    );
    expect(conditionWords({ any: [{ trust_below: 40 }, { not_flag: 'late' }] })).toBe(
      '(confianza < 40 o marca late sin activar)',
    );
    expect(
      conditionWordsAt(
        { var: 'refund', below: 12.5 },
        { anger: 0, trust: 0, flags: [], vars: { refund: 20 } },
      ),
    ).toBe('refund 20 ≥ 12,50');
    expect(branchWords({ goto: 'facts' })).toBe('si no');
  });

  it('says a route in Spanish', () => {
    setLanguage('es');
    const parcel = loadFile(PARCEL);
    const next: Branch[] = [{ when: { anger_at_least: 70 }, goto: 'shouting' }, { goto: 'facts' }];
    const numbers = { anger: 45, trust: 30, flags: [] };
    expect(routeWords(next, routeOf(parcel, next, 45, 30, []), numbers)).toBe(
      'enfado 45 < 70 → «facts», en cualquier otro caso (rama 2 de 2)',
    );
    const start = stateAt(parcel, { node: 'opening', anger: 62, trust: 35 });
    const done = step(parcel, start, {
      kind: 'choice',
      at: start.finishedAt + 1_500,
      node: 'opening',
      response: 'blame-courier',
    });
    if (!done.ok) throw new Error(done.reason);
    expect(stepRouteWords(parcel, done.record)).toBe(
      'Tras «blame-courier» en «opening»: enfado 87 ≥ 70 → «shouting» (rama 1 de 2).',
    );
  });
});
