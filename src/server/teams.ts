/**
 * A room's teams: the facilitator names them, attendees pick one as they join. Names are shown on
 * the projector, so they are cleaned and checked like nicknames. A team keeps its id while its name
 * keeps its key (a change of case or spacing), so members stay in it; a team that has members
 * cannot be taken out of the list.
 */
import type { TeamInfo } from '../api/api.js';
import { cleanNickname } from '../api/nickname.js';
import type { Db } from './db.js';
import { newToken } from './secrets.js';
import { WorkshopError } from './workshop-error.js';

/** The room's teams, in the facilitator's order. */
export async function roomTeams(db: Db, code: string): Promise<TeamInfo[]> {
  const rows = await db
    .selectFrom('teams')
    .select(['id', 'name'])
    .where('room_code', '=', code)
    .orderBy('position')
    .execute();
  return rows.map((r) => ({ id: r.id, name: r.name }));
}

/** Cleans the names, refusing one that is empty, offensive or the same as another in the list. */
export function cleanTeamNames(
  raw: readonly string[],
  refuse: (name: string) => string | null,
): { name: string; key: string }[] {
  const seen = new Set<string>();
  return raw.map((typed, i) => {
    const cleaned = cleanNickname(typed);
    const where = `body.teams.${i}`;
    if (!cleaned.ok) {
      throw new WorkshopError(422, 'team-name', 'Give each team a name with a letter or digit in it.', where);
    }
    if (refuse(cleaned.nickname) !== null) {
      throw new WorkshopError(
        422,
        'team-name',
        `The team name “${cleaned.nickname}” is not allowed here. Pick another one.`,
        where,
      );
    }
    if (seen.has(cleaned.key)) {
      throw new WorkshopError(
        422,
        'team-name',
        `Two teams are called “${cleaned.nickname}” (or names that look just like it). Give each its own name.`,
        where,
      );
    }
    seen.add(cleaned.key);
    return { name: cleaned.nickname, key: cleaned.key };
  });
}

/**
 * Replaces the room's teams with `names` (already cleaned), in that order, and returns them. A team
 * whose name keeps its key keeps its id; a team left out that still has members is refused.
 */
export async function replaceTeams(
  db: Db,
  code: string,
  names: readonly { name: string; key: string }[],
): Promise<TeamInfo[]> {
  return db.transaction().execute(async (tx) => {
    const before = await tx
      .selectFrom('teams')
      .select(['id', 'name', 'name_key'])
      .where('room_code', '=', code)
      .execute();
    const byKey = new Map(before.map((t) => [t.name_key, t]));
    const kept = new Set(names.map((n) => n.key));
    const leaving = before.filter((t) => !kept.has(t.name_key));
    if (leaving.length > 0) {
      const occupied = await tx
        .selectFrom('players')
        .select('team_id')
        .where('room_code', '=', code)
        .where('removed_at', 'is', null)
        .where(
          'team_id',
          'in',
          leaving.map((t) => t.id),
        )
        .limit(1)
        .executeTakeFirst();
      if (occupied) {
        const team = leaving.find((t) => t.id === occupied.team_id);
        throw new WorkshopError(
          409,
          'team-has-members',
          `The team “${team?.name ?? ''}” has members, so it cannot leave the list. Keep it (you can still change how its name is written).`,
        );
      }
      // Players the facilitator removed may still name a leaving team: they leave it too.
      await tx
        .updateTable('players')
        .set({ team_id: null })
        .where('room_code', '=', code)
        .where(
          'team_id',
          'in',
          leaving.map((t) => t.id),
        )
        .execute();
      await tx
        .deleteFrom('teams')
        .where(
          'id',
          'in',
          leaving.map((t) => t.id),
        )
        .execute();
    }
    const teams: TeamInfo[] = [];
    for (const [position, { name, key }] of names.entries()) {
      const existing = byKey.get(key);
      if (existing) {
        await tx.updateTable('teams').set({ name, position }).where('id', '=', existing.id).execute();
        teams.push({ id: existing.id, name });
      } else {
        const id = newToken(9);
        await tx.insertInto('teams').values({ id, room_code: code, name, name_key: key, position }).execute();
        teams.push({ id, name });
      }
    }
    return teams;
  });
}
