/**
 * Sound in Chromium: nothing before the first gesture; after a click the audio context runs and the
 * incoming ring (the counter bell here) plays to its end; with the audio files missing the game
 * still plays through, with one quiet notice and every sound captioned in the conversation.
 */
import type { Page } from 'playwright';

import { describe, expect, it } from 'vitest';
import { incomingCue } from '../../src/sound/cues.js';
import { answer, browserSuite } from '../support/browser.js';
import { loadFile } from '../support/scenarios.js';

const flagship = loadFile('scenarios/insurance-meal-receipt.yaml');
const library = loadFile('scenarios/routine-lost-library-card.yaml');
const suite = browserSuite();

const body = (page: Page, key: string) => page.evaluate((k) => document.body.dataset[k] ?? '', key);

describe('sound', () => {
  it('waits for a gesture, then the audio context runs and the call comes in with its ring', async () => {
    const context = await suite.browser.newContext();
    const page = await context.newPage();
    const problems: string[] = [];
    page.on('pageerror', (e) => problems.push(e.message));
    await page.goto(suite.url);
    await page.getByRole('heading', { name: 'Practise calming a difficult customer' }).waitFor();
    // Autoplay rules: nothing has loaded before the player does anything.
    expect(await body(page, 'audio')).toBe('locked');

    await page.getByRole('link', { name: flagship.title }).click();
    await expect.poll(() => body(page, 'audio'), { timeout: 10_000 }).toBe('running');
    expect(await body(page, 'audioContext')).toBe('running');
    // The incoming cue played to its end, and its caption is in the page.
    await expect.poll(() => body(page, 'audioEnded'), { timeout: 10_000 }).toBe(incomingCue(flagship));
    expect(await page.getByText('[The counter bell rings.]').count()).toBe(1);
    expect(problems).toEqual([]);
    await context.close();
  });

  it('with the audio files missing, the game plays through silently with one quiet notice', async () => {
    const context = await suite.browser.newContext();
    const page = await context.newPage();
    const problems: string[] = [];
    page.on('pageerror', (e) => problems.push(e.message));
    await page.route('**/audio/**', (route) => route.abort());
    await page.goto(`${suite.url}#/play/${library.id}`);
    await page.getByRole('button', { name: 'Start the call' }).click();
    await expect.poll(() => body(page, 'audio'), { timeout: 10_000 }).toBe('failed');
    const notice = page.locator('.sound-notice');
    await expect.poll(() => notice.innerText()).toContain('goes on without it');

    // The call goes on, and what would have been heard is in the conversation as captions.
    await answer(page, 'Replacement cards are three dollars');
    await answer(page, 'No problem, it');
    await expect.poll(() => page.getByRole('heading', { level: 1 }).innerText()).toMatch(/^Debrief/);
    const captions = await page.locator('.log li.caption').allTextContents();
    // Braced for a fight, the pleasant caller bristles (a sigh), then leaves to complain.
    expect(captions).toEqual([
      '[You are connected.]',
      '[Margit Halvorsen sighs.]',
      '[The tension breaks into a complaint.]',
    ]);
    expect(await page.locator('.sound-notice').count()).toBe(1);
    expect(problems).toEqual([]);
    await context.close();
  });
});

describe('sound settings', () => {
  it('mute and the three volumes are in settings and kept on the device', async () => {
    const context = await suite.browser.newContext();
    const page = await context.newPage();
    await page.goto(suite.url);
    await page.getByText('Settings', { exact: true }).click();
    await page.getByLabel('Mute').check();
    const effects = page.getByLabel('Effects');
    await effects.focus();
    await page.keyboard.press('Home');
    await page.reload();
    const saved = await page.evaluate(() => localStorage.getItem('keep-cool:settings'));
    const sound = (JSON.parse(saved ?? '{}') as { sound?: Record<string, unknown> }).sound;
    expect(sound).toEqual({ muted: true, master: 80, ambience: 50, effects: 0 });
    await page.getByText('Settings', { exact: true }).click();
    expect(await page.getByLabel('Mute').isChecked()).toBe(true);
    expect(await page.getByLabel('Effects').inputValue()).toBe('0');
    await context.close();
  });
});
