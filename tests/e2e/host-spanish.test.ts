/**
 * The facilitator's pages in Spanish, against the real server: a facilitator whose browser speaks
 * Spanish creates a room (its calls by their Spanish titles), opens it, changes its calls, sees two
 * attendees join and one finish a call, watches the projector (at 1280×720 and on a phone) and
 * removes a player; a forged facilitator link is refused in Spanish words. No English sentence of
 * these pages shows.
 */
import { readFileSync } from 'node:fs';
import type { BrowserContext, Page } from 'playwright';
import { parse } from 'yaml';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { host as english } from '../../src/screens/i18n/en-host.js';
import { browserSuite, playThrough, seriousViolations } from '../support/browser.js';

const suite = browserSuite();
const base = suite.url.replace(/\/$/, '');
const SHOTS = '/tmp/host-i18n';

/** A call's Spanish title, from its translation file. */
function spanishTitle(id: string): string {
  const file = parse(readFileSync(`scenarios/translations/es/${id}.yaml`, 'utf8')) as {
    strings: { title: { text: string } };
  };
  return file.strings.title.text;
}
const FLAGSHIP = spanishTitle('insurance-meal-receipt');
const LIBRARY_CARD = spanishTitle('routine-lost-library-card');
const SHOE_SIZE = spanishTitle('routine-shoe-size-swap');

/**
 * The English sentences of the host's pages (two words or more), each as the longest stretch of it
 * without a placeholder: what must not show on a Spanish page.
 */
const ENGLISH = Object.values(english)
  .map((text) => text.split(/\{\w+\}/).reduce((a, b) => (b.trim().length > a.trim().length ? b : a)))
  .map((text) => text.trim())
  .filter((text) => /\p{L}{2,}\s+\p{L}{2,}/u.test(text));

async function englishOn(page: Page): Promise<string[]> {
  const text = await page.locator('body').innerText();
  const labels = await page.evaluate(() =>
    [...document.querySelectorAll('[aria-label]')].map((e) => e.getAttribute('aria-label') ?? '').join('\n'),
  );
  return ENGLISH.filter((sentence) => text.includes(sentence) || labels.includes(sentence));
}

/** Joins the room through the API, as an attendee's phone would. */
async function join(code: string, nickname: string): Promise<void> {
  const reply = await fetch(`${base}/api/rooms/${code}/players`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ nickname }),
  });
  expect(reply.status).toBe(201);
}

describe('the facilitator’s pages in Spanish', () => {
  let context: BrowserContext;
  let errors: string[];
  beforeEach(async () => {
    context = await suite.browser.newContext({ locale: 'es-ES', viewport: { width: 1280, height: 800 } });
    errors = [];
    context.on('weberror', (e) => errors.push(e.error().message));
  });
  afterEach(async () => {
    await context.close();
    expect(errors).toEqual([]);
  });

  it('creates and runs a room, shows the projector and the players, all in Spanish', async () => {
    const facilitator = await context.newPage();
    await facilitator.goto(`${base}/#/host`);
    await expect
      .poll(() => facilitator.getByRole('heading', { level: 1 }).innerText())
      .toBe('Dirige un taller');
    expect(await facilitator.evaluate(() => document.documentElement.lang)).toBe('es');
    const name = facilitator.getByLabel('Nombre (se ve en el proyector)');
    expect(await name.inputValue()).toBe('Taller Keep Cool');
    // The calls by their Spanish titles, the flagship ticked to start with.
    const picks = facilitator.getByRole('group', { name: 'Llamadas para jugar' });
    expect(await picks.getByLabel(FLAGSHIP).isChecked()).toBe(true);
    const answers = facilitator.getByRole('group', { name: 'Cómo responden los participantes' });
    expect(
      await answers.getByRole('radio', { name: 'Elegir: eligen entre respuestas escritas' }).isChecked(),
    ).toBe(true);
    expect(
      await answers.getByRole('radio', { name: 'Escribir: con sus propias palabras, en inglés' }).count(),
    ).toBe(1);
    // The form's own errors.
    await picks.getByLabel(FLAGSHIP).uncheck();
    await facilitator.getByRole('button', { name: 'Crear la sala' }).click();
    await expect
      .poll(() => facilitator.getByRole('alert').innerText())
      .toBe('Elige al menos una llamada para la sala.');
    await picks.getByLabel(FLAGSHIP).check();
    await picks.getByLabel(LIBRARY_CARD).check();
    await name.fill(' ');
    await facilitator.getByRole('button', { name: 'Crear la sala' }).click();
    await expect.poll(() => facilitator.getByRole('alert').innerText()).toBe('Ponle un nombre a la sala.');
    await name.fill('Reclamaciones, martes');
    expect(await englishOn(facilitator)).toEqual([]);
    await facilitator.screenshot({ path: `${SHOTS}/host-rooms-desktop.png`, fullPage: true });
    await facilitator.getByRole('button', { name: 'Crear la sala' }).click();
    await facilitator.waitForURL(/#\/host\/[A-Z2-9]{6}$/);
    const code = /#\/host\/([A-Z2-9]{6})$/.exec(facilitator.url())?.[1] ?? '';

    // The room's page: its state, how it is answered, its calls in Spanish.
    await expect.poll(() => facilitator.locator('.room-state').innerText()).toMatch(/^Aún no está abierta: /);
    expect(await facilitator.locator('.room-answers').innerText()).toBe(
      'Respuestas elegidas: los participantes eligen entre respuestas escritas. En esta sala solo cuentan las llamadas con respuestas elegidas.',
    );
    const calls = facilitator.getByRole('heading', { name: 'Llamadas de esta sala' }).locator('+ ul');
    await expect.poll(() => calls.locator('li').allInnerTexts()).toEqual([FLAGSHIP, LIBRARY_CARD]);
    await facilitator.getByRole('button', { name: 'Abrir la sala' }).click();
    await expect
      .poll(() => facilitator.locator('.room-state').innerText())
      .toBe('Abierta: las llamadas cuentan.');
    expect(await facilitator.getByRole('status').filter({ hasText: 'La sala está abierta.' }).count()).toBe(
      1,
    );

    // Changing the calls: none is refused, a third is saved.
    await facilitator.getByText('Cambiar las llamadas', { exact: true }).click();
    const editor = facilitator.locator('details.edit-calls');
    await expect.poll(() => editor.getByLabel(LIBRARY_CARD).isChecked()).toBe(true);
    await editor.getByLabel(SHOE_SIZE).check();
    await editor.getByRole('button', { name: 'Guardar las llamadas' }).click();
    await expect
      .poll(() => facilitator.locator('.notice').first().innerText())
      .toBe('Las llamadas han cambiado; las clasificaciones se actualizan solas.');
    await expect.poll(() => calls.locator('li').count()).toBe(3);

    // Two attendees join; one plays the library card in their own (English) browser.
    const players = facilitator.getByRole('heading', { name: /^Participantes/ });
    await expect.poll(() => players.innerText()).toBe('Participantes (0)');
    expect(await facilitator.getByText('Todavía no se ha unido nadie.').count()).toBe(1);
    await join(code, 'Ben');
    const attendee = await suite.browser.newContext({ locale: 'en-GB' });
    const ana = await attendee.newPage();
    await ana.goto(`${base}/#/join/${code}`);
    await expect.poll(() => ana.getByLabel('Room code').inputValue()).toBe(code);
    await ana.keyboard.type('Ana');
    await ana.keyboard.press('Enter');
    await ana.waitForURL(/#\/room$/);
    await ana.getByRole('link', { name: 'The lost library card' }).click();
    await ana.getByRole('button', { name: 'Start the call' }).click();
    await playThrough(ana);
    await expect.poll(() => ana.locator('.room-result').innerText()).toContain('Counted in the room');
    await attendee.close();

    await expect.poll(() => players.innerText(), { timeout: 10_000 }).toBe('Participantes (2)');
    const list = facilitator.locator('.players li');
    await expect
      .poll(() => list.allInnerTexts())
      .toEqual(expect.arrayContaining([expect.stringMatching(/^Ana · 1 llamada\s+Quitar$/)]));
    expect(await list.filter({ hasText: 'Ben' }).innerText()).toMatch(/^Ben · 0 llamadas\s+Quitar$/);
    expect(await facilitator.getByText('Dirige esta sala desde otro dispositivo').count()).toBe(1);
    expect(await englishOn(facilitator)).toEqual([]);
    expect(await seriousViolations(facilitator)).toEqual([]);
    await facilitator.screenshot({ path: `${SHOTS}/host-room-desktop.png`, fullPage: true });

    // The projector, read across a hall at 1280×720.
    const projector = await context.newPage();
    await projector.setViewportSize({ width: 1280, height: 720 });
    await projector.goto(`${base}/#/screen/${code}`);
    await expect.poll(() => projector.locator('.live-state').innerText()).toBe('En directo');
    expect(await projector.locator('.screen-join .brand').textContent()).toBe('Únete a la sala');
    expect(await projector.locator('.room-code').getAttribute('aria-label')).toBe(
      `Código de sala ${code.split('').join(' ')}`,
    );
    expect(await projector.locator('.qr svg').getAttribute('aria-label')).toMatch(/^Código QR de http/);
    expect(await projector.locator('h1').innerText()).toBe('Reclamaciones, martes');
    expect(await projector.locator('.answers-way').innerText()).toBe('Respuestas elegidas');
    await expect
      .poll(() => projector.locator('.counts').innerText())
      .toBe('2 participantes · 1 llamada terminada');
    const boards = projector.locator('.board h3');
    expect(await boards.allInnerTexts()).toEqual(['General', FLAGSHIP, LIBRARY_CARD, SHOE_SIZE]);
    expect(await projector.locator('.board table').first().locator('th').allInnerTexts()).toEqual([
      '#',
      'Nombre',
      'Puntos',
    ]);
    expect(await projector.getByText('Aún no hay resultados.').count()).toBe(2);
    expect(await projector.getByRole('heading', { name: 'El SOARING de la sala' }).count()).toBe(1);
    expect(await projector.locator('.weakest-note').innerText()).toMatch(
      /^El movimiento más flojo por ahora: [SOARING] — .+\. Merece un comentario en la puesta en común\.$/,
    );
    const bar = await projector.locator('.profile-bars li').first().getAttribute('aria-label');
    expect(bar).toMatch(/^Resumir: (todavía sin ocasiones|\d+\s% de las ocasiones aprovechadas)$/);
    await projector.screenshot({ path: `${SHOTS}/projector-1280x720.png` });
    expect(await englishOn(projector)).toEqual([]);
    expect(await seriousViolations(projector)).toEqual([]);
    const fits = () =>
      projector.evaluate(() => document.documentElement.scrollWidth <= document.documentElement.clientWidth);
    expect(await fits()).toBe(true);
    await projector.setViewportSize({ width: 390, height: 844 });
    await projector.screenshot({ path: `${SHOTS}/projector-phone.png`, fullPage: true });
    expect(await fits()).toBe(true);

    // Removing Ben: the question and the answer in Spanish.
    let asked = '';
    facilitator.once('dialog', (dialog) => {
      asked = dialog.message();
      void dialog.accept();
    });
    await facilitator.getByRole('button', { name: 'Quitar a Ben' }).click();
    await expect
      .poll(() => facilitator.locator('.notice').first().innerText())
      .toBe('Has quitado a Ben de la sala.');
    expect(asked).toMatch(/^¿Quitar a «Ben» de la sala\? /);
    await expect
      .poll(() => projector.locator('.counts').innerText())
      .toBe('1 participante · 1 llamada terminada');

    // The room's page on a phone: nothing runs off the side.
    await facilitator.setViewportSize({ width: 390, height: 844 });
    expect(
      await facilitator.evaluate(
        () => document.documentElement.scrollWidth <= document.documentElement.clientWidth,
      ),
    ).toBe(true);
    await facilitator.screenshot({ path: `${SHOTS}/host-room-phone.png`, fullPage: true });

    // Closing the room.
    await facilitator.setViewportSize({ width: 1280, height: 800 });
    await facilitator.getByRole('button', { name: 'Cerrar la sala' }).click();
    await expect.poll(() => facilitator.locator('.room-state').innerText()).toMatch(/^Cerrada: /);
    expect(await facilitator.getByRole('button', { name: 'Volver a abrirla' }).count()).toBe(1);
    await expect
      .poll(() => projector.locator('.counts').innerText())
      .toBe('1 participante · 1 llamada terminada · cerrada');

    // A made-up facilitator link: refused, in Spanish words for the server's refusal.
    const forged = await context.newPage();
    await forged.goto(`${base}/#/host/${code}/key/${'x'.repeat(32)}`);
    await expect
      .poll(() => forged.locator('.notice').innerText())
      .toBe(
        'Este enlace de facilitador no funciona. Solo quien facilita la sala puede hacer eso: ábrela desde el dispositivo donde se creó.',
      );
    expect(await forged.getByRole('heading', { level: 1 }).innerText()).toBe(`Sala ${code}`);

    // The list of rooms says which are this device's, in Spanish.
    await facilitator.goto(`${base}/#/host`);
    await expect.poll(() => facilitator.getByRole('heading', { name: 'Tus salas' }).count()).toBe(1);
    await facilitator.setViewportSize({ width: 390, height: 844 });
    await facilitator.screenshot({ path: `${SHOTS}/host-rooms-phone.png`, fullPage: true });
  });
});
