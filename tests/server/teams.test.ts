/**
 * Teams on the real server: the facilitator names them, attendees join one, the team board is in
 * every snapshot; and a player far down a big room's board is still told their own place.
 */
import { beforeEach, describe, expect, it, vi } from 'vitest';
import type { BoardSnapshot, Joined, PlaceReport, TeamList } from '../../src/api/api.js';
import { LiveBoards } from '../../src/server/live.js';
import { FakeResponse } from '../support/live-stream.js';
import {
  boardOf,
  golden,
  joinRoom,
  openRoom,
  playRun,
  serverSuite,
  type TestServer,
} from '../support/workshop.js';

const BEST = golden('dented-shelves-tell-me-about-it');
const ARGUED = golden('dented-shelves-argued-then-listened');

const suite = serverSuite();
let server: TestServer;
beforeEach(() => {
  server = suite.server;
});

async function setTeams(code: string, secret: string, teams: string[]) {
  return server.request('POST', `/api/rooms/${code}/teams`, { teams }, secret);
}

async function joinTeam(code: string, nickname: string, team?: string) {
  return server.request('POST', `/api/rooms/${code}/players`, { nickname, ...(team ? { team } : {}) });
}

describe('teams', () => {
  it('lets attendees join the facilitator’s teams, and ranks the teams by their members’ mean', async () => {
    const { code, secret } = await openRoom(server, ['dented-shelves']);
    expect((await server.request('GET', `/api/rooms/${code}/teams`)).json).toEqual({ teams: [] });
    const set = await setTeams(code, secret, ['  Blue   Whales ', 'Red Foxes', 'Gold']);
    expect(set.status).toBe(200);
    const { teams } = set.json as unknown as TeamList;
    // Cleaned like a nickname.
    expect(teams.map((t) => t.name)).toEqual(['Blue Whales', 'Red Foxes', 'Gold']);
    expect((await server.request('GET', `/api/rooms/${code}/teams`)).json).toEqual({ teams });
    const [blue, red] = teams;
    if (!blue || !red) throw new Error('two teams');

    // Joining a room with teams takes one of its teams, and nothing else.
    const none = await joinTeam(code, 'Ana');
    expect(none.status).toBe(422);
    expect(none.json.error).toMatchObject({ code: 'no-team', where: 'body.team' });
    expect((await joinTeam(code, 'Ana', 'not-a-team-of-this-room')).json.error?.code).toBe('no-team');
    const ana = await joinTeam(code, 'Ana', blue.id);
    expect(ana.status).toBe(201);
    expect((ana.json as unknown as Joined).team).toEqual(blue);
    const anaToken = (ana.json as unknown as Joined).token;
    const benJoined = (await joinTeam(code, 'Ben', red.id)).json as unknown as Joined;
    const cyJoined = (await joinTeam(code, 'Cy', red.id)).json as unknown as Joined;
    expect(cyJoined.team).toEqual(red);

    await playRun(server, anaToken, ARGUED.transcript);
    await playRun(server, benJoined.token, BEST.transcript);
    const snapshot = await boardOf(server, code);
    // Red: Ben's total alone (Cy has not played yet, and is shown as not counted).
    expect(snapshot.teams).toEqual([
      {
        rank: 1,
        team: red.id,
        name: 'Red Foxes',
        total: BEST.total,
        members: 2,
        counted: 1,
        finishedAt: server.clock.now,
      },
      expect.objectContaining({ rank: 2, name: 'Blue Whales', total: ARGUED.total, members: 1, counted: 1 }),
      { rank: null, team: teams[2]?.id, name: 'Gold', total: null, members: 0, counted: 0, finishedAt: null },
    ]);
    await playRun(server, cyJoined.token, ARGUED.transcript);
    expect((await boardOf(server, code)).teams[0]).toMatchObject({
      name: 'Red Foxes',
      total: Math.round((BEST.total + ARGUED.total) / 2),
      counted: 2,
    });

    // A change of case keeps the team (and its members); a team with members cannot leave the list.
    const dropped = await setTeams(code, secret, ['BLUE WHALES', 'Gold']);
    expect(dropped.status).toBe(409);
    expect(dropped.json.error).toMatchObject({
      code: 'team-has-members',
      message: expect.stringContaining('“Red Foxes” has members') as unknown,
    });
    const kept = await setTeams(code, secret, ['Red Foxes', 'BLUE WHALES', 'Gold', 'Green']);
    expect(kept.status).toBe(200);
    const after = (kept.json as unknown as TeamList).teams;
    expect(after.slice(0, 3).map((t) => t.id)).toEqual([red.id, blue.id, teams[2]?.id]);
    expect(after[1]?.name).toBe('BLUE WHALES');
    // The empty Gold and Green may go.
    expect((await setTeams(code, secret, ['Red Foxes', 'Blue Whales'])).status).toBe(200);
    const board = await boardOf(server, code);
    expect(board.teams.map((t) => t.name)).toEqual(['Red Foxes', 'Blue Whales']);

    // The team board is rebuilt from the database after a restart, the same.
    server = await suite.restart({ dataDir: server.dataDir });
    const rebuilt = await boardOf(server, code);
    expect(rebuilt.teams).toEqual(board.teams);
  });

  it('refuses team names that should not be shown, and only the facilitator sets them', async () => {
    const { code, secret } = await openRoom(server, ['dented-shelves']);
    const offensive = await setTeams(code, secret, ['Red', 'fvck']);
    expect(offensive.status).toBe(422);
    expect(offensive.json.error).toMatchObject({ code: 'team-name', where: 'body.teams.1' });
    const same = await setTeams(code, secret, ['Red', 'RED']);
    expect(same.json.error).toMatchObject({ code: 'team-name', where: 'body.teams.1' });
    // A Cyrillic Е drawn like a Latin E: the same name on the projector.
    const lookAlike = await setTeams(code, secret, ['Eagles', '\u0415agles']);
    expect(lookAlike.json.error?.code).toBe('team-name');
    const blank = await setTeams(code, secret, ['Red', '\u200B  ']);
    expect(blank.json.error).toMatchObject({ code: 'team-name', where: 'body.teams.1' });
    expect((await setTeams(code, secret, ['Only one'])).status).toBe(400);
    expect(
      (
        await setTeams(
          code,
          secret,
          Array.from({ length: 13 }, (_, i) => `Team ${i}`),
        )
      ).status,
    ).toBe(400);
    // Markup is kept as text, never as markup.
    const markup = await setTeams(code, secret, ['<b>Bold</b>', 'Plain']);
    expect((markup.json as unknown as TeamList).teams[0]?.name).toBe('<b>Bold</b>');
    const player = await joinRoom(server, code, 'Ana').catch((e: unknown) => e);
    expect(String(player)).toMatch(/no-team/);
    expect((await setTeams(code, 'not-the-secret-of-this-room', ['A', 'B'])).status).toBe(403);
    // Teams off: joining takes no team again, and refuses one.
    expect((await setTeams(code, secret, [])).json).toEqual({ teams: [] });
    expect((await joinTeam(code, 'Ana', 'abcdefghijkl')).json.error?.code).toBe('no-team');
    expect((await joinTeam(code, 'Ana')).status).toBe(201);
    expect((await boardOf(server, code)).teams).toEqual([]);
  });
});

describe('every place', () => {
  it('sends the first 25 of each board with how many there are, and each phone its own place', async () => {
    const { code } = await openRoom(server, ['dented-shelves']);
    const players = [];
    for (let i = 0; i < 30; i++) players.push(await joinRoom(server, code, `Player ${i}`));
    const [first, ...rest] = players;
    if (!first) throw new Error('players');
    // The first player plays the worse call: last of thirty, outside the stream's 25.
    await playRun(server, first.token, ARGUED.transcript);
    for (const p of rest) await playRun(server, p.token, BEST.transcript);
    const snapshot = await boardOf(server, code);
    expect(snapshot.overall).toHaveLength(25);
    expect(snapshot.onBoard).toEqual({ overall: 30, byScenario: { 'dented-shelves': 30 } });
    expect(snapshot.overall.some((e) => e.player === first.id)).toBe(false);

    const live = new LiveBoards(server.workshop, 0);
    try {
      const phone = new FakeResponse();
      const projector = new FakeResponse();
      await live.connect(code, '10.0.0.1', phone.as(), first.token, first.id);
      await live.connect(code, '10.0.0.2', projector.as());
      expect(phone.events<PlaceReport>('place')).toEqual([
        {
          revision: snapshot.revision,
          player: first.id,
          overall: { rank: 30, total: ARGUED.total },
          byScenario: { 'dented-shelves': { rank: 30, total: ARGUED.total } },
          team: null,
        },
      ]);
      // The projector, which holds no player's token, is sent the board alone.
      expect(projector.events('place')).toEqual([]);
      expect(projector.events<BoardSnapshot>('board')).toHaveLength(1);
      // After a change, the phone hears its new place.
      await playRun(server, first.token, BEST.transcript);
      await vi.waitFor(() => {
        expect(phone.events('place')).toHaveLength(2);
      });
      expect(phone.events<PlaceReport>('place')[1]?.overall?.rank).toBe(30);
      expect(projector.events('place')).toEqual([]);
    } finally {
      live.close();
    }
    // The stream's address holds a key and nothing else: no player can be named there.
    const named = await server.request('GET', `/api/rooms/${code}/events?player=${first.id}`);
    expect(named.status).toBe(400);
    const unknown = await server.request('GET', `/api/rooms/${code}/events?colour=red`);
    expect(unknown.status).toBe(400);
  });

  it('sends a player’s places to the stream holding their token, and to no other', async () => {
    const { code, secret } = await openRoom(server, ['dented-shelves']);
    const ana = await joinRoom(server, code, 'Ana');
    const ben = await joinRoom(server, code, 'Ben');
    await playRun(server, ana.token, BEST.transcript);
    await playRun(server, ben.token, ARGUED.transcript);
    const other = await openRoom(server, ['dented-shelves']);
    const stranger = await joinRoom(server, other.code, 'Cy');
    const base = await server.app.listen({ port: 0, host: '127.0.0.1' });
    const url = (key: string) => `${base}/api/rooms/${code}/events?key=${encodeURIComponent(key)}`;

    const phone = await firstFrames(url(ben.token), 'place');
    const places = eventsIn<PlaceReport>(phone, 'place');
    expect(places).toHaveLength(1);
    expect(places[0]).toMatchObject({ player: ben.id, overall: { rank: 2, total: ARGUED.total } });
    // The room's secret (the projector) and another room's player are sent the board alone.
    for (const key of [secret, stranger.token]) {
      const frames = await firstFrames(url(key), 'board');
      expect(eventsIn(frames, 'board')).toHaveLength(1);
      expect(eventsIn(frames, 'place')).toEqual([]);
    }
  });
});

/**
 * The start of a stream, read until its first `until` event and a moment after it (a place comes
 * right after its board, so a stream that would send one has sent it by then).
 */
async function firstFrames(url: string, until: string): Promise<string> {
  const controller = new AbortController();
  const response = await fetch(url, { signal: controller.signal });
  const reader = response.body?.pipeThrough(new TextDecoderStream()).getReader();
  if (!reader) throw new Error('no stream');
  let text = '';
  const deadline = Date.now() + 10_000;
  while (!text.includes(`event: ${until}\n`)) {
    if (Date.now() > deadline) throw new Error(`no ${until} event`);
    const chunk = await reader.read();
    if (chunk.done) break;
    text += chunk.value;
  }
  const more = reader.read();
  const settled = await Promise.race([more, new Promise((r) => setTimeout(r, 200, null))]);
  if (settled && typeof settled === 'object' && 'value' in settled && typeof settled.value === 'string') {
    text += settled.value;
  }
  controller.abort();
  return text;
}

function eventsIn<T = unknown>(text: string, name: string): T[] {
  return text
    .split('\n\n')
    .filter((frame) => new RegExp(`^event: ${name}$`, 'm').test(frame))
    .map((frame) => JSON.parse(/^data: (.*)$/m.exec(frame)?.[1] ?? 'null') as T);
}
