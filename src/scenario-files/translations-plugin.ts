/**
 * A Vite plugin that serves the scenario translations (scenarios/translations/<language>/<id>.yaml),
 * checked at build time, each as its own lazily loaded chunk: `virtual:keep-cool-translations` maps
 * language → scenario id → a loader, and only the loader called downloads its translation. A trainee
 * in English never downloads Spanish. The dev server reloads them when a file changes.
 */
import { join, resolve, sep } from 'node:path';
import type { Plugin, ViteDevServer } from 'vite';
import { loadScenarioDir } from './dir.js';
import { reloadOnYamlChange, sayBroken } from './vite-plugin.js';
import { TRANSLATIONS, loadTranslationDir, type LoadedTranslations } from './translations.js';
import { textHash } from '../engine/text-hash.js';

export const TRANSLATIONS_MODULE = 'virtual:keep-cool-translations';
/** One translation's module: `virtual:keep-cool-translation/<language>/<scenario id>`. */
const ONE = 'virtual:keep-cool-translation/';
const RESOLVED = `\0${TRANSLATIONS_MODULE}`;
const RESOLVED_ONE = `\0${ONE}`;

export function translationsPlugin(dir = 'scenarios'): Plugin {
  let dev: ViteDevServer | undefined;
  const read = (): LoadedTranslations =>
    loadTranslationDir(join(dir, TRANSLATIONS), loadScenarioDir(dir).scenarios);
  return {
    name: 'keep-cool-translations',
    configureServer(server) {
      dev = server;
      const folder = resolve(dir, TRANSLATIONS);
      // A translation added, edited or removed: the list and the translations are read again (the
      // page takes them in place, src/main.ts). An edited scenario changes no translation's words.
      // The list names each translation by its fingerprint: read again, it leads to the new ones.
      reloadOnYamlChange(server, folder, (path) => path.startsWith(folder + sep), RESOLVED);
    },
    resolveId(id) {
      if (id === TRANSLATIONS_MODULE) return RESOLVED;
      return id.startsWith(ONE) ? `\0${id}` : undefined;
    },
    load(id) {
      if (id !== RESOLVED && !id.startsWith(RESOLVED_ONE)) return undefined;
      const loaded = read();
      for (const t of loaded.translations) this.addWatchFile(resolve(t.file));
      if (id === RESOLVED) {
        sayBroken(this, dev, loaded.broken);
        // With the dev server each import names its translation's fingerprint: an edited translation
        // is a new address, so the page fetches it afresh instead of reusing the module it has.
        const byLanguage: Record<string, string[]> = {};
        for (const { translation: t } of loaded.translations)
          (byLanguage[t.language] ??= []).push(
            `${JSON.stringify(t.scenario)}: () => import(${JSON.stringify(`${ONE}${t.language}/${t.scenario}${dev ? `?v=${textHash(JSON.stringify(t))}` : ''}`)})`,
          );
        const entries = Object.entries(byLanguage).map(
          ([language, loaders]) => `${JSON.stringify(language)}: {${loaders.join(', ')}}`,
        );
        return `export default {${entries.join(', ')}};`;
      }
      const [language, scenario] = (id.slice(RESOLVED_ONE.length).split('?')[0] ?? '').split('/');
      const found = loaded.translations.find(
        (t) => t.translation.language === language && t.translation.scenario === scenario,
      );
      return `export default ${JSON.stringify(found?.translation ?? null)};`;
    },
  };
}
