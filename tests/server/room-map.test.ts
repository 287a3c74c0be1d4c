/**
 * The decision map and the per-decision export on the real server: who may read the map, the
 * facilitator's control of the projector's view, nicknames hidden unless turned on, a player's own
 * answers marked, the map computed once per change of the board, and CSV that a spreadsheet cannot
 * run.
 */
import { beforeEach, describe, expect, it } from 'vitest';
import type { BoardSnapshot, RoomInfo } from '../../src/api/api.js';
import { RoomMap, type MapView } from '../../src/api/map-replies.js';
import { DECISIONS_HEADER } from '../../src/server/room-maps.js';
import {
  boardOf,
  golden,
  joinRoom,
  openRoom,
  playRun,
  serverSuite,
  typedTranscript,
  type TestServer,
} from '../support/workshop.js';

const BEST = golden('dented-shelves-tell-me-about-it');
const NEVER = golden('dented-shelves-we-would-never');
const ARGUED = golden('dented-shelves-argued-then-listened');

const suite = serverSuite();
let server: TestServer;
beforeEach(() => {
  server = suite.server;
});

const mapOf = async (code: string, token?: string) => {
  const reply = await server.request('GET', `/api/rooms/${code}/map`, undefined, token);
  return { status: reply.status, error: reply.json.error, map: reply.json as unknown as RoomMap };
};
const setView = (code: string, view: MapView, token?: string) =>
  server.request('POST', `/api/rooms/${code}/map-view`, view, token);

/** A room where Ana played the method's way, Ben said "we would never", and Cy argued then listened. */
async function playedRoom() {
  const room = await openRoom(server, ['dented-shelves']);
  const ana = await joinRoom(server, room.code, 'Ana');
  const ben = await joinRoom(server, room.code, 'Ben');
  const cy = await joinRoom(server, room.code, 'Cy');
  expect((await playRun(server, ana.token, BEST.transcript)).status).toBe(201);
  expect((await playRun(server, ben.token, NEVER.transcript)).status).toBe(201);
  expect((await playRun(server, cy.token, ARGUED.transcript)).status).toBe(201);
  return { ...room, ana, ben, cy };
}

describe('the decision map endpoint', () => {
  it('is the facilitator’s and the players’ at any time, and everyone’s once it is on the projector', async () => {
    const { code, secret, ana } = await playedRoom();
    // Nobody else's until the facilitator shows it.
    expect(await mapOf(code)).toMatchObject({ status: 403, error: { code: 'map-hidden' } });
    const facilitator = await mapOf(code, secret);
    expect(facilitator.status).toBe(200);
    expect(RoomMap.parse(facilitator.map)).toEqual(facilitator.map);
    const refusal = facilitator.map.scenarios[0]?.moments[0];
    expect(refusal?.reached).toBe(3);
    expect(refusal?.answers.reduce((sum, a) => sum + a.share, 0)).toBe(100);
    // Nicknames are off until the facilitator turns them on.
    expect(facilitator.map.names).toBe(false);
    expect(JSON.stringify(facilitator.map)).not.toMatch(/Ana|Ben|"Cy"/);

    // Ana's phone: her answers marked, nobody else's.
    const mine = (await mapOf(code, ana.token)).map;
    expect(mine.scenarios[0]?.moments.map((m) => m.answers.filter((a) => a.mine).map((a) => a.id))).toEqual([
      ['reflect-apologize'],
      [],
      ['both'],
    ]);
    expect(
      (await mapOf(code, secret)).map.scenarios[0]?.moments.some((m) => m.answers.some((a) => a.mine)),
    ).toBe(false);

    // A token of another room's player, and a made-up one, are refused.
    const other = await openRoom(server, ['dented-shelves']);
    const dee = await joinRoom(server, other.code, 'Dee');
    expect(await mapOf(code, dee.token)).toMatchObject({ status: 403, error: { code: 'not-in-room' } });
    expect((await mapOf(code, 'x'.repeat(24))).status).toBe(401);

    expect((await setView(code, { shown: true, moment: null, names: false }, secret)).status).toBe(200);
    const projector = await mapOf(code);
    expect(projector.status).toBe(200);
    expect(projector.map).toEqual({ ...facilitator.map, revision: projector.map.revision });
  });

  it('lets only the facilitator set the view, which every live screen hears with the room', async () => {
    const { code, secret, ana } = await playedRoom();
    const view = { shown: true, moment: 'dented-shelves/proof', names: true };
    expect((await setView(code, view, ana.token)).status).toBe(403);
    expect((await setView(code, view)).status).toBe(403);
    expect((await setView(code, { ...view, moment: 'Proof!' }, secret)).status).toBe(400);
    const set = await setView(code, view, secret);
    expect(set.status).toBe(200);
    expect(set.json).toEqual(view);
    const room = (await server.request('GET', `/api/rooms/${code}`)).json as unknown as RoomInfo;
    expect(room.map).toEqual(view);
    // The board (what the live stream pushes) carries it, so the projector follows the facilitator.
    const board: BoardSnapshot = await boardOf(server, code);
    expect(board.room.map).toEqual(view);
    // With names on, the map says who chose what.
    const named = (await mapOf(code)).map;
    expect(named.names).toBe(true);
    expect(named.scenarios[0]?.moments[0]?.answers.find((a) => a.id === 'never')?.names).toEqual(['Ben']);
    // A removed player leaves the map at once.
    const ben = (await server.request('GET', `/api/rooms/${code}/players`, undefined, secret)).json as {
      players: { id: string; nickname: string }[];
    };
    const benId = ben.players.find((p) => p.nickname === 'Ben')?.id ?? '';
    expect(
      (await server.request('DELETE', `/api/rooms/${code}/players/${benId}`, undefined, secret)).status,
    ).toBe(204);
    const after = (await mapOf(code)).map;
    expect(after.scenarios[0]?.moments[0]?.reached).toBe(2);
    expect(JSON.stringify(after)).not.toContain('Ben');
  });

  it('is computed once per change of the board: stepping through it reads the same computation', async () => {
    const { code, secret, ana } = await playedRoom();
    const first = (await mapOf(code, secret)).map;
    const revision = (await boardOf(server, code)).revision;
    expect(first.revision).toBe(revision);
    for (const moment of [
      'dented-shelves/the-refusal',
      'dented-shelves/proof',
      'dented-shelves/the-photos',
    ]) {
      expect((await setView(code, { shown: true, moment, names: false }, secret)).status).toBe(200);
      // The board moved on (live screens hear of the step), the map did not need computing again.
      expect((await boardOf(server, code)).revision).toBeGreaterThan(revision);
      expect((await mapOf(code)).map.revision).toBe(revision);
    }
    // A new result is a change: the map is computed again and counts Ana's latest run.
    expect((await playRun(server, ana.token, NEVER.transcript)).status).toBe(201);
    const again = (await mapOf(code, ana.token)).map;
    expect(again.revision).toBe((await boardOf(server, code)).revision);
    expect(again.scenarios[0]?.moments[0]?.answers.find((a) => a.mine)?.id).toBe('never');
    expect(again.scenarios[0]?.moments[0]?.answers.find((a) => a.id === 'never')?.count).toBe(2);
  });

  it('stays fast for 300 players who each played two calls', { timeout: 120_000 }, async () => {
    const { code, secret } = await openRoom(server, ['dented-shelves', 'insurance-meal-receipt']);
    const plays = [BEST, NEVER, ARGUED];
    for (let i = 0; i < 300; i++) {
      const player = await joinRoom(server, code, `Player ${i}`);
      expect((await playRun(server, player.token, (plays[i % 3] ?? BEST).transcript)).status).toBe(201);
      expect((await playRun(server, player.token, (plays[(i + 1) % 3] ?? BEST).transcript)).status).toBe(201);
    }
    let started = performance.now();
    const map = (await mapOf(code, secret)).map;
    const computed = performance.now() - started;
    expect(map.scenarios[0]?.players).toBe(300);
    expect(map.scenarios[0]?.moments[0]?.reached).toBe(300);
    // 600 stored runs, 300 of them the latest: replayed once, in well under a second.
    expect(computed).toBeLessThan(3000);
    started = performance.now();
    for (let i = 0; i < 20; i++) await mapOf(code, secret);
    // Twenty more reads from the cache: each only cuts the viewer's copy.
    expect((performance.now() - started) / 20).toBeLessThan(Math.max(50, computed / 4));
  });
});

describe('the per-decision export', () => {
  it('has one row per decision, anonymised unless nicknames are on, and no cell a spreadsheet would run', async () => {
    const room = await openRoom(server, ['dented-shelves']);
    const { code, secret } = room;
    const hostile = await joinRoom(server, code, '=HYPERLINK("x","go")');
    server.clock.now += 1000;
    const plain = await joinRoom(server, code, 'Ana, "the boss"');
    expect((await playRun(server, hostile.token, NEVER.transcript)).status).toBe(201);
    expect((await playRun(server, plain.token, ARGUED.transcript)).status).toBe(201);
    expect(
      (await server.request('GET', `/api/rooms/${code}/decisions.csv`, undefined, plain.token)).status,
    ).toBe(403);
    const hidden = await server.request('GET', `/api/rooms/${code}/decisions.csv`, undefined, secret);
    expect(hidden.status).toBe(200);
    expect(hidden.headers['content-type']).toMatch(/^text\/csv/);
    const lines = hidden.text.trimEnd().split('\r\n');
    expect(lines[0]).toBe(DECISIONS_HEADER.join(','));
    expect(DECISIONS_HEADER).toEqual([
      'room',
      'nickname',
      'scenario',
      'scenario_version',
      'call',
      'step',
      'moment',
      'answer',
      'letters',
      'donts',
      'anger_before',
      'anger_after',
    ]);
    const version = NEVER.transcript.scenario.version;
    // Two decisions in "we would never", three in "argued then listened"; by order of joining.
    expect(lines.slice(1)).toEqual([
      expect.stringMatching(
        new RegExp(
          `^${code},attendee-1,dented-shelves,${version},1,1,the-refusal,never,,tell-wrong never-do-that,55,\\d+$`,
        ),
      ),
      expect.stringMatching(
        new RegExp(`^${code},attendee-1,dented-shelves,${version},1,2,proof,prove-wrong,,`),
      ),
      expect.stringMatching(
        new RegExp(`^${code},attendee-2,dented-shelves,${version},2,1,the-refusal,policy-right,`),
      ),
      expect.stringMatching(
        new RegExp(`^${code},attendee-2,dented-shelves,${version},2,2,proof,tell-me,A I,,`),
      ),
      expect.stringMatching(
        new RegExp(`^${code},attendee-2,dented-shelves,${version},2,3,the-photos,both,G,,`),
      ),
    ]);
    expect(hidden.text).not.toContain('HYPERLINK');

    expect((await setView(code, { shown: false, moment: null, names: true }, secret)).status).toBe(200);
    const named = (await server.request('GET', `/api/rooms/${code}/decisions.csv`, undefined, secret)).text;
    // The formula is written as text (a leading apostrophe), quoted for its comma and quotes.
    expect(named).toContain(`${code},"'=HYPERLINK(""x"",""go"")",dented-shelves,`);
    expect(named).toContain(`${code},"Ana, ""the boss""",dented-shelves,`);
    expect(named.split('\r\n').some((row) => /^[^,]*,=/.test(row))).toBe(false);
  });

  it('writes a typed answer’s own words in place of a response id', async () => {
    const { code, secret } = await openRoom(server, ['dented-shelves'], 'type');
    const ana = await joinRoom(server, code, 'Ana');
    const typed = typedTranscript(BEST.transcript);
    expect((await playRun(server, ana.token, typed)).status).toBe(201);
    const csv = (await server.request('GET', `/api/rooms/${code}/decisions.csv`, undefined, secret)).text;
    const first = typed.events[0];
    if (first?.kind !== 'typed') throw new Error('a typed call');
    expect(csv).toContain(`,the-refusal,${first.text},I,,`);
    expect(csv.trimEnd().split('\r\n')).toHaveLength(1 + typed.events.length);
  });
});
