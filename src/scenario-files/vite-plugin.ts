/**
 * A Vite plugin that checks the scenario files at build time and hands the page plain JSON:
 * the YAML parser never ships to the browser, and a broken file is reported, not fatal.
 */
import { resolve } from 'node:path';
import type { Plugin, ViteDevServer } from 'vite';
import { brokenFileLines } from '../engine/diagnostics.js';
import { loadScenarioDir, type LoadedScenarios } from './dir.js';

/** What the virtual module's default export holds. */
export type { LoadedScenarios };

export const SCENARIOS_MODULE = 'virtual:keep-cool-scenarios';
const RESOLVED = `\0${SCENARIOS_MODULE}`;

/**
 * Says which files could not be loaded, each with its diagnostics, where the trainer is looking:
 * the dev server's terminal, or the build's output (`context.warn`). Nothing when none is broken.
 */
export function sayBroken(
  context: { warn(message: string): void },
  dev: ViteDevServer | undefined,
  broken: LoadedScenarios['broken'],
  heading = 'Scenario files that could not be loaded (the game goes on without them):',
): void {
  if (broken.length === 0) return;
  const report = [heading, ...brokenFileLines(broken).map((line) => `  ${line}`)].join('\n');
  if (dev) dev.config.logger.warn(report, { timestamp: true });
  else context.warn(report);
}

/**
 * With the dev server: watches `folder`, and when a YAML file that `owns` accepts is added, edited
 * or removed, reloads the virtual module `moduleId`, which the page takes in place.
 */
export function reloadOnYamlChange(
  server: ViteDevServer,
  folder: string,
  owns: (path: string) => boolean,
  moduleId: string,
): void {
  server.watcher.add(folder);
  const refresh = (path: string) => {
    if (!/\.ya?ml$/.test(path) || !owns(resolve(path))) return;
    const module = server.moduleGraph.getModuleById(moduleId);
    if (module) void server.reloadModule(module);
  };
  server.watcher.on('add', refresh);
  server.watcher.on('change', refresh);
  server.watcher.on('unlink', refresh);
}

export function scenariosPlugin(dir = 'scenarios'): Plugin {
  let dev: ViteDevServer | undefined;
  return {
    name: 'keep-cool-scenarios',
    // With the dev server, adding, editing or removing a scenario file updates the page in place.
    configureServer(server) {
      dev = server;
      const folder = resolve(dir);
      reloadOnYamlChange(server, folder, (path) => resolve(path, '..') === folder, RESOLVED);
    },
    resolveId(id) {
      return id === SCENARIOS_MODULE ? RESOLVED : undefined;
    },
    load(id) {
      if (id !== RESOLVED) return undefined;
      const loaded = loadScenarioDir(dir, (file) => {
        this.addWatchFile(resolve(file));
      });
      // A broken file is said where the trainer is looking: the page lists it, and so does the
      // dev server's terminal (or the build's output), each time the files are read.
      sayBroken(this, dev, loaded.broken);
      return `export default ${JSON.stringify(loaded)};`;
    },
  };
}
