/**
 * A versioned JSON record in the browser's storage. Damaged or unreadable data is never a crash:
 * it is set aside under a backup key (nothing is thrown away), the defaults take its place and a
 * notice says so.
 */
import type { z } from 'zod';

/** The part of the Web Storage API we use; tests pass a Map-backed fake. */
export interface KeyValueStorage {
  getItem(key: string): string | null;
  setItem(key: string, value: string): void;
  removeItem(key: string): void;
}

/** What a store keeps, as its notice names it. */
export type StoreWhat = 'progress' | 'settings' | 'shift' | 'workshop';

/**
 * Why a store's data could not be used: the browser refused its storage (nothing will be kept), or
 * what was kept could not be read (set aside under `backup`, and the defaults took its place). The
 * page words it in the trainee's language (src/screens/kit/store-notice.ts).
 */
export type StoreNotice =
  { kind: 'blocked'; what: StoreWhat } | { kind: 'damaged'; what: StoreWhat; backup: string };

export interface Loaded<T> {
  value: T;
  /** Set when stored data had to be reset; tell the player. */
  notice?: StoreNotice;
}

export interface VersionedStore<T> {
  load(): Loaded<T>;
  /** False when the browser refused to store (private mode, quota): play goes on regardless. */
  save(value: T): boolean;
}

export function versionedStore<S extends z.ZodType>(
  storage: KeyValueStorage,
  key: string,
  schema: S,
  defaults: () => z.output<S>,
  what: StoreWhat,
): VersionedStore<z.output<S>> {
  return {
    load() {
      let raw: string | null;
      try {
        raw = storage.getItem(key);
      } catch {
        return { value: defaults(), notice: { kind: 'blocked', what } };
      }
      if (raw === null) return { value: defaults() };
      let data: unknown;
      try {
        data = JSON.parse(raw);
      } catch {
        data = undefined;
      }
      const parsed = schema.safeParse(data);
      if (parsed.success) return { value: parsed.data };
      try {
        storage.setItem(`${key}:damaged`, raw);
        storage.removeItem(key);
      } catch {
        // Nothing more we can do; the defaults below still let the trainee play.
      }
      return {
        value: defaults(),
        notice: { kind: 'damaged', what, backup: `${key}:damaged` },
      };
    },
    save(value) {
      try {
        storage.setItem(key, JSON.stringify(value));
        return true;
      } catch {
        return false;
      }
    },
  };
}
