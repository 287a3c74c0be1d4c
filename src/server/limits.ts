/**
 * Rate limits: fixed windows counted in memory, per rule and key. A workshop hall shares one
 * address, so the rules that matter per person are keyed by the player's token; the per-address
 * rules are generous and only stop floods.
 */

export interface Rule {
  /** Requests allowed per window. */
  limit: number;
  windowMs: number;
}

export const DEFAULT_RULES = {
  /** Every request from one address (a whole room may share it). */
  address: { limit: 1200, windowMs: 10_000 },
  /** Creating rooms, per address. */
  createRoom: { limit: 20, windowMs: 60_000 },
  /** Joining, per address: a hall of people joining at once. */
  join: { limit: 400, windowMs: 60_000 },
  /** Starting calls and sending results, per player token. A call takes minutes. */
  player: { limit: 30, windowMs: 60_000 },
  /** Facilitator actions (open, close, change calls, remove, export), per room and address. */
  facilitator: { limit: 120, windowMs: 60_000 },
  /** The facilitator page reading its player list: its own allowance, so it never starves actions. */
  facilitatorRead: { limit: 120, windowMs: 60_000 },
} satisfies Record<string, Rule>;

/**
 * Live boards open at once from one address: a hall behind one router needs one per phone and
 * projector; far more than that is someone holding connections open.
 */
export const STREAMS_PER_ADDRESS = 1000;

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
    const { limit, windowMs } = this.rules[rule];
    const now = this.now();
    this.sweep(now);
    const id = `${rule}\u0000${key}`;
    let window = this.windows.get(id);
    if (!window || now - window.start >= windowMs) {
      window = { start: now, count: 0 };
      this.windows.set(id, window);
    }
    window.count++;
    if (window.count <= limit) return { ok: true };
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
