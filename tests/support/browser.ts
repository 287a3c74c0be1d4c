/** Chromium and a dev server for browser tests. The browser path comes from KEEP_COOL_CHROMIUM. */
import { createRequire } from 'node:module';
import { chromium, type Browser, type Locator, type Page } from 'playwright';
import { afterAll, beforeAll, expect } from 'vitest';
import { createServer, type ViteDevServer } from 'vite';

export const CHROMIUM = process.env.KEEP_COOL_CHROMIUM ?? '/usr/bin/chromium';

/** Debian's Chromium (or KEEP_COOL_CHROMIUM), headless; `extraArgs` for benchmarks' extra switches. */
export function launchChromium(extraArgs: string[] = []): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM,
    // Without these Chromium floods a closed network with connection attempts.
    args: [
      '--no-sandbox',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
      '--disable-gpu',
      ...extraArgs,
    ],
  });
}

export async function startDevServer(): Promise<{ server: ViteDevServer; url: string }> {
  const server = await createServer({ server: { port: 0, host: '127.0.0.1' }, logLevel: 'error' });
  await server.listen();
  const url = server.resolvedUrls?.local[0];
  if (!url) throw new Error('the dev server did not report its address');
  return { server, url };
}

/** The address of the flagship's briefing. */
export const FLAGSHIP = '#/play/insurance-meal-receipt';

/** The answer buttons of the call. */
export function answerButtons(page: Page): Locator {
  return page.getByRole('group', { name: 'Your answer' }).getByRole('button');
}

/** Hears the customer's line out (Esc), then answers by keyboard with the response containing `says`. */
export async function answer(page: Page, says: string): Promise<void> {
  const buttons = answerButtons(page);
  await page.keyboard.press('Escape');
  await expect.poll(() => buttons.count()).toBeGreaterThan(1);
  const index = (await buttons.allInnerTexts()).findIndex((t) => t.includes(says));
  expect(index, says).toBeGreaterThanOrEqual(0);
  await page.keyboard.press(String(index + 1));
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

/** axe-core's serious and critical violations on the page as it is now. */
export async function seriousViolations(page: Page): Promise<string[]> {
  await page.addScriptTag({ path: AXE });
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
 * The usual browser-test setup: a dev server and Chromium for the file's tests, closed afterwards.
 * Read `browser` and `url` inside tests (they are set in beforeAll).
 */
export function browserSuite(): { readonly browser: Browser; readonly url: string } {
  let browser: Browser | undefined;
  let server: ViteDevServer | undefined;
  let url = '';
  beforeAll(async () => {
    ({ server, url } = await startDevServer());
    browser = await launchChromium();
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });
  return {
    get browser() {
      if (!browser) throw new Error('the browser starts in beforeAll');
      return browser;
    },
    get url() {
      return url;
    },
  };
}
