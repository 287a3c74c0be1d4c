/**
 * A team lead who joins at the counter, in Chromium (the fixture team-lead-at-the-counter.yaml,
 * served by the dev server): the customer stands alone until the team lead's first line; from it
 * both are drawn, the team lead's lips move and the customer's are still, the conversation names
 * the team lead, and the team lead stays while the customer speaks again and to the end; the next
 * call starts without them. Read from the stage's report (data-second, data-lips). Screenshots:
 * test-results/counter-speaker-desktop.png and test-results/counter-speaker-phone.png (reduced
 * motion).
 */
import { copyFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright';
import { describe, expect, it } from 'vitest';
import { answer, devServerOnFolder, sharedBrowser } from '../support/browser.js';
import { loadFile } from '../support/scenarios.js';

const FIXTURE = 'tests/fixtures/scenarios/team-lead-at-the-counter.yaml';
const scenario = loadFile(FIXTURE);
const lead = scenario.speakers.lead;
if (!lead?.appearance) throw new Error('fixture changed: its team lead has no appearance');
const LEAD = { name: lead.name, appearance: lead.appearance };
const leadLine = scenario.nodes['lead-joins']?.says;
if (typeof leadLine !== 'string') throw new Error('fixture changed: the team lead has no line');

// The fixture is not a shipped scenario: the dev server serves a folder holding it alone.
const suite = sharedBrowser();
const dev = devServerOnFolder('keep-cool-counter-speaker-', (dir) => {
  copyFileSync(FIXTURE, join(dir, 'team-lead-at-the-counter.yaml'));
});

const stageData = (page: Page, key: string) => page.locator('#stage').getAttribute(`data-${key}`);

/** The conversation's last line, as a screen reader hears it: the speaker's name, then the words. */
const lastLine = (page: Page) =>
  page
    .getByRole('log', { name: 'Conversation' })
    .locator('li')
    .last()
    .evaluate(
      (li) =>
        `${li.querySelector(':scope > strong')?.textContent ?? ''}${li.querySelector(':scope > .line')?.textContent ?? ''}`,
    );

describe('a team lead who joins at the counter', () => {
  it.each([
    ['desktop', 1280, 800, false],
    ['phone', 390, 844, true],
  ] as const)(
    'is drawn beside the customer from their first line, and speaks with their own lips (%s)',
    async (size, width, height, reduced) => {
      const context = await suite.browser.newContext({
        viewport: { width, height },
        ...(reduced ? { reducedMotion: 'reduce' as const } : {}),
      });
      try {
        const tab = await context.newPage();
        const problems: string[] = [];
        tab.on('pageerror', (e) => problems.push(e.message));
        await tab.goto(`${dev.url}#/play/${scenario.id}`);
        await tab.getByRole('button', { name: 'Start the call' }).click({ timeout: 60_000 });

        // The customer's first line: she stands alone, and her lips move.
        await expect.poll(() => stageData(tab, 'lips'), { timeout: 60_000 }).toBe('customer');
        expect(await stageData(tab, 'setting')).toBe('counter');
        expect(await stageData(tab, 'figure')).toBe('drawn');
        expect(await stageData(tab, 'second')).toBeNull();
        await tab.keyboard.press('Escape');
        await expect.poll(() => stageData(tab, 'lips')).toBe('still');
        expect(await stageData(tab, 'second')).toBeNull();

        // The answer brings the team lead: on their line both are drawn, and only the lead speaks.
        await answer(tab, 'Twice for one repair');
        await expect.poll(() => stageData(tab, 'second')).toBe(LEAD.appearance);
        await expect.poll(() => stageData(tab, 'lips')).toBe('second');
        expect(await stageData(tab, 'customer')).toBe('present');
        // The customer keeps her own mood; the team lead's calm is not hers.
        expect(await stageData(tab, 'mood')).toBe('annoyed');
        expect(await lastLine(tab)).toBe(`${LEAD.name}: ${leadLine.trim()}`);
        // Held still, they are in place at once: the moment is the picture.
        if (reduced) await tab.screenshot({ path: `test-results/counter-speaker-${size}.png` });

        // Heard out: nobody's lips move, and the team lead stays.
        await tab.keyboard.press('Escape');
        await expect.poll(() => stageData(tab, 'lips')).toBe('still');
        expect(await stageData(tab, 'second')).toBe(LEAD.appearance);
        if (!reduced) {
          // Walked in and settled: the stage draws at its resting pace again.
          await expect.poll(() => stageData(tab, 'pace'), { timeout: 10_000 }).toBe('idle');
          await tab.screenshot({ path: `test-results/counter-speaker-${size}.png` });
        }

        // The team lead approves and the customer answers, one line after the other: the lips that
        // move are the lead's, then hers (held still, the two lines are there at once: hers).
        await answer(tab, 'Same card');
        if (!reduced) await expect.poll(() => stageData(tab, 'lips')).toBe('second');
        await expect.poll(() => stageData(tab, 'lips')).toBe('customer');
        expect(await stageData(tab, 'second')).toBe(LEAD.appearance);
        expect(await lastLine(tab)).toMatch(/^Leah Mensah: /);

        // They stay to the end; a new call starts with the customer alone again, in the middle.
        await answer(tab, 'glad we could sort it');
        await expect.poll(() => tab.getByRole('heading', { level: 1 }).innerText()).toMatch(/^Debrief/);
        await expect.poll(() => stageData(tab, 'customer')).toBe('settled');
        expect(await stageData(tab, 'second')).toBe(LEAD.appearance);
        await tab.getByRole('button', { name: 'Play again' }).click();
        await tab.getByRole('button', { name: 'Start the call' }).click();
        await expect.poll(() => stageData(tab, 'lips')).toBe('customer');
        expect(await stageData(tab, 'second')).toBeNull();
        expect(problems).toEqual([]);
      } finally {
        await context.close();
      }
    },
  );
});
