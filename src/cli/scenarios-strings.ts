/**
 * `npm run scenarios:strings -- export --lang es [scenario ids…]` writes translations/<lang>/<id>.csv
 * for translators (every string with its context, the source, the translation so far and its status);
 * `npm run scenarios:strings -- import --lang es <csv files…>` reads them back into
 * scenarios/translations/<lang>/<id>.yaml. The CSVs sit outside scenarios/: they are working copies,
 * the YAML is what the game and the checker read. Exits 1 when a row or a file is refused.
 */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { formatDiagnostic } from '../engine/diagnostics.js';
import { LanguageTag, type Translation } from '../engine/translation.js';
import { loadScenarioDir } from '../scenario-files/dir.js';
import { TRANSLATIONS, loadTranslationFile } from '../scenario-files/translations.js';
import { exportCsv, importCsv, translationYaml } from './strings.js';

const SCENARIO_DIR = 'scenarios';
const CSV_DIR = 'translations';
/** Names for the file header; a language without one is named by its code. */
const LANGUAGE_NAMES: Record<string, string> = {
  es: 'Spanish',
  fr: 'French',
  de: 'German',
  pt: 'Portuguese',
};

function fail(message: string): never {
  console.error(message);
  process.exit(1);
}

const [command, ...rest] = process.argv.slice(2);
const langAt = rest.indexOf('--lang');
const language = langAt >= 0 ? rest[langAt + 1] : undefined;
const names = rest.filter((_, i) => i !== langAt && i !== langAt + 1);
if ((command !== 'export' && command !== 'import') || !language)
  fail(
    'usage: npm run scenarios:strings -- export --lang <language> [scenario ids…]\n' +
      '       npm run scenarios:strings -- import --lang <language> <csv files…>',
  );
if (!LanguageTag.safeParse(language).success)
  fail(`'${language}' is not a language code like "es" or "pt-BR"`);

const { scenarios, broken } = loadScenarioDir(SCENARIO_DIR);
const yamlFile = (id: string) => join(SCENARIO_DIR, TRANSLATIONS, language, `${id}.yaml`);

/** The translation already in the repository, if it loads (its warnings are what the CSV fixes). */
function existing(id: string): Translation | undefined {
  const file = yamlFile(id);
  if (!existsSync(file)) return undefined;
  const one = loadTranslationFile(file, scenarios);
  if ('translation' in one) return one.translation;
  fail(
    [
      `${file} has errors; fix them before exporting or importing:`,
      ...one.diagnostics.map(formatDiagnostic),
    ].join('\n'),
  );
}

let failed = false;
if (command === 'export') {
  const ids = names.length > 0 ? names : scenarios.map((s) => s.id);
  mkdirSync(join(CSV_DIR, language), { recursive: true });
  for (const id of ids) {
    const source = scenarios.find((s) => s.id === id);
    if (!source) {
      const why = broken.some((b) => basename(b.file).startsWith(id))
        ? 'it has errors (npm run scenarios:check)'
        : 'no such scenario id';
      console.error(`${id}: not exported, ${why}`);
      failed = true;
      continue;
    }
    const out = join(CSV_DIR, language, `${id}.csv`);
    writeFileSync(out, exportCsv(source, existing(id)));
    console.log(`wrote ${out}`);
  }
} else {
  if (names.length === 0)
    fail('name the CSV files to import, e.g. translations/es/insurance-meal-receipt.csv');
  for (const file of names) {
    const id = basename(file).replace(/\.csv$/i, '');
    const source = scenarios.find((s) => s.id === id);
    if (!source) {
      console.error(`${file}: no scenario '${id}' to import into (the file is named for the scenario id)`);
      failed = true;
      continue;
    }
    const { translation, problems, imported } = importCsv(
      readFileSync(file, 'utf8'),
      file,
      source,
      language,
      existing(id),
    );
    for (const p of problems) console.error(p);
    failed ||= problems.length > 0;
    const out = yamlFile(id);
    mkdirSync(join(SCENARIO_DIR, TRANSLATIONS, language), { recursive: true });
    writeFileSync(out, translationYaml(translation, LANGUAGE_NAMES[language] ?? language));
    console.log(
      `${out}: ${imported} string(s) imported${problems.length ? `, ${problems.length} refused` : ''}`,
    );
  }
}
process.exitCode = failed ? 1 : 0;
