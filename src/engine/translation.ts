/**
 * A scenario's translation is a display layer: a map from stable string ids (strings.ts) to
 * translated texts, each with the fingerprint of the source text it was made from. The engine always
 * runs the source scenario; the page shows `translatedScenario(source, translation)`, a copy with the
 * same ids, numbers and conditions, so the same pure selection functions pick the translated words.
 */
import { z } from 'zod';
import type { PathSegment } from './locate.js';
import type { Scenario } from './schema.js';
import { scenarioStrings } from './strings.js';
import { textHash } from './text-hash.js';

/** A language tag as the game names languages: `es`, `pt-BR`. */
export const LanguageTag = z
  .string()
  .regex(/^[a-z]{2,3}(-[A-Z]{2})?$/, 'a language is a lower-case code, like "es" or "pt-BR"');

export const TranslatedString = z.strictObject({
  text: z.string().trim().min(1).max(1200).describe('The translated text; `{name}`s as in the source.'),
  source: z
    .string()
    .regex(/^[0-9a-f]{8}$/, 'source is the 8-digit fingerprint the import wrote')
    .describe('Fingerprint of the source text this was translated from: a changed source makes it stale.'),
});

export const Translation = z
  .strictObject({
    language: LanguageTag,
    scenario: z.string().min(1).max(64).describe('The id of the scenario this translates.'),
    strings: z.record(z.string(), TranslatedString).default({}),
  })
  .describe('A Keep Cool scenario translation (scenarios/translations/<language>/<scenario>.yaml).');

export type Translation = z.output<typeof Translation>;

/** Where a string of the source stands in a translation. */
export type StringStatus = 'new' | 'stale' | 'ok';

/** Each source string's status: not translated yet, translated from an older text, or up to date. */
export function translationStatus(
  source: Scenario,
  translation: Translation | undefined,
): Map<string, StringStatus> {
  const status = new Map<string, StringStatus>();
  for (const s of scenarioStrings(source)) {
    const done =
      translation && Object.hasOwn(translation.strings, s.id) ? translation.strings[s.id] : undefined;
    status.set(s.id, !done ? 'new' : done.source === textHash(s.text) ? 'ok' : 'stale');
  }
  return status;
}

/** A copy of `value` that keeps each object's prototype (the scenario's id maps have none). */
function copy<T>(value: T): T {
  if (Array.isArray(value)) return value.map(copy) as T;
  if (typeof value !== 'object' || value === null) return value;
  const out = Object.create(Object.getPrototypeOf(value) as object | null) as Record<string, unknown>;
  for (const [key, v] of Object.entries(value)) out[key] = copy(v);
  return out as T;
}

function setAt(target: unknown, path: readonly PathSegment[], text: string): void {
  let at = target as Record<PathSegment, unknown>;
  for (const segment of path.slice(0, -1)) at = at[segment] as Record<PathSegment, unknown>;
  const last = path.at(-1);
  if (last !== undefined) at[last] = text;
}

/**
 * The scenario as a trainee in the translation's language reads it: structurally identical to
 * `source` (same ids, numbers, conditions, flags), each text replaced by its translation where there
 * is one — stale ones included — and left in the source language where there is none.
 */
export function translatedScenario(source: Scenario, translation: Translation | undefined): Scenario {
  if (!translation) return source;
  const out = copy(source);
  for (const s of scenarioStrings(source)) {
    const done = Object.hasOwn(translation.strings, s.id) ? translation.strings[s.id] : undefined;
    if (done) setAt(out, s.path, done.text);
  }
  return out;
}
