/**
 * A phone call in Chromium, heard and not seen: no customer is drawn, the softphone's timer runs on
 * the call's own clock (and stands still in a time-out), the caller's voice follows their speaking,
 * their mood and the cue's tone, the cue reads "You hear: …" and the debrief "What you could hear".
 * And at the counter, a moment's `shows` is what the picture shows. Read from the stage's report.
 */
import type { Page } from 'playwright';
import { describe, expect, it } from 'vitest';
import { explore, type Mood, type Tone } from '../../src/engine/index.js';
import { bandOf, voiceOf } from '../../src/stage/voice.js';
import { FLAGSHIP, FLAGSHIP_BEST, answer, browserSuite, withTab } from '../support/browser.js';
import { loadFile } from '../support/scenarios.js';

const phone = loadFile('scenarios/dented-shelves.yaml');
const suite = browserSuite();
const PHONE = `#/play/${phone.id}`;

const stageData = (page: Page, key: string) => page.locator('#stage').getAttribute(`data-${key}`);

/** The cue of a moment of the phone scenario. */
function cueOf(node: string) {
  const cue = phone.nodes[node]?.cue;
  if (!cue?.tone) throw new Error(`scenario changed: ${node} has no tone cue`);
  return { text: cue.text, tone: cue.tone };
}

/** The voice band the stage should report for the stage's mood and tone now, while the caller speaks. */
async function spokenBand(page: Page): Promise<string> {
  const mood = (await stageData(page, 'mood')) as Mood;
  const tone = (await stageData(page, 'tone')) as Tone;
  return bandOf(voiceOf(mood, tone), true);
}

describe('a phone call', () => {
  it('draws no customer: the trainee’s desk and a softphone that rings, then runs its timer', async () => {
    await withTab(suite.browser, suite.url + PHONE, async (tab) => {
      await expect.poll(() => stageData(tab, 'setting'), { timeout: 60_000 }).toBe('phone');
      expect(await stageData(tab, 'figure')).toBe('none');
      expect(await stageData(tab, 'customer')).toBe('present');
      // Before the call starts, it is ringing: no time on the timer yet.
      await expect.poll(() => stageData(tab, 'timer')).toBe('--:--');
      await tab.getByRole('button', { name: 'Start the call' }).click();
      await expect.poll(() => stageData(tab, 'timer')).toMatch(/^00:0\d$/);
      expect(await stageData(tab, 'figure')).toBe('none');
    });
  });

  it('lets the voice move while the caller speaks, by their mood and tone, and lie flat when they stop', async () => {
    await withTab(suite.browser, suite.url + PHONE, async (tab) => {
      await tab.getByRole('button', { name: 'Start the call' }).click();
      const first = cueOf(phone.start);
      // Said: the voice is the mood's, coloured by the tone (clipped, angry: loud).
      await expect.poll(() => stageData(tab, 'tone')).toBe(first.tone);
      await expect.poll(() => stageData(tab, 'voice')).toBe(await spokenBand(tab));
      expect(await stageData(tab, 'voice')).not.toBe('still');
      // Heard out (Esc): the caller has stopped, and the line is flat.
      await tab.keyboard.press('Escape');
      await expect.poll(() => stageData(tab, 'voice')).toBe('still');
      // Heard, not seen: the cue is in words, and never kept back to be asked for.
      expect(await tab.locator('.now').innerText()).toContain(`You hear: ${first.text}`);
      expect(await tab.getByRole('button', { name: /Describe what I can see/ }).count()).toBe(0);

      // An answer that argues: the caller's anger rises, and the next moment's voice is raised.
      await answer(tab, 'My colleague was right');
      const next = cueOf('proof');
      await expect.poll(() => stageData(tab, 'tone')).toBe(next.tone);
      await expect.poll(() => stageData(tab, 'voice')).toBe(await spokenBand(tab));
      expect(await stageData(tab, 'voice')).not.toBe('still');
      await expect.poll(() => tab.locator('.now').innerText()).toContain(`You hear: ${next.text}`);
      await tab.keyboard.press('Escape');
      await expect.poll(() => stageData(tab, 'voice')).toBe('still');
    });
  });

  it('runs the timer on the call’s own clock: it stands still through a time-out', async () => {
    const context = await suite.browser.newContext({ viewport: { width: 1280, height: 800 } });
    try {
      const tab = await context.newPage();
      await tab.clock.install();
      await tab.goto(suite.url + PHONE);
      await expect.poll(() => stageData(tab, 'setting'), { timeout: 60_000 }).toBe('phone');
      await tab.getByRole('button', { name: 'Start the call' }).click();
      await tab.keyboard.press('Escape');
      await tab.keyboard.press('t');
      await tab.getByRole('region', { name: 'Time-out' }).waitFor();
      await expect.poll(() => stageData(tab, 'timer')).toMatch(/^00:\d\d$/);
      const stopped = (await stageData(tab, 'timer')) ?? '';
      // A minute passes on the page's clock; the call's stands still.
      await tab.clock.fastForward(60_000);
      await tab.getByRole('button', { name: 'Back to the call (Esc)' }).click();
      await tab.clock.fastForward(5_000);
      const seconds = (timer: string | null) =>
        Number(timer?.split(':')[1]) + 60 * Number(timer?.split(':')[0]);
      await expect
        .poll(async () => seconds(await stageData(tab, 'timer')))
        .toBeGreaterThanOrEqual(seconds(stopped) + 5);
      // Not the minute of the time-out.
      expect(seconds(await stageData(tab, 'timer'))).toBeLessThan(seconds(stopped) + 20);
    } finally {
      await context.close();
    }
  });

  it('says in the debrief what the trainee could hear', async () => {
    const best = explore(phone).best;
    if (!best) throw new Error('no best path');
    await withTab(suite.browser, suite.url + PHONE, async (tab) => {
      await tab.getByRole('button', { name: 'Start the call' }).click();
      for (const decision of best.score.decisions) await answer(tab, decision.says);
      await expect.poll(() => tab.getByRole('heading', { level: 1 }).innerText()).toMatch(/^Debrief/);
      await expect.poll(() => stageData(tab, 'customer')).toBe('settled');
      const heard = tab.locator('.observe');
      await expect.poll(() => heard.count()).toBe(best.score.decisions.length);
      const first = cueOf(phone.start);
      expect(await heard.first().innerText()).toBe(`What you could hear: ${first.text}`);
      expect(await tab.getByText('What you could see').count()).toBe(0);
    });
  });
});

describe('the counter’s shown emotion', () => {
  it('shows defeat at the letter and an outburst after it, and the anger meter says so', async () => {
    await withTab(suite.browser, suite.url + FLAGSHIP, async (tab) => {
      const anger = tab.locator('.meter-anger');
      const angerReads = () => anger.locator('.meter-value').innerText();
      await tab.getByRole('button', { name: 'Start the call' }).click();
      for (const says of FLAGSHIP_BEST.slice(0, 3)) await answer(tab, says);
      await expect.poll(() => stageData(tab, 'shown')).toBe('defeated');
      expect(await stageData(tab, 'figure')).toBe('drawn');
      expect(await stageData(tab, 'pose')).toBe('slumped');
      // The numbers give an annoyed or angry mood; the meter's word says what the picture shows.
      expect(['annoyed', 'angry']).toContain(await stageData(tab, 'mood'));
      expect(await angerReads()).toMatch(/^\d+ · defeated$/);
      await answer(tab, FLAGSHIP_BEST[3] ?? '');
      await expect.poll(() => stageData(tab, 'shown')).toBe('outburst');
      expect(await stageData(tab, 'mood')).not.toBe('furious');
      // The number stays the engine's (under furious), the word and the marking are the outburst's.
      const reads = await angerReads();
      expect(reads).toMatch(/^\d+ · outburst$/);
      expect(Number.parseInt(reads, 10)).toBeLessThan(80);
      expect(await anger.getAttribute('class')).toContain('flare');
      await answer(tab, FLAGSHIP_BEST[4] ?? '');
      // Past the outburst the word follows the numbers again.
      await expect.poll(angerReads).toMatch(/^\d+ · (calm|annoyed|relieved)$/);
      expect(await anger.getAttribute('class')).not.toContain('flare');
      // On a counter the customer is seen: the cue is noticed, and no voice is reported.
      expect(await tab.locator('.now').innerText()).toContain('You notice:');
      expect(await stageData(tab, 'voice')).toBeNull();
    });
  });
});
