/**
 * A trainee reading Spanish plays the flagship: the briefing, the lines and the answers are in
 * Spanish, the engine still runs the English scenario, and the call scores exactly as it does in
 * English. A trainee in English never downloads a translation.
 */
import { readFileSync } from 'node:fs';
import type { Page } from 'playwright';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { explore, initialState, own, replay, worded } from '../../src/engine/index.js';
import { Translation, translatedScenario } from '../../src/engine/translation.js';
import { browserSuite } from '../support/browser.js';
import { CATALOGUES } from '../../src/screens/i18n/index.js';
import type { Language } from '../../src/device/language.js';
import { loadFile } from '../support/scenarios.js';

const scenario = loadFile('scenarios/insurance-meal-receipt.yaml');
const spanish = translatedScenario(
  scenario,
  Translation.parse(parse(readFileSync('scenarios/translations/es/insurance-meal-receipt.yaml', 'utf8'))),
);
const suite = browserSuite();
/** A translation's chunk, as the build names it after the scenario it translates. */
const TRANSLATION_CHUNK =
  /\/assets\/(insurance-meal-receipt|routine-lost-library-card|routine-shoe-size-swap)-[\w-]+\.js$/;

/** Opens the flagship's briefing in a browser whose language is `lang`; returns the page and the scripts it fetched. */
async function open(lang: Language): Promise<{ page: Page; scripts: string[]; close: () => Promise<void> }> {
  const context = await suite.browser.newContext({ locale: lang === 'es' ? 'es-ES' : 'en-GB' });
  const page = await context.newPage();
  const scripts: string[] = [];
  page.on('request', (r) => {
    if (r.resourceType() === 'script') scripts.push(r.url());
  });
  await page.goto(`${suite.url}#/play/insurance-meal-receipt`);
  return { page, scripts, close: () => context.close() };
}

/** Plays the method's best path, picking each answer by the words `words` gives it; returns the total. */
async function playBest(
  page: Page,
  lang: Language,
  words: (node: string, response: string, at: number) => string,
): Promise<string> {
  const best = explore(scenario).best;
  if (!best) throw new Error('no best path');
  const ui = CATALOGUES[lang];
  await page.getByRole('button', { name: ui['brief.start'] }).click();
  const buttons = page.getByRole('group', { name: ui['call.yourAnswer'] }).getByRole('button');
  for (const [i, decision] of best.score.decisions.entries()) {
    await page.keyboard.press('Escape');
    await expect.poll(() => buttons.count()).toBeGreaterThan(1);
    const want = words(decision.node, decision.response, i);
    const index = (await buttons.allInnerTexts()).findIndex((t) => t.includes(want));
    expect(index, want).toBeGreaterThanOrEqual(0);
    await page.keyboard.press(String(index + 1));
  }
  const heading = page.getByRole('heading', { level: 1 });
  await expect.poll(() => heading.innerText()).toMatch(/\d+/);
  return /(\d+)/.exec(await heading.innerText())?.[1] ?? '?';
}

describe('a scenario in the trainee’s language', () => {
  it('shows the flagship in Spanish and scores it as in English', async () => {
    const best = explore(scenario).best;
    if (!best) throw new Error('no best path');
    // The states the best path passes through, to word each answer as the trainee saw it.
    const played = replay(scenario, best.transcript);
    if (!played.ok) throw new Error(played.reason);
    const states = [initialState(scenario), ...played.records.map((r) => r.after)];
    const wordsIn = (copy: typeof scenario) => (node: string, response: string, at: number) => {
      const found = own(copy.nodes, node)?.responses.find((r) => r.id === response);
      const state = states[at];
      if (!found || !state) throw new Error(`no ${node}/${response}`);
      return worded(found, state).says.slice(0, 40);
    };

    const es = await open('es');
    try {
      const { page } = es;
      await expect.poll(() => page.getByRole('heading', { level: 1 }).innerText()).toBe(spanish.title);
      expect(await page.getByText(spanish.customer.persona).count()).toBe(1);
      for (const goal of spanish.goals) expect(await page.getByText(goal).count()).toBe(1);
      const log = page.getByRole('log', { name: CATALOGUES.es['log.conversation'] });
      const total = playBest(page, 'es', wordsIn(spanish));
      // The first line, in the page as text for screen readers, is the Spanish one.
      await expect.poll(() => log.locator('li .line').first().textContent()).toBe(initialState(spanish).line);
      const spanishTotal = await total;
      expect(es.scripts.some((s) => TRANSLATION_CHUNK.test(s))).toBe(true);
      // The ending's story is told in Spanish too.
      expect(await page.getByText(/^Con el razonamiento delante, Rosa/).count()).toBeGreaterThan(0);

      const en = await open('en');
      try {
        await expect.poll(() => en.page.getByRole('heading', { level: 1 }).innerText()).toBe(scenario.title);
        expect(await playBest(en.page, 'en', wordsIn(scenario))).toBe(spanishTotal);
        expect(en.scripts.filter((s) => TRANSLATION_CHUNK.test(s))).toEqual([]);
      } finally {
        await en.close();
      }
    } finally {
      await es.close();
    }
  });
});
