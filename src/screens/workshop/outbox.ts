/**
 * Sends finished workshop results to the server, oldest first, and keeps trying while the network
 * is away. A result leaves the outbox only when the server has counted it or refused it for good;
 * a resend after a lost reply is counted once by the server, so nothing is ever counted twice.
 */
import { ENDPOINTS } from '../../api/api.js';
import {
  queueResult,
  settleResult,
  type PendingResult,
  type SentResult,
  type WorkshopState,
} from '../../device/workshop-store.js';
import type { VersionedStore } from '../../device/store.js';
import { isTransient, send, type ApiClient } from './api-client.js';
import type { Refusal } from './refusals.js';

export interface OutboxStatus {
  pending: number;
  /** Why the last attempt did not go through, while results are waiting (worded by the page). */
  waiting: Refusal | null;
}

export class Outbox {
  private flushing: Promise<void> | null = null;
  /** Flushes asked for: one asked during a pass may be for something queued after it began. */
  private asked = 0;
  private timer: ReturnType<typeof setTimeout> | null = null;
  private waiting: Refusal | null = null;
  private readonly listeners = new Set<(status: OutboxStatus, settled: SentResult[]) => void>();

  constructor(
    private readonly store: VersionedStore<WorkshopState>,
    private readonly api: ApiClient,
    private readonly now: () => number = Date.now,
  ) {}

  status(): OutboxStatus {
    return { pending: this.store.load().value.outbox.length, waiting: this.waiting };
  }

  /** Told after every attempt: how many results wait, and which were just answered. */
  subscribe(listener: (status: OutboxStatus, settled: SentResult[]) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** Keeps the finished call (saved before anything is sent) and tries to send it. */
  queue(pending: Omit<PendingResult, 'attempts'>): Promise<void> {
    this.store.save(queueResult(this.store.load().value, pending));
    return this.flush();
  }

  /** Sends what is waiting; one flush at a time, however often it is asked for. */
  flush(): Promise<void> {
    this.asked++;
    this.flushing ??= (async () => {
      let answered: number;
      do {
        answered = this.asked;
        await this.send();
        // Another pass for what arrived meanwhile, unless the network is away (the timer retries).
      } while (this.asked !== answered && this.timer === null);
    })().finally(() => {
      this.flushing = null;
    });
    return this.flushing;
  }

  private async send(): Promise<void> {
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    const settled: SentResult[] = [];
    let retryInMs: number | null = null;
    for (const pending of this.store.load().value.outbox) {
      const reply = await send(this.api, ENDPOINTS.submitResult, {
        body: { run: pending.run, transcript: pending.transcript },
        token: pending.token,
      });
      const base = { run: pending.run, room: pending.room, scenario: pending.scenario, at: this.now() };
      if (reply.ok) {
        settled.push({
          ...base,
          outcome: { kind: 'counted', total: reply.data.total, rank: reply.data.rank },
        });
      } else if (isTransient(reply)) {
        // Keep it (and everything after it, in order) for the next try.
        const state = this.store.load().value;
        this.store.save({
          ...state,
          outbox: state.outbox.map((p) => (p.run === pending.run ? { ...p, attempts: p.attempts + 1 } : p)),
        });
        const { code, message, status, retryAfterSeconds, detail } = reply;
        this.waiting = { code, message, status, retryAfterSeconds, detail };
        retryInMs = reply.retryAfterSeconds
          ? reply.retryAfterSeconds * 1000
          : Math.min(60_000, 2000 * 2 ** Math.min(pending.attempts, 5));
        break;
      } else {
        settled.push({ ...base, outcome: { kind: 'refused', reason: reply.message, code: reply.code } });
      }
      this.store.save(settleResult(this.store.load().value, settled[settled.length - 1] as SentResult));
    }
    if (retryInMs === null) this.waiting = null;
    else this.timer = setTimeout(() => void this.flush(), retryInMs);
    const status = this.status();
    for (const listener of this.listeners) listener(status, settled);
  }

  /** Stops the retry timer (the page is going away, or a test ended). */
  stop(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
  }
}
