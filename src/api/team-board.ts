/**
 * The team board, from each member's overall standing. Pure, and kept apart from RoomBoard so the
 * rule reads in one place: a team scores the mean of the overall totals of its members who have
 * finished at least one call. Members who have not played yet neither pull the team down (a late
 * arrival or a phone that died costs nothing) nor count as members who played; the board shows
 * how many counted, so a team of one player is seen for what it is.
 */
import type { TeamEntry, TeamInfo } from './replies.js';

/** A member's overall standing: their sum of bests and when they reached it; null before any. */
export interface MemberStanding {
  team: string;
  total: number | null;
  reached: number;
}

interface Tally {
  info: TeamInfo;
  position: number;
  members: number;
  counted: number;
  sum: number;
  reached: number;
}

/**
 * Higher mean first (compared exactly, as sum × count, not as rounded numbers); then the team with
 * more members counted; then the one that reached its score first; then the facilitator's order.
 * Nothing here depends on the language or the order players joined in, so every server agrees.
 */
function byTeamRank(a: Tally, b: Tally): number {
  return (
    b.sum * a.counted - a.sum * b.counted ||
    b.counted - a.counted ||
    a.reached - b.reached ||
    a.position - b.position
  );
}

/** The teams ranked; teams with no member counted yet come last, in the facilitator's order, without a place. */
export function teamBoard(teams: readonly TeamInfo[], members: Iterable<MemberStanding>): TeamEntry[] {
  const tallies = new Map<string, Tally>(
    teams.map((info, position) => [info.id, { info, position, members: 0, counted: 0, sum: 0, reached: 0 }]),
  );
  for (const m of members) {
    const tally = tallies.get(m.team);
    if (!tally) continue;
    tally.members++;
    if (m.total === null) continue;
    tally.counted++;
    tally.sum += m.total;
    tally.reached = Math.max(tally.reached, m.reached);
  }
  const all = [...tallies.values()];
  const scored = all.filter((t) => t.counted > 0).sort(byTeamRank);
  const waiting = all.filter((t) => t.counted === 0).sort((a, b) => a.position - b.position);
  return [...scored.map((t, i) => entry(t, i + 1)), ...waiting.map((t) => entry(t, null))];
}

function entry(t: Tally, rank: number | null): TeamEntry {
  const scored = t.counted > 0;
  return {
    rank,
    team: t.info.id,
    name: t.info.name,
    total: scored ? Math.round(t.sum / t.counted) : null,
    members: t.members,
    counted: t.counted,
    finishedAt: scored ? t.reached : null,
  };
}
