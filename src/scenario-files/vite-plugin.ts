/**
 * A Vite plugin that checks the scenario files at build time and hands the page plain JSON:
 * the YAML parser never ships to the browser, and a broken file is reported, not fatal.
 */
import { resolve } from 'node:path';
import type { Plugin } from 'vite';
import { loadScenarioDir, type LoadedScenarios } from './dir.js';

/** What the virtual module's default export holds. */
export type { LoadedScenarios };

export const SCENARIOS_MODULE = 'virtual:keep-cool-scenarios';
const RESOLVED = `\0${SCENARIOS_MODULE}`;

export function scenariosPlugin(dir = 'scenarios'): Plugin {
  return {
    name: 'keep-cool-scenarios',
    // With the dev server, adding, editing or removing a scenario file updates the page in place.
    configureServer(server) {
      const folder = resolve(dir);
      server.watcher.add(folder);
      const refresh = (path: string) => {
        if (!/\.ya?ml$/.test(path) || resolve(path, '..') !== folder) return;
        const module = server.moduleGraph.getModuleById(RESOLVED);
        if (module) void server.reloadModule(module);
      };
      server.watcher.on('add', refresh);
      server.watcher.on('change', refresh);
      server.watcher.on('unlink', refresh);
    },
    resolveId(id) {
      return id === SCENARIOS_MODULE ? RESOLVED : undefined;
    },
    load(id) {
      if (id !== RESOLVED) return undefined;
      const loaded = loadScenarioDir(dir, (file) => {
        this.addWatchFile(resolve(file));
      });
      return `export default ${JSON.stringify(loaded)};`;
    },
  };
}
