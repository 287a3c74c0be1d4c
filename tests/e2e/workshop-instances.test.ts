/**
 * A workshop across two server instances sharing one PostgreSQL, in Chromium: the facilitator and
 * two attendees on instance A, the projector and a third attendee on instance B. The projector
 * follows every join and result, wherever it was made, and the facilitator's page and export see
 * all three players.
 */
import type { FastifyInstance } from 'fastify';
import type { BrowserContext, Page } from 'playwright';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { buildServer } from '../../src/server/app.js';
import { openPostgres, type OpenedDb } from '../../src/server/db.js';
import { downloadedText, playThrough, seriousViolations, sharedBrowser } from '../support/browser.js';
import { SHIPPED, loadFile } from '../support/scenarios.js';
import { LIBRARY } from '../support/workshop.js';

const shared = sharedBrowser();
const instances: { app: FastifyInstance; database: OpenedDb; url: string }[] = [];

beforeAll(async () => {
  // One schema for both: the same database, as two machines behind one address would share it.
  const schema = `e2e_${Date.now().toString(36)}_${process.pid}`;
  const scenarios = SHIPPED.map(loadFile);
  for (let i = 0; i < 2; i++) {
    const database = await openPostgres(inject('postgresUrl'), { schema, poolSize: 4 });
    const { app } = await buildServer({
      db: database.db,
      peers: database.peers,
      scenarios,
      staticDir: inject('distDir'),
    });
    const url = await app.listen({ port: 0, host: '127.0.0.1' });
    instances.push({ app, database, url });
  }
});

afterAll(async () => {
  for (const { app, database } of instances) {
    await app.close();
    await database.close();
  }
});

const urlOf = (i: 0 | 1): string => instances[i]?.url ?? '';

async function attendee(
  base: string,
  code: string,
  nickname: string,
): Promise<{ context: BrowserContext; page: Page }> {
  const context = await shared.browser.newContext();
  const page = await context.newPage();
  await page.goto(`${base}/#/join/${code}`);
  await expect.poll(() => page.getByLabel('Room code').inputValue()).toBe(code);
  await page.keyboard.type(nickname);
  await page.keyboard.press('Enter');
  await page.waitForURL(/#\/room$/);
  return { context, page };
}

async function playDented(page: Page, pick: (count: number) => number): Promise<number> {
  const dented = LIBRARY.find((s) => s.id === 'dented-shelves')?.title ?? '';
  await page.getByRole('link', { name: dented }).click();
  await page.getByRole('button', { name: 'Start the call' }).click();
  await playThrough(page, pick);
  const heading = await page.getByRole('heading', { name: /^Debrief:/ }).innerText();
  const score = Number(/Debrief: (\d+)/.exec(heading)?.[1]);
  await expect
    .poll(() => page.locator('.room-result').innerText())
    .toContain(`Counted in the room: the server scored it ${score} / 1000`);
  return score;
}

describe('a workshop on two instances', () => {
  it('facilitator and two attendees on A, projector and a third attendee on B: the projector follows them all', async () => {
    const a = urlOf(0);
    const b = urlOf(1);
    const host = await shared.browser.newContext({ acceptDownloads: true });
    const facilitator = await host.newPage();
    await facilitator.goto(`${a}/#/host`);
    await facilitator.getByLabel('Name (shown on the projector)').fill('Two machines, one room');
    await facilitator.getByLabel('The dented shelves').check();
    await facilitator.getByRole('button', { name: 'Create the room' }).click();
    await facilitator.waitForURL(/#\/host\/[A-Z2-9]{6}$/);
    const code = /#\/host\/([A-Z2-9]{6})$/.exec(facilitator.url())?.[1] ?? '';
    await facilitator.getByRole('button', { name: 'Open the room' }).click();
    await expect.poll(() => facilitator.locator('.room-state').innerText()).toMatch(/^Open/);

    // The projector is on the other instance: it knows the room only through the database.
    const screen = await shared.browser.newContext();
    const projector = await screen.newPage();
    await projector.setViewportSize({ width: 1600, height: 900 });
    await projector.goto(`${b}/#/screen/${code}`);
    await expect.poll(() => projector.locator('.live-state').innerText()).toBe('Live');
    expect(await projector.locator('h1').innerText()).toBe('Two machines, one room');

    const ana = await attendee(a, code, 'Ana');
    const ben = await attendee(a, code, 'Ben');
    const cy = await attendee(b, code, 'Cy');
    // Joins on A reach the projector on B.
    await expect.poll(() => projector.locator('.counts').innerText()).toMatch(/^3 players/);

    const scores = new Map<string, number>();
    scores.set('Ana', await playDented(ana.page, () => 0));
    scores.set('Ben', await playDented(ben.page, (count) => count - 1));
    scores.set('Cy', await playDented(cy.page, (count) => Math.floor(count / 2)));
    const overall = projector.locator('.board table').first();
    await expect.poll(() => overall.locator('tbody tr').count()).toBe(3);
    const rows = (await overall.locator('tbody tr').allInnerTexts()).map((r) => r.split('\t').slice(1));
    const expected = [...scores].sort((x, y) => y[1] - x[1]).map(([name, score]) => [name, String(score)]);
    // Ties (equal scores) go to the earlier finish: Ana, then Ben, then Cy played in that order.
    expect(rows).toEqual(expected);
    expect(await projector.locator('.counts').innerText()).toBe('3 players · 3 calls finished');
    expect(await seriousViolations(projector)).toEqual([]);
    await projector.screenshot({ path: 'test-results/workshop-instances-projector.png' });

    // The facilitator's page on A lists Cy, who joined on B, and the export has all three.
    await facilitator.reload();
    await expect.poll(() => facilitator.locator('.players li').count()).toBe(3);
    const download = facilitator.waitForEvent('download');
    await facilitator.getByRole('button', { name: 'Download results (CSV)' }).click();
    const csv = await downloadedText(await download);
    for (const name of scores.keys()) expect(csv).toContain(`${name},dented-shelves,`);
    expect(csv.trim().split('\r\n')).toHaveLength(4);
    expect([...scores.values()].every((s) => csv.includes(`,${s},`))).toBe(true);

    // Closing the room on A reaches the projector on B.
    await facilitator.getByRole('button', { name: 'Close the room' }).click();
    await expect
      .poll(() => projector.locator('.counts').innerText())
      .toBe('3 players · 3 calls finished · closed');

    for (const context of [ana.context, ben.context, cy.context, screen, host]) await context.close();
  });
});
