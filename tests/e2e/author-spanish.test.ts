/**
 * Author mode in Spanish: a browser whose language is Spanish opens author mode from the menu, sees
 * a broken file's analysis and a good file's in Spanish (the checker's own messages stay English,
 * as docs/diagnostics.md has them), the graph with its conditions worded in Spanish, the playtest
 * form, and plays from a chosen moment with the live panel saying in Spanish why the call went
 * where it did. No English sentence of author mode's shows. Screenshots, desktop and phone:
 * /tmp/author-i18n/author-es-*.png.
 */
import type { BrowserContext, Page } from 'playwright';
import { afterEach, describe, expect, it } from 'vitest';
import { author } from '../../src/screens/i18n/en-author.js';
import { browserSuite, seriousViolations } from '../support/browser.js';
import { PARCEL, loadFile } from '../support/scenarios.js';

const suite = browserSuite();
const parcel = loadFile(PARCEL);
const SHOTS = '/tmp/author-i18n';

/**
 * The fixed words of every English entry of author mode (what stands between its placeholders),
 * where they are a phrase of two words or more: none of them may show on the Spanish page.
 */
const ENGLISH = Object.values(author)
  .flatMap((text) => text.split(/\{\w+\}/))
  .map((part) => part.trim())
  .filter((part) => /\p{L}{2,}\W+\p{L}{2,}/u.test(part));

/** Everything the page shows or reads out: its text and its spoken labels. */
const pageWords = (page: Page) =>
  page.evaluate(() =>
    [
      document.body.innerText,
      ...[...document.querySelectorAll('[aria-label]')].map((e) => e.getAttribute('aria-label') ?? ''),
    ].join('\n'),
  );

/** Author mode's English phrases that show on the page: none, once it speaks Spanish. */
async function englishOn(page: Page): Promise<string[]> {
  const words = await pageWords(page);
  return ENGLISH.filter((phrase) => words.includes(phrase));
}

/** Hears the line out (Esc) and answers by keyboard with the answer containing `says`. */
async function answerIn(page: Page, says: string): Promise<void> {
  const buttons = page.getByRole('group', { name: 'Tu respuesta' }).getByRole('button');
  await page.keyboard.press('Escape');
  await expect.poll(() => buttons.count()).toBeGreaterThan(1);
  const index = (await buttons.allInnerTexts()).findIndex((text) => text.includes(says));
  expect(index, says).toBeGreaterThanOrEqual(0);
  await page.keyboard.press(String(index + 1));
}

describe('author mode in Spanish', () => {
  let context: BrowserContext | undefined;
  let errors: string[] = [];
  const open = async (viewport: { width: number; height: number }): Promise<Page> => {
    context = await suite.browser.newContext({ locale: 'es-ES', viewport, reducedMotion: 'reduce' });
    const page = await context.newPage();
    errors = [];
    page.on('pageerror', (e) => errors.push(e.message));
    await page.goto(suite.url);
    await page.getByRole('link', { name: 'revisa y prueba un archivo de escenario' }).click();
    await page.getByRole('heading', { name: 'Revisa y prueba un escenario' }).waitFor();
    return page;
  };
  afterEach(async () => {
    await context?.close();
    expect(errors).toEqual([]);
  });

  it('shows the analysis, the graph and the playtest form in Spanish, and plays from a moment', async () => {
    const page = await open({ width: 1280, height: 800 });
    expect(await page.getByText('Abre un archivo de escenario', { exact: true }).count()).toBe(1);
    expect(await page.getByRole('link', { name: '← Todos los escenarios' }).count()).toBe(1);

    // A broken file: the page's words in Spanish, the checker's message as written for trainers.
    await page
      .locator('#scenario-file')
      .setInputFiles('tests/fixtures/diagnostics/KC020-unknown-target.yaml');
    const status = page.getByRole('status').first();
    await expect
      .poll(() => status.innerText())
      .toBe('KC020-unknown-target.yaml no se carga: hay 1 problema que corregir.');
    expect(await page.getByRole('heading', { name: 'Diagnóstico' }).count()).toBe(1);
    expect(await page.locator('.diagnostics li').first().innerText()).toContain(
      "error KC020 en línea 28, columna 15: no node or ending 'dnoe'",
    );
    expect(await page.getByRole('heading', { name: 'Código fuente' }).count()).toBe(1);
    expect(await englishOn(page)).toEqual([]);

    // A good file: loads, its graph, the playtest form.
    await page.locator('#scenario-file').setInputFiles(PARCEL);
    await expect.poll(() => status.innerText()).toBe('The late parcel: se carga sin problemas.');
    const graph = page.getByRole('group', {
      name: /^Grafo de The late parcel: 3 momentos, 4 finales, 8 flechas$/,
    });
    await graph.waitFor();
    expect(await graph.locator('g.moment[data-id="shouting"]').textContent()).toContain(
      'enfado 75 · confianza 30',
    );
    expect(await graph.locator('g.moment[data-id="shouting"]').textContent()).toContain('enfadado');
    expect(await graph.locator('g.ending[data-id="walks-away"]').textContent()).toContain('colgó');
    expect(await graph.locator('g.ending[data-id="walks-away"]').getAttribute('aria-label')).toMatch(
      /^Final «walks-away»: colgó \(también donde acaba la llamada con el enfado a 100\)\.$/,
    );
    expect(await graph.locator('g.arrow[data-from="opening"][data-to="shouting"]').textContent()).toContain(
      'si enfado ≥ 70',
    );
    expect(
      await graph.locator('g.arrow.branch[data-from="facts"][data-to="partly"]').textContent(),
    ).toContain('si marca blamed activada');
    expect(
      await graph.locator('g.arrow.branch[data-from="facts"][data-to="sorted"]').textContent(),
    ).toContain('si no');
    expect(await graph.locator('g.arrow.max-anger').textContent()).toBe('enfado 100');
    expect(await page.getByRole('region', { name: /^La llamada como grafo: / }).count()).toBe(1);
    for (const name of [
      'Acercar',
      'Alejar',
      'Encajar el grafo entero en la vista',
      'Mostrar el inicio, legible',
    ])
      expect(await page.getByRole('button', { name }).count(), name).toBe(1);
    expect(await page.locator('.graph-legend').textContent()).toMatch(
      /^Cada momento muestra .* Colocado por dagre en \d+ ms\.$/,
    );

    // The playtest form.
    expect(await page.getByRole('heading', { name: 'Prueba', exact: true }).count()).toBe(1);
    const from = page.getByLabel('Desde', { exact: true });
    expect(await from.locator('option').first().textContent()).toBe('opening (inicio)');
    expect(await page.getByRole('group', { name: 'El estado en ese momento' }).count()).toBe(1);
    expect(await page.getByRole('group', { name: 'Marcas activadas' }).count()).toBe(1);
    await from.selectOption('facts');
    await expect
      .poll(() => page.locator('.arrived').textContent())
      .toBe('Como por el camino del método: reflect.');
    expect(await page.getByRole('spinbutton', { name: 'Enfado' }).inputValue()).toBe('30');
    await page.getByRole('spinbutton', { name: 'Enfado' }).fill('90');
    expect(await page.locator('.arrived').textContent()).toBe('Números puestos a mano.');
    await page.getByRole('button', { name: 'Llegar como por el mejor camino' }).click();
    expect(await page.getByRole('spinbutton', { name: 'Enfado' }).inputValue()).toBe('30');
    expect(await seriousViolations(page)).toEqual([]);
    expect(await englishOn(page)).toEqual([]);
    await page.screenshot({ path: `${SHOTS}/author-es-desktop.png`, fullPage: true });

    // Play from a chosen moment and numbers: practice, said in Spanish, and why the call went there.
    await from.selectOption('opening');
    await page.getByRole('spinbutton', { name: 'Enfado' }).fill('62');
    await page.getByRole('spinbutton', { name: 'Confianza' }).fill('35');
    await page.getByRole('spinbutton', { name: 'Tu calma' }).fill('70');
    await page.getByRole('button', { name: 'Probar', exact: true }).click();
    expect(await page.locator('.practice-note').textContent()).toBe(
      'Práctica desde «opening» (enfado 62, confianza 35, calma 70): no se guarda como intento ni se puntúa frente al escenario entero; la puntuación cubre solo los momentos jugados.',
    );
    await page.getByRole('button', { name: 'Empezar la llamada' }).click();
    await answerIn(page, "That is the courier's fault");
    const why = page.getByRole('status', { name: 'Por qué fue por ahí' });
    await expect
      .poll(() => why.textContent())
      .toBe('Tras «blame-courier» en «opening»: enfado 87 ≥ 70 → «shouting» (rama 1 de 2).');
    const live = page.getByLabel('Panel en directo');
    await expect.poll(() => live.innerText()).toContain('Momento\nshouting');
    expect(await live.innerText()).toContain('Marcas\nblamed');
    expect(await live.innerText()).toMatch(/Puntuación hasta ahora\n\d+/);
    expect(await englishOn(page)).toEqual([]);
    await page.screenshot({ path: `${SHOTS}/author-es-practice.png`, fullPage: true });

    await answerIn(page, 'If you keep shouting');
    await expect
      .poll(() => why.textContent())
      .toBe(
        'Tras «threaten» en «shouting»: el enfado llegó a 100 → «walks-away», el final para el enfado al máximo, vaya adonde vaya la respuesta.',
      );
    await expect.poll(() => page.getByRole('heading', { name: 'Práctica terminada' }).count()).toBe(1);
    expect(await page.locator('.practice-end p').textContent()).toMatch(
      /^La llamada terminó en «walks-away» \(colgó\)\. Los momentos jugados sumaron -?\d+: /,
    );
    expect(await page.getByRole('button', { name: 'Practicar otra vez desde «opening»' }).count()).toBe(1);
    expect(await page.getByRole('list', { name: 'Caminos hasta ahora' }).locator('li').count()).toBe(2);
    expect(await englishOn(page)).toEqual([]);
    // Nothing kept on the device.
    expect(
      await page.evaluate(() => Object.keys(localStorage).filter((k) => k.includes('progress'))),
    ).toEqual([]);
  });

  it('starts a playtest from a moment of the graph, and fits a phone', async () => {
    const page = await open({ width: 390, height: 844 });
    await page.locator('#scenario-file').setInputFiles(PARCEL);
    const graph = page.getByRole('group', { name: /^Grafo de / });
    await graph.waitFor();
    const shouting = graph.getByRole('button', { name: /^shouting .*: probar desde aquí$/ });
    // On a phone the graph opens on its start: the moment is reached by focus (it pans into view) and Enter.
    await shouting.focus();
    await page.keyboard.press('Enter');
    expect(await page.getByLabel('Desde', { exact: true }).inputValue()).toBe('shouting');
    expect(await page.getByRole('spinbutton', { name: 'Enfado' }).inputValue()).toBe('75');
    expect(await page.getByRole('checkbox', { name: 'blamed' }).isChecked()).toBe(true);
    await page.getByRole('button', { name: 'Empezar la llamada' }).click();
    await expect
      .poll(() => page.locator('.log li .line').first().textContent())
      .toBe(parcel.nodes.shouting?.says);
    expect(await englishOn(page)).toEqual([]);
    // Nothing of author mode runs wider than the phone.
    const wide = await page.evaluate(() =>
      [...document.querySelectorAll('.playtest-card *, .author-result h2, .drop')]
        .filter((e) => e.getBoundingClientRect().right > window.innerWidth + 1)
        .map((e) => `${e.tagName} ${e.textContent.slice(0, 40)}`),
    );
    expect(wide).toEqual([]);
    await page.screenshot({ path: `${SHOTS}/author-es-phone.png`, fullPage: true });
    // Each part at the phone's own scale, to read.
    await page.locator('.graph').screenshot({ path: `${SHOTS}/author-es-phone-graph.png` });
    await page.locator('.playtest-form').screenshot({ path: `${SHOTS}/author-es-phone-form.png` });
    await page.locator('.live').screenshot({ path: `${SHOTS}/author-es-phone-live.png` });
  });
});
