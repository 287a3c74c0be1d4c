/**
 * What format 3 says, as a trainee meets it in Chromium, on "The gym that kept charging": the hold
 * and the narration are said in the conversation before the customer's next line, a team lead who
 * joins is named on her lines and on the softphone, variables read as amounts in lines and answers,
 * a moment marked for a time-out answered without one is named by the coach and the debrief, and a
 * good hand-off ends the call as one.
 */
import type { Page } from 'playwright';
import { describe, expect, it } from 'vitest';
import { fill, initialState, own, step, worded, type CallState } from '../../src/engine/index.js';
import { answer, browserSuite, buildIMessage, withTab } from '../support/browser.js';
import { loadFile } from '../support/scenarios.js';

const gym = loadFile('scenarios/the-gym-that-kept-charging.yaml');
const suite = browserSuite();

/** The conversation's lines, in order, as the page has them (whole, whatever is being typed out). */
const lines = (page: Page) =>
  page
    .getByRole('log', { name: 'Conversation' })
    .locator('li')
    .evaluateAll((items) =>
      items.map(
        (li) =>
          `${li.querySelector(':scope > strong')?.textContent ?? ''}${li.querySelector(':scope > .line')?.textContent ?? li.textContent}`,
      ),
    );

/** The words of a response as the trainee sees them in `state`. */
function says(state: CallState, node: string, response: string): string {
  const r = own(gym.nodes, node)?.responses.find((x) => x.id === response);
  if (!r) throw new Error(`scenario changed: no ${node}/${response}`);
  return worded(r, state).says;
}

/** Plays `response` at `node` in the engine too, so the test knows the words of the next moment. */
function after(state: CallState, node: string, response: string): CallState {
  const moved = step(gym, state, { kind: 'choice', at: state.finishedAt + 1500, node, response });
  if (!moved.ok) throw new Error(moved.reason);
  return moved.state;
}

describe('format 3 in a call', () => {
  it('says the hold and the narration, names the team lead, fills in amounts, and ends on a good hand-off', async () => {
    await withTab(suite.browser, `${suite.url}#/play/${gym.id}`, async (tab) => {
      await tab.getByRole('button', { name: 'Start the call' }).click();
      let state = initialState(gym);
      for (const [node, response] of [
        ['ramble', 'ask-then-summarize'],
        ['the-slip', 'reflect-and-sorry'],
        ['what-now', 'check-the-notes'],
      ] as const) {
        await answer(tab, says(state, node, response).slice(0, 50));
        state = after(state, node, response);
      }
      // On hold: the music, the desk notes (with the months put in) and the music stopping are said,
      // unnamed, before Marcus's next line.
      const hold = state.lead.map((l) => l.text);
      expect(hold).toHaveLength(3);
      expect(hold[1]).toContain(`${fill('{months}', state.vars)} payments`);
      await expect
        .poll(async () => (await lines(tab)).some((l) => l.startsWith('Marcus Bell: Three minutes')))
        .toBe(true);
      const said = await lines(tab);
      const at = said.findIndex((l) => l === hold[0]);
      expect(at).toBeGreaterThan(0);
      expect(said.slice(at, at + 3)).toEqual(hold);
      expect(said[at + 3]).toMatch(/^Marcus Bell: /);
      expect(await tab.getByRole('log', { name: 'Conversation' }).locator('li.narration').count()).toBe(3);

      // The moment for a time-out, answered straight off with a clean I-message.
      const pieces = ['attention', 'feeling', 'behaviour', 'consequence'] as const;
      const builder = gym.i_message;
      if (!builder) throw new Error('scenario changed: no I-message pieces');
      const behaviour = own(gym.nodes, 'off-hold')?.i_message?.behaviour ?? builder.behaviour;
      await buildIMessage(
        tab,
        pieces.map(
          (p) => (p === 'behaviour' ? behaviour : builder[p]).find((f) => f.tone === 'calm')?.text ?? '',
        ),
      );
      await expect.poll(() => tab.locator('.coach').textContent()).toContain('meant to push your buttons');

      // Owning the mistake with the amount in it; the refund needs the team lead, who joins.
      await tab.keyboard.press('Escape');
      const own_ = await tab.getByRole('group', { name: 'Your answer' }).getByRole('button').allInnerTexts();
      const refundAnswer = own_.find((t) => t.includes('$127.50'));
      expect(refundAnswer, own_.join('\n')).toBeDefined();
      await answer(tab, '$127.50');
      await expect
        .poll(async () => (await lines(tab)).some((l) => l.startsWith('Ruth Adeyemi (team lead): ')))
        .toBe(true);
      // The narration (the refund screen asks for her) is said first; heard out, the box is hers.
      await tab.keyboard.press('Escape');
      await expect.poll(() => tab.locator('.now-name').textContent()).toBe('Ruth Adeyemi (team lead)');
      await expect
        .poll(() => tab.locator('#stage').getAttribute('data-caller'))
        .toBe('Ruth Adeyemi (team lead)');

      await answer(tab, 'Could you take it from here?');
      await expect
        .poll(() => tab.locator('.results-card, .ending').first().innerText(), { timeout: 30_000 })
        .toContain('Ending: handed to a colleague');
      const debrief = await tab.locator('main, body').first().innerText();
      expect(debrief).toContain('$127.50');
      expect(debrief).toContain('meant to push your buttons');
      expect(debrief).not.toMatch(/\{[a-z-]+\}/);
    });
  });
});
