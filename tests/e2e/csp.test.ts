/**
 * The game under the server's Content-Security-Policy, in Chromium: a practice call with its
 * stage and sound, a workshop room's facilitator page and projector, an attendee's call in the
 * room. Every violation the browser reports (the `securitypolicyviolation` event, and the console
 * message it writes) fails the test, so whatever Phaser, Howler or the page needs beyond the policy
 * shows up here rather than on a trainer's laptop.
 */
import type { BrowserContext, Page } from 'playwright';
import { describe, expect, it } from 'vitest';
import { browserSuite, FLAGSHIP, playThrough } from '../support/browser.js';
import { LIBRARY } from '../support/workshop.js';

const suite = browserSuite();
const base = suite.url.replace(/\/$/, '');

declare global {
  interface Window {
    /** The CSP violations this page saw, as `directive: blocked`. */
    cspViolations?: string[];
  }
}

/** A browser context whose pages record every CSP violation from their first script on. */
async function watchedContext(): Promise<{ context: BrowserContext; console: string[] }> {
  const context = await suite.browser.newContext();
  await context.addInitScript(() => {
    window.cspViolations = [];
    document.addEventListener('securitypolicyviolation', (event) => {
      window.cspViolations?.push(
        `${event.effectiveDirective}: ${event.blockedURI || 'inline'} (${event.sourceFile}:${event.lineNumber})`,
      );
    });
  });
  const console: string[] = [];
  context.on('console', (message) => {
    if (/Content[- ]Security[- ]Policy/i.test(message.text())) console.push(message.text());
  });
  return { context, console };
}

async function violations(page: Page): Promise<string[]> {
  return page.evaluate(() => window.cspViolations ?? ['the watcher did not run']);
}

describe('the Content-Security-Policy', () => {
  it('the page is served with it, and a practice call, a workshop room and its projector run without a violation', async () => {
    const { context, console } = await watchedContext();
    const trainee = await context.newPage();
    const first = await trainee.goto(`${base}/`);
    const csp = first?.headers()['content-security-policy'] ?? '';
    expect(csp).toContain("script-src 'self' 'sha256-");
    expect(csp).toContain("frame-ancestors 'none'");
    expect(csp).not.toContain('unsafe-inline');

    // A practice call: the stage (Phaser, WebGL) and the sound (Howler) both start.
    await trainee.getByRole('heading', { name: 'Practise calming a difficult customer' }).waitFor();
    await trainee.goto(`${base}/${FLAGSHIP}`);
    await trainee.getByRole('button', { name: 'Start the call' }).click();
    await expect
      .poll(() => trainee.evaluate(() => document.body.dataset.audio ?? ''), { timeout: 10_000 })
      .toBe('running');
    await expect
      .poll(() => trainee.evaluate(() => document.getElementById('stage')?.dataset.mood ?? ''), {
        timeout: 15_000,
      })
      .not.toBe('');
    await playThrough(trainee);
    expect(await violations(trainee)).toEqual([]);

    // A workshop: the facilitator's page and the projector follow the room live.
    const facilitator = await context.newPage();
    await facilitator.goto(`${base}/#/host`);
    await facilitator.getByLabel('Name (shown on the projector)').fill('Policy check');
    await facilitator.getByLabel('The dented shelves').check();
    await facilitator.getByRole('button', { name: 'Create the room' }).click();
    await facilitator.waitForURL(/#\/host\/[A-Z2-9]{6}$/);
    const code = /#\/host\/([A-Z2-9]{6})$/.exec(facilitator.url())?.[1] ?? '';
    await facilitator.getByRole('button', { name: 'Open the room' }).click();
    await expect.poll(() => facilitator.locator('.room-state').innerText()).toMatch(/^Open/);
    const projector = await context.newPage();
    await projector.setViewportSize({ width: 1600, height: 900 });
    await projector.goto(`${base}/#/screen/${code}`);
    await expect.poll(() => projector.locator('.live-state').innerText()).toBe('Live');
    await expect.poll(() => projector.locator('.qr svg path').count()).toBe(1);

    // An attendee joins from a phone of their own and plays a call in the room.
    const phone = await watchedContext();
    const attendee = await phone.context.newPage();
    await attendee.goto(`${base}/#/join/${code}`);
    await expect.poll(() => attendee.getByLabel('Room code').inputValue()).toBe(code);
    await attendee.keyboard.type('Ana');
    await attendee.keyboard.press('Enter');
    await attendee.waitForURL(/#\/room$/);
    await expect.poll(() => attendee.locator('.live-state').innerText()).toMatch(/^Live/);
    const dented = LIBRARY.find((s) => s.id === 'dented-shelves')?.title ?? '';
    await attendee.getByRole('link', { name: dented }).click();
    await attendee.getByRole('button', { name: 'Start the call' }).click();
    await playThrough(attendee);
    await expect.poll(() => attendee.locator('.room-result').innerText()).toContain('Counted in the room');
    await expect.poll(() => projector.locator('.board table').first().locator('tbody tr').count()).toBe(1);

    for (const page of [trainee, facilitator, projector, attendee])
      expect(await violations(page)).toEqual([]);
    expect([...console, ...phone.console]).toEqual([]);
    await phone.context.close();
    await context.close();
  });

  it('a page of the game cannot be framed by another', async () => {
    const { context } = await watchedContext();
    const page = await context.newPage();
    const reply = await page.goto(`${base}/#/host`);
    expect(reply?.headers()['x-frame-options']).toBe('DENY');
    // Another page (here, a blank one the test writes) tries to frame the facilitator's page: the
    // browser refuses, says why, and shows its error page in the frame instead.
    const said = new Promise<string>((resolve) => {
      context.on('console', (message) => {
        if (message.text().includes('frame-ancestors')) resolve(message.text());
      });
    });
    await page.setContent(`<iframe src="${base}/#/host"></iframe>`);
    expect(await said).toContain("frame-ancestors 'none'");
    expect(page.frames().map((f) => f.url())).toContain('chrome-error://chromewebdata/');
    await context.close();
  });
});
