/** The walk behind KC042: the moods a customer can be in on reaching each node. */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  assessIMessage,
  initialState,
  piecesAt,
  step,
  type CallState,
  type Scenario,
  type TranscriptEvent,
} from '../../src/engine/index.js';
import { entryMoods, iMessageEffects } from '../../src/engine/mood-walk.js';
import { PARCEL, SHIPPED, loadFile } from '../support/scenarios.js';

const swearing = loadFile('tests/fixtures/scenarios/swearing-caller.yaml');

/** Every ordered list of distinct items, of length 1 to `max`. */
function* sequences<T>(items: readonly T[], max: number, prefix: T[] = []): Generator<T[]> {
  if (prefix.length > 0) yield prefix;
  if (prefix.length === max) return;
  for (const item of items) if (!prefix.includes(item)) yield* sequences(items, max, [...prefix, item]);
}

describe('the effects an I-message can have', () => {
  it.each([
    ['insult', 'where the caller crossed a line'],
    ['complaint', 'where nobody did'],
  ])('are exactly those of every list of pieces at %s (%s)', (node) => {
    const ids = (piecesAt(swearing, node) ?? []).map((p) => p.id);
    const seen = new Set<string>();
    for (const parts of sequences(ids, 8)) {
      const result = assessIMessage(swearing, node, parts);
      if (result.ok) seen.add(`${result.assessment.anger}|${result.assessment.trust}`);
    }
    const effects = iMessageEffects(swearing, node).map((e) => `${e.anger}|${e.trust}`);
    expect(effects.sort()).toEqual([...seen].sort());
  });

  it('are none where no builder is offered', () => {
    expect(iMessageEffects(swearing, 'fixed')).toEqual([]);
  });
});

/** One random move from `state`: an answer, an I-message of random pieces, or a silence. */
function move(scenario: Scenario, state: CallState, pick: number, parts: number[]): TranscriptEvent {
  const node = state.node ?? '';
  const responses = scenario.nodes[node]?.responses ?? [];
  const pieces = piecesAt(scenario, node) ?? [];
  const at = Math.max(state.time, state.finishedAt);
  const choice = pick % (responses.length + 2);
  if (choice === responses.length) return { kind: 'silence', at: state.deadline, node };
  if (choice === responses.length + 1 && pieces.length > 0) {
    const ids = [...new Set(parts.map((n) => pieces[n % pieces.length]?.id ?? ''))];
    return { kind: 'i-message', at, node, parts: ids };
  }
  return { kind: 'choice', at, node, response: responses[choice % responses.length]?.id ?? '' };
}

describe('the moods on reaching each node', () => {
  it.each([PARCEL, 'tests/fixtures/scenarios/swearing-caller.yaml', ...SHIPPED])(
    'include every mood a random call arrives in (%s)',
    (file) => {
      const scenario = loadFile(file);
      const moods = entryMoods(scenario);
      if (!moods) throw new Error('the shipped scenarios fit the budget');
      const start = initialState(scenario);
      expect(moods.get(scenario.start)?.has(start.mood)).toBe(true);
      const plays = fc.array(fc.record({ pick: fc.nat(20), parts: fc.array(fc.nat(12), { maxLength: 6 }) }), {
        maxLength: 40,
      });
      fc.assert(
        fc.property(plays, (plan) => {
          let state = start;
          for (const { pick, parts } of plan) {
            if (state.node === null) break;
            const event = move(scenario, state, pick, parts);
            const result = step(scenario, state, event);
            if (!result.ok) continue;
            state = result.state;
            if (event.kind !== 'silence' && state.node !== null) {
              expect(moods.get(state.node)?.has(state.mood)).toBe(true);
            }
          }
        }),
        { numRuns: 200 },
      );
    },
  );

  it('follow silences: a mood reached only after the customer waited is found', () => {
    const scenario = loadFile('tests/fixtures/scenarios/prototype-ids.yaml');
    // Anger 50 at the start; only a silence or two there makes 'constructor' furious on arrival.
    expect([...(entryMoods(scenario)?.get('constructor') ?? [])].sort()).toEqual([
      'angry',
      'annoyed',
      'furious',
    ]);
  });

  it('gives up past its budget rather than walking on', () => {
    const big = loadFile('scenarios/insurance-meal-receipt.yaml');
    expect(entryMoods(big, 100)).toBeNull();
    expect(entryMoods(big)).not.toBeNull();
  });
});
