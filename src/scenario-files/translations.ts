/**
 * Reads every translation file under a folder (Node only): `<dir>/<language>/<scenario>.yaml`,
 * checked against the loaded scenarios. The build plugin, the checker and the strings tool share it.
 */
import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Diagnostic } from '../engine/diagnostics.js';
import type { Scenario } from '../engine/schema.js';
import type { Translation } from '../engine/translation.js';
import { loadTranslation } from '../engine/translation-load.js';
import { readScenarioFile } from './file.js';

/** Where translations live, inside the scenario folder. */
export const TRANSLATIONS = 'translations';

export interface LoadedTranslation {
  file: string;
  translation: Translation;
  /** Warnings only (strings not translated yet, stale ones): files with errors are in `broken`. */
  diagnostics: Diagnostic[];
}

export interface LoadedTranslations {
  translations: LoadedTranslation[];
  broken: { file: string; diagnostics: Diagnostic[]; error?: string }[];
}

/** The translation files under `dir` (e.g. scenarios/translations), language by language, in name order. */
export function translationFiles(dir: string): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir, { withFileTypes: true })
    .filter((d) => d.isDirectory())
    .map((d) => d.name)
    .sort()
    .flatMap((language) =>
      readdirSync(join(dir, language))
        .filter((f) => /\.ya?ml$/.test(f))
        .sort()
        .map((f) => join(dir, language, f)),
    );
}

/** Loads one translation file against `scenarios`. */
export function loadTranslationFile(
  file: string,
  scenarios: readonly Scenario[],
): LoadedTranslations['broken'][number] | LoadedTranslation {
  const read = readScenarioFile(file);
  if (!read.ok) return { file, diagnostics: [], error: read.reason };
  const { translation, diagnostics } = loadTranslation(read.source, file, (id) =>
    scenarios.find((s) => s.id === id),
  );
  return translation ? { file, translation, diagnostics } : { file, diagnostics };
}

/** Loads every translation under `dir`; `onFile` is told each file's path. */
export function loadTranslationDir(
  dir: string,
  scenarios: readonly Scenario[],
  onFile?: (file: string) => void,
): LoadedTranslations {
  const loaded: LoadedTranslations = { translations: [], broken: [] };
  for (const file of translationFiles(dir)) {
    onFile?.(file);
    const one = loadTranslationFile(file, scenarios);
    if ('translation' in one) loaded.translations.push(one);
    else loaded.broken.push(one);
  }
  return loaded;
}
