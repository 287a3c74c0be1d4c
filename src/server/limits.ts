/**
 * Rate limits: fixed windows counted in memory, per rule and key.
 *
 * A workshop hall shares ONE public address: 300 phones behind the venue's router look like one
 * client. So a limit keyed on the address alone lets one abusive phone spend everyone's allowance.
 * The rules below are keyed on who is asking, most specific first:
 *
 * - A request carrying a player token (or a room's secret) is counted on that token (`token`,
 *   `player`) and never on the address: no other client can spend it, whatever it sends.
 * - A made-up token would dodge the address rules with a fresh window each time, so a token the
 *   server refuses (401/403) counts against its address (`badToken`). Once an address has spent
 *   that, its tokens the server has not seen good are refused without a database look-up; the
 *   tokens of real players (issued or verified, remembered in memory) go on as before.
 * - Requests without a token are the only ones counted by address, and there the limits are a
 *   flood guard far above what a hall sends: per (address, room) for what names a room, so
 *   flooding room A cannot starve room B, and per address overall (`address`).
 *
 * The numbers: a hall of 300 phones joins once each, reads its room once, then plays with its
 * token; the boards reach it over one live stream per phone. Tokenless traffic from a whole hall is
 * a few hundred requests a minute; the address guard allows 5,000 every 10 s. Reaching it takes
 * 500 requests a second, a flood the limit cuts short rather than a hall at work.
 */

export interface Rule {
  /** Requests allowed per window. */
  limit: number;
  windowMs: number;
}

export const DEFAULT_RULES = {
  /**
   * Tokenless API requests from one address (a whole hall may share it): only a flood guard.
   * Requests with a token do not count here.
   */
  address: { limit: 5000, windowMs: 10_000 },
  /**
   * Tokenless reads of one room (its info, its board) per address: a hall reads its room once per
   * phone; flooding one room's reads leaves other rooms' readers alone. Board reads are served
   * from memory, so this can be high.
   */
  roomRead: { limit: 1500, windowMs: 10_000 },
  /** Every API request carrying one token: a phone sends a few a minute; this stops a script. */
  token: { limit: 600, windowMs: 10_000 },
  /** Tokens refused (unknown, removed, a wrong secret) per address, before its unknown tokens wait. */
  badToken: { limit: 300, windowMs: 60_000 },
  /** Creating rooms, per address. */
  createRoom: { limit: 20, windowMs: 60_000 },
  /** Joining one room, per address and room: a hall of 300 joining at once, with retries. */
  join: { limit: 600, windowMs: 60_000 },
  /** Starting calls and sending results, per player token. A call takes minutes. */
  player: { limit: 30, windowMs: 60_000 },
  /**
   * Facilitator actions (open, close, change calls, remove, teams, export), per room and secret:
   * counted only once the secret is verified, so nobody else can spend them.
   */
  facilitator: { limit: 120, windowMs: 60_000 },
  /** The facilitator page reading its player list: its own allowance, so it never starves actions. */
  facilitatorRead: { limit: 120, windowMs: 60_000 },
  /**
   * Steps through the decision map on the projector: its own allowance, so a held arrow key never
   * keeps the facilitator from removing a player or closing the room.
   */
  facilitatorStep: { limit: 600, windowMs: 60_000 },
} satisfies Record<string, Rule>;

/**
 * How many streams may be open at once. A hall shares one address, so an address alone cannot
 * tell an abusive client from 300 honest phones:
 * - A stream with a key (a player's token, or the room's secret for the facilitator page and the
 *   projector) is counted on that key alone and is never refused because of anonymous streams.
 *   Past `perKey`, its oldest stream is closed: a phone that lost its Wi-Fi leaves a dead stream the
 *   server has not noticed yet, and the new one is the one that matters.
 * - A stream without a key counts against its address, `perAddress` in all, and `perRoom` for one
 *   room, so flooding one room's stream leaves room for the others' anonymous screens.
 */
export interface StreamLimits {
  perAddress: number;
  perRoom: number;
  perKey: number;
}

/**
 * Live boards open at once from one address without a key (see live.ts): a hall behind one router
 * needs one per phone and projector; far more than that is someone holding connections open.
 * Streams that carry a player token or the room's secret are counted on that key instead.
 */
export const STREAMS_PER_ADDRESS = 1000;

/** A key's streams (a phone's, a facilitator's): eight at once, then the oldest makes way. */
export const STREAMS_PER_KEY = 8;

/**
 * The stream limits for `perAddress` anonymous streams per address: half of them at most for one
 * room (500 by default, more than a hall has phones), so a flood of one room's streams leaves the
 * other half to the rooms next door.
 */
export function streamLimits(perAddress: number = STREAMS_PER_ADDRESS): StreamLimits {
  return { perAddress, perRoom: Math.ceil(perAddress / 2), perKey: STREAMS_PER_KEY };
}

export type RuleName = keyof typeof DEFAULT_RULES;
export type Rules = Record<RuleName, Rule>;

export type Verdict = { ok: true } | { ok: false; retryAfterSeconds: number };

export class RateLimiter {
  private readonly windows = new Map<string, { start: number; count: number }>();
  private lastSweep = 0;

  constructor(
    private readonly rules: Rules,
    private readonly now: () => number = Date.now,
  ) {}

  /** Counts one request against `rule` for `key`; refuses it once the window is full. */
  hit(rule: RuleName, key: string): Verdict {
    return this.check(rule, key, 1);
  }

  /** Whether `rule` for `key` is spent, without counting anything. */
  spent(rule: RuleName, key: string): Verdict {
    return this.check(rule, key, 0);
  }

  private check(rule: RuleName, key: string, cost: number): Verdict {
    const { limit, windowMs } = this.rules[rule];
    const now = this.now();
    this.sweep(now);
    const id = `${rule}\u0000${key}`;
    let window = this.windows.get(id);
    if (!window || now - window.start >= windowMs) {
      if (cost === 0) return { ok: true };
      window = { start: now, count: 0 };
      this.windows.set(id, window);
    }
    window.count += cost;
    // Counting, this request is the count-th; only looking, the next one would be count + 1.
    if (window.count + (cost === 0 ? 1 : 0) <= limit) return { ok: true };
    return { ok: false, retryAfterSeconds: Math.max(1, Math.ceil((window.start + windowMs - now) / 1000)) };
  }

  /** Forgets windows that have ended, at most once a minute, so memory stays bounded. */
  private sweep(now: number): void {
    if (now - this.lastSweep < 60_000) return;
    this.lastSweep = now;
    const longest = Math.max(...Object.values(this.rules).map((r) => r.windowMs));
    for (const [id, w] of this.windows) if (now - w.start >= longest) this.windows.delete(id);
  }
}
