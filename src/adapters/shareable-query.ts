/**
 * Listing shareables: filtering, ordering and cursor pagination, pure and shared by every
 * adapter that holds the whole catalogue in the browser.
 */
import { baseLanguage } from '../i18n/language.js';
import { isExpired, type Page, type Shareable } from '../model/index.js';
import type { ShareablesQuery } from './types.js';
import { DEFAULT_PAGE_SIZE } from '../contract/data.js';

export { DEFAULT_PAGE_SIZE };

/** Whether two language tags share their base language: `fr` matches `fr-FR` and `fr-CA`. */
export function sameBaseLanguage(a: string, b: string): boolean {
  return baseLanguage(a) === baseLanguage(b);
}

/**
 * One page of the live catalogue: unexpired items matching the query, newest `publishedAt`
 * first (then by id, so that items published together keep one order across pages).
 *
 * The cursor remembers the last item returned rather than a position, so that an item
 * published between two page loads neither repeats nor hides an item. It is opaque: pass back
 * `nextCursor` as it came. A cursor that was not made here rejects with an Error.
 */
export function queryShareables(catalogue: readonly Shareable[], query: ShareablesQuery = {}, now: Date): Page<Shareable> {
  const limit = query.limit ?? DEFAULT_PAGE_SIZE;
  const after = query.cursor === undefined ? undefined : decodeCursor(query.cursor);
  const matching = catalogue
    .filter((item) => !isExpired(item, now))
    .filter((item) => !query.category || item.category === query.category)
    .filter((item) => !query.lang || sameBaseLanguage(item.lang, query.lang))
    .map((item) => ({ item, key: keyOf(item) }))
    .sort((a, b) => compareKeys(a.key, b.key));
  const start = after ? matching.findIndex(({ key }) => compareKeys(key, after) > 0) : 0;
  const remaining = start < 0 ? [] : matching.slice(start);
  const page = remaining.slice(0, limit);
  const last = page.at(-1);
  return {
    items: page.map(({ item }) => item),
    ...(remaining.length > limit && last ? { nextCursor: encodeCursor(last.key) } : {}),
  };
}

/** Where an item stands in the listing order: publication time, then id. */
type SortKey = readonly [publishedAt: number, id: string];

function keyOf(item: Shareable): SortKey {
  return [Date.parse(item.publishedAt), item.id];
}

/** Negative when `a` is listed before `b`: newest first, then ids in code-point order. */
function compareKeys(a: SortKey, b: SortKey): number {
  return b[0] - a[0] || (a[1] < b[1] ? -1 : a[1] > b[1] ? 1 : 0);
}

// Base64url of UTF-8 JSON: opaque, safe in a URL, and any id (accents included) survives.
function encodeCursor(key: SortKey): string {
  const bytes = new TextEncoder().encode(JSON.stringify(key));
  return btoa(String.fromCharCode(...bytes)).replaceAll('+', '-').replaceAll('/', '_').replace(/=+$/, '');
}

function decodeCursor(cursor: string): SortKey {
  try {
    const binary = atob(cursor.replaceAll('-', '+').replaceAll('_', '/'));
    const key: unknown = JSON.parse(new TextDecoder().decode(Uint8Array.from(binary, (char) => char.charCodeAt(0))));
    if (Array.isArray(key) && key.length === 2 && typeof key[0] === 'number' && typeof key[1] === 'string') {
      return [key[0], key[1]];
    }
  } catch {
    // Fall through to the error below: the cause is the same for every malformed cursor.
  }
  throw new Error(`Invalid shareables cursor "${cursor}": pass back the nextCursor of a previous page unchanged.`);
}
