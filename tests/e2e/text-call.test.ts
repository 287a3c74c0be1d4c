/**
 * The page in Chromium: a trainee plays the flagship with the keyboard alone, every line and answer
 * is page text in an ARIA log and real buttons, and the debrief shows the engine's outcome.
 */
import type { BrowserContext, Page } from 'playwright';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { explore, initialState, modelIMessage } from '../../src/engine/index.js';
import { FLAGSHIP, answer, answerButtons, browserSuite, buildIMessage, withTab } from '../support/browser.js';
import { loadFile } from '../support/scenarios.js';

const scenario = loadFile('scenarios/insurance-meal-receipt.yaml');
const initialLine = () => initialState(scenario).line;
const suite = browserSuite();
const { url } = suite;

describe('text practice call', () => {
  // Each test opens the flagship's briefing in a fresh context (its own storage).
  let context: BrowserContext;
  let page: Page;
  beforeEach(async () => {
    context = await suite.browser.newContext();
    page = await context.newPage();
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    await page.goto(`${url}#/play/insurance-meal-receipt`);
    expect(errors).toEqual([]);
  });
  afterEach(async () => {
    await context.close();
  });

  it('briefs the trainee before the call', async () => {
    await expect(page.getByRole('heading', { level: 1 }).innerText()).resolves.toBe(scenario.title);
    expect(await page.getByText(scenario.customer.persona).count()).toBe(1);
    for (const goal of scenario.goals) expect(await page.getByText(goal).count()).toBe(1);
    // The drawn customer is decoration for sighted players; the text says everything it shows.
    await expect.poll(() => page.locator('#stage canvas').count()).toBe(1);
    expect(await page.locator('#stage').getAttribute('aria-hidden')).toBe('true');
  });

  it('plays the best path by keyboard and shows the debrief', async () => {
    const best = explore(scenario).best;
    if (!best) throw new Error('no best path');
    await page.keyboard.press('Enter'); // the start button has focus
    const log = page.getByRole('log', { name: 'Conversation' });
    expect(await log.getAttribute('aria-live')).toBe('polite');

    // The customer's line types out first; the answers wait until it is heard or skipped.
    const buttons = page.getByRole('group', { name: 'Your answer' }).getByRole('button');
    expect(await buttons.count()).toBe(0);
    expect(await page.getByRole('button', { name: 'Show the whole line (Esc)' }).count()).toBe(1);
    expect(await log.locator('li .line').first().textContent()).toBe(initialLine());

    for (const decision of best.score.decisions) {
      const node = scenario.nodes[decision.node];
      if (!node) throw new Error(`no node ${decision.node}`);
      await page.keyboard.press('Escape');
      await expect.poll(() => buttons.count()).toBe(node.responses.length);
      // Every answer is a button (in the page's own order, which is not the file's).
      const texts = await buttons.allInnerTexts();
      for (const r of node.responses) expect(texts.filter((t) => t.includes(r.says))).toHaveLength(1);
      // The customer's line is in the log as text.
      expect(await log.innerText()).toContain(scenario.customer.name);
      const index = texts.findIndex((t) => t.includes(decision.says));
      if (decision.kind === 'i-message') {
        // The best path builds the I-message from its pieces, by keyboard.
        const model = modelIMessage(scenario, decision.node) ?? [];
        await buildIMessage(
          page,
          model.map((p) => p.text),
        );
      } else {
        await page.keyboard.press(String(index + 1));
      }
      await expect.poll(() => page.locator('.log li.you').last().textContent()).toContain(decision.says);
      // The conversation stays in the order it happened: the answer comes before the reply to it.
      const entries: string[] = await page
        .locator('.log li.you, .log li.customer')
        .evaluateAll((items: HTMLElement[]) =>
          items.map((li) => (li.classList.contains('you') ? 'you' : 'customer')),
        );
      expect(entries.filter((c) => c === 'you')).toHaveLength(decision.index + 1);
      expect(entries.at(-1) === 'customer' && entries.at(-2) === 'you').toBe(true);
    }

    const heading = page.getByRole('heading', { level: 1 });
    await expect.poll(() => heading.innerText()).toMatch(/^Debrief: \d+ \/ 1000 · grade [A-E]$/);
    const ending = best.score.ending;
    expect(await page.getByText(ending?.narrative ?? '-').count()).toBe(1);
    expect(await page.getByText(scenario.endings[ending?.id ?? '']?.says ?? '-').count()).toBeGreaterThan(0);
    expect(await page.getByText(`Gratitude ${ending?.gratitude}/4`).count()).toBe(1);
    // The total is explained part by part: the four parts earned, less what the faults took.
    const parts = await page.locator('.score-parts li strong').allInnerTexts();
    expect(parts.map((p) => p.split(' ')[0])).toEqual([
      'Technique',
      'Conduct',
      'Timing',
      'Outcome',
      'Faults',
    ]);
    const earned = parts.slice(0, 4).reduce((total, p) => total + Number(/ (\d+) \//.exec(p)?.[1]), 0);
    const penalty = Number(
      /^Faults −(\d+)$/.exec(parts[4] ?? '')?.[1] ?? (parts[4] === 'Faults none' ? 0 : NaN),
    );
    const sum = earned - penalty;
    expect(`Debrief: ${sum} / 1000`).toBe((await heading.innerText()).split(' · ')[0]);
  });
});

describe('feedback modes', () => {
  it('coaches after each answer by default, and holds feedback back in assessment mode', async () => {
    const first = scenario.nodes.arrival?.responses.find((r) => r.id === 'listen-first');
    if (!first) throw new Error('scenario changed');
    await withTab(suite.browser, url + FLAGSHIP, async (tab) => {
      await tab.getByRole('button', { name: 'Start the call' }).click();
      await answer(tab, first.says);
      const coach = tab.locator('.coach');
      await expect.poll(() => coach.textContent()).toContain(first.feedback);
      expect(await coach.textContent()).toContain('Used: Actively listen, Indicate you care');

      await tab.reload();
      await tab.getByText('Settings').click();
      await tab.getByLabel('Assessment: feedback waits for the debrief').check();
      await tab.getByRole('radio', { name: 'Larger', exact: true }).check();
      await tab.reload();
      expect(await tab.evaluate(() => document.documentElement.dataset.textSize)).toBe('larger');
      await tab.getByRole('button', { name: 'Start over' }).click();
      await answer(tab, first.says);
      await expect.poll(() => tab.locator('.log li.you').count()).toBe(1);
      expect(await coach.textContent()).toBe('');
    });
  });
});

describe('rewind', () => {
  it('rewinds to a decision in the debrief and plays on to another ending', async () => {
    await withTab(suite.browser, url + FLAGSHIP, async (tab) => {
      await tab.getByRole('button', { name: 'Start the call' }).click();
      for (const says of [
        "I'm glad you came in",
        'May I stop you for a moment',
        'Are you sure',
        'Principles are expensive',
      ]) {
        await answer(tab, says);
      }
      await expect.poll(() => tab.getByRole('heading', { level: 1 }).innerText()).toMatch(/^Debrief/);
      expect(await tab.getByText('Ending: escalated').count()).toBe(1);

      await tab.getByRole('button', { name: 'Rewind to here: decision 3, and play on from there' }).click();
      // The conversation up to decision 3 is back, and the customer is at that moment again.
      await expect.poll(() => tab.locator('.log li.you').count()).toBe(2);
      expect(await tab.locator('.log li.note').last().innerText()).toBe(
        'Rewound to decision 3: the customer says that again. What do you answer this time?',
      );
      await answer(tab, 'So on the day of the fire');
      await expect.poll(() => tab.locator('.log li.you').count()).toBe(3);
    });
  });
});

/** The total in the debrief heading. */
async function shownTotal(tab: Page): Promise<string> {
  const heading = tab.getByRole('heading', { level: 1 });
  await expect.poll(() => heading.innerText()).toMatch(/^Debrief: \d+/);
  return /Debrief: (\d+)/.exec(await heading.innerText())?.[1] ?? '?';
}

describe('silence', () => {
  it('a trainee who says nothing past the customer’s patience hears about it, and it is recorded', async () => {
    const context = await suite.browser.newContext();
    const tab = await context.newPage();
    try {
      await tab.clock.install();
      await tab.goto(url + FLAGSHIP);
      // Installed, the fake clock still follows real time; paused, it moves only when told, so a busy
      // machine cannot slip a second silence in between the steps below. A minute ahead, so the page's
      // clock cannot have passed it already however slow the round trip (nothing runs on the briefing).
      await tab.clock.pauseAt((await tab.evaluate(() => Date.now())) + 60_000);
      await tab.getByRole('button', { name: 'Start the call' }).click();
      await tab.keyboard.press('Escape');
      await expect.poll(() => answerButtons(tab).count()).toBeGreaterThan(1);
      const anger = tab.locator('.meter-value').first();
      const before = Number.parseInt(await anger.innerText(), 10);
      expect(before).toBe(scenario.customer.anger);

      const arrival = scenario.nodes[scenario.start];
      await tab.clock.fastForward((scenario.customer.patience + 12) * 1000);
      const log = tab.getByRole('log');
      await expect.poll(() => log.innerText()).toContain(arrival?.silence ?? '-');
      expect(Number.parseInt(await anger.innerText(), 10)).toBe(before + scenario.customer.silence_anger);

      // The silence is part of the saved call, so a reload or the debrief sees it too.
      const saved = await tab.evaluate(() => localStorage.getItem('keep-cool:progress'));
      const events = (JSON.parse(saved ?? '{}') as { inProgress?: { events: { kind: string }[] } }).inProgress
        ?.events;
      expect(events?.map((e) => e.kind)).toEqual(['silence']);

      // Played on to the end, the debrief names the silence among the decisions.
      const answers = answerButtons(tab);
      for (let i = 0; i < 30 && !(await tab.getByRole('heading', { name: /^Debrief/ }).count()); i++) {
        await tab.keyboard.press('Escape');
        if ((await answers.count()) > 0) await tab.keyboard.press('1');
        await tab.clock.fastForward(50);
      }
      await expect
        .poll(() => tab.locator('section.card', { hasText: 'Your decisions' }).innerText())
        .toContain('Before your first answer you said nothing until their patience ran out, once');
    } finally {
      await context.close();
    }
  });
});

describe('progress on the device', () => {
  it('resumes a call interrupted by a reload, then keeps the best score', async () => {
    await withTab(suite.browser, url + FLAGSHIP, async (tab) => {
      await tab.getByRole('button', { name: 'Start the call' }).click();
      await answer(tab, "I'm glad you came in");
      await expect.poll(() => tab.locator('.log li.you').count()).toBe(1);
      const lines = tab.locator('.log li .line');
      const before = await lines.allTextContents();

      await tab.reload();
      const resume = tab.getByRole('button', { name: 'Resume your call' });
      await expect.poll(() => resume.count()).toBe(1);
      await tab.keyboard.press('Enter'); // focus is on Resume
      await expect.poll(() => lines.allTextContents()).toEqual(before);
      await tab.keyboard.press('Escape');
      const answers = answerButtons(tab);
      await expect.poll(() => answers.count()).toBe(scenario.nodes['the-story']?.responses.length);

      // Play on to an ending by always taking the first answer.
      const debrief = tab.getByRole('heading', { name: /^Debrief/ });
      const ended = async () => (await debrief.count()) > 0;
      const said = tab.locator('.log li.you');
      for (let i = 0; i < 20 && (await answers.count()) > 0; i++) {
        const before = await said.count();
        await tab.keyboard.press('1');
        // Taken (it is in the log, the customer's reply typing under it); the reply is heard out.
        await expect.poll(async () => (await ended()) || (await said.count()) > before).toBe(true);
        await tab.keyboard.press('Escape');
        await expect.poll(async () => (await ended()) || (await answers.count()) > 0).toBe(true);
      }
      const total = await shownTotal(tab);
      await tab.getByRole('button', { name: 'Play again' }).click();
      expect(await tab.getByText(`Your best score: ${total} / 1000`).count()).toBe(1);
      expect(await tab.getByRole('button', { name: 'Resume your call' }).count()).toBe(0);
    });
  });

  it('resets damaged progress with a notice instead of failing', async () => {
    await withTab(suite.browser, url + FLAGSHIP, async (tab) => {
      await tab.evaluate(() => {
        localStorage.setItem('keep-cool:progress', '{"version": 1, "attempts": [oops');
      });
      await tab.reload();
      await expect.poll(() => tab.getByRole('status').innerText()).toContain('could not be read');
      expect(await tab.getByRole('button', { name: 'Start the call' }).count()).toBe(1);
    });
  });
});

describe('menu', () => {
  it('lists the scenarios with best scores and history, and links to each one', async () => {
    await withTab(suite.browser, url, async (tab) => {
      const heading = tab.getByRole('heading', { level: 1 });
      await expect.poll(() => heading.innerText()).toBe('Practise calming a difficult customer');
      expect(await tab.getByText('No calls finished on this device yet.').count()).toBe(1);
      await tab.getByRole('link', { name: scenario.title }).click();
      await expect.poll(() => heading.innerText()).toBe(scenario.title);
      expect(tab.url()).toMatch(/#\/play\/insurance-meal-receipt$/);

      // A quick call to the corporate office, then back to the menu.
      await tab.getByRole('button', { name: 'Start the call' }).click();
      await answer(tab, 'The policy covers fifty percent');
      await answer(tab, "That's entirely your choice");
      const total = await shownTotal(tab);
      // The debrief offers the next scenario in the library.
      const next = tab.getByRole('link', { name: /^Next: / });
      expect(await next.getAttribute('href')).toMatch(/^#\/play\/(?!insurance-meal-receipt)[a-z0-9-]+$/);
      await tab.getByRole('link', { name: 'All scenarios' }).click();
      await expect.poll(() => tab.getByText(`Best: ${total} / 1000`).count()).toBe(1);
      // The history says how the call ended in words, not the ending's id in the file.
      expect(await tab.getByRole('cell', { name: 'Escalated', exact: true }).count()).toBe(1);
      expect(await tab.getByRole('cell', { name: 'Coach', exact: true }).count()).toBe(1);

      await tab.goto(`${url}#/play/no-such-thing`);
      await tab.reload();
      await expect
        .poll(() => tab.getByRole('status').innerText())
        .toContain('There is no scenario called "no-such-thing"');
    });
  });
});
