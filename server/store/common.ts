/** What every part of the store shares. */

/** A stored JSON document, read as leniently as the columns beside it need. */
export type Json = Record<string, unknown>;

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

/**
 * SQL reading a `timestamptz` column as ISO 8601 text in UTC (`0001-03-04T05:06:07.089Z`), formatted
 * by the database itself: the drivers' own date parsing is not trusted (PGlite reads year 1 as
 * 2004, two-digit years as the 1900s and 2000s). `column` is a column name of our own SQL, never input.
 */
export function isoText(column: string): string {
  return `to_char(${column} AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')`;
}

const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

/** Why `text` cannot be stored as PostgreSQL text (a NUL, a lone surrogate), or undefined. */
export function unsafeText(text: string): string | undefined {
  if (text.includes('\u0000')) return 'must not contain a NUL character (\\u0000)';
  if (LONE_SURROGATE.test(text)) return 'must not contain a lone surrogate (text that is not UTF-16)';
  return undefined;
}
