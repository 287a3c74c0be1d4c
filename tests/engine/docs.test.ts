/** Files generated from code, and the documented diagnostic list, stay in step with the code. */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { SCHEMA_FILE, schemaFileText } from '../../src/cli/schema-file.js';
import { CATALOGUE, explore } from '../../src/engine/index.js';
import { loadScenario } from '../../src/engine/load.js';

describe('generated and documented', () => {
  it('the checked-in editor schema matches the zod schema (run `npm run schema`)', () => {
    expect(readFileSync(SCHEMA_FILE, 'utf8')).toBe(schemaFileText());
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

  it('the tutorial in docs/authoring.md builds a scenario that loads cleanly, piece by piece', () => {
    const doc = readFileSync('docs/authoring.md', 'utf8');
    const tutorial = doc.slice(0, doc.indexOf('## Reference'));
    const blocks = [...tutorial.matchAll(/```yaml\n([\s\S]*?)```/g)].map((m) => m[1] ?? '');
    // Steps 2–5, put together under the scaffold's first lines, as a trainer following along would.
    const text = [
      'format: 2',
      'id: double-charge',
      'version: 1',
      'goals: [Reflect the fear before fixing the money]',
      blocks[0],
      blocks[1],
      blocks[2],
      blocks[3],
    ].join('\n');
    const { scenario, diagnostics } = loadScenario(text, 'double-charge.yaml');
    expect(diagnostics).toEqual([]);
    expect(scenario && explore(scenario).best?.score.ending?.id).toBe('sorted');
  });
});
