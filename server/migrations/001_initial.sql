-- Relais reference server: the first schema. Plain SQL, run as it is on PGlite and on PostgreSQL.
-- Documents (shareables, charters, settings) are kept as the JSON they were written with and
-- served as they are; the columns beside them are what queries filter and sort on.

CREATE TABLE people (
  id text PRIMARY KEY,
  display_name text NOT NULL,
  team text,
  avatar_url text,
  leaderboard_opt_in boolean NOT NULL DEFAULT false
);

CREATE TABLE shareables (
  id text PRIMARY KEY,
  doc jsonb NOT NULL,
  category text,
  -- Base language, lower case (`fr` for `fr-CA`): the listing filters on it.
  lang_base text,
  published_at timestamptz NOT NULL,
  -- When the item stops being live (a plain date means the end of that day, UTC); NULL = never.
  expires_at timestamptz,
  points integer NOT NULL,
  -- Withdrawn by an admin: out of the listing and of reads by id, but points earned on it still count.
  withdrawn_at timestamptz
);
CREATE INDEX shareables_listing ON shareables (published_at DESC, id COLLATE "C");

CREATE TABLE shares (
  id uuid PRIMARY KEY,
  shareable_id text NOT NULL,
  viewer_id text NOT NULL,
  network text NOT NULL,
  at timestamptz NOT NULL,
  personalized boolean NOT NULL,
  recorded_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX shares_at ON shares (at);
CREATE INDEX shares_person_item ON shares (viewer_id, shareable_id, at);

-- Every published charter version; the current one is the last published (highest seq).
CREATE TABLE charters (
  seq bigserial PRIMARY KEY,
  id text NOT NULL,
  version integer NOT NULL,
  doc jsonb NOT NULL,
  recorded_at timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE acknowledgments (
  viewer_id text NOT NULL,
  charter_id text NOT NULL,
  version integer NOT NULL,
  -- As written; at_ts is the instant it names (NULL if it names none: data from elsewhere).
  at text NOT NULL,
  at_ts timestamptz,
  recorded_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (viewer_id, charter_id, version)
);

-- Guard policy, tiers, the demo viewer: one JSON value per key.
CREATE TABLE settings (
  key text PRIMARY KEY,
  value jsonb NOT NULL
);

-- The first response to each (requester, Idempotency-Key), replayed to a retry with the same body.
CREATE TABLE idempotency_keys (
  requester text NOT NULL,
  key text NOT NULL,
  request_hash text NOT NULL,
  status integer NOT NULL,
  response jsonb NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (requester, key)
);
