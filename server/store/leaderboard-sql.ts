/**
 * The leaderboard in SQL, with the semantics of `computeLeaderboard` (src/leaderboard/rules.ts),
 * which the parity test runs side by side with this:
 *
 * - the period is the UTC calendar week (ISO, from Monday), month, quarter or year holding `now`;
 * - a person earns an item's points once, at their first share of it ever: a (person, item) pair
 *   earns in the period when its first share (`person_items.first_at`, kept by the statement that
 *   records a share) falls in it;
 * - every share event in the period counts in `shares`;
 * - competition ranks on points (`rank()`), then shares, named rows before anonymous ones (and
 *   before `other-teams`), then name and id in code-point order (`COLLATE "C"`);
 * - opted-out and unknown people are anonymous: an id from their place only (`anonymous-2`), no
 *   name, team or badges; the viewer's row is always there, named, and kept after the top rows;
 * - a team's figures are its named contributors' (opted in, shares in the period); a team with
 *   fewer of them than the minimum size merges into `other-teams`, left out if still too small.
 *
 * Parameters: $1 period, $2 now, $3 viewer id, $4 viewer name, $5 viewer team, $6 limit
 * (NULL = every row), and for teams $7 the minimum team size and $8 the id of the row that
 * gathers the smaller teams (`OTHER_TEAMS_ID`).
 */

const PERIOD_STATS = `
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
period_shares AS (
  -- The scalar subqueries are computed once (init plans), so the range is an index range.
  SELECT e.viewer_id, count(*)::int AS shares
  FROM shares e
  -- Copying the link is no share (isShare in src/model).
  WHERE e.at >= (SELECT start_at FROM bounds) AND e.at < (SELECT end_at FROM bounds) AND e.network <> 'copy'
  GROUP BY e.viewer_id
),
period_points AS (
  -- An item's points are earned at its first share by the person: those first shared in the
  -- period earn in it. An item no longer known earns nothing.
  SELECT f.viewer_id, coalesce(sum(s.points), 0)::int AS points
  FROM person_items f LEFT JOIN shareables s ON s.id = f.shareable_id
  WHERE f.first_at >= (SELECT start_at FROM bounds) AND f.first_at < (SELECT end_at FROM bounds)
  GROUP BY f.viewer_id
),
stats AS (
  -- A first share in the period is a share in it: every person with points has shares.
  SELECT ps.viewer_id, ps.shares, coalesce(pp.points, 0) AS points
  FROM period_shares ps LEFT JOIN period_points pp ON pp.viewer_id = ps.viewer_id
)`;

/** Ranks `rows` (id, display_name, team, points, shares, is_viewer, anonymous, last) and cuts at the limit. */
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
listed AS (
  SELECT viewer_id AS id FROM stats WHERE shares > 0
  UNION
  SELECT $3::text
),
rows AS (
  SELECT l.id,
    CASE WHEN l.id = $3::text THEN $4::text WHEN p.leaderboard_opt_in THEN p.display_name END AS display_name,
    CASE WHEN l.id = $3::text THEN coalesce($5::text, p.team) WHEN p.leaderboard_opt_in THEN p.team END AS team,
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
  k.display_name, k.team, k.points, k.shares, k.rank::int AS rank, k.is_viewer, k.anonymous,
  to_jsonb(array_remove(ARRAY[
    CASE WHEN b.items >= 1 THEN 'first-share' END,
    CASE WHEN b.items >= 10 THEN 'ten-shares' END,
    CASE WHEN b.own_words >= 5 THEN 'own-words' END,
    CASE WHEN b.categories = 3 THEN 'all-categories' END
  ], NULL)) AS badges
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
  WHERE m.named AND st.shares > 0
  GROUP BY m.team
),
rows AS (
  SELECT team AS id, team AS display_name, NULL::text AS team, points, shares, has_viewer AS is_viewer, false AS anonymous, false AS last
  FROM team_totals WHERE members >= $7::int
  UNION ALL
  SELECT $8::text, NULL, NULL, sum(points)::int, sum(shares)::int, bool_or(has_viewer), false, true
  FROM team_totals WHERE members < $7::int
  HAVING sum(members) >= $7::int
),
${RANK_AND_CUT}
SELECT k.id, k.display_name, k.team, k.points, k.shares, k.rank::int AS rank, k.is_viewer, k.anonymous, '[]'::jsonb AS badges
FROM picked k
ORDER BY k.position`;
