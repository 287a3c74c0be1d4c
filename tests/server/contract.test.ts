/**
 * One source for every shape: the page's own API client, reading every reply by the endpoint
 * table's schemas, against the real server, whose routes come from the same table. A reply the
 * server could write but the page could not read fails here.
 */
import { describe, expect, it } from 'vitest';
import { ENDPOINTS, RoomInfo, isRoomCode, isToken, type Endpoint } from '../../src/api/api.js';
import { apiClient, send, type ApiClient, type ApiResult } from '../../src/screens/workshop/api-client.js';
import { buildServer } from '../../src/server/app.js';
import { golden, LIBRARY, serverSuite, type TestServer } from '../support/workshop.js';

const BEST = golden('dented-shelves-tell-me-about-it');

/** fetch, answered by the server in this process (no socket). */
function fetchFrom(server: TestServer): typeof fetch {
  return async (input, init) => {
    const url = new URL(input instanceof Request ? input.url : String(input), 'http://keep-cool.test');
    const reply = await server.app.inject({
      method: (init?.method ?? 'GET') as 'GET',
      url: `${url.pathname}${url.search}`,
      headers: Object.fromEntries(new Headers(init?.headers).entries()),
      ...(typeof init?.body === 'string' ? { payload: init.body } : {}),
    });
    const headers = new Headers();
    for (const [name, value] of Object.entries(reply.headers)) {
      if (value !== undefined) headers.set(name, Array.isArray(value) ? value.join(', ') : String(value));
    }
    const body = reply.statusCode === 204 ? null : reply.body;
    return new Response(body, { status: reply.statusCode, headers });
  };
}

/** The data of a success; a refusal fails the test with the client's own words. */
function data<T>(result: ApiResult<T>): T {
  if (!result.ok) throw new Error(`${result.code}: ${result.message}`);
  return result.data;
}

const suite = serverSuite();

describe('the page’s client and the server', () => {
  it('agree on every reply of a workshop, from a new room to its export', async () => {
    const server = suite.server;
    const api: ApiClient = apiClient('', fetchFrom(server));

    const health = data(await send(api, ENDPOINTS.health));
    expect(health).toMatchObject({ status: 'ok', db: 'ok', scenarios: LIBRARY.length });
    expect(data(await send(api, ENDPOINTS.scenarios)).scenarios.map((s) => s.id)).toContain('dented-shelves');
    expect(data(await send(api, ENDPOINTS.info))).toEqual({ publicUrl: null });

    const created = data(
      await send(api, ENDPOINTS.createRoom, { body: { name: 'Contract', scenarios: ['dented-shelves'] } }),
    );
    expect(isRoomCode(created.room.code)).toBe(true);
    // A room is picked unless its facilitator says it is typed.
    expect(created.room.answers).toBe('pick');
    const typed = data(
      await send(api, ENDPOINTS.createRoom, {
        body: { name: 'Typed', scenarios: ['dented-shelves'], answers: 'type' },
      }),
    );
    expect(data(await send(api, ENDPOINTS.room, { params: { code: typed.room.code } })).answers).toBe('type');
    expect(isToken(created.secret)).toBe(true);
    const code = created.room.code;
    const secret = created.secret;
    // A code typed in small letters reaches the same room.
    expect(data(await send(api, ENDPOINTS.room, { params: { code: code.toLowerCase() } })).code).toBe(code);
    const opened = data(
      await send(api, ENDPOINTS.updateRoom, { params: { code }, body: { status: 'open' }, token: secret }),
    );
    expect(opened.status).toBe('open');

    const joined = data(await send(api, ENDPOINTS.join, { params: { code }, body: { nickname: 'Ana' } }));
    expect(isToken(joined.token)).toBe(true);
    const token = joined.token;
    expect(data(await send(api, ENDPOINTS.me, { token })).player).toEqual(joined.player);

    const { version } = BEST.transcript.scenario;
    const run = data(
      await send(api, ENDPOINTS.startRun, { body: { scenario: 'dented-shelves', version }, token }),
    );
    server.clock.now += 10 * 60_000;
    const body = { run: run.run, transcript: BEST.transcript };
    const accepted = await send(api, ENDPOINTS.submitResult, { body, token });
    expect(accepted.status).toBe(201);
    expect(data(accepted)).toMatchObject({
      total: BEST.total,
      rank: { scenario: 1, overall: 1 },
      duplicate: false,
    });
    const again = await send(api, ENDPOINTS.submitResult, { body, token });
    expect(again.status).toBe(200);
    expect(data(again).duplicate).toBe(true);

    const board = data(await send(api, ENDPOINTS.board, { params: { code } }));
    expect(board.overall.map((e) => [e.nickname, e.total])).toEqual([['Ana', BEST.total]]);
    const players = data(await send(api, ENDPOINTS.players, { params: { code }, token: secret }));
    expect(players.players).toMatchObject([{ id: joined.player.id, nickname: 'Ana', results: 1 }]);
    const csv = data(await send(api, ENDPOINTS.exportCsv, { params: { code }, token: secret }));
    expect(csv.split('\r\n')[1]).toMatch(/^Ana,dented-shelves,/);
    const removed = await send(api, ENDPOINTS.removePlayer, {
      params: { code, player: joined.player.id },
      token: secret,
    });
    expect(removed).toEqual({ ok: true, status: 204, data: undefined });

    // Refusals reach the page in their own words.
    const gone = await send(api, ENDPOINTS.me, { token });
    expect(gone).toMatchObject({ ok: false, status: 403, code: 'removed', offline: false });
    const badCode = await send(api, ENDPOINTS.room, { params: { code: 'abc' } });
    expect(badCode).toMatchObject({ ok: false, status: 400, code: 'invalid-request' });
  });

  it('agree on the LRS settings: set, read and removed, with no credentials in the replies', async () => {
    const api: ApiClient = apiClient('', fetchFrom(suite.server));
    const { secret, room } = data(
      await send(api, ENDPOINTS.createRoom, { body: { name: 'LRS', scenarios: ['dented-shelves'] } }),
    );
    const params = { code: room.code };
    const set = data(
      await send(api, ENDPOINTS.setLrs, {
        params,
        body: { endpoint: 'https://lrs.test/xapi', key: 'k', secret: 'lrs-secret', pass: 600 },
        token: secret,
      }),
    );
    expect(set).toEqual({
      configured: true,
      endpoint: 'https://lrs.test/xapi/',
      pass: 600,
      statements: { pending: 0, sent: 0, failed: 0 },
      lastError: null,
    });
    expect(data(await send(api, ENDPOINTS.lrs, { params, token: secret }))).toEqual(set);
    expect(data(await send(api, ENDPOINTS.removeLrs, { params, token: secret }))).toMatchObject({
      configured: false,
      endpoint: null,
    });
  });

  it('has a route for every endpoint of the table', () => {
    const endpoints: Endpoint[] = Object.values(ENDPOINTS);
    for (const e of endpoints) {
      expect(
        suite.server.app.hasRoute({ method: e.method, url: `/api${e.path}` }),
        `${e.method} ${e.path}`,
      ).toBe(true);
    }
  });
});

describe('a reply that does not fit its schema', () => {
  it('is not sent: the server answers 500 in the API’s shape instead', async () => {
    const { app } = await buildServer({ db: suite.server.database.db, scenarios: LIBRARY });
    app.get('/api/broken', { schema: { response: { 200: RoomInfo } } }, () => ({ code: 'not a room' }));
    try {
      const reply = await app.inject({ method: 'GET', url: '/api/broken' });
      expect(reply.statusCode).toBe(500);
      expect(reply.json()).toEqual({
        error: {
          code: 'server-error',
          message:
            'The server could not put its answer into words. Try again; if it keeps happening, tell the facilitator.',
        },
      });
      expect(reply.body).not.toContain('not a room');
    } finally {
      await app.close();
    }
  });

  it('is cut to its schema: a field the API does not name never leaves the server', async () => {
    const { app } = await buildServer({ db: suite.server.database.db, scenarios: LIBRARY });
    app.get('/api/chatty', { schema: { response: { 200: RoomInfo } } }, () => ({
      code: 'K7PX3M',
      name: 'Room',
      status: 'open',
      scenarios: [],
      answers: 'pick',
      secret: 'do-not-send-this-secret',
    }));
    try {
      const reply = await app.inject({ method: 'GET', url: '/api/chatty' });
      expect(reply.statusCode).toBe(200);
      expect(reply.json()).toEqual({
        code: 'K7PX3M',
        name: 'Room',
        status: 'open',
        scenarios: [],
        answers: 'pick',
      });
    } finally {
      await app.close();
    }
  });
});
