/**
 * Calls played for the board: the run token issued when a call starts, and the result sent when it
 * ends, checked by judgeSubmission and stored once. The same transcript sent again (a retry after a
 * lost reply) is acknowledged once more and counts once.
 */
import type { AnswerWay, Scenario, Transcript } from '../engine/index.js';
import { Grade, type ResultAccepted, type RunStarted } from '../api/api.js';
import type { RoomBoards } from './boards.js';
import type { Db, RoomsTable, Schema } from './db.js';
import type { Writes } from './group-commit.js';
import { canonical, hash, newToken } from './secrets.js';
import { judgeSubmission } from './submission.js';
import { queueStatements, type LrsSettings } from './xapi.js';
import { workshopStatements, type Statement } from '../lms/xapi.js';
import { WorkshopError } from './workshop-error.js';
import type { Peers } from './peers.js';

/** A player as the routes see them once their token is checked. */
export interface PlayerAuth {
  id: string;
  nickname: string;
  room: string;
}

/** What runs need from the rest of the workshop. */
export interface RunsContext {
  db: Db;
  writes: Writes<Schema>;
  scenarios: ReadonlyMap<string, Scenario>;
  boards: RoomBoards;
  now: () => number;
  roomRow: (code: string) => Promise<RoomsTable>;
  /** Tells this instance's live boards that a room changed. */
  changed: (room: string) => void;
  /** The other instances on the database, told of each result in the transaction that stores it. */
  peers: Peers;
  /** Rooms' LRS settings, and how their statements are named and announced once queued. */
  lrs: LrsContext;
}

export interface LrsContext {
  settings: LrsSettings;
  /** The server's public address (the players' accounts' home page). */
  homePage: string;
  /** The IRI activities are named under. */
  activityBase: string;
  /** Told after a result's statements were committed to the outbox. */
  queued: () => void;
}

export class Runs {
  constructor(private readonly context: RunsContext) {}

  /** Issues the token for one call. The client shows the call only after it has one. */
  async start(player: PlayerAuth, input: { scenario: string; version: number }): Promise<RunStarted> {
    const row = await this.context.roomRow(player.room);
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
    const scenario = this.context.scenarios.get(input.scenario);
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
    const run = newToken(24);
    const issuedAt = this.context.now();
    await this.context.writes.run((trx) =>
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

  /** Replays the transcript and stores what the server computed. */
  async submit(player: PlayerAuth, runToken: string, transcript: Transcript): Promise<ResultAccepted> {
    const { db, scenarios, now: clock } = this.context;
    const runHash = hash(runToken);
    const transcriptHash = hash(canonical(transcript));
    // The run with how its room is answered, in one read.
    const run = await db
      .selectFrom('runs')
      .innerJoin('rooms', 'rooms.code', 'runs.room_code')
      .selectAll('runs')
      .select(['rooms.answers', 'rooms.name as room_name'])
      .where('runs.token_hash', '=', runHash)
      .executeTakeFirst();
    if (!run) {
      throw new WorkshopError(404, 'unknown-run', 'This run token is not known here; start the call again.');
    }
    if (run.player_id !== player.id) {
      throw new WorkshopError(403, 'not-your-run', 'This run belongs to another player.');
    }
    if (run.used_at !== null) return this.resent(player, run.scenario_id, runHash, transcriptHash);
    const now = clock();
    const verdict = judgeSubmission({
      run: { scenarioId: run.scenario_id, scenarioVersion: run.scenario_version, issuedAt: run.issued_at },
      answers: run.answers as AnswerWay,
      transcript,
      scenario: scenarios.get(run.scenario_id),
      now,
    });
    if (!verdict.ok) throw verdict.refusal;
    const { scenario, total, grade, ending, letters, scoringVersion } = verdict.scored;
    // The finish time breaks ties, so it is the server's own: when the result arrived. A client
    // could claim a call took no time at all; it cannot make its result arrive sooner.
    const finishedAt = now;
    // A room with an LRS gets the call's statements in the result's own transaction.
    const statements = await this.statementsFor({
      runHash,
      room: { code: run.room_code, name: run.room_name },
      player,
      scenario,
      transcript,
      startedAt: run.issued_at,
      finishedAt,
    });
    const stored = await this.context.writes.run(async (trx) => {
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
          total,
          grade,
          letters: JSON.stringify(letters),
          ending_id: ending.id,
          ending_kind: ending.kind,
          finished_at: finishedAt,
          transcript_hash: transcriptHash,
          transcript: JSON.stringify(transcript),
          scoring_version: scoringVersion,
        })
        .execute();
      await queueStatements(trx, { room: run.room_code, runHash, statements, now });
      await this.context.peers.announce(trx, {
        room: run.room_code,
        result: { run: runHash, player: player.id, scenario: scenario.id, total, finishedAt, letters },
      });
      return true;
    });
    if (stored && statements.length > 0) this.context.lrs.queued();
    // Another request used the token between our read and our write: answer as for a resend.
    if (!stored) return this.resent(player, run.scenario_id, runHash, transcriptHash);
    const board = await this.context.boards.get(run.room_code);
    board.add({ run: runHash, player: player.id, scenario: scenario.id, total, finishedAt, letters });
    this.context.changed(run.room_code);
    return { total, grade, ending: ending.id, rank: board.rankOf(player.id, scenario.id), duplicate: false };
  }

  /** The statements of the call for the room's LRS; none when the room has no LRS. */
  private async statementsFor(input: {
    runHash: string;
    room: { code: string; name: string };
    player: PlayerAuth;
    scenario: Scenario;
    transcript: Transcript;
    startedAt: number;
    finishedAt: number;
  }): Promise<Statement[]> {
    const { lrs } = this.context;
    const config = await lrs.settings.passFor(input.room.code);
    if (!config) return [];
    const made = workshopStatements({
      runId: input.runHash,
      scenario: input.scenario,
      transcript: input.transcript,
      startedAt: input.startedAt,
      finishedAt: input.finishedAt,
      player: { id: input.player.id, nickname: input.player.nickname },
      room: input.room,
      pass: config.pass,
      homePage: lrs.homePage,
      activityBase: lrs.activityBase,
    });
    // The server has just replayed this transcript, so this cannot fail; if it ever did, the result
    // still counts on the board.
    return made.ok ? made.statements : [];
  }

  private async resent(
    player: PlayerAuth,
    scenario: string,
    runHash: string,
    transcriptHash: string,
  ): Promise<ResultAccepted> {
    const stored = await this.context.db
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
    const board = await this.context.boards.get(stored.room_code);
    return {
      total: stored.total,
      grade: Grade.parse(stored.grade),
      ending: stored.ending_id,
      rank: board.rankOf(player.id, scenario),
      duplicate: true,
    };
  }
}
