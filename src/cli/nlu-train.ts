/**
 * `npm run nlu:train`: trains the understanding model on the corpus's training part and writes
 * src/engine/understand/model.json. The held-out fifth is never read. Each label's threshold is
 * chosen by five-fold cross-validation on the training part; the same corpus gives the same file.
 */
import { writeFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { fnv1a } from '../engine/understand/hash.js';
import { LABELS } from '../engine/understand/labels.js';
import type { FeatureOptions } from '../engine/understand/features.js';
import type { ModelFile } from '../engine/understand/model.js';
import { seededRandom } from '../engine/index.js';
import { readCorpus } from './nlu/corpus.js';
import { bucketsOf } from './nlu/featurize.js';
import { FTRL_DEFAULTS, bestThreshold, scoreOf, trainLabel } from './nlu/ftrl.js';

import { MODEL_PATH } from './nlu/paths.js';
const SERIES = 'kc-nlu-1';
const BUCKETS = 1 << 18;
const FOLDS = 5;

/**
 * `--l1=6 --epochs=8 --alpha=0.2 --positive=3 --no-pairs --no-prefixes --no-cues --no-sentences
 * --no-lead --no-negation --no-skips --no-marks --triples --chars --out=file`: variants, to compare.
 */
const flag = (name: string) => process.argv.find((a) => a.startsWith(`--${name}=`))?.split('=')[1];
const on = (name: string) => !process.argv.includes(`--no-${name}`);
const features: FeatureOptions = {
  pairs: on('pairs'),
  prefixes: on('prefixes'),
  cues: on('cues'),
  triples: process.argv.includes('--triples'),
  ...(process.argv.includes('--chars') ? { chars: true } : {}),
  // Chosen by cross-validation on the training part: each helped macro-F1 (docs/understanding-labels.md).
  ...(on('sentences') ? { sentences: true } : {}),
  ...(on('lead') ? { lead: true } : {}),
  ...(on('negation') ? { negation: true } : {}),
  ...(on('skips') ? { skips: true } : {}),
  ...(on('marks') ? { marks: true } : {}),
};
const options = {
  ...FTRL_DEFAULTS,
  ...(flag('l1') ? { l1: Number(flag('l1')) } : {}),
  ...(flag('epochs') ? { epochs: Number(flag('epochs')) } : {}),
  ...(flag('alpha') ? { alpha: Number(flag('alpha')) } : {}),
  ...(flag('positive') ? { positiveWeight: Number(flag('positive')) } : {}),
};
const out = flag('out') ?? MODEL_PATH;

const corpus = readCorpus();
if (corpus.problems.length) {
  for (const p of corpus.problems) console.error(p);
  console.error(`${corpus.problems.length} problem(s) in the corpus; nothing trained.`);
  process.exit(1);
}
const train = corpus.examples.filter((e) => !e.heldOut);
console.log(
  `corpus: ${corpus.examples.length} answers; training on ${train.length}, ${corpus.examples.length - train.length} held out`,
);
const rows = train.map((e) => bucketsOf(e.text, features, BUCKETS));
const random = seededRandom(5);
const fold = train.map(() => Math.floor(random() * FOLDS));

const labels: ModelFile['labels'] = [];
const f1s: number[] = [];
for (const label of LABELS) {
  const ys = Uint8Array.from(train, (e) => (e.labels.includes(label) ? 1 : 0));
  const scored: { score: number; y: boolean }[] = [];
  for (let k = 0; k < FOLDS; k++) {
    const inFold = (i: number) => fold[i] === k;
    const trained = trainLabel(
      rows.filter((_, i) => !inFold(i)),
      ys.filter((_, i) => !inFold(i)),
      BUCKETS,
      options,
    );
    rows.forEach((row, i) => {
      if (inFold(i)) scored.push({ score: scoreOf(trained, row), y: ys[i] === 1 });
    });
  }
  const { threshold, f1 } = bestThreshold(scored);
  f1s.push(f1);
  const final = trainLabel(rows, ys, BUCKETS, options);
  const buckets: number[] = [];
  const weights: number[] = [];
  let last = 0;
  for (const [bucket, weight] of final.weights) {
    buckets.push(bucket - last);
    weights.push(weight);
    last = bucket;
  }
  labels.push({ label, bias: final.bias - threshold, buckets, weights });
  console.log(
    `${label.padEnd(14)} ${String(ys.reduce((a, b) => a + b, 0)).padStart(4)} positives  cross-validated F1 ${f1.toFixed(3)}  ${weights.length} weights`,
  );
}
const version = `${SERIES}-${fnv1a(JSON.stringify(labels)).toString(36)}`;
const file: ModelFile = { version, features, buckets: BUCKETS, labels };
const text = `${JSON.stringify(file)}\n`;
writeFileSync(out, text);
console.log(
  `\ncross-validated macro-F1 ${(f1s.reduce((a, b) => a + b, 0) / f1s.length).toFixed(3)}\nwrote ${out}: model ${version}, ${(text.length / 1024).toFixed(1)} KB, ${(gzipSync(text).length / 1024).toFixed(1)} KB gzip`,
);
