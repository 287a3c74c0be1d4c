/**
 * `npm run scenarios:graph <file> [--out dir]`: writes the scenario as Mermaid (`<id>.mmd`) and
 * Graphviz DOT (`<id>.dot`), nodes shaded by the customer's usual mood there, endings by kind.
 * Render the DOT with `dot -Tsvg`, or paste the Mermaid into any Mermaid viewer.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { formatDiagnostic, toDot, toMermaid, typicalMoods } from '../engine/index.js';
import { loadScenario } from '../engine/load.js';
import { readScenarioFile } from '../scenario-files/file.js';

const args = process.argv.slice(2);
const outAt = args.indexOf('--out');
const out = outAt >= 0 ? (args[outAt + 1] ?? '') : join('dist', 'graphs');
const files = args.filter((_, i) => outAt < 0 || (i !== outAt && i !== outAt + 1));
if (files.length === 0 || !out) {
  console.error('usage: npm run scenarios:graph -- <scenario.yaml> [more.yaml…] [--out dir]');
  process.exit(2);
}
let failed = false;
for (const file of files) {
  const read = readScenarioFile(file);
  if (!read.ok) {
    console.error(`${file}: error ${read.reason}`);
    failed = true;
    continue;
  }
  const { scenario, diagnostics } = loadScenario(read.source, file);
  if (!scenario) {
    for (const d of diagnostics) console.error(formatDiagnostic(d));
    console.error(`${file}: not drawn, fix the errors above (npm run scenarios:check)`);
    failed = true;
    continue;
  }
  mkdirSync(out, { recursive: true });
  const moods = typicalMoods(scenario);
  const mmd = join(out, `${scenario.id}.mmd`);
  const dot = join(out, `${scenario.id}.dot`);
  writeFileSync(mmd, toMermaid(scenario, moods));
  writeFileSync(dot, toDot(scenario, moods));
  console.log(`${file}: wrote ${mmd} and ${dot}`);
}
process.exit(failed ? 1 : 0);
