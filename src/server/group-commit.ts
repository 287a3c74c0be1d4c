/**
 * Group commit (SQLite): writes that arrive together share one transaction, so one fsync
 * acknowledges many of them (with synchronous=FULL each commit waits for the disk). Each write's
 * promise settles only after its transaction committed. If a batch fails, its writes are retried
 * one by one, so one bad write never takes the others down with it. PostgreSQL takes writes side
 * by side instead (ConcurrentCommit).
 */
import { PostgresAdapter, type Kysely, type Transaction } from 'kysely';

type Work<S, T> = (trx: Transaction<S>) => Promise<T>;

/** How the server's writes reach the database: each in a transaction, settled after its commit. */
export interface Writes<S> {
  run<T>(work: Work<S, T>): Promise<T>;
  /** Settles every write under way. */
  drain(): Promise<void>;
}

/**
 * Writes side by side, each in its own transaction on its own pooled connection: for PostgreSQL,
 * which runs transactions concurrently and already shares its disk flushes between commits that
 * arrive together. (Two writes to one row wait for each other; `where used_at is null` is read
 * again after the wait, so a run is still used once.)
 */
export class ConcurrentCommit<S> implements Writes<S> {
  private readonly pending = new Set<Promise<unknown>>();

  constructor(private readonly db: Kysely<S>) {}

  run<T>(work: Work<S, T>): Promise<T> {
    const done = this.db.transaction().execute(work);
    const tracked = done.catch(() => undefined);
    this.pending.add(tracked);
    void tracked.finally(() => this.pending.delete(tracked));
    return done;
  }

  async drain(): Promise<void> {
    while (this.pending.size > 0) await Promise.all([...this.pending]);
  }
}

/** The way of writing that suits the database: grouped for SQLite (one writer), side by side for PostgreSQL. */
export function writesFor<S>(db: Kysely<S>): Writes<S> {
  return db.getExecutor().adapter instanceof PostgresAdapter ? new ConcurrentCommit(db) : new GroupCommit(db);
}

interface Job<S> {
  work: Work<S, unknown>;
  resolve: (value: unknown) => void;
  reject: (error: unknown) => void;
}

export class GroupCommit<S> implements Writes<S> {
  private queue: Job<S>[] = [];
  /** True from the moment a flush is scheduled until it finds the queue empty. */
  private active = false;
  private current: Promise<void> = Promise.resolve();

  constructor(
    private readonly db: Kysely<S>,
    /** The most writes in one transaction. */
    private readonly maxBatch = 256,
  ) {}

  /** Runs `work` in a transaction shared with the writes queued beside it. */
  run<T>(work: Work<S, T>): Promise<T> {
    return new Promise<T>((resolve, reject) => {
      this.queue.push({ work, resolve: resolve as (v: unknown) => void, reject });
      if (this.active) return;
      this.active = true;
      // On the next turn, so the writes of requests arriving together join the batch.
      this.current = new Promise<void>((done) => {
        setImmediate(() => {
          void this.flushAll().finally(done);
        });
      });
    });
  }

  /** Settles every write queued so far. */
  async drain(): Promise<void> {
    while (this.active) await this.current;
  }

  private async flushAll(): Promise<void> {
    for (;;) {
      // Checked and cleared in one step: a write queued after this schedules a new flush.
      if (this.queue.length === 0) {
        this.active = false;
        return;
      }
      const batch = this.queue.splice(0, this.maxBatch);
      try {
        const results = await this.db.transaction().execute(async (trx) => {
          const out: unknown[] = [];
          for (const job of batch) out.push(await job.work(trx));
          return out;
        });
        batch.forEach((job, i) => {
          job.resolve(results[i]);
        });
      } catch {
        // Something in the batch failed and nothing of it was kept: try each write on its own.
        for (const job of batch) {
          try {
            job.resolve(await this.db.transaction().execute((trx) => job.work(trx)));
          } catch (error) {
            job.reject(error);
          }
        }
      }
    }
  }
}
