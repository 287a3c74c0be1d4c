/** The translator's round trip: CSV out of a scenario and its translation, and back into YAML. */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { parseCsv, toCsv } from '../src/cli/csv.js';
import { exportCsv, importCsv, translationYaml } from '../src/cli/strings.js';
import { scenarioStrings } from '../src/engine/strings.js';
import { textHash } from '../src/engine/text-hash.js';
import { Translation } from '../src/engine/translation.js';
import { loadTranslation } from '../src/engine/translation-load.js';
import { loadFile } from './support/scenarios.js';

const tricky = [
  ['id', 'text'],
  ['comma', 'Fine, whatever, half it is'],
  ['quotes', 'She said "meals are covered", twice'],
  ['newline', 'first line\nsecond line'],
  ['spanish', '¿Qué pasó? «Reembolsado» — año, niño'],
  ['spaces', '  leading and trailing  '],
  ['empty', ''],
];

describe('CSV', () => {
  it('round-trips commas, quotes, line breaks, spaces and non-ASCII text', () => {
    const text = toCsv(tricky);
    expect(text.startsWith('\uFEFF')).toBe(true);
    expect(text).toContain('"She said ""meals are covered"", twice"');
    expect(text.endsWith('\r\n')).toBe(true);
    const read = parseCsv(text);
    if (!read.ok) throw new Error(read.message);
    expect(read.records.map((r) => r.fields)).toEqual(tricky);
    // The record after a quoted line break starts on the line a spreadsheet shows it on.
    expect(read.records.map((r) => r.line)).toEqual([1, 2, 3, 4, 6, 7, 8]);
  });

  it('reads what spreadsheets write: no byte-order mark, bare LF, a last line without an end', () => {
    const read = parseCsv('id,text\nnodes.a.says,"two\nlines"\nnodes.b.says,plain');
    if (!read.ok) throw new Error(read.message);
    expect(read.records).toEqual([
      { line: 1, fields: ['id', 'text'] },
      { line: 2, fields: ['nodes.a.says', 'two\nlines'] },
      { line: 4, fields: ['nodes.b.says', 'plain'] },
    ]);
  });

  it('says on which line a quote is left open', () => {
    expect(parseCsv('id,text\r\na,"fine\r\nb,c\r\n')).toEqual({
      ok: false,
      line: 2,
      message: 'a quoted field is never closed',
    });
  });
});

describe('export and import', () => {
  const source = loadFile('scenarios/routine-shoe-size-swap.yaml');
  const shippedYaml = readFileSync('scenarios/translations/es/routine-shoe-size-swap.yaml', 'utf8');
  const shipped = Translation.parse(parse(shippedYaml));

  /** The CSV a translator sends back: `fill` gives each row's translation and status. */
  function filled(fill: (id: string, source: string) => [string, string] | null): string {
    const read = parseCsv(exportCsv(source, undefined));
    if (!read.ok) throw new Error(read.message);
    const [header, ...rows] = read.records.map((r) => r.fields);
    return toCsv([
      header ?? [],
      ...rows.map(([id = '', context = '', text = '']) => {
        const [translation, status] = fill(id, text) ?? ['', 'new'];
        return [id, context, text, translation, status];
      }),
    ]);
  }

  it('export lists every string with its context, and its status against a translation', () => {
    const read = parseCsv(exportCsv(source, shipped));
    if (!read.ok) throw new Error(read.message);
    const [header, ...rows] = read.records.map((r) => r.fields);
    expect(header).toEqual(['id', 'context', 'source', 'translation', 'status']);
    expect(rows.map((r) => r[0])).toEqual(scenarioStrings(source).map((s) => s.id));
    expect(rows.every((r) => r[4] === 'ok' && (r[3] ?? '') !== '')).toBe(true);
    expect(rows.find((r) => r[0] === 'nodes.stiff.says')?.[1]).toBe('Tomasz Wójcik');
  });

  it('export then import gives back the shipped translation file, byte for byte', () => {
    const csv = exportCsv(source, shipped);
    const { translation, problems, imported } = importCsv(csv, 'es.csv', source, 'es', undefined);
    expect(problems).toEqual([]);
    expect(imported).toBe(scenarioStrings(source).length);
    expect(translationYaml(translation, 'Spanish')).toBe(shippedYaml);
    expect(loadTranslation(shippedYaml, 'es/routine-shoe-size-swap.yaml', () => source).diagnostics).toEqual(
      [],
    );
  });

  it('refuses rows with an unknown id or broken {name}s, with file:line, and imports the rest', () => {
    const gym = loadFile('scenarios/the-gym-that-kept-charging.yaml');
    const slip = scenarioStrings(gym).find((s) => s.id === 'nodes.the-slip.says.default');
    if (!slip) throw new Error('no slip line');
    const csv = toCsv([
      ['id', 'context', 'source', 'translation', 'status'],
      ['title', '', gym.title, 'El gimnasio que seguía cobrando', 'new'],
      ['nodes.the-slip.says.default', '', slip.text, 'Me han cobrado {meses} cuotas.', 'new'],
      ['nodes.the-slipp.says.default', '', slip.text, 'Me han cobrado {months} cuotas.', 'new'],
    ]);
    const { translation, problems } = importCsv(csv, 'gym.csv', gym, 'es', undefined);
    expect(problems).toHaveLength(2);
    expect(problems[0]).toMatch(/^gym\.csv:3 nodes\.the-slip\.says\.default: .*\{months\}/);
    expect(problems[1]).toMatch(
      /^gym\.csv:4 unknown id 'nodes\.the-slipp\.says\.default'.*'nodes\.the-slip\.says\.default'/,
    );
    expect(Object.keys(translation.strings)).toEqual(['title']);
  });

  it('a stale row left as it was stays stale; changed or marked ok, it takes the current source', () => {
    const old = { text: 'Media talla de menos', source: '0badf00d' };
    const existing = { language: 'es', scenario: source.id, strings: { title: old, summary: old } };
    const csv = filled((id) =>
      id === 'title'
        ? ['Media talla de menos', 'stale']
        : id === 'summary'
          ? ['Media talla de menos', 'ok']
          : null,
    );
    const { translation } = importCsv(csv, 'es.csv', source, 'es', existing);
    expect(translation.strings['title']?.source).toBe('0badf00d');
    expect(translation.strings['summary']?.source).toBe(textHash(source.summary));
    const changed = filled((id) => (id === 'title' ? ['Una media talla menos', 'stale'] : null));
    expect(importCsv(changed, 'es.csv', source, 'es', existing).translation.strings['title']).toEqual({
      text: 'Una media talla menos',
      source: textHash(source.title),
    });
  });
});
