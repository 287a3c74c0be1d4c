/**
 * The rooms' decision maps (src/api/decision-map.ts) from the stored results, and the export of
 * every decision as CSV. A map is computed once per revision of the room's board and kept until
 * the board changes again; what each viewer sees of it (names, their own answers) is cut from that
 * one computation.
 */
import { SCORING_VERSION, type Scenario } from '../engine/index.js';
import type { RoomInfo } from '../api/api.js';
import {
  buildDecisionMap,
  callDecisions,
  latestRuns,
  viewMap,
  type DecisionMap,
  type MapRun,
} from '../api/decision-map.js';
import { MapView, type RoomMap } from '../api/map-replies.js';
import type { RoomBoards } from './boards.js';
import { toCsv } from './csv.js';
import type { Db } from './db.js';

/** Who is asking for a map: the facilitator, a player of the room (their answers marked), anyone. */
export type MapViewer = { kind: 'facilitator' } | { kind: 'player'; id: string } | { kind: 'public' };

/** The view of a room that never set one: the map hidden, nicknames off. */
export const HIDDEN_MAP: MapView = { shown: false, moment: null, names: false };

/** A room's stored view, read leniently: anything unreadable is the hidden map. */
export function parseMapView(stored: string | null | undefined): MapView {
  if (!stored) return HIDDEN_MAP;
  try {
    const parsed = MapView.safeParse(JSON.parse(stored));
    return parsed.success ? parsed.data : HIDDEN_MAP;
  } catch {
    return HIDDEN_MAP;
  }
}

/** Transcripts read per query: well under any database's limit on parameters. */
const CHUNK = 400;

export const DECISIONS_HEADER = [
  'room',
  'nickname',
  'scenario',
  'scenario_version',
  'call',
  'step',
  'moment',
  'answer',
  'letters',
  'donts',
  'anger_before',
  'anger_after',
];

interface StoredRun extends Omit<MapRun, 'transcript'> {
  joinOrder: number;
}

export class RoomMaps {
  /** Per room: the revision a map was computed at, and the map (or its computation under way). */
  private readonly cache = new Map<string, { revision: number; map: Promise<DecisionMap> }>();

  constructor(
    private readonly db: Db,
    private readonly scenarios: ReadonlyMap<string, Scenario>,
    private readonly boards: RoomBoards,
  ) {}

  /** The room's map as `viewer` sees it. */
  async view(room: RoomInfo, viewer: MapViewer): Promise<RoomMap> {
    const map = await this.map(room);
    const names = room.map?.names ?? false;
    return viewMap(map, viewer.kind === 'player' ? { names, player: viewer.id } : { names });
  }

  /**
   * The board moved from `before` to `after` with no new data (the map's view changed): the map
   * computed at `before` still stands.
   */
  carry(code: string, before: number, after: number): void {
    const held = this.cache.get(code);
    if (held?.revision === before) this.cache.set(code, { revision: after, map: held.map });
  }

  private async map(room: RoomInfo): Promise<DecisionMap> {
    const revision = (await this.boards.get(room.code)).revision;
    const held = this.cache.get(room.code);
    if (held?.revision === revision) return held.map;
    const map = this.compute(room, revision);
    this.cache.set(room.code, { revision, map });
    map.catch(() => {
      if (this.cache.get(room.code)?.map === map) this.cache.delete(room.code);
    });
    return map;
  }

  private async compute(room: RoomInfo, revision: number): Promise<DecisionMap> {
    const scenarios = this.roomScenarios(room);
    const runs = latestRuns(await this.storedRuns(room.code, scenarios));
    const transcripts = await this.transcripts(runs.map((r) => r.run));
    return buildDecisionMap({
      room: room.code,
      revision,
      answers: room.answers,
      scenarios,
      runs: runs.map((r) => ({ ...r, transcript: transcripts.get(r.run) })),
    });
  }

  /** The room's calls the server scores, in the room's order. */
  private roomScenarios(room: RoomInfo): Scenario[] {
    return room.scenarios.map((s) => this.scenarios.get(s.id)).filter((s): s is Scenario => s !== undefined);
  }

  /**
   * The room's runs that can go on a map: scored by today's rules, of the scenario version the
   * server has, by players still in the room; oldest first.
   */
  private async storedRuns(code: string, scenarios: readonly Scenario[]): Promise<StoredRun[]> {
    const versions = new Map(scenarios.map((s) => [s.id, s.version]));
    const players = await this.db
      .selectFrom('players')
      .select(['id', 'nickname', 'removed_at'])
      .where('room_code', '=', code)
      .orderBy('joined_at')
      .orderBy('id')
      .execute();
    // Anonymised ids follow the order of joining, removed players included, so they never shift.
    const order = new Map(players.map((p, i) => [p.id, i + 1]));
    const present = new Map(players.filter((p) => p.removed_at === null).map((p) => [p.id, p.nickname]));
    const rows = await this.db
      .selectFrom('results')
      .select(['run_hash', 'player_id', 'scenario_id', 'scenario_version', 'finished_at'])
      .where('room_code', '=', code)
      .where('scoring_version', '=', SCORING_VERSION)
      .orderBy('finished_at')
      .orderBy('run_hash')
      .execute();
    return rows.flatMap((r) => {
      const nickname = present.get(r.player_id);
      if (nickname === undefined || versions.get(r.scenario_id) !== r.scenario_version) return [];
      return [
        {
          run: r.run_hash,
          player: r.player_id,
          nickname,
          scenario: r.scenario_id,
          finishedAt: r.finished_at,
          joinOrder: order.get(r.player_id) ?? 0,
        },
      ];
    });
  }

  private async transcripts(runs: readonly string[]): Promise<Map<string, unknown>> {
    const found = new Map<string, unknown>();
    for (let i = 0; i < runs.length; i += CHUNK) {
      const rows = await this.db
        .selectFrom('results')
        .select(['run_hash', 'transcript'])
        .where('run_hash', 'in', runs.slice(i, i + CHUNK))
        .execute();
      for (const r of rows) found.set(r.run_hash, JSON.parse(r.transcript) as unknown);
    }
    return found;
  }

  /**
   * Every decision of every run that can go on a map (not only the latest), one row each, oldest
   * call first. With nicknames hidden on the map, players are `attendee-N` by order of joining.
   */
  async decisionsCsv(room: RoomInfo): Promise<string> {
    const scenarios = this.roomScenarios(room);
    const byId = new Map(scenarios.map((s) => [s.id, s]));
    const names = room.map?.names ?? false;
    const runs = await this.storedRuns(room.code, scenarios);
    const rows: (string | number | null)[][] = [];
    let call = 0;
    for (let i = 0; i < runs.length; i += CHUNK) {
      const chunk = runs.slice(i, i + CHUNK);
      const transcripts = await this.transcripts(chunk.map((r) => r.run));
      for (const run of chunk) {
        const scenario = byId.get(run.scenario);
        const decisions = scenario ? callDecisions(scenario, transcripts.get(run.run)) : null;
        if (!scenario || !decisions) continue;
        call++;
        const who = names ? run.nickname : `attendee-${run.joinOrder}`;
        for (const d of decisions) {
          rows.push([
            room.code,
            who,
            scenario.id,
            scenario.version,
            call,
            d.step,
            d.node,
            d.typed ? d.typed.text : d.answer,
            d.letters.join(' '),
            d.donts.join(' '),
            d.angerBefore,
            d.angerAfter,
          ]);
        }
      }
    }
    return toCsv(DECISIONS_HEADER, rows);
  }
}
