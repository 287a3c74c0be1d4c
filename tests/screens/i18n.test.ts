/**
 * The interface's catalogues: every language has exactly the English keys, with the same
 * placeholders and plural forms; `t` and `tn` fill and choose as the language writes; the language
 * setting follows the browser until the trainee picks one.
 */
import { readFileSync } from 'node:fs';
import { afterEach, describe, expect, it } from 'vitest';
import { LANGUAGES, bestLanguage } from '../../src/device/language.js';
import { Settings, defaultSettings, languageOf } from '../../src/device/settings.js';
import { CATALOGUES, fill, language, setLanguage, t, tn } from '../../src/screens/i18n/index.js';
import { en } from '../../src/screens/i18n/en.js';
import { author } from '../../src/screens/i18n/en-author.js';
import { host } from '../../src/screens/i18n/en-host.js';
import { player } from '../../src/screens/i18n/en-player.js';
import { course } from '../../src/screens/i18n/en-course.js';
import { captionText, iMessageWords } from '../../src/screens/i18n/names.js';
import { storeNotice } from '../../src/screens/kit/store-notice.js';
import { iMessageFeedback, type IMessageAssessment } from '../../src/engine/index.js';
import { CUES, captionFor } from '../../src/sound/cues.js';

const placeholders = (text: string) => [...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();

afterEach(() => {
  setLanguage('en');
});

describe('catalogues', () => {
  const english = Object.keys(en).sort();

  it.each(LANGUAGES)('%s has every English key and no other', (lang) => {
    expect(Object.keys(CATALOGUES[lang]).sort()).toEqual(english);
  });

  it.each(LANGUAGES)('%s uses the same placeholders as English in every entry', (lang) => {
    const differ = english.filter(
      (key) =>
        JSON.stringify(placeholders(CATALOGUES[lang][key as keyof typeof en])) !==
        JSON.stringify(placeholders(en[key as keyof typeof en])),
    );
    expect(differ).toEqual([]);
  });

  it('spreads its sections without one key in two of them (a spread would quietly keep the last)', () => {
    const sections = [author, host, player, course].map((section) => Object.keys(section));
    const all = sections.flat();
    expect(all.length).toBeGreaterThan(2);
    expect(new Set(all).size).toBe(all.length);
    const sectioned = new Set(all);
    const source = readFileSync('src/screens/i18n/en.ts', 'utf8');
    expect([...sectioned].filter((key) => source.includes(`'${key}':`))).toEqual([]);
  });

  it.each(LANGUAGES)('%s has no empty entry', (lang) => {
    expect(Object.entries(CATALOGUES[lang]).filter(([, text]) => text.trim() === '')).toEqual([]);
  });

  it('gives every plural an `other` form, the fallback of every language', () => {
    const bases = new Set(
      english.filter((k) => /\.(zero|one|two|few|many)$/.test(k)).map((k) => k.replace(/\.\w+$/, '')),
    );
    expect(bases.size).toBeGreaterThan(0);
    for (const base of bases) expect(english, base).toContain(`${base}.other`);
  });

  it('is written in Spanish, not copied from English', () => {
    const same = english.filter(
      (key) => CATALOGUES.es[key as keyof typeof en] === en[key as keyof typeof en],
    );
    // Names that are the same in both (Chat, Normal, Coach, SOARING) and bare formats only.
    for (const key of same) expect(en[key as keyof typeof en], key).not.toMatch(/\b[a-z]{3,}\s+[a-z]{3,}\b/);
    expect(same.length).toBeLessThan(english.length / 10);
  });
});

describe('t and tn', () => {
  it('fills {name} and writes numbers the language’s way', () => {
    expect(fill('{a} and {b}', { a: 'x', b: 1234.5 })).toBe('x and 1,234.5');
    setLanguage('es');
    expect(fill('{n}', { n: 1234.5 })).toBe('1234,5');
    expect(fill('{n}', { n: 12345.5 })).toBe('12.345,5');
    // A placeholder without a value stays visible rather than vanishing.
    expect(fill('{missing}')).toBe('{missing}');
  });

  it('speaks the language set, and says so on the page', () => {
    expect(t('settings.title')).toBe('Settings');
    setLanguage('es');
    expect(language()).toBe('es');
    expect(t('settings.title')).toBe('Ajustes');
    expect(t('brief.customer', { name: 'Rosa' })).toBe('Tu cliente: Rosa');
  });

  it('chooses plural forms by the language’s rules', () => {
    expect(tn('debrief.faults', 1)).toBe('1 fault');
    expect(tn('debrief.faults', 0)).toBe('0 faults');
    expect(tn('tools.timeOut', 2)).toBe('Take a time-out (T) · 2 left');
    setLanguage('es');
    expect(tn('debrief.faults', 1)).toBe('1 fallo');
    expect(tn('debrief.faults', 3)).toBe('3 fallos');
    expect(tn('tools.timeOut', 1)).toBe('Hacer una pausa (T) · queda 1');
    expect(tn('tools.timeOut', 2)).toBe('Hacer una pausa (T) · quedan 2');
    // Spanish's `many` (a million) falls back to `other`.
    expect(tn('debrief.faults', 1_000_000)).toBe('1.000.000 fallos');
  });
});

describe('names the page gives the engine’s and the sound’s ids', () => {
  it('captions the same sounds as the sound module, in the same English words', () => {
    for (const cue of CUES) expect(captionText(cue, 'Rosa'), cue).toBe(captionFor(cue, 'Rosa'));
    setLanguage('es');
    expect(captionText('sigh', 'Rosa')).toBe('Rosa suspira.');
  });

  it('words an I-message’s assessment as the engine does, in English', () => {
    const base: IMessageAssessment = {
      pieces: [],
      says: '',
      missing: [],
      ordered: true,
      harsh: 0,
      rambled: false,
      misplaced: false,
      flaws: [],
      anger: 50,
      trust: 50,
    };
    const cases: IMessageAssessment[] = [
      base,
      { ...base, misplaced: true },
      { ...base, missing: ['feeling', 'consequence'], ordered: false },
      { ...base, harsh: 1, rambled: true },
    ];
    for (const a of cases) expect(iMessageWords(a)).toBe(iMessageFeedback(a));
    setLanguage('es');
    expect(iMessageWords({ ...base, harsh: 2 })).toMatch(/^Una pieza dura/);
  });
});

describe('the language setting', () => {
  it('is the best match of the browser’s languages, else English', () => {
    expect(bestLanguage(['es-MX', 'en'])).toBe('es');
    expect(bestLanguage(['fr-FR', 'ES'])).toBe('es');
    expect(bestLanguage(['en-GB', 'es'])).toBe('en');
    expect(bestLanguage(['fr', 'de'])).toBe('en');
    expect(bestLanguage([])).toBe('en');
  });

  it('follows the browser in settings saved before it existed, and the choice once made', () => {
    const old = Settings.parse({
      version: 1,
      textSize: 'normal',
      reducedMotion: false,
      mode: 'coach',
      answers: 'pick',
      sound: { muted: false, master: 80, ambience: 50, effects: 80 },
    });
    expect(languageOf(old, ['es-ES'])).toBe('es');
    expect(languageOf(defaultSettings(), ['en-US'])).toBe('en');
    expect(languageOf({ ...old, language: 'en' }, ['es-ES'])).toBe('en');
    expect(Settings.safeParse({ ...old, language: 'fr' }).success).toBe(false);
  });
});

describe("a store's notice", () => {
  it("says what was lost in the page's language, and where the old data went", () => {
    expect(storeNotice(undefined)).toBeUndefined();
    const damaged = { kind: 'damaged', what: 'shift', backup: 'keep-cool:shift:damaged' } as const;
    expect(storeNotice(damaged)).toMatch(
      /shift saved on this device could not be read.*"keep-cool:shift:damaged"/,
    );
    expect(storeNotice({ kind: 'blocked', what: 'workshop' })).toMatch(/workshop details will not be kept/);
    setLanguage('es');
    expect(storeNotice(damaged)).toMatch(/No se pudo leer el turno.*«keep-cool:shift:damaged»/);
    expect(storeNotice({ kind: 'blocked', what: 'settings' })).toMatch(/tus ajustes no se guardarán/);
  });
});
