/**
 * A room's leaderboards and SOARING profile, kept up to date one result at a time. Pure: the server
 * rebuilds it from the database at start-up and feeds it every result it stores afterwards.
 *
 * Each player counts with their best run of each scenario (ties: the earlier run); overall is the
 * sum of those bests, reached when the last of them finished. A tie goes to the earlier finish.
 */
import { LETTERS, type Letter } from '../engine/vocabulary.js';
import type {
  BoardEntry,
  BoardSnapshot,
  LetterProfile,
  LetterTally,
  PlaceReport,
  RoomInfo,
  TeamInfo,
} from './replies.js';
import { teamBoard } from './team-board.js';

export interface BoardResult {
  /** The run it came from: a run already on the board is not counted again. */
  run: string;
  player: string;
  scenario: string;
  total: number;
  finishedAt: number;
  letters: LetterTally;
}

interface Best {
  total: number;
  finishedAt: number;
}

interface PlayerState {
  nickname: string;
  /** The team they joined, or null (a room without teams). */
  team: string | null;
  best: Map<string, Best>;
  /**
   * Per call: every run's letters added up (for the room's profile) and how many runs. Kept per
   * call so that a call taken out of the room leaves the counts and the profile too.
   */
  played: Map<string, { tally: Record<Letter, [number, number]>; runs: number }>;
}

const emptyTally = (): Record<Letter, [number, number]> =>
  Object.fromEntries(LETTERS.map((l) => [l, [0, 0]])) as Record<Letter, [number, number]>;

/** Higher total first; then the earlier finish; then the name, so the order never flickers. */
function byRank(a: Omit<BoardEntry, 'rank'>, b: Omit<BoardEntry, 'rank'>): number {
  return b.total - a.total || a.finishedAt - b.finishedAt || a.nickname.localeCompare(b.nickname);
}

function ranked(entries: Omit<BoardEntry, 'rank'>[]): BoardEntry[] {
  return entries.sort(byRank).map((e, i) => ({ rank: i + 1, ...e }));
}

/** 1st, 2nd, 3rd, 4th, 11th, 21st…; a dash when the player is not on that board. */
export function ordinal(place: number | null): string {
  if (place === null) return '–';
  const teen = place % 100 >= 11 && place % 100 <= 13;
  const suffix = teen ? 'th' : (['th', 'st', 'nd', 'rd'][place % 10] ?? 'th');
  return `${place}${suffix}`;
}

export class RoomBoard {
  private readonly players = new Map<string, PlayerState>();
  private revisionCount = 0;
  /**
   * Runs already counted. A result stored while the board was being loaded from the database is
   * both read by the load and added after its write: it must count once.
   */
  private readonly runs = new Set<string>();
  /** The room's teams, in the facilitator's order; none when it plays without teams. */
  private teamList: readonly TeamInfo[] = [];
  /** Every player's places, worked out once per revision (a busy room asks once per phone). */
  private placesCache: { revision: number; places: Map<string, Omit<PlaceReport, 'revision'>> } | null = null;

  constructor(private room: RoomInfo) {}

  get revision(): number {
    return this.revisionCount;
  }

  /** Counts revisions on from `revision` (a board read again continues the one it replaces). */
  continueFrom(revision: number): void {
    this.revisionCount = Math.max(this.revisionCount, revision);
  }

  setRoom(room: RoomInfo): void {
    this.room = room;
    this.revisionCount++;
  }

  addPlayer(id: string, nickname: string, team: string | null = null): void {
    if (this.players.has(id)) return;
    this.players.set(id, { nickname, team, best: new Map(), played: new Map() });
    this.revisionCount++;
  }

  /** The room's teams, in order (replacing the list before). A player in a team not listed is in none. */
  setTeams(teams: readonly TeamInfo[]): void {
    if (JSON.stringify(teams) === JSON.stringify(this.teamList)) return;
    this.teamList = teams.map((t) => ({ id: t.id, name: t.name }));
    this.revisionCount++;
  }

  /** Puts a player in a team (null: in none). A player not on the board is left alone. */
  setTeam(player: string, team: string | null): void {
    const state = this.players.get(player);
    if (!state || state.team === team) return;
    state.team = team;
    this.revisionCount++;
  }

  /** A removed player leaves every board and the profile. */
  removePlayer(id: string): void {
    if (this.players.delete(id)) this.revisionCount++;
  }

  add(result: BoardResult): void {
    const player = this.players.get(result.player);
    if (!player || this.runs.has(result.run)) return;
    this.runs.add(result.run);
    const best = player.best.get(result.scenario);
    if (
      !best ||
      result.total > best.total ||
      (result.total === best.total && result.finishedAt < best.finishedAt)
    ) {
      player.best.set(result.scenario, { total: result.total, finishedAt: result.finishedAt });
    }
    let played = player.played.get(result.scenario);
    if (!played) {
      played = { tally: emptyTally(), runs: 0 };
      player.played.set(result.scenario, played);
    }
    for (const letter of LETTERS) {
      const [hits, opportunities] = result.letters[letter];
      played.tally[letter][0] += hits;
      played.tally[letter][1] += opportunities;
    }
    played.runs++;
    this.revisionCount++;
  }

  /**
   * Where a player stands: on one scenario's board and overall (1 is first), or null if absent
   * (a call no longer in the room has no board).
   */
  rankOf(player: string, scenario: string): { scenario: number | null; overall: number | null } {
    const onBoard = this.room.scenarios.some((s) => s.id === scenario);
    const entries = [...this.players].map(([id, p]) => ({ id, nickname: p.nickname, ...this.standing(p) }));
    const place = (pick: (e: (typeof entries)[number]) => Omit<BoardEntry, 'rank'> | null): number | null => {
      const mine = entries.find((e) => e.id === player);
      const own = mine ? pick(mine) : null;
      if (!own) return null;
      let rank = 1;
      for (const e of entries) {
        const other = e.id === player ? null : pick(e);
        if (other && byRank(other, own) < 0) rank++;
      }
      return rank;
    };
    return {
      scenario: place((e) => {
        const best = onBoard ? e.best.get(scenario) : undefined;
        return best ? { player: e.id, nickname: e.nickname, ...best } : null;
      }),
      overall: place((e) =>
        e.counted ? { player: e.id, nickname: e.nickname, total: e.total, finishedAt: e.reached } : null,
      ),
    };
  }

  /** A player's sum of bests over the room's scenarios, and when they reached it. */
  private standing(p: PlayerState): {
    best: Map<string, Best>;
    total: number;
    reached: number;
    counted: number;
  } {
    let total = 0;
    let reached = 0;
    let counted = 0;
    for (const { id } of this.room.scenarios) {
      const best = p.best.get(id);
      if (!best) continue;
      total += best.total;
      reached = Math.max(reached, best.finishedAt);
      counted++;
    }
    return { best: p.best, total, reached, counted };
  }

  /** The boards (the first `limit` places of each), the profile and the counts. */
  snapshot(limit = 25): BoardSnapshot {
    const byScenario: Record<string, Omit<BoardEntry, 'rank'>[]> = Object.fromEntries(
      this.room.scenarios.map((s) => [s.id, []]),
    );
    const overall: Omit<BoardEntry, 'rank'>[] = [];
    const tally = emptyTally();
    let results = 0;
    for (const [id, p] of this.players) {
      const { total, reached, counted } = this.standing(p);
      for (const { id: scenario } of this.room.scenarios) {
        const best = p.best.get(scenario);
        if (best) byScenario[scenario]?.push({ player: id, nickname: p.nickname, ...best });
      }
      if (counted > 0) overall.push({ player: id, nickname: p.nickname, total, finishedAt: reached });
      for (const { id: scenario } of this.room.scenarios) {
        const played = p.played.get(scenario);
        if (!played) continue;
        for (const letter of LETTERS) {
          tally[letter][0] += played.tally[letter][0];
          tally[letter][1] += played.tally[letter][1];
        }
        results += played.runs;
      }
    }
    const profile: LetterProfile[] = LETTERS.map((letter) => {
      const [hits, opportunities] = tally[letter];
      return { letter, hits, opportunities, ratio: opportunities > 0 ? hits / opportunities : null };
    });
    // The lowest share of chances taken; a tie goes to the letter earlier in SOARING.
    let weakest: { letter: Letter; ratio: number } | null = null;
    for (const { letter, ratio } of profile) {
      if (ratio !== null && (weakest === null || ratio < weakest.ratio)) weakest = { letter, ratio };
    }
    return {
      room: this.room,
      revision: this.revisionCount,
      players: this.players.size,
      results,
      overall: ranked(overall).slice(0, limit),
      byScenario: Object.fromEntries(
        Object.entries(byScenario).map(([id, entries]) => [id, ranked(entries).slice(0, limit)]),
      ),
      profile,
      weakest: weakest?.letter ?? null,
      onBoard: {
        overall: overall.length,
        byScenario: Object.fromEntries(
          Object.entries(byScenario).map(([id, entries]) => [id, entries.length]),
        ),
      },
      teams: this.teams(),
    };
  }

  /** The team board: every team of the room, best first (see team-board.ts for the rule). */
  private teams(): BoardSnapshot['teams'] {
    if (this.teamList.length === 0) return [];
    const members = [];
    for (const p of this.players.values()) {
      if (p.team === null) continue;
      const { total, reached, counted } = this.standing(p);
      members.push({ team: p.team, total: counted > 0 ? total : null, reached });
    }
    return teamBoard(this.teamList, members);
  }

  /**
   * Where one player stands on every board, wherever that is (the snapshot stops at a cap): for
   * their own phone. Null for a player not on the board.
   */
  placeOf(player: string): PlaceReport | null {
    if (this.placesCache?.revision !== this.revisionCount) {
      this.placesCache = { revision: this.revisionCount, places: this.allPlaces() };
    }
    const place = this.placesCache.places.get(player);
    return place ? { revision: this.revisionCount, ...place } : null;
  }

  /** Every player's places, from one sort per board. */
  private allPlaces(): Map<string, Omit<PlaceReport, 'revision'>> {
    const snapshot = this.snapshot(Number.POSITIVE_INFINITY);
    const places = new Map<string, Omit<PlaceReport, 'revision'>>();
    for (const [id, p] of this.players) {
      places.set(id, { player: id, overall: null, byScenario: {}, team: p.team });
    }
    for (const e of snapshot.overall) {
      const place = places.get(e.player);
      if (place) place.overall = { rank: e.rank, total: e.total };
    }
    for (const [scenario, entries] of Object.entries(snapshot.byScenario)) {
      for (const e of entries) {
        const place = places.get(e.player);
        if (place) place.byScenario[scenario] = { rank: e.rank, total: e.total };
      }
    }
    return places;
  }
}
