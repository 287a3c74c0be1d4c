/**
 * Ids are data on the server too: a call called `constructor`, nicknames a JavaScript object already
 * answers to, and a score that is not a whole number refused with a reason instead of a 500.
 */
import { beforeEach, describe, expect, it } from 'vitest';
import { own, type Scenario } from '../../src/engine/index.js';
import { unstorableScore } from '../../src/server/score-guard.js';
import type { BoardSnapshot, ResultAccepted } from '../../src/api/api.js';
import { loadFile } from '../support/scenarios.js';
import {
  LIBRARY,
  golden,
  joinRoom,
  openRoom,
  playRun,
  serverSuite,
  type TestServer,
  boardOf,
  storedResultsOf,
} from '../support/workshop.js';

const IDS = loadFile('tests/fixtures/scenarios/prototype-ids.yaml');
const CLEAN = golden('prototype-ids-time-out-then-i-message');
const FLAG = golden('prototype-ids-flag-branch');

const suite = serverSuite({ scenarios: [...LIBRARY, IDS] });
let server: TestServer;
beforeEach(() => {
  server = suite.server;
});

const board = (code: string): Promise<BoardSnapshot> => boardOf(server, code);
const storedResults = (): Promise<number> => storedResultsOf(server);

describe('a call whose id is constructor', () => {
  it('is listed, played, scored, ranked, exported and rebuilt after a restart', async () => {
    const listed = (await server.request('GET', '/api/scenarios')).json as unknown as {
      scenarios: { id: string }[];
    };
    expect(listed.scenarios.map((s) => s.id)).toContain('constructor');
    const { code, secret } = await openRoom(server, ['constructor', 'dented-shelves']);
    const players = await Promise.all(
      ['constructor', '__proto__', 'toString'].map((name) => joinRoom(server, code, name)),
    );
    const [first, second, third] = players;
    if (!first || !second || !third) throw new Error('three players joined');

    const sent = await playRun(server, first.token, CLEAN.transcript);
    expect(sent.status).toBe(201);
    const accepted = sent.json as unknown as ResultAccepted;
    expect(accepted).toMatchObject({ total: CLEAN.total, ending: 'sorted', rank: { scenario: 1 } });
    server.clock.now += 60_000;
    expect((await playRun(server, second.token, FLAG.transcript)).status).toBe(201);

    const snapshot = await board(code);
    expect(Object.keys(snapshot.byScenario).sort()).toEqual(['constructor', 'dented-shelves']);
    expect(own(snapshot.byScenario, 'constructor')?.map((e) => [e.nickname, e.total])).toEqual([
      ['constructor', CLEAN.total],
      ['__proto__', FLAG.total],
    ]);
    expect(snapshot.byScenario['dented-shelves']).toEqual([]);
    expect(snapshot.players).toBe(3);

    const csv = await server.request('GET', `/api/rooms/${code}/export.csv`, undefined, secret);
    expect(csv.text).toContain(`constructor,constructor,1,${CLEAN.total},`);
    expect(csv.text).toContain(`__proto__,constructor,1,${FLAG.total},`);

    server = await suite.restart({ dataDir: server.dataDir });
    expect((await board(code)).byScenario).toEqual(snapshot.byScenario);
  });

  it('is refused by a server that does not have it, like any unknown call', async () => {
    server = await suite.restart({ scenarios: LIBRARY });
    const created = await server.request('POST', '/api/rooms', { name: 'R', scenarios: ['constructor'] });
    expect(created.status).toBe(422);
    expect(created.json.error?.code).toBe('unknown-scenario');
    const { code } = await openRoom(server, ['dented-shelves']);
    const { token } = await joinRoom(server, code, 'Ana');
    const run = await server.request('POST', '/api/runs', { scenario: 'constructor', version: 1 }, token);
    expect(run.status).toBe(422);
    expect(run.json.error?.code).toBe('not-in-room');
  });
});

describe('scores the server stores', () => {
  it('are finite whole numbers', () => {
    for (const ok of [0, 963, 1000]) expect(unstorableScore(ok)).toBeNull();
    for (const bad of [Number.NaN, Infinity, -Infinity, 512.5, '900', undefined]) {
      expect(unstorableScore(bad)).toMatch(/whole number/);
    }
  });

  it('refuses a call that comes to NaN with a 422 in the API’s shape, and stores nothing', async () => {
    // A library built by hand, past the loader: an ending whose gratitude is not a number.
    const sorted = IDS.endings.sorted;
    if (!sorted) throw new Error('the fixture has an ending called sorted');
    const broken: Scenario = { ...IDS, endings: { ...IDS.endings, sorted: { ...sorted, gratitude: NaN } } };
    server = await suite.restart({ scenarios: [broken] });
    const { code } = await openRoom(server, ['constructor']);
    const { token } = await joinRoom(server, code, 'Ana');
    const sent = await playRun(server, token, CLEAN.transcript);
    expect(sent.status).toBe(422);
    expect(sent.json.error?.code).toBe('unscorable');
    expect(sent.json.error?.message).toContain('whole number');
    expect(await storedResults()).toBe(0);
    expect((await board(code)).results).toBe(0);
  });
});
