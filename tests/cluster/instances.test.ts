/**
 * Several server instances on one PostgreSQL database (the `postgres` project only: SQLite is one
 * server): any instance takes any request, the live boards stay in step through LISTEN/NOTIFY, a
 * run counts once whichever instance it is sent to, and an instance killed mid-workshop loses
 * nothing it acknowledged while its clients carry on with another.
 */
import { createHash } from 'node:crypto';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sql } from 'kysely';
import { afterEach, describe, expect, it } from 'vitest';
import type { BoardSnapshot } from '../../src/api/api.js';
import { listen } from '../support/live-stream.js';
import { briskTranscript, setUpRoom, startRun, submit } from '../support/load.js';
import { call, startServerProcess, type ServerProcess } from '../support/server-process.js';
import { processDatabase, readProcessDatabase } from '../support/test-db.js';
import { PostgresPeers } from '../../src/server/peers.js';
import {
  golden,
  joinRoom,
  openRoom,
  playRun,
  removeDir,
  sendResult,
  startTestServer,
  type TestServer,
} from '../support/workshop.js';

const BEST = golden('dented-shelves-tell-me-about-it');
const ARGUED = golden('dented-shelves-argued-then-listened');

/** Reads stream events until one satisfies `ok` (each wait bounded, for a busy machine). */
async function until(
  stream: Awaited<ReturnType<typeof listen>>,
  ok: (board: BoardSnapshot) => boolean,
): Promise<BoardSnapshot> {
  for (;;) {
    const board = await stream.next(15_000);
    if (ok(board)) return board;
  }
}

describe('two instances on one database', () => {
  const started: TestServer[] = [];
  afterEach(async () => {
    for (const server of started.splice(0)) await server.close();
    for (const server of started.splice(0)) removeDir(server.dataDir);
  });

  /** Two servers on the same data (one schema), each on its own socket, with one clock between them. */
  async function pair(): Promise<{ a: TestServer; b: TestServer; urlB: string }> {
    const a = await startTestServer();
    started.push(a);
    const b = await startTestServer({ dataDir: a.dataDir, now: () => a.clock.now });
    started.push(b);
    const address = await b.app.listen({ port: 0, host: '127.0.0.1' });
    return { a, b, urlB: address };
  }

  it('keeps the projector on B in step with attendees on A: joins, results, removals, the room closing', async () => {
    const { a, b, urlB } = await pair();
    const { code, secret } = await openRoom(a);
    const projector = await listen(`${urlB}/api/rooms/${code}/events`);
    try {
      expect((await projector.next()).players).toBe(0);
      const ana = await joinRoom(a, code, 'Ana');
      const ben = await joinRoom(a, code, 'Ben');
      await until(projector, (board) => board.players === 2);
      expect((await playRun(a, ana.token, BEST.transcript)).status).toBe(201);
      expect((await playRun(a, ben.token, ARGUED.transcript)).status).toBe(201);
      const ranked = await until(projector, (board) => board.results === 2);
      expect(ranked.overall.map((e) => [e.nickname, e.total])).toEqual([
        ['Ana', BEST.total],
        ['Ben', ARGUED.total],
      ]);
      // B's board is the same as A's, place for place.
      const onA = (await a.request('GET', `/api/rooms/${code}/board`)).json as unknown as BoardSnapshot;
      expect(onA.overall).toEqual(ranked.overall);
      expect(onA.byScenario).toEqual(ranked.byScenario);

      expect(
        (await a.request('DELETE', `/api/rooms/${code}/players/${ana.id}`, undefined, secret)).status,
      ).toBe(204);
      const after = await until(projector, (board) => board.players === 1);
      expect(after.overall.map((e) => e.nickname)).toEqual(['Ben']);
      // A player removed on A cannot play on B either.
      expect(
        (await b.request('POST', '/api/runs', { scenario: 'dented-shelves', version: 1 }, ana.token)).status,
      ).toBe(403);

      await a.request('PATCH', `/api/rooms/${code}`, { status: 'closed' }, secret);
      expect((await until(projector, (board) => board.room.status === 'closed')).room.status).toBe('closed');
    } finally {
      projector.close();
    }
  });

  it('counts a run once, whichever instance its result reaches, and refuses another transcript on it', async () => {
    const { a, b } = await pair();
    const { code } = await openRoom(a);
    const ana = await joinRoom(b, code, 'Ana');
    const { version } = BEST.transcript.scenario;
    const started = await a.request('POST', '/api/runs', { scenario: 'dented-shelves', version }, ana.token);
    expect(started.status).toBe(201);
    const run = (started.json as { run: string }).run;
    a.clock.now += 60_000;
    // The same result sent to both at once (a phone retrying through the other instance).
    const replies = await Promise.all([
      sendResult(a, ana.token, run, BEST.transcript),
      sendResult(b, ana.token, run, BEST.transcript),
    ]);
    // Stored once (201); the other is acknowledged as the resend it is (200, duplicate).
    expect(replies.map((r) => r.status).sort()).toEqual([200, 201]);
    expect(replies.map((r) => r.json.duplicate).sort()).toEqual([false, true]);
    // Another transcript on the used run is refused on either instance.
    for (const server of [a, b]) {
      expect((await sendResult(server, ana.token, run, ARGUED.transcript)).json.error?.code).toBe('run-used');
    }
    const rows = await a.database.db.selectFrom('results').select('run_hash').execute();
    expect(rows).toHaveLength(1);
    const onB = (await b.request('GET', `/api/rooms/${code}/board`)).json as unknown as BoardSnapshot;
    expect(onB.results).toBe(1);
  });
});

describe('the link between instances', () => {
  it('catches up after its listening connection was cut: the boards are read again', async () => {
    const a = await startTestServer();
    const b = await startTestServer({ dataDir: a.dataDir, now: () => a.clock.now });
    try {
      const { code } = await openRoom(a);
      const ana = await joinRoom(a, code, 'Ana');
      // B holds the room's board.
      expect(
        ((await b.request('GET', `/api/rooms/${code}/board`)).json as unknown as BoardSnapshot).players,
      ).toBe(1);
      // Cut B's listening connection (as a database restart or a network cut would), and store a
      // result while it is down: its notice cannot reach B.
      const peers = b.database.peers;
      if (!(peers instanceof PostgresPeers)) throw new Error('the postgres project runs on PostgreSQL');
      const name = peers.applicationName;
      const cut = await sql<{ cut: boolean }>`select pg_terminate_backend(pid) as cut from pg_stat_activity
        where application_name = ${name}`.execute(a.database.db);
      expect(cut.rows).toEqual([{ cut: true }]);
      expect((await playRun(a, ana.token, BEST.transcript)).status).toBe(201);
      // Once B listens again it reads the boards it holds afresh, and has the result.
      await expect
        .poll(
          async () =>
            ((await b.request('GET', `/api/rooms/${code}/board`)).json as unknown as BoardSnapshot).results,
          { timeout: 20_000 },
        )
        .toBe(1);
      const listening = await sql<{ n: number }>`select count(*)::int as n from pg_stat_activity
        where application_name = ${name}`.execute(a.database.db);
      expect(listening.rows).toEqual([{ n: 1 }]);
    } finally {
      await b.close();
      await a.close();
      removeDir(a.dataDir);
    }
  });
});

describe('an instance killed mid-workshop', () => {
  const dirs: string[] = [];
  const servers: ServerProcess[] = [];
  afterEach(async () => {
    for (const server of servers.splice(0)) await server.stop('SIGKILL');
    for (const dir of dirs.splice(0)) removeDir(dir);
  });

  it('loses nothing it acknowledged; its players carry on with the other, and a projector reconnects there', async () => {
    const database = await processDatabase('postgres');
    const start = async () => {
      const dir = mkdtempSync(join(tmpdir(), 'keep-cool-instance-'));
      dirs.push(dir);
      const server = await startServerProcess(dir, {
        ...database,
        RATE_LIMIT_FACTOR: '100',
        LOG_LEVEL: 'warn',
      });
      servers.push(server);
      return server;
    };
    const a = await start();
    const b = await start();
    const room = await setUpRoom(a.url, 20);
    const transcript = briskTranscript();
    const acknowledged: string[] = [];
    let killed = false;
    let enough = () => {};
    const reached = new Promise<void>((resolve) => {
      enough = resolve;
    });
    // Half the room plays through A, half through B. Once 80 results are in, A is killed; its
    // players go on through B, as they would behind a load balancer that stops sending to a dead
    // instance, and everyone plays three more calls.
    const workers = room.tokens.map(async (token, i) => {
      let url = i % 2 === 0 ? a.url : b.url;
      let afterKill = 0;
      while (afterKill < 3) {
        if (killed) afterKill++;
        try {
          const run = await startRun(url, token);
          if ((await submit(url, token, run, transcript)) === 201) acknowledged.push(run);
          if (acknowledged.length >= 80) enough();
        } catch (error) {
          if (url === b.url) throw error;
          url = b.url;
        }
      }
    });
    await Promise.race([reached, Promise.all(workers)]);
    killed = true;
    expect(await a.stop('SIGKILL')).toBeNull();
    await Promise.all(workers);
    const sent = acknowledged.length;
    expect(sent).toBeGreaterThanOrEqual(80);

    // Every acknowledged result is in the database, once.
    const db = readProcessDatabase('', database);
    try {
      const rows = await db.selectFrom('results').select('run_hash').execute();
      const stored = new Set(rows.map((r) => r.run_hash));
      const missing = acknowledged.filter(
        (run) => !stored.has(createHash('sha256').update(run).digest('hex')),
      );
      expect(missing).toEqual([]);
      expect(rows.length).toBeGreaterThanOrEqual(sent);
    } finally {
      await db.destroy();
    }
    // The projector reconnects to B and gets the whole board at once.
    const again = await listen(`${b.url}/api/rooms/${room.code}/events`);
    try {
      expect((await again.next()).results).toBeGreaterThanOrEqual(sent);
    } finally {
      again.close();
    }
    const board = await call(b.url, 'GET', `/rooms/${room.code}/board`);
    expect((board.data as { results: number }).results).toBeGreaterThanOrEqual(sent);
  });
});
