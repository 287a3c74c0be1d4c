/**
 * Reads a translation file (scenarios/translations/<language>/<scenario>.yaml) against its source
 * scenario, with diagnostics located like the scenario loader's: a broken file, a header naming the
 * wrong scenario or language, unknown ids and broken `{name}`s are errors; strings not translated
 * yet and translations of an older source text are warnings, and the translation still loads.
 */
import { didYouMean, hasErrors, reporter, type Diagnostic, type Report } from './diagnostics.js';
import { readYaml } from './load.js';
import { locator } from './locate.js';
import { reportShapeIssues } from './shape-issues.js';
import type { Scenario } from './schema.js';
import { placeholders, scenarioStrings } from './strings.js';
import { textHash } from './text-hash.js';
import { Translation } from './translation.js';

export interface TranslationLoad {
  /** Present only when there are no errors (warnings allowed). */
  translation?: Translation;
  diagnostics: Diagnostic[];
}

/** What the file's place says it holds: its folder is the language, its name the scenario. */
export interface TranslationPlace {
  language: string;
  scenario: string;
}

/** How many missing ids a KC063 warning names before it only counts the rest. */
const NAMED = 5;

/** The place a translation file's path gives it, or null for a path outside `<language>/<id>.yaml`. */
export function translationPlace(file: string): TranslationPlace | null {
  const m = /(?:^|[\\/])([^\\/]+)[\\/]([^\\/]+)\.ya?ml$/.exec(file);
  return m?.[1] && m[2] ? { language: m[1], scenario: m[2] } : null;
}

/**
 * Loads translation source text. `sourceOf` finds a scenario by id; `place` is what the file's
 * path says (translationPlace), checked against the file's own header. Never throws on bad input.
 */
export function loadTranslation(
  text: string,
  file: string,
  sourceOf: (id: string) => Scenario | undefined,
  place: TranslationPlace | null = translationPlace(file),
): TranslationLoad {
  const diagnostics: Diagnostic[] = [];
  const report: Report = reporter(file, diagnostics);
  const read = readYaml(text, report, 'split the scenario, and its translation with it');
  if (!read) return { diagnostics };
  const { doc, lineCounter } = read;
  const locate = locator(doc, lineCounter);

  let data: unknown;
  try {
    data = doc.toJS({ maxAliasCount: 0 });
  } catch {
    report('KC003', { line: 1, col: 1 }, 'aliases are not allowed', 'write each text out in full');
    return { diagnostics };
  }
  const parsed = Translation.safeParse(data);
  if (!parsed.success) {
    reportShapeIssues(parsed.error.issues, locate, report, {
      fields: 'a translation has language, scenario and strings; each string has text and source',
      more: 'see docs/authoring.md, "Translating a scenario"',
    });
    return { diagnostics };
  }
  const translation = parsed.data;

  if (place && translation.language !== place.language) {
    report(
      'KC060',
      locate(['language']),
      `this file says language '${translation.language}' but sits in the folder for '${place.language}'`,
      `set "language: ${place.language}", or move the file to translations/${translation.language}/`,
    );
  }
  if (place && translation.scenario !== place.scenario) {
    report(
      'KC060',
      locate(['scenario']),
      `this file says scenario '${translation.scenario}' but is named for '${place.scenario}'`,
      `set "scenario: ${place.scenario}", or rename the file ${translation.scenario}.yaml`,
    );
  }
  const source = sourceOf(translation.scenario);
  if (!source) {
    report(
      'KC060',
      locate(['scenario']),
      `there is no scenario '${translation.scenario}' to translate`,
      'name the id of a scenario in scenarios/ (its "id:" field); a scenario with errors cannot be translated',
    );
    return { diagnostics };
  }
  if (hasErrors(diagnostics)) return { diagnostics };

  const strings = scenarioStrings(source);
  const byId = new Map(strings.map((s) => [s.id, s]));
  for (const [id, done] of Object.entries(translation.strings)) {
    const s = byId.get(id);
    if (!s) {
      report(
        'KC061',
        locate(['strings', id], 'key'),
        `'${id}' is not a string of ${source.id}`,
        didYouMean(id, byId.keys(), 'a renamed node or response changes its ids: export the strings again'),
      );
      continue;
    }
    const want = placeholders(s.text).join(' ');
    const got = placeholders(done.text).join(' ');
    if (want !== got) {
      const missing = placeholders(s.text).filter((p) => !placeholders(done.text).includes(p));
      const extra = placeholders(done.text).filter((p) => !placeholders(s.text).includes(p));
      report(
        'KC062',
        locate(['strings', id, 'text']),
        [
          missing.length ? `missing ${missing.map((p) => `{${p}}`).join(', ')}` : '',
          extra.length
            ? `${missing.length ? 'and has' : 'has'} ${extra.map((p) => `{${p}}`).join(', ')}, not in the source`
            : '',
        ]
          .filter(Boolean)
          .join(' ') + ` in the translation of ${id}`,
        'keep each {name} of the source text, spelt as it is there: the game puts a number in its place',
      );
      continue;
    }
    if (done.source !== textHash(s.text)) {
      report(
        'KC064',
        locate(['strings', id, 'source']),
        `the source text of ${id} has changed since it was translated`,
        'check the translation against the new source and import it again (npm run scenarios:strings)',
      );
    }
  }
  const missing = strings.filter((s) => !Object.hasOwn(translation.strings, s.id)).map((s) => s.id);
  if (missing.length > 0) {
    const named = missing.slice(0, NAMED).join(', ');
    report(
      'KC063',
      locate(['strings'], 'key'),
      `${missing.length} of ${strings.length} strings not translated yet: ${named}${missing.length > NAMED ? `, and ${missing.length - NAMED} more` : ''}`,
      `export them with npm run scenarios:strings -- export --lang ${translation.language} ${source.id}`,
    );
  }
  return hasErrors(diagnostics) ? { diagnostics } : { translation, diagnostics };
}
