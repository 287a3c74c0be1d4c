/**
 * The library as a whole: enough substantial calls for a course, across the channels and
 * difficulties, every SOARING move and every don't exercised, misconduct to name, golden transcripts
 * for every long call, a bad start always recoverable, and enough routine calls that a working
 * day's shift never repeats one.
 */
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  DIFFICULTIES,
  DONTS,
  LETTERS,
  SETTINGS,
  SHIFT_MAX,
  earlyEnds,
  explore,
  planShift,
  walkScenario,
  type Scenario,
} from '../../src/engine/index.js';
import { SHIPPED, loadFile } from '../support/scenarios.js';

const library: Scenario[] = SHIPPED.map(loadFile);
const decisionsOnBest = (s: Scenario): number =>
  explore(s).best?.transcript.events.filter((e) => e.kind !== 'timeout').length ?? 0;
/** A substantial call: at least eight decisions on its best path. */
const substantial = library.filter((s) => decisionsOnBest(s) >= 8);
const FLAGSHIP = 'insurance-meal-receipt';
const offersLetter = (s: Scenario, letter: string) =>
  Object.values(s.nodes).some((n) => (n.calls_for as string[]).includes(letter));

describe('the library', () => {
  it('has at least twelve substantial calls besides the flagship, each with three kinds of ending', () => {
    const others = substantial.filter((s) => s.id !== FLAGSHIP);
    expect(others.length).toBeGreaterThanOrEqual(12);
    for (const s of substantial) {
      const kinds = new Set(Object.values(s.endings).map((e) => e.kind));
      expect(kinds.size, s.id).toBeGreaterThanOrEqual(3);
    }
  });

  it('spreads the substantial calls over phone, chat and counter, and easy, medium and hard', () => {
    for (const setting of SETTINGS)
      expect(substantial.filter((s) => s.setting === setting).length, setting).toBeGreaterThanOrEqual(4);
    for (const difficulty of DIFFICULTIES)
      expect(
        substantial.filter((s) => s.difficulty === difficulty).length,
        difficulty,
      ).toBeGreaterThanOrEqual(3);
  });

  it('offers every SOARING move in at least five calls, and misconduct to name in at least four long ones', () => {
    for (const letter of LETTERS)
      expect(library.filter((s) => offersLetter(s, letter)).length, letter).toBeGreaterThanOrEqual(5);
    expect(substantial.filter((s) => offersLetter(s, 'N')).length).toBeGreaterThanOrEqual(4);
  });

  it('tempts every don’t in some long call', () => {
    const tempted = new Set(
      substantial.flatMap((s) => Object.values(s.nodes).flatMap((n) => n.responses.flatMap((r) => r.breaks))),
    );
    expect(DONTS.filter((d) => !tempted.has(d))).toEqual([]);
  });

  it('has golden transcripts (best, worst, a typical mistake) for every long call but the flagship', () => {
    const fixtures = readdirSync('tests/fixtures/calls')
      .filter((f) => f.endsWith('.json'))
      .map((f) => ({
        name: f,
        scenario: (JSON.parse(readFileSync(join('tests/fixtures/calls', f), 'utf8')) as { scenario: string })
          .scenario,
      }));
    for (const s of substantial) {
      // The flagship's paths are held by tests/engine/flagship.test.ts, moment by moment.
      if (s.id === FLAGSHIP) continue;
      const own = fixtures.filter((f) => f.scenario === `scenarios/${s.id}.yaml`);
      expect(own.length, s.id).toBeGreaterThanOrEqual(3);
    }
  });

  it('never ends a call before the fourth decision unless three don’ts were broken', () => {
    for (const s of library) expect(earlyEnds(walkScenario(s).paths), s.id).toEqual([]);
  });

  it('has enough routine calls that a full shift never takes the same call twice', () => {
    for (let seed = 0; seed < 200; seed++) {
      const plan = planShift(library, SHIFT_MAX, seed);
      const routine = plan.calls.filter((c) => !c.hostile).map((c) => c.id);
      expect(new Set(routine).size, `seed ${seed}`).toBe(routine.length);
    }
  });
});
