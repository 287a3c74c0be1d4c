/**
 * The title screen and the way into a call, in Chromium: the loading screen's progress, a first
 * visit's "Start here" played through with the coach, the returning trainee's progress and next
 * call, the game's controls used by keyboard, each card's length agreeing with its briefing, and
 * "Start the call" in view at once on a laptop and a phone. Screenshots go to test-results/.
 */
import { mkdirSync } from 'node:fs';
import type { Page } from 'playwright';
import { beforeAll, describe, expect, it } from 'vitest';
import { INTRO_ID } from '../../src/screens/course.js';
import { answer, browserSuite, seriousViolations } from '../support/browser.js';
import { SHIPPED, loadFile } from '../support/scenarios.js';

const suite = browserSuite();
const library = SHIPPED.map(loadFile);
const LAPTOP = { width: 1280, height: 800 };
const PHONE = { width: 390, height: 844 };

beforeAll(() => {
  mkdirSync('test-results', { recursive: true });
});

/** A page in a fresh context (its own storage) at `size`, its errors collected. */
async function open(size: { width: number; height: number }): Promise<{ page: Page; problems: string[] }> {
  const context = await suite.browser.newContext({ viewport: size });
  const page = await context.newPage();
  const problems: string[] = [];
  page.on('pageerror', (e) => problems.push(e.message));
  page.on('console', (m) => {
    if (m.type() === 'error') problems.push(m.text());
  });
  return { page, problems };
}

describe('the loading screen', () => {
  it('shows the game’s name and the real progress of its files until the menu takes its place', async () => {
    const { page, problems } = await open(LAPTOP);
    // The game's code is held back: the loading screen waits for it, counting what has arrived.
    let release: (() => void) | undefined;
    const released = new Promise<void>((resolve) => {
      release = resolve;
    });
    await page.route(/\/assets\/index-[\w-]+\.js$/, async (route) => {
      await released;
      await route.continue();
    });
    await page.goto(suite.url, { waitUntil: 'commit' });
    const bar = page.getByRole('progressbar', { name: 'Loading Keep Cool' });
    await bar.waitFor();
    await expect
      .poll(() => page.locator('#boot-step').innerText())
      .toMatch(/^Loading the game: \d+ of \d+ files$/);
    const [done, total] = (/(\d+) of (\d+)/.exec(await page.locator('#boot-step').innerText()) ?? [])
      .slice(1)
      .map(Number);
    expect(done).toBeLessThan(total ?? 0);
    expect(Number(await bar.getAttribute('aria-valuenow'))).toBeLessThan(95);
    expect(await page.locator('.boot-mark').getAttribute('src')).toBe('/mark.svg');
    await page.screenshot({ path: 'test-results/loading.png' });

    release?.();
    await page.getByRole('heading', { name: 'Practise calming a difficult customer' }).waitFor();
    expect(await page.locator('.boot').count()).toBe(0);
    expect(problems).toEqual([]);
    await page.context().close();
  });
});

describe('a first visit', () => {
  it('starts here: the introduction, played with the coach, then progress and the next call', async () => {
    const { page, problems } = await open(LAPTOP);
    await page.goto(suite.url);
    await page.getByRole('heading', { name: 'Start here' }).waitFor();
    expect(
      await page.getByRole('list', { name: 'The seven SOARING moves' }).getByRole('listitem').count(),
    ).toBe(7);
    expect(await seriousViolations(page)).toEqual([]);
    // Headings in order: the page's h1, then its parts, then each card's title.
    const levels = await page.locator('h1, h2, h3').evaluateAll((hs) => hs.map((h) => Number(h.tagName[1])));
    expect(levels[0]).toBe(1);
    for (let i = 1; i < levels.length; i++)
      expect((levels[i] ?? 0) - (levels[i - 1] ?? 0)).toBeLessThanOrEqual(1);
    await page.screenshot({ path: 'test-results/menu-title.png' });

    await page.getByRole('link', { name: 'Play your first call' }).click();
    expect(page.url()).toMatch(new RegExp(`#/play/${INTRO_ID}$`));
    await page.getByRole('button', { name: 'Start the call' }).click();
    const coach = page.locator('.coach');
    await answer(page, 'May I stop you for a second');
    await expect.poll(() => coach.textContent()).toContain('That is A and S together');
    await answer(page, 'slows me down in fixing this for you');
    await expect.poll(() => coach.textContent()).toContain('N, Name the misconduct');
    await answer(page, "You say it's fine, but you sound really let down");
    await expect.poll(() => coach.textContent()).toContain('O and R');
    await answer(page, "I'm sorry about the name");
    await expect.poll(() => page.getByRole('heading', { level: 1 }).innerText()).toMatch(/^Debrief/);
    expect(await page.getByRole('heading', { level: 2 }).first().innerText()).toBe('Ending: resolved');

    await page.getByRole('link', { name: 'All scenarios' }).click();
    await page.getByRole('heading', { name: 'Your progress' }).waitFor();
    expect(await page.getByRole('heading', { name: 'Start here' }).count()).toBe(0);
    const moves = page.getByRole('list', { name: 'Your SOARING moves in recent calls' });
    expect(await moves.getByRole('listitem').first().locator('.move-tally').innerText()).toBe('1 of 1');
    // Next up is a call not played yet, and the introduction's card shows its best.
    const next = page.locator('.next-up h3');
    expect(await next.innerText()).not.toBe(library.find((s) => s.id === INTRO_ID)?.title);
    expect(await page.locator(`.scenario-card.intro .best`).innerText()).toMatch(
      /^Best: \d+ \/ 1000 · grade [A-E]$/,
    );
    expect(await seriousViolations(page)).toEqual([]);
    await page.screenshot({ path: 'test-results/menu-returning.png' });
    expect(problems).toEqual([]);
    await page.context().close();
  });
});

describe('the game’s controls', () => {
  it('are real form controls with labels, worked by keyboard, their values shown', async () => {
    const { page, problems } = await open(LAPTOP);
    await page.goto(suite.url);
    await page.getByText('Settings', { exact: true }).click();
    // Segmented buttons are radios: arrow keys move the choice.
    const coach = page.getByRole('radio', { name: 'Coach: feedback after every answer' });
    expect(await coach.isChecked()).toBe(true);
    await coach.focus();
    await page.keyboard.press('ArrowRight');
    expect(
      await page.getByRole('radio', { name: 'Assessment: feedback waits for the debrief' }).isChecked(),
    ).toBe(true);
    await page.getByRole('radio', { name: 'Large', exact: true }).focus();
    await page.keyboard.press('Space');
    expect(await page.evaluate(() => document.documentElement.dataset.textSize)).toBe('large');
    // Switches are checkboxes with the switch role: Space turns them.
    const motion = page.getByRole('switch', { name: 'Reduce motion' });
    await motion.focus();
    await page.keyboard.press('Space');
    expect(await motion.isChecked()).toBe(true);
    expect(await page.evaluate(() => document.documentElement.dataset.motion)).toBe('reduced');
    // Sliders say their value beside them as they move.
    const ambience = page.getByRole('slider', { name: /Room ambience/ });
    await ambience.focus();
    await page.keyboard.press('ArrowLeft');
    expect(await ambience.inputValue()).toBe('45');
    expect(await page.locator('label.volume', { has: ambience }).locator('output').innerText()).toBe('45%');
    await page.locator('.settings').scrollIntoViewIfNeeded();
    await page.screenshot({ path: 'test-results/settings.png' });
    expect(await seriousViolations(page)).toEqual([]);

    // The shift picker is a segmented choice too, and a shift never draws the introduction.
    await page.getByRole('link', { name: 'Start a shift' }).click();
    await page.getByRole('heading', { name: 'Work a shift' }).waitFor();
    const fifteen = page.getByRole('radio', { name: /^15 calls/ });
    await fifteen.check();
    expect(await fifteen.isChecked()).toBe(true);
    expect(await seriousViolations(page)).toEqual([]);
    await page.screenshot({ path: 'test-results/shift-picker.png' });
    await page.getByRole('button', { name: 'Start the shift' }).click();
    const plan = await page.evaluate(
      () =>
        (
          JSON.parse(localStorage.getItem('keep-cool:shift') ?? '{}') as {
            shift: { calls: { id: string }[] };
          }
        ).shift,
    );
    expect(plan.calls).toHaveLength(15);
    expect(plan.calls.map((c) => c.id)).not.toContain(INTRO_ID);
    expect(problems).toEqual([]);
    await page.context().close();
  });
});

describe('the briefing', () => {
  it.each([
    ['a laptop', LAPTOP],
    ['a phone', PHONE],
  ])('on %s: the card’s length is the briefing’s, and Start the call is in view at once', async (_, size) => {
    const { page, problems } = await open(size);
    await page.goto(suite.url);
    await page.getByRole('heading', { name: 'Scenarios' }).waitFor();
    // The routine calls are folded under the others: open them to read their cards.
    await page.locator('details.routine-calls > summary').click();
    for (const scenario of library) {
      const card = page.locator('.scenario-card', { has: page.locator(`a[href="#/play/${scenario.id}"]`) });
      const onCard = await card.locator('.facts').innerText();
      expect(onCard).toContain(`about ${scenario.minutes} min`);
      await page.evaluate((id) => (location.hash = `#/play/${id}`), scenario.id);
      await page.getByRole('heading', { level: 1, name: scenario.title }).waitFor();
      expect(await page.locator('.briefing-header .facts').innerText()).toBe(onCard);
      const start = page.getByRole('button', { name: 'Start the call' });
      // In view without scrolling, and focused, so Enter starts it.
      const box = await start.boundingBox();
      expect(box, scenario.id).not.toBeNull();
      expect(box?.y ?? -1).toBeGreaterThanOrEqual(0);
      expect((box?.y ?? 0) + (box?.height ?? 0), scenario.id).toBeLessThanOrEqual(size.height);
      expect(await page.evaluate(() => window.scrollY)).toBe(0);
      expect(await start.evaluate((b) => b === document.activeElement)).toBe(true);
      if (scenario.id === 'insurance-meal-receipt') {
        expect(await seriousViolations(page)).toEqual([]);
        await page.screenshot({ path: `test-results/briefing-${size.width}x${size.height}.png` });
      }
      await page.evaluate(() => (location.hash = '#/'));
      await page.getByRole('heading', { name: 'Scenarios' }).waitFor();
    }
    expect(problems).toEqual([]);
    await page.context().close();
  });
});
