/** An answer's features as the model's buckets, each once, in increasing order. */
import { featuresOf, type FeatureOptions } from '../../engine/understand/features.js';
import { fnv1a } from '../../engine/understand/hash.js';

export function bucketsOf(text: string, options: FeatureOptions, buckets: number): Int32Array {
  const set = new Set(featuresOf(text, options).map((f) => fnv1a(f.key) & (buckets - 1)));
  return Int32Array.from([...set].sort((a, b) => a - b));
}
