/**
 * `npm start`: serves the built game and the workshop API on one port.
 *
 * Settings come from the environment: PORT (4173), HOST (0.0.0.0, so phones in the room can reach
 * it), DATABASE_URL (unset: SQLite in DATA_DIR; a postgres:// address: PostgreSQL, which several
 * instances can share), DATA_DIR (data), STATIC_DIR (dist), SCENARIOS_DIR (scenarios), LOG_LEVEL (info),
 * TRUST_PROXY (unset), PUBLIC_URL (the address phones use; found on the network if unset),
 * RATE_LIMIT_FACTOR (1; multiplies every rate limit, for load tests of a whole hall from one machine),
 * XAPI_ACTIVITY_BASE (the IRI the xAPI statements sent to rooms' LRSs name their activities under).
 * Logs are JSON lines on standard output. SIGTERM or SIGINT stops it cleanly: no new requests,
 * writes in flight finish, live streams end, statements waiting for an LRS stay queued, the
 * database closes.
 */
import { networkInterfaces } from 'node:os';
import { loadScenarioDir } from '../scenario-files/dir.js';
import { formatDiagnostic } from '../engine/index.js';
import { buildServer } from './app.js';
import { DEFAULT_RULES, STREAMS_PER_ADDRESS, type Rules } from './limits.js';
import { openConfigured } from './db.js';

const env = process.env;
const port = Number(env.PORT ?? 4173);
const host = env.HOST ?? '0.0.0.0';
const dataDir = env.DATA_DIR ?? 'data';

// Phones in the room reach the server at a network address, not at localhost.
const lan = Object.values(networkInterfaces())
  .flat()
  .filter((n) => n && n.family === 'IPv4' && !n.internal)
  .map((n) => `http://${n?.address ?? ''}:${port}/`);

const factor = Number(env.RATE_LIMIT_FACTOR ?? 1);
if (!(factor > 0))
  throw new Error(`RATE_LIMIT_FACTOR must be a positive number, not "${env.RATE_LIMIT_FACTOR ?? ''}"`);
const rules = Object.fromEntries(
  Object.entries(DEFAULT_RULES).map(([name, rule]) => [
    name,
    { ...rule, limit: Math.ceil(rule.limit * factor) },
  ]),
) as Rules;

/**
 * TRUST_PROXY: how many proxies stand in front (digits), or which addresses they have (an address
 * or CIDR list). Trusting everything would let any client pick its own address for the limits.
 */
function trustProxy(value: string | undefined): number | string | false {
  const v = value?.trim() ?? '';
  if (v === '' || v === '0' || v === 'false') return false;
  if (/^\d+$/.test(v)) return Number(v);
  if (v === 'true')
    throw new Error(
      'TRUST_PROXY=true would trust any client to name its own address. Give the number of proxies in front (e.g. 1) or their addresses (e.g. 10.0.0.0/8).',
    );
  return v;
}

/** XAPI_ACTIVITY_BASE: an absolute http(s) IRI, or unset for the default. */
function activityBase(value: string | undefined): string | undefined {
  const v = value?.trim() ?? '';
  if (v === '') return undefined;
  if (!/^https?:\/\/[^/\s]+/.test(v))
    throw new Error(`XAPI_ACTIVITY_BASE must be an absolute http(s) address, not "${v}"`);
  return v;
}
const xapiBase = activityBase(env.XAPI_ACTIVITY_BASE);

const { scenarios, broken } = loadScenarioDir(env.SCENARIOS_DIR ?? 'scenarios');
const database = await openConfigured(env.DATABASE_URL, dataDir).catch((error: unknown) => {
  // Before the logger exists: one plain line saying what to fix, not a stack trace.
  console.error(
    `Keep Cool could not open its database: ${error instanceof Error ? error.message : String(error)}`,
  );
  process.exit(1);
});
const { app, workshop } = await buildServer({
  db: database.db,
  peers: database.peers,
  scenarios,
  staticDir: env.STATIC_DIR ?? 'dist',
  publicUrl: env.PUBLIC_URL ?? lan[0] ?? null,
  rules,
  trustProxy: trustProxy(env.TRUST_PROXY),
  streamsPerAddress: Math.ceil(STREAMS_PER_ADDRESS * factor),
  ...(xapiBase ? { xapi: { activityBase: xapiBase } } : {}),
  logger: {
    level: env.LOG_LEVEL ?? 'info',
    redact: ['req.headers.authorization'],
  },
});
for (const b of broken) {
  const problems = [...(b.error ? [b.error] : []), ...b.diagnostics.map(formatDiagnostic)];
  app.log.warn({ file: b.file, problems }, 'scenario file not loaded');
}

let stopping = false;
async function stop(signal: string): Promise<void> {
  if (stopping) return;
  stopping = true;
  app.log.info({ signal }, 'shutting down');
  // If something hangs, leave anyway: every acknowledged write is already on disk.
  setTimeout(() => process.exit(1), 10_000).unref();
  try {
    await app.close();
    await workshop.drain();
    await database.close();
    app.log.info('stopped cleanly');
    process.exit(0);
  } catch (error) {
    app.log.error({ err: error }, 'shutdown failed');
    process.exit(1);
  }
}
process.on('SIGTERM', () => void stop('SIGTERM'));
process.on('SIGINT', () => void stop('SIGINT'));

try {
  await app.listen({ port, host });
} catch (error) {
  app.log.error({ err: error }, `could not listen on ${host}:${port}`);
  await database.close();
  process.exit(1);
}
app.log.info(
  { database: database.where, scenarios: scenarios.length, addresses: [`http://localhost:${port}/`, ...lan] },
  'Keep Cool is ready',
);
