/**
 * Every screen a trainee meets, on a laptop and a phone, in the order a first visit meets them: the
 * title screen, the briefing, the call at its first decision, the debrief, the menu of a returning
 * trainee, the history, the shift picker, author mode, and the workshop's join and host pages. Each
 * one is checked by axe (no serious or critical problem), must not scroll sideways, and is kept as
 * a screenshot in test-results/screens/ to look at (the projector, a big-screen page, is in the
 * workshop's own tests).
 */
import { mkdirSync } from 'node:fs';
import type { Page } from 'playwright';
import { beforeAll, describe, expect, it } from 'vitest';
import { FLAGSHIP, FLAGSHIP_BEST, answer, browserSuite, seriousViolations } from '../support/browser.js';

const suite = browserSuite();
const DEVICES = [
  { name: 'laptop', viewport: { width: 1280, height: 800 } },
  { name: 'phone', viewport: { width: 390, height: 844 } },
] as const;

beforeAll(() => {
  mkdirSync('test-results/screens', { recursive: true });
});

/** The screen as it is now: no serious accessibility problem, no sideways scroll, a screenshot. */
async function look(page: Page, device: string, screen: string): Promise<void> {
  expect(await seriousViolations(page), screen).toEqual([]);
  // What sticks out past the right edge, named, so a failure says where to look.
  const sticksOut = await page.evaluate(() =>
    document.documentElement.scrollWidth > window.innerWidth
      ? [...document.querySelectorAll('body *')]
          .filter((e) => e.getBoundingClientRect().right > window.innerWidth + 0.5)
          .slice(0, 5)
          .map((e) => `${e.tagName.toLowerCase()}${e.id ? `#${e.id}` : ''}.${[...e.classList].join('.')}`)
      : [],
  );
  expect(sticksOut, `${screen} scrolls sideways`).toEqual([]);
  await page.screenshot({ path: `test-results/screens/${device}-${screen}.png` });
}

const heading = (page: Page) => page.getByRole('heading', { level: 1 });

describe.each(DEVICES)('every screen on a $name', ({ name, viewport }) => {
  it('from the title screen through a call, its debrief and the history, to the other pages', async () => {
    const context = await suite.browser.newContext({ viewport });
    const page = await context.newPage();
    const problems: string[] = [];
    page.on('pageerror', (e) => problems.push(e.message));
    page.on('console', (m) => {
      if (m.type() === 'error') problems.push(m.text());
    });
    try {
      await page.goto(suite.url);
      await page.getByRole('heading', { name: 'Start here' }).waitFor();
      await look(page, name, '01-title');

      await page.goto(suite.url + FLAGSHIP);
      await page.getByRole('button', { name: 'Start the call' }).waitFor();
      await look(page, name, '02-briefing');

      await page.getByRole('button', { name: 'Start the call' }).click();
      await page.getByRole('group', { name: /Your answer/ }).waitFor();
      await look(page, name, '03-call');

      for (const says of FLAGSHIP_BEST) await answer(page, says);
      await expect.poll(() => heading(page).innerText()).toMatch(/^Debrief/);
      await look(page, name, '04-debrief');

      await page.goto(suite.url);
      await page.getByRole('heading', { name: /Your progress/ }).waitFor();
      await look(page, name, '05-menu-returning');

      await page.goto(`${suite.url}#/history/1`);
      await page.getByRole('table').waitFor();
      await look(page, name, '06-history');

      const pages: [string, string, RegExp][] = [
        ['#/shift', '07-shift', /shift/i],
        ['#/author', '08-author', /scenario/i],
        ['#/join', '09-workshop-join', /join/i],
        ['#/host', '10-workshop-host', /room|workshop/i],
      ];
      for (const [hash, screen, title] of pages) {
        await page.goto(suite.url + hash);
        await expect.poll(() => heading(page).innerText()).toMatch(title);
        await look(page, name, screen);
      }
      expect(problems).toEqual([]);
    } finally {
      await context.close();
    }
  });
});
