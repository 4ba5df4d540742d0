/** The leaderboard, computed in SQL. */
import { OTHER_TEAMS_ID } from '../../src/contract/data.js';
import { PERIODS, type Leaderboard, type LeaderboardEntry, type Period, type Scope, type Viewer } from '../../src/model/index.js';
import type { Queryable } from '../db.js';
import { PEOPLE_LEADERBOARD_SQL, TEAMS_LEADERBOARD_SQL } from './leaderboard-sql.js';
import { setting } from './settings.js';

interface EntryRow {
  id: string;
  display_name: string | null;
  team: string | null;
  points: number;
  shares: number;
  rank: number;
  is_viewer: boolean;
  anonymous: boolean;
  badges: string[];
}

export interface LeaderboardQueryInput {
  period: Period;
  scope: Scope;
  limit?: number;
  now: Date;
  viewer: Viewer;
  minTeamSize: number;
}

/** The leaderboard, computed in SQL (see leaderboard-sql.ts), with the tiers. */
export async function leaderboard(q: Queryable, input: LeaderboardQueryInput): Promise<Leaderboard> {
  if (!(PERIODS as readonly string[]).includes(input.period)) throw new RangeError(`Unknown period ${input.period}`);
  const params = [input.period, input.now.toISOString(), input.viewer.id, input.viewer.displayName ?? null, input.viewer.team ?? null, input.limit ?? null];
  const rows = await q.query<EntryRow>(
    input.scope === 'teams' ? TEAMS_LEADERBOARD_SQL : PEOPLE_LEADERBOARD_SQL,
    input.scope === 'teams' ? [...params, input.minTeamSize, OTHER_TEAMS_ID] : params,
  );
  const entries = rows.map(
    (row): LeaderboardEntry => ({
      id: row.id,
      ...(row.display_name !== null ? { displayName: row.display_name } : {}),
      ...(row.team !== null ? { team: row.team } : {}),
      points: row.points,
      shares: row.shares,
      badges: row.badges,
      rank: row.rank,
      isViewer: row.is_viewer,
      anonymous: row.anonymous,
    }),
  );
  const stored = await setting(q, 'tiers');
  const tiers = Array.isArray(stored) ? [...(stored as { minPoints: number }[])].sort((a, b) => a.minPoints - b.minPoints) : [];
  return { period: input.period, entries, tiers } as Leaderboard;
}
