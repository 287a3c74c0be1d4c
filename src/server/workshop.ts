/**
 * The workshop's rules, apart from HTTP: rooms, players, runs and the results the server computes
 * itself by replaying each transcript with the engine. Every refusal is a WorkshopError that says
 * what was wrong and what to do.
 */
import { createHash, randomBytes, randomInt, timingSafeEqual } from 'node:crypto';
import type { Transaction } from 'kysely';
import { SCORING_VERSION, replay, type Scenario, type Transcript } from '../engine/index.js';
import { LETTERS, type Letter } from '../engine/vocabulary.js';
import {
  ROOM_CODE_ALPHABET,
  ROOM_CODE_LENGTH,
  type BoardSnapshot,
  type Joined,
  type LetterTally,
  type ResultAccepted,
  type RoomInfo,
  type RoomStatus,
  type RunStarted,
} from '../api/api.js';
import { RoomBoard } from '../api/board.js';
import { toCsv } from './csv.js';
import { cleanNickname } from '../api/nickname.js';
import type { Db, RoomsTable, Schema } from './db.js';
import { GroupCommit } from './group-commit.js';
import { unstorableScore } from './score-guard.js';

export class WorkshopError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
  ) {
    super(message);
  }
}

/** How far a transcript's own clock may run ahead of the server's (network and clock jitter). */
export const CLOCK_TOLERANCE_MS = 3000;
/**
 * A run token is good for this long after the call starts: a result queued on a phone that stays
 * offline overnight (or over a weekend workshop) still counts when it comes back.
 */
export const RUN_TTL_MS = 7 * 24 * 3600 * 1000;

const hash = (token: string): string => createHash('sha256').update(token).digest('hex');
const token = (bytes: number): string => randomBytes(bytes).toString('base64url');

/** JSON with keys in a fixed order, so the same transcript always hashes the same. */
function canonical(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonical).join(',')}]`;
  if (value !== null && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>)
      .filter(([, v]) => v !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonical(v)}`).join(',')}}`;
  }
  return JSON.stringify(value);
}

function formatDuration(ms: number): string {
  const seconds = Math.round(ms / 1000);
  return seconds < 60 ? `${seconds} s` : `${Math.floor(seconds / 60)} min ${seconds % 60} s`;
}

/** A player as the routes see them once their token is checked. */
export interface PlayerAuth {
  id: string;
  nickname: string;
  room: string;
}

export interface WorkshopOptions {
  db: Db;
  scenarios: readonly Scenario[];
  /** Decides whether a (cleaned) nickname is acceptable; returns a reason to refuse it. */
  refuseNickname?: (nickname: string) => string | null;
  now?: () => number;
}

export class Workshop {
  private readonly db: Db;
  private readonly scenarios: Map<string, Scenario>;
  private readonly now: () => number;
  private readonly refuseNickname: (nickname: string) => string | null;
  private readonly boards = new Map<string, Promise<RoomBoard>>();
  private readonly writes: GroupCommit<Schema>;
  private readonly listeners = new Set<(room: string) => void>();

  constructor(options: WorkshopOptions) {
    this.db = options.db;
    this.scenarios = new Map(options.scenarios.map((s) => [s.id, s]));
    this.now = options.now ?? Date.now;
    this.refuseNickname = options.refuseNickname ?? (() => null);
    this.writes = new GroupCommit(options.db);
  }

  /** Told the room's code after every change to its boards. */
  onChange(listener: (room: string) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** Every scenario the server can score, for the facilitator's picker. */
  library(): { id: string; title: string; version: number }[] {
    return [...this.scenarios.values()].map((s) => ({ id: s.id, title: s.title, version: s.version }));
  }

  /** Waits for writes in flight (shutdown). */
  drain(): Promise<void> {
    return this.writes.drain();
  }

  private changed(room: string): void {
    for (const listener of this.listeners) listener(room);
  }

  private info(row: Pick<RoomsTable, 'code' | 'name' | 'status' | 'scenarios'>): RoomInfo {
    const ids = JSON.parse(row.scenarios) as string[];
    return {
      code: row.code,
      name: row.name,
      status: row.status as RoomStatus,
      scenarios: ids.map((id) => {
        const s = this.scenarios.get(id);
        return { id, title: s?.title ?? id, version: s?.version ?? 0 };
      }),
    };
  }

  private checkScenarios(ids: readonly string[]): void {
    const unknown = ids.filter((id) => !this.scenarios.has(id));
    if (unknown.length > 0) {
      throw new WorkshopError(
        422,
        'unknown-scenario',
        `This server has no scenario called ${unknown.map((u) => `"${u}"`).join(', ')}. It has: ${[...this.scenarios.keys()].join(', ')}.`,
      );
    }
    if (new Set(ids).size !== ids.length) {
      throw new WorkshopError(422, 'duplicate-scenario', 'Each scenario can be in a room once.');
    }
  }

  private async roomRow(code: string): Promise<RoomsTable> {
    const row = await this.db.selectFrom('rooms').selectAll().where('code', '=', code).executeTakeFirst();
    if (!row) {
      throw new WorkshopError(404, 'no-room', `There is no room ${code}. Check the code on the projector.`);
    }
    return row;
  }

  async createRoom(input: {
    name: string;
    scenarios: string[];
  }): Promise<{ secret: string; room: RoomInfo }> {
    this.checkScenarios(input.scenarios);
    const secret = token(32);
    for (let attempt = 0; attempt < 20; attempt++) {
      const code = Array.from(
        { length: ROOM_CODE_LENGTH },
        () => ROOM_CODE_ALPHABET[randomInt(ROOM_CODE_ALPHABET.length)],
      ).join('');
      const row: RoomsTable = {
        code,
        name: input.name,
        secret_hash: hash(secret),
        status: 'draft',
        scenarios: JSON.stringify(input.scenarios),
        created_at: this.now(),
        opened_at: null,
        closed_at: null,
      };
      const inserted = await this.db
        .insertInto('rooms')
        .values(row)
        .onConflict((c) => c.column('code').doNothing())
        .executeTakeFirst();
      if (Number(inserted.numInsertedOrUpdatedRows ?? 0n) === 1) return { secret, room: this.info(row) };
    }
    throw new WorkshopError(503, 'busy', 'No free room code was found; try again.');
  }

  async room(code: string): Promise<RoomInfo> {
    return this.info(await this.roomRow(code));
  }

  /** Checks the facilitator's secret for the room (in constant time). */
  async authorizeFacilitator(code: string, secret: string | undefined): Promise<void> {
    const row = await this.roomRow(code);
    const expected = Buffer.from(row.secret_hash, 'hex');
    const given = Buffer.from(hash(secret ?? ''), 'hex');
    if (!secret || !timingSafeEqual(expected, given)) {
      throw new WorkshopError(
        403,
        'not-facilitator',
        'Only the room’s facilitator can do that: open the room from the device that created it.',
      );
    }
  }

  async updateRoom(
    code: string,
    change: { status?: 'open' | 'closed'; scenarios?: string[] },
  ): Promise<RoomInfo> {
    const row = await this.roomRow(code);
    if (change.scenarios) this.checkScenarios(change.scenarios);
    const now = this.now();
    const next: Partial<RoomsTable> = {};
    if (change.status === 'open' && row.status !== 'open') {
      next.status = 'open';
      next.opened_at = row.opened_at ?? now;
      next.closed_at = null;
    }
    if (change.status === 'closed' && row.status !== 'closed') {
      next.status = 'closed';
      next.closed_at = now;
    }
    if (change.scenarios) next.scenarios = JSON.stringify(change.scenarios);
    if (Object.keys(next).length > 0) {
      await this.db.updateTable('rooms').set(next).where('code', '=', code).execute();
    }
    const info = this.info({ ...row, ...next });
    // The board keeps every player's best of every call, so it follows the room's calls as they are
    // now; setting the room counts as a change, so live screens hear of it.
    if (this.boards.has(code)) (await this.board(code)).setRoom(info);
    this.changed(code);
    return info;
  }

  async join(code: string, rawNickname: string): Promise<Joined> {
    const row = await this.roomRow(code);
    if (row.status === 'closed') {
      throw new WorkshopError(403, 'room-closed', `Room ${code} is closed: the workshop has ended.`);
    }
    const cleaned = cleanNickname(rawNickname);
    if (!cleaned.ok) throw new WorkshopError(422, 'nickname', cleaned.reason);
    const refused = this.refuseNickname(cleaned.nickname);
    if (refused) throw new WorkshopError(422, 'nickname', refused);
    // A name the facilitator removed stays out: that is usually why it was removed.
    const removed = await this.db
      .selectFrom('players')
      .select('id')
      .where('room_code', '=', code)
      .where('nickname_key', '=', cleaned.key)
      .where('removed_at', 'is not', null)
      .executeTakeFirst();
    if (removed) {
      throw new WorkshopError(
        409,
        'nickname-removed',
        `The facilitator removed “${cleaned.nickname}” from this room. Pick another nickname.`,
      );
    }
    const secret = token(24);
    const player = { id: token(9), nickname: cleaned.nickname };
    try {
      await this.db
        .insertInto('players')
        .values({
          id: player.id,
          room_code: code,
          nickname: cleaned.nickname,
          nickname_key: cleaned.key,
          token_hash: hash(secret),
          joined_at: this.now(),
          removed_at: null,
        })
        .execute();
    } catch (error) {
      if (error instanceof Error && /UNIQUE|unique/.test(error.message)) {
        throw new WorkshopError(
          409,
          'nickname-taken',
          `Someone in this room is already called “${cleaned.nickname}”, or a name that looks just like it. Pick another nickname.`,
        );
      }
      throw error;
    }
    const board = await this.board(code);
    board.addPlayer(player.id, player.nickname);
    this.changed(code);
    return { player, token: secret, room: this.info(row) };
  }

  /** The player a token belongs to; refuses unknown tokens and removed players. */
  async authorizePlayer(secret: string | undefined): Promise<PlayerAuth> {
    if (!secret) {
      throw new WorkshopError(401, 'no-token', 'Join the room first: this needs your player token.');
    }
    const row = await this.db
      .selectFrom('players')
      .select(['id', 'nickname', 'room_code', 'removed_at'])
      .where('token_hash', '=', hash(secret))
      .executeTakeFirst();
    if (!row)
      throw new WorkshopError(401, 'unknown-player', 'This player token is not known here. Join again.');
    if (row.removed_at !== null) {
      throw new WorkshopError(403, 'removed', 'The facilitator removed you from this room.');
    }
    return { id: row.id, nickname: row.nickname, room: row.room_code };
  }

  async players(
    code: string,
  ): Promise<{ id: string; nickname: string; joinedAt: number; results: number }[]> {
    await this.roomRow(code);
    const rows = await this.db
      .selectFrom('players')
      .leftJoin('results', 'results.player_id', 'players.id')
      .select(({ fn }) => [
        'players.id',
        'players.nickname',
        'players.joined_at',
        fn.count<number | string>('results.run_hash').as('results'),
      ])
      .where('players.room_code', '=', code)
      .where('players.removed_at', 'is', null)
      .groupBy(['players.id', 'players.nickname', 'players.joined_at'])
      .orderBy('players.joined_at')
      .execute();
    return rows.map((r) => ({
      id: r.id,
      nickname: r.nickname,
      joinedAt: r.joined_at,
      results: Number(r.results),
    }));
  }

  async removePlayer(code: string, playerId: string): Promise<void> {
    const done = await this.db
      .updateTable('players')
      .set({ removed_at: this.now() })
      .where('id', '=', playerId)
      .where('room_code', '=', code)
      .where('removed_at', 'is', null)
      .executeTakeFirst();
    if (Number(done.numUpdatedRows) === 0) {
      throw new WorkshopError(404, 'no-player', 'That player is not in this room (already removed?).');
    }
    (await this.board(code)).removePlayer(playerId);
    this.changed(code);
  }

  /** Issues the token for one call. The client shows the call only after it has one. */
  async startRun(player: PlayerAuth, input: { scenario: string; version: number }): Promise<RunStarted> {
    const row = await this.roomRow(player.room);
    if (row.status !== 'open') {
      throw new WorkshopError(
        409,
        row.status === 'closed' ? 'room-closed' : 'room-not-open',
        row.status === 'closed'
          ? 'The room is closed: calls no longer count.'
          : 'The facilitator has not opened the room yet. Wait for the go.',
      );
    }
    const ids = JSON.parse(row.scenarios) as string[];
    const scenario = this.scenarios.get(input.scenario);
    if (!scenario || !ids.includes(input.scenario)) {
      throw new WorkshopError(
        422,
        'not-in-room',
        `“${scenario?.title ?? input.scenario}” is not one of this room’s calls (any more). Go back to the room to see which calls it has.`,
      );
    }
    if (scenario.version !== input.version) {
      throw new WorkshopError(
        409,
        'unknown-version',
        `This server scores version ${scenario.version} of “${scenario.title}”, and your page has version ${input.version}. Reload the page.`,
      );
    }
    const run = token(24);
    const issuedAt = this.now();
    await this.writes.run((trx) =>
      trx
        .insertInto('runs')
        .values({
          token_hash: hash(run),
          player_id: player.id,
          room_code: player.room,
          scenario_id: scenario.id,
          scenario_version: scenario.version,
          issued_at: issuedAt,
          used_at: null,
        })
        .execute(),
    );
    return { run, scenario: { id: scenario.id, version: scenario.version }, issuedAt };
  }

  /**
   * Replays the transcript and stores what the server computed. The same transcript sent again
   * (a retry after a lost reply) is acknowledged once more and counts once.
   */
  async submit(player: PlayerAuth, runToken: string, transcript: Transcript): Promise<ResultAccepted> {
    const runHash = hash(runToken);
    const transcriptHash = hash(canonical(transcript));
    const run = await this.db
      .selectFrom('runs')
      .selectAll()
      .where('token_hash', '=', runHash)
      .executeTakeFirst();
    if (!run) {
      throw new WorkshopError(404, 'unknown-run', 'This run token is not known here; start the call again.');
    }
    if (run.player_id !== player.id) {
      throw new WorkshopError(403, 'not-your-run', 'This run belongs to another player.');
    }
    if (run.used_at !== null) return this.resent(player, run.scenario_id, runHash, transcriptHash);
    if (transcript.mode !== 'assessment') {
      throw new WorkshopError(
        422,
        'coach-mode',
        'Calls played in coach mode are practice and do not go on the board. Play it in assessment mode.',
      );
    }
    if (transcript.scenario.id !== run.scenario_id || transcript.scenario.version !== run.scenario_version) {
      throw new WorkshopError(
        422,
        'wrong-scenario',
        `This run is for ${run.scenario_id} v${run.scenario_version}, and the transcript is for ${transcript.scenario.id} v${transcript.scenario.version}.`,
      );
    }
    const scenario = this.scenarios.get(run.scenario_id);
    if (scenario?.version !== run.scenario_version) {
      throw new WorkshopError(
        409,
        'unknown-version',
        `This server no longer has version ${run.scenario_version} of ${run.scenario_id}, so it cannot score the call.`,
      );
    }
    const now = this.now();
    const elapsed = now - run.issued_at;
    if (elapsed > RUN_TTL_MS) {
      throw new WorkshopError(
        410,
        'run-expired',
        'This run started too long ago to count; play the call again.',
      );
    }
    const claimed = transcript.events.reduce((latest, e) => Math.max(latest, e.at), 0);
    if (claimed > elapsed + CLOCK_TOLERANCE_MS) {
      throw new WorkshopError(
        422,
        'timing',
        `The transcript says the call ran for ${formatDuration(claimed)}, but it started ${formatDuration(elapsed)} ago by the server’s clock.`,
      );
    }
    const replayed = replay(scenario, transcript);
    if (!replayed.ok) {
      const where = replayed.step === null ? 'the transcript' : `step ${replayed.step + 1}`;
      throw new WorkshopError(
        422,
        'illegal-transcript',
        `The call could not be replayed: ${where}: ${replayed.reason}.`,
      );
    }
    const result = replayed.result;
    if (!result.ending) {
      throw new WorkshopError(
        422,
        'unfinished',
        'The call did not reach an ending; only finished calls count.',
      );
    }
    const unstorable = unstorableScore(result.total);
    if (unstorable) {
      throw new WorkshopError(
        422,
        'unscorable',
        `The server could not score this call: ${unstorable}. Nothing was saved; tell the facilitator that “${scenario.title}” needs checking with npm run scenarios:check.`,
      );
    }
    const letters = Object.fromEntries(
      LETTERS.map((l: Letter) => [l, [result.letters[l].hits, result.letters[l].opportunities]]),
    ) as LetterTally;
    // The finish time breaks ties, so it is the server's own: when the result arrived. A client
    // could claim a call took no time at all; it cannot make its result arrive sooner.
    const finishedAt = now;
    const stored = await this.writes.run(async (trx: Transaction<Schema>) => {
      const used = await trx
        .updateTable('runs')
        .set({ used_at: now })
        .where('token_hash', '=', runHash)
        .where('used_at', 'is', null)
        .executeTakeFirst();
      if (Number(used.numUpdatedRows) !== 1) return false;
      await trx
        .insertInto('results')
        .values({
          run_hash: runHash,
          room_code: run.room_code,
          player_id: player.id,
          scenario_id: scenario.id,
          scenario_version: scenario.version,
          total: result.total,
          grade: result.grade,
          letters: JSON.stringify(letters),
          ending_id: result.ending?.id ?? null,
          ending_kind: result.ending?.kind ?? null,
          finished_at: finishedAt,
          transcript_hash: transcriptHash,
          transcript: JSON.stringify(transcript),
          scoring_version: result.version,
        })
        .execute();
      return true;
    });
    // Another request used the token between our read and our write: answer as for a resend.
    if (!stored) return this.resent(player, run.scenario_id, runHash, transcriptHash);
    const board = await this.board(run.room_code);
    board.add({
      run: runHash,
      player: player.id,
      scenario: scenario.id,
      total: result.total,
      finishedAt,
      letters,
    });
    this.changed(run.room_code);
    return {
      total: result.total,
      grade: result.grade,
      ending: result.ending.id,
      rank: board.rankOf(player.id, scenario.id),
      duplicate: false,
    };
  }

  private async resent(
    player: PlayerAuth,
    scenario: string,
    runHash: string,
    transcriptHash: string,
  ): Promise<ResultAccepted> {
    const stored = await this.db
      .selectFrom('results')
      .select(['total', 'grade', 'ending_id', 'transcript_hash', 'room_code'])
      .where('run_hash', '=', runHash)
      .executeTakeFirst();
    if (stored?.transcript_hash !== transcriptHash) {
      throw new WorkshopError(
        409,
        'run-used',
        'This run has already been scored. Each call gets its own run: start the call again to play it again.',
      );
    }
    const board = await this.board(stored.room_code);
    return {
      total: stored.total,
      grade: stored.grade,
      ending: stored.ending_id,
      rank: board.rankOf(player.id, scenario),
      duplicate: true,
    };
  }

  /** The room's boards, built from the database the first time they are asked for. */
  private board(code: string): Promise<RoomBoard> {
    let board = this.boards.get(code);
    if (!board) {
      board = this.loadBoard(code);
      this.boards.set(code, board);
      board.catch(() => this.boards.delete(code));
    }
    return board;
  }

  private async loadBoard(code: string): Promise<RoomBoard> {
    const board = new RoomBoard(await this.room(code));
    const players = await this.db
      .selectFrom('players')
      .select(['id', 'nickname'])
      .where('room_code', '=', code)
      .where('removed_at', 'is', null)
      .orderBy('joined_at')
      .execute();
    for (const p of players) board.addPlayer(p.id, p.nickname);
    const results = await this.db
      .selectFrom('results')
      .select(['run_hash', 'player_id', 'scenario_id', 'total', 'finished_at', 'letters'])
      .where('room_code', '=', code)
      // Like with like: totals from earlier scoring rules stay stored (and in the export) but are
      // not ranked against today's.
      .where('scoring_version', '=', SCORING_VERSION)
      .orderBy('finished_at')
      .execute();
    for (const r of results) {
      board.add({
        run: r.run_hash,
        player: r.player_id,
        scenario: r.scenario_id,
        total: r.total,
        finishedAt: r.finished_at,
        letters: JSON.parse(r.letters) as LetterTally,
      });
    }
    return board;
  }

  async snapshot(code: string): Promise<BoardSnapshot> {
    return (await this.board(code)).snapshot();
  }

  /** Every result in the room, one row per finished call, oldest first. */
  async exportCsv(code: string): Promise<string> {
    await this.roomRow(code);
    const rows = await this.db
      .selectFrom('results')
      .innerJoin('players', 'players.id', 'results.player_id')
      .select([
        'players.nickname',
        'results.scenario_id',
        'results.scenario_version',
        'results.total',
        'results.grade',
        'results.letters',
        'results.ending_id',
        'results.ending_kind',
        'results.finished_at',
        'results.scoring_version',
      ])
      .where('results.room_code', '=', code)
      .where('players.removed_at', 'is', null)
      .orderBy('results.finished_at')
      .execute();
    const percent = (tally: [number, number] | undefined) =>
      tally && tally[1] > 0 ? Math.round((100 * tally[0]) / tally[1]) : null;
    return toCsv(
      [
        'nickname',
        'scenario',
        'version',
        'score',
        'grade',
        ...LETTERS,
        'ending',
        'ending_kind',
        'finished_at',
        'scoring',
      ],
      rows.map((r) => {
        const letters = JSON.parse(r.letters) as LetterTally;
        return [
          r.nickname,
          r.scenario_id,
          r.scenario_version,
          r.total,
          r.grade,
          ...LETTERS.map((l) => percent(letters[l])),
          r.ending_id,
          r.ending_kind,
          new Date(r.finished_at).toISOString(),
          r.scoring_version,
        ];
      }),
    );
  }

  /** Is the database answering? For the health check. */
  async healthy(): Promise<boolean> {
    try {
      await this.db.selectFrom('rooms').select('code').limit(1).execute();
      return true;
    } catch {
      return false;
    }
  }
}
