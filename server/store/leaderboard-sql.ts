/**
 * The leaderboard in SQL, with the semantics of `computeLeaderboard` (src/leaderboard/rules.ts),
 * which the parity test runs side by side with this.
 *
 * How it stays fast (p95 <= 50 ms on PostgreSQL for every period with 10,000 people and 1,000,000
 * shares, `npm run bench server`): a summary kept by the write path, not a cache. Grouping the
 * period's shares at each read took 0.7 s for a year and 0.9 s for all time; `person_periods`
 * (migration 004) holds, for each person and each period holding one of their shares (the UTC ISO
 * week, month, quarter, year, and 'all'), their share count and the points they earned in it, so a
 * board reads at most one row per person: about 10,000 rows whatever the period. A cache would
 * be emptied by every share (each one changes the boards), so it would help only between writes,
 * and the first read after each would still take the full time. The summary is kept by triggers
 * on `shares`, `person_items` and `shareables` (per statement, over the statement's rows), so
 * that every write path keeps it right with nothing to remember: recording a share, an import in
 * batches, a seed, an item's points changed, a deletion. Its cost is a few rows upserted per
 * recorded share (five periods).
 *
 * - the period is the UTC calendar week (ISO, from Monday), month, quarter or year holding `now`:
 *   the summary's row for it starts on `relais_period_starts(now)` (migration 004);
 * - a person earns an item's points once, at their first share of it ever: a (person, item) pair
 *   earns in the period when its first share (`person_items.first_at`, kept by the statement that
 *   records a share) falls in it, at the item's current points;
 * - every share event in the period counts in `shares`;
 * - competition ranks on points (`rank()`), then shares, named rows before anonymous ones (and
 *   before `other-teams`), then name and id in code-point order (`COLLATE "C"`);
 * - opted-out and unknown people are anonymous: an id from their place only (`anonymous-2`), no
 *   name, team, picture or badges; the viewer's row is always there, named, and kept after the
 *   top rows, with the viewer's latest shares in the period (`recentShares`, people board only);
 * - a team's figures are its named contributors' (opted in, shares in the period); a team with
 *   fewer of them than the minimum size merges into `other-teams`, left out if still too small.
 *
 * Parameters: $1 period, $2 now, $3 viewer id, $4 viewer name, $5 viewer team, $6 limit
 * (NULL = every row), and for teams $7 the minimum team size and $8 the id of the row that
 * gathers the smaller teams (`OTHER_TEAMS_ID`); for people $7 the most recent shares shown.
 */
import { isoText } from './common.js';

const PERIOD_STATS = `
stats AS (
  -- One summary row per person who shared in the period (migration 004 keeps them).
  SELECT pp.viewer_id, pp.shares, pp.points
  FROM person_periods pp
  WHERE pp.period = $1::text AND pp.shares > 0
    AND pp.starts = (SELECT b.starts FROM relais_period_starts($2::timestamptz) b WHERE b.period = $1::text)
)`;

/** The viewer's latest shares in the period, newest first, as the JSON array of `recentShares`. */
const RECENT_SHARES = `
bounds AS (
  -- 'all' is the whole line: the same range conditions then hold, with no OR to keep indexes out.
  SELECT CASE WHEN $1::text = 'all' THEN '-infinity'::timestamptz ELSE t.start_local AT TIME ZONE 'UTC' END AS start_at,
         CASE WHEN $1::text = 'all' THEN 'infinity'::timestamptz ELSE (t.start_local + t.span) AT TIME ZONE 'UTC' END AS end_at
  FROM (
    SELECT date_trunc(CASE WHEN $1::text = 'all' THEN 'year' ELSE $1::text END, $2::timestamptz AT TIME ZONE 'UTC') AS start_local,
           CASE $1::text WHEN 'week' THEN interval '7 days' WHEN 'month' THEN interval '1 month'
                         WHEN 'quarter' THEN interval '3 months' ELSE interval '1 year' END AS span
  ) t
),
latest AS (
  -- Copying the link is no share. Ties on the instant go by id, as the rules order the history.
  SELECT e.id, e.viewer_id, e.shareable_id, e.network, e.at
  FROM shares e
  WHERE e.viewer_id = $3::text AND e.network <> 'copy'
    AND e.at >= (SELECT start_at FROM bounds) AND e.at < (SELECT end_at FROM bounds)
  ORDER BY e.at DESC, e.id DESC
  LIMIT $7::int
),
recent AS (
  -- A share earns the item's points when it is the person's first share of the item ever
  -- (the earliest, then the lowest id), else nothing. The title is the item document's.
  SELECT coalesce(jsonb_agg(jsonb_strip_nulls(jsonb_build_object(
           'shareableId', l.shareable_id,
           'title', CASE WHEN jsonb_typeof(s.doc -> 'title') = 'string' AND s.doc ->> 'title' <> '' THEN s.doc ->> 'title' END,
           'network', l.network,
           'at', ${isoText('l.at')},
           'points', CASE WHEN EXISTS (
               SELECT 1 FROM shares o
               WHERE o.viewer_id = l.viewer_id AND o.shareable_id = l.shareable_id AND o.network <> 'copy'
                 AND (o.at < l.at OR (o.at = l.at AND o.id < l.id))
             ) THEN 0 ELSE coalesce(s.points, 0) END
         )) ORDER BY l.at DESC, l.id DESC), '[]'::jsonb) AS shares
  FROM latest l LEFT JOIN shareables s ON s.id = l.shareable_id
)`;

/** Ranks `rows` (id, display_name, team, avatar_url, members, points, shares, is_viewer, anonymous, last) and cuts at the limit. */
const RANK_AND_CUT = `
ranked AS (
  SELECT r.*,
    rank() OVER (ORDER BY r.points DESC) AS rank,
    row_number() OVER (
      ORDER BY r.points DESC, r.shares DESC, r.last,
        CASE WHEN r.anonymous THEN '' ELSE coalesce(r.display_name, '') END COLLATE "C",
        CASE WHEN r.anonymous THEN '' ELSE r.id END COLLATE "C"
    ) AS position
  FROM rows r
),
picked AS (
  -- Anonymous rows are numbered in board order: the id says where the row stands, nothing else.
  SELECT n.* FROM (SELECT ranked.*, row_number() OVER (PARTITION BY anonymous ORDER BY position) AS anonymous_number FROM ranked) n
  WHERE $6::int IS NULL OR n.position <= $6::int OR n.is_viewer
)`;

export const PEOPLE_LEADERBOARD_SQL = `
WITH ${PERIOD_STATS},
${RECENT_SHARES},
listed AS (
  SELECT viewer_id AS id FROM stats
  UNION
  SELECT $3::text
),
rows AS (
  SELECT l.id,
    CASE WHEN l.id = $3::text THEN $4::text WHEN p.leaderboard_opt_in THEN p.display_name END AS display_name,
    CASE WHEN l.id = $3::text THEN coalesce($5::text, p.team) WHEN p.leaderboard_opt_in THEN p.team END AS team,
    CASE WHEN l.id = $3::text OR p.leaderboard_opt_in THEN p.avatar_url END AS avatar_url,
    NULL::int AS members,
    coalesce(st.points, 0) AS points,
    coalesce(st.shares, 0) AS shares,
    l.id = $3::text AS is_viewer,
    NOT (l.id = $3::text OR coalesce(p.leaderboard_opt_in, false)) AS anonymous,
    NOT (l.id = $3::text OR coalesce(p.leaderboard_opt_in, false)) AS last
  FROM listed l
  LEFT JOIN people p ON p.id = l.id
  LEFT JOIN stats st ON st.viewer_id = l.id
),
${RANK_AND_CUT}
SELECT
  CASE WHEN k.anonymous THEN 'anonymous-' || k.anonymous_number ELSE k.id END AS id,
  k.display_name, k.team, k.avatar_url, k.members, k.points, k.shares, k.rank::int AS rank, k.is_viewer, k.anonymous,
  to_jsonb(array_remove(ARRAY[
    CASE WHEN b.items >= 1 THEN 'first-share' END,
    CASE WHEN b.items >= 10 THEN 'ten-shares' END,
    CASE WHEN b.own_words >= 5 THEN 'own-words' END,
    CASE WHEN b.categories = 3 THEN 'all-categories' END
  ], NULL)) AS badges,
  CASE WHEN k.is_viewer THEN (SELECT shares FROM recent) END AS recent_shares
FROM picked k
LEFT JOIN LATERAL (
  -- Badges come from the whole history, and only named rows show them.
  SELECT count(*) AS items,
         count(*) FILTER (WHERE h.personalized) AS own_words,
         count(DISTINCT s.category) FILTER (WHERE s.category IN ('product', 'culture', 'industry')) AS categories
  FROM person_items h LEFT JOIN shareables s ON s.id = h.shareable_id
  WHERE h.viewer_id = k.id AND NOT k.anonymous
) b ON true
ORDER BY k.position`;

export const TEAMS_LEADERBOARD_SQL = `
WITH ${PERIOD_STATS},
viewer_team AS (
  -- ($4, the viewer's name, is not shown on the team board.)
  SELECT coalesce($5::text, (SELECT team FROM people WHERE id = $3::text)) AS team, $4::text AS viewer_name
),
members AS (
  SELECT p.id, p.team, p.leaderboard_opt_in AS named FROM people p WHERE p.team IS NOT NULL AND p.id <> $3::text
  UNION ALL
  SELECT $3::text, vt.team, coalesce((SELECT leaderboard_opt_in FROM people WHERE id = $3::text), false) FROM viewer_team vt WHERE vt.team IS NOT NULL
),
team_totals AS (
  -- Named contributors only (opted in, shares in the period): "members" counts them.
  SELECT m.team, count(*)::int AS members,
         coalesce(sum(st.points), 0)::int AS points, coalesce(sum(st.shares), 0)::int AS shares,
         coalesce(m.team = (SELECT team FROM viewer_team), false) AS has_viewer
  FROM members m JOIN stats st ON st.viewer_id = m.id
  WHERE m.named
  GROUP BY m.team
),
rows AS (
  SELECT team AS id, team AS display_name, NULL::text AS team, NULL::text AS avatar_url, members, points, shares, has_viewer AS is_viewer, false AS anonymous, false AS last
  FROM team_totals WHERE members >= $7::int
  UNION ALL
  SELECT $8::text, NULL, NULL, NULL, sum(members)::int, sum(points)::int, sum(shares)::int, bool_or(has_viewer), false, true
  FROM team_totals WHERE members < $7::int
  HAVING sum(members) >= $7::int
),
${RANK_AND_CUT}
SELECT k.id, k.display_name, k.team, k.avatar_url, k.members, k.points, k.shares, k.rank::int AS rank, k.is_viewer, k.anonymous,
  '[]'::jsonb AS badges, NULL::jsonb AS recent_shares
FROM picked k
ORDER BY k.position`;

/**
 * The leaderboard's summary (`person_periods`) computed again from the shares and the items, as
 * migration 004 fills it: what the triggers must keep it equal to. Rows at zero say nothing.
 */
export const PERSON_PERIODS_RECOMPUTED_SQL = `
SELECT b.period, b.starts, d.viewer_id, sum(d.shares)::int AS shares, sum(d.points)::int AS points
FROM (
  SELECT viewer_id, at, 1 AS shares, 0 AS points FROM shares WHERE network <> 'copy'
  UNION ALL
  SELECT f.viewer_id, f.first_at, 0, s.points FROM person_items f JOIN shareables s ON s.id = f.shareable_id
) d
CROSS JOIN LATERAL relais_period_starts(d.at) b
GROUP BY 1, 2, 3`;

/** The summary's rows that differ from a recomputation (`kept` the summary's, `expected` the recomputed). */
export const PERSON_PERIODS_DRIFT_SQL = `
WITH kept AS (SELECT period, starts, viewer_id, shares, points FROM person_periods WHERE shares <> 0 OR points <> 0),
expected AS (${PERSON_PERIODS_RECOMPUTED_SQL})
SELECT coalesce(k.period, e.period) AS period, coalesce(k.starts, e.starts)::text AS starts,
       coalesce(k.viewer_id, e.viewer_id) AS viewer_id,
       k.shares AS kept_shares, k.points AS kept_points, e.shares AS expected_shares, e.points AS expected_points
FROM kept k FULL JOIN expected e ON e.period = k.period AND e.starts = k.starts AND e.viewer_id = k.viewer_id
WHERE k.shares IS DISTINCT FROM e.shares OR k.points IS DISTINCT FROM e.points
ORDER BY 1, 2, 3`;
