/**
 * The workshop's database, reached only through Kysely: SQLite through better-sqlite3 by default
 * (one server, nothing to install), or PostgreSQL through `pg` when several server instances share
 * one database. Every query is written once for both. Times are ms since the epoch.
 */
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import {
  Kysely,
  Migrator,
  PostgresDialect,
  SqliteDialect,
  sql,
  type Migration,
  type MigrationProvider,
} from 'kysely';
import pg from 'pg';
import { PostgresPeers, SOLO, type Peers } from './peers.js';
import { nicknameKey } from '../api/nickname.js';

export interface RoomsTable {
  code: string;
  name: string;
  secret_hash: string;
  status: string;
  /** JSON array of scenario ids, in the facilitator's order. */
  scenarios: string;
  created_at: number;
  opened_at: number | null;
  closed_at: number | null;
  /** How attendees answer ('pick' or 'type'), fixed when the room is created; 'pick' for rooms made before it was recorded. */
  answers: string;
  /**
   * What the projector shows of the room's decision map, JSON ({ shown, moment, names }); absent
   * (null) until the facilitator first opens it: hidden, nicknames off.
   */
  map_view?: string | null;
}

export interface PlayersTable {
  id: string;
  room_code: string;
  nickname: string;
  /** The nickname in one case: two players in a room can't share it. */
  nickname_key: string;
  token_hash: string;
  joined_at: number;
  removed_at: number | null;
  /** The team they joined (teams.id), or null in a room without teams. */
  team_id: string | null;
}

/** A room's teams, named by its facilitator; attendees pick one when they join. */
export interface TeamsTable {
  id: string;
  room_code: string;
  name: string;
  /** The name in one case (as a nickname's key): two teams in a room can't share it. */
  name_key: string;
  /** Its place in the facilitator's list, from 0. */
  position: number;
}

export interface RunsTable {
  token_hash: string;
  player_id: string;
  room_code: string;
  scenario_id: string;
  scenario_version: number;
  issued_at: number;
  used_at: number | null;
}

export interface ResultsTable {
  run_hash: string;
  room_code: string;
  player_id: string;
  scenario_id: string;
  scenario_version: number;
  total: number;
  grade: string;
  /** JSON: hits and opportunities per SOARING letter. */
  letters: string;
  ending_id: string | null;
  ending_kind: string | null;
  finished_at: number;
  transcript_hash: string;
  transcript: string;
  /** The scoring rules that produced `total` (engine SCORING_VERSION); 1 for results stored before it was recorded. */
  scoring_version: number;
}

/** A room's Learning Record Store, set by its facilitator: where its results go as xAPI. */
export interface LrsConfigsTable {
  room_code: string;
  /** The LRS's xAPI endpoint, ending in '/' (statements go to `${endpoint}statements`). */
  endpoint: string;
  /** HTTP Basic credentials. The secret is kept to be sent to the LRS, and never leaves otherwise. */
  auth_key: string;
  auth_secret: string;
  /** The pass mark on the game's 0–1000 scale, or null for none. */
  pass: number | null;
  updated_at: number;
}

/** xAPI statements waiting for (or done with) the room's LRS. */
export interface XapiOutboxTable {
  /** The statement's own id (a name-based UUID of the run and its position). */
  statement_id: string;
  room_code: string;
  run_hash: string;
  /** Its place among the run's statements: answered ones in order, then completed. */
  position: number;
  /** The statement, JSON. */
  statement: string;
  /** 'pending', 'sent' or 'failed' (refused by the LRS for good). */
  status: string;
  attempts: number;
  /** Not to be tried before this moment (ms since the epoch): the backoff, kept across restarts. */
  next_attempt_at: number;
  last_error: string | null;
  created_at: number;
  sent_at: number | null;
}

export interface Schema {
  rooms: RoomsTable;
  players: PlayersTable;
  runs: RunsTable;
  results: ResultsTable;
  lrs_configs: LrsConfigsTable;
  xapi_outbox: XapiOutboxTable;
  teams: TeamsTable;
}

export type Db = Kysely<Schema>;

/** Migrations in order; each runs once, recorded by Kysely in its own table. Never edit a shipped one. */
export const MIGRATIONS: Readonly<Record<string, Migration>> = {
  '0001-workshop': {
    async up(db: Kysely<unknown>) {
      await db.schema
        .createTable('rooms')
        .addColumn('code', 'text', (c) => c.primaryKey())
        .addColumn('name', 'text', (c) => c.notNull())
        .addColumn('secret_hash', 'text', (c) => c.notNull())
        .addColumn('status', 'text', (c) => c.notNull())
        .addColumn('scenarios', 'text', (c) => c.notNull())
        .addColumn('created_at', 'bigint', (c) => c.notNull())
        .addColumn('opened_at', 'bigint')
        .addColumn('closed_at', 'bigint')
        .execute();
      await db.schema
        .createTable('players')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('room_code', 'text', (c) => c.notNull().references('rooms.code'))
        .addColumn('nickname', 'text', (c) => c.notNull())
        .addColumn('nickname_key', 'text', (c) => c.notNull())
        .addColumn('token_hash', 'text', (c) => c.notNull().unique())
        .addColumn('joined_at', 'bigint', (c) => c.notNull())
        .addColumn('removed_at', 'bigint')
        .execute();
      // Unique among the players still in the room: a removed player's name is free again.
      await db.schema
        .createIndex('players_room_nickname')
        .on('players')
        .columns(['room_code', 'nickname_key'])
        .unique()
        .where(sql.ref('removed_at'), 'is', null)
        .execute();
      await db.schema
        .createTable('runs')
        .addColumn('token_hash', 'text', (c) => c.primaryKey())
        .addColumn('player_id', 'text', (c) => c.notNull().references('players.id'))
        .addColumn('room_code', 'text', (c) => c.notNull().references('rooms.code'))
        .addColumn('scenario_id', 'text', (c) => c.notNull())
        .addColumn('scenario_version', 'integer', (c) => c.notNull())
        .addColumn('issued_at', 'bigint', (c) => c.notNull())
        .addColumn('used_at', 'bigint')
        .execute();
      await db.schema
        .createTable('results')
        .addColumn('run_hash', 'text', (c) => c.primaryKey().references('runs.token_hash'))
        .addColumn('room_code', 'text', (c) => c.notNull().references('rooms.code'))
        .addColumn('player_id', 'text', (c) => c.notNull().references('players.id'))
        .addColumn('scenario_id', 'text', (c) => c.notNull())
        .addColumn('scenario_version', 'integer', (c) => c.notNull())
        .addColumn('total', 'integer', (c) => c.notNull())
        .addColumn('grade', 'text', (c) => c.notNull())
        .addColumn('letters', 'text', (c) => c.notNull())
        .addColumn('ending_id', 'text')
        .addColumn('ending_kind', 'text')
        .addColumn('finished_at', 'bigint', (c) => c.notNull())
        .addColumn('transcript_hash', 'text', (c) => c.notNull())
        .addColumn('transcript', 'text', (c) => c.notNull())
        .execute();
      await db.schema
        .createIndex('results_room')
        .on('results')
        .columns(['room_code', 'finished_at'])
        .execute();
      await db.schema.createIndex('players_room').on('players').column('room_code').execute();
    },
  },
  // Scoring version 2 ranks calls differently: every stored total says which rules produced it.
  '0002-scoring-version': {
    async up(db: Kysely<unknown>) {
      await db.schema
        .alterTable('results')
        .addColumn('scoring_version', 'integer', (c) => c.notNull().defaultTo(1))
        .execute();
    },
  },
  // A room is answered one way, picked or typed, and ranks only calls answered that way. Every room
  // made before this was picked.
  '0003-room-answers': {
    async up(db: Kysely<unknown>) {
      await db.schema
        .alterTable('rooms')
        .addColumn('answers', 'text', (c) => c.notNull().defaultTo('pick'))
        .execute();
    },
  },
  // A room's results can go to a Learning Record Store as xAPI, through an outbox written in the
  // same transaction as the result.
  '0004-xapi-outbox': {
    async up(db: Kysely<unknown>) {
      await db.schema
        .createTable('lrs_configs')
        .addColumn('room_code', 'text', (c) => c.primaryKey().references('rooms.code'))
        .addColumn('endpoint', 'text', (c) => c.notNull())
        .addColumn('auth_key', 'text', (c) => c.notNull())
        .addColumn('auth_secret', 'text', (c) => c.notNull())
        .addColumn('pass', 'integer')
        .addColumn('updated_at', 'bigint', (c) => c.notNull())
        .execute();
      await db.schema
        .createTable('xapi_outbox')
        .addColumn('statement_id', 'text', (c) => c.primaryKey())
        .addColumn('room_code', 'text', (c) => c.notNull().references('rooms.code'))
        .addColumn('run_hash', 'text', (c) => c.notNull().references('results.run_hash'))
        .addColumn('position', 'integer', (c) => c.notNull())
        .addColumn('statement', 'text', (c) => c.notNull())
        .addColumn('status', 'text', (c) => c.notNull())
        .addColumn('attempts', 'integer', (c) => c.notNull().defaultTo(0))
        .addColumn('next_attempt_at', 'bigint', (c) => c.notNull())
        .addColumn('last_error', 'text')
        .addColumn('created_at', 'bigint', (c) => c.notNull())
        .addColumn('sent_at', 'bigint')
        .execute();
      await db.schema
        .createIndex('xapi_outbox_queue')
        .on('xapi_outbox')
        .columns(['room_code', 'status', 'created_at', 'run_hash', 'position'])
        .execute();
    },
  },
  // The debrief's decision map: which moment the projector shows, and whether nicknames are on it.
  '0005-room-map': {
    async up(db: Kysely<unknown>) {
      await db.schema.alterTable('rooms').addColumn('map_view', 'text').execute();
    },
  },
  '0006-teams': {
    async up(db: Kysely<unknown>) {
      await db.schema
        .createTable('teams')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('room_code', 'text', (c) => c.notNull().references('rooms.code'))
        .addColumn('name', 'text', (c) => c.notNull())
        .addColumn('name_key', 'text', (c) => c.notNull())
        .addColumn('position', 'integer', (c) => c.notNull())
        .execute();
      await db.schema
        .createIndex('teams_room_name')
        .on('teams')
        .columns(['room_code', 'name_key'])
        .unique()
        .execute();
      await db.schema
        .alterTable('players')
        .addColumn('team_id', 'text', (c) => c.references('teams.id'))
        .execute();
    },
  },
  // Nicknames are told apart by their UTS #39 skeleton now (src/api/look-alikes.ts): every stored
  // key is worked out again, so a name already in a room meets its look-alikes. Two players in a
  // room whose names now share a key were both let in under the old rule: the earlier keeps the
  // key, the later keeps playing under a key of its own (its name and id). Keys move through a temporary value so
  // the uniqueness rule holds at every step.
  '0007-nickname-skeleton': {
    async up(untyped: Kysely<unknown>) {
      const db = untyped as Kysely<Schema>;
      const players = await db
        .selectFrom('players')
        .select(['id', 'room_code', 'nickname', 'nickname_key', 'removed_at'])
        .orderBy('joined_at')
        .orderBy('id')
        .execute();
      const taken = new Set<string>();
      const changes: { id: string; key: string }[] = [];
      for (const player of players) {
        let key = nicknameKey(player.nickname);
        if (player.removed_at === null) {
          const slot = `${player.room_code}\u0000${key}`;
          if (taken.has(slot)) key = `${key} #${player.id}`;
          taken.add(`${player.room_code}\u0000${key}`);
        }
        if (key !== player.nickname_key) changes.push({ id: player.id, key });
      }
      for (const { id } of changes) {
        // A cleaned name never starts with a space, so no real key is in the way.
        await db
          .updateTable('players')
          .set({ nickname_key: ` moving ${id}` })
          .where('id', '=', id)
          .execute();
      }
      for (const { id, key } of changes) {
        await db.updateTable('players').set({ nickname_key: key }).where('id', '=', id).execute();
      }
    },
  },
  // Teams: a room's facilitator names them, each attendee joins one, and the team board ranks them.
};

const provider: MigrationProvider = {
  getMigrations: () => Promise.resolve(MIGRATIONS),
};

export interface OpenedDb {
  db: Db;
  /** 'sqlite' (one server) or 'postgres' (any number of servers sharing it). */
  kind: 'sqlite' | 'postgres';
  /** Where the data is, for logs: the SQLite file, or the PostgreSQL address without its password. */
  where: string;
  /** The other server instances on the same database: what changed reaches them through this. */
  peers: Peers;
  /** Closes the connections (on SQLite, a WAL checkpoint runs as the last connection closes). */
  close(): Promise<void>;
}

/** Runs the migrations not yet run; refuses to go on with a database it could not bring up to date. */
async function migrate(db: Db, where: string, schema?: string): Promise<void> {
  // Kysely looks for its own tables in every schema unless told which one is ours.
  const migrator = new Migrator({ db, provider, ...(schema ? { migrationTableSchema: schema } : {}) });
  const { error, results } = await migrator.migrateToLatest();
  const failed = results?.find((r) => r.status === 'Error');
  if (error !== undefined || failed) {
    await db.destroy();
    const why =
      error instanceof Error ? error.message : `migration ${failed?.migrationName ?? 'unknown'} failed`;
    throw new Error(`the database at ${where} could not be migrated: ${why}`);
  }
}

/**
 * Opens (creating if needed) `keep-cool.sqlite` in `dataDir`, in WAL mode with synchronous=FULL so
 * an acknowledged write survives a crash of the process or the machine, and runs the migrations.
 * One server instance only: several instances need PostgreSQL (openPostgres).
 */
export async function openDatabase(dataDir: string): Promise<OpenedDb> {
  mkdirSync(dataDir, { recursive: true });
  const file = join(dataDir, 'keep-cool.sqlite');
  const sqlite = new Database(file);
  sqlite.pragma('journal_mode = WAL');
  sqlite.pragma('synchronous = FULL');
  sqlite.pragma('foreign_keys = ON');
  sqlite.pragma('busy_timeout = 5000');
  const db = new Kysely<Schema>({ dialect: new SqliteDialect({ database: sqlite }) });
  await migrate(db, file);
  return { db, kind: 'sqlite', where: file, peers: SOLO, close: () => db.destroy() };
}

/** Is this a PostgreSQL address (postgres:// or postgresql://)? */
export function isPostgresUrl(value: string): boolean {
  return /^postgres(ql)?:\/\//i.test(value.trim());
}

/** The address as logs may show it: without the password. */
export function redactUrl(url: string): string {
  try {
    const parsed = new URL(url);
    if (parsed.password) parsed.password = '***';
    return parsed.toString();
  } catch {
    return 'a PostgreSQL address that could not be read';
  }
}

/**
 * bigint columns (times in ms) and count(*) arrive from PostgreSQL as strings by default, to be
 * safe past 2^53; ours stay far below it, so they are read as numbers, as SQLite gives them.
 */
const readBigint = (value: string): number => Number(value);
const types: pg.CustomTypesConfig = {
  getTypeParser: ((id, format) =>
    id === pg.types.builtins.INT8 && format !== 'binary'
      ? readBigint
      : (pg.types.getTypeParser(id, format) as (value: string) => unknown)) as typeof pg.types.getTypeParser,
};

export interface PostgresOptions {
  /** Tables in this schema instead of the default one (tests give each server its own). */
  schema?: string;
  /** Connections in the pool (default 10). */
  poolSize?: number;
}

/**
 * Opens a PostgreSQL database (creating the tables on first use; any number of instances may start
 * at once: Kysely's migrator takes a lock) and starts listening for the other instances' changes.
 */
export async function openPostgres(url: string, options: PostgresOptions = {}): Promise<OpenedDb> {
  const where = redactUrl(url);
  const schema = options.schema;
  if (schema !== undefined && !/^[a-z_][a-z0-9_]{0,40}$/.test(schema)) {
    throw new Error(`the schema name "${schema}" must be lower-case letters, digits and _`);
  }
  const connection: pg.ClientConfig = {
    connectionString: url,
    types,
    ...(schema ? { options: `-c search_path=${schema}` } : {}),
  };
  const pool = new pg.Pool({ ...connection, max: options.poolSize ?? 10 });
  // An idle connection the server drops (a restart, a failover) is replaced, not a crash.
  pool.on('error', () => undefined);
  try {
    if (schema) await pool.query(`create schema if not exists ${schema}`);
  } catch (error) {
    await pool.end();
    const why = error instanceof Error ? error.message : String(error);
    throw new Error(`the PostgreSQL database at ${where} could not be reached: ${why}`, { cause: error });
  }
  const db = new Kysely<Schema>({ dialect: new PostgresDialect({ pool }) });
  await migrate(db, where, schema);
  const peers = new PostgresPeers(connection, schema ? `keep_cool_${schema}` : 'keep_cool');
  try {
    await peers.start();
  } catch (error) {
    await db.destroy();
    const why = error instanceof Error ? error.message : String(error);
    throw new Error(`could not listen for other servers on ${where}: ${why}`, { cause: error });
  }
  return {
    db,
    kind: 'postgres',
    where,
    peers,
    close: async () => {
      await peers.close();
      await db.destroy();
    },
  };
}

/** The database a server was told to use: PostgreSQL when given its address, else SQLite in `dataDir`. */
export function openConfigured(databaseUrl: string | undefined, dataDir: string): Promise<OpenedDb> {
  const url = databaseUrl?.trim() ?? '';
  if (url === '') return openDatabase(dataDir);
  if (!isPostgresUrl(url)) {
    return Promise.reject(
      new Error(
        `DATABASE_URL must be a PostgreSQL address (postgres://user:password@host:5432/database), not "${redactUrl(url)}". Leave it unset to use SQLite in DATA_DIR.`,
      ),
    );
  }
  return openPostgres(url);
}
