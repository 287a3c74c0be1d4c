/**
 * The coach on timing, and where focus goes, in Chromium. On the page's fake clock (paused, so it
 * moves only when told): an answer given while the customer is still speaking, one given within a
 * second of their finishing, and a silence past their patience each get the coach's note in coach
 * mode, and nothing until the debrief in assessment mode. And by keyboard: focus never lands on an
 * answer (or a time-out's thought, or "Say it") the trainee did not pick, so Enter never picks one
 * for them.
 */
import type { BrowserContext, Page } from 'playwright';
import { describe, expect, it } from 'vitest';
import {
  CALM_MS,
  DEFAULT_SILENCE_LINE,
  RUSHED_MS,
  modelIMessage,
  responseWindow,
  speechMs,
} from '../../src/engine/index.js';
import { FLAGSHIP, answer, answerButtons, browserSuite, tabTo } from '../support/browser.js';
import { loadFile } from '../support/scenarios.js';

const scenario = loadFile('scenarios/insurance-meal-receipt.yaml');
const { name: customer, patience, silence_anger: silenceAnger } = scenario.customer;
const suite = browserSuite();

/** A fresh tab on the flagship's briefing, its clock paused. */
async function pausedTab(): Promise<{ tab: Page; context: BrowserContext }> {
  const context = await suite.browser.newContext({ viewport: { width: 1280, height: 800 } });
  const tab = await context.newPage();
  await tab.clock.install();
  await tab.goto(suite.url + FLAGSHIP);
  // Far enough ahead that a busy machine cannot reach it first (pausing in the past fails).
  await tab.clock.pauseAt((await tab.evaluate(() => Date.now())) + 60_000);
  return { tab, context };
}

const coach = (tab: Page) => tab.locator('.coach');
const said = (tab: Page) => tab.locator('.log li.you');

/** The customer's line now, whole (Esc), and how long they take to say it. */
async function hearLine(tab: Page): Promise<number> {
  await tab.keyboard.press('Escape');
  await expect.poll(() => answerButtons(tab).count()).toBeGreaterThan(1);
  return speechMs((await tab.locator('.now .line').textContent()) ?? '');
}

/** Answers with the response containing `says`, by its number key; waits until it is in the log. */
async function pick(tab: Page, says: string): Promise<void> {
  const before = await said(tab).count();
  const texts = await answerButtons(tab).allInnerTexts();
  const index = texts.findIndex((t) => t.includes(says));
  expect(index, says).toBeGreaterThanOrEqual(0);
  await tab.keyboard.press(String(index + 1));
  await expect.poll(() => said(tab).count()).toBe(before + 1);
}

const composure = async (tab: Page) =>
  Number.parseInt(await tab.locator('.meter-composure .meter-value').innerText(), 10);

const focused = (tab: Page) =>
  tab.evaluate(() => {
    const a = document.activeElement;
    return {
      tag: a?.tagName.toLowerCase() ?? '',
      role: a?.getAttribute('role') ?? '',
      text: a?.textContent.trim().slice(0, 60) ?? '',
      onAnswer: a?.closest('.choices button') != null,
    };
  });

describe('the coach on timing', () => {
  it('names an answer over the line, a rushed one and a silence; a calm answer gets none', async () => {
    const { tab, context } = await pausedTab();
    try {
      await tab.getByRole('button', { name: 'Start the call' }).click();

      // The whole line shown at once and answered at once: the customer was still speaking.
      await hearLine(tab);
      await pick(tab, "I'm glad you came in");
      await expect
        .poll(() => coach(tab).innerText())
        .toContain(`${customer} was still speaking when you answered`);

      // Heard to its end, then answered inside the second after: rushed.
      let speech = await hearLine(tab);
      await tab.clock.fastForward(speech + RUSHED_MS / 2);
      await pick(tab, 'May I stop you');
      await expect
        .poll(() => coach(tab).innerText())
        .toContain(`Too quick: you came in within a second of ${customer} finishing`);

      // Heard out, a breath, then the answer: the coach has no word on timing.
      speech = await hearLine(tab);
      await tab.clock.fastForward(speech + CALM_MS);
      await pick(tab, 'So on the day of the fire');
      const calm = await coach(tab).innerText();
      expect(calm).not.toContain('Too quick');
      expect(calm).not.toContain('still speaking');

      // Silence past the customer's patience: a note like any other mistake. Focus was on an
      // answer the silence takes away; it goes to the conversation, never to another answer.
      speech = await hearLine(tab);
      await tab.keyboard.press('Tab');
      await tab.keyboard.press('Tab');
      expect((await focused(tab)).onAnswer).toBe(true);
      await tab.clock.fastForward(speech + patience * 1000 * responseWindow(await composure(tab)) + 100);
      await expect
        .poll(() => coach(tab).innerText())
        .toContain(`The silence outlasted ${customer}’s patience: anger +${silenceAnger}`);
      expect(await focused(tab)).toMatchObject({ role: 'log', onAnswer: false });
      await tab.keyboard.press('Escape');
      await expect.poll(() => answerButtons(tab).count()).toBeGreaterThan(1);
      expect((await focused(tab)).onAnswer).toBe(false);
    } finally {
      await context.close();
    }
  });

  it('says nothing in assessment mode, about timing or anything else, until the debrief', async () => {
    const { tab, context } = await pausedTab();
    try {
      await tab.getByText('Settings').click();
      await tab.getByLabel('Assessment: feedback waits for the debrief').check();
      await tab.getByRole('button', { name: 'Start the call' }).click();
      await hearLine(tab);
      await pick(tab, "I'm glad you came in");
      expect(await coach(tab).textContent()).toBe('');
      const speech = await hearLine(tab);
      await tab.clock.fastForward(speech + patience * 1000 * responseWindow(await composure(tab)) + 100);
      const silence = scenario.nodes['the-story']?.silence ?? DEFAULT_SILENCE_LINE;
      await expect.poll(() => tab.getByRole('log').innerText()).toContain(silence);
      expect(await coach(tab).textContent()).toBe('');
    } finally {
      await context.close();
    }
  });
});

describe('focus never picks for the trainee', () => {
  it('after a time-out, a thought, a closed builder: Enter picks nothing', async () => {
    // On the paused clock the first line stays mid-word until it is shown whole.
    const { tab, context } = await pausedTab();
    try {
      await tab.getByRole('button', { name: 'Start the call' }).click();
      // "Show the whole line", pressed: it goes, and focus with it to the answers as a group.
      await tabTo(tab, 'Show the whole line (Esc)');
      await tab.keyboard.press('Enter');
      await expect.poll(() => answerButtons(tab).count()).toBeGreaterThan(1);
      expect(await focused(tab)).toMatchObject({ role: 'group', onAnswer: false });
      const timeOut = tab.getByRole('region', { name: 'Time-out' });
      const notes = tab.locator('.log li.note');

      // The time-out opens on its heading: Enter there takes neither thought.
      await tab.keyboard.press('t');
      await timeOut.waitFor();
      expect(await focused(tab)).toMatchObject({ tag: 'h2', text: 'Time-out: the clock is stopped' });
      await tab.keyboard.press('Enter');
      // Called off: focus goes to the answers as a group, where Enter picks none of them.
      await tab.keyboard.press('Escape');
      await timeOut.waitFor({ state: 'detached' });
      expect(await focused(tab)).toMatchObject({ role: 'group', onAnswer: false });
      expect(await notes.count()).toBe(0);
      await tab.keyboard.press('Enter');

      // A thought taken by its number: focus again on the group.
      await tab.keyboard.press('t');
      await timeOut.waitFor();
      expect(await said(tab).count()).toBe(0); // the Enter above answered nothing
      await tab.keyboard.press('2');
      await expect.poll(() => notes.count()).toBe(1);
      expect(await focused(tab)).toMatchObject({ role: 'group', onAnswer: false });
      await tab.keyboard.press('Enter');
      // Tab from the group reaches the answers: the trainee picks one themselves.
      await tab.keyboard.press('Tab');
      expect((await focused(tab)).onAnswer).toBe(true);
      expect(await said(tab).count()).toBe(0);
      await tab.keyboard.press('Escape');

      // The I-message builder opens on its heading, and its last piece never hands focus to "Say it".
      for (const says of [
        "I'm glad you came in",
        'May I stop you',
        'So on the day of the fire',
        'That sounds humiliating',
      ])
        await answer(tab, says);
      await tab.keyboard.press('Escape');
      await tab.keyboard.press('m');
      const builder = tab.getByRole('region', { name: 'I-message builder' });
      await builder.waitFor();
      expect(await focused(tab)).toMatchObject({ tag: 'h2', text: 'Build an I-message' });
      const model = modelIMessage(scenario, 'outburst') ?? [];
      expect(model.length).toBeGreaterThan(0);
      for (const piece of model) {
        await tabTo(tab, piece.text);
        await tab.keyboard.press('Enter');
        expect((await focused(tab)).text).not.toBe('Say it');
      }
      expect(await builder.locator('.slots li.filled').count()).toBe(model.length);
      // Called off: focus on the answers as a group again.
      await tab.keyboard.press('Escape');
      await builder.waitFor({ state: 'detached' });
      expect(await focused(tab)).toMatchObject({ role: 'group', onAnswer: false });
      await tab.keyboard.press('Enter');
      await tab.keyboard.press('m');
      await builder.waitFor();
      expect(await said(tab).count()).toBe(4);
    } finally {
      await context.close();
    }
  });
});
