/**
 * Type mode in Chromium: a trainee plays the flagship and three other calls end to end by typing,
 * on a laptop and on a phone. The page understands each answer on the device with the same labels
 * Node gives (the transcript it saves is checked against the model here), the story follows the
 * matched response, the closest few are offered when no match is clear, the coach shows how it
 * heard the answer, and the debrief's total is the engine's replay of what was typed.
 */
import type { Page } from 'playwright';
import { describe, expect, it } from 'vitest';
import { replay, type Scenario, type Transcript } from '../../src/engine/index.js';
import { bestResponse } from '../../src/engine/better.js';
import { bundledModel } from '../../src/engine/understand/bundled.js';
import { matchAnswer, offered } from '../../src/engine/understand/match.js';
import { PROGRESS_KEY } from '../../src/device/progress.js';
import { browserSuite, seriousViolations, withTab } from '../support/browser.js';
import { seenHeight, shown, wholly } from '../support/in-view.js';
import { loadFile } from '../support/scenarios.js';

const suite = browserSuite();
const { url } = suite;
const model = bundledModel();

const PHONE = { viewport: { width: 390, height: 844 }, hasTouch: true, isMobile: true };

/** What the trainee types at a moment: `own` where given, else the strongest answer's own words. */
type Script = (scenario: Scenario, node: string, decision: number) => string | undefined;

interface Played {
  transcript: Transcript;
  total: number;
  /** Decisions where the closest few were offered, and the one picked. */
  chooser: number;
}

/** The saved call in progress (or the last finished one): what the page recorded. */
async function savedEvents(page: Page): Promise<Transcript['events']> {
  const raw = await page.evaluate((key) => localStorage.getItem(key), PROGRESS_KEY);
  const progress = JSON.parse(raw ?? '{}') as { inProgress?: { events: Transcript['events'] } | null };
  return progress.inProgress?.events ?? [];
}

/**
 * Plays the open call to its end by typing, following the story as the page does: before each
 * answer, the saved transcript is replayed here to know the moment. Returns the finished call.
 */
async function playTyped(
  page: Page,
  scenario: Scenario,
  script: Script,
  shots?: string,
  each?: () => Promise<void>,
): Promise<Played> {
  const box = page.getByRole('textbox', { name: `What do you say to ${scenario.customer.name}?` });
  const closest = page.getByRole('group', { name: 'Which of these is closest to what you meant?' });
  const heading = page.getByRole('heading', { level: 1 });
  const you = page.locator('.log li.you');
  let chooser = 0;
  for (let decision = 0; ; decision++) {
    if ((await heading.innerText()).startsWith('Debrief')) break;
    const events = await savedEvents(page);
    const state = replay(scenario, {
      format: 2,
      scenario: { id: scenario.id, version: scenario.version },
      answers: 'type',
      events,
    });
    if (!state.ok) throw new Error(state.reason);
    const nodeId = state.state.node;
    const node = nodeId === null ? undefined : scenario.nodes[nodeId];
    if (!node || nodeId === null) break;
    const text = script(scenario, nodeId, decision) ?? bestResponse(node).says;
    // The customer's line heard out (Esc shows it whole), the box comes back.
    await page.keyboard.press('Escape');
    await box.waitFor({ state: 'visible' });
    const before = await you.count();
    await box.fill(text);
    await box.press('Enter');
    const match = matchAnswer(text, model.label(text).labels, node.responses);
    if (match.chosen === null) {
      // No clear match: the page offers the same few Node does, and the first is picked by its key.
      await closest.waitFor({ state: 'visible' });
      const options = await closest.getByRole('button').allInnerTexts();
      const expected = offered(match).map((id) => node.responses.find((r) => r.id === id)?.says ?? '');
      expect(options.map((o) => o.replace(/^\d\s*/, ''))).toEqual(expected);
      if (shots) {
        await page.screenshot({ path: `test-results/typed-${shots}-closest.png` });
        expect(await seriousViolations(page)).toEqual([]);
      }
      await page.keyboard.press('1');
      chooser++;
    }
    await expect.poll(() => you.count()).toBe(before + 1);
    expect(await you.last().innerText()).toContain(text);
    if (shots && decision === 0) {
      await page.screenshot({ path: `test-results/typed-${shots}-heard.png` });
      expect(await seriousViolations(page)).toEqual([]);
    }
    await each?.();
  }
  await expect.poll(() => heading.innerText()).toMatch(/^Debrief: \d+ \/ 1000/);
  const total = Number(/^Debrief: (\d+)/.exec(await heading.innerText())?.[1]);
  const raw = await page.evaluate((key) => localStorage.getItem(key), PROGRESS_KEY);
  const progress = JSON.parse(raw ?? '{}') as { attempts: { transcript: Transcript }[] };
  const transcript = progress.attempts.at(-1)?.transcript;
  if (!transcript) throw new Error('the finished call was not saved');
  return { transcript, total, chooser };
}

/** The transcript holds what the trainee typed, labelled exactly as Node labels it, and scores as shown. */
function checkRecorded(scenario: Scenario, played: Played): void {
  const { transcript } = played;
  expect(transcript.answers).toBe('type');
  const typed = transcript.events.filter((e) => e.kind === 'typed');
  expect(typed.length).toBeGreaterThan(0);
  expect(transcript.events.some((e) => e.kind === 'choice')).toBe(false);
  for (const event of typed) {
    expect(event.model).toBe(model.version);
    expect(event.labels).toEqual(model.label(event.text).labels);
  }
  expect(typed.filter((e) => e.picked)).toHaveLength(played.chooser);
  const replayed = replay(scenario, transcript);
  if (!replayed.ok) throw new Error(replayed.reason);
  expect(replayed.result.total).toBe(played.total);
}

/** Opens a scenario's briefing and starts it in Type mode (the briefing's own choice). */
async function startTyped(page: Page, id: string): Promise<void> {
  const type = page.getByRole('radio', { name: 'Type: say it in your own words' });
  await type.first().check();
  // Where typed text goes is said where the choice is made; the settings follow the choice.
  await page
    .getByText(/Typed answers are understood on this device/)
    .first()
    .waitFor();
  expect(await page.locator('.settings input[value="type"]').isChecked()).toBe(true);
  await page.getByRole('button', { name: 'Start the call' }).click();
  await page.getByRole('heading', { level: 1, name: loadFile(`scenarios/${id}.yaml`).title }).waitFor();
}

describe('Type mode', () => {
  const flagship = loadFile('scenarios/insurance-meal-receipt.yaml');
  // A first answer near two responses, neither clearly: the page asks which was meant.
  const vague = 'Tell me about the fifty percent.';
  const vagueFirst: Script = (_s, _n, decision) => (decision === 0 ? vague : undefined);

  it('plays the flagship on a laptop: the closest few, how it was heard, the debrief', async () => {
    const start = flagship.nodes[flagship.start];
    if (!start) throw new Error('no start');
    expect(matchAnswer(vague, model.label(vague).labels, start.responses).chosen).toBeNull();
    await withTab(suite.browser, `${url}#/play/${flagship.id}`, async (page) => {
      await startTyped(page, flagship.id);
      // The written answers are not on the screen: a labelled box is.
      expect(await page.locator('.choices .choice').count()).toBe(0);
      expect(await page.getByRole('button', { name: /Build an I-message/ }).count()).toBe(0);
      await page.keyboard.press('Escape');
      expect(await seriousViolations(page)).toEqual([]);
      const played = await playTyped(page, flagship, vagueFirst, 'laptop');
      checkRecorded(flagship, played);
      expect(played.chooser).toBe(1);
      // The debrief lists each typed answer: what was typed, heard, and taken as.
      const typedCount = played.transcript.events.filter((e) => e.kind === 'typed').length;
      expect(await page.getByText('You typed:').count()).toBe(typedCount);
      expect(await page.getByText('Heard:').count()).toBe(typedCount);
      expect(await page.getByText('You picked it as:').count()).toBe(1);
      expect(await page.getByText(/typed answers/).count()).toBeGreaterThan(0);
      await page.screenshot({ path: 'test-results/typed-laptop-debrief.png' });
      const first = page.locator('#decision-1');
      // What was typed is shown with the words behind each label marked.
      expect(model.label(vague).labels.length).toBeGreaterThan(0);
      expect(await first.locator('mark').count()).toBeGreaterThan(0);
      await first.scrollIntoViewIfNeeded();
      await first.screenshot({ path: 'test-results/typed-laptop-decision.png' });
      // Rewind goes back into the call as it was answered: by typing.
      await page.locator('#decision-2').getByRole('button', { name: 'Rewind to here' }).click();
      await page.keyboard.press('Escape');
      await page.getByRole('textbox', { name: /What do you say/ }).waitFor();
      expect(await page.locator('.log li.you').count()).toBe(1);
      expect(await page.locator('.choices .choice').count()).toBe(0);
    });
  });

  it('shows in coach mode how it heard an answer, the words marked, and announces it', async () => {
    await withTab(suite.browser, `${url}#/play/${flagship.id}`, async (page) => {
      await startTyped(page, flagship.id);
      const text = "I'm so sorry about the fire, that sounds awful. Tell me what happened, I'm listening.";
      const heard = model.label(text);
      expect(heard.labels.length).toBeGreaterThan(0);
      await page.keyboard.press('Escape');
      const box = page.getByRole('textbox', { name: /What do you say/ });
      await box.fill(text);
      await page.getByRole('button', { name: 'Send' }).click();
      const closest = page.getByRole('group', { name: /closest to what you meant/ });
      if (await closest.isVisible()) await closest.getByRole('button').first().click();
      const coach = page.locator('.coach');
      // The coach's card is a live region: what it says is announced.
      expect(await coach.getAttribute('role')).toBe('status');
      await expect.poll(() => coach.innerText()).toContain('How I heard you');
      const list = page.getByRole('list', { name: 'How the game heard you' });
      const items = await list.getByRole('listitem').allInnerTexts();
      expect(items).toHaveLength(heard.labels.length);
      // Every word behind a label is marked in the answer.
      const marked = await coach.locator('mark').allInnerTexts();
      for (const h of heard.heard) {
        for (const span of h.evidence) {
          const words = text.slice(span.start, span.end);
          if (/\p{L}/u.test(words)) expect(marked.join(' ')).toContain(words);
        }
      }
    });
  });

  it('keeps a keyboard player in the box: sent with Enter, the box has the focus again once the reply is heard', async () => {
    await withTab(suite.browser, `${url}#/play/${flagship.id}`, async (page) => {
      await startTyped(page, flagship.id);
      await page.keyboard.press('Escape');
      const box = page.getByRole('textbox', { name: /What do you say/ });
      await box.waitFor();
      await box.focus();
      // A key held the clock; emptied, the box lets it run again.
      const hint = page.locator('.hint');
      await page.keyboard.type('x');
      await expect.poll(() => hint.innerText()).toBe('The clock waits while you write.');
      await page.keyboard.press('Backspace');
      await expect.poll(() => hint.innerText()).not.toBe('The clock waits while you write.');
      await page.keyboard.type("I'm glad you came in. Tell me the whole thing, from your side.");
      await page.keyboard.press('Enter');
      await expect.poll(() => page.locator('.log li.you').count()).toBe(1);
      // The reply is heard out (Esc); the box comes back with the focus, so the next keys are words.
      await page.keyboard.press('Escape');
      await expect.poll(() => page.evaluate(() => document.activeElement?.tagName)).toBe('TEXTAREA');
      await page.keyboard.type('tdm');
      expect(await box.inputValue()).toBe('tdm');
      expect(await page.getByRole('button', { name: /Take a time-out \(T\) · 2 left/ }).count()).toBe(1);
    });
  });

  const others: [string, Script][] = [
    ['dented-shelves', () => undefined],
    ['fine-whatever', () => undefined],
    // The misconduct moment answered with an I-message in the trainee's own words.
    [
      'swallowed-card',
      (s, node) =>
        s.nodes[node]?.misconduct
          ? 'Excuse me. I feel uneasy when you shout at me like that, because then I cannot focus on getting your card back.'
          : undefined,
    ],
  ];
  for (const [id, script] of others) {
    it(`plays ${id} on a phone, to the debrief`, async () => {
      const scenario = loadFile(`scenarios/${id}.yaml`);
      const context = await suite.browser.newContext(PHONE);
      try {
        const page = await context.newPage();
        const errors: string[] = [];
        page.on('pageerror', (e) => errors.push(e.message));
        await page.goto(`${url}#/play/${id}`);
        await startTyped(page, id);
        const played = await playTyped(page, scenario, script, id);
        checkRecorded(scenario, played);
        await page.screenshot({ path: `test-results/typed-${id}-debrief.png` });
        expect(errors).toEqual([]);
      } finally {
        await context.close();
      }
    });
  }

  it('keeps the customer’s line in view when a phone’s keyboard is up, and plays the flagship there', async () => {
    const context = await suite.browser.newContext(PHONE);
    try {
      const page = await context.newPage();
      await page.goto(`${url}#/play/${flagship.id}`);
      await startTyped(page, flagship.id);
      await page.keyboard.press('Escape');
      const box = page.getByRole('textbox', { name: /What do you say/ });
      await box.waitFor();
      // The keyboard takes the lower half: the page is resized, as index.html asks the browser to.
      for (const height of [470, 400]) {
        await page.setViewportSize({ width: 390, height });
        await box.focus();
        await box.fill('I am so sorry');
        await expect.poll(() => page.evaluate(() => document.body.dataset.seen)).toBe('short');
        expect(wholly(await shown(box))).toBe(true);
        expect(wholly(await shown(page.getByRole('button', { name: 'Send' })))).toBe(true);
        // The customer's name, what can be seen of them, and the start of what they said.
        const line = await shown(page.locator('.now-line'));
        expect(seenHeight(line)).toBeGreaterThan(40);
        expect(line.onTop).toBe(true);
        expect(wholly(await shown(page.locator('.now-name')))).toBe(true);
        await page.screenshot({ path: `test-results/typed-phone-keyboard-${height}.png` });
      }
      // Keyboard down again: the whole screen comes back.
      await box.fill('');
      await page.setViewportSize(PHONE.viewport);
      await expect.poll(() => page.evaluate(() => document.body.dataset.seen ?? '')).toBe('');
      const played = await playTyped(page, flagship, vagueFirst, 'phone');
      checkRecorded(flagship, played);
      await page.screenshot({ path: 'test-results/typed-phone-debrief.png' });
    } finally {
      await context.close();
    }
  });

  it('holds feedback back in assessment mode until the debrief', async () => {
    const scenario = loadFile('scenarios/fine-whatever.yaml');
    await withTab(suite.browser, `${url}#/play/${scenario.id}`, async (page) => {
      await page.getByText('Settings').click();
      await page.getByLabel('Assessment: feedback waits for the debrief').check();
      await startTyped(page, scenario.id);
      const coach = page.locator('.coach');
      const played = await playTyped(
        page,
        scenario,
        () => undefined,
        undefined,
        async () => {
          // Until the debrief, where the coach's card is gone.
          const said = await coach.evaluateAll((cards) => cards.map((c) => c.textContent));
          expect(said.filter((t) => t !== '')).toEqual([]);
        },
      );
      expect(played.transcript.mode).toBe('assessment');
      checkRecorded(scenario, played);
      expect(await page.getByText('You typed:').count()).toBeGreaterThan(0);
    });
  });
});
