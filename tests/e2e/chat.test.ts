/**
 * A chat call in Chromium (the shipped chat, "One size too small"): a chat window where the
 * customer would be drawn. The customer's message lands as a bubble after their typing indicator,
 * the trainee's replies are bubbles with a time and a receipt that goes from Sent to Seen, time-outs
 * and silences are system lines, and the window is the call's ARIA log, which carries every line.
 * Played by keyboard and by typing, on a laptop and on a phone (with its keyboard up).
 */
import type { BrowserContextOptions, Page } from 'playwright';
import { describe, expect, it } from 'vitest';
import { initialState, lineFor } from '../../src/engine/index.js';
import { answerButtons, browserSuite, seriousViolations } from '../support/browser.js';
import { seenHeight, shown, wholly } from '../support/in-view.js';
import { loadFile } from '../support/scenarios.js';

const suite = browserSuite();
const scenario = loadFile('scenarios/routine-shoe-size-swap.yaml');
const customer = scenario.customer.name;
const says = (node: string, response: string) =>
  scenario.nodes[node]?.responses.find((r) => r.id === response)?.says ?? '-';

const DESKTOP: BrowserContextOptions = { viewport: { width: 1280, height: 800 } };
const PHONE: BrowserContextOptions = {
  viewport: { width: 390, height: 844 },
  hasTouch: true,
  isMobile: true,
};
const CLOCK_TIME = /^\d{1,2}:\d{2}/;

/**
 * Opens the chat's briefing in a fresh context and starts the call (in Type mode if asked). With
 * `paused`, the page's clock stands still from the briefing on (it moves only when the test
 * resumes it), so an answer given "at once" is at once however busy the machine is.
 */
async function startChat(
  options: BrowserContextOptions,
  typed = false,
  paused = false,
): Promise<{ page: Page; errors: string[] }> {
  const context = await suite.browser.newContext(options);
  const page = await context.newPage();
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  if (paused) await page.clock.install();
  await page.goto(`${suite.url}#/play/${scenario.id}`);
  await page.getByRole('button', { name: 'Start the call' }).waitFor();
  // A minute ahead, so the page's clock cannot have passed it however slow the round trip.
  if (paused) await page.clock.pauseAt((await page.evaluate(() => Date.now())) + 60_000);
  if (typed) await page.getByRole('radio', { name: 'Type: say it in your own words' }).first().check();
  await page.getByRole('button', { name: 'Start the call' }).click();
  await page.getByRole('heading', { level: 1, name: scenario.title }).waitFor();
  return { page, errors };
}

const conversation = (page: Page) => page.getByRole('log', { name: 'Conversation' });
const typingIndicator = (page: Page) => page.locator('.chat-typing');
const pending = (page: Page) => page.locator('.chat-log li.pending');

/** Answers by its digit the button whose text contains `text`, once the answers are shown. */
async function pick(page: Page, text: string): Promise<void> {
  const buttons = answerButtons(page);
  await expect.poll(() => buttons.count()).toBeGreaterThan(1);
  const index = (await buttons.allInnerTexts()).findIndex((t) => t.includes(text));
  expect(index, text).toBeGreaterThanOrEqual(0);
  await page.keyboard.press(String(index + 1));
}

/**
 * Keeps every text the last `selector` inside `root` shows, in order, as it changes: a signal for
 * a state that may last only a moment, seen however slow the machine is.
 */
async function followText(page: Page, root: string, selector: string): Promise<() => Promise<string[]>> {
  const key = `seen:${root} ${selector}`;
  await page.evaluate(
    ({ key, root, selector }) => {
      const seen: string[] = [];
      Reflect.set(window, key, seen);
      const within = document.querySelector(root);
      if (!within) throw new Error(`no ${root}`);
      const note = () => {
        const last = [...within.querySelectorAll(selector)].at(-1)?.textContent ?? '';
        if (last && seen.at(-1) !== last) seen.push(last);
      };
      note();
      new MutationObserver(note).observe(within, { childList: true, subtree: true, characterData: true });
    },
    { key, root, selector },
  );
  return () => page.evaluate((key) => Reflect.get(window, key) as string[], key);
}

/** Keeps every text the receipt of the trainee's messages shows, in order, as it changes. */
const followReceipts = (page: Page) => followText(page, '.chat-log', '.receipt');

describe('a chat call', () => {
  it('shows the customer’s message as a bubble after their typing indicator, in place of the drawn customer', async () => {
    const { page, errors } = await startChat(DESKTOP);
    const log = conversation(page);
    // The chat window is the conversation: an ARIA live log, with the whole line in it at once.
    expect(await log.getAttribute('aria-live')).toBe('polite');
    expect(await page.locator('.chat-window').getByRole('log').count()).toBe(1);
    expect(await log.locator('li.customer .line').first().textContent()).toBe(initialState(scenario).line);
    // No line panel, no stage in view, nothing to "see": the message carries its own cue.
    expect(await page.locator('.now').count()).toBe(0);
    expect(await page.locator('#stage').evaluate((s) => getComputedStyle(s).visibility)).toBe('hidden');
    expect(await page.getByRole('button', { name: /Describe what I can see/ }).count()).toBe(0);
    expect(await page.getByText(/You notice:/).count()).toBe(0);
    // Tomasz types: the indicator shows, the bubble waits, and so do the answers.
    await expect.poll(() => typingIndicator(page).isVisible()).toBe(true);
    expect(await typingIndicator(page).innerText()).toContain('Tomasz is typing…');
    expect(await page.locator('.chat-status').innerText()).toBe('typing…');
    expect(await pending(page).count()).toBe(1);
    expect(await answerButtons(page).count()).toBe(0);
    expect(await page.locator('.hint').innerText()).toBe('Their message is on its way…');
    const hints = await followText(page, 'body', '.hint');
    // The message lands whole when he stops typing (the engine's finishedAt), stamped with a time.
    await expect.poll(() => pending(page).count()).toBe(0);
    expect(await typingIndicator(page).isVisible()).toBe(false);
    const bubble = log.locator('li.customer').first();
    expect((await bubble.boundingBox())?.height ?? 0).toBeGreaterThan(40);
    expect(await bubble.locator('time').innerText()).toMatch(CLOCK_TIME);
    expect(await page.locator('.chat-status').innerText()).toBe('Online');
    // The pause rule, worded for a chat: read it through before replying.
    // (It lasts a second: every hint shown is kept, so a slow machine cannot miss it.)
    await expect
      .poll(async () => (await hints()).some((hint) => hint.startsWith('Read it through')))
      .toBe(true);
    await expect.poll(() => answerButtons(page).count()).toBe(3);
    expect(await seriousViolations(page)).toEqual([]);
    expect(errors).toEqual([]);
    await page.context().close();
  });

  for (const [size, options] of [
    ['laptop', DESKTOP],
    ['phone', PHONE],
  ] as const) {
    it(`on a ${size}, by keyboard: replies are bubbles with a time and Sent → Seen, a time-out is a system line, the log keeps every line, and the debrief says what could be read`, async () => {
      const { page, errors } = await startChat(options, false, true);
      const log = conversation(page);
      const receipts = await followReceipts(page);
      // The clock moves a tenth of a second at a time until Tomasz starts typing, and no further.
      await expect
        .poll(async () => {
          await page.clock.runFor(100);
          return typingIndicator(page).isVisible();
        })
        .toBe(true);
      await page.screenshot({ path: `test-results/chat-${size}-typing.png` });
      await page.keyboard.press('Escape');
      await expect.poll(() => pending(page).count()).toBe(0);
      await page.screenshot({ path: `test-results/chat-${size}-landed.png` });

      const first = says('opening', 'happy-to');
      await pick(page, first);
      const mine = log.locator('li.you');
      await expect.poll(() => mine.last().locator('.line').textContent()).toBe(first);
      expect(await mine.last().locator('time').innerText()).toMatch(CLOCK_TIME);
      // Shown early (Esc) and answered at once: the coach says it in a chat's words.
      await expect
        .poll(() => page.locator('.coach').innerText())
        .toContain(`You replied before ${customer} had finished typing.`);
      // From here on the call runs on the real clock again.
      await page.clock.resume();
      // Sent, then Seen when Tomasz reads it and starts typing back.
      await expect.poll(() => receipts()).toEqual(['Sent', 'Seen']);
      await expect.poll(() => typingIndicator(page).isVisible()).toBe(true);
      await page.keyboard.press('Escape');
      await expect.poll(() => pending(page).count()).toBe(0);
      await page.screenshot({ path: `test-results/chat-${size}-replied.png` });

      // A time-out (T, then a thought's digit) is a system line with its time.
      await page.keyboard.press('t');
      await page.getByRole('region', { name: 'Time-out' }).waitFor();
      await page.screenshot({ path: `test-results/chat-${size}-time-out.png` });
      await page.keyboard.press('2');
      const note = log.locator('li.note').filter({ hasText: 'Time-out. You think:' });
      await expect.poll(() => note.count()).toBe(1);
      expect(await note.locator('time').innerText()).toMatch(CLOCK_TIME);
      await page.screenshot({ path: `test-results/chat-${size}-after-time-out.png` });

      const second = says('stock', 'dates');
      await pick(page, second);
      await page.getByRole('heading', { level: 1, name: /^Debrief/ }).waitFor();
      // The conversation, read back in the debrief, carries every line in the order said.
      const lines = await page
        .locator('.chat-log li')
        .evaluateAll((items: HTMLElement[]) =>
          items.map((li) => `${li.className}|${li.querySelector('.line')?.textContent ?? ''}`),
        );
      const said = lines.filter((l) => /^(customer|you)\|/.test(l));
      expect(said).toEqual([
        `customer|${initialState(scenario).line}`,
        `you|${first}`,
        `customer|${lineFor(scenario.nodes.stock?.says ?? '-', 'calm')}`,
        `you|${second}`,
        `customer|${scenario.endings.done?.says ?? '-'}`,
      ]);
      expect(lines.some((l) => l.startsWith('note|Time-out.'))).toBe(true);
      // Every message as the chat showed it: none left waiting, each with its time.
      expect(await page.locator('.chat-log li.pending').count()).toBe(0);
      expect(await page.locator('.chat-log li.customer time, .chat-log li.you time').count()).toBe(5);
      // The debrief names what the messages carried: what the trainee could read.
      await expect.poll(() => page.getByText('What you could read:').count()).toBe(2);
      expect(await page.getByText(/What you could see/).count()).toBe(0);
      // Opened again (a reload replays the saved call), the conversation reads back as the chat's bubbles.
      await page.reload();
      await page.getByRole('heading', { level: 1, name: /^Debrief/ }).waitFor();
      expect(await page.locator('.chat-log li.you').count()).toBe(2);
      expect(await page.locator('.chat-log li.customer').count()).toBe(3);
      expect(errors).toEqual([]);
      await page.context().close();
    });
  }

  it('says a silence in the chat: no reply, then Tomasz asks if anyone is there', async () => {
    const context = await suite.browser.newContext(DESKTOP);
    const page = await context.newPage();
    // The page's clock, to let his patience run out without waiting for it.
    await page.clock.install();
    await page.goto(`${suite.url}#/play/${scenario.id}`);
    await page.getByRole('button', { name: 'Start the call' }).click();
    const log = conversation(page);
    await page.keyboard.press('Escape');
    await expect.poll(() => answerButtons(page).count()).toBe(3);
    await page.clock.runFor((scenario.customer.patience + 1) * 1000);
    const note = log.locator('li.note').filter({ hasText: `No reply from you: Tomasz is still waiting.` });
    await expect.poll(() => note.count()).toBe(1);
    await page.clock.runFor(10_000);
    await expect
      .poll(() => log.locator('li.customer .line').last().textContent())
      .toBe(scenario.nodes.opening?.silence);
    await expect.poll(() => pending(page).count()).toBe(0);
    await context.close();
  });

  it('keeps the dots still with reduced motion', async () => {
    const { page } = await startChat({ ...DESKTOP, reducedMotion: 'reduce' });
    await expect.poll(() => typingIndicator(page).isVisible()).toBe(true);
    const animations = await page
      .locator('.chat-dots i')
      .evaluateAll((dots: HTMLElement[]) => dots.map((d) => getComputedStyle(d).animationName));
    expect(animations).toEqual(['none', 'none', 'none']);
    await page.context().close();
  });

  it('in Type mode, the box is the chat’s compose bar, a typed reply is the trainee’s bubble, and a phone’s keyboard leaves the chat in view', async () => {
    const { page, errors } = await startChat(PHONE, true);
    await page.keyboard.press('Escape');
    const box = page.getByRole('textbox', { name: `Your reply to ${customer}` });
    await box.waitFor();
    expect(await box.getAttribute('placeholder')).toBe('Write a message…');
    await page.screenshot({ path: 'test-results/chat-phone-type.png' });
    // The keyboard takes the lower half: the page is resized, as index.html asks the browser to.
    await page.setViewportSize({ width: 390, height: 470 });
    const text = 'Hi Tomasz, glad you like them! Swapping for a half size up is free, I will check the 43.5.';
    await box.focus();
    await box.fill(text);
    await expect.poll(() => page.evaluate(() => document.body.dataset.seen)).toBe('short');
    expect(wholly(await shown(box))).toBe(true);
    expect(wholly(await shown(page.getByRole('button', { name: 'Send' })))).toBe(true);
    // What he wrote stays in view above the box.
    const his = await shown(conversation(page).locator('li.customer').last());
    expect(seenHeight(his)).toBeGreaterThan(40);
    expect(his.onTop).toBe(true);
    await page.screenshot({ path: 'test-results/chat-phone-keyboard.png' });
    await box.press('Enter');
    const mine = conversation(page).locator('li.you');
    await expect.poll(() => mine.last().locator('.line').textContent()).toBe(text);
    expect(await mine.last().locator('time').innerText()).toMatch(CLOCK_TIME);
    await page.setViewportSize({ width: 390, height: 844 });
    await page.screenshot({ path: 'test-results/chat-phone-typed.png' });
    expect(errors).toEqual([]);
    await page.context().close();
  });
});
