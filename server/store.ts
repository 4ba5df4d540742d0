/**
 * Every read and write of the server's data, in SQL with parameters only. Functions take a
 * `Queryable` so that a handler can run several of them in one transaction.
 *
 * Documents (shareables, charters, the guard policy, tiers) are stored as the JSON they were
 * written with and served as they are: what the API writes is validated first, and data from
 * elsewhere (an older version, a hand edit, a test seed) reaches the browser unchanged, where
 * the adapter's schemas stop a bad value and name its field rather than the server hiding it.
 */
import { baseLanguage } from '../src/i18n/language.js';
import { CATEGORIES, expiryTime, PERIODS, type Acknowledgment, type DataDocument, type DataDocumentInput, type GuardPolicy, type Leaderboard, type LeaderboardEntry, type Page, type Period, type Person, type Scope, type ShareEvent, type Viewer } from '../src/model/index.js';
import { AcknowledgmentSchema, PersonSchema, ShareEventSchema } from '../src/model/index.js';
import { DEFAULT_MIN_TEAM_SIZE } from '../src/leaderboard/rules.js';
import { DEFAULT_PAGE_SIZE, DEFAULT_POINTS, OTHER_TEAMS_ID } from '../src/contract/rest.js';
import type { Database, Queryable } from './db.js';
import type { Identity } from './types.js';
import { PEOPLE_LEADERBOARD_SQL, TEAMS_LEADERBOARD_SQL } from './leaderboard-sql.js';

export { DEFAULT_MIN_TEAM_SIZE };

/** The policy served when none was ever written, as `DataDocumentSchema` defaults it. */
export const DEFAULT_GUARD_POLICY = { version: 1, rules: [], internalDomains: [] };

/** The largest page served. */
export const MAX_PAGE_SIZE = 100;

type Json = Record<string, unknown>;

/**
 * The instant a date string names, as an ISO string PostgreSQL reads the same way (UTC,
 * milliseconds, like `Date.parse`), or undefined when it names none PostgreSQL can hold.
 */
export function instant(value: unknown): string | undefined {
  if (typeof value !== 'string') return undefined;
  const ms = Date.parse(value);
  if (Number.isNaN(ms)) return undefined;
  const year = new Date(ms).getUTCFullYear();
  return year >= 1 && year <= 9999 ? new Date(ms).toISOString() : undefined;
}

// ---------------------------------------------------------------------------------------------
// People and the viewer

export interface PersonRow {
  id: string;
  display_name: string;
  team: string | null;
  avatar_url: string | null;
  leaderboard_opt_in: boolean;
}

export async function person(q: Queryable, id: string): Promise<PersonRow | undefined> {
  const [row] = await q.query<PersonRow>('SELECT * FROM people WHERE id = $1', [id]);
  return row;
}

export async function upsertPerson(q: Queryable, value: Person): Promise<void> {
  await q.query(
    `INSERT INTO people (id, display_name, team, avatar_url, leaderboard_opt_in) VALUES ($1, $2, $3, $4, $5)
     ON CONFLICT (id) DO UPDATE SET display_name = excluded.display_name, team = excluded.team,
       avatar_url = excluded.avatar_url, leaderboard_opt_in = excluded.leaderboard_opt_in`,
    [value.id, value.displayName, value.team ?? null, value.avatarUrl ?? null, value.leaderboardOptIn],
  );
}

export async function viewerOf(q: Queryable, identity: Identity): Promise<Viewer> {
  const row = await person(q, identity.id);
  const displayName = identity.displayName ?? row?.display_name;
  const team = identity.team ?? row?.team ?? undefined;
  return {
    id: identity.id,
    ...(displayName ? { displayName } : {}),
    ...(team ? { team } : {}),
    ...(identity.locale ? { locale: identity.locale } : {}),
    leaderboardOptIn: row?.leaderboard_opt_in ?? identity.leaderboardOptIn ?? false,
  };
}

// ---------------------------------------------------------------------------------------------
// Shareables

/** The columns queries use, read from a stored document as leniently as the listing needs. */
function shareableColumns(doc: Json) {
  const category = (CATEGORIES as readonly unknown[]).includes(doc.category) ? (doc.category as string) : null;
  const langBase = typeof doc.lang === 'string' ? baseLanguage(doc.lang) : null;
  const publishedAt = instant(doc.publishedAt) ?? new Date(0).toISOString();
  let expiresAt: string | null = null;
  if (typeof doc.expiresAt === 'string') {
    const ms = expiryTime(doc.expiresAt);
    expiresAt = instant(Number.isNaN(ms) ? undefined : new Date(ms).toISOString()) ?? null;
  }
  // Points of an item the schema would refuse are unknown, as for an item left out of the catalogue.
  const points = doc.points === undefined ? DEFAULT_POINTS : Number.isInteger(doc.points) && (doc.points as number) >= 0 ? (doc.points as number) : 0;
  return { category, langBase, publishedAt, expiresAt, points };
}

export async function putShareable(q: Queryable, doc: Json & { id: string }): Promise<void> {
  const c = shareableColumns(doc);
  await q.query(
    `INSERT INTO shareables (id, doc, category, lang_base, published_at, expires_at, points, withdrawn_at)
     VALUES ($1, $2::jsonb, $3, $4, $5::timestamptz, $6::timestamptz, $7, NULL)
     ON CONFLICT (id) DO UPDATE SET doc = excluded.doc, category = excluded.category, lang_base = excluded.lang_base,
       published_at = excluded.published_at, expires_at = excluded.expires_at, points = excluded.points, withdrawn_at = NULL`,
    [doc.id, JSON.stringify(doc), c.category, c.langBase, c.publishedAt, c.expiresAt, c.points],
  );
}

/** Withdraws an item: gone from the listing and from reads by id; points earned on it still count. */
export async function withdrawShareable(q: Queryable, id: string, now: Date): Promise<boolean> {
  const rows = await q.query('UPDATE shareables SET withdrawn_at = $2 WHERE id = $1 AND withdrawn_at IS NULL RETURNING id', [id, now.toISOString()]);
  return rows.length > 0;
}

export async function shareable(q: Queryable, id: string): Promise<unknown> {
  const [row] = await q.query<{ doc: unknown }>('SELECT doc FROM shareables WHERE id = $1 AND withdrawn_at IS NULL', [id]);
  return row?.doc;
}

export interface ListingQuery {
  category?: string;
  lang?: string;
  limit?: number;
  /** Where the previous page stopped: its last item's publication time (ms) and id. */
  after?: readonly [number, string];
}

/** Live items, newest `publishedAt` first then id (code-point order), as `queryShareables` lists them. */
export async function listShareables(q: Queryable, query: ListingQuery, now: Date): Promise<Page<unknown>> {
  const limit = Math.min(query.limit ?? DEFAULT_PAGE_SIZE, MAX_PAGE_SIZE);
  const rows = await q.query<{ doc: unknown; id: string; published_at: Date }>(
    `SELECT id, doc, published_at FROM shareables
     WHERE withdrawn_at IS NULL
       AND (expires_at IS NULL OR expires_at > $1::timestamptz)
       AND ($2::text IS NULL OR category = $2::text)
       AND ($3::text IS NULL OR lang_base = $3::text)
       AND ($4::timestamptz IS NULL OR published_at < $4::timestamptz OR (published_at = $4::timestamptz AND id COLLATE "C" > $5::text COLLATE "C"))
     ORDER BY published_at DESC, id COLLATE "C"
     LIMIT $6`,
    [
      now.toISOString(),
      query.category ?? null,
      query.lang === undefined ? null : baseLanguage(query.lang),
      query.after ? new Date(query.after[0]).toISOString() : null,
      query.after ? query.after[1] : null,
      limit + 1,
    ],
  );
  const page = rows.slice(0, limit);
  const last = page.at(-1);
  return {
    items: page.map((row) => row.doc),
    ...(rows.length > limit && last ? { nextCursor: encodeCursor([new Date(last.published_at).getTime(), last.id]) } : {}),
  };
}

// The cursor is opaque to clients: base64url of the JSON [publishedAt ms, id] of the last item.
export function encodeCursor(key: readonly [number, string]): string {
  return Buffer.from(JSON.stringify(key), 'utf8').toString('base64url');
}

export function decodeCursor(cursor: string): [number, string] | undefined {
  try {
    const key: unknown = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
    if (Array.isArray(key) && key.length === 2 && Number.isFinite(key[0]) && typeof key[1] === 'string') return [key[0] as number, key[1]];
  } catch {
    // Same answer for every malformed cursor, below.
  }
  return undefined;
}

// ---------------------------------------------------------------------------------------------
// Charter and acknowledgments

export async function currentCharter(q: Queryable): Promise<{ id: unknown; version: number; doc: Json } | undefined> {
  const [row] = await q.query<{ id: string; version: number; doc: Json }>('SELECT id, version, doc FROM charters ORDER BY seq DESC LIMIT 1');
  return row;
}

/** Makes publishers take turns until the transaction ends, so that two instances cannot both publish "the next" version. */
export async function lockCharterPublication(tx: Queryable): Promise<void> {
  await tx.query('SELECT pg_advisory_xact_lock(1380273218)');
}

export async function publishCharter(q: Queryable, doc: Json): Promise<void> {
  const version = Number.isInteger(doc.version) ? (doc.version as number) : 0;
  await q.query('INSERT INTO charters (id, version, doc) VALUES ($1, $2, $3::jsonb)', [typeof doc.id === 'string' ? doc.id : '', version, JSON.stringify(doc)]);
}

/** Records an acknowledgment; the first one of a (viewer, charter, version) stands. True if new. */
export async function recordAcknowledgment(q: Queryable, ack: { viewerId: string; charterId: string; version: number; at: string }): Promise<boolean> {
  const rows = await q.query(
    `INSERT INTO acknowledgments (viewer_id, charter_id, version, at, at_ts) VALUES ($1, $2, $3, $4, $5::timestamptz)
     ON CONFLICT (viewer_id, charter_id, version) DO NOTHING RETURNING viewer_id`,
    [ack.viewerId, ack.charterId, ack.version, ack.at, instant(ack.at) ?? null],
  );
  return rows.length > 0;
}

/** The viewer's acknowledgment of the current charter (by id) with the highest version, then the latest. */
export async function latestAcknowledgment(q: Queryable, viewerId: string): Promise<Acknowledgment | undefined> {
  const [row] = await q.query<{ viewer_id: string; charter_id: string; version: number; at: string }>(
    `SELECT a.viewer_id, a.charter_id, a.version, a.at FROM acknowledgments a
     WHERE a.viewer_id = $1 AND a.charter_id = (SELECT id FROM charters ORDER BY seq DESC LIMIT 1)
     ORDER BY a.version DESC, a.at_ts DESC NULLS LAST
     LIMIT 1`,
    [viewerId],
  );
  return row && { viewerId: row.viewer_id, charterId: row.charter_id, version: row.version, at: row.at };
}

export interface RegisterRow {
  viewerId: string;
  displayName?: string;
  team?: string;
  charterId: string;
  version: number;
  /** ISO 8601 in UTC, or the text as written when it names no instant. */
  at: string;
}

/** The acknowledgment register for HR: every acknowledgment, oldest first. */
export async function acknowledgmentRegister(q: Queryable): Promise<RegisterRow[]> {
  const rows = await q.query<{ viewer_id: string; display_name: string | null; team: string | null; charter_id: string; version: number; at: string; at_ts: Date | null }>(
    `SELECT a.viewer_id, p.display_name, p.team, a.charter_id, a.version, a.at, a.at_ts
     FROM acknowledgments a LEFT JOIN people p ON p.id = a.viewer_id
     ORDER BY a.at_ts NULLS LAST, a.viewer_id COLLATE "C", a.charter_id COLLATE "C", a.version`,
  );
  return rows.map((row) => ({
    viewerId: row.viewer_id,
    ...(row.display_name ? { displayName: row.display_name } : {}),
    ...(row.team ? { team: row.team } : {}),
    charterId: row.charter_id,
    version: row.version,
    at: row.at_ts ? new Date(row.at_ts).toISOString() : row.at,
  }));
}

// ---------------------------------------------------------------------------------------------
// Shares

/** Records a share event; the first recording of an id stands. True if new. */
export async function recordShare(q: Queryable, event: ShareEvent): Promise<boolean> {
  const at = instant(event.at);
  if (at === undefined) throw new RangeError(`Share ${event.id}: "${event.at}" names no instant between years 1 and 9999`);
  // One statement, so that the share and its (person, item) summary are never seen apart.
  const rows = await q.query(
    `WITH recorded AS (
       INSERT INTO shares (id, shareable_id, viewer_id, network, at, personalized) VALUES ($1, $2, $3, $4, $5::timestamptz, $6)
       ON CONFLICT (id) DO NOTHING RETURNING id, viewer_id, shareable_id, at, personalized
     ), summary AS (
       INSERT INTO person_items (viewer_id, shareable_id, first_at, personalized)
       SELECT viewer_id, shareable_id, at, personalized FROM recorded
       ON CONFLICT (viewer_id, shareable_id) DO UPDATE
         SET first_at = least(person_items.first_at, excluded.first_at), personalized = person_items.personalized OR excluded.personalized
     )
     SELECT id FROM recorded`,
    [event.id, event.shareableId, event.viewerId, event.network, at, event.personalized],
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
 * team, as on the leaderboard: teams of fewer than `minTeamSize` people merge into
 * `other-teams`, left out if it still gathers fewer; people with no team are not counted there.
 */
export async function shareStatistics(q: Queryable, by: StatsDimension, range: { from?: string; to?: string }, minTeamSize: number): Promise<StatsRow[]> {
  const params = [range.from ?? null, range.to ?? null];
  const inRange = '($1::timestamptz IS NULL OR e.at >= $1::timestamptz) AND ($2::timestamptz IS NULL OR e.at < $2::timestamptz)';
  if (by === 'team') {
    return q.query<StatsRow>(
      `WITH sizes AS (SELECT team, count(*)::int AS members FROM people WHERE team IS NOT NULL GROUP BY team),
       grouped AS (
         SELECT CASE WHEN s.members >= $3::int THEN s.team ELSE $4::text END AS key, s.team, s.members
         FROM sizes s
       ),
       keys AS (SELECT key FROM grouped GROUP BY key HAVING sum(members) >= $3::int)
       SELECT g.key, count(e.id)::int AS shares, (count(e.id) FILTER (WHERE e.personalized))::int AS personalized
       FROM grouped g
       JOIN keys k ON k.key = g.key
       JOIN people p ON p.team = g.team
       JOIN shares e ON e.viewer_id = p.id AND ${inRange}
       GROUP BY g.key
       ORDER BY shares DESC, g.key COLLATE "C"`,
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

// ---------------------------------------------------------------------------------------------
// Settings: guard policy, tiers, the demo viewer

export type SettingKey = 'guard-policy' | 'tiers' | 'document-viewer';

export async function setting(q: Queryable, key: SettingKey): Promise<unknown> {
  const [row] = await q.query<{ value: unknown }>('SELECT value FROM settings WHERE key = $1', [key]);
  return row?.value;
}

export async function putSetting(q: Queryable, key: SettingKey, value: unknown): Promise<void> {
  await q.query('INSERT INTO settings (key, value) VALUES ($1, $2::jsonb) ON CONFLICT (key) DO UPDATE SET value = excluded.value', [key, JSON.stringify(value)]);
}

// ---------------------------------------------------------------------------------------------
// Idempotency keys: the first answer to a (requester, key), with a hash of the request it answered

export interface StoredAnswer {
  requestHash: string;
  status: number;
  response: unknown;
}

export async function storedAnswer(q: Queryable, requester: string, key: string): Promise<StoredAnswer | undefined> {
  const [row] = await q.query<{ request_hash: string; status: number; response: unknown }>(
    'SELECT request_hash, status, response FROM idempotency_keys WHERE requester = $1 AND key = $2',
    [requester, key],
  );
  return row && { requestHash: row.request_hash, status: row.status, response: row.response };
}

/** Stores the answer; fails with a unique violation (see `isDuplicateKey`) when the key is stored already. */
export async function storeAnswer(q: Queryable, requester: string, key: string, answer: StoredAnswer): Promise<void> {
  await q.query('INSERT INTO idempotency_keys (requester, key, request_hash, status, response) VALUES ($1, $2, $3, $4, $5::jsonb)', [
    requester,
    key,
    answer.requestHash,
    answer.status,
    JSON.stringify(answer.response),
  ]);
}

/** Whether an error is PostgreSQL's unique violation: another request stored the same key first. */
export function isDuplicateKey(error: unknown): boolean {
  return (error as { code?: unknown } | null)?.code === '23505';
}

// ---------------------------------------------------------------------------------------------
// Leaderboard

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

// ---------------------------------------------------------------------------------------------
// Data documents

export interface ImportCounts {
  shareables: number;
  people: number;
  shares: number;
  acknowledgments: number;
}

/**
 * Imports a validated data document: shareables and people are written (replacing those with
 * the same id), shares and acknowledgments added (the first recording of each stands), the
 * guard policy and tiers replaced, and the charter published unless the current one has the
 * same or a later version.
 */
export async function importDocument(tx: Queryable, document: DataDocument): Promise<ImportCounts> {
  for (const item of document.shareables) await putShareable(tx, item);
  for (const value of document.people) await upsertPerson(tx, value);
  let shares = 0;
  for (const event of document.shares) if (await recordShare(tx, event)) shares++;
  let acknowledgments = 0;
  for (const ack of document.acknowledgments) if (await recordAcknowledgment(tx, ack)) acknowledgments++;
  await putSetting(tx, 'guard-policy', document.guardPolicy satisfies GuardPolicy);
  await putSetting(tx, 'tiers', document.tiers);
  if (document.viewer) await putSetting(tx, 'document-viewer', document.viewer);
  const current = await currentCharter(tx);
  if (!current || document.charter.version > current.version || document.charter.id !== current.id) await publishCharter(tx, document.charter);
  return { shareables: document.shareables.length, people: document.people.length, shares, acknowledgments };
}

/**
 * Replaces everything with `seed`, stored as given, the way a MemoryAdapter holds its data (the
 * test seam of `startServer({ seed })`): documents are kept as they are, bad values included,
 * so that the browser's schemas are what stops them; people, shares and acknowledgments that
 * cannot be stored at all (no id, no date) are left out, as MemoryAdapter leaves them out.
 */
export async function replaceWithSeed(db: Database, seed: DataDocumentInput): Promise<void> {
  const document = seed as unknown as Json;
  await db.transaction(async (tx) => {
    for (const table of ['idempotency_keys', 'acknowledgments', 'person_items', 'shares', 'charters', 'shareables', 'people', 'settings']) {
      await tx.query(`DELETE FROM ${table}`);
    }
    const list = (name: string): unknown[] => (Array.isArray(document[name]) ? (document[name] as unknown[]) : []);
    for (const item of list('shareables')) {
      if (item && typeof item === 'object' && typeof (item as Json).id === 'string') await putShareable(tx, item as Json & { id: string });
    }
    for (const item of list('people')) {
      const parsed = PersonSchema.safeParse(item);
      if (parsed.success) await upsertPerson(tx, parsed.data);
    }
    for (const item of list('shares')) {
      const parsed = ShareEventSchema.safeParse(item);
      if (parsed.success && instant(parsed.data.at)) await recordShare(tx, parsed.data);
    }
    for (const item of list('acknowledgments')) {
      // Kept with a bad date (served as it is, for the browser to stop); left out without a key.
      const ack = item as Partial<Acknowledgment> | null;
      const key = AcknowledgmentSchema.safeParse({ ...ack, at: '2000-01-01' });
      if (key.success && typeof ack?.at === 'string') await recordAcknowledgment(tx, { ...key.data, at: ack.at });
    }
    if (document.charter && typeof document.charter === 'object') {
      const charter = { ...(document.charter as Json) };
      // As parseDataDocument does: the charter is written in the document's language unless it says otherwise.
      if (charter.lang === undefined && typeof document.lang === 'string' && document.lang.trim()) charter.lang = document.lang.trim();
      await publishCharter(tx, charter);
    }
    await putSetting(tx, 'guard-policy', document.guardPolicy ?? DEFAULT_GUARD_POLICY);
    await putSetting(tx, 'tiers', document.tiers ?? []);
    if (document.viewer !== undefined) await putSetting(tx, 'document-viewer', document.viewer);
  });
}
