/**
 * The debrief and the history in Chromium: the results (score, ending, three things to work on and
 * the buttons) fit the first screen of a laptop and of a phone, with the review folded on the phone;
 * a thing to work on opens its decision; a reload shows the same debrief from its address; every
 * row of the history opens its call's debrief, page by page; old saves, older scoring rules and bad
 * addresses are said in words, never a crash. Screenshots go to test-results/ for a reviewer.
 */
import { mkdirSync } from 'node:fs';
import type { Page } from 'playwright';
import { beforeAll, describe, expect, it } from 'vitest';
import { explore, replay, type ScoreResult, type Transcript } from '../../src/engine/index.js';
import { emptyProgress, withAttempt, type Progress } from '../../src/device/progress.js';
import { FLAGSHIP, answer, browserSuite, seriousViolations } from '../support/browser.js';
import { loadFile } from '../support/scenarios.js';

const scenario = loadFile('scenarios/insurance-meal-receipt.yaml');
const suite = browserSuite();

beforeAll(() => {
  mkdirSync('test-results', { recursive: true });
});

const DESKTOP = { width: 1280, height: 800 };
const PHONE = { width: 390, height: 844 };

/** Four answers, three of them faults: a debrief with three things to work on and a rewind. */
const ROUGH = [
  "I'm glad you came in",
  'May I stop you for a moment',
  'Are you sure',
  'Principles are expensive',
];

/** Opens a page at `address` in a fresh context, collecting page errors. */
async function open(
  address: string,
  viewport: { width: number; height: number },
): Promise<{ page: Page; errors: string[]; close: () => Promise<void> }> {
  const context = await suite.browser.newContext({ viewport });
  const page = await context.newPage();
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  await page.goto(address);
  return { page, errors, close: () => context.close() };
}

const heading = (page: Page) => page.getByRole('heading', { level: 1 });

/** Whether the element is wholly inside the first screen (the page scrolled to its top). */
async function inFirstScreen(page: Page, name: string, locator: ReturnType<Page['locator']>): Promise<void> {
  const viewport = page.viewportSize();
  const box = await locator.boundingBox();
  const scrolled = await page.evaluate(() => window.scrollY);
  expect(scrolled, 'the debrief opens at its top').toBe(0);
  expect(box, `${name} is shown`).not.toBeNull();
  expect((box?.y ?? 0) + (box?.height ?? 0), `${name} ends inside the first screen`).toBeLessThanOrEqual(
    viewport?.height ?? 0,
  );
}

/** Writes `progress` into the page's storage and opens `hash`. */
async function seed(page: Page, progress: unknown, hash: string): Promise<void> {
  await page.evaluate((raw) => {
    localStorage.setItem('keep-cool:progress', raw);
  }, JSON.stringify(progress));
  await page.goto(`${suite.url}${hash}`);
  await page.reload();
}

describe('the debrief’s first screen', () => {
  for (const [size, viewport] of [
    ['desktop', DESKTOP],
    ['phone', PHONE],
  ] as const) {
    it(`shows the score, the ending, three things to work on and the buttons at ${viewport.width}×${viewport.height}`, async () => {
      const { page, errors, close } = await open(suite.url + FLAGSHIP, viewport);
      try {
        await page.getByRole('button', { name: 'Start the call' }).click();
        for (const says of ROUGH) await answer(page, says);
        await expect.poll(() => heading(page).innerText()).toMatch(/^Debrief: \d+ \/ 1000 · grade [A-E]$/);
        // Focus is on the score, and the address is the debrief's own.
        expect(await page.evaluate(() => document.activeElement?.tagName)).toBe('H1');
        expect(page.url()).toMatch(/#\/debrief\/insurance-meal-receipt\/1$/);

        await inFirstScreen(page, 'the score', heading(page));
        await inFirstScreen(page, 'the ending', page.getByRole('heading', { name: /^Ending: / }));
        const lessons = page.locator('.work-on li');
        expect(await lessons.count()).toBe(3);
        await inFirstScreen(page, 'the third thing to work on', lessons.nth(2));
        for (const name of ['Play again', /^Rewind to decision \d+$/]) {
          await inFirstScreen(page, `the ${String(name)} button`, page.getByRole('button', { name }));
        }
        await inFirstScreen(page, 'the next scenario', page.getByRole('link', { name: /^Next: / }));

        // The review follows, folded on a phone, open on a laptop.
        const decisions = page.getByRole('button', { name: /^Your decisions/ });
        expect(await decisions.getAttribute('aria-expanded')).toBe(size === 'phone' ? 'false' : 'true');
        expect(await seriousViolations(page)).toEqual([]);
        await page.screenshot({ path: `test-results/debrief-${size}-top.png` });

        // A thing to work on unfolds its decision, brings it into view and moves the focus there.
        const see = page.getByRole('button', { name: /^See decision \d+$/ }).first();
        const n = /(\d+)$/.exec(await see.innerText())?.[1] ?? '?';
        await see.click();
        expect(await decisions.getAttribute('aria-expanded')).toBe('true');
        await expect.poll(() => page.evaluate(() => document.activeElement?.id)).toBe(`decision-${n}`);
        await expect
          .poll(async () => {
            const box = await page.locator(`#decision-${n}`).boundingBox();
            return box !== null && box.y >= -1 && box.y < viewport.height;
          })
          .toBe(true);
        await page.screenshot({ path: `test-results/debrief-${size}-review.png` });
        expect(await seriousViolations(page)).toEqual([]);
        expect(errors).toEqual([]);
      } finally {
        await close();
      }
    });
  }
});

describe('the debrief’s address', () => {
  it('a reload shows the same debrief; play again and rewind give the call its address back', async () => {
    const { page, errors, close } = await open(suite.url + FLAGSHIP, DESKTOP);
    try {
      await page.getByRole('button', { name: 'Start the call' }).click();
      for (const says of ['The policy covers fifty percent', "That's entirely your choice"])
        await answer(page, says);
      await expect.poll(() => heading(page).innerText()).toMatch(/^Debrief: \d+/);
      const shown = await heading(page).innerText();
      const lessons = await page.locator('.work-on li').allInnerTexts();
      expect(page.url()).toMatch(/#\/debrief\/insurance-meal-receipt\/1$/);

      await page.reload();
      await expect.poll(() => heading(page).innerText()).toBe(shown);
      expect(await page.locator('.work-on li').allInnerTexts()).toEqual(lessons);
      expect(await page.getByText('Ending: escalated').count()).toBe(1);
      expect(await page.evaluate(() => document.activeElement?.tagName)).toBe('H1');
      // The stage, started afresh, shows how the call ended: the customer has left the counter.
      await expect.poll(() => page.locator('#stage').getAttribute('data-customer')).toBe('gone');
      expect(await page.locator('#stage').getAttribute('data-setting')).toBe(scenario.setting);
      await page.screenshot({ path: 'test-results/debrief-reopened.png' });
      // The conversation is read back from the replay, in the order it was said.
      const said = await page.locator('.log li.you').allInnerTexts();
      expect(said).toHaveLength(2);
      expect(said[0]).toContain('The policy covers fifty percent');

      await page.getByRole('button', { name: /^Rewind to decision \d+$/ }).click();
      await expect.poll(() => page.url()).toMatch(/#\/play\/insurance-meal-receipt$/);
      await expect
        .poll(() => page.locator('.log li.note').last().innerText())
        .toMatch(/^Rewound to decision/);

      await page.goto(`${suite.url}#/debrief/insurance-meal-receipt/1`);
      await expect.poll(() => heading(page).innerText()).toBe(shown);
      await page.getByRole('button', { name: 'Play again' }).click();
      await expect.poll(() => heading(page).innerText()).toBe(scenario.title);
      expect(page.url()).toMatch(/#\/play\/insurance-meal-receipt$/);
      expect(errors).toEqual([]);
    } finally {
      await close();
    }
  });

  it.each([
    ['#/debrief/constructor/99', /There is no scenario called “constructor” here/],
    ['#/debrief/insurance-meal-receipt/99', /You have not finished “.+” on this device yet/],
    ['#/debrief/insurance-meal-receipt/abc', /“abc” is not a call number/],
    ['#/debrief/%E0%A4%A/1', /damaged/],
    ['#/debrief', /names a scenario and a call number/],
  ])('%s says what is wrong and offers a way back', async (hash, message) => {
    const { page, errors, close } = await open(`${suite.url}${hash}`, PHONE);
    try {
      await expect.poll(() => heading(page).innerText()).toBe('No debrief here');
      expect(await page.locator('main').innerText()).toMatch(message);
      expect(await page.getByRole('link', { name: 'Your calls' }).count()).toBe(1);
      expect(await page.getByRole('link', { name: 'All scenarios' }).count()).toBe(1);
      expect(await page.evaluate(() => document.activeElement?.tagName)).toBe('H1');
      if (hash.includes('constructor')) expect(await seriousViolations(page)).toEqual([]);
      expect(errors).toEqual([]);
    } finally {
      await close();
    }
  });
});

/** The flagship's best and worst plays, to fill a history with. */
function plays(): { transcript: Transcript; result: ScoreResult }[] {
  const { best, worst } = explore(scenario);
  if (!best || !worst) throw new Error('no paths');
  return [best, worst].map(({ transcript }) => {
    const replayed = replay(scenario, transcript);
    if (!replayed.ok) throw new Error(replayed.reason);
    return { transcript, result: replayed.result };
  });
}

describe('the history', () => {
  it('keeps every call, twenty to a page, and each row opens its debrief', async () => {
    const [best, worst] = plays();
    if (!best || !worst) throw new Error('no plays');
    let progress: Progress = emptyProgress();
    for (let i = 0; i < 45; i++) {
      const play = i % 2 === 0 ? best : worst;
      progress = withAttempt(progress, play.transcript, play.result, new Date(Date.UTC(2026, 0, 1, 9, i)));
    }
    // The oldest call keeps its summary only; the second oldest was scored by older rules.
    const [oldest, second] = progress.attempts;
    if (!oldest || !second) throw new Error('no attempts');
    delete oldest.transcript;
    second.scoring = 1;
    second.total = 777;
    second.grade = 'B';

    for (const viewport of [DESKTOP, PHONE]) {
      const { page, errors, close } = await open(suite.url, viewport);
      try {
        await seed(page, progress, '#/');
        const history = page.locator('.history tbody tr');
        await expect.poll(() => history.count()).toBe(20);
        const size = viewport === PHONE ? 'phone' : 'desktop';
        await page.getByRole('link', { name: 'Older →' }).click();
        await expect.poll(() => heading(page).innerText()).toBe('Your calls');
        expect(page.url()).toMatch(/#\/history\/2$/);
        expect(await page.getByText('Page 2 of 3 · 45 calls').count()).toBe(1);
        await page.screenshot({ path: `test-results/history-${size}.png` });
        if (viewport === DESKTOP) {
          expect(await seriousViolations(page)).toEqual([]);
          await page.getByRole('link', { name: 'Older →' }).click();
          await expect.poll(() => history.count()).toBe(5);
          // The oldest row opens a summary: its score kept, its decisions no longer.
          await history.last().getByRole('link').click();
          await expect.poll(() => page.url()).toMatch(/#\/debrief\/insurance-meal-receipt\/1$/);
          await expect
            .poll(() => heading(page).innerText())
            .toBe(`Debrief: ${oldest.total} / 1000 · grade ${oldest.grade}`);
          expect(await page.getByText(/Only the newest 500 calls/).count()).toBe(1);
          await page.goBack();
          // The call scored by older rules keeps its total and says so.
          await history.nth(3).click();
          await expect.poll(() => page.url()).toMatch(/#\/debrief\/insurance-meal-receipt\/2$/);
          await expect.poll(() => heading(page).innerText()).toBe('Debrief: 777 / 1000 · grade B');
          expect(await page.locator('.older-rules').innerText()).toMatch(/version 1 scoring rules/);
          expect(await seriousViolations(page)).toEqual([]);
        } else {
          // A row anywhere opens its call: the newest on page 1 is call 45.
          await page.getByRole('link', { name: '← Newer' }).click();
          await expect.poll(() => page.url()).toMatch(/#\/history$/);
          await history.first().getByRole('link').click();
          await expect.poll(() => page.url()).toMatch(/#\/debrief\/insurance-meal-receipt\/45$/);
          await expect.poll(() => heading(page).innerText()).toMatch(/^Debrief: \d+ \/ 1000/);
        }
        expect(errors).toEqual([]);
      } finally {
        await close();
      }
    }
  });

  it('reads progress saved by the version 1 store, and a damaged store gets a notice, not a crash', async () => {
    const [best] = plays();
    if (!best) throw new Error('no plays');
    const attempt = withAttempt(emptyProgress(), best.transcript, best.result, new Date()).attempts[0];
    const v1: Record<string, unknown> = { ...attempt };
    // Version 1 kept neither the mode nor the moves and don'ts beside the transcript.
    delete v1.mode;
    delete v1.moves;
    delete v1.donts;
    const { page, errors, close } = await open(suite.url, PHONE);
    try {
      await seed(page, { version: 1, attempts: [v1], inProgress: null }, '#/history');
      await expect.poll(() => page.locator('.history tbody tr').count()).toBe(1);
      await page.locator('.history tbody tr').first().getByRole('link').click();
      await expect
        .poll(() => heading(page).innerText())
        .toBe(`Debrief: ${best.result.total} / 1000 · grade ${best.result.grade}`);

      await page.evaluate(() => {
        localStorage.setItem('keep-cool:progress', '{"version": 2, "attempts": [oops');
      });
      await page.goto(`${suite.url}#/debrief/insurance-meal-receipt/1`);
      await page.reload();
      await expect.poll(() => heading(page).innerText()).toBe('No debrief here');
      expect(await page.getByRole('status').first().innerText()).toMatch(/could not be read/);
      await page.goto(`${suite.url}#/history/7`);
      await expect.poll(() => heading(page).innerText()).toBe('Your calls');
      expect(await page.getByRole('status').first().innerText()).toMatch(/There is no page “7”/);
      expect(errors).toEqual([]);
    } finally {
      await close();
    }
  });
});
