/**
 * A workshop in Chromium against the real server and the built game: a facilitator creates and
 * opens a room, two attendees join from their own browsers and play, and the projector follows; a
 * typed room says so on every screen.
 */
import type { BrowserContext, Page } from 'playwright';
import { describe, expect, it } from 'vitest';
import {
  playThrough,
  browserSuite,
  dispatchAndSettle,
  downloadedText,
  seriousViolations,
} from '../support/browser.js';
import { LIBRARY } from '../support/workshop.js';

// The built game and the real server (its own scratch database), shared by the browser project.
const suite = browserSuite();
const base = suite.url.replace(/\/$/, '');

/**
 * Plays the call to its end by typing the same warm, open answer at every moment; where the game
 * is not sure which answer was meant, the first of the closest few is picked.
 */
async function typeThrough(page: Page): Promise<void> {
  const debrief = page.getByRole('heading', { name: /^Debrief:/ });
  const box = page.getByRole('textbox', { name: /^What do you say to / });
  const closest = page.getByRole('group', { name: 'Which of these is closest to what you meant?' });
  for (let turn = 0; turn < 30; turn++) {
    await page.keyboard.press('Escape');
    await expect
      .poll(async () => (await debrief.isVisible()) || (await box.isVisible()), { timeout: 10_000 })
      .toBe(true);
    if (await debrief.isVisible()) return;
    const said = await page.locator('.log li.you').count();
    await box.fill("I'm sorry, that sounds really frustrating. Tell me what happened and I'll look into it.");
    await box.press('Enter');
    await expect
      .poll(async () => (await closest.isVisible()) || (await page.locator('.log li.you').count()) > said)
      .toBe(true);
    if (await closest.isVisible()) await page.keyboard.press('1');
    await expect.poll(() => page.locator('.log li.you').count()).toBe(said + 1);
  }
  throw new Error('the call did not end');
}

async function attendee(code: string, nickname: string): Promise<{ context: BrowserContext; page: Page }> {
  const context = await suite.browser.newContext();
  const page = await context.newPage();
  const problems: string[] = [];
  page.on('pageerror', (e) => problems.push(e.message));
  await page.goto(`${base}/#/join/${code}`);
  // The code from the QR link is filled in; the nickname field has the focus.
  await expect.poll(() => page.getByLabel('Room code').inputValue()).toBe(code);
  expect(await seriousViolations(page)).toEqual([]);
  await page.keyboard.type(nickname);
  await page.keyboard.press('Enter');
  await page.waitForURL(/#\/room$/);
  expect(problems).toEqual([]);
  return { context, page };
}

async function playRoomCall(page: Page, title: string, pick: (count: number) => number): Promise<number> {
  await page.getByRole('link', { name: title }).click();
  await page.getByRole('button', { name: 'Start the call' }).click();
  await playThrough(page, pick);
  const heading = await page.getByRole('heading', { name: /^Debrief:/ }).innerText();
  return Number(/Debrief: (\d+)/.exec(heading)?.[1]);
}

describe('a workshop room', () => {
  it('facilitator creates and opens a room; two attendees join and play; the projector follows', async () => {
    const host = await suite.browser.newContext({ acceptDownloads: true });
    const facilitator = await host.newPage();
    await facilitator.goto(`${base}/#/host`);
    await facilitator.getByLabel('Name (shown on the projector)').fill('Claims team, Tuesday');
    // The flagship is ticked to start with; add the dented shelves.
    expect(await facilitator.getByLabel('The Envelope of Receipts').isChecked()).toBe(true);
    await facilitator.getByLabel('The dented shelves').check();
    await facilitator.getByRole('button', { name: 'Create the room' }).click();
    await facilitator.waitForURL(/#\/host\/[A-Z2-9]{6}$/);
    const code = /#\/host\/([A-Z2-9]{6})$/.exec(facilitator.url())?.[1] ?? '';
    // A room is picked unless the facilitator says otherwise, and its page says so.
    await expect.poll(() => facilitator.locator('.room-answers').innerText()).toMatch(/^Picked answers:/);
    await facilitator.getByRole('button', { name: 'Open the room' }).click();
    await expect.poll(() => facilitator.locator('.room-state').innerText()).toMatch(/^Open/);

    const projector = await host.newPage();
    await projector.setViewportSize({ width: 1600, height: 900 });
    await projector.goto(`${base}/#/screen/${code}`);
    await expect.poll(() => projector.locator('.room-code').innerText()).toBe(code);
    await expect.poll(() => projector.locator('.live-state').innerText()).toBe('Live');
    await expect.poll(() => projector.locator('.qr svg path').count()).toBe(1);
    expect(await projector.locator('h1').innerText()).toBe('Claims team, Tuesday');

    // Ana's nickname is markup; Ben's starts with a right-to-left override.
    const ana = await attendee(code, '<b>Ana</b>');
    const ben = await attendee(code, '\u202EBen');
    await expect.poll(() => ben.page.getByText('Playing as Ben').count()).toBe(1);
    await ana.page.screenshot({ path: 'test-results/workshop-lobby.png', fullPage: true });
    expect(await seriousViolations(ana.page)).toEqual([]);

    const dented = LIBRARY.find((s) => s.id === 'dented-shelves')?.title ?? '';
    const anaScore = await playRoomCall(ana.page, dented, () => 0);
    await expect
      .poll(() => ana.page.locator('.room-result').innerText())
      .toContain(`Counted in the room: the server scored it ${anaScore} / 1000`);
    // The projector shows the server's score: pushed to it, as it does not ask again by itself.
    const overall = projector.locator('.board table').first();
    await expect.poll(() => overall.locator('tbody tr').count()).toBe(1);
    // Every way on from the debrief leads back to the room, not out of it.
    expect(await ana.page.locator('.actions a').allInnerTexts()).toEqual(['Back to the room']);
    expect(await ana.page.locator('.actions a').getAttribute('href')).toBe('#/room');
    const anaCell = overall.locator('tbody tr td.name').first();
    expect(await anaCell.innerText()).toBe('<b>Ana</b>');
    expect(await anaCell.locator('b').count()).toBe(0);

    const benScore = await playRoomCall(ben.page, dented, (count) => count - 1);
    await expect.poll(() => overall.locator('tbody tr').count()).toBe(2);
    const rows = await overall.locator('tbody tr').allInnerTexts();
    const expected = [
      ['<b>Ana</b>', anaScore],
      ['Ben', benScore],
    ].sort((a, b) => Number(b[1]) - Number(a[1]));
    expect(rows.map((r) => r.split('\t').slice(1))).toEqual(expected.map(([n, s]) => [n, String(s)]));
    // The room's profile names its weakest letter.
    await expect
      .poll(() => projector.locator('.weakest-note').innerText())
      .toMatch(/^Weakest so far: [SOARING] — /);
    expect(await projector.locator('.counts').innerText()).toBe('2 players · 2 calls finished');
    await projector.screenshot({ path: 'test-results/workshop-projector.png' });

    // The facilitator sees both players and downloads the results.
    await facilitator.reload();
    await expect.poll(() => facilitator.locator('.players li').count()).toBe(2);
    const download = facilitator.waitForEvent('download');
    await facilitator.getByRole('button', { name: 'Download results (CSV)' }).click();
    const csv = await downloadedText(await download);
    expect(csv.split('\r\n')[0]).toBe(
      'nickname,scenario,version,score,grade,S,O,A,R,I,N,G,ending,ending_kind,finished_at,scoring,answers',
    );
    const version = LIBRARY.find((s) => s.id === 'dented-shelves')?.version;
    expect(csv).toContain(`<b>Ana</b>,dented-shelves,${version},${anaScore},`);
    expect(
      csv
        .trim()
        .split('\r\n')
        .slice(1)
        .every((row) => row.endsWith(',pick')),
    ).toBe(true);
    expect(csv).toContain(`Ben,dented-shelves,${version},${benScore},`);
    expect(await seriousViolations(facilitator)).toEqual([]);
    expect(await seriousViolations(projector)).toEqual([]);
    await facilitator.screenshot({ path: 'test-results/workshop-host.png', fullPage: true });

    // Removing Ben takes him off the projector, and his lobby tells him at once.
    await ben.page.goto(`${base}/#/room`);
    await expect.poll(() => ben.page.locator('.live-state').innerText()).toMatch(/^Live/);
    facilitator.once('dialog', (dialog) => void dialog.accept());
    await facilitator.getByRole('button', { name: 'Remove Ben' }).click();
    await expect.poll(() => overall.locator('tbody tr').count(), { timeout: 2000 }).toBe(1);
    await expect
      .poll(() => ben.page.getByRole('main').innerText())
      .toContain('The facilitator removed you from this room');
    expect(await ben.page.getByRole('link', { name: dented }).count()).toBe(0);
    expect(await ben.page.getByRole('button', { name: 'Join with another nickname' }).count()).toBe(1);

    await ana.context.close();
    await ben.context.close();

    // A co-facilitator runs the room from another device with the facilitator link.
    const link = await facilitator.locator('#facilitator-link').inputValue();
    expect(link).toMatch(new RegExp(`#/host/${code}/key/[A-Za-z0-9_-]{16,}$`));
    const other = await suite.browser.newContext();
    const coHost = await other.newPage();
    await coHost.goto(link);
    await expect.poll(() => coHost.locator('.room-state').innerText()).toMatch(/^Open/);
    // The secret leaves the address bar at once, and works: this device can close the room.
    expect(coHost.url()).toMatch(new RegExp(`#/host/${code}$`));
    await coHost.getByRole('button', { name: 'Close the room' }).click();
    await expect.poll(() => coHost.locator('.room-state').innerText()).toMatch(/^Closed/);
    // A made-up key does not.
    const forged = await other.newPage();
    await forged.goto(`${base}/#/host/${code}/key/${'x'.repeat(32)}`);
    await expect
      .poll(() => forged.getByRole('main').innerText())
      .toContain('This facilitator link does not work');
    await other.close();
    await host.close();
  });

  it('facilitator creates a typed room by keyboard; its page, the projector and the lobby say so', async () => {
    const host = await suite.browser.newContext();
    const facilitator = await host.newPage();
    await facilitator.goto(`${base}/#/host`);
    await facilitator.getByLabel('Name (shown on the projector)').fill('Typed Thursday');
    const choice = facilitator.getByRole('group', { name: 'How attendees answer' });
    const pick = choice.getByRole('radio', { name: 'Pick: choose written answers' });
    const type = choice.getByRole('radio', { name: 'Type: in their own words, in English' });
    expect(await pick.isChecked()).toBe(true);
    // The choice is a radio group: the arrow keys move it, as on any form.
    await pick.focus();
    await facilitator.keyboard.press('ArrowRight');
    expect(await type.isChecked()).toBe(true);
    expect(await pick.isChecked()).toBe(false);
    expect(await seriousViolations(facilitator)).toEqual([]);
    await facilitator.locator('form.card').screenshot({ path: 'test-results/workshop-typed-create.png' });
    await facilitator.getByRole('button', { name: 'Create the room' }).click();
    await facilitator.waitForURL(/#\/host\/[A-Z2-9]{6}$/);
    const code = /#\/host\/([A-Z2-9]{6})$/.exec(facilitator.url())?.[1] ?? '';
    await expect
      .poll(() => facilitator.locator('.room-answers').innerText())
      .toBe(
        'Typed answers: attendees type what they would say, in their own words. Only typed calls count in this room.',
      );
    await facilitator.getByRole('button', { name: 'Open the room' }).click();
    await expect.poll(() => facilitator.locator('.room-state').innerText()).toMatch(/^Open/);
    expect(await seriousViolations(facilitator)).toEqual([]);
    await facilitator.screenshot({ path: 'test-results/workshop-typed-host.png', fullPage: true });
    // The facilitator's list of rooms says which are typed.
    const list = await host.newPage();
    await list.goto(`${base}/#/host`);
    await expect
      .poll(() => list.getByRole('listitem').filter({ hasText: code }).innerText())
      .toBe(`Typed Thursday · ${code} · typed answers`);
    await list.close();

    const projector = await host.newPage();
    await projector.setViewportSize({ width: 1600, height: 900 });
    await projector.goto(`${base}/#/screen/${code}`);
    await expect.poll(() => projector.locator('.live-state').innerText()).toBe('Live');
    expect(await projector.locator('.answers-way').innerText()).toBe('Typed answers');
    await projector.screenshot({ path: 'test-results/workshop-typed-projector.png' });

    const dee = await attendee(code, 'Dee');
    await expect
      .poll(() => dee.page.locator('.room-answers').innerText())
      .toBe('Typed answers: you type what you would say, in your own words.');
    // The device keeps the room's way with the membership: the room's calls are played that way.
    const kept = await dee.page.evaluate(
      () =>
        (
          JSON.parse(localStorage.getItem('keep-cool:workshop') ?? '{}') as {
            membership?: { answers?: string };
          }
        ).membership?.answers,
    );
    expect(kept).toBe('type');
    expect(await seriousViolations(dee.page)).toEqual([]);
    await dee.page.screenshot({ path: 'test-results/workshop-typed-lobby.png', fullPage: true });
    // Dee plays the room's call by typing: the server labels her words again and counts the call.
    await dee.page.getByRole('link', { name: 'The Envelope of Receipts' }).click();
    await expect
      .poll(() => dee.page.locator('.answer-way-fixed').innerText())
      .toBe('This room is answered by typing: say it in your own words.');
    await dee.page.getByRole('button', { name: 'Start the call' }).click();
    await typeThrough(dee.page);
    const heading = await dee.page.getByRole('heading', { name: /^Debrief:/ }).innerText();
    const total = Number(/Debrief: (\d+)/.exec(heading)?.[1]);
    await expect
      .poll(() => dee.page.locator('.room-result').innerText())
      .toContain(`Counted in the room: the server scored it ${total} / 1000`);
    await expect.poll(() => projector.locator('.board table tbody tr').count()).toBeGreaterThan(0);

    // The typed room's decision map, on the projector: at the first moment, the moves the room's
    // own words were heard making, each with its share (Dee alone: every share is hers, 100%).
    await facilitator.getByRole('link', { name: 'Open the decision map' }).click();
    await facilitator.waitForURL(new RegExp(`#/host/${code}/map$`));
    await facilitator.getByRole('button', { name: 'Put it on the projector' }).click();
    const moment = projector.locator('.screen-map .map-moment');
    await expect.poll(() => moment.getAttribute('data-moment')).toMatch(/^insurance-meal-receipt\//);
    expect(await moment.locator('.map-sub').allInnerTexts()).toContain('Moves heard in the room’s own words');
    const moves = moment.locator('.map-bars.map-moves');
    const heard = moves.locator('.map-share');
    expect(await heard.count()).toBeGreaterThan(0);
    expect((await heard.allInnerTexts()).map((share) => Number.parseInt(share, 10))).toEqual(
      Array.from({ length: await heard.count() }, () => 100),
    );
    // Drawn as the answers are: one bar under another, each track most of the column's width.
    const widths = await moves.evaluate((list) => ({
      list: list.getBoundingClientRect().width,
      tracks: [...list.querySelectorAll('.map-track')].map((track) => track.getBoundingClientRect().width),
    }));
    expect(widths.tracks).toHaveLength(await heard.count());
    for (const track of widths.tracks) expect(track).toBeGreaterThan(widths.list * 0.6);
    expect(await seriousViolations(projector)).toEqual([]);
    await projector.screenshot({ path: 'test-results/workshop-typed-map.png' });
    await dee.context.close();
    await host.close();
  });

  it('keeps a result finished offline and sends it once the network is back', async () => {
    const host = await suite.browser.newContext();
    const facilitator = await host.newPage();
    await facilitator.goto(`${base}/#/host`);
    await facilitator.getByLabel('The dented shelves').check();
    await facilitator.getByRole('button', { name: 'Create the room' }).click();
    await facilitator.waitForURL(/#\/host\/[A-Z2-9]{6}$/);
    const code = /#\/host\/([A-Z2-9]{6})$/.exec(facilitator.url())?.[1] ?? '';
    await facilitator.getByRole('button', { name: 'Open the room' }).click();
    await expect.poll(() => facilitator.locator('.room-state').innerText()).toMatch(/^Open/);

    const cy = await attendee(code, 'Cy');
    const dented = LIBRARY.find((s) => s.id === 'dented-shelves')?.title ?? '';
    await cy.page.getByRole('link', { name: dented }).click();
    await cy.page.getByRole('button', { name: 'Start the call' }).click();
    // The run token is in hand; now the Wi-Fi drops for the rest of the call.
    await cy.context.setOffline(true);
    await playThrough(cy.page, () => 0);
    await expect.poll(() => cy.page.locator('.room-result').innerText()).toMatch(/saved on this device/);
    const outbox = (page: Page) =>
      page.evaluate(
        () =>
          (JSON.parse(localStorage.getItem('keep-cool:workshop') ?? '{}') as { outbox?: unknown[] }).outbox
            ?.length,
      );
    expect(await outbox(cy.page)).toBe(1);
    // Trying again while still offline keeps it waiting.
    await dispatchAndSettle(cy.page, 'online');
    expect(await outbox(cy.page)).toBe(1);
    // Still offline, the lobby lists the room's calls from what this device last saw.
    await cy.page.evaluate(() => {
      window.location.hash = '#/room';
    });
    await expect.poll(() => cy.page.getByRole('link', { name: dented }).count()).toBe(1);
    // The tab is closed; later, with the network back, the game is opened again.
    await cy.page.close();
    await cy.context.setOffline(false);
    const later = await cy.context.newPage();
    await later.goto(`${base}/#/`);
    await expect.poll(() => outbox(later), { timeout: 5000 }).toBe(0);
    const board = (await (await fetch(`${base}/api/rooms/${code}/board`)).json()) as {
      results: number;
      overall: { nickname: string }[];
    };
    expect(board.results).toBe(1);
    expect(board.overall.map((e) => e.nickname)).toEqual(['Cy']);
    // The lobby says what became of it.
    await later.goto(`${base}/#/room`);
    await expect
      .poll(() => later.locator('.card').filter({ hasText: 'Your results in this room' }).innerText())
      .toMatch(/: \d+ \/ 1000 \(1st on this call, 1st overall\)/);
    // Sending again (another tab, a second online event) does not count it twice.
    await dispatchAndSettle(later, 'online');
    expect(
      ((await (await fetch(`${base}/api/rooms/${code}/board`)).json()) as { results: number }).results,
    ).toBe(1);
    await cy.context.close();
    await host.close();
  });
});
