/**
 * The understanding model: for each label, a weight per hashed feature, in whole numbers. An
 * answer's score for a label is its bias plus the weights of the features it has; a second stage,
 * when the file has one, adds a weight for where each other label's score falls; the label is
 * heard when the score reaches zero. Integer sums only, so the same text gives the same labels in
 * every browser, the command line and the server.
 */
import { z } from 'zod';
import { featuresOf, type Feature, type FeatureOptions } from './features.js';
import { fnv1a } from './hash.js';
import { LABELS, type Label } from './labels.js';

export const ModelFile = z.object({
  /** Changes whenever the model's weights change; transcripts record it. */
  version: z.string().min(1),
  features: z.object({
    pairs: z.boolean(),
    prefixes: z.boolean(),
    cues: z.boolean(),
    triples: z.boolean(),
    chars: z.boolean().optional(),
    sentences: z.boolean().optional(),
    lead: z.boolean().optional(),
    negation: z.boolean().optional(),
    skips: z.boolean().optional(),
    marks: z.boolean().optional(),
  }),
  /** Features are hashed into this many buckets (a power of two). */
  buckets: z.number().int().positive(),
  labels: z.array(
    z.object({
      label: z.enum(LABELS, { error: (issue) => `"${String(issue.input)}" is not a label of the engine` }),
      /** Bias less the label's threshold: heard when bias + weights ≥ 0. */
      bias: z.number().int(),
      /** Buckets in increasing order, each as the gap from the one before. */
      buckets: z.array(z.number().int().nonnegative()),
      weights: z.array(z.number().int()),
    }),
  ),
  /**
   * A second stage (stacking), absent in older files: each label's score above, plus a weight for
   * where every other label's score falls among `edges` (bucket b is the scores below edges[b], the
   * last those at or above every edge). Heard when that sum reaches zero.
   */
  stack: z
    .object({
      edges: z.array(z.number().int()),
      labels: z.array(
        z.object({
          label: z.enum(LABELS),
          /** Bias less the second stage's threshold. */
          bias: z.number().int(),
          /** For each label in `labels` order, one weight per bucket (edges + 1), flattened. */
          weights: z.array(z.number().int()),
        }),
      ),
    })
    .optional(),
});
export type ModelFile = z.infer<typeof ModelFile>;

/** A label heard in an answer, and the words that weighed most for it. */
export interface Heard {
  label: Label;
  score: number;
  /** Spans of the answer (UTF-16 offsets, end exclusive), strongest first, not overlapping. */
  evidence: { start: number; end: number }[];
}

export interface Understanding {
  labels: Label[];
  heard: Heard[];
  modelVersion: string;
}

export interface Model {
  version: string;
  label(text: string): Understanding;
}

const EVIDENCE = 3;

/** The second stage: first-stage scores (in `order`) → final scores, in the same order. */
function stacker(
  file: NonNullable<ModelFile['stack']>,
  order: readonly Label[],
): (scores: number[]) => number[] {
  const { edges } = file;
  const width = edges.length + 1;
  const byLabel = new Map(file.labels.map((l) => [l.label, l]));
  const entries = order.map((label) => {
    const entry = byLabel.get(label);
    if (entry && entry.weights.length !== order.length * width)
      throw new Error(`the model's second stage for ${label} has the wrong number of weights`);
    return entry;
  });
  const bucketOf = (score: number) => {
    let b = 0;
    while (b < edges.length && score >= (edges[b] ?? 0)) b++;
    return b;
  };
  return (scores) => {
    const at = scores.map((s, j) => j * width + bucketOf(s));
    return scores.map((score, i) => {
      const entry = entries[i];
      if (!entry) return score;
      let sum = score + entry.bias;
      for (const k of at) sum += entry.weights[k] ?? 0;
      return sum;
    });
  };
}

export function loadModel(file: unknown): Model {
  const parsed = ModelFile.parse(file);
  const mask = parsed.buckets - 1;
  if ((parsed.buckets & mask) !== 0) throw new Error("the model's bucket count is not a power of two");
  const order = parsed.labels.map((l) => l.label);
  // One row of weights per bucket that any label uses.
  const rows = new Map<number, Int32Array>();
  parsed.labels.forEach((entry, index) => {
    let bucket = 0;
    entry.buckets.forEach((gap, k) => {
      bucket += gap;
      let row = rows.get(bucket);
      if (!row) rows.set(bucket, (row = new Int32Array(order.length)));
      row[index] = entry.weights[k] ?? 0;
    });
  });
  const bias = parsed.labels.map((l) => l.bias);
  const options: FeatureOptions = parsed.features;
  const stack = parsed.stack && stacker(parsed.stack, order);
  return {
    version: parsed.version,
    label(text) {
      const seen = new Map<number, Feature>();
      for (const feature of featuresOf(text, options)) {
        const bucket = fnv1a(feature.key) & mask;
        if (!seen.has(bucket)) seen.set(bucket, feature);
      }
      const scores = [...bias];
      const found = [...seen].map(([bucket, feature]) => ({ feature, row: rows.get(bucket) }));
      for (const { row } of found)
        if (row) for (let i = 0; i < row.length; i++) scores[i] = (scores[i] ?? 0) + (row[i] ?? 0);
      const final = stack ? stack(scores) : scores;
      const heard: Heard[] = [];
      order.forEach((label, i) => {
        const score = final[i] ?? 0;
        if (score < 0) return;
        const strongest = found
          .map(({ feature, row }) => ({ feature, weight: row?.[i] ?? 0 }))
          .filter((f) => f.weight > 0)
          .sort((a, b) => b.weight - a.weight || a.feature.start - b.feature.start);
        const evidence: Heard['evidence'] = [];
        for (const { feature } of strongest) {
          if (evidence.length >= EVIDENCE) break;
          if (feature.end <= feature.start) continue;
          if (evidence.some((e) => feature.start < e.end && e.start < feature.end)) continue;
          evidence.push({ start: feature.start, end: feature.end });
        }
        heard.push({ label, score, evidence });
      });
      // The engine's order of labels, whatever order the file keeps them in.
      heard.sort((a, b) => LABELS.indexOf(a.label) - LABELS.indexOf(b.label));
      return { labels: heard.map((h) => h.label), heard, modelVersion: parsed.version };
    },
  };
}
