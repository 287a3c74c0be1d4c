/** Property tests: random calls, mutated transcripts and mutated scenario files. */
import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { SimulatedClock } from 'xstate';
import { describe, expect, it } from 'vitest';
import {
  compileScenario,
  explore,
  piecesAt,
  replay,
  startCall,
  type Scenario,
  type Transcript,
} from '../../src/engine/index.js';
import { loadScenario } from '../../src/engine/load.js';
import { PARCEL, SHIPPED, loadFile } from '../support/scenarios.js';

const FILES = [PARCEL, 'tests/fixtures/scenarios/swearing-caller.yaml', ...SHIPPED];
const scenarios = FILES.map((f) => ({ file: f, scenario: loadFile(f) }));

/**
 * A trainee's moves: how long to wait, then an answer (a response by index, wrapped to the node's
 * count), a time-out (a long think, then one of the two thoughts) or an I-message from pieces.
 */
const moves = fc.array(
  fc.record({
    wait: fc.integer({ min: 0, max: 25_000 }),
    pick: fc.nat(3),
    act: fc.constantFrom('answer', 'answer', 'answer', 'timeout', 'i-message'),
    think: fc.integer({ min: 0, max: 120_000 }),
    parts: fc.array(fc.nat(12), { minLength: 1, maxLength: 6 }),
  }),
  { maxLength: 30 },
);
type Move = { wait: number; pick: number; act: string; think: number; parts: number[] };

/** Plays the moves live on a simulated clock; silences happen whenever a wait outlasts patience. */
function playLive(scenario: Scenario, plan: Move[], machine = compileScenario(scenario)) {
  const clock = new SimulatedClock();
  const call = startCall(scenario, { clock, machine });
  for (const { wait, pick, act, think, parts } of plan) {
    if (call.ended) break;
    clock.increment(wait);
    const nodeId = call.state.node;
    const node = nodeId === null ? undefined : scenario.nodes[nodeId];
    if (!node || nodeId === null) break;
    if (act === 'timeout') {
      const offer = call.timeOut();
      if (!offer.ok) continue;
      // The clock runs on while the trainee thinks; the call's clock does not.
      clock.increment(think);
      expect(call.think(offer.thoughts[pick % 2]?.id ?? '')).toEqual({ ok: true });
      continue;
    }
    const pieces = piecesAt(scenario, nodeId);
    // A wait long enough for more silences than the clock has fired yet may end the call first.
    if (act === 'i-message' && pieces) {
      const ids = [...new Set(parts.map((n) => pieces[n % pieces.length]?.id ?? ''))];
      const result = call.sayIMessage(ids);
      expect(result.ok || call.ended).toBe(true);
      continue;
    }
    const response = node.responses[pick % node.responses.length];
    if (!response) break;
    const result = call.choose(response.id);
    expect(result.ok || call.ended).toBe(true);
  }
  return call;
}

describe.each(scenarios)('$file', ({ scenario }) => {
  const machine = compileScenario(scenario);

  it('legal random transcripts replay to the live score', () => {
    fc.assert(
      fc.property(moves, (plan) => {
        const call = playLive(scenario, plan, machine);
        const replayed = replay(scenario, JSON.parse(JSON.stringify(call.transcript())));
        if (!replayed.ok) throw new Error(`step ${replayed.step}: ${replayed.reason}`);
        expect(replayed.records).toEqual(call.records);
        expect(replayed.result).toEqual(call.result());
        expect(replayed.result.total).toBeGreaterThanOrEqual(0);
        expect(replayed.result.total).toBeLessThanOrEqual(1000);
      }),
      { numRuns: 150 },
    );
  });

  it('mutated transcripts are rejected at the mutated step', () => {
    const mutation = fc.constantFrom('response', 'node', 'time-back', 'silence-shift', 'after-end');
    fc.assert(
      fc.property(
        moves,
        mutation,
        fc.nat(),
        fc.integer({ min: 1, max: 5000 }),
        (plan, kind, where, delta) => {
          const transcript: Transcript = playLive(scenario, plan, machine).transcript();
          const events = transcript.events;
          const i = events.length === 0 ? 0 : where % events.length;
          const event = events[i];
          const mutated = structuredClone(transcript);
          let expectedStep = i;
          if (kind === 'after-end') {
            const final = replay(scenario, transcript);
            if (!final.ok || final.state.node !== null || !event) return;
            mutated.events.push({ ...event, at: final.state.time + delta });
            expectedStep = events.length;
          } else if (!event) {
            return;
          } else if (kind === 'response') {
            if (event.kind !== 'choice') return;
            mutated.events[i] = { ...event, response: `${event.response}-x` };
          } else if (kind === 'node') {
            mutated.events[i] = { ...event, node: event.node === 'zz' ? 'zy' : 'zz' };
          } else if (kind === 'time-back') {
            const previous = events[i - 1];
            if (!previous || previous.at === 0) return;
            mutated.events[i] = { ...event, at: previous.at - Math.min(delta, previous.at) };
          } else {
            if (event.kind !== 'silence') return;
            mutated.events[i] = {
              ...event,
              at: event.at + (delta % 2 === 0 ? delta : -Math.min(delta, event.at)),
            };
            if (mutated.events[i].at === event.at) return;
          }
          const outcome = replay(scenario, mutated);
          expect(outcome.ok).toBe(false);
          if (!outcome.ok) expect(outcome.step).toBe(expectedStep);
        },
      ),
      { numRuns: 300 },
    );
  });
});

describe('mutated scenario files', () => {
  const junk = fc.constantFrom(
    ':',
    '- ',
    '&a ',
    '*a',
    '"',
    "'",
    '\t',
    '\n',
    '{',
    '[',
    ']',
    '}',
    '#',
    '  ',
    'x',
    '0',
    '!!',
    '|',
    '>',
  );
  const edit = fc.oneof(
    fc.record({
      kind: fc.constant('delete' as const),
      at: fc.nat(),
      length: fc.integer({ min: 1, max: 40 }),
    }),
    fc.record({
      kind: fc.constant('insert' as const),
      at: fc.nat(),
      text: fc.array(junk, { minLength: 1, maxLength: 4 }).map((a) => a.join('')),
    }),
    fc.record({ kind: fc.constant('duplicate-line' as const), at: fc.nat(), length: fc.constant(0) }),
  );

  function apply(
    source: string,
    edits: { kind: string; at: number; length?: number; text?: string }[],
  ): string {
    let s = source;
    for (const e of edits) {
      const at = e.at % (s.length + 1);
      if (e.kind === 'delete') s = s.slice(0, at) + s.slice(at + (e.length ?? 1));
      else if (e.kind === 'insert') s = s.slice(0, at) + (e.text ?? '') + s.slice(at);
      else {
        const start = s.lastIndexOf('\n', at - 1) + 1;
        const end = s.indexOf('\n', at);
        const line = s.slice(start, end === -1 ? s.length : end + 1);
        s = s.slice(0, start) + line + s.slice(start);
      }
    }
    return s;
  }

  it.each(FILES)('never throw past the loader (%s)', (file) => {
    const source = readFileSync(file, 'utf8');
    fc.assert(
      fc.property(fc.array(edit, { minLength: 1, maxLength: 4 }), (edits) => {
        const mutated = apply(source, edits);
        const { scenario, diagnostics } = loadScenario(mutated, 'm.yaml');
        const lines = mutated.split('\n').length;
        for (const d of diagnostics) {
          expect(d.line).toBeGreaterThanOrEqual(1);
          expect(d.line).toBeLessThanOrEqual(lines + 1);
          expect(d.col).toBeGreaterThanOrEqual(1);
        }
        if (scenario) {
          compileScenario(scenario);
          explore(scenario, 500);
        } else {
          expect(diagnostics.some((d) => d.severity === 'error')).toBe(true);
        }
      }),
      // A full-size scenario's load walks tens of thousands of states; fewer runs keep each file's
      // share of the suite alike (the small files still get 300).
      { numRuns: source.length > 20_000 ? 80 : 300 },
    );
  });
});
