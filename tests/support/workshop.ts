/**
 * A workshop server on a real database (SQLite in a fresh folder, or PostgreSQL in a schema standing
 * for that folder: tests/support/test-db.ts), driven through Fastify's inject.
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { FastifyInstance } from 'fastify';
import { afterEach, beforeEach } from 'vitest';
import type { AnswerWay, Scenario, Transcript, TranscriptEvent } from '../../src/engine/index.js';
import { bundledModel } from '../../src/engine/understand/bundled.js';
import type { Label } from '../../src/engine/understand/labels.js';
import { matchAnswer } from '../../src/engine/understand/match.js';
import { buildServer, type ServerOptions } from '../../src/server/app.js';
import type { OpenedDb } from '../../src/server/db.js';
import type { LiveBoards } from '../../src/server/live.js';
import { openTestDatabase } from './test-db.js';
import type { Workshop } from '../../src/server/workshop.js';
import type { XapiSender } from '../../src/server/xapi.js';
import type { BoardSnapshot } from '../../src/api/api.js';
import { loadFile, SHIPPED } from './scenarios.js';

export const LIBRARY: Scenario[] = SHIPPED.map(loadFile);

/** A golden transcript from tests/fixtures/calls, played in assessment mode, with its expected total. */
export function golden(name: string): { transcript: Transcript; total: number; ending: string } {
  const file = JSON.parse(readFileSync(join('tests/fixtures/calls', `${name}.json`), 'utf8')) as {
    transcript: Transcript;
    expect: { total: number; ending: string };
  };
  return {
    transcript: { ...file.transcript, mode: 'assessment' },
    total: file.expect.total,
    ending: file.expect.ending,
  };
}

/**
 * A picked call answered by typing instead, each answer the picked response's own words, as the
 * game records it (labels and match from the bundled model): a typed run a server accepts.
 * `change` alters the labels recorded for the first answer.
 */
export function typedTranscript(
  picked: Transcript,
  change: (labels: Label[]) => Label[] = (l) => l,
): Transcript {
  const scenario = LIBRARY.find((s) => s.id === picked.scenario.id);
  if (!scenario) throw new Error(`the shipped library has ${picked.scenario.id}`);
  const model = bundledModel();
  const events = picked.events.map((event, i): TranscriptEvent => {
    if (event.kind !== 'choice') return event;
    const node = scenario.nodes[event.node];
    const text = node?.responses.find((r) => r.id === event.response)?.says ?? '';
    const labels = model.label(text).labels;
    const match = matchAnswer(text, labels, node?.responses ?? []);
    return {
      kind: 'typed',
      at: event.at,
      node: event.node,
      text,
      model: model.version,
      labels: i === 0 ? change(labels) : labels,
      response: event.response,
      picked: match.chosen === null,
    };
  });
  if (events[0]?.kind !== 'typed') throw new Error('the call opens with a choice');
  return { ...picked, answers: 'type', events };
}

/** A reply: refusals carry `error`; other fields are read with a cast to the API's types. */
export interface Reply {
  status: number;
  json: { error?: { code: string; message: string; where?: string } } & Record<string, unknown>;
  headers: Record<string, unknown>;
  text: string;
}

export interface TestServer {
  app: FastifyInstance;
  workshop: Workshop;
  /** The live boards' streams. */
  live: LiveBoards;
  /** The sender of rooms' statements to their LRSs. */
  xapi: XapiSender;
  database: OpenedDb;
  dataDir: string;
  /** The server's clock: tests move it forward. */
  clock: { now: number };
  request(
    method: 'GET' | 'POST' | 'PATCH' | 'DELETE',
    url: string,
    body?: unknown,
    token?: string,
  ): Promise<Reply>;
  close(): Promise<void>;
}

export async function startTestServer(
  options: Partial<ServerOptions> & { dataDir?: string } = {},
): Promise<TestServer> {
  const dataDir = options.dataDir ?? mkdtempSync(join(tmpdir(), 'keep-cool-db-'));
  const database = await openTestDatabase(dataDir);
  const clock = { now: Date.parse('2026-11-25T09:00:00Z') };
  const { app, workshop, live, xapi } = await buildServer({
    db: database.db,
    peers: database.peers,
    scenarios: LIBRARY,
    staticDir: join(dataDir, 'no-dist'),
    now: () => clock.now,
    ...options,
  });
  await app.ready();
  return {
    app,
    workshop,
    live,
    xapi,
    database,
    dataDir,
    clock,
    async request(method, url, body, token) {
      const response = await app.inject({
        method,
        url,
        headers: {
          ...(token ? { authorization: `Bearer ${token}` } : {}),
          ...(body === undefined ? {} : { 'content-type': 'application/json' }),
        },
        ...(body === undefined ? {} : { payload: typeof body === 'string' ? body : JSON.stringify(body) }),
      });
      let json: Reply['json'] = {};
      try {
        json = response.json();
      } catch {
        // Not JSON (a CSV, an empty 204): the text is there.
      }
      return { status: response.statusCode, json, headers: response.headers, text: response.body };
    },
    async close() {
      await app.close();
      await workshop.drain();
      await database.close();
    },
  };
}

export function removeDir(dir: string): void {
  rmSync(dir, { recursive: true, force: true });
}

/**
 * Creates a room with these scenarios (picked, unless `answers` says otherwise) and opens it;
 * returns its code and the facilitator's secret.
 */
export async function openRoom(
  server: TestServer,
  scenarios: string[] = ['insurance-meal-receipt', 'dented-shelves'],
  answers?: AnswerWay,
): Promise<{ code: string; secret: string }> {
  const created = await server.request('POST', '/api/rooms', {
    name: 'Tuesday workshop',
    scenarios,
    ...(answers ? { answers } : {}),
  });
  if (created.status !== 201) throw new Error(`room not created: ${created.text}`);
  const { secret, room } = created.json as { secret: string; room: { code: string } };
  const opened = await server.request('PATCH', `/api/rooms/${room.code}`, { status: 'open' }, secret);
  if (opened.status !== 200) throw new Error(`room not opened: ${opened.text}`);
  return { code: room.code, secret };
}

export async function joinRoom(
  server: TestServer,
  code: string,
  nickname: string,
): Promise<{ id: string; token: string }> {
  const joined = await server.request('POST', `/api/rooms/${code}/players`, { nickname });
  if (joined.status !== 201) throw new Error(`could not join as ${nickname}: ${joined.text}`);
  const { player, token } = joined.json as { player: { id: string }; token: string };
  return { id: player.id, token };
}

/** Starts a run of the transcript's scenario, lets the call's time pass, and sends the transcript. */
export async function playRun(server: TestServer, token: string, transcript: Transcript) {
  const { id, version } = transcript.scenario;
  const started = await server.request('POST', '/api/runs', { scenario: id, version }, token);
  if (started.status !== 201) throw new Error(`run not started: ${started.text}`);
  const run = (started.json as { run: string }).run;
  server.clock.now += Math.max(0, ...transcript.events.map((e) => e.at)) + 1000;
  const sent = await sendResult(server, token, run, transcript);
  return { run, ...sent };
}

/**
 * A fresh server (and database folder) for each test of the file, closed and removed afterwards.
 * `restart` swaps in another one: on the same folder (a restart) or with other options.
 */
export function serverSuite(options: Partial<ServerOptions> = {}): {
  readonly server: TestServer;
  restart(next?: Partial<ServerOptions> & { dataDir?: string }): Promise<TestServer>;
} {
  let current: TestServer | undefined;
  const stop = async (keepData: boolean) => {
    if (!current) return;
    await current.close();
    if (!keepData) removeDir(current.dataDir);
  };
  beforeEach(async () => {
    current = await startTestServer(options);
  });
  afterEach(async () => {
    await stop(false);
  });
  return {
    get server() {
      if (!current) throw new Error('the server starts in beforeEach');
      return current;
    },
    async restart(next = {}) {
      await stop(next.dataDir === current?.dataDir);
      current = await startTestServer({ ...options, ...next });
      return current;
    },
  };
}

/** Sends a run's transcript as the player with `token`. */
export function sendResult(
  server: TestServer,
  token: string,
  run: string,
  transcript: unknown,
): Promise<Reply> {
  return server.request('POST', '/api/results', { run, transcript }, token);
}

/** The room's board as the projector gets it. */
export async function boardOf(server: TestServer, code: string): Promise<BoardSnapshot> {
  return (await server.request('GET', `/api/rooms/${code}/board`)).json as unknown as BoardSnapshot;
}

/** How many results the server's database holds. */
export async function storedResultsOf(server: TestServer): Promise<number> {
  const row = await server.database.db
    .selectFrom('results')
    .select(({ fn }) => fn.countAll<number>().as('n'))
    .executeTakeFirstOrThrow();
  return row.n;
}
