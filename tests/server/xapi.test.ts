/**
 * A room's results sent on as xAPI to the LRS its facilitator set: the statements of every accepted
 * call reach a stub LRS (behind an injected fetch) in order, each exactly once, whether the LRS is
 * down at first, the server restarts with statements waiting, or a reply is lost; refusals for good
 * are kept and counted; the credentials never leave the server. Time moves only by the server's
 * injected clock, and the sender is run pass by pass: nothing here waits on the wall clock.
 */
import { beforeEach, describe, expect, it } from 'vitest';
import type { LrsStatus } from '../../src/api/api.js';
import { callReport } from '../../src/lms/report.js';
import { VERBS, statementId } from '../../src/lms/xapi.js';
import { hash } from '../../src/server/secrets.js';
import { RETRY_BASE_MS, RETRY_MAX_MS } from '../../src/server/xapi.js';
import {
  LIBRARY,
  golden,
  joinRoom,
  openRoom,
  playRun,
  sendResult,
  serverSuite,
  type TestServer,
} from '../support/workshop.js';
import { StubLrs, xapiProblems } from '../support/xapi.js';

const BEST = golden('dented-shelves-tell-me-about-it');
const SCENARIO = LIBRARY.find((s) => s.id === 'dented-shelves');
if (!SCENARIO) throw new Error('the shipped library has dented-shelves');
const report = callReport(SCENARIO, BEST.transcript, 1);
if (!report.ok) throw new Error(report.reason);
/** One answered per decision, then completed. */
const PER_CALL = report.interactions.length + 1;

const PUBLIC_URL = 'http://192.168.1.20:4173/';
const KEY = 'keep-cool-key';
const SECRET = 'lrs-secret-Zq8w-never-sent-back';
const CONFIG = { endpoint: 'https://lrs.test/xapi', key: KEY, secret: SECRET };

let lrs = new StubLrs();
const suite = serverSuite({
  publicUrl: PUBLIC_URL,
  xapi: { fetch: (url, init) => lrs.fetch(url, init), timer: false },
});
let server: TestServer;
beforeEach(() => {
  lrs = new StubLrs();
  server = suite.server;
});

/** A room with the LRS set, and its facilitator's secret. */
async function roomWithLrs(config: Record<string, unknown> = CONFIG) {
  const room = await openRoom(server, ['dented-shelves']);
  const set = await server.request('POST', `/api/rooms/${room.code}/lrs`, config, room.secret);
  expect(set.status, set.text).toBe(200);
  return room;
}

async function status(code: string, secret: string): Promise<LrsStatus> {
  const reply = await server.request('GET', `/api/rooms/${code}/lrs`, undefined, secret);
  expect(reply.status, reply.text).toBe(200);
  return reply.json as unknown as LrsStatus;
}

/** The outbox rows of a room, straight from the database. */
function outbox(code: string) {
  return server.database.db
    .selectFrom('xapi_outbox')
    .selectAll()
    .where('room_code', '=', code)
    .orderBy('position')
    .execute();
}

/** The ids the run's statements must have, in order. */
const idsOf = (run: string): string[] =>
  Array.from({ length: PER_CALL }, (_, i) => statementId(hash(run), i));

/** Successful PUTs per statement id. */
function accepted(): Map<string, number> {
  const counts = new Map<string, number>();
  for (const r of lrs.requests) {
    if (typeof r.status !== 'number' || r.status >= 300) continue;
    const id = r.url.searchParams.get('statementId') ?? '';
    counts.set(id, (counts.get(id) ?? 0) + 1);
  }
  return counts;
}

describe('statements for an accepted call', () => {
  it('reach the room’s LRS: one answered per decision then completed, as the player, valid xAPI', async () => {
    const { code, secret } = await roomWithLrs({ ...CONFIG, pass: 500 });
    const ana = await joinRoom(server, code, 'Ana');
    const played = await playRun(server, ana.token, BEST.transcript);
    expect(played.status).toBe(201);
    await server.xapi.idle();

    const statements = lrs.statements();
    expect(statements.map((s) => s.id)).toEqual(idsOf(played.run));
    expect(statements.map((s) => (s.verb as { id: string }).id)).toEqual([
      ...report.interactions.map(() => VERBS.answered),
      VERBS.completed,
    ]);
    for (const s of statements) {
      expect(xapiProblems(s), String(s.id)).toEqual([]);
      expect(s.actor).toEqual({
        objectType: 'Agent',
        name: 'Ana',
        account: { homePage: PUBLIC_URL, name: ana.id },
      });
    }
    const completed = statements.at(-1)?.result as { score: { scaled: number }; success: boolean };
    expect(completed.score.scaled).toBe(BEST.total / 1000);
    expect(completed.success).toBe(BEST.total >= 500);

    // As xAPI asks: PUT to the endpoint's statements, Basic credentials, the version header.
    for (const r of lrs.requests) {
      expect(r.method).toBe('PUT');
      expect(`${r.url.origin}${r.url.pathname}`).toBe('https://lrs.test/xapi/statements');
      expect(r.headers.authorization).toBe(`Basic ${Buffer.from(`${KEY}:${SECRET}`).toString('base64')}`);
      expect(r.headers['x-experience-api-version']).toBe('1.0.3');
    }
    expect(await status(code, secret)).toEqual({
      configured: true,
      endpoint: 'https://lrs.test/xapi/',
      pass: 500,
      statements: { pending: 0, sent: PER_CALL, failed: 0 },
      lastError: null,
    });
  });

  it('are not made for a room with no LRS, nor twice for a result sent twice', async () => {
    const plain = await openRoom(server, ['dented-shelves']);
    const ben = await joinRoom(server, plain.code, 'Ben');
    expect((await playRun(server, ben.token, BEST.transcript)).status).toBe(201);
    await server.xapi.pass();
    expect(lrs.requests).toEqual([]);
    expect(await outbox(plain.code)).toEqual([]);
    expect(await status(plain.code, plain.secret)).toMatchObject({ configured: false, endpoint: null });

    const { code } = await roomWithLrs();
    const ana = await joinRoom(server, code, 'Ana');
    const played = await playRun(server, ana.token, BEST.transcript);
    await server.xapi.idle();
    // The phone did not hear the reply and sends the result again: it counts once, and so do its statements.
    const again = await sendResult(server, ana.token, played.run, BEST.transcript);
    expect(again.status).toBe(200);
    expect(again.json.duplicate).toBe(true);
    await server.xapi.pass();
    expect(await outbox(code)).toHaveLength(PER_CALL);
    expect(lrs.requests).toHaveLength(PER_CALL);
  });
});

describe('an LRS that is not there', () => {
  it('never holds up a result, and gets every statement exactly once, in order, once it is up', async () => {
    const { code, secret } = await roomWithLrs();
    const ana = await joinRoom(server, code, 'Ana');
    // Down: a refused connection, then errors.
    let failures = 0;
    lrs.answer = () => (failures++ === 0 ? 'down' : 500);
    const played = await playRun(server, ana.token, BEST.transcript);
    expect(played.status).toBe(201);
    await server.xapi.idle();
    // Only the first was tried: the others wait behind it.
    expect(lrs.requests).toHaveLength(1);
    expect((await status(code, secret)).statements).toEqual({ pending: PER_CALL, sent: 0, failed: 0 });
    expect((await status(code, secret)).lastError).toMatch(/could not be reached/);

    // Not before the wait is over.
    server.clock.now += RETRY_BASE_MS - 1;
    await server.xapi.pass();
    expect(lrs.requests).toHaveLength(1);
    server.clock.now += 1;
    await server.xapi.pass();
    expect(lrs.requests).toHaveLength(2);
    expect((await status(code, secret)).lastError).toBe('HTTP 500: forced 500');
    // The wait doubles.
    server.clock.now += 2 * RETRY_BASE_MS - 1;
    await server.xapi.pass();
    expect(lrs.requests).toHaveLength(2);
    server.clock.now += 1;
    await server.xapi.pass();
    expect(lrs.requests).toHaveLength(3);
    expect((await outbox(code))[0]).toMatchObject({ status: 'pending', attempts: 3 });

    lrs.answer = () => null;
    server.clock.now += RETRY_MAX_MS;
    await server.xapi.pass();
    expect(lrs.statements().map((s) => s.id)).toEqual(idsOf(played.run));
    expect([...accepted().values()]).toEqual(idsOf(played.run).map(() => 1));
    expect(await status(code, secret)).toMatchObject({
      statements: { pending: 0, sent: PER_CALL, failed: 0 },
      lastError: null,
    });
    // Nothing more goes out.
    server.clock.now += RETRY_MAX_MS;
    await server.xapi.pass();
    expect(lrs.requests).toHaveLength(3 + PER_CALL);
  });

  it('keeps the statements waiting across a restart, with their wait, and sends them after', async () => {
    const { code, secret } = await roomWithLrs();
    const ana = await joinRoom(server, code, 'Ana');
    lrs.answer = () => 503;
    const played = await playRun(server, ana.token, BEST.transcript);
    await server.xapi.idle();
    const waiting = await outbox(code);
    expect(waiting.map((r) => r.status)).toEqual(idsOf(played.run).map(() => 'pending'));
    const due = Number(waiting[0]?.next_attempt_at);

    lrs = new StubLrs();
    server = await suite.restart({ dataDir: server.dataDir });
    // The new server looked at its outbox on start, and kept to the wait set before.
    server.clock.now = due - 1;
    await server.xapi.pass();
    expect(lrs.requests).toEqual([]);
    server.clock.now = due;
    await server.xapi.pass();
    expect(lrs.statements().map((s) => s.id)).toEqual(idsOf(played.run));
    expect(await status(code, secret)).toMatchObject({
      statements: { pending: 0, sent: PER_CALL, failed: 0 },
    });
  });

  it('sends on start what a stopped server left: the send in flight is abandoned and stays pending', async () => {
    const { code } = await roomWithLrs();
    const ana = await joinRoom(server, code, 'Ana');
    lrs.answer = () => 'hang';
    const reached = lrs.nextRequest();
    // The LRS never answers, and the result is stored and acknowledged all the same.
    const played = await playRun(server, ana.token, BEST.transcript);
    expect(played.status).toBe(201);
    await reached;
    // While the LRS keeps the sender waiting, results are still taken at once.
    const ben = await joinRoom(server, code, 'Ben');
    expect((await playRun(server, ben.token, BEST.transcript)).status).toBe(201);
    await server.xapi.stop();
    expect(lrs.requests.map((r) => r.status)).toEqual(['hung']);
    expect((await outbox(code)).map((r) => [r.status, r.attempts])).toEqual(
      [...idsOf(played.run), ...idsOf(played.run)].map(() => ['pending', 0]),
    );

    // The next start, an hour on, sends them by itself: no pass is asked for.
    lrs = new StubLrs();
    const later = server.clock.now + 3_600_000;
    server = await suite.restart({ dataDir: server.dataDir, now: () => later });
    await server.xapi.idle();
    expect(lrs.statements()).toHaveLength(2 * PER_CALL);
    expect(
      lrs
        .statements()
        .slice(0, PER_CALL)
        .map((s) => s.id),
    ).toEqual(idsOf(played.run));
  });
});

describe('a statement sent again', () => {
  it('is harmless when the reply was lost: the LRS keeps one, the server counts it sent', async () => {
    const { code, secret } = await roomWithLrs();
    const ana = await joinRoom(server, code, 'Ana');
    // The LRS stores every statement, and every reply is lost on the way back the first time.
    const lost = new Set<string>();
    lrs.answer = (r) => {
      const id = r.url.searchParams.get('statementId') ?? '';
      if (lost.has(id)) return null;
      lost.add(id);
      return 'lose-reply';
    };
    const played = await playRun(server, ana.token, BEST.transcript);
    for (let i = 0; i < PER_CALL + 1; i++) {
      await server.xapi.pass();
      server.clock.now += RETRY_MAX_MS;
    }
    expect(lrs.statements().map((s) => s.id)).toEqual(idsOf(played.run));
    // Each went twice, the same statement both times; the LRS holds one of each.
    expect([...lrs.putsById().values()]).toEqual(idsOf(played.run).map(() => 2));
    expect(lrs.stored.size).toBe(PER_CALL);
    expect((await status(code, secret)).statements).toEqual({ pending: 0, sent: PER_CALL, failed: 0 });
  });

  it('counts as sent when the LRS answers 409: it already holds that id', async () => {
    const { code, secret } = await roomWithLrs();
    const ana = await joinRoom(server, code, 'Ana');
    lrs.answer = () => 409;
    await playRun(server, ana.token, BEST.transcript);
    await server.xapi.idle();
    expect(lrs.requests).toHaveLength(PER_CALL);
    expect((await status(code, secret)).statements).toEqual({ pending: 0, sent: PER_CALL, failed: 0 });
  });
});

describe('an LRS that refuses', () => {
  it('for good (a 4xx): the statement is kept, marked failed with the reason, counted, and the rest go on', async () => {
    const { code, secret } = await roomWithLrs();
    const ana = await joinRoom(server, code, 'Ana');
    let n = 0;
    lrs.answer = () =>
      n++ === 1 ? new Response('{"message":"bad result.duration"}', { status: 400 }) : null;
    const played = await playRun(server, ana.token, BEST.transcript);
    await server.xapi.idle();
    const ids = idsOf(played.run);
    expect(lrs.statements().map((s) => s.id)).toEqual(ids.filter((_, i) => i !== 1));
    expect(await status(code, secret)).toMatchObject({
      statements: { pending: 0, sent: PER_CALL - 1, failed: 1 },
      lastError: 'HTTP 400: {"message":"bad result.duration"}',
    });
    expect((await outbox(code))[1]).toMatchObject({ status: 'failed', statement_id: ids[1] });

    // Setting the LRS again gives the refused statement another chance.
    expect((await server.request('POST', `/api/rooms/${code}/lrs`, CONFIG, secret)).status).toBe(200);
    await server.xapi.idle();
    expect(lrs.statements()).toHaveLength(PER_CALL);
    expect((await status(code, secret)).statements).toEqual({ pending: 0, sent: PER_CALL, failed: 0 });
  });

  it('for now (429): waits as long as the LRS asks', async () => {
    const { code } = await roomWithLrs();
    const ana = await joinRoom(server, code, 'Ana');
    lrs.answer = () => new Response('slow down', { status: 429, headers: { 'retry-after': '120' } });
    await playRun(server, ana.token, BEST.transcript);
    await server.xapi.idle();
    const first = (await outbox(code))[0];
    expect(first).toMatchObject({ status: 'pending', attempts: 1, last_error: 'HTTP 429: slow down' });
    expect(Number(first?.next_attempt_at)).toBe(server.clock.now + 120_000);
  });

  it('stops sending when the LRS is removed; what waits is kept for the next one', async () => {
    const { code, secret } = await roomWithLrs();
    const ana = await joinRoom(server, code, 'Ana');
    lrs.answer = () => 500;
    await playRun(server, ana.token, BEST.transcript);
    await server.xapi.idle();
    const removed = await server.request('DELETE', `/api/rooms/${code}/lrs`, undefined, secret);
    expect(removed.json).toMatchObject({ configured: false, statements: { pending: PER_CALL } });
    lrs.answer = () => null;
    server.clock.now += RETRY_MAX_MS;
    await server.xapi.pass();
    expect(lrs.requests).toHaveLength(1);
    // A call finished meanwhile is not queued: the room has no LRS.
    const ben = await joinRoom(server, code, 'Ben');
    await playRun(server, ben.token, BEST.transcript);
    expect(await outbox(code)).toHaveLength(PER_CALL);
    await server.request('POST', `/api/rooms/${code}/lrs`, CONFIG, secret);
    await server.xapi.idle();
    expect(lrs.statements()).toHaveLength(PER_CALL);
  });
});

describe('the LRS settings', () => {
  it('are the facilitator’s alone, and the credentials never appear in any reply', async () => {
    const { code, secret } = await openRoom(server, ['dented-shelves']);
    const ana = await joinRoom(server, code, 'Ana');
    const replies = [
      await server.request('POST', `/api/rooms/${code}/lrs`, { ...CONFIG, endpoint: 'ftp://x' }, secret),
      await server.request('POST', `/api/rooms/${code}/lrs`, CONFIG, secret),
      await server.request('GET', `/api/rooms/${code}/lrs`, undefined, secret),
    ];
    expect(replies.map((r) => r.status)).toEqual([400, 200, 200]);
    await playRun(server, ana.token, BEST.transcript);
    await server.xapi.idle();
    replies.push(
      await server.request('GET', `/api/rooms/${code}`),
      await server.request('GET', `/api/rooms/${code}/board`),
      await server.request('GET', `/api/rooms/${code}/players`, undefined, secret),
      await server.request('GET', `/api/rooms/${code}/export.csv`, undefined, secret),
      await server.request('GET', '/api/me', undefined, ana.token),
      await server.request('GET', '/api/health'),
      await server.request('PATCH', `/api/rooms/${code}`, { status: 'closed' }, secret),
      await server.request('GET', `/api/rooms/${code}/lrs`, undefined, ana.token),
      await server.request('POST', `/api/rooms/${code}/lrs`, CONFIG, ana.token),
      await server.request('DELETE', `/api/rooms/${code}/lrs`, undefined),
      await server.request('DELETE', `/api/rooms/${code}/lrs`, undefined, secret),
    );
    expect(replies.slice(-4).map((r) => r.status)).toEqual([403, 403, 403, 200]);
    for (const reply of replies) {
      expect(reply.text).not.toContain(SECRET);
      expect(reply.text).not.toContain(KEY);
      expect(reply.text).not.toContain(Buffer.from(`${KEY}:${SECRET}`).toString('base64'));
    }
    expect(replies[2]?.json).toEqual({
      configured: true,
      endpoint: 'https://lrs.test/xapi/',
      pass: null,
      statements: { pending: 0, sent: 0, failed: 0 },
      lastError: null,
    });
  });

  it('refuse what will not work, with a 400 that says what and where', async () => {
    const { code, secret } = await openRoom(server, ['dented-shelves']);
    const refused = async (body: Record<string, unknown>) => {
      const reply = await server.request('POST', `/api/rooms/${code}/lrs`, body, secret);
      expect(reply.status, JSON.stringify(body)).toBe(400);
      expect(reply.json.error?.code).toBe('invalid-request');
      return [reply.json.error?.where, reply.json.error?.message];
    };
    expect(await refused({ ...CONFIG, endpoint: 'ftp://lrs.test/xapi/' })).toEqual([
      'body.endpoint',
      'The LRS endpoint must start with https:// or http://, not ftp://.',
    ]);
    expect(await refused({ ...CONFIG, endpoint: 'lrs.test/xapi' })).toEqual([
      'body.endpoint',
      'The LRS endpoint must be a full address, like https://lrs.example.com/xapi/.',
    ]);
    expect(await refused({ ...CONFIG, endpoint: 'https://me:pw@lrs.test/xapi/' })).toEqual([
      'body.endpoint',
      'Put the LRS credentials in key and secret, not in the endpoint’s address.',
    ]);
    expect((await refused({ ...CONFIG, endpoint: 'https://lrs.test/xapi/?x=1' }))[0]).toBe('body.endpoint');
    expect(await refused({ ...CONFIG, key: 'a:b' })).toEqual([
      'body.key',
      'The LRS key cannot contain a colon (“:”).',
    ]);
    expect(await refused({ ...CONFIG, secret: '' })).toEqual([
      'body.secret',
      'Give the LRS secret (the Basic authentication password).',
    ]);
    expect((await refused({ endpoint: CONFIG.endpoint, secret: SECRET }))[0]).toBe('body.key');
    expect((await refused({ ...CONFIG, pass: 1001 }))[0]).toBe('body.pass');
    expect((await refused({ ...CONFIG, password: 'x' }))[1]).toMatch(/Unknown field “password”/);
    expect((await status(code, secret)).configured).toBe(false);
    // An http endpoint is fine (an LRS on the venue's network), and gets its closing slash.
    const plain = await server.request(
      'POST',
      `/api/rooms/${code}/lrs`,
      { ...CONFIG, endpoint: 'http://10.0.0.5:8080/data/xAPI' },
      secret,
    );
    expect(plain.json).toMatchObject({ configured: true, endpoint: 'http://10.0.0.5:8080/data/xAPI/' });
  });
});
