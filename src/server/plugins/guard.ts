/**
 * Who is asking, and how often: the player behind a token, the facilitator holding a room's secret,
 * and the rate limits that keep one address, one player or one room's guesser from flooding the
 * server. A request over a limit is refused with 429 and a Retry-After.
 */
import type { FastifyPluginCallback, FastifyRequest } from 'fastify';
import fp from 'fastify-plugin';
import { API_ROOT, isToken } from '../../api/api.js';
import { ENDPOINTS } from '../../api/endpoints.js';
import type { RateLimiter, RuleName } from '../limits.js';
import type { MapViewer } from '../room-maps.js';
import type { PlayerAuth } from '../runs.js';
import type { Workshop } from '../workshop.js';
import { WorkshopError } from '../workshop-error.js';

/** The token in `Authorization: Bearer …`, if it is shaped like one we issue. */
function bearer(request: FastifyRequest): string | undefined {
  const header = request.headers.authorization;
  const token = header ? /^Bearer\s+(\S+)$/i.exec(header)?.[1] : undefined;
  // Anything not shaped like a token we issue is no token at all (and cannot key a rate limit).
  return isToken(token) ? token : undefined;
}

export class Guard {
  constructor(
    private readonly workshop: Workshop,
    private readonly limiter: RateLimiter,
  ) {}

  /** Counts one request against `rule` for `key`; over the limit, refuses it with 429. */
  limit(request: FastifyRequest, rule: RuleName, key: string): void {
    const verdict = this.limiter.hit(rule, key);
    if (verdict.ok) return;
    request.log.warn({ rule }, 'rate limited');
    throw new WorkshopError(
      429,
      'rate-limited',
      `Too many requests; try again in ${verdict.retryAfterSeconds} s.`,
      undefined,
      { 'retry-after': String(verdict.retryAfterSeconds) },
    );
  }

  /** The player whose token the request carries; refuses a missing, unknown or removed one. */
  async player(request: FastifyRequest): Promise<PlayerAuth> {
    const token = bearer(request);
    // Per player: a whole room shares an address, so this is the limit that matters for people.
    // A made-up token of the right shape gets its own window but is refused (401) right after.
    this.limit(request, 'player', token ? `token|${token}` : `ip|${request.ip}`);
    return this.workshop.authorizePlayer(token);
  }

  /** Refuses the request unless it carries the room's secret. */
  async facilitator(
    request: FastifyRequest,
    code: string,
    rule: 'facilitator' | 'facilitatorRead' = 'facilitator',
  ): Promise<void> {
    // Per room and address: guesses at one room's secret from elsewhere cannot lock its facilitator out.
    this.limit(request, rule, `${code}|${request.ip}`);
    await this.workshop.authorizeFacilitator(code, bearer(request));
  }

  /**
   * Who asks for a room's decision map: its facilitator (the room's secret), one of its players
   * (their token), or anyone (no token). A token that is neither is refused.
   */
  async mapViewer(request: FastifyRequest, code: string): Promise<MapViewer> {
    const token = bearer(request);
    if (!token) return { kind: 'public' };
    if (await this.workshop.holdsRoom(code, token)) {
      this.limit(request, 'facilitatorRead', `${code}|${request.ip}`);
      return { kind: 'facilitator' };
    }
    const player = await this.player(request);
    if (player.room !== code) {
      throw new WorkshopError(
        403,
        'not-in-room',
        'That map is another room’s: your token is for room ' + player.room + '.',
      );
    }
    return { kind: 'player', id: player.id };
  }
}

const addressLimit: FastifyPluginCallback<{ guard: Guard }> = (app, { guard }, done) => {
  const health = `${API_ROOT}${ENDPOINTS.health.path}`;
  // Every API request counts against its address (generous: a whole room may share one). The health
  // check does not: monitoring must see the server even while a flood is being turned away.
  app.addHook('onRequest', (request, _reply, next) => {
    if (!request.url.startsWith(`${API_ROOT}/`) || request.url === health) {
      next();
      return;
    }
    try {
      guard.limit(request, 'address', request.ip);
      next();
    } catch (error) {
      next(error as Error);
    }
  });
  done();
};

/** The per-address limit on every API request, for the whole server. */
export const guardPlugin = fp(addressLimit, { name: 'keep-cool-guard' });
