/** Shareables: written as documents, listed live with a cursor. */
import { baseLanguage } from '../../src/i18n/language.js';
import { DEFAULT_PAGE_SIZE, DEFAULT_POINTS } from '../../src/contract/data.js';
import { CATEGORIES, expiryTime, type Page } from '../../src/model/index.js';
import type { Queryable } from '../db.js';
import { instant, isoText, unsafeText, type Json } from './common.js';

/** The largest page served. */
export const MAX_PAGE_SIZE = 100;

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

/**
 * Why an item may not be shared at `at` (ISO), or undefined when it may: it exists, is not
 * withdrawn, was published by `now` and had not expired at `at`.
 */
export async function unshareable(q: Queryable, id: string, at: string, now: Date): Promise<string | undefined> {
  const [row] = await q.query<{ withdrawn: boolean; published: boolean; live: boolean }>(
    `SELECT withdrawn_at IS NOT NULL AS withdrawn, published_at <= $2::timestamptz AS published,
            (expires_at IS NULL OR expires_at > $3::timestamptz) AS live
     FROM shareables WHERE id = $1`,
    [id, now.toISOString(), at],
  );
  if (!row) return `no shareable "${id}"`;
  if (row.withdrawn) return `"${id}" has been withdrawn`;
  if (!row.published) return `"${id}" is not published yet`;
  if (!row.live) return `"${id}" had expired`;
  return undefined;
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
  const rows = await q.query<{ doc: unknown; id: string; published_at: string }>(
    `SELECT id, doc, ${isoText('published_at')} AS published_at FROM shareables
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
    ...(rows.length > limit && last ? { nextCursor: encodeCursor([Date.parse(last.published_at), last.id]) } : {}),
  };
}

// The cursor is opaque to clients: base64url of the JSON [publishedAt ms, id] of the last item.
export function encodeCursor(key: readonly [number, string]): string {
  return Buffer.from(JSON.stringify(key), 'utf8').toString('base64url');
}

export function decodeCursor(cursor: string): [number, string] | undefined {
  try {
    const key: unknown = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
    // A time PostgreSQL can hold (years 1 to 9999) and text it can store: anything else was not made here.
    if (Array.isArray(key) && key.length === 2 && typeof key[0] === 'number' && typeof key[1] === 'string') {
      const [ms, id] = key as [number, string];
      const valid = Number.isFinite(ms) && Math.abs(ms) <= 8.64e15 && instant(new Date(ms).toISOString()) !== undefined;
      if (valid && !unsafeText(id)) return [ms, id];
    }
  } catch {
    // Same answer for every malformed cursor, below.
  }
  return undefined;
}
