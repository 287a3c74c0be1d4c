/**
 * Results sent on as xAPI to the Learning Record Store a room's facilitator configured.
 *
 * - The statements of a result are written to the outbox (`xapi_outbox`) in the transaction that
 *   stores the result (runs.ts), so a result acknowledged to the phone is never without them.
 * - The sender sends each room's pending statements in order, one PUT per statement with its own
 *   id, so a statement sent again (after a lost reply, a restart) is one the LRS already has.
 *   A 2xx or a 409 (the LRS holds that id already) is done; a network error, a 408, a 429 or a 5xx
 *   is tried again later with a growing wait, kept in the table so it survives a restart; any
 *   other 4xx is a refusal for good: kept, marked failed with the reason, and counted for the
 *   facilitator. While a room's oldest statement waits, the room's later ones wait behind it.
 * - Submitting a result never waits for the LRS: the sender works on its own.
 */
import type { Transaction } from 'kysely';
import type { LrsConfigBody, LrsStatus } from '../api/api.js';
import { XAPI_VERSION, type Statement } from '../lms/xapi.js';
import type { Db, Schema } from './db.js';

/** What the sender needs of fetch (the global one fits). */
export type LrsFetch = (
  url: string,
  init: { method: 'PUT'; headers: Record<string, string>; body: string; signal: AbortSignal },
) => Promise<{ status: number; headers: { get(name: string): string | null }; text(): Promise<string> }>;

/** The first wait after a failed send; each failure doubles it, up to RETRY_MAX_MS. */
export const RETRY_BASE_MS = 5_000;
export const RETRY_MAX_MS = 10 * 60_000;
/** How long one send may take before it counts as failed. */
export const SEND_TIMEOUT_MS = 15_000;

/** The wait before the next try after `attempts` failed ones. */
export const retryDelay = (attempts: number): number =>
  Math.min(RETRY_MAX_MS, RETRY_BASE_MS * 2 ** Math.max(0, attempts - 1));

/** Writes a result's statements to the outbox, in the transaction that stores the result. */
export async function queueStatements(
  trx: Transaction<Schema>,
  entry: { room: string; runHash: string; statements: readonly Statement[]; now: number },
): Promise<void> {
  if (entry.statements.length === 0) return;
  await trx
    .insertInto('xapi_outbox')
    .values(
      entry.statements.map((statement, position) => ({
        statement_id: statement.id,
        room_code: entry.room,
        run_hash: entry.runHash,
        position,
        statement: JSON.stringify(statement),
        status: 'pending',
        attempts: 0,
        next_attempt_at: entry.now,
        last_error: null,
        created_at: entry.now,
        sent_at: null,
      })),
    )
    .onConflict((c) => c.column('statement_id').doNothing())
    .execute();
}

/** A room's LRS settings and the state of its statements. */
export class LrsSettings {
  constructor(
    private readonly db: Db,
    private readonly now: () => number,
  ) {}

  /** The room's pass mark, or undefined when the room has no LRS (nothing is queued then). */
  async passFor(room: string): Promise<{ pass: number | null } | undefined> {
    return this.db.selectFrom('lrs_configs').select('pass').where('room_code', '=', room).executeTakeFirst();
  }

  /**
   * Sets (or replaces) the room's LRS. Statements the LRS refused for good are given another
   * chance, and waiting ones are tried at once: new settings usually mean the old ones were wrong.
   */
  async set(room: string, config: LrsConfigBody): Promise<void> {
    const now = this.now();
    const row = {
      endpoint: config.endpoint,
      auth_key: config.key,
      auth_secret: config.secret,
      pass: config.pass,
      updated_at: now,
    };
    await this.db.transaction().execute(async (trx) => {
      await trx
        .insertInto('lrs_configs')
        .values({ room_code: room, ...row })
        .onConflict((c) => c.column('room_code').doUpdateSet(row))
        .execute();
      await trx
        .updateTable('xapi_outbox')
        .set({ status: 'pending', attempts: 0, next_attempt_at: now })
        .where('room_code', '=', room)
        .where('status', 'in', ['pending', 'failed'])
        .execute();
    });
  }

  /** Stops sending the room's results; statements not yet sent wait for new settings. */
  async remove(room: string): Promise<void> {
    await this.db.deleteFrom('lrs_configs').where('room_code', '=', room).execute();
  }

  async status(room: string): Promise<LrsStatus> {
    const config = await this.db
      .selectFrom('lrs_configs')
      .select(['endpoint', 'pass'])
      .where('room_code', '=', room)
      .executeTakeFirst();
    const counts = await this.db
      .selectFrom('xapi_outbox')
      .select(({ fn }) => ['status', fn.countAll<number | string>().as('n')])
      .where('room_code', '=', room)
      .groupBy('status')
      .execute();
    const count = (status: string) => Number(counts.find((c) => c.status === status)?.n ?? 0);
    const problem = await this.db
      .selectFrom('xapi_outbox')
      .select('last_error')
      .where('room_code', '=', room)
      .where('status', '!=', 'sent')
      .where('last_error', 'is not', null)
      .orderBy('created_at', 'desc')
      .orderBy('position', 'desc')
      .limit(1)
      .executeTakeFirst();
    return {
      configured: config !== undefined,
      endpoint: config?.endpoint ?? null,
      pass: config?.pass ?? null,
      statements: { pending: count('pending'), sent: count('sent'), failed: count('failed') },
      lastError: problem?.last_error ?? null,
    };
  }
}

export interface SenderOptions {
  db: Db;
  fetch: LrsFetch;
  now: () => number;
  /** Wakes itself up for retries (off in tests, which call pass()). */
  timer?: boolean;
  /** The longest it sleeps between looks at the outbox while statements wait. */
  pollMs?: number;
  /** Statements sent per room in one pass before the next room's turn. */
  batch?: number;
  log?: (message: string, detail: Record<string, unknown>) => void;
}

type Outcome =
  { kind: 'sent' } | { kind: 'retry'; reason: string; after?: number } | { kind: 'refused'; reason: string };

/** How the LRS's answer to one statement counts. */
export function outcomeOf(status: number, body: string, retryAfter: string | null): Outcome {
  const said = body.trim().replace(/\s+/g, ' ').slice(0, 200);
  const reason = `HTTP ${status}${said ? `: ${said}` : ''}`;
  if (status >= 200 && status < 300) return { kind: 'sent' };
  // The LRS holds a statement with this id already: an earlier try got through.
  if (status === 409) return { kind: 'sent' };
  if (status === 429 || status === 408) {
    const seconds = Number(retryAfter);
    return Number.isFinite(seconds) && seconds > 0
      ? { kind: 'retry', reason, after: seconds * 1000 }
      : { kind: 'retry', reason };
  }
  if (status >= 400 && status < 500) return { kind: 'refused', reason };
  return { kind: 'retry', reason };
}

/** Sends the outbox to each room's LRS, started with the server and stopped when it closes. */
export class XapiSender {
  private readonly db: Db;
  private readonly fetch: LrsFetch;
  private readonly now: () => number;
  private readonly timer: boolean;
  private readonly pollMs: number;
  private readonly batch: number;
  private readonly log: NonNullable<SenderOptions['log']>;
  private running: Promise<void> | null = null;
  private wanted = false;
  private started = false;
  private stopped = false;
  private sleeping: ReturnType<typeof setTimeout> | null = null;
  private readonly abort = new AbortController();

  constructor(options: SenderOptions) {
    this.db = options.db;
    this.fetch = options.fetch;
    this.now = options.now;
    this.timer = options.timer ?? true;
    this.pollMs = options.pollMs ?? 30_000;
    this.batch = options.batch ?? 100;
    this.log = options.log ?? (() => undefined);
  }

  /** Starts sending: at once (statements left from before a restart), then whenever there is work. */
  start(): void {
    if (this.started || this.stopped) return;
    this.started = true;
    this.kick();
  }

  /** Something was queued or changed: look at the outbox soon. Never waits for the LRS. */
  kick(): void {
    if (!this.started || this.stopped) return;
    this.wanted = true;
    this.running ??= this.loop();
  }

  /** One look at the outbox now, resolved when every statement due has been tried. */
  async pass(): Promise<void> {
    this.kick();
    await this.idle();
  }

  /** Resolves when no pass is under way. */
  async idle(): Promise<void> {
    while (this.running) await this.running;
  }

  /** Stops: no new sends; the one in flight is abandoned (it stays pending) and waited for. */
  async stop(): Promise<void> {
    this.stopped = true;
    if (this.sleeping) clearTimeout(this.sleeping);
    this.abort.abort();
    await this.idle();
  }

  /** Read afresh (a stop can come while a query is awaited). */
  private halted(): boolean {
    return this.stopped;
  }

  private async loop(): Promise<void> {
    try {
      // Off the caller's turn: a kick from a request never runs sends inside it.
      await new Promise<void>((resolve) => setImmediate(resolve));
      while (this.wanted && !this.stopped) {
        this.wanted = false;
        await this.sendDue();
      }
    } catch (error) {
      this.log('xAPI outbox pass failed', { err: error });
    } finally {
      this.running = null;
    }
    await this.sleep();
  }

  /** Sleeps until the earliest statement is due (at most pollMs), when the timer is on. */
  private async sleep(): Promise<void> {
    if (!this.timer || this.stopped) return;
    if (this.sleeping) clearTimeout(this.sleeping);
    const next = await this.db
      .selectFrom('xapi_outbox')
      .innerJoin('lrs_configs', 'lrs_configs.room_code', 'xapi_outbox.room_code')
      .select(({ fn }) => fn.min<number | string | null>('xapi_outbox.next_attempt_at').as('due'))
      .where('xapi_outbox.status', '=', 'pending')
      .executeTakeFirst()
      .catch(() => undefined);
    if (this.halted() || next?.due === null || next?.due === undefined) return;
    const wait = Math.min(this.pollMs, Math.max(0, Number(next.due) - this.now()));
    this.sleeping = setTimeout(() => {
      this.sleeping = null;
      this.kick();
    }, wait);
    this.sleeping.unref();
  }

  private async sendDue(): Promise<void> {
    const rooms = await this.db
      .selectFrom('xapi_outbox')
      .innerJoin('lrs_configs', 'lrs_configs.room_code', 'xapi_outbox.room_code')
      .select([
        'lrs_configs.room_code',
        'lrs_configs.endpoint',
        'lrs_configs.auth_key',
        'lrs_configs.auth_secret',
      ])
      .where('xapi_outbox.status', '=', 'pending')
      .distinct()
      .execute();
    for (const room of rooms) {
      if (this.stopped) return;
      // A room with more than a batch waiting gets another turn after the others.
      if (await this.sendRoom(room)) this.wanted = true;
    }
  }

  private async sendRoom(room: {
    room_code: string;
    endpoint: string;
    auth_key: string;
    auth_secret: string;
  }): Promise<boolean> {
    const rows = await this.db
      .selectFrom('xapi_outbox')
      .select(['statement_id', 'statement', 'attempts', 'next_attempt_at'])
      .where('room_code', '=', room.room_code)
      .where('status', '=', 'pending')
      .orderBy('created_at')
      .orderBy('run_hash')
      .orderBy('position')
      .limit(this.batch)
      .execute();
    const headers = {
      Authorization: `Basic ${Buffer.from(`${room.auth_key}:${room.auth_secret}`).toString('base64')}`,
      'X-Experience-API-Version': XAPI_VERSION,
      'Content-Type': 'application/json',
    };
    for (const row of rows) {
      // In order: while the oldest waits for its retry, the ones behind it wait too.
      if (this.stopped || row.next_attempt_at > this.now()) return false;
      const outcome = await this.send(room.endpoint, row, headers);
      if (outcome === null) return false;
      const now = this.now();
      const attempts = row.attempts + 1;
      const done = this.db.updateTable('xapi_outbox').where('statement_id', '=', row.statement_id);
      if (outcome.kind === 'sent') {
        await done.set({ status: 'sent', attempts, sent_at: now, last_error: null }).execute();
        continue;
      }
      if (outcome.kind === 'refused') {
        this.log('LRS refused a statement', { room: room.room_code, reason: outcome.reason });
        await done.set({ status: 'failed', attempts, last_error: outcome.reason }).execute();
        continue;
      }
      const wait = Math.max(retryDelay(attempts), outcome.after ?? 0);
      await done.set({ attempts, next_attempt_at: now + wait, last_error: outcome.reason }).execute();
      return false;
    }
    return rows.length === this.batch;
  }

  /** Sends one statement; null when the sender stopped meanwhile (the statement stays as it was). */
  private async send(
    endpoint: string,
    row: { statement_id: string; statement: string },
    headers: Record<string, string>,
  ): Promise<Outcome | null> {
    const url = `${endpoint}statements?statementId=${encodeURIComponent(row.statement_id)}`;
    try {
      const reply = await this.fetch(url, {
        method: 'PUT',
        headers,
        body: row.statement,
        signal: AbortSignal.any([this.abort.signal, AbortSignal.timeout(SEND_TIMEOUT_MS)]),
      });
      const body = reply.status >= 400 ? await reply.text().catch(() => '') : '';
      return outcomeOf(reply.status, body, reply.headers.get('retry-after'));
    } catch (error) {
      if (this.stopped) return null;
      const why = error instanceof Error ? error.message : String(error);
      return { kind: 'retry', reason: `the LRS could not be reached: ${why}` };
    }
  }
}
