/**
 * The page's words, from one catalogue per language. English (en.ts) is the source of truth: its
 * keys type every other catalogue, and a test checks that each has the same keys with the same
 * `{placeholders}`. `t` fills `{name}` from its parameters (numbers written the language's way);
 * `tn` picks a plural form with Intl.PluralRules (`key.one`, `key.other`, …, falling back to other).
 */
import type { Language } from '../../device/language.js';
import { en, type Catalogue, type Key } from './en.js';
import { es } from './es.js';

export type { Key } from './en.js';

export const CATALOGUES: Record<Language, Catalogue> = { en, es };

/** Each language's own name for itself, as the picker shows it. */
export const LANGUAGE_NAMES: Record<Language, string> = { en: 'English', es: 'Español' };

let current: Language = 'en';
let numbers = new Intl.NumberFormat('en');
let plurals = new Intl.PluralRules('en');

/** Makes `language` the one `t` speaks, and says so on the page (`<html lang>`). */
export function setLanguage(language: Language): void {
  current = language;
  numbers = new Intl.NumberFormat(language);
  plurals = new Intl.PluralRules(language);
  if (typeof document !== 'undefined') document.documentElement.lang = language;
}

/** The language `t` speaks now. */
export function language(): Language {
  return current;
}

export type Params = Readonly<Record<string, string | number>>;

/** Fills `{name}` in `text` from `params`; a number is written as the language writes numbers. */
export function fill(text: string, params: Params = {}): string {
  return text.replace(/\{(\w+)\}/g, (whole, name: string) => {
    const value = params[name];
    if (value === undefined) return whole;
    return typeof value === 'number' ? numbers.format(value) : value;
  });
}

/** The interface's words for `key` in the current language, with `{name}` filled in. */
export function t(key: Key, params?: Params): string {
  return fill(CATALOGUES[current][key], params);
}

/** The keys that have plural forms, named without their `.one`/`.other`. */
export type PluralKey = { [K in Key]: K extends `${infer Base}.other` ? Base : never }[Key];

/** The plural form of `key` for `count` (given to the text as `{count}`), with the rest of `params`. */
export function tn(key: PluralKey, count: number, params: Params = {}): string {
  const catalogue = CATALOGUES[current];
  const form = `${key}.${plurals.select(count)}`;
  const text = form in catalogue ? catalogue[form as Key] : catalogue[`${key}.other` as Key];
  return fill(text, { count, ...params });
}

/** A number written the current language's way (1,000 or 1000, 4.5 or 4,5). */
export function formatNumber(value: number, options?: Intl.NumberFormatOptions): string {
  return options ? new Intl.NumberFormat(current, options).format(value) : numbers.format(value);
}

/** A date (and time, if asked) written the current language's way. */
export function formatDate(
  date: Date | number,
  options: Intl.DateTimeFormatOptions = { dateStyle: 'medium' },
): string {
  return new Intl.DateTimeFormat(current, options).format(date);
}

/** A list ("A, B and C" / "A, B y C") in the current language. */
export function formatList(items: readonly string[]): string {
  return new Intl.ListFormat(current, { type: 'conjunction' }).format(items);
}
