/** Files generated from code, and the documented diagnostic list, stay in step with the code. */
import { readFileSync, readdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import {
  COURSE_SCHEMA_FILE,
  SCHEMA_FILE,
  TRANSLATION_SCHEMA_FILE,
  courseSchemaFileText,
  schemaFileText,
  translationSchemaFileText,
} from '../../src/cli/schema-file.js';
import { CATALOGUE, explore, replay } from '../../src/engine/index.js';
import { PARCEL, loadFile } from '../support/scenarios.js';
import { loadScenario } from '../../src/engine/load.js';

describe('generated and documented', () => {
  it('the checked-in editor schema matches the zod schema (run `npm run schema`)', () => {
    expect(readFileSync(SCHEMA_FILE, 'utf8')).toBe(schemaFileText());
  });

  it("the course's editor schema matches its zod schema, and the course file points at it", () => {
    expect(readFileSync(COURSE_SCHEMA_FILE, 'utf8')).toBe(courseSchemaFileText());
    expect(readFileSync('scenarios/course/course.yaml', 'utf8').split('\n')[0]).toBe(
      '# yaml-language-server: $schema=./course.schema.json',
    );
  });

  it("the translations' editor schema matches theirs, and every translation file points at it", () => {
    expect(readFileSync(TRANSLATION_SCHEMA_FILE, 'utf8')).toBe(translationSchemaFileText());
    const files = readdirSync('scenarios/translations', { recursive: true, encoding: 'utf8' }).filter((f) =>
      f.endsWith('.yaml'),
    );
    expect(files.length).toBeGreaterThan(2);
    for (const file of files)
      expect(readFileSync(`scenarios/translations/${file}`, 'utf8').split('\n')[0], file).toBe(
        '# yaml-language-server: $schema=../translation.schema.json',
      );
  });

  it('docs/diagnostics.md lists every code with its severity, and no other', () => {
    const doc = readFileSync('docs/diagnostics.md', 'utf8');
    const documented = [...doc.matchAll(/^## (KC\d{3}) · (error|warning) · (.+)$/gm)].map((m) => [
      m[1],
      m[2],
      m[3],
    ]);
    expect(documented).toEqual(Object.entries(CATALOGUE).map(([code, e]) => [code, e.severity, e.title]));
  });

  it('docs/authoring.md lists every code with its severity and title, in order', () => {
    const doc = readFileSync('docs/authoring.md', 'utf8');
    const listed = [...doc.matchAll(/^\| (KC\d{3}) \| (error|warning) \| (.+) \|$/gm)].map((m) => [
      m[1],
      m[2],
      m[3],
    ]);
    expect(listed).toEqual(Object.entries(CATALOGUE).map(([code, e]) => [code, e.severity, e.title]));
  });

  it('docs/scoring.md’s worked examples score exactly as written', () => {
    const doc = readFileSync('docs/scoring.md', 'utf8');
    const parcel = loadFile(PARCEL);
    const examples = [...doc.matchAll(/```json\n([\s\S]*?)```[\s\S]*?^Result: (.+)$/gm)];
    expect(examples.length).toBe(5);
    for (const [, json, line] of examples) {
      const replayed = replay(parcel, JSON.parse(json ?? ''));
      if (!replayed.ok) throw new Error(replayed.reason);
      const r = replayed.result;
      const faults = `${r.faults.count} fault${r.faults.count === 1 ? '' : 's'}`;
      expect(line).toBe(
        `technique ${r.parts.technique} · conduct ${r.parts.conduct} · timing ${r.parts.timing} · outcome ${r.parts.outcome} · earned ${r.earned} · ${faults} · total ${r.total} (${r.grade})`,
      );
    }
  });

  it('the tutorial in docs/authoring.md builds a scenario that loads cleanly, piece by piece', () => {
    const doc = readFileSync('docs/authoring.md', 'utf8');
    const tutorial = doc.slice(0, doc.indexOf('## Reference'));
    const blocks = [...tutorial.matchAll(/```yaml\n([\s\S]*?)```/g)].map((m) => m[1] ?? '');
    // Steps 2–5, put together under the scaffold's first lines, as a trainer following along would.
    const head = [
      'format: 3',
      'id: double-charge',
      'version: 1',
      'goals: [Reflect the fear before fixing the money]',
    ];
    const steps = [...head, blocks[0], blocks[1], blocks[2], blocks[3]].join('\n');
    const first = loadScenario(steps, 'double-charge.yaml');
    expect(first.diagnostics).toEqual([]);
    expect(first.scenario && explore(first.scenario).best?.score.ending?.id).toBe('sorted');
    // Steps 9 and 10: variables and speakers at the top, details replaced, new moments and endings.
    const [variables, details, speakers, moments, endings] = blocks.slice(4);
    const more = [
      ...head,
      blocks[0],
      blocks[1],
      details,
      moments,
      blocks[3],
      endings,
      variables,
      speakers,
    ].join('\n');
    const second = loadScenario(more, 'double-charge.yaml');
    expect(second.diagnostics).toEqual([]);
    const paths = second.scenario && explore(second.scenario);
    expect(paths?.best?.score.ending?.id).toBe('sorted');
    expect(Object.keys(paths?.endings ?? {}).sort()).toEqual([
      'complains',
      'handed-over',
      'hangs-up',
      'partly',
      'passed-on',
      'sorted',
    ]);
  });
});
