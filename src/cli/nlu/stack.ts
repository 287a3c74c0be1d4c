/**
 * The model's second stage (stacking): a label's first-stage score, plus a weight for where each
 * other label's first-stage score falls (sarcasm goes with aggression, a non-apology with
 * defence…). Fitted by Newton's method on scores the first stage gave answers it was not trained
 * on, with an L2 pull towards zero; the same scores give the same weights.
 */
import { SCALE } from './ftrl.js';

export interface StackOptions {
  /** Where a first-stage score (less its threshold, in hundredths) changes bucket. */
  edges: number[];
  /** The L2 pull on every weight but the bias. */
  l2: number;
  iterations: number;
}

export const STACK_DEFAULTS: StackOptions = { edges: [-200, 0, 200], l2: 10, iterations: 7 };

export function bucketOf(score: number, edges: readonly number[]): number {
  let b = 0;
  while (b < edges.length && score >= (edges[b] ?? 0)) b++;
  return b;
}

/** One answer for the second stage: every label's first-stage score, less that label's threshold. */
export type Margins = readonly number[];

/** The active inputs of an answer for label `own`: one bucket per other label. */
function inputs(margins: Margins, own: number, width: number, edges: readonly number[]): number[] {
  const out: number[] = [];
  margins.forEach((m, j) => {
    if (j !== own) out.push(j * width + bucketOf(m, edges));
  });
  return out;
}

export interface Stacked {
  /** In hundredths, before the threshold. */
  bias: number;
  /** labels × (edges + 1), in hundredths; the label's own block is zero. */
  weights: number[];
}

/** Fits label `own`'s second stage: margins[i] for each answer, ys[i] 1 when it has the label. */
export function fitStack(
  margins: readonly Margins[],
  ys: ArrayLike<number>,
  own: number,
  labels: number,
  options: StackOptions = STACK_DEFAULTS,
): Stacked {
  const width = options.edges.length + 1;
  const size = labels * width;
  const P = size + 1;
  const BIAS = size;
  const xs = margins.map((m) => [...inputs(m, own, width, options.edges), BIAS]);
  const offsets = margins.map((m) => (m[own] ?? 0) / SCALE);
  const w = new Float64Array(P);
  for (let it = 0; it < options.iterations; it++) {
    const g = new Float64Array(P);
    const H = Array.from({ length: P }, () => new Float64Array(P + 1));
    xs.forEach((x, i) => {
      let m = offsets[i] ?? 0;
      for (const f of x) m += w[f] ?? 0;
      const p = 1 / (1 + Math.exp(-Math.max(-35, Math.min(35, m))));
      const r = p - (ys[i] ?? 0);
      const h = p * (1 - p);
      for (const f of x) {
        g[f] = (g[f] ?? 0) + r;
        const row = H[f] ?? new Float64Array();
        for (const f2 of x) row[f2] = (row[f2] ?? 0) + h;
      }
    });
    for (let f = 0; f < P; f++) {
      const reg = f === BIAS ? 1e-6 : options.l2;
      const row = H[f] ?? new Float64Array();
      row[f] = (row[f] ?? 0) + reg;
      row[P] = (g[f] ?? 0) + reg * (w[f] ?? 0);
    }
    // Gaussian elimination with partial pivoting: H step = g.
    for (let c = 0; c < P; c++) {
      let pivot = c;
      for (let r = c + 1; r < P; r++) if (Math.abs(H[r]?.[c] ?? 0) > Math.abs(H[pivot]?.[c] ?? 0)) pivot = r;
      const top = H[pivot] ?? new Float64Array();
      H[pivot] = H[c] ?? new Float64Array();
      H[c] = top;
      const d = top[c] ?? 1;
      for (let r = 0; r < P; r++) {
        const row = H[r];
        if (r === c || !row) continue;
        const factor = (row[c] ?? 0) / d;
        if (factor) for (let k = c; k <= P; k++) row[k] = (row[k] ?? 0) - factor * (top[k] ?? 0);
      }
    }
    for (let f = 0; f < P; f++) w[f] = (w[f] ?? 0) - (H[f]?.[P] ?? 0) / (H[f]?.[f] ?? 1);
  }
  return {
    bias: Math.round((w[BIAS] ?? 0) * SCALE),
    weights: Array.from(w.subarray(0, size), (v) => Math.round(v * SCALE)),
  };
}

/** An answer's second-stage score (hundredths), as the game computes it. */
export function stackScore(
  stacked: Stacked,
  margins: Margins,
  own: number,
  edges: readonly number[],
): number {
  const width = edges.length + 1;
  let sum = (margins[own] ?? 0) + stacked.bias;
  for (const k of inputs(margins, own, width, edges)) sum += stacked.weights[k] ?? 0;
  return sum;
}
