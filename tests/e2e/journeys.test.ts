/**
 * Whole journeys in Chromium: the score on screen is the engine's replay of the saved transcript,
 * the escalation is reachable by keyboard, the page works at phone size, there are no console
 * errors, and axe finds no serious or critical problems on the briefing, the call or the debrief.
 * Screenshots go to test-results/ for a reviewer.
 */
import { mkdirSync } from 'node:fs';
import type { Page } from 'playwright';
import { beforeAll, describe, expect, it } from 'vitest';
import { replay } from '../../src/engine/index.js';
import { FLAGSHIP_BEST, answer, browserSuite, seriousViolations } from '../support/browser.js';
import { loadFile } from '../support/scenarios.js';

const scenario = loadFile('scenarios/insurance-meal-receipt.yaml');
const suite = browserSuite();

beforeAll(() => {
  mkdirSync('test-results', { recursive: true });
});

async function openPage(
  viewport = { width: 1280, height: 900 },
): Promise<{ page: Page; problems: string[] }> {
  const page = await suite.browser.newPage({ viewport });
  const problems: string[] = [];
  page.on('pageerror', (e) => problems.push(e.message));
  page.on('console', (m) => {
    if (m.type() === 'error') problems.push(m.text());
  });
  await page.goto(`${suite.url}#/play/insurance-meal-receipt`);
  return { page, problems };
}

/** Answers each node in turn with the response containing the given words. */
async function play(page: Page, picks: string[]): Promise<void> {
  for (const says of picks) await answer(page, says);
}

async function savedTotalMatchesReplay(page: Page): Promise<void> {
  const heading = await page.getByRole('heading', { level: 1 }).innerText();
  const shown = Number(/Debrief: (\d+)/.exec(heading)?.[1]);
  const saved = await page.evaluate(() => localStorage.getItem('keep-cool:progress'));
  const progress = JSON.parse(saved ?? '{}') as { attempts: { transcript: unknown; total: number }[] };
  const last = progress.attempts.at(-1);
  const replayed = replay(scenario, last?.transcript);
  if (!replayed.ok) throw new Error(`the saved transcript does not replay: ${replayed.reason}`);
  expect(replayed.result.total).toBe(shown);
  expect(last?.total).toBe(shown);
}

const BEST = FLAGSHIP_BEST;

describe('journeys', () => {
  it('the best ending: the debrief shows the engine’s replay of the saved transcript', async () => {
    const { page, problems } = await openPage();
    expect(await seriousViolations(page)).toEqual([]);
    await page.screenshot({ path: 'test-results/briefing.png', fullPage: true });
    await page.keyboard.press('Enter');
    await play(page, BEST.slice(0, 1));
    await page.screenshot({ path: 'test-results/call-calm.png' });
    expect(await seriousViolations(page)).toEqual([]);
    await play(page, BEST.slice(1));
    await expect.poll(() => page.getByRole('heading', { level: 1 }).innerText()).toMatch(/^Debrief/);
    expect(await page.getByText('Ending: resolved').count()).toBe(1);
    await expect
      .poll(() => page.locator('#stage').getAttribute('data-customer'), { timeout: 5000 })
      .toBe('settled');
    await savedTotalMatchesReplay(page);
    expect(await seriousViolations(page)).toEqual([]);
    await page.screenshot({ path: 'test-results/debrief.png', fullPage: true });
    expect(problems).toEqual([]);
    await page.close();
  });

  it('the escalation to the corporate office, by keyboard', async () => {
    const { page, problems } = await openPage();
    await page.keyboard.press('Enter');
    await play(page, ['The policy covers fifty percent', "That's entirely your choice"]);
    await expect.poll(() => page.getByRole('heading', { level: 1 }).innerText()).toMatch(/^Debrief/);
    expect(await page.getByRole('heading', { level: 2 }).first().innerText()).toBe('Ending: escalated');
    expect(await page.getByText(scenario.endings['corporate-office']?.narrative ?? '-').count()).toBe(1);
    // The escalation is shown, not just reported: the customer walks away from the counter.
    await expect
      .poll(() => page.locator('#stage').getAttribute('data-customer'), { timeout: 5000 })
      .toBe('gone');
    await savedTotalMatchesReplay(page);
    expect(problems).toEqual([]);
    await page.close();
  });

  it('a customer pushed to fury storms out, and the stage shows it', async () => {
    const { page, problems } = await openPage();
    const stage = page.locator('#stage');
    await page.keyboard.press('Enter');
    await expect.poll(() => stage.getAttribute('data-customer')).toBe('present');
    await play(page, [
      'The policy covers fifty percent',
      "You're right, you came a long way",
      "Right, sorry, I'm going to stop you",
      'Are you sure you remember',
    ]);
    await expect.poll(() => page.locator('.meter-value').first().innerText()).toMatch(/furious/);
    // The drawn customer follows the engine: the furious face, the principle node's pose.
    await expect.poll(() => stage.getAttribute('data-mood')).toBe('furious');
    expect(await stage.getAttribute('data-pose')).toBe(scenario.nodes.principle?.cue?.pose ?? 'neutral');
    await page.keyboard.press('Escape');
    await page.screenshot({ path: 'test-results/call-furious.png' });
    await play(page, ['Write to whoever you like']);
    await expect.poll(() => page.getByRole('heading', { level: 1 }).innerText()).toMatch(/^Debrief/);
    // Answered in a rush, every line adds to her anger: she is past her limit and leaves.
    expect(await page.getByRole('heading', { level: 2 }).first().innerText()).toBe('Ending: walked out');
    await expect.poll(() => stage.getAttribute('data-customer'), { timeout: 5000 }).toBe('gone');
    await savedTotalMatchesReplay(page);
    expect(problems).toEqual([]);
    await page.close();
  });

  it('the menu has no serious accessibility problems', async () => {
    const page = await suite.browser.newPage({ viewport: { width: 1280, height: 900 } });
    await page.goto(suite.url);
    await page.getByRole('heading', { name: 'Practise calming a difficult customer' }).waitFor();
    expect(await seriousViolations(page)).toEqual([]);
    await page.screenshot({ path: 'test-results/menu.png', fullPage: true });
    await page.close();
  });

  it('plays at phone size, 360 × 640, by touch-sized buttons', async () => {
    const { page, problems } = await openPage({ width: 360, height: 640 });
    await page.getByRole('button', { name: 'Start the call' }).click();
    await page.keyboard.press('Escape');
    const answers = page.getByRole('group', { name: 'Your answer' }).getByRole('button');
    await expect.poll(() => answers.count()).toBeGreaterThan(1);
    for (const box of await Promise.all((await answers.all()).map((b) => b.boundingBox()))) {
      expect(box?.height).toBeGreaterThanOrEqual(44);
      expect((box?.x ?? 0) + (box?.width ?? 0)).toBeLessThanOrEqual(360);
    }
    const scrollWidth = await page.evaluate(() => document.documentElement.scrollWidth);
    expect(scrollWidth).toBeLessThanOrEqual(360);
    await page.screenshot({ path: 'test-results/phone-call.png', fullPage: true });
    expect(problems).toEqual([]);
    await page.close();
  });
});
