/** Maps a path inside a parsed YAML document to the line and column a trainer's editor shows. */
import {
  isMap,
  isScalar,
  isSeq,
  type Document,
  type LineCounter,
  type Node as YamlNode,
  type Pair,
  type YAMLMap,
} from 'yaml';

export type PathSegment = string | number;
export interface Position {
  line: number;
  col: number;
}

export type Locator = (path: readonly PathSegment[], at?: 'key' | 'value') => Position;

/** Maps with at least this many pairs get a key index: a big scenario's `nodes` has thousands. */
const INDEX_FROM = 16;

/**
 * Returns a locator for `doc`. For a path that does not exist (a missing field), it points at the
 * deepest part that does, which is where the trainer has to add it.
 */
export function locator(doc: Document, lineCounter: LineCounter): Locator {
  const pos = (offset: number): Position => lineCounter.linePos(offset);
  // Key → first pair with that key, built on first use, so locating is not linear in a map's size.
  const indexes = new WeakMap<YAMLMap, Map<string, Pair>>();
  const pairOf = (map: YAMLMap, segment: PathSegment): Pair | undefined => {
    const key = String(segment);
    if (map.items.length < INDEX_FROM) {
      return map.items.find((p) => isScalar(p.key) && String(p.key.value) === key);
    }
    let index = indexes.get(map);
    if (!index) {
      index = new Map();
      for (const p of map.items) {
        if (!isScalar(p.key)) continue;
        const k = String(p.key.value);
        if (!index.has(k)) index.set(k, p);
      }
      indexes.set(map, index);
    }
    return index.get(key);
  };
  return (path, at = 'value') => {
    let node: unknown = doc.contents;
    let offset = doc.contents?.range?.[0] ?? 0;
    for (const [i, segment] of path.entries()) {
      const last = i === path.length - 1;
      if (isMap(node)) {
        const pair = pairOf(node, segment);
        if (!pair) break;
        const key = pair.key as YamlNode;
        const value = pair.value as YamlNode | null;
        offset =
          last && at === 'key' ? (key.range?.[0] ?? offset) : (value?.range?.[0] ?? key.range?.[0] ?? offset);
        node = value;
      } else if (isSeq(node) && typeof segment === 'number') {
        const item = node.items[segment] as YamlNode | undefined;
        if (!item) break;
        offset = item.range?.[0] ?? offset;
        node = item;
      } else {
        break;
      }
    }
    return pos(offset);
  };
}
