/**
 * kill -9 in the middle of a stream of submissions: after a restart every acknowledged submission is
 * in the database, and the database is intact.
 */
import { createHash } from 'node:crypto';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, expect, it } from 'vitest';
import { briskTranscript, setUpRoom, startRun, submit } from '../support/load.js';
import { call, startServerProcess, type ServerProcess } from '../support/server-process.js';
import { removeDir } from '../support/workshop.js';
import { processDatabase, readProcessDatabase } from '../support/test-db.js';

const dir = mkdtempSync(join(tmpdir(), 'keep-cool-crash-'));
let server: ServerProcess | undefined;
afterAll(async () => {
  await server?.stop('SIGKILL');
  removeDir(dir);
});

it('keeps every acknowledged submission through kill -9', async () => {
  const database = await processDatabase();
  server = await startServerProcess(dir, { ...database, RATE_LIMIT_FACTOR: '100', LOG_LEVEL: 'warn' });
  const { url } = server;
  const room = await setUpRoom(url, 40);
  const transcript = briskTranscript();
  const acknowledged: string[] = [];
  let killed = false;
  let enough = () => {};
  const reached = new Promise<void>((resolve) => {
    enough = resolve;
  });
  // Forty players send results as fast as the server takes them, until the server dies.
  const workers = room.tokens.map(async (token) => {
    while (!killed) {
      try {
        const run = await startRun(url, token);
        if ((await submit(url, token, run, transcript)) === 201) acknowledged.push(run);
        if (acknowledged.length >= 300) enough();
      } catch {
        // The server is gone: this player stops.
        return;
      }
    }
  });
  // Until 300 are acknowledged (or every player has stopped, and the count below says why).
  await Promise.race([reached, Promise.all(workers)]);
  killed = true;
  const signal = await server.stop('SIGKILL');
  expect(signal).toBeNull();
  await Promise.all(workers);
  const sent = acknowledged.length;
  expect(sent).toBeGreaterThanOrEqual(300);

  // Restart on the same folder: the boards are rebuilt from the file.
  server = await startServerProcess(dir, { ...database, LOG_LEVEL: 'warn' });
  const board = await call(server.url, 'GET', `/rooms/${room.code}/board`);
  expect((board.data as { results: number }).results).toBeGreaterThanOrEqual(sent);

  const db = readProcessDatabase(dir, database);
  try {
    const rows = await db.selectFrom('results').select('run_hash').execute();
    const stored = new Set(rows.map((r) => r.run_hash));
    const missing = acknowledged.filter((run) => !stored.has(createHash('sha256').update(run).digest('hex')));
    expect(missing).toEqual([]);
  } finally {
    await db.destroy();
  }
  // The restarted server takes new results as before.
  const token = room.tokens[0] ?? '';
  expect(await submit(server.url, token, await startRun(server.url, token), transcript)).toBe(201);
});

it('shuts down cleanly on SIGTERM: live streams end, writes finish, the database closes', async () => {
  const quiet = mkdtempSync(join(tmpdir(), 'keep-cool-stop-'));
  const database = await processDatabase();
  const running = await startServerProcess(quiet, database);
  try {
    const room = await setUpRoom(running.url, 1);
    const token = room.tokens[0] ?? '';
    const stream = await fetch(`${running.url}/api/rooms/${room.code}/events`);
    expect(stream.status).toBe(200);
    const run = await startRun(running.url, token);
    const pending = submit(running.url, token, run, briskTranscript());
    expect(await pending).toBe(201);
    expect(await running.stop('SIGTERM')).toBe(0);
    const messages = running.logs.map((l) => (JSON.parse(l) as { msg: string }).msg);
    expect(messages).toContain('shutting down');
    expect(messages).toContain('stopped cleanly');
    // The stream was ended by the server, not left hanging.
    expect((await stream.text()).startsWith('retry: 1500')).toBe(true);
    const db = readProcessDatabase(quiet, database);
    try {
      expect(await db.selectFrom('results').select('run_hash').execute()).toHaveLength(1);
    } finally {
      await db.destroy();
    }
  } finally {
    await running.stop('SIGKILL');
    removeDir(quiet);
  }
});
