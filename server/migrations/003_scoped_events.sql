-- Event ids belong to their person: one person's id never stops another's share from being
-- recorded (a share posted by B under A's pending id used to make A's delivery record nothing).
-- The time of a share or an acknowledgment is the server's (`at`); the time the client gave is
-- kept beside it (`client_at`), checked against the accepted window (docs/server.md).

ALTER TABLE shares DROP CONSTRAINT shares_pkey;
ALTER TABLE shares ADD PRIMARY KEY (viewer_id, id);
ALTER TABLE shares ADD COLUMN client_at timestamptz;
ALTER TABLE acknowledgments ADD COLUMN client_at timestamptz;
