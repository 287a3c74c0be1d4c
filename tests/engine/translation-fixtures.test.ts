/** Walks tests/fixtures/translations: each file must report exactly the diagnostics it expects. */
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadTranslation } from '../../src/engine/translation-load.js';
import { SHIPPED, loadFile } from '../support/scenarios.js';

const FOLDER = 'tests/fixtures/translations';
const scenarios = SHIPPED.map(loadFile);

describe('translation fixtures', () => {
  const files = readdirSync(FOLDER)
    .filter((f) => f.endsWith('.yaml'))
    .sort();

  it('cover every translation code (KC06x)', () => {
    expect(new Set(files.map((f) => f.slice(0, 5)))).toEqual(
      new Set(['KC001', 'KC012', 'KC060', 'KC061', 'KC062', 'KC063', 'KC064']),
    );
  });

  it.each(files)('%s reports exactly its expected diagnostics', (file) => {
    const source = readFileSync(join(FOLDER, file), 'utf8');
    const place = /^# place: ([^/\s]+)\/(\S+)$/m.exec(source);
    if (!place?.[1] || !place[2]) throw new Error(`${file} has no "# place: <language>/<scenario>" line`);
    const expected = [...source.matchAll(/^# expect: (KC\d{3}) (\d+):(\d+)$/gm)].map(
      (m) => `${m[1]} ${m[2]}:${m[3]}`,
    );
    expect(expected.some((e) => e.startsWith(file.slice(0, 5)))).toBe(true);

    const { translation, diagnostics } = loadTranslation(
      source,
      file,
      (id) => scenarios.find((s) => s.id === id),
      { language: place[1], scenario: place[2] },
    );
    expect(diagnostics.map((d) => `${d.code} ${d.line}:${d.col}`).sort()).toEqual(expected.sort());
    for (const d of diagnostics) {
      expect(d.file).toBe(file);
      expect(d.message.length).toBeGreaterThan(10);
      expect(d.hint.length).toBeGreaterThan(5);
    }
    expect(translation === undefined).toBe(diagnostics.some((d) => d.severity === 'error'));
  });

  it('an unknown id is answered with the id it was probably meant to be', () => {
    const source = readFileSync(join(FOLDER, 'KC061-unknown-id.yaml'), 'utf8');
    const { diagnostics } = loadTranslation(source, 'x.yaml', (id) => scenarios.find((s) => s.id === id), {
      language: 'es',
      scenario: 'routine-shoe-size-swap',
    });
    expect(diagnostics.find((d) => d.code === 'KC061')?.hint).toContain("'nodes.opening.says'");
  });
});
