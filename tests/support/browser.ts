/**
 * Browser tests' helpers. Each test file connects to the one Chromium the browser project's global
 * set-up launched (tests/support/browser-setup.ts) and opens the game that set-up built and serves;
 * the connection closes, with every context the file opened, after the file's tests.
 */
import { createRequire } from 'node:module';
import { text } from 'node:stream/consumers';
import { chromium, type Browser, type Download, type Locator, type Page } from 'playwright';
import { afterAll, beforeAll, expect, inject } from 'vitest';
import { createLogger, createServer, type Logger, type ViteDevServer } from 'vite';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export { CHROMIUM, launchChromium } from './chromium.js';

/**
 * A Vite dev server, for the few tests that need one (editing a scenario file updates the page).
 * Its dependency cache is this checkout's own (.scratch/, ignored by git and lint): node_modules
 * may be shared with other checkouts, whose dev servers would re-optimise the default cache
 * (node_modules/.vite) under this one.
 */
export async function startDevServer(customLogger?: Logger): Promise<{ server: ViteDevServer; url: string }> {
  const server = await createServer({
    cacheDir: '.scratch/vite-dev',
    server: { port: 0, host: '127.0.0.1' },
    logLevel: 'error',
    ...(customLogger ? { customLogger } : {}),
  });
  try {
    await server.listen();
    const url = server.resolvedUrls?.local[0];
    if (!url) throw new Error('the dev server did not report its address');
    return { server, url };
  } catch (error) {
    await server.close();
    throw error;
  }
}

/**
 * A dev server on a scenarios folder of the test's own (a fresh temporary folder that `fill` puts
 * files in), started before the file's tests and closed, its folder removed, after them. Its
 * terminal's warnings are kept in `warnings` (its errors are still shown).
 */
export function devServerOnFolder(
  prefix: string,
  fill: (dir: string) => void,
): { readonly dir: string; readonly url: string; readonly warnings: string[] } {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  const warnings: string[] = [];
  const logger = createLogger('error');
  logger.warn = (message) => {
    warnings.push(message);
  };
  let server: ViteDevServer | undefined;
  let url = '';
  beforeAll(async () => {
    fill(dir);
    process.env.KEEP_COOL_SCENARIOS_DIR = dir;
    try {
      ({ server, url } = await startDevServer(logger));
    } finally {
      delete process.env.KEEP_COOL_SCENARIOS_DIR;
    }
  });
  afterAll(async () => {
    await server?.close();
    rmSync(dir, { recursive: true, force: true });
  });
  return {
    dir,
    warnings,
    get url() {
      return url;
    },
  };
}

/** The address of the flagship's briefing. */
export const FLAGSHIP = '#/play/insurance-meal-receipt';

/**
 * The method's path through the flagship, eleven decisions, each by the start of what the trainee
 * says. The fifth is the answer at the customer's outburst (where the I-message builder also fits).
 */
export const FLAGSHIP_BEST: readonly string[] = [
  "I'm glad you came in",
  'May I stop you',
  'So on the day of the fire',
  'That sounds humiliating',
  'I want to get this sorted',
  'I can see why it feels',
  "Here's how it works",
  "You're saying fine",
  'I believe you',
  "Let's go through the receipts",
  "You're right, and I'm sorry",
];

/** The answer buttons of the call (their group is named `group`: 'Tu respuesta' in Spanish). */
export function answerButtons(page: Page, group = 'Your answer'): Locator {
  return page.getByRole('group', { name: group }).getByRole('button');
}

/** Hears the customer's line out (Esc), then answers by keyboard with the response containing `says`. */
export async function answer(page: Page, says: string, group?: string): Promise<void> {
  const buttons = answerButtons(page, group);
  await page.keyboard.press('Escape');
  await expect.poll(() => buttons.count()).toBeGreaterThan(1);
  const index = (await buttons.allInnerTexts()).findIndex((t) => t.includes(says));
  expect(index, says).toBeGreaterThanOrEqual(0);
  await page.keyboard.press(String(index + 1));
}

/**
 * Plays the call on screen to its debrief in an English page, answering each moment with the
 * button `pick` names among those offered (the first, unless told).
 */
export async function playThrough(page: Page, pick: (count: number) => number = () => 0): Promise<void> {
  const debrief = page.getByRole('heading', { name: /^Debrief:/ });
  for (let turn = 0; turn < 30; turn++) {
    await page.keyboard.press('Escape');
    await expect
      .poll(async () => (await debrief.isVisible()) || (await answerButtons(page).count()) > 1, {
        timeout: 10_000,
      })
      .toBe(true);
    if (await debrief.isVisible()) return;
    const offered = (await answerButtons(page).allInnerTexts()).join('|');
    await page.keyboard.press(String(pick(await answerButtons(page).count()) + 1));
    // The next moment's answers may replace these with no gap between (reduced motion): wait for
    // the answers to change, or the debrief.
    await expect
      .poll(
        async () =>
          (await debrief.isVisible()) || (await answerButtons(page).allInnerTexts()).join('|') !== offered,
      )
      .toBe(true);
  }
  throw new Error('the call did not end');
}

/** Runs `use` on a page in a fresh browser context (its own storage), opened at `address`. */
export async function withTab(
  browser: Browser,
  address: string,
  use: (tab: Page) => Promise<void>,
): Promise<void> {
  const context = await browser.newContext();
  try {
    const tab = await context.newPage();
    await tab.goto(address);
    await use(tab);
  } finally {
    await context.close();
  }
}

/**
 * Fires `type` on the page's window and waits until every request its listeners started has been
 * answered (or failed): to see what the event did, or that it sent nothing, without a sleep.
 * Requests started on a later turn of the event loop are not waited for.
 */
export async function dispatchAndSettle(page: Page, type: string): Promise<void> {
  await page.evaluate(async (eventType) => {
    // The page's own fetch, kept to call and to put back.
    const original = Reflect.get(window, 'fetch');
    const started: Promise<Response>[] = [];
    window.fetch = (...args: Parameters<typeof fetch>) => {
      const request = original(...args);
      started.push(request);
      return request;
    };
    try {
      window.dispatchEvent(new Event(eventType));
    } finally {
      window.fetch = original;
    }
    await Promise.allSettled(started);
  }, type);
}

/** A download's contents as text (the shared browser is remote: its files are not on this side). */
export async function downloadedText(download: Download): Promise<string> {
  return text(await download.createReadStream());
}

/** Moves keyboard focus with Tab until the focused element's text is `text` (or gives up). */
export async function tabTo(page: Page, text: string, limit = 80): Promise<void> {
  for (let i = 0; i < limit; i++) {
    const focused = await page.evaluate(() => document.activeElement?.textContent.trim() ?? '');
    if (focused === text) return;
    await page.keyboard.press('Tab');
  }
  throw new Error(`Tab never reached "${text}"`);
}

/** Opens the I-message builder (M) and puts the pieces in this order by keyboard, then says it. */
export async function buildIMessage(page: Page, pieces: readonly string[]): Promise<void> {
  await page.keyboard.press('Escape');
  await page.keyboard.press('m');
  await page.getByRole('region', { name: 'I-message builder' }).waitFor();
  for (const piece of pieces) {
    await tabTo(page, piece);
    await page.keyboard.press('Enter');
  }
  await tabTo(page, 'Say it');
  await page.keyboard.press('Enter');
}

const AXE = createRequire(import.meta.url).resolve('axe-core/axe.min.js');
let axeSource: string | undefined;

/** axe-core's serious and critical violations on the page as it is now. */
export async function seriousViolations(page: Page): Promise<string[]> {
  // Evaluated through the DevTools protocol rather than added as an inline <script>, which the
  // server's Content-Security-Policy rightly refuses.
  axeSource ??= readFileSync(AXE, 'utf8');
  await page.evaluate(axeSource);
  return page.evaluate(async () => {
    const axe = (
      window as unknown as {
        axe: {
          run: () => Promise<{ violations: { id: string; impact: string | null; nodes: unknown[] }[] }>;
        };
      }
    ).axe;
    const result = await axe.run();
    return result.violations
      .filter((v) => v.impact === 'serious' || v.impact === 'critical')
      .map((v) => `${v.id} (${v.impact ?? ''}) on ${v.nodes.length} node(s)`);
  });
}

/**
 * The shared Chromium for the file's tests: connected in beforeAll, disconnected (closing every
 * context the file opened) in afterAll. Read `browser` inside tests.
 */
export function sharedBrowser(): { readonly browser: Browser } {
  let browser: Browser | undefined;
  beforeAll(async () => {
    browser = await chromium.connect(inject('chromiumEndpoint'));
  });
  afterAll(async () => {
    await browser?.close();
  });
  return {
    get browser() {
      if (!browser) throw new Error('the browser is connected in beforeAll');
      return browser;
    },
  };
}

/**
 * The usual browser-test setup: the shared Chromium, and `url`, the address of the built game
 * (with its trailing slash) served with the workshop API.
 */
export function browserSuite(): { readonly browser: Browser; readonly url: string } {
  const shared = sharedBrowser();
  const url = inject('appUrl');
  return {
    get browser() {
      return shared.browser;
    },
    url,
  };
}
