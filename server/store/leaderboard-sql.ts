/**
 * The leaderboard in SQL, with the semantics of `computeLeaderboard` (src/leaderboard/rules.ts),
 * which the parity test runs side by side with this.
 *
 * How it stays fast (p95 <= 50 ms on PostgreSQL for every period with 10,000 people and 1,000,000
 * shares, `npm run bench server`): a summary kept by the write path, not a cache. Grouping the
 * period's shares at each read took 0.7 s for a year and 0.9 s for all time; `person_periods`
 * (migration 004) holds, for each person and each period holding one of their shares (the UTC ISO
 * week, month, quarter, year, and 'all'), their share count and the points they earned in it, so a
 * board reads at most one row per person, and with a limit only the rows that can make the top
 * (by points, from the index person_periods_board) and the viewer's; the badges of
 * the rows shown come from `person_badges` (per person: items, own words, categories). A cache would
 * be emptied by every share (each one changes the boards), so it would help only between writes,
 * and the first read after each would still take the full time. The summaries are kept by triggers
 * on `shares`, `person_items` and `shareables` (per statement, over the statement's rows), so
 * that every write path keeps it right with nothing to remember: recording a share, an import in
 * batches, a seed, an item's points or category changed, a deletion. Their cost is a few rows
 * upserted per recorded share (five periods, one badge row); `leaderboardSummaryDrift` compares
 * them with a recomputation.
 *
 * - the period is the UTC calendar week (ISO, from Monday), month, quarter or year holding `now`:
 *   the summary's row for it starts on `relais_period_starts(now)` (migration 004);
 * - a person earns an item's points once, at their first share of it ever: a (person, item) pair
 *   earns in the period when its first share (`person_items.first_at`, kept by the statement that
 *   records a share) falls in it, at the item's current points;
 * - every share event in the period counts in `shares`;
 * - competition ranks on points (one more than the rows with more points), then shares, named
 *   rows before anonymous ones (and before `other-teams`), then name and id in code-point order
 *   (`COLLATE "C"`);
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

/** The first day of the summary's period holding `now` (see `relais_period_starts`, migration 004). */
const PERIOD = `
period AS (SELECT b.starts FROM relais_period_starts($2::timestamptz) b WHERE b.period = $1::text)`;

const PERIOD_STATS = `${PERIOD},
stats AS (
  -- One summary row per person who shared in the period (migration 004 keeps them).
  SELECT pp.viewer_id, pp.shares, pp.points
  FROM person_periods pp
  WHERE pp.period = $1::text AND pp.starts = (SELECT starts FROM period) AND pp.shares > 0
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

/**
 * Ranks `rows` (id, points, shares, is_viewer, anonymous, last, and the sort keys name_key and
 * id_key, empty on anonymous rows) and cuts at the limit. Only the rows shown are sorted: the top
 * `$6` (a bounded sort) and the viewer's row. The top rows are a prefix of the board, so every row
 * with more points than one of them, and every anonymous row before one of them, is among them:
 * their ranks and anonymous numbers are counted among the top rows alone. The viewer's row, when
 * it falls outside, is ranked by counting the rows of `everyRow` (every row of the board, with
 * its points) with more points.
 */
const rankAndCut = (everyRow: string) => `
top AS MATERIALIZED (
  -- Read once: its two readers see the same rows, also where the limit cuts between equal ones.
  SELECT k.* FROM rows k
  ORDER BY k.points DESC, k.shares DESC, k.last, k.name_key COLLATE "C", k.id_key COLLATE "C"
  LIMIT $6::int
),
ranked_top AS (
  -- Anonymous rows are numbered in board order: the id says where the row stands, nothing else.
  SELECT t.*,
    (rank() OVER (ORDER BY t.points DESC))::int AS rank,
    CASE WHEN t.anonymous THEN row_number() OVER (
      PARTITION BY t.anonymous ORDER BY t.points DESC, t.shares DESC, t.last, t.name_key COLLATE "C", t.id_key COLLATE "C"
    ) END AS anonymous_number
  FROM top t
),
picked AS (
  SELECT * FROM ranked_top
  UNION ALL
  -- The viewer's row after the top rows, never anonymous: 1 + the rows with more points.
  SELECT k.*, (1 + (SELECT count(*) FROM ${everyRow} r WHERE r.points > k.points))::int, NULL::bigint
  FROM rows k WHERE k.is_viewer AND NOT EXISTS (SELECT 1 FROM top t WHERE t.id = k.id)
)`;

/** The board's order, on `picked k`. */
const BOARD_ORDER = `k.points DESC, k.shares DESC, k.last, k.name_key COLLATE "C", k.id_key COLLATE "C", k.anonymous_number`;

export const PEOPLE_LEADERBOARD_SQL = `
WITH ${PERIOD},
${RECENT_SHARES},
board AS NOT MATERIALIZED (
  -- The board, as the summary has it: one row per person who shared in the period. Never read
  -- whole when there is a limit: the rows that can make the top are read by points, from the
  -- index person_periods_board.
  SELECT pp.viewer_id, pp.points, pp.shares
  FROM person_periods pp
  WHERE pp.period = $1::text AND pp.starts = (SELECT starts FROM period) AND pp.shares > 0
),
cutoff AS (
  -- The points and shares of the $6-th best row: only rows at least as good can make the top
  -- (the rest of the order, names and ids, only ever reorders rows of equal points and shares).
  SELECT b.points, b.shares FROM board b WHERE $6::int IS NOT NULL
  ORDER BY b.points DESC, b.shares DESC OFFSET greatest($6::int, 1) - 1 LIMIT 1
),
candidates AS (
  SELECT b.* FROM board b
  WHERE b.points >= coalesce((SELECT points FROM cutoff), -1)
    AND (b.points > (SELECT points FROM cutoff) OR b.shares >= (SELECT shares FROM cutoff) OR NOT EXISTS (SELECT 1 FROM cutoff))
  UNION
  -- The viewer's row is always there.
  SELECT b.* FROM board b WHERE b.viewer_id = $3::text
),
rows AS (
  SELECT c.viewer_id AS id, c.points, c.shares,
    c.viewer_id = $3::text AS is_viewer,
    NOT (c.viewer_id = $3::text OR coalesce(p.leaderboard_opt_in, false)) AS anonymous,
    NOT (c.viewer_id = $3::text OR coalesce(p.leaderboard_opt_in, false)) AS last,
    CASE WHEN c.viewer_id = $3::text THEN coalesce($4::text, '') WHEN p.leaderboard_opt_in THEN p.display_name ELSE '' END AS name_key,
    CASE WHEN c.viewer_id = $3::text OR p.leaderboard_opt_in THEN c.viewer_id ELSE '' END AS id_key
  FROM candidates c LEFT JOIN people p ON p.id = c.viewer_id
  UNION ALL
  SELECT $3::text, 0, 0, true, false, false, coalesce($4::text, ''), $3::text
  WHERE NOT EXISTS (SELECT 1 FROM board b WHERE b.viewer_id = $3::text)
),
${rankAndCut('board')}
SELECT
  CASE WHEN k.anonymous THEN 'anonymous-' || k.anonymous_number ELSE k.id END AS id,
  -- Named rows only: the viewer (as the page names them) and those who opted in.
  CASE WHEN k.is_viewer THEN $4::text WHEN NOT k.anonymous THEN p.display_name END AS display_name,
  CASE WHEN k.is_viewer THEN coalesce($5::text, p.team) WHEN NOT k.anonymous THEN p.team END AS team,
  CASE WHEN NOT k.anonymous THEN p.avatar_url END AS avatar_url,
  NULL::int AS members, k.points, k.shares, k.rank, k.is_viewer, k.anonymous,
  -- Badges come from the whole history (person_badges, migration 004), and only named rows show them.
  to_jsonb(array_remove(ARRAY[
    CASE WHEN b.items >= 1 THEN 'first-share' END,
    CASE WHEN b.items >= 10 THEN 'ten-shares' END,
    CASE WHEN b.own_words >= 5 THEN 'own-words' END,
    CASE WHEN b.product > 0 AND b.culture > 0 AND b.industry > 0 THEN 'all-categories' END
  ], NULL)) AS badges,
  CASE WHEN k.is_viewer THEN (SELECT shares FROM recent) END AS recent_shares
FROM picked k
-- One lookup per row shown (LIMIT keeps these from becoming joins that read every person).
LEFT JOIN LATERAL (SELECT p.display_name, p.team, p.avatar_url FROM people p WHERE p.id = k.id LIMIT 1) p ON true
LEFT JOIN LATERAL (SELECT b.* FROM person_badges b WHERE b.viewer_id = k.id AND NOT k.anonymous LIMIT 1) b ON true
ORDER BY ${BOARD_ORDER}`;

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
  SELECT team AS id, team AS display_name, members, points, shares, has_viewer AS is_viewer, false AS anonymous, false AS last, team AS name_key, team AS id_key
  FROM team_totals WHERE members >= $7::int
  UNION ALL
  SELECT $8::text, NULL, sum(members)::int, sum(points)::int, sum(shares)::int, bool_or(has_viewer), false, true, '', $8::text
  FROM team_totals WHERE members < $7::int
  HAVING sum(members) >= $7::int
),
${rankAndCut('rows')}
SELECT k.id, k.display_name, NULL::text AS team, NULL::text AS avatar_url, k.members, k.points, k.shares, k.rank, k.is_viewer, k.anonymous,
  '[]'::jsonb AS badges, NULL::jsonb AS recent_shares
FROM picked k
ORDER BY ${BOARD_ORDER}`;

/**
 * The leaderboard's summaries (`person_periods`, `person_badges`) computed again from the shares
 * and the items, as migration 004 fills them: what the triggers must keep them equal to.
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

export const PERSON_BADGES_RECOMPUTED_SQL = `
SELECT f.viewer_id, count(*)::int AS items, (count(*) FILTER (WHERE f.personalized))::int AS own_words,
  (count(*) FILTER (WHERE s.category = 'product'))::int AS product, (count(*) FILTER (WHERE s.category = 'culture'))::int AS culture,
  (count(*) FILTER (WHERE s.category = 'industry'))::int AS industry
FROM person_items f LEFT JOIN shareables s ON s.id = f.shareable_id
GROUP BY f.viewer_id`;

/**
 * The summaries' rows that differ from a recomputation: which summary, the row's key, and the
 * row kept and the row expected (JSON, null when there is none). Rows at zero say nothing.
 */
export const SUMMARY_DRIFT_SQL = `
WITH kept_periods AS (SELECT period, starts, viewer_id, shares, points FROM person_periods WHERE shares <> 0 OR points <> 0),
expected_periods AS (${PERSON_PERIODS_RECOMPUTED_SQL}),
kept_badges AS (SELECT * FROM person_badges WHERE items <> 0 OR own_words <> 0 OR product <> 0 OR culture <> 0 OR industry <> 0),
expected_badges AS (${PERSON_BADGES_RECOMPUTED_SQL})
SELECT 'person_periods' AS summary,
       concat_ws(' ', coalesce(k.period, e.period), coalesce(k.starts, e.starts)::text, coalesce(k.viewer_id, e.viewer_id)) AS key,
       CASE WHEN k.viewer_id IS NOT NULL THEN jsonb_build_object('shares', k.shares, 'points', k.points) END AS kept,
       CASE WHEN e.viewer_id IS NOT NULL THEN jsonb_build_object('shares', e.shares, 'points', e.points) END AS expected
FROM kept_periods k FULL JOIN expected_periods e ON e.period = k.period AND e.starts = k.starts AND e.viewer_id = k.viewer_id
WHERE k.shares IS DISTINCT FROM e.shares OR k.points IS DISTINCT FROM e.points
UNION ALL
SELECT 'person_badges', coalesce(k.viewer_id, e.viewer_id),
       CASE WHEN k.viewer_id IS NOT NULL THEN to_jsonb(k) - 'viewer_id' END,
       CASE WHEN e.viewer_id IS NOT NULL THEN to_jsonb(e) - 'viewer_id' END
FROM kept_badges k FULL JOIN expected_badges e ON e.viewer_id = k.viewer_id
WHERE (to_jsonb(k) - 'viewer_id') IS DISTINCT FROM (to_jsonb(e) - 'viewer_id')
ORDER BY 1, 2`;
