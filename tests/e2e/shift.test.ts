/**
 * A whole shift in Chromium: ten calls in a row from the library (mostly routine, one hostile), a
 * defensive opening that turns a pleasant caller sour, then the estimate and the real share side by
 * side. Screenshots: test-results/shift-estimate.png and shift-result.png.
 */
import type { Page } from 'playwright';

import { describe, expect, it } from 'vitest';
import { bestResponse, type Scenario } from '../../src/engine/index.js';
import { browserSuite } from '../support/browser.js';
import { SHIPPED, loadFile } from '../support/scenarios.js';

const library = SHIPPED.map(loadFile);
const suite = browserSuite();
/** Seeds the page's Math.random, so the shift drawn is the same every run (today: the gym that kept charging is its hostile call, with amounts and variants in its answers). */
const SEED = 3;

/** Whether an answer button shows `says`: a `{name}` in it reads as the variable's value, whatever it is. */
function shows(text: string, says: string): boolean {
  const pattern = says
    .split(/\{[a-z][a-z0-9-]*\}/)
    .map((part) => part.replace(/[.*+?^$()|[\]\\{}]/g, '\\$&'));
  return new RegExp(pattern.join('.*?')).test(text);
}

/** Every wording a response can be shown in: its words and its variants' words. */
function wordings(response: Scenario['nodes'][string]['responses'][number]): string[] {
  return [response.says, ...response.variants.map((v) => v.says)];
}

/** Whether a button's text is one of the response's wordings. */
function isShown(text: string, response: Scenario['nodes'][string]['responses'][number]): boolean {
  return wordings(response).some((says) => shows(text, says));
}

/**
 * The scenario and node whose responses are the answer buttons on screen: every button is one of
 * its responses, and every response is on one button.
 */
function nodeOnScreen(texts: string[]): { scenario: Scenario; node: string } {
  for (const scenario of library) {
    for (const [id, node] of Object.entries(scenario.nodes)) {
      if (
        node.responses.length === texts.length &&
        node.responses.every((r) => texts.some((t) => isShown(t, r))) &&
        texts.every((t) => node.responses.some((r) => isShown(t, r)))
      ) {
        return { scenario, node: id };
      }
    }
  }
  throw new Error(`no node answers with: ${texts.join(' | ')}`);
}

/** Plays the call on screen to its debrief: the best answer everywhere, or the worst first answer. */
async function playCall(page: Page, openDefensively: boolean): Promise<void> {
  const heading = page.getByRole('heading', { level: 1 });
  const buttons = page.getByRole('group', { name: 'Your answer' }).getByRole('button');
  await page.getByRole('button', { name: 'Start the call' }).click();
  for (let turn = 0; turn < 40; turn++) {
    await page.keyboard.press('Escape');
    await expect
      .poll(async () => ((await heading.innerText()).startsWith('Debrief') ? 1 : await buttons.count()), {
        timeout: 5000,
      })
      .toBeGreaterThan(0);
    if ((await heading.innerText()).startsWith('Debrief')) return;
    const { scenario, node } = nodeOnScreen(await buttons.allInnerTexts());
    const current = scenario.nodes[node];
    if (!current) throw new Error(`no node ${node}`);
    const { responses } = current;
    const worst = [...responses].sort((a, b) => b.breaks.length - a.breaks.length)[0];
    const pick = turn === 0 && openDefensively ? worst : bestResponse(current);
    const before = await page.locator('.log li').count();
    const texts = await buttons.allInnerTexts();
    const index = texts.findIndex((t) => pick !== undefined && isShown(t, pick));
    if (index < 0) throw new Error(`no button shows ${pick?.id ?? 'an answer'} at ${scenario.id}/${node}`);
    await page.keyboard.press(String(index + 1));
    await expect.poll(() => page.locator('.log li').count()).toBeGreaterThan(before);
  }
  throw new Error('the call did not end');
}

describe('the shift', () => {
  it('plays ten calls, then shows the estimate next to the real share of hostile calls', async () => {
    const context = await suite.browser.newContext({ viewport: { width: 1280, height: 900 } });
    const page = await context.newPage();
    const problems: string[] = [];
    page.on('pageerror', (e) => problems.push(e.message));
    // The same shift every run (the page draws its seed from Math.random): a seeded generator.
    await page.addInitScript((seed: number) => {
      let a = seed;
      Math.random = () => {
        a = (a + 0x6d2b79f5) | 0;
        let t = Math.imul(a ^ (a >>> 15), 1 | a);
        t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
        return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
      };
    }, SEED);
    await page.goto(suite.url);
    await page.getByRole('link', { name: 'Start a shift' }).click();
    await page.getByRole('heading', { name: 'Work a shift' }).waitFor();
    await page.getByRole('button', { name: 'Start the shift' }).click();

    const saved = async () =>
      JSON.parse((await page.evaluate(() => localStorage.getItem('keep-cool:shift'))) ?? '{}') as {
        shift: { calls: { id: string; hostile: boolean }[]; outcomes: { soured: boolean }[] };
      };
    const plan = (await saved()).shift.calls;
    expect(plan).toHaveLength(10);
    expect(plan.filter((c) => c.hostile)).toHaveLength(1);

    for (let i = 0; i < plan.length; i++) {
      await expect
        .poll(() => page.locator('.brand').first().textContent())
        .toBe(`Your shift · call ${i + 1} of 10`);
      await playCall(page, i === 0);
      const next = page.getByRole('button', {
        name: i === plan.length - 1 ? 'End the shift' : `Next call (${i + 2} of 10)`,
      });
      await next.click();
    }
    const outcomes = (await saved()).shift.outcomes;
    expect(outcomes).toHaveLength(10);
    // The defensive opening turned the first (routine) caller sour; the best answers never did.
    expect(outcomes.map((o) => o.soured)).toEqual([true, ...Array.from({ length: 9 }, () => false)]);

    await page.getByRole('heading', { name: 'Your shift is over' }).waitFor();
    const slider = page.getByRole('slider');
    await slider.focus();
    await page.keyboard.press('End');
    for (let i = 0; i < 4; i++) await page.keyboard.press('ArrowLeft');
    expect(await slider.inputValue()).toBe('80');
    await page.screenshot({ path: 'test-results/shift-estimate.png' });
    await page.getByRole('button', { name: 'Compare with the real share' }).click();

    await page.getByRole('heading', { name: 'What the day was really like' }).waitFor();
    const gap = page.locator('.gap');
    expect(await gap.innerText()).toContain('80%');
    expect(await gap.innerText()).toContain('10% · 1 of 10 calls');
    expect(
      await page.getByText('It happened today: 1 routine call turned sour after your first answer.').count(),
    ).toBe(1);
    await page.screenshot({ path: 'test-results/shift-result.png', fullPage: true });
    expect(problems).toEqual([]);
    await context.close();
  });
});
