/** Reads every scenario file in a folder (Node only): the build plugin and the server share it. */
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { loadScenario, type LoadedScenarios } from '../engine/load.js';
import { readScenarioFile } from './file.js';

export type { LoadedScenarios };

/** Loads `dir`'s .yaml/.yml files in name order; `onFile` is told each file's path. */
export function loadScenarioDir(dir: string, onFile?: (file: string) => void): LoadedScenarios {
  const files = readdirSync(dir)
    .filter((f) => /\.ya?ml$/.test(f))
    .sort();
  const loaded: LoadedScenarios = { scenarios: [], broken: [] };
  for (const name of files) {
    const file = join(dir, name);
    onFile?.(file);
    const read = readScenarioFile(file);
    if (!read.ok) {
      loaded.broken.push({ file, diagnostics: [], error: read.reason });
      continue;
    }
    const { scenario, diagnostics } = loadScenario(read.source, file);
    if (scenario) loaded.scenarios.push(scenario);
    else loaded.broken.push({ file, diagnostics });
  }
  return loaded;
}
