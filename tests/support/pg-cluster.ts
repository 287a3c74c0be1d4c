/**
 * A throwaway PostgreSQL 15 cluster for tests and benchmarks: `initdb` into a temporary folder,
 * started on a free port on loopback, trust authentication, stopped and deleted at the end. Starts
 * in about a second. As root (CI), the server runs as the `postgres` user, since PostgreSQL refuses
 * to run as root.
 *
 * KEEP_COOL_TEST_PG (a postgres:// address) uses a server already running instead (`.ci/run` starts
 * one for the whole run); PG_BIN says where the server binaries are (default: Debian's).
 */
import { execFile } from 'node:child_process';
import { chownSync, existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import pg from 'pg';
import { freePort } from './server-process.js';

const run = promisify(execFile);

export interface Cluster {
  /** The address of its `postgres` database, as the superuser `postgres`. */
  url: string;
  stop(): Promise<void>;
}

/** Where the server binaries are: PG_BIN, or Debian's PostgreSQL 15. */
export function postgresBin(): string {
  return process.env.PG_BIN ?? '/usr/lib/postgresql/15/bin';
}

export interface ClusterOptions {
  /**
   * Wait on the disk at every commit, as a production server does (fsync, synchronous_commit). The
   * tests leave it off, as nothing in a throwaway cluster must survive a power cut; the benchmark
   * turns it on so that PostgreSQL's figures compare fairly with SQLite's (synchronous=FULL).
   */
  durable?: boolean;
}

export async function startCluster(options: ClusterOptions = {}): Promise<Cluster> {
  const given = process.env.KEEP_COOL_TEST_PG?.trim();
  if (given) return { url: given, stop: () => Promise.resolve() };
  const bin = postgresBin();
  if (!existsSync(join(bin, 'initdb'))) {
    throw new Error(
      `The server tests also run on PostgreSQL 15, and ${bin}/initdb is missing. Install it (apt-get install postgresql-15), set PG_BIN to its bin folder, or set KEEP_COOL_TEST_PG to a running server's address.`,
    );
  }
  const dir = mkdtempSync(join(tmpdir(), 'keep-cool-pg-'));
  const data = join(dir, 'data');
  const asRoot = process.getuid?.() === 0;
  // PostgreSQL will not run as root: hand the folder to its own user and run as that user.
  const command = (tool: string, args: string[]) =>
    asRoot ? run('runuser', ['-u', 'postgres', '--', join(bin, tool), ...args]) : run(join(bin, tool), args);
  if (asRoot) {
    const { stdout } = await run('id', ['-u', 'postgres']);
    const { stdout: group } = await run('id', ['-g', 'postgres']);
    chownSync(dir, Number(stdout.trim()), Number(group.trim()));
  }
  try {
    await command('initdb', ['-D', data, '-A', 'trust', '-U', 'postgres', '-E', 'UTF8', '--no-sync']);
    const port = await freePort();
    const settings = [
      `-p ${port}`,
      `-k ${dir}`,
      "-c listen_addresses='127.0.0.1'",
      '-c max_connections=300',
      // A throwaway cluster: nothing to keep through a power cut, so no waiting on the disk.
      ...(options.durable ? [] : ['-c fsync=off', '-c synchronous_commit=off', '-c full_page_writes=off']),
    ].join(' ');
    await command('pg_ctl', ['-D', data, '-o', settings, '-l', join(dir, 'server.log'), '-w', 'start']);
    const url = `postgres://postgres@127.0.0.1:${port}/postgres`;
    return {
      url,
      async stop() {
        await command('pg_ctl', ['-D', data, '-m', 'immediate', '-w', 'stop']).catch(() => undefined);
        rmSync(dir, { recursive: true, force: true });
      },
    };
  } catch (error) {
    rmSync(dir, { recursive: true, force: true });
    throw error;
  }
}

/** A database of its own on the cluster (CREATE DATABASE), for one server or one benchmark. */
export async function freshDatabase(clusterUrl: string, name: string): Promise<string> {
  if (!/^[a-z_][a-z0-9_]*$/.test(name)) throw new Error(`not a plain database name: ${name}`);
  const client = new pg.Client({ connectionString: clusterUrl });
  await client.connect();
  try {
    await client.query(`drop database if exists ${name}`);
    await client.query(`create database ${name}`);
  } finally {
    await client.end();
  }
  const url = new URL(clusterUrl);
  url.pathname = `/${name}`;
  return url.toString();
}
