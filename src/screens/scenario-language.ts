/**
 * Which language the trainee reads scenarios in, and how the page shows a scenario's texts in it.
 * The engine always runs the scenario as written (its lines set the timing and the score); the page
 * passes each text it shows through `shownText(scenario)`. Translations arrive from the build
 * (src/scenario-files/translations-plugin.ts), one chunk per scenario and language, loaded once.
 */
import { own } from '../engine/own.js';
import type { Scenario } from '../engine/schema.js';
import { asWritten, textShower, type ShownText } from '../engine/shown-text.js';
import { Translation } from '../engine/translation.js';
import { language } from './i18n/index.js';
import { endingName } from './i18n/names.js';

/** Language → scenario id → a loader of that translation's chunk. */
export type TranslationLoaders = Readonly<
  Record<string, Readonly<Record<string, () => Promise<{ default: unknown }>>>>
>;

/** The trainee's language (chosen in settings, else the browser's): the page's own. */
export function scenarioLanguage(): string {
  return language();
}

const shown = new Map<string, ShownText>();

/** The loaders for `language`, or for its base language ('es' for 'es-MX'), if there are any. */
function loadersFor(all: TranslationLoaders, language: string) {
  return all[language] ?? all[language.split('-')[0] ?? ''];
}

/**
 * Loads the translations of `scenarios` into `language` (each its own small download), so that
 * `shownText` answers at once afterwards. A translation that fails to load leaves its scenario as
 * written: the call goes on in the scenario's own language.
 */
export async function loadScenarioTexts(
  all: TranslationLoaders,
  scenarios: readonly Scenario[],
  language = scenarioLanguage(),
): Promise<void> {
  shown.clear();
  const loaders = loadersFor(all, language);
  if (!loaders) return;
  await Promise.all(
    scenarios.map(async (scenario) => {
      const load = Object.hasOwn(loaders, scenario.id) ? loaders[scenario.id] : undefined;
      if (!load) return;
      try {
        const parsed = Translation.safeParse((await load()).default);
        if (parsed.success) shown.set(scenario.id, textShower(scenario, parsed.data));
      } catch (error) {
        console.warn(`The ${language} translation of ${scenario.id} could not be loaded.`, error);
      }
    }),
  );
}

/** How the page shows `scenario`'s texts: in the trainee's language where a translation has them. */
export function shownText(scenario: Scenario): ShownText {
  return shown.get(scenario.id) ?? asWritten;
}

/** The language every scenario is written in (its source; translations are of it). */
export const SOURCE_LANGUAGE = 'en';

/**
 * What to mark an element holding `scenario`'s words with, for screen readers to read them in the
 * right voice: `{ lang: 'en' }` when the page speaks another language and the scenario shows as
 * written (no translation for it), else nothing. Spread it into an element's properties.
 */
export function writtenIn(scenario: Scenario): { lang?: string } {
  return shown.has(scenario.id) || language() === SOURCE_LANGUAGE ? {} : { lang: SOURCE_LANGUAGE };
}

/**
 * The same mark for the course file's own words (titles, lessons), which are written in the source
 * language and have no translation yet.
 */
export function courseWords(): { lang?: string } {
  return language() === SOURCE_LANGUAGE ? {} : { lang: SOURCE_LANGUAGE };
}

/** A scenario's title in the trainee's language, where its translation has one. */
export function shownTitle(scenario: Scenario): string {
  return shownText(scenario)(scenario.title);
}

/** The title of the scenario `id` among `scenarios` (shownTitle), or `otherwise` when the page lacks it. */
export function titleById(scenarios: readonly Scenario[], id: string, otherwise = id): string {
  const scenario = scenarios.find((s) => s.id === id);
  return scenario ? shownTitle(scenario) : otherwise;
}

/**
 * How a call of the scenario `id` ended, in words: its ending's kind as the page says it (resolved,
 * hung up…), or null when the page lacks the scenario or the ending.
 */
export function endingById(scenarios: readonly Scenario[], id: string, ending: string): string | null {
  const scenario = scenarios.find((s) => s.id === id);
  const kind = scenario && own(scenario.endings, ending)?.kind;
  return scenario && kind ? endingName(kind, scenario.setting) : null;
}
