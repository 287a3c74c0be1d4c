/**
 * The page's API client reads every reply by the endpoint table: what fits is handed over, what
 * does not is a refusal that says so (never a crash further on), and the server's refusals, a dead
 * network and a proxy's error page each read as what they are.
 */
import { describe, expect, it } from 'vitest';
import { ENDPOINTS, type BoardSnapshot, type RoomInfo } from '../../src/api/api.js';
import { apiClient, isTransient, send } from '../../src/screens/workshop/api-client.js';
import { readBoard } from '../../src/screens/workshop/live.js';

const ROOM: RoomInfo = {
  code: 'K7PX3M',
  name: 'Tuesday',
  status: 'open',
  scenarios: [{ id: 'dented-shelves', title: 'Dented shelves', version: 2 }],
  answers: 'pick',
};

/** A fetch that answers every request with this, and remembers what was asked. */
function answering(body: string | null, init: ResponseInit = {}) {
  const asked: { url: string; method: string; headers: Headers; body: unknown }[] = [];
  const fetcher: typeof fetch = (input, request) => {
    asked.push({
      url: input instanceof Request ? input.url : input.toString(),
      method: request?.method ?? 'GET',
      headers: new Headers(request?.headers),
      body: request?.body,
    });
    return Promise.resolve(new Response(body, init));
  };
  return { api: apiClient('', fetcher), asked };
}

describe('apiClient', () => {
  it('hands over a reply that fits its schema, typed by the table', async () => {
    const { api, asked } = answering(JSON.stringify({ ...ROOM, extra: 'from a newer server' }), {
      status: 200,
    });
    const reply = await send(api, ENDPOINTS.room, { params: { code: 'K7PX3M' } });
    // A field this page does not know is dropped, not a failure.
    expect(reply).toEqual({ ok: true, status: 200, data: ROOM });
    expect(asked[0]).toMatchObject({ url: '/api/rooms/K7PX3M', method: 'GET' });
  });

  it('sends the body as JSON and the token as a bearer, with parameters escaped', async () => {
    const { api, asked } = answering(null, { status: 204 });
    const reply = await send(api, ENDPOINTS.removePlayer, {
      params: { code: 'K7PX3M', player: 'a/b?c' },
      token: 'secret-token-0123456789',
    });
    expect(reply).toEqual({ ok: true, status: 204, data: undefined });
    expect(asked[0]?.url).toBe('/api/rooms/K7PX3M/players/a%2Fb%3Fc');
    expect(asked[0]?.headers.get('authorization')).toBe('Bearer secret-token-0123456789');
    const joined = answering('{}', { status: 201 });
    await send(joined.api, ENDPOINTS.join, { params: { code: 'K7PX3M' }, body: { nickname: 'Ana' } });
    expect(joined.asked[0]?.body).toBe('{"nickname":"Ana"}');
    expect(joined.asked[0]?.headers.get('content-type')).toBe('application/json');
  });

  it('refuses a reply that does not fit, saying where, and keeps it worth another try', async () => {
    const { api } = answering(JSON.stringify({ ...ROOM, code: 'nope' }), { status: 200 });
    const reply = await api.call<RoomInfo>('GET', '/rooms/K7PX3M');
    expect(reply).toMatchObject({ ok: false, status: 200, code: 'bad-reply', offline: false });
    if (reply.ok) throw new Error('refused above');
    expect(reply.message).toMatch(/could not be read \(code: a room code is six letters and digits/);
    expect(reply.message).toMatch(/Reload the page/);
    expect(isTransient(reply)).toBe(true);
  });

  it('refuses a success that is not JSON, or has a status the endpoint never answers', async () => {
    const html = await answering('<html>captive portal</html>', { status: 200 }).api.call('GET', '/health');
    expect(html).toMatchObject({ ok: false, code: 'bad-reply' });
    const odd = await answering(JSON.stringify(ROOM), { status: 202 }).api.call('GET', '/rooms/K7PX3M');
    expect(odd).toMatchObject({ ok: false, code: 'bad-reply', status: 202 });
  });

  it('reads text replies as text', async () => {
    const { api } = answering('nickname,scenario\r\nAna,dented-shelves\r\n', { status: 200 });
    const csv = await send(api, ENDPOINTS.exportCsv, { params: { code: 'K7PX3M' } });
    expect(csv).toEqual({ ok: true, status: 200, data: 'nickname,scenario\r\nAna,dented-shelves\r\n' });
  });

  it('does not call an address outside the API table', async () => {
    const { api, asked } = answering('{}', { status: 200 });
    expect(await api.call('GET', '/secrets')).toMatchObject({ ok: false, code: 'bad-reply' });
    expect(asked).toEqual([]);
  });

  it('passes on the server’s refusals in its own words, with Retry-After', async () => {
    const error = { error: { code: 'rate-limited', message: 'Too many requests; try again in 7 s.' } };
    const { api } = answering(JSON.stringify(error), { status: 429, headers: { 'retry-after': '7' } });
    const reply = await api.call('POST', '/runs', { scenario: 'dented-shelves', version: 2 });
    expect(reply).toEqual({
      ok: false,
      status: 429,
      code: 'rate-limited',
      message: 'Too many requests; try again in 7 s.',
      offline: false,
      retryAfterSeconds: 7,
    });
  });

  it('takes a proxy’s error page or no answer at all for being offline', async () => {
    const proxy = await answering('<h1>502 Bad Gateway</h1>', { status: 502 }).api.call('GET', '/health');
    expect(proxy).toMatchObject({ ok: false, code: 'offline', offline: true });
    const down = apiClient('', () => Promise.reject(new TypeError('Failed to fetch')));
    const reply = await down.call('GET', '/health');
    expect(reply).toMatchObject({ ok: false, status: 0, code: 'offline', offline: true });
    // A refusal the server means is not worth trying again as it is.
    const refused = await answering(JSON.stringify({ error: { code: 'run-used', message: 'Used.' } }), {
      status: 409,
    }).api.call('POST', '/results', {});
    if (refused.ok) throw new Error('refused');
    expect(isTransient(refused)).toBe(false);
  });
});

describe('readBoard', () => {
  const board: BoardSnapshot = {
    room: ROOM,
    revision: 3,
    players: 1,
    results: 1,
    overall: [{ rank: 1, player: 'player-0001', nickname: 'Ana', total: 840, finishedAt: 1 }],
    byScenario: { 'dented-shelves': [] },
    profile: [{ letter: 'S', hits: 1, opportunities: 2, ratio: 0.5 }],
    weakest: 'S',
    onBoard: { overall: 1, byScenario: { 'dented-shelves': 0 } },
    teams: [],
  };

  it('reads a board that fits the schema', () => {
    expect(readBoard(JSON.stringify(board))).toEqual({ ok: true, board });
  });

  it('says why a board cannot be read, rather than drawing half of it', () => {
    const broken = readBoard(JSON.stringify({ ...board, overall: [{ rank: 'first' }] }));
    expect(broken).toMatchObject({ ok: false });
    if (broken.ok) throw new Error('refused above');
    expect(broken.reason).toMatch(
      /^The live board could not be read \(overall\.0\.rank: .*\)\. Reload the page\.$/,
    );
    expect(readBoard('not json')).toMatchObject({ ok: false });
  });
});
