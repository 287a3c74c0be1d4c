/**
 * A workshop in teams, in Chromium against the real server: the facilitator names the teams, an
 * attendee picks one on their phone, forty-five players finish calls, and the projector shows the
 * team board and says how many places it does not show, while the attendee's phone shows their own
 * place far down the board.
 */
import { mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Transcript } from '../../src/engine/index.js';
import { browserSuite, seriousViolations } from '../support/browser.js';

const suite = browserSuite();
const base = suite.url.replace(/\/$/, '');
const SCRATCH = '.scratch';
mkdirSync(SCRATCH, { recursive: true });

/**
 * A golden call with its moments brought within two seconds: the server takes a transcript no
 * longer than the time since its run began, and these runs are sent at once.
 */
function quick(name: string): Transcript {
  const file = JSON.parse(readFileSync(join('tests/fixtures/calls', `${name}.json`), 'utf8')) as {
    transcript: Transcript;
  };
  const last = Math.max(...file.transcript.events.map((e) => e.at));
  return {
    ...file.transcript,
    mode: 'assessment',
    events: file.transcript.events.map((e) => ({ ...e, at: Math.round((e.at * 2000) / last) })),
  };
}

const CALLS = [
  quick('dented-shelves-tell-me-about-it'),
  quick('dented-shelves-argued-then-listened'),
  quick('dented-shelves-we-would-never'),
];

async function api(method: string, path: string, body?: unknown, token?: string): Promise<unknown> {
  const response = await fetch(`${base}/api${path}`, {
    method,
    headers: {
      ...(body === undefined ? {} : { 'content-type': 'application/json' }),
      ...(token ? { authorization: `Bearer ${token}` } : {}),
    },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
  const text = await response.text();
  if (!response.ok) throw new Error(`${method} ${path}: ${response.status} ${text}`);
  return text ? (JSON.parse(text) as unknown) : undefined;
}

/** Starts a run and sends the call: the server replays it and scores it. */
async function play(token: string, transcript: Transcript): Promise<number> {
  const { run } = (await api(
    'POST',
    '/runs',
    { scenario: transcript.scenario.id, version: transcript.scenario.version },
    token,
  )) as { run: string };
  const { total } = (await api('POST', '/results', { run, transcript }, token)) as { total: number };
  return total;
}

describe('a workshop in teams', () => {
  it('names teams, lets a phone pick one, and shows the team board and every place', async () => {
    const { secret, room } = (await api('POST', '/rooms', {
      name: 'Teams Tuesday',
      scenarios: ['dented-shelves'],
    })) as { secret: string; room: { code: string } };
    const code = room.code;
    await api('PATCH', `/rooms/${code}`, { status: 'open' }, secret);

    // The facilitator names the teams on the room's page (opened here with the facilitator link).
    const host = await suite.browser.newContext();
    const facilitator = await host.newPage();
    await facilitator.goto(`${base}/#/host/${code}/key/${secret}`);
    await expect.poll(() => facilitator.locator('.room-state').innerText()).toMatch(/^Open/);
    const names = facilitator.getByLabel('Team names, one per line');
    // A name that should not be on a screen is refused, and nothing is saved.
    await names.fill('Blue Whales\nfvck');
    await facilitator.getByRole('button', { name: 'Save the teams' }).click();
    await expect
      .poll(() => facilitator.locator('.notice').innerText())
      .toContain('One of the team names cannot be used');
    expect(((await api('GET', `/rooms/${code}/teams`)) as { teams: unknown[] }).teams).toEqual([]);
    await names.fill('Blue Whales\n  Red   Foxes\nGold Stars\n');
    await facilitator.getByRole('button', { name: 'Save the teams' }).click();
    await expect.poll(() => facilitator.locator('.notice').innerText()).toContain('The teams were saved');
    // As the server cleaned them.
    expect(await names.inputValue()).toBe('Blue Whales\nRed Foxes\nGold Stars');
    expect(await seriousViolations(facilitator)).toEqual([]);
    const { teams } = (await api('GET', `/rooms/${code}/teams`)) as { teams: { id: string; name: string }[] };
    expect(teams.map((t) => t.name)).toEqual(['Blue Whales', 'Red Foxes', 'Gold Stars']);

    // An attendee joins on a phone from the QR link, and must pick a team.
    const phoneContext = await suite.browser.newContext({
      viewport: { width: 390, height: 844 },
      isMobile: true,
      hasTouch: true,
    });
    const phone = await phoneContext.newPage();
    await phone.goto(`${base}/#/join/${code}`);
    const picker = phone.getByRole('group', { name: 'Your team' });
    await expect.poll(() => picker.getByRole('radio').count()).toBe(3);
    await phone.getByLabel('Your nickname').fill('Zed');
    await phone.getByRole('button', { name: 'Join the room' }).click();
    await expect.poll(() => phone.locator('.form-error').innerText()).toBe('Pick your team.');
    await picker.getByRole('radio', { name: 'Red Foxes' }).check();
    expect(await seriousViolations(phone)).toEqual([]);
    await phone.screenshot({ path: `${SCRATCH}/join-team-picker.png`, fullPage: true });
    await phone.getByRole('button', { name: 'Join the room' }).click();
    await phone.waitForURL(/#\/room$/);
    await expect.poll(() => phone.locator('.team-line').innerText()).toBe('Team Red Foxes');
    const zed = await phone.evaluate(
      () =>
        (
          JSON.parse(localStorage.getItem('keep-cool:workshop') ?? '{}') as {
            membership: { token: string; player: string };
          }
        ).membership,
    );

    // Forty-four more players join the three teams and finish a call each; Zed finishes last,
    // with the lowest score: 45th, far outside the board's first places.
    const totals: number[] = [];
    for (let i = 0; i < 44; i++) {
      const joined = (await api('POST', `/rooms/${code}/players`, {
        nickname: `Player ${String(i + 1).padStart(2, '0')}`,
        team: teams[(i + 2) % 3]?.id,
      })) as { token: string };
      totals.push(await play(joined.token, CALLS[i % 2] as Transcript));
    }
    const zedTotal = await play(zed.token, CALLS[2] as Transcript);
    expect(Math.min(...totals)).toBeGreaterThan(zedTotal);
    // Gold, Blue and Red (with Zed) have fifteen members each; a team's score is their mean.
    const mean = (team: number) => {
      const scores = totals.filter((_, i) => (i + 2) % 3 === team);
      if (team === 1) scores.push(zedTotal);
      return scores.reduce((a, b) => a + b, 0) / scores.length;
    };
    const expected = [0, 1, 2]
      .map((team) => ({ name: teams[team]?.name, mean: mean(team) }))
      .sort((a, b) => b.mean - a.mean)
      .map((t) => [t.name, String(Math.round(t.mean))]);

    const projector = await host.newPage();
    await projector.setViewportSize({ width: 1600, height: 900 });
    await projector.goto(`${base}/#/screen/${code}`);
    await expect.poll(() => projector.locator('.live-state').innerText()).toBe('Live');
    const overall = projector.locator('.board').first();
    await expect.poll(() => projector.locator('.team-board tbody tr').count()).toBe(3);
    await projector.screenshot({ path: `${SCRATCH}/projector-teams-45.png` });
    // Each board shows the places that fit on the screen, and counts the others under it.
    const shown = await overall.locator('tbody tr').count();
    expect(shown).toBeGreaterThanOrEqual(5);
    expect(await overall.locator('.more-places').innerText()).toBe(
      `and ${45 - shown} more: every phone shows its own place`,
    );
    const call = projector.locator('.board').nth(1);
    const podium = await call.locator('tbody tr').count();
    expect(podium).toBeGreaterThanOrEqual(3);
    expect(await call.locator('.more-places').innerText()).toBe(`and ${45 - podium} more`);
    // Put full screen on a taller projector, the boards take the room at once, with no new result;
    // back on the smaller one, they give it up again, and nothing scrolls.
    await projector.setViewportSize({ width: 1600, height: 1200 });
    await expect.poll(() => overall.locator('tbody tr').count()).toBeGreaterThan(shown);
    expect(await overall.locator('.more-places').innerText()).toBe(
      `and ${45 - (await overall.locator('tbody tr').count())} more: every phone shows its own place`,
    );
    await projector.setViewportSize({ width: 1600, height: 900 });
    await expect.poll(() => overall.locator('tbody tr').count()).toBe(shown);
    expect(await call.locator('tbody tr').count()).toBe(podium);
    expect(
      await projector
        .locator('.screen-boards')
        .evaluate((area) => area.scrollHeight <= area.clientHeight + 1),
    ).toBe(true);
    const teamBoard = projector.locator('.team-board');
    expect(await teamBoard.locator('h3').innerText()).toBe('Teams');
    const rows = (await teamBoard.locator('tbody tr').allInnerTexts()).map((r) => r.split('\t'));
    expect(rows).toHaveLength(3);
    // Each team's 15 members have all played.
    expect(rows.map((r) => r[3])).toEqual(['15 of 15', '15 of 15', '15 of 15']);
    expect(rows.map((r) => r[0])).toEqual(['1', '2', '3']);
    expect(rows.map((r) => [r[1], r[2]])).toEqual(expected);
    expect(await teamBoard.locator('.more-places').innerText()).toBe(
      'Score: the mean of the members who have played.',
    );
    // Nothing on the big screen spills out of its board.
    const spill = await projector.evaluate(() =>
      [...document.querySelectorAll('.screen .board')].some((b) => b.scrollWidth > b.clientWidth + 1),
    );
    expect(spill).toBe(false);
    expect(await seriousViolations(projector)).toEqual([]);

    // Zed's phone shows his own place, below the first ten, and his team marked.
    const own = phone.locator('.live-board tr.own-place');
    await expect.poll(() => own.count()).toBe(1);
    expect((await own.innerText()).split('\t')).toEqual(['45', 'Zed', String(zedTotal)]);
    expect(await phone.locator('.own-place-line').innerText()).toBe('You are 45th overall.');
    expect(await phone.locator('.live-board .more-places').first().innerText()).toBe('and 34 more');
    expect(await phone.locator('.live-board .team-board tr.me td.name').innerText()).toBe('Red Foxes');
    expect(await seriousViolations(phone)).toEqual([]);
    await phone.screenshot({ path: `${SCRATCH}/lobby-own-place.png`, fullPage: true });

    // The projector's boards fit its screen: nothing to scroll.
    expect(
      await projector
        .locator('.screen-boards')
        .evaluate((area) => area.scrollHeight <= area.clientHeight + 1),
    ).toBe(true);

    // The decision map takes the projector's screen in place of the boards, and gives it back: the
    // boards come back fitted to it, the team board with them.
    const view = (shown: boolean) =>
      api('POST', `/rooms/${code}/map-view`, { shown, moment: null, names: false }, secret);
    await view(true);
    await expect.poll(() => projector.locator('.screen-map').isVisible()).toBe(true);
    expect(await projector.locator('.screen-boards').isVisible()).toBe(false);
    await expect.poll(() => projector.locator('.screen-map .map-bar').count()).toBeGreaterThan(0);
    await projector.screenshot({ path: `${SCRATCH}/projector-teams-map.png` });
    // A moment with four long answers still fits the screen: the projector is never scrolled.
    await expect
      .poll(() => projector.evaluate(() => document.documentElement.scrollHeight <= window.innerHeight + 1))
      .toBe(true);
    await view(false);
    await expect.poll(() => projector.locator('.screen-boards').isVisible()).toBe(true);
    expect(await projector.locator('.team-board tbody tr').count()).toBe(3);
    expect(
      await projector
        .locator('.screen-boards')
        .evaluate((area) => area.scrollHeight <= area.clientHeight + 1),
    ).toBe(true);
    await phoneContext.close();
    await host.close();
  });
});
