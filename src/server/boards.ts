/**
 * Each room's boards, kept in memory: built from the database the first time a room's board is
 * asked for, then fed every change as it is stored, here or (through peers.ts) by another server
 * instance on the same database.
 */
import { SCORING_VERSION } from '../engine/index.js';
import type { LetterTally, RoomInfo } from '../api/api.js';
import { RoomBoard, type BoardResult } from '../api/board.js';
import type { Db } from './db.js';
import { roomTeams } from './teams.js';

export class RoomBoards {
  private readonly boards = new Map<string, Promise<RoomBoard>>();

  constructor(
    private readonly db: Db,
    /** The room as it is now (refuses a room that does not exist). */
    private readonly room: (code: string) => Promise<RoomInfo>,
  ) {}

  /** Has this room's board been built already? */
  has(code: string): boolean {
    return this.boards.has(code);
  }

  /** The room's board, built from the database the first time it is asked for. */
  get(code: string): Promise<RoomBoard> {
    let board = this.boards.get(code);
    if (!board) {
      board = this.load(code);
      this.boards.set(code, board);
      const loading = board;
      // A board that could not be read is forgotten (unless another has replaced it meanwhile).
      loading.catch(() => {
        if (this.boards.get(code) === loading) this.boards.delete(code);
      });
    }
    return board;
  }

  /**
   * A result stored by another instance: added to the board if this instance holds it (once it is
   * loaded; a board loaded later reads it from the database, and a run is never counted twice).
   */
  async addResult(code: string, result: BoardResult): Promise<void> {
    const board = this.boards.get(code);
    if (board) (await board).add(result);
  }

  /**
   * Reads a board this instance holds again from the database (another instance changed the room).
   * Its revision goes on from the old one, so a live screen never mistakes the new board for one it
   * has drawn. Changes made meanwhile go to the new board, which is what `get` returns from now on.
   */
  refresh(code: string): void {
    const old = this.boards.get(code);
    if (!old) return;
    const next = old.then(
      (board) => this.load(code, board.revision + 1),
      () => this.load(code, 0),
    );
    this.boards.set(code, next);
    next.catch(() => {
      if (this.boards.get(code) === next) this.boards.delete(code);
    });
  }

  /** Reads every board held again (after notices from other instances may have been missed). */
  refreshAll(): void {
    for (const code of [...this.boards.keys()]) this.refresh(code);
  }

  /** The rooms whose boards this instance holds. */
  held(): string[] {
    return [...this.boards.keys()];
  }

  private async load(code: string, revision = 0): Promise<RoomBoard> {
    const board = new RoomBoard(await this.room(code));
    board.setTeams(await roomTeams(this.db, code));
    const players = await this.db
      .selectFrom('players')
      .select(['id', 'nickname', 'team_id'])
      .where('room_code', '=', code)
      .where('removed_at', 'is', null)
      .orderBy('joined_at')
      .execute();
    for (const p of players) board.addPlayer(p.id, p.nickname, p.team_id);
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
    board.continueFrom(revision);
    return board;
  }
}
