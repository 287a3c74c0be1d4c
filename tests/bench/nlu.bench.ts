/**
 * `npm run bench` (part): understanding typed answers. Labelling and matching time per answer (CPU
 * time, median of several batches), and what Type mode adds to the download: the model and its
 * code, bundled and minified as the game ships them. Aims: ≤ 20 ms to label an answer; model +
 * code ≤ 300 KB gzip. Prints numbers; asserts nothing.
 */
import { readFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { build } from 'esbuild';
import { readCorpus } from '../../src/cli/nlu/corpus.js';
import { loadModel } from '../../src/engine/understand/model.js';
import { matchAnswer } from '../../src/engine/understand/match.js';
import { loadFile } from '../support/scenarios.js';

const cpuMs = () => {
  const { user, system } = process.cpuUsage();
  return (user + system) / 1000;
};
function msEach(items: readonly string[], fn: (text: string) => unknown, trials = 5): number {
  for (const t of items.slice(0, 50)) fn(t);
  const each: number[] = [];
  for (let i = 0; i < trials; i++) {
    const start = cpuMs();
    for (const t of items) fn(t);
    each.push((cpuMs() - start) / items.length);
  }
  return each.sort((a, b) => a - b)[Math.floor(trials / 2)] ?? 0;
}

const raw = readFileSync('src/engine/understand/model.json', 'utf8');
const loadStart = cpuMs();
const model = loadModel(JSON.parse(raw));
const loadMs = cpuMs() - loadStart;
const texts = readCorpus().examples.map((e) => e.text);
const longest = [...texts].sort((a, b) => b.length - a.length).slice(0, 50);
const padded = longest.map((t) => t.repeat(Math.ceil(600 / t.length)).slice(0, 600));
const labelMs = msEach(texts, (t) => model.label(t));
const longMs = msEach(padded, (t) => model.label(t));
const flagship = loadFile('scenarios/insurance-meal-receipt.yaml');
const responses = flagship.nodes[flagship.start]?.responses ?? [];
const matchMs = msEach(texts, (t) => matchAnswer(t, model.label(t).labels, responses));

const bundled = await build({
  entryPoints: ['src/engine/understand/bundled.ts', 'src/engine/understand/match.ts'],
  bundle: true,
  minify: true,
  write: false,
  format: 'esm',
  outdir: 'out',
  splitting: true,
  // zod is on the game's first screen already: Type mode does not fetch it again.
  external: ['zod'],
});
const shipped = bundled.outputFiles.reduce((sum, f) => sum + gzipSync(f.contents).length, 0);
const verdict = (ok: boolean) => (ok ? 'met' : 'NOT met');

console.log(`\nunderstanding typed answers (model ${model.version})`);
console.log(
  `  load the model                               ${loadMs.toFixed(1)} ms (once, when Type mode is first used)`,
);
console.log(
  `  label an answer (the corpus's ${texts.length})          ${labelMs.toFixed(3)} ms each (aim ≤ 20 ms: ${verdict(labelMs <= 20)})`,
);
console.log(`  label a 600-character answer                 ${longMs.toFixed(3)} ms each`);
console.log(`  label and match at the flagship's first moment ${matchMs.toFixed(3)} ms each`);
console.log(
  `  model + code, minified, gzip                 ${(shipped / 1024).toFixed(1)} KB (aim ≤ 300 KB: ${verdict(shipped <= 300 * 1024)}); the model alone ${(gzipSync(raw).length / 1024).toFixed(1)} KB`,
);
