/**
 * Several server instances on one PostgreSQL database keep their in-memory boards in step through
 * PostgreSQL's own LISTEN/NOTIFY: no other broker to run.
 *
 * - Each change to a room is announced with the room's code; a new result carries the result, so
 *   the others add it to their boards as the writer did (adding a result is idempotent: a run is
 *   counted once, whether it came from the database or from a notice). Any other change (a player
 *   joining or removed, the room's calls or status, teams) makes the others read the room's board
 *   again from the database, which is the truth.
 * - A result's notice is sent inside the transaction that stores it: PostgreSQL delivers it when,
 *   and only if, the result is committed, so a board never shows a result that was rolled back, and
 *   an instance killed after its commit has already told the others.
 * - Each instance listens on its own connection (a pooled one could be handed to a query). If that
 *   link drops, notices sent meanwhile are lost: once it is back, the instance reads every board it
 *   holds again.
 *
 * With SQLite there is one instance and nobody to tell (SOLO).
 */
import { randomUUID } from 'node:crypto';
import { sql, type Kysely, type Transaction } from 'kysely';
import pg from 'pg';
import { z } from 'zod';
import { LetterTally } from '../api/replies.js';
import type { BoardResult } from '../api/board.js';
import type { Schema } from './db.js';

/** What one instance tells the others: which room changed and, for a new result, the result. */
export interface PeerNotice {
  room: string;
  result?: BoardResult;
}

export interface PeerListener {
  /** Another instance changed this room. */
  notice(notice: PeerNotice): void;
  /** The link to the others was down for a while: notices may have been missed. */
  lost(): void;
}

export interface Peers {
  /** Announces a change, as part of `executor`'s transaction when it is one (then sent on commit). */
  announce(executor: Kysely<Schema> | Transaction<Schema>, notice: PeerNotice): Promise<void>;
  /** Hears the other instances' notices (never this instance's own). */
  subscribe(listener: PeerListener): () => void;
}

/** One instance alone (SQLite): nothing to announce, nothing to hear. */
export const SOLO: Peers = {
  announce: () => Promise.resolve(),
  subscribe: () => () => undefined,
};

/** PostgreSQL refuses a NOTIFY payload of 8000 bytes or more; a result's notice is far smaller. */
const MAX_PAYLOAD = 7900;

const Count = z.number().int().min(0);
/** A notice as it arrives: checked like any input, since any client of the database can NOTIFY. */
const Wire = z.object({
  from: z.string().max(64),
  room: z.string().min(1).max(64),
  result: z
    .object({
      run: z.string().max(128),
      player: z.string().max(64),
      scenario: z.string().max(200),
      total: Count,
      finishedAt: Count,
      letters: LetterTally,
    })
    .optional(),
});

/** How long to wait before listening again after the link dropped: doubling up to the last. */
const RECONNECT_MS = [250, 500, 1000, 2000, 5000];

export class PostgresPeers implements Peers {
  /** This instance, so it can pass over its own notices. */
  readonly id = randomUUID();
  private readonly listeners = new Set<PeerListener>();
  private client: pg.Client | null = null;
  private closed = false;
  private failures = 0;
  private retry: NodeJS.Timeout | null = null;

  /** How this instance's listening connection is named in pg_stat_activity. */
  get applicationName(): string {
    return `keep-cool listen ${this.id}`;
  }

  constructor(
    private readonly connection: pg.ClientConfig,
    /** The NOTIFY channel (a plain identifier). */
    private readonly channel: string,
  ) {}

  /** Connects the listening link; refuses if the database cannot be reached now. */
  async start(): Promise<void> {
    await this.listen();
  }

  async announce(executor: Kysely<Schema> | Transaction<Schema>, notice: PeerNotice): Promise<void> {
    let payload = JSON.stringify({ from: this.id, ...notice });
    // Too big to send whole (never for a result today): the others read the room again instead.
    if (payload.length > MAX_PAYLOAD) payload = JSON.stringify({ from: this.id, room: notice.room });
    await sql`select pg_notify(${this.channel}, ${payload})`.execute(executor);
  }

  subscribe(listener: PeerListener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  async close(): Promise<void> {
    this.closed = true;
    if (this.retry) clearTimeout(this.retry);
    const client = this.client;
    this.client = null;
    await client?.end().catch(() => undefined);
  }

  private async listen(): Promise<void> {
    // Named, so an operator (or a test) can tell the listening connections apart in pg_stat_activity.
    const client = new pg.Client({ ...this.connection, application_name: this.applicationName });
    client.on('notification', (message) => {
      if (message.channel === this.channel) this.receive(message.payload);
    });
    // A dropped link (the database restarted, a network cut) is listened for again, not a crash.
    const dropped = () => {
      if (this.client !== client) return;
      this.client = null;
      client.end().catch(() => undefined);
      this.reconnect();
    };
    client.on('error', dropped);
    client.on('end', dropped);
    await client.connect();
    await client.query(`listen ${this.channel}`);
    if (this.closed) {
      await client.end();
      return;
    }
    this.client = client;
  }

  private reconnect(): void {
    if (this.closed || this.retry) return;
    const wait = RECONNECT_MS[Math.min(this.failures, RECONNECT_MS.length - 1)] ?? 5000;
    this.retry = setTimeout(() => {
      this.retry = null;
      this.listen().then(
        () => {
          this.failures = 0;
          // Whatever was announced while the link was down is read again from the database.
          for (const listener of this.listeners) listener.lost();
        },
        () => {
          this.failures++;
          this.reconnect();
        },
      );
    }, wait);
    this.retry.unref();
  }

  private receive(payload: string | undefined): void {
    let parsed: unknown;
    try {
      parsed = JSON.parse(payload ?? '');
    } catch {
      return;
    }
    const read = Wire.safeParse(parsed);
    if (!read.success || read.data.from === this.id) return;
    const { room, result } = read.data;
    const notice: PeerNotice = result ? { room, result } : { room };
    for (const listener of this.listeners) listener.notice(notice);
  }
}
