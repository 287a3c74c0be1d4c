/**
 * The HTTP server: the workshop API under /api and the built game as static files. Each concern is
 * a plugin: security headers (plugins/security.ts), refusals (plugins/errors.ts), request and reply
 * schemas (plugins/schemas.ts), who is asking and how often (plugins/guard.ts), one plugin of
 * routes per resource (routes/), and the game's files (plugins/static.ts). The routes come from the
 * endpoint table in src/api.
 */
import Fastify, { type FastifyInstance, type FastifyServerOptions } from 'fastify';
import type { Scenario } from '../engine/index.js';
import type { Db } from './db.js';
import { DEFAULT_RULES, RateLimiter, streamLimits, type Rules, type StreamLimits } from './limits.js';
import { LiveBoards } from './live.js';
import { nicknameFilter } from './offensive.js';
import { errorsPlugin, frameworkErrors } from './plugins/errors.js';
import { Guard, guardPlugin } from './plugins/guard.js';
import { schemasPlugin } from './plugins/schemas.js';
import { securityHeaders, securityPlugin, withSecurityHeaders } from './plugins/security.js';
import { staticPlugin } from './plugins/static.js';
import { aboutRoutes } from './routes/about.js';
import { boardRoutes } from './routes/boards.js';
import { teamRoutes } from './routes/teams.js';
import { exportRoutes } from './routes/export.js';
import { playerRoutes } from './routes/players.js';
import { roomRoutes } from './routes/rooms.js';
import { runRoutes } from './routes/runs.js';
import { Workshop } from './workshop.js';
import { XapiSender, type LrsFetch } from './xapi.js';
import { lrsRoutes } from './routes/lrs.js';
import { mapRoutes } from './routes/maps.js';
import type { Peers } from './peers.js';

export { RESULT_BODY_LIMIT } from './routes/runs.js';

export interface ServerOptions {
  db: Db;
  /** The other server instances on the same database (PostgreSQL); none by default. */
  peers?: Peers;
  scenarios: readonly Scenario[];
  /** The built game (vite build's dist/); without it, / explains how to build it. */
  staticDir?: string;
  rules?: Partial<Rules>;
  /**
   * Anonymous live board streams open at once per address (default STREAMS_PER_ADDRESS); half of
   * them at most for one room.
   */
  streamsPerAddress?: number;
  /** The stream limits one by one (see StreamLimits), over what streamsPerAddress implies. */
  streams?: Partial<StreamLimits>;
  logger?: FastifyServerOptions['logger'];
  /** Trust X-Forwarded-For from this many proxies in front, or from these addresses. */
  trustProxy?: number | string | false;
  /** Where attendees' phones reach this server (for the projector's QR code), if known. */
  publicUrl?: string | null;
  /** How often at most the live boards are pushed (ms). */
  liveThrottleMs?: number;
  now?: () => number;
  /**
   * Sending results to rooms' LRSs: the fetch to use (the global one by default), the IRI
   * activities are named under, and whether the sender wakes itself up for retries (tests turn
   * that off and call `xapi.pass()`).
   */
  xapi?: { fetch?: LrsFetch; activityBase?: string; timer?: boolean };
}

/** Bodies are small: a transcript of the longest call is well under this. */
export const BODY_LIMIT = 16 * 1024;

function limitsOfStreams(options: ServerOptions): StreamLimits {
  return { ...streamLimits(options.streamsPerAddress), ...options.streams };
}

/** Request logs without the key a live stream carries in its address. */
const REQUEST_LOG = {
  req(request: { method: string; url: string; ip?: string; host?: string }) {
    return {
      method: request.method,
      url: request.url.replace(/([?&]key=)[^&#]*/g, '$1…'),
      host: request.host,
      remoteAddress: request.ip,
    };
  },
};

/** Fastify takes a hop count as a function: the first `n` hops in from this server are proxies. */
function trustedProxies(
  trust: number | string | false,
): string | boolean | ((address: string, hop: number) => boolean) {
  if (typeof trust !== 'number') return trust;
  return (_address, hop) => hop < trust;
}

export async function buildServer(
  options: ServerOptions,
): Promise<{ app: FastifyInstance; workshop: Workshop; live: LiveBoards; xapi: XapiSender }> {
  const staticDir = options.staticDir ?? 'dist';
  const headers = securityHeaders(staticDir);
  const app = Fastify({
    logger:
      typeof options.logger === 'object'
        ? { ...options.logger, serializers: { ...REQUEST_LOG, ...options.logger.serializers } }
        : (options.logger ?? false),
    bodyLimit: BODY_LIMIT,
    trustProxy: trustedProxies(options.trustProxy ?? false),
    frameworkErrors: withSecurityHeaders(headers, frameworkErrors),
  });
  const xapi = new XapiSender({
    db: options.db,
    fetch: options.xapi?.fetch ?? fetch,
    now: options.now ?? Date.now,
    timer: options.xapi?.timer ?? true,
    log: (message, detail) => {
      app.log.warn(detail, message);
    },
  });
  const workshop = new Workshop({
    db: options.db,
    scenarios: options.scenarios,
    refuseNickname: nicknameFilter(),
    ...(options.peers ? { peers: options.peers } : {}),
    onPeerError: (error) => {
      app.log.warn({ err: error }, 'could not tell the other instances of a change');
    },
    ...(options.now ? { now: options.now } : {}),
    xapi: {
      ...(options.publicUrl ? { homePage: options.publicUrl } : {}),
      ...(options.xapi?.activityBase ? { activityBase: options.xapi.activityBase } : {}),
      queued: () => {
        xapi.kick();
      },
    },
  });
  const live = new LiveBoards(
    workshop,
    options.liveThrottleMs ?? 100,
    (error) => {
      app.log.error({ err: error }, 'live board update failed');
    },
    limitsOfStreams(options),
  );
  const now = options.now ?? Date.now;
  const guard = new Guard(workshop, new RateLimiter({ ...DEFAULT_RULES, ...options.rules }, now), now);

  await app.register(securityPlugin, headers);
  await app.register(errorsPlugin);
  await app.register(schemasPlugin);
  await app.register(guardPlugin, { guard });

  await app.register(aboutRoutes, { workshop, live, publicUrl: options.publicUrl ?? null });
  await app.register(roomRoutes, { workshop, guard });
  await app.register(playerRoutes, { workshop, guard });
  await app.register(runRoutes, { workshop, guard });
  await app.register(boardRoutes, { workshop, guard, live });
  await app.register(exportRoutes, { workshop, guard });
  await app.register(lrsRoutes, { workshop, guard });
  await app.register(teamRoutes, { workshop, guard });
  await app.register(mapRoutes, { workshop, guard });

  await app.register(staticPlugin, { root: staticDir });

  // Before the server waits for its connections to finish: live streams never finish by themselves.
  app.addHook('preClose', (done) => {
    live.close();
    done();
  });
  // Statements left from before a restart go as soon as the server is ready; the sender stops
  // (abandoning a send in flight, which stays pending) before the database closes.
  app.addHook('onReady', (done) => {
    xapi.start();
    done();
  });
  app.addHook('onClose', async () => {
    await xapi.stop();
  });
  return { app, workshop, live, xapi };
}
