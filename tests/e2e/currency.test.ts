/**
 * An ending's cost in the scenario's own currency: a British call's debrief counts it in pounds,
 * an American one in dollars, written the page's way.
 */
import { expect, it } from 'vitest';
import { browserSuite, playThrough } from '../support/browser.js';
import { loadFile } from '../support/scenarios.js';

const suite = browserSuite();

it.each([
  ['routine-gift-receipt', '£'],
  ['routine-shoe-size-swap', '$'],
])('%s: the debrief gives the extra cost in %s', async (id, symbol) => {
  expect(loadFile(`scenarios/${id}.yaml`).currency).toBe(symbol === '£' ? 'GBP' : 'USD');
  const context = await suite.browser.newContext({ reducedMotion: 'reduce' });
  try {
    const page = await context.newPage();
    await page.goto(`${suite.url}#/play/${id}`);
    await page.getByRole('button', { name: 'Start the call' }).click();
    await playThrough(page);
    const cost = page.locator('.ending .stats li').filter({ hasText: 'Extra cost' });
    await expect.poll(() => cost.innerText()).toMatch(new RegExp(`Extra cost\\s+\\${symbol}\\d`));
  } finally {
    await context.close();
  }
});
