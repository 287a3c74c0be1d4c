/** Group commit: writes arriving together share a transaction, and one failure spoils none of the others. */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, expect, it } from 'vitest';
import type { OpenedDb } from '../../src/server/db.js';
import { openTestDatabase } from '../support/test-db.js';
import { GroupCommit } from '../../src/server/group-commit.js';
import type { Schema } from '../../src/server/db.js';
import { removeDir } from '../support/workshop.js';

let dir: string;
let database: OpenedDb;
beforeEach(async () => {
  dir = mkdtempSync(join(tmpdir(), 'keep-cool-gc-'));
  database = await openTestDatabase(dir);
});
afterEach(async () => {
  await database.close();
  removeDir(dir);
});

const room = (code: string) => ({
  code,
  name: code,
  secret_hash: 'x',
  status: 'open',
  scenarios: '[]',
  created_at: 1,
  opened_at: null,
  closed_at: null,
  answers: 'pick',
});

it('commits a batch together and retries each write alone when one of them fails', async () => {
  const writes = new GroupCommit<Schema>(database.db);
  const outcomes = await Promise.allSettled(
    ['AAAAAA', 'BBBBBB', 'AAAAAA', 'CCCCCC'].map((code) =>
      writes.run((trx) => trx.insertInto('rooms').values(room(code)).execute()),
    ),
  );
  // The second AAAAAA breaks the primary key: it alone fails.
  expect(outcomes.map((o) => o.status)).toEqual(['fulfilled', 'fulfilled', 'rejected', 'fulfilled']);
  const codes = await database.db.selectFrom('rooms').select('code').orderBy('code').execute();
  expect(codes.map((r) => r.code)).toEqual(['AAAAAA', 'BBBBBB', 'CCCCCC']);
  // Writes queued after a batch settled still get flushed, and drain waits for them.
  const late = writes.run((trx) => trx.insertInto('rooms').values(room('DDDDDD')).execute());
  await writes.drain();
  await late;
  expect(
    await database.db.selectFrom('rooms').select('code').where('code', '=', 'DDDDDD').executeTakeFirst(),
  ).toEqual({
    code: 'DDDDDD',
  });
});

it('opens an existing file without running its migrations again', async () => {
  await database.db.insertInto('rooms').values(room('EEEEEE')).execute();
  await database.close();
  database = await openTestDatabase(dir);
  const rows = await database.db.selectFrom('rooms').select('code').execute();
  expect(rows).toEqual([{ code: 'EEEEEE' }]);
  const mode = await database.db.selectFrom('rooms').select('code').limit(0).execute();
  expect(mode).toEqual([]);
});
