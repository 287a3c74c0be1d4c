/**
 * The database the server tests run on. The `node` project runs them on SQLite; the `postgres`
 * project runs the same files again on a real PostgreSQL 15 (tests/support/postgres-setup.ts starts
 * it and provides its address). A test names its database by a data folder either way: on
 * PostgreSQL the folder stands for a schema of its own, so a restart on the same folder finds the
 * same data, and tests never see each other's.
 */
import { createHash } from 'node:crypto';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { Kysely, PostgresDialect, SqliteDialect, sql } from 'kysely';
import pg from 'pg';
import { inject } from 'vitest';
import { openDatabase, openPostgres, type OpenedDb, type Schema } from '../../src/server/db.js';
import { freshDatabase } from './pg-cluster.js';

declare module 'vitest' {
  export interface ProvidedContext {
    /** The throwaway PostgreSQL cluster's address (the `postgres` project and browser tests). */
    postgresUrl: string;
  }
}

export type Backend = 'sqlite' | 'postgres';

/** Which database this run of the server tests is on. */
export const BACKEND: Backend = process.env.KEEP_COOL_TEST_DB === 'postgres' ? 'postgres' : 'sqlite';

/** The cluster's address, provided by the project's global set-up. */
export function postgresUrl(): string {
  const url = inject('postgresUrl');
  if (!url) throw new Error('no PostgreSQL for this test: run it in the postgres project');
  return url;
}

/** The schema that stands for a data folder on PostgreSQL. */
export function schemaFor(dataDir: string): string {
  return `t_${createHash('sha256').update(dataDir).digest('hex').slice(0, 24)}`;
}

/** Opens (creating and migrating) the test database named by `dataDir`, on this run's backend. */
export function openTestDatabase(dataDir: string, backend: Backend = BACKEND): Promise<OpenedDb> {
  if (backend === 'sqlite') return openDatabase(dataDir);
  return openPostgres(postgresUrl(), { schema: schemaFor(dataDir), poolSize: 4 });
}

/**
 * The database named by `dataDir` with no migrations run and no server: to build a database as an
 * older server left it. The caller destroys it.
 */
export async function bareDatabase(dataDir: string, backend: Backend = BACKEND): Promise<Kysely<unknown>> {
  if (backend === 'sqlite') {
    mkdirSync(dataDir, { recursive: true });
    return new Kysely({
      dialect: new SqliteDialect({ database: new Database(join(dataDir, 'keep-cool.sqlite')) }),
    });
  }
  const schema = schemaFor(dataDir);
  const pool = new pg.Pool({ connectionString: postgresUrl(), options: `-c search_path=${schema}`, max: 2 });
  const db = new Kysely<unknown>({ dialect: new PostgresDialect({ pool }) });
  await sql`create schema if not exists ${sql.id(schema)}`.execute(db);
  return db;
}

/** The columns of a table, in order. */
export async function columnsOf(
  db: Kysely<unknown>,
  table: string,
  backend: Backend = BACKEND,
): Promise<string[]> {
  if (backend === 'sqlite') {
    const rows = await sql<{ name: string }>`select name from pragma_table_info(${table})`.execute(db);
    return rows.rows.map((r) => r.name);
  }
  const rows = await sql<{ name: string }>`select column_name as name from information_schema.columns
    where table_schema = current_schema() and table_name = ${table} order by ordinal_position`.execute(db);
  return rows.rows.map((r) => r.name);
}

let databases = 0;

/**
 * What a server process needs to run on this backend: on PostgreSQL a database of its own
 * (DATABASE_URL); on SQLite nothing (it uses its DATA_DIR).
 */
export async function processDatabase(backend: Backend = BACKEND): Promise<Record<string, string>> {
  if (backend === 'sqlite') return {};
  const name = `p_${process.pid}_${++databases}_${Date.now().toString(36)}`;
  return { DATABASE_URL: await freshDatabase(postgresUrl(), name) };
}

/**
 * Reads what a server process stored (its DATA_DIR on SQLite, its DATABASE_URL on PostgreSQL),
 * after checking the database is intact. The caller destroys it.
 */
export function readProcessDatabase(dataDir: string, env: Record<string, string>): Kysely<Schema> {
  const url = env.DATABASE_URL;
  if (url === undefined) {
    const file = join(dataDir, 'keep-cool.sqlite');
    const check = new Database(file, { readonly: true });
    try {
      const verdict: unknown = check.pragma('integrity_check', { simple: true });
      if (verdict !== 'ok') throw new Error(`${file} is damaged: ${String(verdict)}`);
    } finally {
      check.close();
    }
    return new Kysely({ dialect: new SqliteDialect({ database: new Database(file, { readonly: true }) }) });
  }
  return new Kysely({
    dialect: new PostgresDialect({ pool: new pg.Pool({ connectionString: url, max: 2 }) }),
  });
}

/** Kysely's Migrator on a bare database must be told its schema on PostgreSQL (it looks in all). */
export function migratorSchema(
  dataDir: string,
  backend: Backend = BACKEND,
): { migrationTableSchema?: string } {
  return backend === 'postgres' ? { migrationTableSchema: schemaFor(dataDir) } : {};
}
