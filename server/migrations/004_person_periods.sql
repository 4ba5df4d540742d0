-- The leaderboard's summary: for each person and each calendar period that holds one of their
-- shares (the UTC ISO week, month, quarter and year, and the whole line 'all'), how many shares
-- they made in it and the points they earned in it (the current points of the items they first
-- shared in it). A board then reads at most one row per person instead of grouping every share
-- of the period (a year of 1,000,000 shares took 0.7 s on PostgreSQL; see leaderboard-sql.ts).
--
-- Beside it, `person_badges`: what the badges are counted from, over the whole history (the items
-- a person shared, those in their own words, and those of each category), read for the rows shown.
--
-- Kept by triggers, so that every write path keeps them right, those to come included: a share
-- recorded or deleted (shares), an item's first share moved earlier (person_items), an item
-- created, deleted or given other points or another category (shareables). The triggers are per statement and read
-- the statement's rows (transition tables): a bulk load adds one grouped statement, not one per row.

CREATE TABLE person_periods (
  -- 'week', 'month', 'quarter', 'year' or 'all'.
  period text NOT NULL,
  -- The period's first day (UTC); '-infinity' for 'all'.
  starts date NOT NULL,
  viewer_id text NOT NULL,
  -- Share events in the period, repeats included (copying the link is no share).
  shares integer NOT NULL,
  -- The points of the items whose first share by the person falls in the period.
  points integer NOT NULL,
  PRIMARY KEY (period, starts, viewer_id)
);

-- The periods holding an instant: one row per period kind. The leaderboard reads the row of `now`.
CREATE OR REPLACE FUNCTION relais_period_starts(instant timestamptz) RETURNS TABLE (period text, starts date)
LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
  SELECT k.period, CASE WHEN k.period = 'all' THEN '-infinity'::date ELSE date_trunc(k.period, instant AT TIME ZONE 'UTC')::date END
  FROM unnest(ARRAY['week', 'month', 'quarter', 'year', 'all']) AS k(period)
$$;

-- Adds changes (one per person and instant: shares, points) to the periods holding each instant.
-- (PL/pgSQL keeps the statement's plan for the session: a share recorded plans nothing.)
CREATE OR REPLACE FUNCTION person_periods_add(viewer_ids text[], instants timestamptz[], share_deltas integer[], point_deltas integer[]) RETURNS void
LANGUAGE plpgsql AS $$
BEGIN
  IF viewer_ids IS NULL THEN
    RETURN;
  END IF;
  INSERT INTO person_periods (period, starts, viewer_id, shares, points)
  SELECT b.period, b.starts, d.viewer_id, sum(d.shares)::int, sum(d.points)::int
  FROM unnest(viewer_ids, instants, share_deltas, point_deltas) AS d(viewer_id, at, shares, points)
  CROSS JOIN LATERAL relais_period_starts(d.at) b
  GROUP BY 1, 2, 3
  -- One order for every writer: two transactions never wait on each other's rows in a cycle.
  ORDER BY 1, 2, 3
  ON CONFLICT (period, starts, viewer_id) DO UPDATE
    SET shares = person_periods.shares + excluded.shares, points = person_periods.points + excluded.points;
END
$$;

CREATE TABLE person_badges (
  viewer_id text PRIMARY KEY,
  -- Items shared (each once), those ever shared in the person's own words, and per category.
  items integer NOT NULL,
  own_words integer NOT NULL,
  product integer NOT NULL,
  culture integer NOT NULL,
  industry integer NOT NULL
);

-- Adds changes (per person: items, items in their own words, and an item of a category) to `person_badges`.
CREATE OR REPLACE FUNCTION person_badges_add(viewer_ids text[], item_deltas integer[], own_word_deltas integer[], categories text[], category_deltas integer[]) RETURNS void
LANGUAGE plpgsql AS $$
BEGIN
  IF viewer_ids IS NULL THEN
    RETURN;
  END IF;
  INSERT INTO person_badges (viewer_id, items, own_words, product, culture, industry)
  SELECT d.viewer_id, sum(d.items)::int, sum(d.own_words)::int,
    coalesce(sum(d.delta) FILTER (WHERE d.category = 'product'), 0)::int,
    coalesce(sum(d.delta) FILTER (WHERE d.category = 'culture'), 0)::int,
    coalesce(sum(d.delta) FILTER (WHERE d.category = 'industry'), 0)::int
  FROM unnest(viewer_ids, item_deltas, own_word_deltas, categories, category_deltas) AS d(viewer_id, items, own_words, category, delta)
  GROUP BY 1
  ORDER BY 1
  ON CONFLICT (viewer_id) DO UPDATE
    SET items = person_badges.items + excluded.items, own_words = person_badges.own_words + excluded.own_words,
        product = person_badges.product + excluded.product, culture = person_badges.culture + excluded.culture,
        industry = person_badges.industry + excluded.industry;
END
$$;

-- Shares: each one counts in its periods.
CREATE OR REPLACE FUNCTION person_periods_shares_inserted() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM person_periods_add(array_agg(viewer_id), array_agg(at), array_agg(1), array_agg(0)) FROM new_rows WHERE network <> 'copy';
  RETURN NULL;
END
$$;
CREATE OR REPLACE FUNCTION person_periods_shares_deleted() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM person_periods_add(array_agg(viewer_id), array_agg(at), array_agg(-1), array_agg(0)) FROM old_rows WHERE network <> 'copy';
  RETURN NULL;
END
$$;
CREATE OR REPLACE FUNCTION person_periods_shares_updated() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM person_periods_add(array_agg(d.viewer_id), array_agg(d.at), array_agg(d.shares), array_agg(0))
  FROM (SELECT viewer_id, at, -1 AS shares FROM old_rows WHERE network <> 'copy'
        UNION ALL SELECT viewer_id, at, 1 FROM new_rows WHERE network <> 'copy') d;
  RETURN NULL;
END
$$;
CREATE TRIGGER person_periods_shares_inserted AFTER INSERT ON shares REFERENCING NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION person_periods_shares_inserted();
CREATE TRIGGER person_periods_shares_deleted AFTER DELETE ON shares REFERENCING OLD TABLE AS old_rows
  FOR EACH STATEMENT EXECUTE FUNCTION person_periods_shares_deleted();
CREATE TRIGGER person_periods_shares_updated AFTER UPDATE ON shares REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION person_periods_shares_updated();

-- A person's first share of an item: the item's points are earned in its periods.
CREATE OR REPLACE FUNCTION person_periods_items_inserted() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM person_periods_add(array_agg(n.viewer_id), array_agg(n.first_at), array_agg(0), array_agg(s.points))
  FROM new_rows n JOIN shareables s ON s.id = n.shareable_id WHERE s.points <> 0;
  PERFORM person_badges_add(array_agg(n.viewer_id), array_agg(1), array_agg(n.personalized::int), array_agg(s.category), array_agg(1))
  FROM new_rows n LEFT JOIN shareables s ON s.id = n.shareable_id;
  RETURN NULL;
END
$$;
CREATE OR REPLACE FUNCTION person_periods_items_deleted() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM person_periods_add(array_agg(o.viewer_id), array_agg(o.first_at), array_agg(0), array_agg(-s.points))
  FROM old_rows o JOIN shareables s ON s.id = o.shareable_id WHERE s.points <> 0;
  PERFORM person_badges_add(array_agg(o.viewer_id), array_agg(-1), array_agg(-(o.personalized::int)), array_agg(s.category), array_agg(-1))
  FROM old_rows o LEFT JOIN shareables s ON s.id = o.shareable_id;
  RETURN NULL;
END
$$;
CREATE OR REPLACE FUNCTION person_periods_items_updated() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  -- Recording a share keeps the earliest: the points move from the old first share's periods.
  PERFORM person_periods_add(array_agg(d.viewer_id), array_agg(d.at), array_agg(0), array_agg(d.points))
  FROM (
    SELECT o.viewer_id, o.first_at AS at, -s.points AS points, o.shareable_id FROM old_rows o JOIN shareables s ON s.id = o.shareable_id
    UNION ALL
    SELECT n.viewer_id, n.first_at, s.points, n.shareable_id FROM new_rows n JOIN shareables s ON s.id = n.shareable_id
  ) d
  -- A later share leaves the first one where it was: nothing moves.
  WHERE d.points <> 0 AND NOT EXISTS (
    SELECT 1 FROM old_rows o JOIN new_rows n ON n.viewer_id = o.viewer_id AND n.shareable_id = o.shareable_id
    WHERE o.viewer_id = d.viewer_id AND o.shareable_id = d.shareable_id AND o.first_at = n.first_at
  );
  -- Shared in their own words at last (or no longer: an edit by hand).
  PERFORM person_badges_add(array_agg(n.viewer_id), array_agg(0), array_agg(n.personalized::int - o.personalized::int), array_agg(NULL::text), array_agg(0))
  FROM old_rows o JOIN new_rows n ON n.viewer_id = o.viewer_id AND n.shareable_id = o.shareable_id
  WHERE n.personalized <> o.personalized;
  RETURN NULL;
END
$$;
CREATE TRIGGER person_periods_items_inserted AFTER INSERT ON person_items REFERENCING NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION person_periods_items_inserted();
CREATE TRIGGER person_periods_items_deleted AFTER DELETE ON person_items REFERENCING OLD TABLE AS old_rows
  FOR EACH STATEMENT EXECUTE FUNCTION person_periods_items_deleted();
CREATE TRIGGER person_periods_items_updated AFTER UPDATE ON person_items REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION person_periods_items_updated();

-- An item's points: those who first shared it earn what it is worth now (an unknown item earns nothing).
CREATE OR REPLACE FUNCTION person_periods_shareables_inserted() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM person_periods_add(array_agg(f.viewer_id), array_agg(f.first_at), array_agg(0), array_agg(n.points))
  FROM new_rows n JOIN person_items f ON f.shareable_id = n.id WHERE n.points <> 0;
  PERFORM person_badges_add(array_agg(f.viewer_id), array_agg(0), array_agg(0), array_agg(n.category), array_agg(1))
  FROM new_rows n JOIN person_items f ON f.shareable_id = n.id WHERE n.category IS NOT NULL;
  RETURN NULL;
END
$$;
CREATE OR REPLACE FUNCTION person_periods_shareables_deleted() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM person_periods_add(array_agg(f.viewer_id), array_agg(f.first_at), array_agg(0), array_agg(-o.points))
  FROM old_rows o JOIN person_items f ON f.shareable_id = o.id WHERE o.points <> 0;
  PERFORM person_badges_add(array_agg(f.viewer_id), array_agg(0), array_agg(0), array_agg(o.category), array_agg(-1))
  FROM old_rows o JOIN person_items f ON f.shareable_id = o.id WHERE o.category IS NOT NULL;
  RETURN NULL;
END
$$;
CREATE OR REPLACE FUNCTION person_periods_shareables_updated() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM person_periods_add(array_agg(f.viewer_id), array_agg(f.first_at), array_agg(0), array_agg(d.points))
  FROM (
    SELECT o.id, -o.points AS points FROM old_rows o
    UNION ALL
    SELECT n.id, n.points FROM new_rows n
  ) d JOIN person_items f ON f.shareable_id = d.id
  WHERE d.id IN (SELECT o.id FROM old_rows o JOIN new_rows n ON n.id = o.id WHERE n.points <> o.points)
     OR d.id NOT IN (SELECT o.id FROM old_rows o JOIN new_rows n ON n.id = o.id);
  -- Another category: its items move to it on the badges of those who shared them.
  PERFORM person_badges_add(array_agg(f.viewer_id), array_agg(0), array_agg(0), array_agg(d.category), array_agg(d.delta))
  FROM (
    SELECT o.id, o.category, -1 AS delta FROM old_rows o
    UNION ALL
    SELECT n.id, n.category, 1 FROM new_rows n
  ) d JOIN person_items f ON f.shareable_id = d.id
  WHERE d.category IS NOT NULL AND (
    d.id IN (SELECT o.id FROM old_rows o JOIN new_rows n ON n.id = o.id WHERE n.category IS DISTINCT FROM o.category)
    OR d.id NOT IN (SELECT o.id FROM old_rows o JOIN new_rows n ON n.id = o.id));
  RETURN NULL;
END
$$;
CREATE TRIGGER person_periods_shareables_inserted AFTER INSERT ON shareables REFERENCING NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION person_periods_shareables_inserted();
CREATE TRIGGER person_periods_shareables_deleted AFTER DELETE ON shareables REFERENCING OLD TABLE AS old_rows
  FOR EACH STATEMENT EXECUTE FUNCTION person_periods_shareables_deleted();
CREATE TRIGGER person_periods_shareables_updated AFTER UPDATE ON shareables REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION person_periods_shareables_updated();

-- The data already there (the same sums as the triggers keep).
INSERT INTO person_periods (period, starts, viewer_id, shares, points)
SELECT b.period, b.starts, d.viewer_id, sum(d.shares)::int, sum(d.points)::int
FROM (
  SELECT viewer_id, at, 1 AS shares, 0 AS points FROM shares WHERE network <> 'copy'
  UNION ALL
  SELECT f.viewer_id, f.first_at, 0, s.points FROM person_items f JOIN shareables s ON s.id = f.shareable_id
) d
CROSS JOIN LATERAL relais_period_starts(d.at) b
GROUP BY 1, 2, 3;

INSERT INTO person_badges (viewer_id, items, own_words, product, culture, industry)
SELECT f.viewer_id, count(*), count(*) FILTER (WHERE f.personalized),
  count(*) FILTER (WHERE s.category = 'product'), count(*) FILTER (WHERE s.category = 'culture'), count(*) FILTER (WHERE s.category = 'industry')
FROM person_items f LEFT JOIN shareables s ON s.id = f.shareable_id
GROUP BY f.viewer_id;

-- A board's best rows first: the top is read from here, not from every row of the period.
CREATE INDEX person_periods_board ON person_periods (period, starts, points DESC, shares DESC);

-- The viewer's latest shares (their row's `recentShares`), newest first.
CREATE INDEX shares_person_at ON shares (viewer_id, at);
