/** `npm run scenarios:strings` as a translator uses it: export a CSV, fill it, import it, check it. */
import {
  copyFileSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { parseCsv, toCsv } from '../src/cli/csv.js';
import { runTool } from './support/tool.js';

const work = mkdtempSync(join(tmpdir(), 'kc-strings-'));
mkdirSync(join(work, 'scenarios'));
copyFileSync('scenarios/routine-shoe-size-swap.yaml', join(work, 'scenarios/routine-shoe-size-swap.yaml'));
afterAll(() => {
  rmSync(work, { recursive: true, force: true });
});

/** Runs a tool in the scratch folder, as a trainer would in theirs. */
const run = (script: string, args: string[]) => runTool(script, args, { cwd: work });
const strings = (...args: string[]) => run('src/cli/scenarios-strings.ts', args);

describe('scenarios:strings', () => {
  it('exports, imports a filled CSV, refuses bad rows by file:line, and the checker then passes', () => {
    const exported = strings('export', '--lang', 'es');
    expect(exported.code).toBe(0);
    const csvFile = join(work, 'translations/es/routine-shoe-size-swap.csv');
    const read = parseCsv(readFileSync(csvFile, 'utf8'));
    if (!read.ok) throw new Error(read.message);
    const [header, ...rows] = read.records.map((r) => r.fields);
    expect(rows.every((r) => r[4] === 'new')).toBe(true);

    // The translator fills every row ("ES:" before the English stands in for the words) and
    // mistypes one id.
    const filled = rows.map(([id = '', context = '', source = '']) => [
      id,
      context,
      source,
      `ES: ${source}`,
      'new',
    ]);
    filled.push(['nodes.stok.says', '', '', 'Genial, gracias.', 'new']);
    writeFileSync(csvFile, toCsv([header ?? [], ...filled]));
    const imported = strings('import', '--lang', 'es', 'translations/es/routine-shoe-size-swap.csv');
    expect(imported.code).toBe(1);
    expect(imported.err).toContain(
      `translations/es/routine-shoe-size-swap.csv:${rows.length + 2} unknown id 'nodes.stok.says'`,
    );
    expect(imported.err).toContain("did you mean 'nodes.stock.says'?");
    expect(imported.out).toContain(`${rows.length} string(s) imported, 1 refused`);
    expect(existsSync(join(work, 'scenarios/translations/es/routine-shoe-size-swap.yaml'))).toBe(true);

    const check = run('src/cli/scenarios-check.ts', []);
    expect(check.code).toBe(0);
    expect(check.out).toContain('scenarios/translations/es/routine-shoe-size-swap.yaml: translation ok');

    // Exported again, every row is up to date and carries its translation.
    expect(strings('export', '--lang', 'es', 'routine-shoe-size-swap').code).toBe(0);
    const again = parseCsv(readFileSync(csvFile, 'utf8'));
    if (!again.ok) throw new Error(again.message);
    expect(again.records.slice(1).every((r) => r.fields[4] === 'ok' && r.fields[3]?.startsWith('ES: '))).toBe(
      true,
    );
  });

  it('says how to use it when the command or language is missing', () => {
    const { code, err } = strings('export');
    expect(code).toBe(1);
    expect(err).toContain('usage: npm run scenarios:strings');
  });
});
