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
import { STACK_DEFAULTS, fitStack, stackScore } from './nlu/stack.js';

import { MODEL_PATH } from './nlu/paths.js';
const SERIES = 'kc-nlu-1';
const BUCKETS = 1 << 18;
const FOLDS = 5;

/**
 * `--l1=6 --epochs=8 --alpha=0.2 --positive=3 --no-pairs --no-prefixes --no-cues --no-sentences
 * --no-lead --no-negation --no-skips --no-marks --triples --chars --no-stack --stack-l2=10
 * --edges=-200,0,200 --out=file`: variants, to compare.
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

const stacking = on('stack');
const stackOptions = {
  ...STACK_DEFAULTS,
  ...(flag('stack-l2') ? { l2: Number(flag('stack-l2')) } : {}),
  ...(flag('edges') ? { edges: (flag('edges') ?? '').split(',').map(Number) } : {}),
};
/** The folds an answer's score was left out of: one fold, or two (for the second stage's own folds). */
const setKey = (folds: number[]) => [...folds].sort((a, b) => a - b).join('');
const sets: number[][] = [];
for (let a = 0; a < FOLDS; a++) sets.push([a]);
if (stacking) for (let a = 0; a < FOLDS; a++) for (let b = a + 1; b < FOLDS; b++) sets.push([a, b]);

const labels: ModelFile['labels'] = [];
const f1s: number[] = [];
const ysOf: Uint8Array[] = [];
/** Per label, per set of left-out folds: each left-out answer's score (others 0). */
const leftOut: Map<string, Int32Array>[] = [];
const thresholds: number[] = [];
for (const label of LABELS) {
  const ys = Uint8Array.from(train, (e) => (e.labels.includes(label) ? 1 : 0));
  const byFolds = new Map<string, Int32Array>();
  for (const out of sets) {
    const left = (i: number) => out.includes(fold[i] ?? -1);
    const trained = trainLabel(
      rows.filter((_, i) => !left(i)),
      ys.filter((_, i) => !left(i)),
      BUCKETS,
      options,
    );
    byFolds.set(
      setKey(out),
      Int32Array.from(rows, (row, i) => (left(i) ? scoreOf(trained, row) : 0)),
    );
  }
  const scored = rows.map((_, i) => ({
    score: byFolds.get(setKey([fold[i] ?? 0]))?.[i] ?? 0,
    y: ys[i] === 1,
  }));
  const { threshold, f1 } = bestThreshold(scored);
  f1s.push(f1);
  ysOf.push(ys);
  leftOut.push(byFolds);
  thresholds.push(threshold);
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

/**
 * The second stage, trained on first-stage scores of answers that stage was not trained on. Its
 * threshold and its cross-validated F1 come from folds within folds: for fold k, the second stage
 * is fitted on the other folds' scores from models that saw neither fold k nor the answer's own.
 */
let stack: ModelFile['stack'];
const stackF1s: number[] = [];
if (stacking) {
  const { edges } = stackOptions;
  const scoreLeft = (l: number, out: number[], i: number) => leftOut[l]?.get(setKey(out))?.[i] ?? 0;
  const thresholdOf = (l: number, within: (i: number) => boolean, out: (i: number) => number[]) =>
    bestThreshold(
      rows.flatMap((_, i) => (within(i) ? [{ score: scoreLeft(l, out(i), i), y: ysOf[l]?.[i] === 1 }] : [])),
    ).threshold;
  const marginsOf = (i: number, out: number[], thr: readonly number[]) =>
    LABELS.map((_, l) => scoreLeft(l, out, i) - (thr[l] ?? 0));
  const all = rows.map((_, i) => marginsOf(i, [fold[i] ?? 0], thresholds));
  // Per outer fold: the first stage's thresholds without it, and every answer's margins.
  const outer = Array.from({ length: FOLDS }, (_, k) => {
    const within = (i: number) => fold[i] !== k;
    const thr = LABELS.map((_, l) => thresholdOf(l, within, (i) => [k, fold[i] ?? 0]));
    const inner = rows.map((_, i) => (within(i) ? marginsOf(i, [k, fold[i] ?? 0], thr) : []));
    const test = rows.map((_, i) => (within(i) ? [] : marginsOf(i, [k], thr)));
    return { within, inner, test };
  });
  const entries: NonNullable<ModelFile['stack']>['labels'] = [];
  LABELS.forEach((label, l) => {
    const ys = ysOf[l] ?? new Uint8Array();
    const scored: { score: number; y: boolean }[] = [];
    for (const { within, inner, test } of outer) {
      const idx = rows.map((_, i) => i).filter(within);
      const fitted = fitStack(
        idx.map((i) => inner[i] ?? []),
        idx.map((i) => ys[i] ?? 0),
        l,
        LABELS.length,
        stackOptions,
      );
      rows.forEach((_, i) => {
        if (!within(i)) scored.push({ score: stackScore(fitted, test[i] ?? [], l, edges), y: ys[i] === 1 });
      });
    }
    const { threshold, f1 } = bestThreshold(scored);
    stackF1s.push(f1);
    const fitted = fitStack(all, ys, l, LABELS.length, stackOptions);
    entries.push({ label, bias: fitted.bias - threshold, weights: fitted.weights });
    console.log(
      `${label.padEnd(14)} second stage: cross-validated F1 ${f1.toFixed(3)} (first stage ${(f1s[l] ?? 0).toFixed(3)})`,
    );
  });
  stack = { edges, labels: entries };
}
const macro = (xs: number[]) => (xs.reduce((a, b) => a + b, 0) / xs.length).toFixed(3);
const version = `${SERIES}-${fnv1a(JSON.stringify(stack ? { labels, stack } : labels)).toString(36)}`;
const file: ModelFile = { version, features, buckets: BUCKETS, labels, ...(stack ? { stack } : {}) };
const text = `${JSON.stringify(file)}\n`;
writeFileSync(out, text);
console.log(
  `\ncross-validated macro-F1 ${stack ? `${macro(stackF1s)} (first stage alone ${macro(f1s)})` : macro(f1s)}\nwrote ${out}: model ${version}, ${(text.length / 1024).toFixed(1)} KB, ${(gzipSync(text).length / 1024).toFixed(1)} KB gzip`,
);
