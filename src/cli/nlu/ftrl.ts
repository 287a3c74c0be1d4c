/**
 * One label's classifier, trained by FTRL-Proximal (McMahan et al., 2013): logistic regression with
 * a learning rate per feature and an L1 pull that leaves most weights at exactly zero, so the model
 * file stays small. Examples come in a seeded order: the same corpus gives the same weights.
 */
import { seededRandom } from '../../engine/index.js';

export interface FtrlOptions {
  alpha: number;
  beta: number;
  l1: number;
  l2: number;
  epochs: number;
  /** How much a positive example counts against a negative one (labels are rare). */
  positiveWeight: number;
  seed: number;
}

export const FTRL_DEFAULTS: FtrlOptions = {
  alpha: 0.3,
  beta: 1,
  l1: 3,
  l2: 0.5,
  epochs: 20,
  positiveWeight: 2,
  seed: 11,
};

/** Weights in hundredths, as the model file keeps them. */
export const SCALE = 100;

export interface Trained {
  /** Bucket → weight, in hundredths; zero weights left out. */
  weights: Map<number, number>;
  bias: number;
}

/** `rows[i]` holds example i's feature buckets (each once); `ys[i]` is 1 when it has the label. */
export function trainLabel(
  rows: readonly Int32Array[],
  ys: Uint8Array,
  buckets: number,
  options: FtrlOptions = FTRL_DEFAULTS,
): Trained {
  // One slot per bucket, and the last for the bias (a feature every answer has).
  const z = new Float64Array(buckets + 1);
  const n = new Float64Array(buckets + 1);
  const BIAS = buckets;
  const weightOf = (i: number): number => {
    const zi = z[i] ?? 0;
    if (Math.abs(zi) <= options.l1) return 0;
    return (
      -(zi - Math.sign(zi) * options.l1) /
      ((options.beta + Math.sqrt(n[i] ?? 0)) / options.alpha + options.l2)
    );
  };
  const order = rows.map((_, i) => i);
  const random = seededRandom(options.seed);
  // Each example's weights, bias last: as long as the longest example.
  const ws = new Float64Array(rows.reduce((most, row) => Math.max(most, row.length), 0) + 1);
  for (let epoch = 0; epoch < options.epochs; epoch++) {
    for (let i = order.length - 1; i > 0; i--) {
      const j = Math.floor(random() * (i + 1));
      [order[i], order[j]] = [order[j] ?? 0, order[i] ?? 0];
    }
    for (const index of order) {
      const row = rows[index] ?? new Int32Array();
      let margin = (ws[row.length] = weightOf(BIAS));
      for (let k = 0; k < row.length; k++) margin += ws[k] = weightOf(row[k] ?? 0);
      const p = 1 / (1 + Math.exp(-Math.max(-35, Math.min(35, margin))));
      const y = ys[index] ?? 0;
      const g = (p - y) * (y ? options.positiveWeight : 1);
      for (let k = 0; k <= row.length; k++) {
        const f = k === row.length ? BIAS : (row[k] ?? 0);
        const ni = n[f] ?? 0;
        const sigma = (Math.sqrt(ni + g * g) - Math.sqrt(ni)) / options.alpha;
        z[f] = (z[f] ?? 0) + g - sigma * (ws[k] ?? 0);
        n[f] = ni + g * g;
      }
    }
  }
  const weights = new Map<number, number>();
  for (let f = 0; f < buckets; f++) {
    if (n[f] === 0) continue;
    const w = Math.round(weightOf(f) * SCALE);
    if (w !== 0) weights.set(f, w);
  }
  return { weights, bias: Math.round(weightOf(BIAS) * SCALE) };
}

/** An example's score under trained weights (hundredths), as the game computes it. */
export function scoreOf(trained: Trained, row: Int32Array): number {
  let sum = trained.bias;
  for (const f of row) sum += trained.weights.get(f) ?? 0;
  return sum;
}

/** The score at or above which the label is best called heard, judged by F1 on scored examples. */
export function bestThreshold(scored: readonly { score: number; y: boolean }[]): {
  threshold: number;
  f1: number;
} {
  const sorted = [...scored].sort((a, b) => b.score - a.score);
  const positives = sorted.filter((s) => s.y).length;
  let best = { threshold: Number.MAX_SAFE_INTEGER, f1: 0 };
  let tp = 0;
  let fp = 0;
  sorted.forEach((s, i) => {
    if (s.y) tp++;
    else fp++;
    // Only between two different scores can a threshold fall.
    if (sorted[i + 1]?.score === s.score) return;
    const f1 = (2 * tp) / (2 * tp + fp + (positives - tp));
    if (f1 > best.f1) best = { threshold: s.score, f1 };
  });
  return best;
}
