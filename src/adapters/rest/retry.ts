/**
 * When to try an HTTP request again, and how long to wait first: pure functions, shared by the
 * RestAdapter's reads and its outbox.
 */

/** How the RestAdapter retries. */
export interface RetryOptions {
  /** Attempts after the first, for a read (the outbox keeps trying writes until the server answers). Default 3. */
  retries?: number;
  /** The first wait, in ms; each next one doubles, with jitter. Default 500. */
  baseDelay?: number;
  /** The longest wait between two attempts, in ms; a read told by `Retry-After` to wait longer fails at once. Default 30,000. */
  maxDelay?: number;
  /** A number in [0, 1) for the jitter (tests give a fixed one). Default `Math.random`. */
  random?: () => number;
}

export const DEFAULT_RETRIES = 3;
export const DEFAULT_BASE_DELAY = 500;
export const DEFAULT_MAX_DELAY = 30_000;

/**
 * The wait before attempt `failures + 1`, in ms: `baseDelay × 2^(failures − 1)`, at most
 * `maxDelay`, of which a random half is taken off ("equal jitter"), so that the clients that a
 * server outage failed together do not all come back in the same second.
 */
export function backoffDelay(failures: number, options: RetryOptions = {}): number {
  const base = options.baseDelay ?? DEFAULT_BASE_DELAY;
  const max = options.maxDelay ?? DEFAULT_MAX_DELAY;
  const ceiling = Math.min(max, base * 2 ** Math.max(0, Math.min(failures - 1, 30)));
  const random = Math.min(Math.max((options.random ?? Math.random)(), 0), 1);
  return Math.round(ceiling / 2 + (ceiling / 2) * random);
}

/**
 * A `Retry-After` header in ms from `now`: delay-seconds (`120`) or an HTTP date; `undefined`
 * when absent or unreadable, 0 for a date already past.
 */
export function parseRetryAfter(value: string | null | undefined, now: Date): number | undefined {
  const text = value?.trim();
  if (!text) return undefined;
  if (/^\d+$/.test(text)) return Number(text) * 1000;
  // An HTTP date names its day and month ("Wed, 18 Nov 2026 12:00:00 GMT"); "-5" would parse as a year.
  const date = /[a-z]/i.test(text) ? Date.parse(text) : Number.NaN;
  return Number.isNaN(date) ? undefined : Math.max(0, date - now.getTime());
}

/** Whether an answer with this status may succeed if asked again: 408, 429 and every 5xx. */
export function isRetryableStatus(status: number): boolean {
  return status === 408 || status === 429 || status >= 500;
}
