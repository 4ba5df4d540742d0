/** The leaderboard, computed in SQL. */
import { OTHER_TEAMS_ID } from '../../src/contract/data.js';
import { RECENT_SHARES_LIMIT } from '../../src/model/schemas.js';
import { PERIODS, type Leaderboard, type LeaderboardEntry, type Period, type Scope, type Viewer } from '../../src/model/index.js';
import type { Queryable } from '../db.js';
import { PEOPLE_LEADERBOARD_SQL, SUMMARY_DRIFT_SQL, TEAMS_LEADERBOARD_SQL } from './leaderboard-sql.js';
import { setting } from './settings.js';

interface EntryRow {
  id: string;
  display_name: string | null;
  team: string | null;
  avatar_url: string | null;
  members: number | null;
  points: number;
  shares: number;
  rank: number;
  is_viewer: boolean;
  anonymous: boolean;
  badges: string[];
  recent_shares: LeaderboardEntry['recentShares'] | null;
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
    input.scope === 'teams' ? [...params, input.minTeamSize, OTHER_TEAMS_ID] : [...params, RECENT_SHARES_LIMIT],
  );
  const entries = rows.map(
    (row): LeaderboardEntry => ({
      id: row.id,
      ...(row.display_name !== null ? { displayName: row.display_name } : {}),
      ...(row.team !== null ? { team: row.team } : {}),
      ...(row.avatar_url !== null ? { avatarUrl: row.avatar_url } : {}),
      ...(row.members !== null ? { members: row.members } : {}),
      points: row.points,
      shares: row.shares,
      badges: row.badges,
      rank: row.rank,
      isViewer: row.is_viewer,
      anonymous: row.anonymous,
      ...(row.recent_shares !== null ? { recentShares: row.recent_shares } : {}),
    }),
  );
  const stored = await setting(q, 'tiers');
  const tiers = Array.isArray(stored) ? [...(stored as { minPoints: number }[])].sort((a, b) => a.minPoints - b.minPoints) : [];
  return { period: input.period, entries, tiers } as Leaderboard;
}

/** A row of the leaderboard's summaries that differs from a recomputation (see leaderboardSummaryDrift). */
export interface SummaryDrift {
  summary: 'person_periods' | 'person_badges';
  /** `period starts viewer` or `viewer`. */
  key: string;
  /** The row kept, and the row the shares and items give (null when there is none). */
  kept: Record<string, number> | null;
  expected: Record<string, number> | null;
}

/**
 * Where the leaderboard's summaries (`person_periods`, `person_badges`, kept by triggers) differ
 * from what the shares and the items say: nothing, unless a write path escaped them. For tests
 * and checks.
 */
export async function leaderboardSummaryDrift(q: Queryable): Promise<SummaryDrift[]> {
  return q.query<SummaryDrift>(SUMMARY_DRIFT_SQL);
}
