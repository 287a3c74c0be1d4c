/**
 * The page in Spanish: a browser whose language is Spanish gets the menu, a briefing, the call, the
 * settings and the debrief in Spanish (the flagship's lines too, from its Spanish translation), and
 * switching to English in the settings shows the same screen again in English, a call in progress
 * kept and resumed.
 */
import type { BrowserContext, Page } from 'playwright';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { parse } from 'yaml';
import { Translation, translatedScenario } from '../../src/engine/translation.js';
import { FLAGSHIP, answer, browserSuite } from '../support/browser.js';
import { loadFile } from '../support/scenarios.js';

const suite = browserSuite();

/** Four answers, three of them faults: a short call to a debrief (the scenario's own words). */
const ROUGH = [
  "I'm glad you came in",
  'May I stop you for a moment',
  'Are you sure',
  'Principles are expensive',
];

const flagship = loadFile('scenarios/insurance-meal-receipt.yaml');
const inSpanish = translatedScenario(
  flagship,
  Translation.parse(parse(readFileSync('scenarios/translations/es/insurance-meal-receipt.yaml', 'utf8'))),
);

/** The start of the Spanish wording of the flagship's answer that says `english` (its lines are translated). */
function spanish(english: string): string {
  for (const [id, node] of Object.entries(flagship.nodes)) {
    const at = node.responses.findIndex((r) => r.says.includes(english));
    const words = inSpanish.nodes[id]?.responses[at]?.says;
    if (at >= 0 && words) return words.slice(0, 30);
  }
  throw new Error(`scenario changed: no answer says "${english}"`);
}

const h1 = (page: Page) => page.getByRole('heading', { level: 1 });
const lang = (page: Page) => page.evaluate(() => document.documentElement.lang);

/** Answers by keyboard with the answer containing `says` (see `answer`), and waits for it in the log. */
async function answerIn(page: Page, group: string, says: string): Promise<void> {
  await answer(page, says, group);
  await expect.poll(() => page.locator('.log li.you').last().textContent()).toContain(says);
}

describe('the page in Spanish', () => {
  let context: BrowserContext;
  let page: Page;
  let errors: string[];
  beforeEach(async () => {
    context = await suite.browser.newContext({ locale: 'es-ES', viewport: { width: 1280, height: 800 } });
    page = await context.newPage();
    errors = [];
    page.on('pageerror', (e) => errors.push(e.message));
  });
  afterEach(async () => {
    await context.close();
    expect(errors).toEqual([]);
  });

  it('speaks the browser’s language: menu, briefing, call, settings and debrief', async () => {
    await page.goto(suite.url);
    await expect.poll(() => h1(page).innerText()).toBe('Practica cómo calmar a un cliente difícil');
    expect(await lang(page)).toBe('es');
    expect(await page.getByRole('heading', { name: 'Escenarios' }).count()).toBe(1);
    expect(await page.getByText('Empieza aquí', { exact: true }).count()).toBeGreaterThan(0);
    // The settings, with the language picked for the trainee: the browser's.
    await page.getByText('Ajustes', { exact: true }).click();
    const picker = page.getByRole('group', { name: 'Idioma' });
    expect(await picker.getByRole('radio', { name: 'Español' }).isChecked()).toBe(true);
    expect(await page.getByRole('switch', { name: 'Reducir el movimiento' }).count()).toBe(1);
    expect(await page.getByRole('group', { name: 'Comentarios' }).count()).toBe(1);

    // A scenario with no Spanish shows as written, marked English for screen readers' voices; a
    // translated one is the page's language.
    const card = (id: string) => page.locator(`a[href="#/play/${id}"]`).locator('..');
    expect(await card('the-gym-that-kept-charging').locator('.teaser').getAttribute('lang')).toBe('en');
    expect(await card('insurance-meal-receipt').locator('.teaser').getAttribute('lang')).toBeNull();
    await page.goto(suite.url + '#/play/the-gym-that-kept-charging');
    await expect.poll(() => page.locator('.summary').getAttribute('lang')).toBe('en');

    await page.goto(suite.url + FLAGSHIP);
    await expect.poll(() => page.getByRole('heading', { name: 'Lo que vas a practicar' }).count()).toBe(1);
    expect(await page.locator('.summary').getAttribute('lang')).toBeNull();
    expect(await page.getByRole('heading', { name: /^Tu cliente: / }).count()).toBe(1);
    await page.getByRole('button', { name: 'Empezar la llamada' }).click();

    // The call: its answer group, log, meters and tools are Spanish; the lines are the scenario's.
    const log = page.getByRole('log', { name: 'Conversación' });
    await expect.poll(() => log.count()).toBe(1);
    expect(await page.getByRole('meter', { name: 'Enfado' }).count()).toBe(1);
    expect(await page.getByRole('button', { name: 'Mostrar la frase entera (Esc)' }).count()).toBe(1);
    for (const says of ROUGH) await answerIn(page, 'Tu respuesta', spanish(says));

    await expect.poll(() => h1(page).innerText()).toMatch(/^Balance: \d+ \/ 1000 · nota [A-E]$/);
    expect(await page.getByRole('heading', { name: /^Final: / }).count()).toBe(1);
    expect(await page.getByRole('heading', { name: /cosas? que mejorar$/ }).count()).toBe(1);
    expect(await page.getByRole('button', { name: 'Jugar otra vez' }).count()).toBe(1);
    expect(await page.getByText('Tus decisiones', { exact: true }).count()).toBe(1);
    // The method's names are the catalogue's, not the engine's English.
    const review = await page.locator('main, #app').first().innerText();
    expect(review).not.toMatch(/\bYour decisions\b|\bPlay again\b|\bDebrief:/);
  });

  it('switches to English in the settings: the same screen again, a call in progress resumed', async () => {
    await page.goto(suite.url + FLAGSHIP);
    await page.getByRole('button', { name: 'Empezar la llamada' }).click();
    await answerIn(page, 'Tu respuesta', spanish(ROUGH[0] ?? ''));
    await answerIn(page, 'Tu respuesta', spanish(ROUGH[1] ?? ''));
    // Leave the call (it is saved) for the menu, and pick English there.
    await page.getByRole('link', { name: /Salir/ }).click();
    await expect
      .poll(() => page.getByRole('heading', { name: 'Tienes una llamada a medias' }).count())
      .toBe(1);
    await page.getByText('Ajustes', { exact: true }).click();
    await page.getByRole('group', { name: 'Idioma' }).getByRole('radio', { name: 'English' }).click();

    await expect.poll(() => h1(page).innerText()).toBe('Practise calming a difficult customer');
    expect(await lang(page)).toBe('en');
    // The trainee stays in the settings, on the language they picked.
    expect(
      await page.getByRole('radio', { name: 'English' }).evaluate((e) => e === document.activeElement),
    ).toBe(true);
    expect(await page.getByRole('heading', { name: 'You have a call in progress' }).count()).toBe(1);

    // The call resumes in English where it was left: both answers are in its conversation.
    await page.getByRole('link', { name: /^Resume: / }).click();
    await page.getByRole('button', { name: 'Resume your call' }).click();
    const log = page.getByRole('log', { name: 'Conversation' });
    await expect.poll(() => log.locator('li.you').count()).toBe(2);
    await answerIn(page, 'Your answer', ROUGH[2] ?? '');

    // Kept after a reload: the choice is a setting, not the browser's language any more.
    await page.reload();
    await expect.poll(() => lang(page)).toBe('en');
  });

  it('switching the language on a briefing shows the briefing again in it', async () => {
    await page.goto(suite.url + FLAGSHIP);
    await page.getByText('Ajustes', { exact: true }).click();
    await page.getByRole('group', { name: 'Idioma' }).getByRole('radio', { name: 'English' }).click();
    await expect.poll(() => page.getByRole('button', { name: 'Start the call' }).count()).toBe(1);
    await page.getByRole('group', { name: 'Language' }).getByRole('radio', { name: 'Español' }).click();
    await expect.poll(() => page.getByRole('button', { name: 'Empezar la llamada' }).count()).toBe(1);
    expect(await lang(page)).toBe('es');
  });
});
