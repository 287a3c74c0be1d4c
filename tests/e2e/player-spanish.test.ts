/**
 * A workshop attendee whose browser speaks Spanish, against the real server and the built game:
 * the join form and its refusals (the page's own and the server's, worded by their codes), the
 * lobby, a call played in the room and its result, all in Spanish, with no English sentence of the
 * player's pages showing; on a desktop and on a phone, where nothing runs off the screen.
 */
import { readFileSync } from 'node:fs';
import type { BrowserContext, Page } from 'playwright';
import { parse } from 'yaml';
import { afterEach, describe, expect, it } from 'vitest';
import { Translation, translatedScenario } from '../../src/engine/translation.js';
import { player } from '../../src/screens/i18n/en-player.js';
import { answer, browserSuite, seriousViolations } from '../support/browser.js';
import { loadFile } from '../support/scenarios.js';

const suite = browserSuite();
const base = suite.url.replace(/\/$/, '');
const SHOTS = '/tmp/player-i18n';

const flagship = loadFile('scenarios/insurance-meal-receipt.yaml');
const inSpanish = translatedScenario(
  flagship,
  Translation.parse(parse(readFileSync('scenarios/translations/es/insurance-meal-receipt.yaml', 'utf8'))),
);
/** Four answers to an ending (three of them faults): a short call, as the scenario words them in Spanish. */
const ROUGH = [
  "I'm glad you came in",
  'May I stop you for a moment',
  'Are you sure',
  'Principles are expensive',
].map((english) => {
  for (const [id, node] of Object.entries(flagship.nodes)) {
    const at = node.responses.findIndex((r) => r.says.includes(english));
    const words = inSpanish.nodes[id]?.responses[at]?.says;
    if (at >= 0 && words) return words.slice(0, 30);
  }
  throw new Error(`scenario changed: no answer says "${english}"`);
});

/** The English sentences of the player's pages: each fixed run of two words or more in a catalogue entry. */
const ENGLISH = [
  ...new Set(
    Object.values(player)
      .flatMap((text) => text.split(/\{\w+\}/))
      .map((part) => part.trim())
      .filter((part) => /\p{L}{2,}[,.:;’']?\s+\p{L}{2,}/u.test(part)),
  ),
];
const englishOn = async (page: Page): Promise<string[]> => {
  const text = await page.locator('body').innerText();
  return ENGLISH.filter((sentence) => text.includes(sentence));
};

/** A room of the flagship, opened, made through the API as the facilitator's page does. */
async function openRoom(): Promise<{ code: string; secret: string }> {
  const created = await fetch(`${base}/api/rooms`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ name: 'Equipo de siniestros', scenarios: [flagship.id] }),
  });
  const { secret, room } = (await created.json()) as { secret: string; room: { code: string } };
  const opened = await fetch(`${base}/api/rooms/${room.code}`, {
    method: 'PATCH',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${secret}` },
    body: JSON.stringify({ status: 'open' }),
  });
  expect(opened.status).toBe(200);
  return { code: room.code, secret };
}

/** Nothing wider than the screen, and no button, heading or label (within `scope`) whose words run out of it. */
async function overflowing(page: Page, scope = 'body'): Promise<string[]> {
  return page.evaluate((scope) => {
    const wide = document.documentElement.scrollWidth > window.innerWidth ? ['the page'] : [];
    const boxes = [
      ...document.querySelectorAll<HTMLElement>(
        ['button', 'a.primary', 'h1', 'h2', 'h3', 'label', 'td'].map((tag) => `${scope} ${tag}`).join(', '),
      ),
    ];
    return [
      ...wide,
      ...boxes.filter((b) => b.offsetParent && b.scrollWidth > b.clientWidth + 1).map((b) => b.innerText),
    ];
  }, scope);
}

describe('a workshop attendee in Spanish', () => {
  let context: BrowserContext | undefined;
  let errors: string[] = [];
  afterEach(async () => {
    await context?.close();
    expect(errors).toEqual([]);
  });

  async function attendeePage(width: number, height: number): Promise<Page> {
    context = await suite.browser.newContext({ locale: 'es-ES', viewport: { width, height } });
    const page = await context.newPage();
    errors = [];
    page.on('pageerror', (e) => errors.push(e.message));
    return page;
  }

  it('joins with a nickname (refusals worded in Spanish), sees the lobby, plays a call and its result', async () => {
    const { code } = await openRoom();
    // Someone is already called Rosa in the room.
    const taken = await fetch(`${base}/api/rooms/${code}/players`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ nickname: 'Rosa' }),
    });
    expect(taken.status).toBe(201);

    const page = await attendeePage(1280, 800);
    await page.goto(`${base}/#/join/${code}`);
    await expect.poll(() => page.getByLabel('Código de la sala').inputValue()).toBe(code);
    expect(await page.getByRole('heading', { level: 1 }).innerText()).toBe('Únete a una sala del taller');
    expect(await page.getByText('Seis letras y cifras; lo verás en el proyector.').count()).toBe(1);
    expect(await page.getByText('Hasta 24 caracteres. Todo el mundo en la sala lo verá.').count()).toBe(1);
    expect(await page.getByRole('link', { name: '← Todos los escenarios' }).count()).toBe(1);
    expect(await page.evaluate(() => document.documentElement.lang)).toBe('es');
    const nickname = page.getByLabel('Tu apodo');
    const join = page.getByRole('button', { name: 'Entrar en la sala' });
    const alert = page.getByRole('alert');

    // The page's own refusal: a nickname with no letter or digit.
    await nickname.fill('!!!');
    await join.click();
    await expect
      .poll(() => alert.innerText())
      .toBe('Elige un apodo que tenga al menos una letra o una cifra.');
    // The server's refusal, by its code: the nickname is taken.
    await nickname.fill('rosa');
    await join.click();
    await expect
      .poll(() => alert.innerText())
      .toBe('Alguien de esta sala ya usa ese apodo, u otro que se le parece mucho. Elige otro.');
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('nickname');
    await page.screenshot({ path: `${SHOTS}/join-refused-desktop.png`, fullPage: true });
    expect(await englishOn(page)).toEqual([]);
    expect(await seriousViolations(page)).toEqual([]);

    await nickname.fill('Lucía');
    await join.click();
    await page.waitForURL(/#\/room$/);

    // The lobby.
    await expect
      .poll(() => page.locator('.live-state').innerText())
      .toBe('En directo: la clasificación se actualiza al terminar cada llamada.');
    expect(await page.getByText('Juegas como Lucía').count()).toBe(1);
    expect(await page.locator('.room-answers').innerText()).toBe(
      'Respuestas para elegir: eliges entre respuestas ya escritas.',
    );
    await expect
      .poll(() => page.locator('.notice').first().innerText())
      .toMatch(/^La sala está abierta: elige una llamada\./);
    expect(await page.getByRole('heading', { name: 'Las llamadas de la sala' }).count()).toBe(1);
    expect(await page.getByRole('heading', { name: 'Clasificación' }).count()).toBe(1);
    expect(await page.getByText('Nadie ha terminado una llamada todavía.').count()).toBe(1);
    expect(await page.getByText('Aún no la has jugado en esta sala').count()).toBe(1);
    // The call's title is the scenario's own Spanish one.
    expect(await page.getByRole('link', { name: inSpanish.title }).count()).toBe(1);
    expect(await page.getByRole('button', { name: 'Salir de esta sala' }).count()).toBe(1);
    await page.screenshot({ path: `${SHOTS}/lobby-desktop.png`, fullPage: true });
    expect(await englishOn(page)).toEqual([]);
    expect(await seriousViolations(page)).toEqual([]);

    // A call in the room, answered in Spanish, to its debrief and the room's card.
    await page.locator('.scenario-list a').first().click();
    await page.getByRole('button', { name: 'Empezar la llamada' }).click();
    for (const says of ROUGH) {
      await answer(page, says, 'Tu respuesta');
      await expect.poll(() => page.locator('.log li.you').last().textContent()).toContain(says);
    }
    const heading = page.getByRole('heading', { level: 1 });
    await expect.poll(() => heading.innerText()).toMatch(/^Balance: \d+ \/ 1000/);
    const total = /Balance: (\d+)/.exec(await heading.innerText())?.[1] ?? '';
    const card = page.locator('.room-result');
    await expect
      .poll(() => card.innerText())
      .toContain(
        `Cuenta en la sala: el servidor la ha puntuado con ${total} / 1000. Ocupas el puesto 1.º en esta llamada y el 1.º en la general.`,
      );
    expect(await card.getByRole('heading', { name: `Sala ${code}` }).count()).toBe(1);
    await card.screenshot({ path: `${SHOTS}/result-desktop.png` });
    expect(await englishOn(page)).toEqual([]);
    await page.setViewportSize({ width: 390, height: 844 });
    await card.screenshot({ path: `${SHOTS}/result-phone.png` });
    expect(await overflowing(page, '.room-result')).toEqual([]);
    await page.setViewportSize({ width: 1280, height: 800 });

    // Back in the lobby, the result is the player's, in Spanish.
    await page.goto(`${base}/#/room`);
    const mine = page.locator('.card').filter({ hasText: 'Tus resultados en esta sala' });
    await expect
      .poll(() => mine.innerText())
      .toBe(
        `Tus resultados en esta sala\n${inSpanish.title}: ${total} / 1000 (1.º en esta llamada, 1.º en la general)`,
      );
    expect(await page.getByText(`Tu mejor puntuación aquí: ${total} / 1000`).count()).toBe(1);
    await page.screenshot({ path: `${SHOTS}/lobby-played-desktop.png`, fullPage: true });
    expect(await englishOn(page)).toEqual([]);
    await page.setViewportSize({ width: 390, height: 844 });
    await page.screenshot({ path: `${SHOTS}/lobby-played-phone.png`, fullPage: true });
    expect(await overflowing(page, 'main')).toEqual([]);
  });

  it('knows the English it looks for: the same page in English shows it', async () => {
    expect(ENGLISH.length).toBeGreaterThan(80);
    context = await suite.browser.newContext({ locale: 'en-US' });
    const page = await context.newPage();
    errors = [];
    await page.goto(`${base}/#/join`);
    await expect.poll(() => englishOn(page)).toContain('Six letters and digits, shown on the projector.');
  });

  it('fits a phone: the join form with a refusal, the lobby, and being taken out of the room', async () => {
    const { code, secret } = await openRoom();
    const page = await attendeePage(390, 844);
    await page.goto(`${base}/#/join`);
    await page.getByLabel('Código de la sala').fill('ab1');
    await page.getByLabel('Tu apodo').fill('Marisol');
    await page.getByRole('button', { name: 'Entrar en la sala' }).click();
    await expect
      .poll(() => page.getByRole('alert').innerText())
      .toBe('El código de la sala tiene seis letras y cifras, como K7PX3M.');
    // A code of the right shape that no room has: the server says so, the page words it.
    await page.getByLabel('Código de la sala').fill('ZZZZZ2');
    await page.getByRole('button', { name: 'Entrar en la sala' }).click();
    await expect
      .poll(() => page.getByRole('alert').innerText())
      .toBe('No hay ninguna sala con ese código. Comprueba el código en el proyector.');
    await page.screenshot({ path: `${SHOTS}/join-refused-phone.png`, fullPage: true });
    expect(await overflowing(page)).toEqual([]);
    expect(await englishOn(page)).toEqual([]);

    await page.getByLabel('Código de la sala').fill(code.toLowerCase());
    await page.getByRole('button', { name: 'Entrar en la sala' }).click();
    await page.waitForURL(/#\/room$/);
    await expect.poll(() => page.locator('.live-state').innerText()).toMatch(/^En directo/);
    expect(await page.getByText('Juegas como Marisol').count()).toBe(1);
    await page.screenshot({ path: `${SHOTS}/lobby-phone.png`, fullPage: true });
    expect(await overflowing(page)).toEqual([]);
    expect(await englishOn(page)).toEqual([]);

    // The facilitator takes Marisol out of the room: her lobby tells her at once, in Spanish.
    const me = await page.evaluate(
      () =>
        (
          JSON.parse(localStorage.getItem('keep-cool:workshop') ?? '{}') as {
            membership?: { player?: string };
          }
        ).membership?.player ?? '',
    );
    const removed = await fetch(`${base}/api/rooms/${code}/players/${me}`, {
      method: 'DELETE',
      headers: { authorization: `Bearer ${secret}` },
    });
    expect(removed.status).toBe(204);
    await expect
      .poll(() => page.getByRole('main').innerText())
      .toContain(
        'La persona que dirige el taller te ha sacado de esta sala: tus llamadas ya no cuentan aquí.',
      );
    expect(await page.getByRole('button', { name: 'Entrar con otro apodo' }).count()).toBe(1);
    await page.screenshot({ path: `${SHOTS}/lobby-removed-phone.png`, fullPage: true });
    expect(await overflowing(page)).toEqual([]);
    expect(await englishOn(page)).toEqual([]);
  });
});
