-- One row per (person, item) ever shared: when it was first shared and whether it was ever shared
-- in the person's own words. It is what the leaderboard reads for points (an item's points are
-- earned once, at the first share) and badges, instead of grouping every share at each read.
-- Kept up to date by the same statement that records a share.

CREATE TABLE person_items (
  viewer_id text NOT NULL,
  shareable_id text NOT NULL,
  first_at timestamptz NOT NULL,
  personalized boolean NOT NULL,
  PRIMARY KEY (viewer_id, shareable_id)
);

INSERT INTO person_items (viewer_id, shareable_id, first_at, personalized)
SELECT viewer_id, shareable_id, min(at), bool_or(personalized) FROM shares GROUP BY viewer_id, shareable_id;

CREATE INDEX person_items_first_at ON person_items (first_at);
