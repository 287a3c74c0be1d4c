/** Walks the fixture folders: every file there is a case (see tests/fixtures/README.md). */
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkScenarioSource } from '../../src/cli/check.js';
import { replay } from '../../src/engine/index.js';
import { loadScenario } from '../../src/engine/load.js';
import { SHIPPED, loadFile } from '../support/scenarios.js';
import { loadCourse } from '../../src/engine/course-load.js';

const DIAGNOSTICS = 'tests/fixtures/diagnostics';

function scored(source: string, file: string) {
  const checked = checkScenarioSource(source, file);
  return { scenario: checked.summary ?? undefined, diagnostics: checked.diagnostics };
}
const CALLS = 'tests/fixtures/calls';
/** Course files checked against the shipped library (tests/fixtures/README.md). */
const COURSES = 'tests/fixtures/course';

describe('course fixtures', () => {
  const files = readdirSync(COURSES)
    .filter((f) => f.endsWith('.yaml'))
    .sort();
  const library = SHIPPED.map(loadFile);

  it.each(files)('%s reports exactly its expected diagnostics', (file) => {
    const source = readFileSync(join(COURSES, file), 'utf8');
    const expected = [...source.matchAll(/^# expect: (KC\d{3}) (\d+):(\d+)$/gm)].map(
      (m) => `${m[1]} ${m[2]}:${m[3]}`,
    );
    expect(expected.length).toBeGreaterThan(0);
    expect(expected.every((e) => e.startsWith(file.slice(0, 5)))).toBe(true);
    const { course, diagnostics } = loadCourse(source, file, library);
    expect(diagnostics.map((d) => `${d.code} ${d.line}:${d.col}`).sort()).toEqual(expected.sort());
    for (const d of diagnostics) expect(d.hint.length).toBeGreaterThan(5);
    expect(course === undefined).toBe(diagnostics.some((d) => d.severity === 'error'));
  });
});

describe('diagnostic fixtures', () => {
  const files = readdirSync(DIAGNOSTICS)
    .filter((f) => f.endsWith('.yaml'))
    .sort();

  it('cover every diagnostic code', async () => {
    const { CATALOGUE } = await import('../../src/engine/diagnostics.js');
    // Translation files have their own folder and test (translation-fixtures.test.ts).
    const translations = readdirSync('tests/fixtures/translations').filter((f) => f.endsWith('.yaml'));
    const courses = readdirSync(COURSES).filter((f) => f.endsWith('.yaml'));
    const covered = new Set([...files, ...translations, ...courses].map((f) => f.slice(0, 5)));
    expect([...covered].sort()).toEqual(Object.keys(CATALOGUE).sort());
  });

  it.each(files)('%s reports exactly its expected diagnostics', (file) => {
    let source = readFileSync(join(DIAGNOSTICS, file), 'utf8');
    const pad = /^# pad-to-bytes: (\d+)/.exec(source);
    if (pad) source += `${'#'.repeat(99)}\n`.repeat(Math.ceil(Number(pad[1]) / 100));
    const expected = [...source.matchAll(/^# expect: (KC\d{3}) (\d+):(\d+)$/gm)].map(
      (m) => `${m[1]} ${m[2]}:${m[3]}`,
    );
    expect(expected.length).toBeGreaterThan(0);
    expect(expected.every((e) => e.startsWith(file.slice(0, 5))) || file.startsWith('KC031')).toBe(true);

    // Scoring checks (KC05x) and early endings (KC047) need the walk: they come from the full check.
    const { scenario, diagnostics } = /^KC0(5|47)/.test(file)
      ? scored(source, file)
      : loadScenario(source, file);
    expect(diagnostics.map((d) => `${d.code} ${d.line}:${d.col}`).sort()).toEqual(expected.sort());
    for (const d of diagnostics) {
      expect(d.file).toBe(file);
      expect(d.message.length).toBeGreaterThan(10);
      expect(d.hint.length).toBeGreaterThan(5);
    }
    // Warnings leave the scenario usable; errors never hand back a scenario.
    expect(scenario === undefined).toBe(diagnostics.some((d) => d.severity === 'error'));
  });
});

interface CallFixture {
  scenario: string;
  transcript: unknown;
  expect:
    | {
        ok: true;
        total?: number;
        grade?: string;
        ending?: string;
        parts?: object;
        rushed?: number;
        silences?: number;
        donts?: string[];
      }
    | { ok: false; step: number | null; reason: string };
}

describe('call fixtures', () => {
  const files = readdirSync(CALLS)
    .filter((f) => f.endsWith('.json'))
    .sort();

  it('exist', () => {
    expect(files.length).toBeGreaterThanOrEqual(10);
  });

  it.each(files)('%s', (file) => {
    const fixture = JSON.parse(readFileSync(join(CALLS, file), 'utf8')) as CallFixture;
    const outcome = replay(loadFile(fixture.scenario), fixture.transcript);
    const want = fixture.expect;
    if (!want.ok) {
      expect(outcome.ok).toBe(false);
      if (outcome.ok) return;
      expect(outcome.step).toBe(want.step);
      expect(outcome.reason).toContain(want.reason);
      return;
    }
    if (!outcome.ok) throw new Error(`rejected at step ${outcome.step}: ${outcome.reason}`);
    const r = outcome.result;
    if (want.total !== undefined) expect(r.total).toBe(want.total);
    if (want.grade !== undefined) expect(r.grade).toBe(want.grade);
    if (want.ending !== undefined) expect(r.ending?.id).toBe(want.ending);
    if (want.parts !== undefined) expect(r.parts).toEqual(want.parts);
    if (want.rushed !== undefined) expect(r.timing.rushed).toBe(want.rushed);
    if (want.silences !== undefined) expect(r.timing.silences).toBe(want.silences);
    if (want.donts !== undefined) expect(r.donts.map((d) => d.dont)).toEqual(want.donts);
  });
});
