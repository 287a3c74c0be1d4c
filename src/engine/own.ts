/**
 * Ids are data, never object keys that reach Object.prototype: a node, ending or scenario called
 * `constructor` (or any name `{}` already answers to) must behave like any other id. Maps keyed by
 * id may arrive as plain JSON objects (the game's bundled scenarios, the server's replies), so every
 * lookup by id goes through these helpers rather than `map[id]` or `id in map`.
 */

/** The value stored under `key` itself, never one inherited from Object.prototype. */
export function own<T>(map: Readonly<Record<string, T>>, key: string): T | undefined {
  return Object.hasOwn(map, key) ? map[key] : undefined;
}

/** Whether `map` holds `key` itself (`key in map` also answers for `constructor`, `toString`…). */
export function hasOwn(map: object, key: string): boolean {
  return Object.hasOwn(map, key);
}

/** An object with no prototype holding `entries`: only its own keys answer, `__proto__` included. */
export function dictionary<T>(entries: Iterable<readonly [string, T]>): Record<string, T> {
  const out = Object.create(null) as Record<string, T>;
  for (const [key, value] of entries) out[key] = value;
  return out;
}
