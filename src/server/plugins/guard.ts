/**
 * Who is asking, and how often: the player behind a token, the facilitator holding a room's secret,
 * and the rate limits of limits.ts, keyed on the token first and on the address only for requests
 * without one. A request over a limit is refused with 429 and a Retry-After.
 */
import type { FastifyPluginCallback, FastifyRequest } from 'fastify';
import fp from 'fastify-plugin';
import { API_ROOT, isToken } from '../../api/api.js';
import { ENDPOINTS } from '../../api/endpoints.js';
import type { RateLimiter, RuleName, Verdict } from '../limits.js';
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

const EVENTS_URL = `${API_ROOT}${ENDPOINTS.events.path}`;

/**
 * The key a live stream carries in `?key=` (a browser's EventSource cannot send headers): a player
 * token or the room's secret. Only the events route takes one.
 */
function streamKey(request: FastifyRequest): string | undefined {
  if (request.routeOptions.url !== EVENTS_URL) return undefined;
  const query = request.query;
  const key = typeof query === 'object' && query !== null && 'key' in query ? query.key : undefined;
  return isToken(key) ? key : undefined;
}

function tooMany(request: FastifyRequest, rule: RuleName, verdict: Verdict & { ok: false }): WorkshopError {
  request.log.warn({ rule }, 'rate limited');
  return new WorkshopError(
    429,
    'rate-limited',
    `Too many requests; try again in ${verdict.retryAfterSeconds} s.`,
    undefined,
    { 'retry-after': String(verdict.retryAfterSeconds) },
  );
}

/** How long a token seen good is remembered, and how many are at most. */
const KNOWN_FOR_MS = 24 * 60 * 60 * 1000;
const KNOWN_AT_MOST = 200_000;

export class Guard {
  /**
   * Tokens this server issued or verified lately (players' tokens and rooms' secrets), with when:
   * a request carrying one is counted on the token alone. A token not in here has not proved
   * anything yet, so its address pays for it as for a request without one.
   */
  private readonly known = new Map<string, number>();
  private lastSweep = 0;

  constructor(
    private readonly workshop: Workshop,
    private readonly limiter: RateLimiter,
    private readonly now: () => number = Date.now,
  ) {}

  /** Counts one request against `rule` for `key`; over the limit, refuses it with 429. */
  limit(request: FastifyRequest, rule: RuleName, key: string): void {
    const verdict = this.limiter.hit(rule, key);
    if (!verdict.ok) throw tooMany(request, rule, verdict);
  }

  /**
   * Every API request, as it arrives: one with a token counts against that token; one whose token
   * the server does not know yet, or with none, also against its address (the flood guard). An
   * address that has sent too many refused tokens has its unknown ones turned away before they
   * cost a database look-up, while the tokens of players already known go on.
   */
  admit(request: FastifyRequest): void {
    const token = bearer(request) ?? streamKey(request);
    if (token && this.isKnown(token)) {
      this.limit(request, 'token', token);
      return;
    }
    if (token) {
      const spent = this.limiter.spent('badToken', request.ip);
      if (!spent.ok) throw tooMany(request, 'badToken', spent);
      this.limit(request, 'token', token);
    }
    this.limit(request, 'address', request.ip);
  }

  /**
   * A read of one room without a token known to the server (its info, its board): counted per
   * address and room, so a flood of one room's reads leaves other rooms' readers alone.
   */
  roomRead(request: FastifyRequest, code: string): void {
    const token = bearer(request);
    if (token && this.isKnown(token)) return;
    this.limit(request, 'roomRead', `${code}|${request.ip}`);
  }

  /** A join of room `code`: per address and room, so flooding one room's door leaves others open. */
  join(request: FastifyRequest, code: string): void {
    this.limit(request, 'join', `${code}|${request.ip}`);
  }

  /** Remembers a token the server has just issued or verified. */
  know(token: string): void {
    const now = this.now();
    this.sweep(now);
    if (this.known.size < KNOWN_AT_MOST || this.known.has(token)) this.known.set(token, now);
  }

  /** The player whose token the request carries; refuses a missing, unknown or removed one. */
  async player(request: FastifyRequest): Promise<PlayerAuth> {
    const token = bearer(request);
    // Per player: a whole room shares an address, so this is the limit that matters for people.
    // A made-up token of the right shape gets its own window but is refused (401) right after,
    // and that refusal counts against its address.
    this.limit(request, 'player', token ? `token|${token}` : `ip|${request.ip}`);
    return this.verified(request, token, () => this.workshop.authorizePlayer(token));
  }

  /** Refuses the request unless it carries the room's secret. */
  async facilitator(
    request: FastifyRequest,
    code: string,
    rule: 'facilitator' | 'facilitatorRead' | 'facilitatorStep' = 'facilitator',
  ): Promise<void> {
    const secret = bearer(request);
    // A request without the right secret is refused, and counted against its address as a refused
    // token (badToken); it never spends the facilitator's allowance, which attendees on the same
    // address could otherwise use up to lock the facilitator out of their own room.
    await this.verified(request, secret, () => this.workshop.authorizeFacilitator(code, secret));
    // Per room and secret: whoever holds it, however many devices share the address.
    this.limit(request, rule, `${code}|secret|${secret ?? ''}`);
  }

  /**
   * Who holds a live stream of room `code`: its key when that is the room's secret or the token of
   * one of its players, null for an anonymous stream (no key, or one that is neither: counted
   * against the address like a refused token, but the stream is still served, anonymously). A
   * player's token also names its player, whose own places the stream then carries: the phone is
   * known by what it holds, never by an id anyone could put in the address.
   */
  async streamHolder(
    request: FastifyRequest,
    code: string,
  ): Promise<{ key: string | null; player: string | null }> {
    const key = streamKey(request);
    if (!key) return { key: null, player: null };
    try {
      // Even for a known key: the player it belongs to is not remembered, only that it is good.
      const who = await this.workshop.authorizePlayer(key);
      if (who.room === code) {
        this.know(key);
        return { key, player: who.id };
      }
    } catch {
      // Not a player's token (or a removed player's): perhaps the room's secret.
    }
    if (this.isKnown(key)) return { key, player: null };
    try {
      await this.workshop.authorizeFacilitator(code, key);
      this.know(key);
      return { key, player: null };
    } catch {
      this.limiter.hit('badToken', request.ip);
      return { key: null, player: null };
    }
  }

  /** Runs a check of `token`; a pass remembers it, a refusal counts against the address. */
  private async verified<T>(
    request: FastifyRequest,
    token: string | undefined,
    check: () => Promise<T>,
  ): Promise<T> {
    try {
      const passed = await check();
      if (token) this.know(token);
      return passed;
    } catch (error) {
      if (token && error instanceof WorkshopError && (error.status === 401 || error.status === 403)) {
        this.known.delete(token);
        this.limiter.hit('badToken', request.ip);
      }
      throw error;
    }
  }

  private isKnown(token: string): boolean {
    const seen = this.known.get(token);
    return seen !== undefined && this.now() - seen < KNOWN_FOR_MS;
  }

  /** Forgets tokens not seen for a day, at most once a minute, so memory stays bounded. */
  private sweep(now: number): void {
    if (now - this.lastSweep < 60_000) return;
    this.lastSweep = now;
    for (const [token, seen] of this.known) if (now - seen >= KNOWN_FOR_MS) this.known.delete(token);
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
    // Not the player rule: that allowance is for starting calls and sending results, and a phone
    // reads the map again after changes. The token's own allowance (admit) still bounds it.
    const player = await this.verified(request, token, () => this.workshop.authorizePlayer(token));
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

const admission: FastifyPluginCallback<{ guard: Guard }> = (app, { guard }, done) => {
  const health = `${API_ROOT}${ENDPOINTS.health.path}`;
  // Every API request is counted as it arrives (see Guard.admit). The health check is not:
  // monitoring must see the server even while a flood is being turned away.
  app.addHook('onRequest', (request, _reply, next) => {
    if (!request.url.startsWith(`${API_ROOT}/`) || request.url === health) {
      next();
      return;
    }
    try {
      guard.admit(request);
      next();
    } catch (error) {
      next(error as Error);
    }
  });
  done();
};

/** The per-token and per-address limits on every API request, for the whole server. */
export const guardPlugin = fp(admission, { name: 'keep-cool-guard' });
