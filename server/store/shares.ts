/** Share events and their statistics. */
import { OTHER_TEAMS_ID } from '../../src/contract/data.js';
import { isShare, type ShareEvent } from '../../src/model/index.js';
import type { Queryable } from '../db.js';
import { instant } from './common.js';

/**
 * Records a share event; the first recording of a (person, event id) stands: ids are scoped to
 * their person, so another person's use of an id never hides this one. True if new. `clientAt`
 * is the time the client gave when `event.at` is the server's (the API); an import keeps `at`.
 */
export async function recordShare(q: Queryable, event: ShareEvent, clientAt?: string): Promise<boolean> {
  const at = instant(event.at);
  if (at === undefined) throw new RangeError(`Share ${event.id}: "${event.at}" names no instant between years 1 and 9999`);
  // One statement, so that the share and its (person, item) summary are never seen apart.
  const rows = await q.query(
    `WITH recorded AS (
       INSERT INTO shares (id, shareable_id, viewer_id, network, at, personalized, client_at) VALUES ($1, $2, $3, $4, $5::timestamptz, $6, $7::timestamptz)
       ON CONFLICT (viewer_id, id) DO NOTHING RETURNING id, viewer_id, shareable_id, network, at, personalized
     ), summary AS (
       -- Copying the link is recorded (statistics count it apart) but is no share: no points, no badge.
       INSERT INTO person_items (viewer_id, shareable_id, first_at, personalized)
       SELECT viewer_id, shareable_id, at, personalized FROM recorded WHERE network <> 'copy'
       ON CONFLICT (viewer_id, shareable_id) DO UPDATE
         SET first_at = least(person_items.first_at, excluded.first_at), personalized = person_items.personalized OR excluded.personalized
     )
     SELECT id FROM recorded`,
    // A copy of the link (kind `copy-link`, or network `copy` from before kinds) is kept as network `copy`.
    [event.id, event.shareableId, event.viewerId, isShare(event) ? event.network : 'copy', at, event.personalized, clientAt ?? null],
  );
  return rows.length > 0;
}

export type StatsDimension = 'item' | 'network' | 'team' | 'month';
export interface StatsRow {
  key: string;
  shares: number;
  personalized: number;
}

/**
 * Share counts grouped by item, network, month (UTC, `2026-11`) or team. Aggregates only. By
 * team, as on the leaderboard: only named contributors count (opted in, shares in the range);
 * teams with fewer than `minTeamSize` of them merge into `other-teams`, left out if it still
 * gathers fewer; people with no team are not counted there.
 */
export async function shareStatistics(q: Queryable, by: StatsDimension, range: { from?: string; to?: string }, minTeamSize: number): Promise<StatsRow[]> {
  const params = [range.from ?? null, range.to ?? null];
  const inRange = '($1::timestamptz IS NULL OR e.at >= $1::timestamptz) AND ($2::timestamptz IS NULL OR e.at < $2::timestamptz)';
  if (by === 'team') {
    // As on the team board: named contributors only (opted in, shares in the range).
    return q.query<StatsRow>(
      `WITH contributions AS (
         SELECT p.team, count(e.id)::int AS shares, (count(e.id) FILTER (WHERE e.personalized))::int AS personalized
         FROM people p JOIN shares e ON e.viewer_id = p.id AND ${inRange}
         WHERE p.team IS NOT NULL AND p.leaderboard_opt_in
         GROUP BY p.id, p.team
       ),
       grouped AS (
         SELECT CASE WHEN count(*) OVER (PARTITION BY team) >= $3::int THEN team ELSE $4::text END AS key, shares, personalized
         FROM contributions
       )
       SELECT key, sum(shares)::int AS shares, sum(personalized)::int AS personalized
       FROM grouped GROUP BY key HAVING count(*) >= $3::int
       ORDER BY shares DESC, key COLLATE "C"`,
      [...params, minTeamSize, OTHER_TEAMS_ID],
    );
  }
  const key = { item: 'e.shareable_id', network: 'e.network', month: `to_char(e.at AT TIME ZONE 'UTC', 'YYYY-MM')` }[by];
  return q.query<StatsRow>(
    `SELECT ${key} AS key, count(*)::int AS shares, (count(*) FILTER (WHERE e.personalized))::int AS personalized
     FROM shares e WHERE ${inRange}
     GROUP BY 1 ORDER BY ${by === 'month' ? '1' : `shares DESC, ${key} COLLATE "C"`}`,
    params,
  );
}
