/**
 * The facilitator's export: every finished call in a room, one CSV row each, oldest first, each
 * with the scoring rules that produced it and how the room is answered (a spreadsheet that puts
 * rooms together can keep typed and picked calls apart).
 */
import { LETTERS } from '../engine/vocabulary.js';
import type { LetterTally } from '../api/api.js';
import { toCsv } from './csv.js';
import type { Db } from './db.js';

const HEADER = [
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
  // How the room is answered (pick or type): typed and picked calls are ranked apart.
  'answers',
];

/** A letter's share of chances taken, in whole percent; empty when the call never offered it. */
function percent(tally: [number, number] | undefined): number | null {
  return tally && tally[1] > 0 ? Math.round((100 * tally[0]) / tally[1]) : null;
}

/** The room's results as CSV (the room is known to exist). Removed players' results are left out. */
export async function roomCsv(db: Db, code: string): Promise<string> {
  const rows = await db
    .selectFrom('results')
    .innerJoin('players', 'players.id', 'results.player_id')
    .innerJoin('rooms', 'rooms.code', 'results.room_code')
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
      'rooms.answers',
    ])
    .where('results.room_code', '=', code)
    .where('players.removed_at', 'is', null)
    .orderBy('results.finished_at')
    .execute();
  return toCsv(
    HEADER,
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
        r.answers,
      ];
    }),
  );
}
