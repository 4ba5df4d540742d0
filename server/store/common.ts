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

const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

/** Why `text` cannot be stored as PostgreSQL text (a NUL, a lone surrogate), or undefined. */
export function unsafeText(text: string): string | undefined {
  if (text.includes('\u0000')) return 'must not contain a NUL character (\\u0000)';
  if (LONE_SURROGATE.test(text)) return 'must not contain a lone surrogate (text that is not UTF-16)';
  return undefined;
}
