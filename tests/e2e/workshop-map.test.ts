/**
 * The debrief's decision map in Chromium against the real server: two attendees play a call, the
 * facilitator opens the map and steps through it by keyboard, the projector follows, and each
 * attendee's phone shows the room's answers with only their own marked.
 */
import type { Page } from 'playwright';
import { describe, expect, it } from 'vitest';
import { browserSuite, playThrough, seriousViolations } from '../support/browser.js';
import { LIBRARY } from '../support/workshop.js';

const suite = browserSuite();
const base = suite.url.replace(/\/$/, '');
const SHOTS = '.scratch';

async function api<T>(method: string, path: string, body?: unknown, token?: string): Promise<T> {
  const reply = await fetch(`${base}/api${path}`, {
    method,
    headers: {
      ...(body === undefined ? {} : { 'content-type': 'application/json' }),
      ...(token ? { authorization: `Bearer ${token}` } : {}),
    },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
  if (!reply.ok) throw new Error(`${method} ${path}: ${reply.status} ${await reply.text()}`);
  return (await reply.json()) as T;
}

/** An attendee on a phone-sized page who joins the room and plays its call, picking with `pick`. */
async function attendeePlays(code: string, nickname: string, pick: (count: number) => number): Promise<Page> {
  const context = await suite.browser.newContext({ viewport: { width: 390, height: 844 } });
  const page = await context.newPage();
  await page.goto(`${base}/#/join/${code}`);
  await expect.poll(() => page.getByLabel('Room code').inputValue()).toBe(code);
  await page.getByLabel('Your nickname').fill(nickname);
  await page.keyboard.press('Enter');
  await page.waitForURL(/#\/room$/);
  const dented = LIBRARY.find((s) => s.id === 'dented-shelves')?.title ?? '';
  await page.getByRole('link', { name: dented }).click();
  await page.getByRole('button', { name: 'Start the call' }).click();
  await playThrough(page, pick);
  await expect.poll(() => page.locator('.room-result').innerText()).toContain('Counted in the room');
  return page;
}

describe('the decision map', () => {
  it('facilitator steps through it by keyboard, the projector follows, each phone marks its own answers', async () => {
    const { secret, room } = await api<{ secret: string; room: { code: string } }>('POST', '/rooms', {
      name: 'Debrief Wednesday',
      scenarios: ['dented-shelves'],
    });
    const code = room.code;
    await api('PATCH', `/rooms/${code}`, { status: 'open' }, secret);

    const ana = await attendeePlays(code, 'Ana', () => 0);
    const ben = await attendeePlays(code, 'Ben', (count) => count - 1);

    // The facilitator takes the room on this laptop with the facilitator link, and opens the map.
    const host = await suite.browser.newContext();
    const facilitator = await host.newPage();
    await facilitator.goto(`${base}/#/host/${code}/key/${secret}`);
    await expect.poll(() => facilitator.locator('.room-state').innerText()).toMatch(/^Open/);
    await facilitator.getByRole('link', { name: 'Open the decision map' }).click();
    await facilitator.waitForURL(new RegExp(`#/host/${code}/map$`));
    const moment = facilitator.locator('.map-stage .map-moment');
    await expect.poll(() => moment.getAttribute('data-moment')).toBe('dented-shelves/the-refusal');
    const moments = await api<{ scenarios: { moments: { key: string }[] }[] }>(
      'GET',
      `/rooms/${code}/map`,
      undefined,
      secret,
    );
    const keys = moments.scenarios[0]?.moments.map((m) => m.key) ?? [];
    expect(keys.length).toBeGreaterThanOrEqual(2);
    // Two players at the first moment: shares of 50 and 50, or 100 for one answer.
    const shares = (await moment.locator('.map-share').allInnerTexts()).map((s) => Number.parseInt(s, 10));
    expect(shares.reduce((a, b) => a + b, 0)).toBe(100);
    expect(await moment.locator('.map-badge.best').count()).toBe(1);
    expect(await moment.locator('.map-prompt').innerText()).toMatch(/^Discuss: \S/);
    // Nicknames are off by default.
    expect(await facilitator.getByLabel('Show nicknames on the map').isChecked()).toBe(false);
    expect(await moment.locator('.map-names').count()).toBe(0);

    // The projector, on its own page (it could be another device): the boards until the map is up.
    const projector = await host.newPage();
    await projector.setViewportSize({ width: 1920, height: 1080 });
    await projector.goto(`${base}/#/screen/${code}`);
    await expect.poll(() => projector.locator('.live-state').innerText()).toBe('Live');
    expect(await projector.locator('.screen-map').isVisible()).toBe(false);
    await facilitator.getByRole('button', { name: 'Put it on the projector' }).click();
    const shown = projector.locator('.screen-map');
    await expect.poll(() => shown.getAttribute('data-moment')).toBe(keys[0]);
    expect(await projector.locator('.screen-boards').isVisible()).toBe(false);

    // Arrow keys and the space bar step; the projector follows, and the step is read out.
    await facilitator.locator('body').click({ position: { x: 5, y: 5 } });
    await facilitator.keyboard.press('ArrowRight');
    await expect.poll(() => moment.getAttribute('data-moment')).toBe(keys[1]);
    await expect.poll(() => shown.getAttribute('data-moment')).toBe(keys[1]);
    expect(await facilitator.locator('.map-announce').innerText()).toMatch(
      new RegExp(`^Moment 2 of ${keys.length}, The dented shelves: \\d+\\s?% chose the best answer\\.`),
    );
    await facilitator.keyboard.press('ArrowLeft');
    await expect.poll(() => shown.getAttribute('data-moment')).toBe(keys[0]);
    await facilitator.keyboard.press(' ');
    await expect.poll(() => shown.getAttribute('data-moment')).toBe(keys[1]);
    const projected = projector.locator('.screen-map .map-moment');
    expect(await projected.locator('.map-bar').count()).toBeGreaterThanOrEqual(2);
    // Large enough for the back of a room.
    const line = await projected
      .locator('.map-line')
      .evaluate((e) => Number.parseFloat(getComputedStyle(e).fontSize));
    expect(line).toBeGreaterThanOrEqual(36);
    await projector.screenshot({ path: `${SHOTS}/map-projector.png` });
    // A smaller screen (a window, or a projector of fewer lines): the moment is drawn smaller until
    // it fits, without a new step; back on the large one, it is drawn as large as before.
    const pageFits = () =>
      projector.evaluate(() => document.documentElement.scrollHeight <= window.innerHeight + 1);
    const stageSize = () =>
      projector
        .locator('.screen-map .map-stage')
        .evaluate((s) => (s.style.fontSize === '' ? 100 : Number.parseFloat(s.style.fontSize)));
    const full = await stageSize();
    await projector.setViewportSize({ width: 1280, height: 640 });
    await expect.poll(stageSize).toBeLessThan(full);
    expect(await pageFits()).toBe(true);
    await projector.setViewportSize({ width: 1920, height: 1080 });
    await expect.poll(stageSize).toBe(full);
    await facilitator.screenshot({ path: `${SHOTS}/map-facilitator.png`, fullPage: true });
    expect(await seriousViolations(facilitator)).toEqual([]);
    expect(await seriousViolations(projector)).toEqual([]);

    // Ana's phone: the room's answers, hers marked "You", one per moment she answered; the moment
    // on the projector is pointed out. Nobody's nickname is there.
    await ana.goto(`${base}/#/room`);
    await ana.getByRole('link', { name: 'See what the room chose, moment by moment' }).click();
    await ana.waitForURL(/#\/room\/map$/);
    await expect.poll(() => ana.locator('.map-moment').count()).toBe(keys.length);
    const anaMarks = await ana
      .locator('.map-moment')
      .evaluateAll((sections) => sections.map((s) => s.querySelectorAll('.map-bar.is-mine').length));
    expect(anaMarks.every((n) => n <= 1)).toBe(true);
    expect(anaMarks[0]).toBe(1);
    await expect.poll(() => ana.locator('.map-moment.on-screen').getAttribute('data-moment')).toBe(keys[1]);
    expect(await ana.locator('.map-names').count()).toBe(0);
    expect(await ana.getByText('Ben').count()).toBe(0);
    // Ben chose differently at the first moment: each sees only their own answer marked.
    await ben.goto(`${base}/#/room/map`);
    await expect.poll(() => ben.locator('.map-moment').count()).toBe(keys.length);
    const mineText = async (page: Page) =>
      page.locator('.map-moment').first().locator('.map-bar.is-mine .map-words').innerText();
    expect(await mineText(ana)).not.toBe(await mineText(ben));
    expect(await seriousViolations(ana)).toEqual([]);
    await ana.screenshot({ path: `${SHOTS}/map-phone.png`, fullPage: true });
    await ana
      .locator('.map-moment')
      .first()
      .screenshot({ path: `${SHOTS}/map-phone-moment.png` });

    // With nicknames turned on, the projector lists who chose what.
    await facilitator.getByLabel('Show nicknames on the map').check();
    await expect
      .poll(() => projected.locator('.map-names').allInnerTexts())
      .toEqual(expect.arrayContaining([expect.stringMatching(/Ana|Ben/)]));
    await projector.screenshot({ path: `${SHOTS}/map-projector-names.png` });
    // Off the projector again: the leaderboards are back.
    await facilitator.getByRole('button', { name: 'Back to the leaderboards' }).click();
    await expect.poll(() => projector.locator('.screen-boards').isVisible()).toBe(true);
    expect(await shown.isVisible()).toBe(false);
    await ana.context().close();
    await ben.context().close();
    await host.close();
  });
});
