/**
 * A room's results sent on to an LRS, end to end: the facilitator gives the room an LRS on its
 * page (a stub LRS this test runs on loopback), an attendee plays a call, and the call arrives
 * there as xAPI statements from the real server, with the room's credentials; the facilitator's
 * card counts them. The LRS's key and secret never come back to the page.
 */
import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { browserSuite, playThrough } from '../support/browser.js';
import { LIBRARY } from '../support/workshop.js';

const suite = browserSuite();
const base = suite.url.replace(/\/$/, '');

interface Received {
  statement: Record<string, unknown>;
  authorization: string;
}

const received: Received[] = [];
let lrs: Server;
let endpoint = '';

const body = (request: IncomingMessage): Promise<string> =>
  new Promise((resolve) => {
    let text = '';
    request.on('data', (chunk: Buffer) => (text += chunk.toString('utf8')));
    request.on('end', () => {
      resolve(text);
    });
  });

beforeAll(async () => {
  lrs = createServer((request, response) => {
    void body(request).then((text) => {
      const url = new URL(request.url ?? '/', 'http://lrs');
      if (request.method === 'PUT' && url.pathname === '/xapi/statements') {
        received.push({
          statement: JSON.parse(text) as Record<string, unknown>,
          authorization: request.headers.authorization ?? '',
        });
        response.writeHead(204).end();
        return;
      }
      response.writeHead(404).end();
    });
  });
  await new Promise<void>((resolve) => lrs.listen(0, '127.0.0.1', resolve));
  endpoint = `http://127.0.0.1:${(lrs.address() as AddressInfo).port}/xapi/`;
});

afterAll(async () => {
  await new Promise((resolve) => lrs.close(resolve));
});

describe('a room with an LRS', () => {
  it('sends an attendee’s call to the LRS as statements, and the facilitator’s card counts them', async () => {
    const host = await suite.browser.newContext();
    const facilitator = await host.newPage();
    await facilitator.goto(`${base}/#/host`);
    await facilitator.getByLabel('The dented shelves').check();
    await facilitator.getByRole('button', { name: 'Create the room' }).click();
    await facilitator.waitForURL(/#\/host\/[A-Z2-9]{6}$/);
    const code = /#\/host\/([A-Z2-9]{6})$/.exec(facilitator.url())?.[1] ?? '';

    await facilitator.getByText('Send results to an LRS').click();
    await facilitator.getByLabel('LRS endpoint (its xAPI address)').fill(endpoint);
    await facilitator.getByLabel('Key').fill('room-key');
    await facilitator.getByLabel('Secret (not shown again once saved)').fill('room-secret');
    await facilitator.getByRole('button', { name: 'Save and send' }).click();
    await expect.poll(() => facilitator.getByText('Saved: results go to the LRS.').isVisible()).toBe(true);
    // The secret left the page once: the form no longer holds it.
    expect(await facilitator.getByLabel('Secret (not shown again once saved)').inputValue()).toBe('');
    await facilitator.getByRole('button', { name: 'Open the room' }).click();
    await expect.poll(() => facilitator.locator('.room-state').innerText()).toMatch(/^Open/);

    const player = await suite.browser.newContext();
    const page = await player.newPage();
    await page.goto(`${base}/#/join/${code}`);
    await expect.poll(() => page.getByLabel('Room code').inputValue()).toBe(code);
    await page.keyboard.type('Dee');
    await page.keyboard.press('Enter');
    await page.waitForURL(/#\/room$/);
    const dented = LIBRARY.find((s) => s.id === 'dented-shelves')?.title ?? '';
    await page.getByRole('link', { name: dented }).click();
    await page.getByRole('button', { name: 'Start the call' }).click();
    await playThrough(page, () => 0);
    const heading = await page.getByRole('heading', { name: /^Debrief:/ }).innerText();
    const total = Number(/Debrief: (\d+)/.exec(heading)?.[1]);

    // The server sends the call on: one answered statement per decision, then completed.
    const verbs = () => received.map((r) => (r.statement.verb as { id: string }).id.split('/').pop());
    await expect.poll(() => verbs().at(-1), { timeout: 30_000 }).toBe('completed');
    expect(verbs().filter((v) => v === 'answered').length).toBeGreaterThanOrEqual(2);
    expect(new Set(received.map((r) => r.statement.id)).size).toBe(received.length);
    for (const r of received) {
      expect(r.authorization).toBe(`Basic ${Buffer.from('room-key:room-secret').toString('base64')}`);
      expect((r.statement.actor as { name: string }).name).toBe('Dee');
    }
    const completed = received.at(-1)?.statement.result as { score: { scaled: number } };
    expect(completed.score.scaled).toBe(total / 1000);

    // The card says how many went, and nothing waits or was refused.
    const card = facilitator.locator('details', { hasText: 'Send results to an LRS' });
    await expect
      .poll(
        async () => {
          await card.locator('summary').click();
          await card.locator('summary').click();
          return card.innerText();
        },
        { timeout: 30_000 },
      )
      .toMatch(new RegExp(`${received.length} sent, 0 waiting, 0 refused`));
    const html = await facilitator.content();
    expect(html).not.toContain('room-secret');
    await facilitator.screenshot({ path: 'test-results/workshop-lrs.png', fullPage: true });
    await player.close();
    await host.close();
  });
});
