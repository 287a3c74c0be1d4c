/**
 * The workshop's rules, apart from HTTP: rooms and players here; calls and their results in
 * runs.ts (checked by submission.ts), boards in boards.ts, the export in export.ts. Every refusal
 * is a WorkshopError that says what was wrong and what to do.
 */
import { timingSafeEqual } from 'node:crypto';
import type { AnswerWay, Scenario, Transcript } from '../engine/index.js';
import type {
  BoardSnapshot,
  CallInfo,
  Joined,
  LrsConfigBody,
  LrsStatus,
  PlaceReport,
  PlayerList,
  ResultAccepted,
  RoomCreated,
  RoomInfo,
  RoomStatus,
  RunStarted,
  TeamInfo,
} from '../api/api.js';
import { cleanNickname } from '../api/nickname.js';
import { RoomBoards } from './boards.js';
import type { Db, RoomsTable, Schema } from './db.js';
import { roomCsv } from './export.js';
import { writesFor, type Writes } from './group-commit.js';
import { Runs, type PlayerAuth } from './runs.js';
import { hash, newRoomCode, newToken } from './secrets.js';
import { cleanTeamNames, replaceTeams, roomTeams } from './teams.js';
import { WorkshopError } from './workshop-error.js';
import { LrsSettings } from './xapi.js';
import { RoomMaps, parseMapView, type MapViewer } from './room-maps.js';
import type { MapView, MapViewBody, RoomMap } from '../api/map-replies.js';
import { SOLO, type Peers } from './peers.js';
import { DEFAULT_ACTIVITY_BASE } from '../lms/xapi.js';

/** The players' accounts' home page when the server's public address is not known. */
export const DEFAULT_HOME_PAGE = 'https://keep-cool.invalid/';

export interface WorkshopOptions {
  db: Db;
  scenarios: readonly Scenario[];
  /** Decides whether a (cleaned) nickname is acceptable; returns a reason to refuse it. */
  refuseNickname?: (nickname: string) => string | null;
  now?: () => number;
  /** How statements for a room's LRS are named, and who hears that some were queued or settings changed. */
  xapi?: { homePage?: string; activityBase?: string; queued?: () => void };
  /** The other server instances on the same database (none by default: SQLite, one server). */
  peers?: Peers;
  /** Told of a failure to tell the other instances (their boards catch up at the next change). */
  onPeerError?: (error: unknown) => void;
}

export class Workshop {
  private readonly db: Db;
  private readonly scenarios: Map<string, Scenario>;
  private readonly now: () => number;
  private readonly refuseNickname: (nickname: string) => string | null;
  private readonly boards: RoomBoards;
  private readonly writes: Writes<Schema>;
  private readonly runs: Runs;
  private readonly lrs: LrsSettings;
  private readonly lrsChanged: () => void;
  private readonly listeners = new Set<(room: string) => void>();
  private readonly maps: RoomMaps;
  private readonly peers: Peers;
  private readonly onPeerError: (error: unknown) => void;
  private readonly unsubscribePeers: () => void;

  constructor(options: WorkshopOptions) {
    this.db = options.db;
    this.scenarios = new Map(options.scenarios.map((s) => [s.id, s]));
    this.now = options.now ?? Date.now;
    this.refuseNickname = options.refuseNickname ?? (() => null);
    this.writes = writesFor(options.db);
    this.boards = new RoomBoards(options.db, (code) => this.room(code));
    this.lrs = new LrsSettings(options.db, this.now);
    this.lrsChanged = options.xapi?.queued ?? (() => undefined);
    this.maps = new RoomMaps(options.db, this.scenarios, this.boards);
    this.peers = options.peers ?? SOLO;
    this.onPeerError = options.onPeerError ?? (() => undefined);
    // What other instances changed reaches this one's boards, and its live screens.
    this.unsubscribePeers = this.peers.subscribe({
      notice: ({ room, result }) => {
        if (result) {
          this.boards.addResult(room, result).then(() => {
            this.heard(room);
          }, this.onPeerError);
        } else {
          this.boards.refresh(room);
          this.heard(room);
        }
      },
      lost: () => {
        this.boards.refreshAll();
        for (const room of this.boards.held()) this.heard(room);
      },
    });
    this.runs = new Runs({
      db: this.db,
      writes: this.writes,
      scenarios: this.scenarios,
      boards: this.boards,
      now: this.now,
      roomRow: (code) => this.roomRow(code),
      peers: this.peers,
      // A result is announced to the other instances in its own transaction (runs.ts).
      changed: (room) => {
        this.heard(room);
      },
      lrs: {
        settings: this.lrs,
        homePage: options.xapi?.homePage ?? DEFAULT_HOME_PAGE,
        activityBase: options.xapi?.activityBase ?? DEFAULT_ACTIVITY_BASE,
        queued: this.lrsChanged,
      },
    });
  }

  /** Told the room's code after every change to its boards. */
  onChange(listener: (room: string) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** Every scenario the server can score, for the facilitator's picker. */
  library(): CallInfo[] {
    return [...this.scenarios.values()].map((s) => ({ id: s.id, title: s.title, version: s.version }));
  }

  /** Waits for writes in flight, and stops hearing other instances (shutdown). */
  drain(): Promise<void> {
    this.unsubscribePeers();
    return this.writes.drain();
  }

  /** A change made here: this instance's live screens hear of it, and so do the other instances. */
  private changed(room: string): void {
    this.heard(room);
    this.peers.announce(this.db, { room }).catch(this.onPeerError);
  }

  /** Tells this instance's live screens that a room changed. */
  private heard(room: string): void {
    for (const listener of this.listeners) listener(room);
  }

  private info(
    row: Pick<RoomsTable, 'code' | 'name' | 'status' | 'scenarios' | 'answers' | 'map_view'>,
  ): RoomInfo {
    const ids = JSON.parse(row.scenarios) as string[];
    return {
      code: row.code,
      name: row.name,
      status: row.status as RoomStatus,
      scenarios: ids.map((id) => {
        const s = this.scenarios.get(id);
        return { id, title: s?.title ?? id, version: s?.version ?? 0 };
      }),
      answers: row.answers as AnswerWay,
      ...(row.map_view ? { map: parseMapView(row.map_view) } : {}),
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

  /** A new room, answered `input.answers` for its whole life (the boards rank one way only). */
  async createRoom(input: { name: string; scenarios: string[]; answers: AnswerWay }): Promise<RoomCreated> {
    this.checkScenarios(input.scenarios);
    const secret = newToken(32);
    for (let attempt = 0; attempt < 20; attempt++) {
      const row: RoomsTable = {
        code: newRoomCode(),
        name: input.name,
        secret_hash: hash(secret),
        status: 'draft',
        scenarios: JSON.stringify(input.scenarios),
        created_at: this.now(),
        opened_at: null,
        closed_at: null,
        answers: input.answers,
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
    if (this.boards.has(code)) (await this.boards.get(code)).setRoom(info);
    this.changed(code);
    return info;
  }

  async join(code: string, rawNickname: string, teamId?: string): Promise<Joined> {
    const row = await this.roomRow(code);
    if (row.status === 'closed') {
      throw new WorkshopError(403, 'room-closed', `Room ${code} is closed: the workshop has ended.`);
    }
    const team = await this.teamFor(code, teamId);
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
    const secret = newToken(24);
    const player = { id: newToken(9), nickname: cleaned.nickname };
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
          team_id: team?.id ?? null,
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
    const board = await this.boards.get(code);
    board.addPlayer(player.id, player.nickname, team?.id ?? null);
    this.changed(code);
    return { player, token: secret, room: this.info(row), team };
  }

  /** The team a player joining may join: one of the room's when it has teams, none otherwise. */
  private async teamFor(code: string, teamId: string | undefined): Promise<TeamInfo | null> {
    const teams = await roomTeams(this.db, code);
    if (teams.length === 0) {
      if (teamId === undefined) return null;
      throw new WorkshopError(
        422,
        'no-team',
        'This room plays without teams: join without one.',
        'body.team',
      );
    }
    const team = teams.find((t) => t.id === teamId);
    if (team) return team;
    throw new WorkshopError(
      422,
      'no-team',
      teamId === undefined
        ? 'This room plays in teams: pick yours.'
        : 'That team is not in this room’s list (it may have just changed): pick yours again.',
      'body.team',
    );
  }

  /** The room's teams, in the facilitator's order (none: the room plays without teams). */
  async teams(code: string): Promise<TeamInfo[]> {
    await this.roomRow(code);
    return roomTeams(this.db, code);
  }

  /** Replaces the room's teams (see teams.ts); the team board follows at once. */
  async setTeams(code: string, names: readonly string[]): Promise<TeamInfo[]> {
    await this.roomRow(code);
    const teams = await replaceTeams(this.db, code, cleanTeamNames(names, this.refuseNickname));
    (await this.boards.get(code)).setTeams(teams);
    this.changed(code);
    return teams;
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

  async players(code: string): Promise<PlayerList['players']> {
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
    (await this.boards.get(code)).removePlayer(playerId);
    this.changed(code);
  }

  /** Issues the token for one call. The client shows the call only after it has one. */
  startRun(player: PlayerAuth, input: { scenario: string; version: number }): Promise<RunStarted> {
    return this.runs.start(player, input);
  }

  /**
   * Replays the transcript and stores what the server computed. The same transcript sent again
   * (a retry after a lost reply) is acknowledged once more and counts once.
   */
  submit(player: PlayerAuth, runToken: string, transcript: Transcript): Promise<ResultAccepted> {
    return this.runs.submit(player, runToken, transcript);
  }

  /** Where the room's results go as xAPI, and how its statements stand (never the credentials). */
  async lrsStatus(code: string): Promise<LrsStatus> {
    await this.roomRow(code);
    return this.lrs.status(code);
  }

  /** Sends the room's results from now on to this LRS (replacing any before it). */
  async setLrs(code: string, config: LrsConfigBody): Promise<LrsStatus> {
    await this.roomRow(code);
    await this.lrs.set(code, config);
    this.lrsChanged();
    return this.lrs.status(code);
  }

  /** Stops sending the room's results; statements not yet sent wait until an LRS is set again. */
  async removeLrs(code: string): Promise<LrsStatus> {
    await this.roomRow(code);
    await this.lrs.remove(code);
    return this.lrs.status(code);
  }

  async snapshot(code: string): Promise<BoardSnapshot> {
    return (await this.boards.get(code)).snapshot();
  }

  /** Where each player stands on every board, beyond the snapshot's cap (for their own phone). */
  async places(code: string): Promise<(player: string) => PlaceReport | null> {
    const board = await this.boards.get(code);
    return (player) => board.placeOf(player);
  }

  /** Every result in the room, one row per finished call, oldest first. */
  async exportCsv(code: string): Promise<string> {
    await this.roomRow(code);
    return roomCsv(this.db, code);
  }

  /** Does `secret` run the room? (In constant time; false for no secret.) */
  async holdsRoom(code: string, secret: string | undefined): Promise<boolean> {
    try {
      await this.authorizeFacilitator(code, secret);
      return true;
    } catch (error) {
      if (error instanceof WorkshopError && error.code === 'not-facilitator') return false;
      throw error;
    }
  }

  /**
   * What the projector shows of the decision map, set by the facilitator; every live screen hears
   * of it. The map itself is not computed again: only its view changed.
   */
  async setMapView(code: string, view: MapViewBody): Promise<MapView> {
    const row = await this.roomRow(code);
    const mapView = JSON.stringify(view);
    await this.db.updateTable('rooms').set({ map_view: mapView }).where('code', '=', code).execute();
    const board = await this.boards.get(code);
    const before = board.revision;
    board.setRoom(this.info({ ...row, map_view: mapView }));
    this.maps.carry(code, before, board.revision);
    this.changed(code);
    return parseMapView(mapView);
  }

  /**
   * The room's decision map for `viewer`. Anyone may read it while the facilitator shows it on the
   * projector; the facilitator and the room's players may read it at any time.
   */
  async decisionMap(code: string, viewer: MapViewer): Promise<RoomMap> {
    const room = await this.room(code);
    if (viewer.kind === 'public' && room.map?.shown !== true) {
      throw new WorkshopError(
        403,
        'map-hidden',
        'The facilitator has not put the room’s decision map on the projector yet.',
      );
    }
    return this.maps.view(room, viewer);
  }

  /** Every decision of the room's calls, one CSV row each. */
  async decisionsCsv(code: string): Promise<string> {
    return this.maps.decisionsCsv(await this.room(code));
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
