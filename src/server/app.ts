/**
 * The HTTP server: the built game as static files, and the workshop API under /api. Every route
 * validates params, query and body with a zod schema that refuses unknown fields; every refusal is
 * JSON `{ error: { code, message, where? } }`.
 */
import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import fastifyStatic from '@fastify/static';
import Fastify, {
  type FastifyInstance,
  type FastifyReply,
  type FastifyRequest,
  type FastifyServerOptions,
} from 'fastify';
import { z } from 'zod';
import type { Scenario } from '../engine/index.js';
import {
  CreateRoomBody,
  JoinBody,
  PlayerParams,
  ResultBody,
  RoomCodeParams,
  StartRunBody,
  TOKEN_SHAPE,
  UpdateRoomBody,
  type ApiError,
} from '../api/api.js';
import type { Db } from './db.js';
import { DEFAULT_RULES, RateLimiter, STREAMS_PER_ADDRESS, type RuleName, type Rules } from './limits.js';
import { LiveBoards } from './live.js';
import { nicknameFilter } from './offensive.js';
import { Workshop, WorkshopError, type PlayerAuth } from './workshop.js';

export interface ServerOptions {
  db: Db;
  scenarios: readonly Scenario[];
  /** The built game (vite build's dist/); without it, / explains how to build it. */
  staticDir?: string;
  rules?: Partial<Rules>;
  /** Live board streams open at once per address (default STREAMS_PER_ADDRESS). */
  streamsPerAddress?: number;
  logger?: FastifyServerOptions['logger'];
  /** Trust X-Forwarded-For from this many proxies in front, or from these addresses. */
  trustProxy?: number | string | false;
  /** Where attendees' phones reach this server (for the projector's QR code), if known. */
  publicUrl?: string | null;
  /** How often at most the live boards are pushed (ms). */
  liveThrottleMs?: number;
  now?: () => number;
}

/** Bodies are small: a transcript of the longest call is well under this. */
export const BODY_LIMIT = 16 * 1024;
export const RESULT_BODY_LIMIT = 128 * 1024;

const EmptyObject = z.strictObject({});

function bearer(request: FastifyRequest): string | undefined {
  const header = request.headers.authorization;
  const match = header ? /^Bearer\s+(\S+)$/i.exec(header) : null;
  const token = match?.[1];
  // Anything not shaped like a token we issue is no token at all (and cannot key a rate limit).
  return token && TOKEN_SHAPE.test(token) ? token : undefined;
}

/** Fastify takes a hop count as a function: the first `n` hops in from this server are proxies. */
function trustedProxies(
  trust: number | string | false,
): string | boolean | ((address: string, hop: number) => boolean) {
  if (typeof trust !== 'number') return trust;
  return (_address, hop) => hop < trust;
}

/** A path as far as a message needs it: a very long one is cut. */
function shorten(path: string): string {
  return path.length > 80 ? `${path.slice(0, 80)}…` : path;
}

function where(path: readonly PropertyKey[], part: string): string {
  return [part, ...path.map(String)].join('.');
}

export async function buildServer(
  options: ServerOptions,
): Promise<{ app: FastifyInstance; workshop: Workshop; live: LiveBoards }> {
  const app = Fastify({
    logger: options.logger ?? false,
    bodyLimit: BODY_LIMIT,
    trustProxy: trustedProxies(options.trustProxy ?? false),
    // A URL Fastify cannot even route (a broken %-escape) is answered in the API's own shape.
    frameworkErrors: (error, _request, reply) => {
      const body: ApiError = {
        error: { code: 'bad-url', message: `The address cannot be read: ${error.message}` },
      };
      // Fastify's generics for this hook are its route's, unknown here; it is an ordinary reply.
      void (reply as unknown as FastifyReply).code(400).type('application/json').send(body);
    },
  });
  const workshop = new Workshop({
    db: options.db,
    scenarios: options.scenarios,
    refuseNickname: nicknameFilter(),
    ...(options.now ? { now: options.now } : {}),
  });
  const live = new LiveBoards(workshop, options.liveThrottleMs ?? 100, (error) => {
    app.log.error({ err: error }, 'live board update failed');
  });
  const limiter = new RateLimiter({ ...DEFAULT_RULES, ...options.rules }, options.now);
  const streamsPerAddress = options.streamsPerAddress ?? STREAMS_PER_ADDRESS;

  // JSON only: a form or plain text body is refused with 415 rather than half-read.
  app.removeContentTypeParser('text/plain');
  // Zod validates every part of every request; a route without a schema for a part accepts none.
  app.setValidatorCompiler(({ schema, httpPart }) => {
    const zod = schema as z.ZodType;
    return (data: unknown) => {
      const parsed = zod.safeParse(data);
      if (parsed.success) return { value: parsed.data };
      const issue = parsed.error.issues[0];
      const error = new WorkshopError(
        400,
        'invalid-request',
        issue?.code === 'unrecognized_keys'
          ? `Unknown field${issue.keys.length > 1 ? 's' : ''} ${issue.keys.map((k) => `“${k}”`).join(', ')}: this request takes no such thing.`
          : (issue?.message ?? 'invalid request'),
      );
      Object.assign(error, { where: where(issue?.path ?? [], httpPart ?? 'request') });
      return { error };
    };
  });
  app.addHook('onRoute', (route) => {
    if (!route.url.startsWith('/api/')) return;
    route.schema ??= {};
    route.schema.querystring ??= EmptyObject;
    route.schema.params ??= EmptyObject;
  });

  const refuse = (reply: FastifyReply, status: number, code: string, message: string, whereAt?: string) => {
    const body: ApiError = { error: { code, message, ...(whereAt ? { where: whereAt } : {}) } };
    return reply.code(status).type('application/json').send(body);
  };

  const limit = (request: FastifyRequest, reply: FastifyReply, rule: RuleName, key: string): boolean => {
    const verdict = limiter.hit(rule, key);
    if (verdict.ok) return true;
    void reply.header('retry-after', String(verdict.retryAfterSeconds));
    void refuse(
      reply,
      429,
      'rate-limited',
      `Too many requests; try again in ${verdict.retryAfterSeconds} s.`,
    );
    request.log.warn({ rule }, 'rate limited');
    return false;
  };

  app.setErrorHandler((error, request, reply) => {
    if (error instanceof WorkshopError) {
      return refuse(reply, error.status, error.code, error.message, (error as { where?: string }).where);
    }
    const fastifyError = error as { code?: string; statusCode?: number; message?: string };
    if (fastifyError.code === 'FST_ERR_CTP_BODY_TOO_LARGE') {
      return refuse(reply, 413, 'too-large', 'The request body is too large for this server.');
    }
    if (fastifyError.code === 'FST_ERR_CTP_INVALID_MEDIA_TYPE') {
      return refuse(reply, 415, 'json-only', 'Send the body as application/json.');
    }
    if (
      fastifyError.statusCode !== undefined &&
      fastifyError.statusCode >= 400 &&
      fastifyError.statusCode < 500
    ) {
      return refuse(reply, fastifyError.statusCode, 'bad-request', fastifyError.message ?? 'bad request');
    }
    request.log.error({ err: error }, 'request failed');
    return refuse(
      reply,
      500,
      'server-error',
      'Something went wrong on the server; nothing was saved. Try again.',
    );
  });

  app.setNotFoundHandler((request, reply) => {
    if (request.url.startsWith('/api/')) {
      return refuse(
        reply,
        404,
        'no-route',
        `There is no ${request.method} ${shorten(request.url.split('?')[0] ?? '')} here.`,
      );
    }
    return reply.code(404).type('text/plain').send('Not found');
  });

  // Every API request counts against its address (generous: a whole room may share one). The health
  // check does not: monitoring must see the server even while a flood is being turned away.
  app.addHook('onRequest', async (request, reply) => {
    if (!request.url.startsWith('/api/') || request.url === '/api/health') return;
    if (!limit(request, reply, 'address', request.ip)) return reply;
  });

  const player = async (request: FastifyRequest, reply: FastifyReply): Promise<PlayerAuth | null> => {
    const token = bearer(request);
    // Per player: a whole room shares an address, so this is the limit that matters for people.
    // A made-up token of the right shape gets its own window but is refused (401) right after.
    if (!limit(request, reply, 'player', token ? `token|${token}` : `ip|${request.ip}`)) return null;
    return workshop.authorizePlayer(token);
  };
  const facilitator = async (
    request: FastifyRequest,
    reply: FastifyReply,
    code: string,
    rule: 'facilitator' | 'facilitatorRead' = 'facilitator',
  ): Promise<boolean> => {
    // Per room and address: guesses at one room's secret from elsewhere cannot lock its facilitator out.
    if (!limit(request, reply, rule, `${code}|${request.ip}`)) return false;
    await workshop.authorizeFacilitator(code, bearer(request));
    return true;
  };

  app.get('/api/health', async (_request, reply) => {
    const db = await workshop.healthy();
    return reply.code(db ? 200 : 503).send({
      status: db ? 'ok' : 'unavailable',
      db: db ? 'ok' : 'unreachable',
      scenarios: workshop.library().length,
      liveClients: live.clients,
      uptimeSeconds: Math.round(process.uptime()),
    });
  });

  app.get('/api/scenarios', () => ({ scenarios: workshop.library() }));
  app.get('/api/info', () => ({ publicUrl: options.publicUrl ?? null }));

  app.post('/api/rooms', { schema: { body: CreateRoomBody } }, async (request, reply) => {
    if (!limit(request, reply, 'createRoom', request.ip)) return reply;
    const body = request.body as z.output<typeof CreateRoomBody>;
    const created = await workshop.createRoom(body);
    request.log.info({ room: created.room.code }, 'room created');
    return reply.code(201).send(created);
  });

  app.get('/api/rooms/:code', { schema: { params: RoomCodeParams } }, (request) =>
    workshop.room((request.params as z.output<typeof RoomCodeParams>).code),
  );

  app.patch(
    '/api/rooms/:code',
    { schema: { params: RoomCodeParams, body: UpdateRoomBody } },
    async (request, reply) => {
      const { code } = request.params as z.output<typeof RoomCodeParams>;
      if (!(await facilitator(request, reply, code))) return reply;
      const room = await workshop.updateRoom(code, request.body as z.output<typeof UpdateRoomBody>);
      request.log.info({ room: code, status: room.status }, 'room updated');
      return room;
    },
  );

  app.get('/api/rooms/:code/players', { schema: { params: RoomCodeParams } }, async (request, reply) => {
    const { code } = request.params as z.output<typeof RoomCodeParams>;
    if (!(await facilitator(request, reply, code, 'facilitatorRead'))) return reply;
    return { players: await workshop.players(code) };
  });

  app.delete(
    '/api/rooms/:code/players/:player',
    { schema: { params: PlayerParams } },
    async (request, reply) => {
      const { code, player: id } = request.params as z.output<typeof PlayerParams>;
      if (!(await facilitator(request, reply, code))) return reply;
      await workshop.removePlayer(code, id);
      request.log.info({ room: code, player: id }, 'player removed');
      return reply.code(204).send();
    },
  );

  app.get('/api/rooms/:code/export.csv', { schema: { params: RoomCodeParams } }, async (request, reply) => {
    const { code } = request.params as z.output<typeof RoomCodeParams>;
    if (!(await facilitator(request, reply, code))) return reply;
    return reply
      .type('text/csv; charset=utf-8')
      .header('content-disposition', `attachment; filename="keep-cool-${code}.csv"`)
      .send(await workshop.exportCsv(code));
  });

  app.post(
    '/api/rooms/:code/players',
    { schema: { params: RoomCodeParams, body: JoinBody } },
    async (request, reply) => {
      if (!limit(request, reply, 'join', request.ip)) return reply;
      const { code } = request.params as z.output<typeof RoomCodeParams>;
      const joined = await workshop.join(code, (request.body as z.output<typeof JoinBody>).nickname);
      request.log.info({ room: code, player: joined.player.id }, 'player joined');
      return reply.code(201).send(joined);
    },
  );

  app.get('/api/rooms/:code/board', { schema: { params: RoomCodeParams } }, (request) =>
    workshop.snapshot((request.params as z.output<typeof RoomCodeParams>).code),
  );

  app.get('/api/rooms/:code/events', { schema: { params: RoomCodeParams } }, async (request, reply) => {
    const { code } = request.params as z.output<typeof RoomCodeParams>;
    await workshop.room(code);
    if (live.streamsFrom(request.ip) >= streamsPerAddress) {
      void reply.header('retry-after', '30');
      return refuse(
        reply,
        429,
        'too-many-streams',
        'Too many live boards are open from this address; close some and try again.',
      );
    }
    reply.hijack();
    await live.connect(code, request.ip, reply.raw);
  });

  // Who this token is, and in which room: the lobby asks, so a removed player learns it at once.
  app.get('/api/me', async (request, reply) => {
    const who = await player(request, reply);
    if (!who) return reply;
    return { player: { id: who.id, nickname: who.nickname }, room: await workshop.room(who.room) };
  });

  app.post('/api/runs', { schema: { body: StartRunBody } }, async (request, reply) => {
    const who = await player(request, reply);
    if (!who) return reply;
    const started = await workshop.startRun(who, request.body as z.output<typeof StartRunBody>);
    return reply.code(201).send(started);
  });

  app.post(
    '/api/results',
    { schema: { body: ResultBody }, bodyLimit: RESULT_BODY_LIMIT },
    async (request, reply) => {
      const who = await player(request, reply);
      if (!who) return reply;
      const { run, transcript } = request.body as z.output<typeof ResultBody>;
      const accepted = await workshop.submit(who, run, transcript);
      if (!accepted.duplicate) request.log.info({ room: who.room, total: accepted.total }, 'result stored');
      return reply.code(accepted.duplicate ? 200 : 201).send(accepted);
    },
  );

  // The game itself, built by `vite build`.
  const staticDir = resolve(options.staticDir ?? 'dist');
  if (existsSync(join(staticDir, 'index.html'))) {
    await app.register(fastifyStatic, {
      root: staticDir,
      // Our own headers below, not the plugin's max-age=0.
      cacheControl: false,
      // Vite's own files carry a content hash: cache them for good; everything else is checked.
      setHeaders: (res, path) => {
        res.setHeader(
          'cache-control',
          path.includes(`${join(staticDir, 'assets')}/`) ? 'public, max-age=31536000, immutable' : 'no-cache',
        );
      },
    });
  } else {
    app.get('/', (_request, reply) =>
      reply
        .type('text/plain; charset=utf-8')
        .send(`The game is not built yet (no ${staticDir}/index.html). Run: npm run build, or npm start.`),
    );
  }

  // Before the server waits for its connections to finish: live streams never finish by themselves.
  app.addHook('preClose', (done) => {
    live.close();
    done();
  });
  return { app, workshop, live };
}
