/**
 * The call screen is a fixed stage on every size: at each decision of a whole call, the drawn
 * customer (the stage's canvas) and the line they are saying now are wholly on screen, the page
 * itself does not scroll, and an answer shows in the dock. Played on a laptop, a phone held upright
 * and on its side, at 200% text and with reduced motion. Screenshots: test-results/call-layout-*.png.
 *
 * 200% text is the browser's own text-size setting (Chromium's default font size, 16 → 32 px, set
 * through the DevTools protocol), as a trainee who needs larger text sets it: everything sized in
 * rem and em doubles, and the layout's em media queries see the larger text too, which a root
 * `font-size: 200%` written into the page would not show them. (Browser zoom at 200% is a viewport
 * of half the CSS pixels, which the phone sizes already cover.)
 */
import { mkdirSync } from 'node:fs';
import type { BrowserContextOptions, Page } from 'playwright';
import { beforeAll, describe, expect, it } from 'vitest';
import { FLAGSHIP, FLAGSHIP_BEST, answerButtons, browserSuite } from '../support/browser.js';
import { seenHeight, shown, wholly } from '../support/in-view.js';
import { loadFile } from '../support/scenarios.js';

const scenario = loadFile('scenarios/insurance-meal-receipt.yaml');
const suite = browserSuite();

beforeAll(() => {
  mkdirSync('test-results', { recursive: true });
});

const BEST = FLAGSHIP_BEST;

interface Size {
  name: string;
  viewport: { width: number; height: number };
  /** Answers by tapping the buttons rather than by keys. */
  touch?: boolean;
  /** The browser's default text size, as a multiple of 16 px. */
  text?: number;
  reducedMotion?: boolean;
}

const LAPTOP: Size = { name: 'laptop', viewport: { width: 1280, height: 800 } };
const REDUCED: Size = {
  name: 'phone-portrait-reduced-motion',
  viewport: { width: 390, height: 844 },
  touch: true,
  reducedMotion: true,
};
const SIZES: Size[] = [
  LAPTOP,
  { name: 'phone-portrait', viewport: { width: 390, height: 844 }, touch: true },
  { name: 'phone-landscape', viewport: { width: 844, height: 390 }, touch: true },
  { name: 'laptop-text-200', viewport: { width: 1280, height: 800 }, text: 2 },
  { name: 'phone-portrait-text-200', viewport: { width: 390, height: 844 }, touch: true, text: 2 },
  REDUCED,
];

async function open(size: Size): Promise<{ page: Page; problems: string[]; close: () => Promise<void> }> {
  const options: BrowserContextOptions = {
    viewport: size.viewport,
    reducedMotion: size.reducedMotion ? 'reduce' : 'no-preference',
    hasTouch: size.touch ?? false,
  };
  const context = await suite.browser.newContext(options);
  const page = await context.newPage();
  const problems: string[] = [];
  page.on('pageerror', (e) => problems.push(e.message));
  if (size.text) {
    const cdp = await context.newCDPSession(page);
    await cdp.send('Page.setFontSizes', { fontSizes: { standard: 16 * size.text, fixed: 13 * size.text } });
  }
  await page.goto(suite.url + FLAGSHIP);
  return { page, problems, close: () => context.close() };
}

/** What the layout test asks of every decision point, as one value to poll. */
async function decisionView(page: Page) {
  const canvas = await shown(page.locator('#stage canvas'));
  const stage = await shown(page.locator('#stage'));
  const now = await shown(page.locator('.now'));
  const firstAnswer = await shown(answerButtons(page).first());
  return page.evaluate(
    ({ canvasBox, stageBox, answerOnTop, canvasWhole, nowWhole, answerSeen }) => {
      const height = (b: typeof canvasBox) => b.bottom - b.top;
      const width = (b: typeof canvasBox) => b.right - b.left;
      // Lying down, the customer has the left of the screen from top to line; upright, a band of it.
      const share = window.innerWidth > window.innerHeight ? 0.5 : 0.18;
      const root = document.scrollingElement ?? document.documentElement;
      const said = [...document.querySelectorAll('.log li.customer .line')].at(-1)?.textContent;
      return {
        // The customer, wholly in view, big enough to read a face from, filling the stage's box
        // (Phaser fits the canvas to it), and that box a good share of the screen.
        canvas:
          canvasWhole &&
          height(canvasBox) >= 140 &&
          (Math.abs(width(canvasBox) - width(stageBox)) < 2 ||
            Math.abs(height(canvasBox) - height(stageBox)) < 2) &&
          height(stageBox) >= share * window.innerHeight,
        // The line being answered: its box wholly in view, and it is the customer's latest line.
        line: nowWhole && document.querySelector('.now .line')?.textContent === said,
        // The answers are docked: the first one shows (most of a line of it at least).
        answer: answerSeen >= 40 && answerOnTop,
        // The page itself never scrolls: only its panels do.
        pageFits: root.scrollHeight <= window.innerHeight && root.scrollWidth <= window.innerWidth,
        // While deciding, focus is never on an answer the trainee has not picked.
        focusOnAnswer: document.activeElement?.closest('.choices button') != null,
      };
    },
    {
      canvasBox: canvas.box,
      stageBox: stage.box,
      answerOnTop: firstAnswer.onTop,
      canvasWhole: wholly(canvas),
      nowWhole: wholly(now),
      answerSeen: seenHeight(firstAnswer),
    },
  );
}

const ALL_IN_VIEW = {
  canvas: true,
  line: true,
  answer: true,
  pageFits: true,
  focusOnAnswer: false,
};

/**
 * Hears the line out (Esc, or on a touch screen a tap on the line's box, which shows it whole) and
 * checks the screen as the trainee decides. The tap is on the box, not on "Show the whole line":
 * that button goes the moment the line is typed out, so on a busy machine a tap aimed at it could
 * land on whatever took its place.
 */
async function decide(page: Page, size: Size): Promise<void> {
  if (size.touch) await page.locator('.now').click();
  else await page.keyboard.press('Escape');
  const buttons = answerButtons(page);
  await expect.poll(() => buttons.count()).toBeGreaterThan(1);
  await expect.poll(() => decisionView(page), { timeout: 15_000 }).toEqual(ALL_IN_VIEW);
}

/** Picks the answer containing `says`, by its number key or by tapping it. */
async function pick(page: Page, size: Size, says: string): Promise<void> {
  const buttons = answerButtons(page);
  const index = (await buttons.allInnerTexts()).findIndex((t) => t.includes(says));
  expect(index, says).toBeGreaterThanOrEqual(0);
  if (size.touch) await buttons.nth(index).click();
  else await page.keyboard.press(String(index + 1));
}

describe('the call keeps the customer in view', () => {
  for (const size of SIZES) {
    it(`at every decision of a whole call: ${size.name}`, async () => {
      const { page, problems, close } = await open(size);
      if (size.text) {
        // The emulation took: the page's text starts at twice the usual size.
        expect(await page.evaluate(() => getComputedStyle(document.documentElement).fontSize)).toBe(
          `${16 * size.text}px`,
        );
      }
      await page.getByRole('button', { name: 'Start the call' }).click();
      await expect.poll(() => page.evaluate(() => document.body.dataset.screen)).toBe('call');
      for (const [i, says] of BEST.entries()) {
        await decide(page, size);
        if (i === 2) await page.screenshot({ path: `test-results/call-layout-${size.name}.png` });
        await pick(page, size, says);
        await expect.poll(() => page.locator('.log li.you').count()).toBe(i + 1);
      }
      await expect.poll(() => page.getByRole('heading', { level: 1 }).innerText()).toMatch(/^Debrief/);
      // The debrief is a page again: the call's layout went with the call (the debrief names its own).
      expect(await page.evaluate(() => document.body.dataset.screen ?? null)).not.toBe('call');
      expect(await page.getByText('Ending: resolved').count()).toBe(1);
      expect(problems).toEqual([]);
      await close();
    });
  }
});

describe('the meters show what moved', () => {
  const anger = (page: Page) => page.locator('.meter-anger');

  it('slides the bar and shows the change beside it, then lets it go', async () => {
    const { page, close } = await open(LAPTOP);
    await page.getByRole('button', { name: 'Start the call' }).click();
    await decide(page, LAPTOP);
    const before = Number.parseInt(await anger(page).locator('.meter-value').innerText(), 10);
    expect(before).toBe(scenario.customer.anger);
    await pick(page, LAPTOP, BEST[0] ?? '');
    const change = anger(page).locator('.meter-change');
    // "I'm glad you came in" takes 4 off her anger: the number moves at once, the change shows.
    await expect.poll(() => change.innerText()).toBe('−4');
    expect(await anger(page).locator('.meter-value').innerText()).toBe(`${before - 4} · annoyed`);
    expect(await change.evaluate((e) => e.getAnimations().length)).toBe(1);
    await expect.poll(() => change.innerText()).toBe('');
    await close();
  });

  it('with reduced motion, shows the change as still text, with nothing moving', async () => {
    const size = REDUCED;
    const { page, close } = await open(size);
    await page.getByRole('button', { name: 'Start the call' }).click();
    await decide(page, size);
    await pick(page, size, BEST[0] ?? '');
    const change = anger(page).locator('.meter-change');
    await expect.poll(() => change.innerText()).toBe('−4');
    expect(
      await anger(page)
        .locator('meter')
        .evaluate((m: HTMLMeterElement) => m.value),
    ).toBe(scenario.customer.anger - 4);
    expect(await page.evaluate(() => document.getAnimations().length)).toBe(0);
    // Still there at the next decision: it stays until the next change.
    await decide(page, size);
    expect(await change.innerText()).toBe('−4');
    await close();
  });
});
