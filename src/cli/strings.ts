/**
 * The translator's round trip behind `npm run scenarios:strings`: a scenario's strings out to a CSV
 * a spreadsheet opens, and a filled CSV back into the YAML translation file the game reads.
 */
import { stringify } from 'yaml';
import { didYouMean } from '../engine/diagnostics.js';
import type { Scenario } from '../engine/schema.js';
import { placeholders, scenarioStrings } from '../engine/strings.js';
import { textHash } from '../engine/text-hash.js';
import { translationStatus, type Translation } from '../engine/translation.js';
import { parseCsv, toCsv } from './csv.js';

export const CSV_COLUMNS = ['id', 'context', 'source', 'translation', 'status'] as const;

/** A scenario's strings with what `translation` has for them, one row each, as CSV. */
export function exportCsv(source: Scenario, translation: Translation | undefined): string {
  const status = translationStatus(source, translation);
  const rows = scenarioStrings(source).map((s) => [
    s.id,
    s.context,
    s.text,
    translation && Object.hasOwn(translation.strings, s.id) ? (translation.strings[s.id]?.text ?? '') : '',
    status.get(s.id) ?? 'new',
  ]);
  return toCsv([[...CSV_COLUMNS], ...rows]);
}

export interface ImportResult {
  translation: Translation;
  /** `file:line message` for each row refused (the rest are imported). */
  problems: string[];
  imported: number;
}

/**
 * Reads a filled CSV into `existing` (or a new translation). Each row with a translation is stored
 * with the fingerprint of the current source text — the translator saw that text beside theirs —
 * except a row still marked `stale` whose translation was left as it was: that stays stale until
 * it is changed or its status is set to `ok`. Rows with unknown ids or broken `{name}`s are refused.
 */
export function importCsv(
  text: string,
  file: string,
  source: Scenario,
  language: string,
  existing: Translation | undefined,
): ImportResult {
  const translation: Translation = {
    language,
    scenario: source.id,
    strings: { ...(existing?.strings ?? {}) },
  };
  const problems: string[] = [];
  const csv = parseCsv(text);
  if (!csv.ok) return { translation, problems: [`${file}:${csv.line} ${csv.message}`], imported: 0 };
  const [header, ...rows] = csv.records;
  const column = (name: (typeof CSV_COLUMNS)[number]) => header?.fields.indexOf(name) ?? -1;
  const [idAt, translationAt, statusAt] = [column('id'), column('translation'), column('status')];
  if (idAt < 0 || translationAt < 0) {
    const missing = idAt < 0 ? 'id' : 'translation';
    return {
      translation,
      problems: [`${file}:1 no '${missing}' column: keep the header row the export wrote`],
      imported: 0,
    };
  }
  const byId = new Map(scenarioStrings(source).map((s) => [s.id, s]));
  let imported = 0;
  for (const row of rows) {
    const id = (row.fields[idAt] ?? '').trim();
    const done = (row.fields[translationAt] ?? '').replaceAll('\r\n', '\n').trim();
    const status = statusAt >= 0 ? (row.fields[statusAt] ?? '').trim() : '';
    const s = byId.get(id);
    if (!s) {
      problems.push(
        `${file}:${row.line} unknown id '${id}' in ${source.id}: ${didYouMean(id, byId.keys(), 'export the strings again, a renamed node or response changes its ids')}`,
      );
      continue;
    }
    if (done === '') continue;
    const want = placeholders(s.text).join(' ');
    if (placeholders(done).join(' ') !== want) {
      problems.push(
        `${file}:${row.line} ${id}: the translation must use the same {name}s as the source (${
          want
            ? placeholders(s.text)
                .map((p) => `{${p}}`)
                .join(' ')
            : 'none'
        })`,
      );
      continue;
    }
    const before = Object.hasOwn(translation.strings, id) ? translation.strings[id] : undefined;
    const keepsStale = status === 'stale' && before !== undefined && before.text === done;
    translation.strings[id] = { text: done, source: keepsStale ? before.source : textHash(s.text) };
    imported++;
  }
  // In the order of the source, so a diff of the YAML follows the scenario.
  const order = [...byId.keys()];
  const sorted = Object.entries(translation.strings).sort(([a], [b]) => order.indexOf(a) - order.indexOf(b));
  translation.strings = Object.fromEntries(sorted);
  return { translation, problems, imported };
}

/** The YAML translation file for `translation`. */
export function translationYaml(translation: Translation, languageName: string): string {
  const head = [
    '# yaml-language-server: $schema=../translation.schema.json',
    `# ${languageName} translation of the scenario '${translation.scenario}'.`,
    '# Written by npm run scenarios:strings -- import; see docs/authoring.md, "Translating a scenario".',
    '# "source" is the fingerprint of the English text each line was translated from.',
  ].join('\n');
  return `${head}\n${stringify(translation, { lineWidth: 0, defaultStringType: 'QUOTE_DOUBLE', defaultKeyType: 'PLAIN' })}`;
}
