/**
 * Thin, cached wrappers around `Intl`. Building an `Intl` formatter costs far more than using
 * one, and a leaderboard formats hundreds of numbers per render, so each (locale, options) pair
 * is built once.
 *
 * A locale tag that `Intl` rejects (a typo in a `lang` attribute or in the configuration) falls
 * back to English rather than throwing inside the host page.
 */
import { baseLanguage } from './language.js';

/** Date styles, as `Intl.DateTimeFormat`'s `dateStyle`. */
export type DateStyle = 'full' | 'long' | 'medium' | 'short';

const cache = new Map<string, unknown>();

function cached<T>(kind: string, locale: string, options: object | undefined, make: (locale: string) => T): T {
  const key = `${kind}|${locale}|${options ? JSON.stringify(options) : ''}`;
  let formatter = cache.get(key) as T | undefined;
  if (!formatter) {
    try {
      formatter = make(locale);
    } catch (error) {
      if (!(error instanceof RangeError)) throw error;
      formatter = make('en');
    }
    cache.set(key, formatter);
  }
  return formatter;
}

/** Formats a number for `locale`: `formatNumber('fr', 1234.5)` is `1 234,5` (U+202F as the group separator). */
export function formatNumber(locale: string, n: number, options?: Intl.NumberFormatOptions): string {
  return cached('number', locale, options, (tag) => new Intl.NumberFormat(tag, options)).format(n);
}

/**
 * The browser's first `Intl` number format of a page loads its locale data: 15–87 ms in one task
 * in Chromium 156 on the 2-core machines here (later ones take microseconds). Made in idle time
 * when the first element of a locale connects, rather than in the render that first shows a
 * figure (a composer's first report, a board's first points), which was then a long task; work
 * that must not share a task with it (the guard's first check) waits for the promise.
 */
const warmedLocales = new Map<string, Promise<void>>();
export function warmUpFormats(locale: string): Promise<void> {
  let warmed = warmedLocales.get(locale);
  if (!warmed) {
    warmed = new Promise<void>((resolve) => {
      const whenIdle = (globalThis as { requestIdleCallback?: (callback: () => void, options?: { timeout: number }) => number }).requestIdleCallback;
      const warm = () => {
        formatNumber(locale, 0);
        resolve();
      };
      // Idle time, but soon: a page busy from its start (a policy compiling in slices) has none for long.
      if (whenIdle) whenIdle(warm, { timeout: 100 });
      else setTimeout(warm, 0);
    });
    warmedLocales.set(locale, warmed);
  }
  return warmed;
}

// `new Date('2026-11-22')` is midnight UTC, which is the 21st west of Greenwich: a plain date
// is a calendar day, so it is read as local midnight instead.
const PLAIN_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

function toDate(value: Date | string | number): Date {
  if (typeof value === 'string') {
    const plain = PLAIN_DATE.exec(value);
    if (plain) return new Date(Number(plain[1]), Number(plain[2]) - 1, Number(plain[3]));
  }
  return value instanceof Date ? value : new Date(value);
}

/**
 * Formats a calendar date (no time) for `locale`. Accepts a `Date`, a timestamp, or an ISO 8601
 * string; a plain `YYYY-MM-DD` is that day wherever the reader is. An invalid date gives `''`.
 *
 * French writes the first day of a month as an ordinal, « le 1er décembre 2026 », where `Intl`
 * (CLDR) gives « 1 décembre 2026 »: when the month is in words, day 1 becomes « 1er ». Numeric
 * dates (`01/12/2026`) stay as they are.
 */
export function formatDate(locale: string, date: Date | string | number, style: DateStyle = 'long'): string {
  const value = toDate(date);
  if (Number.isNaN(value.getTime())) return '';
  const formatter = cached('date', locale, { style }, (tag) => new Intl.DateTimeFormat(tag, { dateStyle: style }));
  if (value.getDate() !== 1 || baseLanguage(formatter.resolvedOptions().locale) !== 'fr') return formatter.format(value);
  const parts = formatter.formatToParts(value);
  if (!parts.some((part) => part.type === 'month' && /\p{L}/u.test(part.value))) return formatter.format(value);
  return parts.map((part) => (part.type === 'day' && /^0?1$/.test(part.value) ? '1er' : part.value)).join('');
}

/**
 * A day offset in words: `-1` is "yesterday" / "hier", `3` is "in 3 days" / "dans 3 jours".
 */
export function formatRelativeDays(locale: string, days: number): string {
  return cached('relative', locale, undefined, (tag) => new Intl.RelativeTimeFormat(tag, { numeric: 'auto' })).format(
    days,
    'day',
  );
}

/** Joins items as a sentence: "LinkedIn, X and Mastodon" / « LinkedIn, X et Mastodon ». */
export function formatList(
  locale: string,
  items: Iterable<string>,
  type: Intl.ListFormatType = 'conjunction',
): string {
  return cached('list', locale, { type }, (tag) => new Intl.ListFormat(tag, { type })).format(items);
}

/** The CLDR plural category of `n` in `locale`: in French 0 and 1 are `one`, in English only 1 is. */
export function pluralCategory(locale: string, n: number): Intl.LDMLPluralRule {
  return cached('plural', locale, undefined, (tag) => new Intl.PluralRules(tag)).select(n);
}
