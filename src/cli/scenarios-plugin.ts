/**
 * A Vite plugin that checks the scenario files at build time and hands the page plain JSON:
 * the YAML parser never ships to the browser, and a broken file is reported, not fatal.
 */
import { readFileSync, readdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { Plugin } from 'vite';
import type { Diagnostic } from '../engine/diagnostics.js';
import { loadScenario } from '../engine/load.js';
import type { Scenario } from '../engine/schema.js';

/** What the virtual module's default export holds. */
export interface LoadedScenarios {
  scenarios: Scenario[];
  broken: { file: string; diagnostics: Diagnostic[] }[];
}

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
      const files = readdirSync(dir)
        .filter((f) => /\.ya?ml$/.test(f))
        .sort();
      const { scenarios, broken }: LoadedScenarios = { scenarios: [], broken: [] };
      for (const name of files) {
        const file = join(dir, name);
        this.addWatchFile(resolve(file));
        const { scenario, diagnostics } = loadScenario(readFileSync(file, 'utf8'), file);
        if (scenario) scenarios.push(scenario);
        else broken.push({ file, diagnostics });
      }
      return `export default ${JSON.stringify({ scenarios, broken })};`;
    },
  };
}
