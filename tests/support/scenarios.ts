/** Loading scenario files for tests: a failed load fails the test with every diagnostic shown. */
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { formatDiagnostic, type Scenario } from '../../src/engine/index.js';
import { loadScenario } from '../../src/engine/load.js';

export function loadFile(path: string): Scenario {
  const { scenario, diagnostics } = loadScenario(readFileSync(path, 'utf8'), path);
  if (!scenario) throw new Error(`${path} did not load:\n${diagnostics.map(formatDiagnostic).join('\n')}`);
  return scenario;
}

/** Every scenario the product ships. */
export const SHIPPED = readdirSync('scenarios')
  .filter((f) => f.endsWith('.yaml'))
  .sort()
  .map((f) => join('scenarios', f));

export const PARCEL = 'tests/fixtures/scenarios/late-parcel.yaml';
