/** People and the viewer. */
import type { Viewer, Person } from '../../src/model/index.js';
import type { Queryable } from '../db.js';
import type { Identity } from '../types.js';

export interface PersonRow {
  id: string;
  display_name: string;
  team: string | null;
  avatar_url: string | null;
  leaderboard_opt_in: boolean;
}

export async function person(q: Queryable, id: string): Promise<PersonRow | undefined> {
  const [row] = await q.query<PersonRow>('SELECT * FROM people WHERE id = $1', [id]);
  return row;
}

export async function upsertPerson(q: Queryable, value: Person): Promise<void> {
  await q.query(
    `INSERT INTO people (id, display_name, team, avatar_url, leaderboard_opt_in) VALUES ($1, $2, $3, $4, $5)
     ON CONFLICT (id) DO UPDATE SET display_name = excluded.display_name, team = excluded.team,
       avatar_url = excluded.avatar_url, leaderboard_opt_in = excluded.leaderboard_opt_in`,
    [value.id, value.displayName, value.team ?? null, value.avatarUrl ?? null, value.leaderboardOptIn],
  );
}

export async function viewerOf(q: Queryable, identity: Identity): Promise<Viewer> {
  const row = await person(q, identity.id);
  const displayName = identity.displayName ?? row?.display_name;
  const team = identity.team ?? row?.team ?? undefined;
  return {
    id: identity.id,
    ...(displayName ? { displayName } : {}),
    ...(team ? { team } : {}),
    ...(identity.locale ? { locale: identity.locale } : {}),
    leaderboardOptIn: row?.leaderboard_opt_in ?? identity.leaderboardOptIn ?? false,
  };
}
