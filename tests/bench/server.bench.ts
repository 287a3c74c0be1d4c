/**
 * `npm run bench`: the workshop server under a hall's load. Prints figures; asserts nothing.
 *
 * - Verified submissions: every one is replayed by the server and stored (WAL, synchronous=FULL).
 *   Measured two ways: flat out (what the server can take) and at a steady 1,000/s (the latency a
 *   player sees at that rate). Aim: ≥ 1,000/s with p99 ≤ 50 ms.
 * - Live fan-out: 2,000 clients watching one room; one result arrives; how long until the last of
 *   them has the new board. Aim: all within 1 s.
 *
 * - Beside it, in the same run: two instances sharing one PostgreSQL 15 (a throwaway cluster that
 *   flushes every commit to disk, as SQLite does here), submissions spread over both, flat out; and how long a result sent to one instance takes to
 *   reach a projector watching the other (LISTEN/NOTIFY). Aim: within 1 s.
 *
 * Each server runs as its own process, as `npm start` runs it, with logging at warn and rate limits
 * raised (one machine plays a whole hall from one address).
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { Agent, request, get, type IncomingMessage } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { briskTranscript, setUpRoom, startRun } from '../support/load.js';
import { startServerProcess, type ServerProcess } from '../support/server-process.js';
import { freshDatabase, startCluster } from '../support/pg-cluster.js';

const PLAYERS = 200;
const agent = new Agent({ keepAlive: true, maxSockets: 64 });

function post(
  url: string,
  path: string,
  body: string,
  token: string,
): Promise<{ status: number; ms: number }> {
  const started = process.hrtime.bigint();
  return new Promise((resolve, reject) => {
    const req = request(
      `${url}/api${path}`,
      {
        method: 'POST',
        agent,
        headers: {
          'content-type': 'application/json',
          'content-length': Buffer.byteLength(body),
          authorization: `Bearer ${token}`,
        },
      },
      (res) => {
        res.resume();
        res.on('end', () => {
          resolve({ status: res.statusCode ?? 0, ms: Number(process.hrtime.bigint() - started) / 1e6 });
        });
      },
    );
    req.on('error', reject);
    req.end(body);
  });
}

const percentile = (sorted: number[], p: number) =>
  sorted[Math.min(sorted.length - 1, Math.floor(sorted.length * p))] ?? 0;

function report(label: string, latencies: number[], seconds: number, refused: number): void {
  const sorted = [...latencies].sort((a, b) => a - b);
  console.log(
    `${label.padEnd(40)} ${Math.round(latencies.length / seconds)
      .toLocaleString('en')
      .padStart(6)} /s` +
      `  p50 ${percentile(sorted, 0.5).toFixed(1)} ms  p99 ${percentile(sorted, 0.99).toFixed(1)} ms` +
      `  max ${(sorted[sorted.length - 1] ?? 0).toFixed(1)} ms${refused ? `  (${refused} not stored!)` : ''}`,
  );
}

/** Run tokens issued ahead, so the timed part is the submissions alone. */
async function issueRuns(
  server: ServerProcess,
  tokens: string[],
  count: number,
): Promise<{ token: string; run: string }[]> {
  const runs: { token: string; run: string }[] = [];
  let next = 0;
  await Promise.all(
    Array.from({ length: 16 }, async () => {
      while (next < count) {
        const token = tokens[next++ % tokens.length] ?? '';
        runs.push({ token, run: await startRun(server.url, token) });
      }
    }),
  );
  return runs;
}

/** The instances' addresses, taken in turn. */
const inTurn = (servers: ServerProcess[], i: number): string => servers[i % servers.length]?.url ?? '';

async function flatOut(
  servers: ServerProcess[],
  tokens: string[],
  count: number,
  concurrency: number,
  label = `submissions flat out (${concurrency} in flight)`,
): Promise<void> {
  const [first] = servers;
  if (!first) throw new Error('no server to send to');
  const runs = await issueRuns(first, tokens, count);
  const transcript = briskTranscript();
  const latencies: number[] = [];
  let refused = 0;
  let next = 0;
  const started = process.hrtime.bigint();
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (next < runs.length) {
        const i = next++;
        const { token, run } = runs[i] ?? { token: '', run: '' };
        const { status, ms } = await post(
          inTurn(servers, i),
          '/results',
          JSON.stringify({ run, transcript }),
          token,
        );
        if (status === 201) latencies.push(ms);
        else refused++;
      }
    }),
  );
  const seconds = Number(process.hrtime.bigint() - started) / 1e9;
  report(label, latencies, seconds, refused);
}

async function steady(
  server: ServerProcess,
  tokens: string[],
  perSecond: number,
  seconds: number,
): Promise<void> {
  const runs = await issueRuns(server, tokens, perSecond * seconds);
  const transcript = briskTranscript();
  const latencies: number[] = [];
  let refused = 0;
  const started = Date.now();
  const sent: Promise<void>[] = [];
  // Open loop: each request leaves at its own time, whether or not earlier ones have come back.
  for (const [i, { token, run }] of runs.entries()) {
    const due = started + (i * 1000) / perSecond;
    const wait = due - Date.now();
    if (wait > 1) await new Promise((resolve) => setTimeout(resolve, wait));
    sent.push(
      post(server.url, '/results', JSON.stringify({ run, transcript }), token).then(({ status, ms }) => {
        if (status === 201) latencies.push(ms);
        else refused++;
      }),
    );
  }
  await Promise.all(sent);
  report(
    `submissions at a steady ${perSecond.toLocaleString('en')}/s for ${seconds} s`,
    latencies,
    (Date.now() - started) / 1000,
    refused,
  );
}

async function fanOut(server: ServerProcess, clients: number): Promise<void> {
  const room = await setUpRoom(server.url, 1);
  const token = room.tokens[0] ?? '';
  const streams: IncomingMessage[] = [];
  // Each client resolves when it sees a board with a result on it.
  const updated: Promise<number>[] = [];
  const connected: Promise<void>[] = [];
  for (let i = 0; i < clients; i++) {
    let onConnect: () => void = () => undefined;
    connected.push(new Promise<void>((resolve) => (onConnect = resolve)));
    updated.push(
      new Promise<number>((resolve, reject) => {
        get(`${server.url}/api/rooms/${room.code}/events`, { agent: false }, (res) => {
          streams.push(res);
          let buffer = '';
          res.setEncoding('utf8');
          res.on('data', (chunk: string) => {
            buffer += chunk;
            if (buffer.includes('"results":0')) onConnect();
            if (buffer.includes('"results":1')) resolve(Date.now());
            if (buffer.length > 4096) buffer = buffer.slice(-2048);
          });
        }).on('error', reject);
      }),
    );
  }
  const connectStart = Date.now();
  await Promise.all(connected);
  const connectSeconds = (Date.now() - connectStart) / 1000;
  const run = await startRun(server.url, token);
  const sentAt = Date.now();
  const { status } = await post(
    server.url,
    '/results',
    JSON.stringify({ run, transcript: briskTranscript() }),
    token,
  );
  const times = await Promise.all(updated);
  const last = Math.max(...times) - sentAt;
  const sorted = times.map((t) => t - sentAt).sort((a, b) => a - b);
  console.log(
    `live fan-out to ${clients.toLocaleString('en')} clients in one room`.padEnd(40) +
      `  all updated ${last} ms after the result was sent (median ${percentile(sorted, 0.5)} ms)` +
      `  [connected in ${connectSeconds.toFixed(1)} s; result ${status}]`,
  );
  for (const s of streams) s.destroy();
}

/**
 * A result sent to one instance, a projector watching another: how long until the projector has
 * it, over `rounds` results one after another.
 */
async function acrossInstances(a: ServerProcess, b: ServerProcess, rounds: number): Promise<void> {
  const room = await setUpRoom(a.url, 1);
  const token = room.tokens[0] ?? '';
  let buffer = '';
  let seen = 0;
  let waiting: { count: number; resolve: (at: number) => void } | null = null;
  let onConnect: () => void = () => undefined;
  const connected = new Promise<void>((resolve) => (onConnect = resolve));
  const stream = await new Promise<IncomingMessage>((resolve, reject) => {
    get(`${b.url}/api/rooms/${room.code}/events`, { agent: false }, resolve).on('error', reject);
  });
  stream.setEncoding('utf8');
  stream.on('data', (chunk: string) => {
    buffer += chunk;
    for (let end = buffer.indexOf('\n\n'); end >= 0; end = buffer.indexOf('\n\n')) {
      const results = /"results":(\d+)/.exec(buffer.slice(0, end))?.[1];
      buffer = buffer.slice(end + 2);
      if (results === undefined) continue;
      onConnect();
      seen = Number(results);
      if (waiting && seen >= waiting.count) waiting.resolve(Date.now());
    }
  });
  await connected;
  const delays: number[] = [];
  for (let i = 1; i <= rounds; i++) {
    const run = await startRun(a.url, token);
    const arrived = new Promise<number>((resolve) => (waiting = { count: i, resolve }));
    const sentAt = Date.now();
    await post(a.url, '/results', JSON.stringify({ run, transcript: briskTranscript() }), token);
    delays.push((await arrived) - sentAt);
    waiting = null;
  }
  stream.destroy();
  const sorted = [...delays].sort((x, y) => x - y);
  console.log(
    `a result on A reaching a projector on B`.padEnd(40) +
      `  median ${percentile(sorted, 0.5)} ms  p99 ${percentile(sorted, 0.99)} ms  max ${sorted[sorted.length - 1] ?? 0} ms  (${rounds} results)`,
  );
}

const dir = mkdtempSync(join(tmpdir(), 'keep-cool-bench-'));
const env = { LOG_LEVEL: 'warn', RATE_LIMIT_FACTOR: '1000' };
console.log('one instance on SQLite');
const server = await startServerProcess(dir, env);
try {
  const room = await setUpRoom(server.url, PLAYERS);
  await flatOut([server], room.tokens, 1000, 8); // warm-up, not reported separately
  await flatOut([server], room.tokens, 5000, 32);
  await steady(server, room.tokens, 1000, 5);
  await fanOut(server, 2000);
} finally {
  await server.stop('SIGTERM');
}

console.log('two instances on one PostgreSQL 15');
const cluster = await startCluster({ durable: true });
const shared: ServerProcess[] = [];
try {
  const database = { DATABASE_URL: await freshDatabase(cluster.url, 'bench') };
  for (const name of ['a', 'b'])
    shared.push(await startServerProcess(join(dir, name), { ...env, ...database }));
  const [a, b] = shared as [ServerProcess, ServerProcess];
  const room = await setUpRoom(a.url, PLAYERS);
  await flatOut(shared, room.tokens, 1000, 8, 'warm-up'); // not reported separately
  await flatOut(shared, room.tokens, 5000, 32, 'submissions flat out over A and B (32)');
  await acrossInstances(a, b, 50);
} finally {
  agent.destroy();
  for (const s of shared) await s.stop('SIGTERM');
  await cluster.stop();
  rmSync(dir, { recursive: true, force: true });
}
