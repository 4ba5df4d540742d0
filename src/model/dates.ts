import { DAY_MS } from '../time.js';

/**
 * When something dated `expiresAt` stops being live, in milliseconds since the epoch. A plain
 * date (`2026-11-30`) means "until the end of that day" (UTC), as an editor who writes it means
 * it; a date-time means that instant. `NaN` for a date that cannot be read. The one reading of
 * expiry dates: adapters, the share card's model and the reference server's SQL all use it.
 */
export function expiryTime(expiresAt: string): number {
  const isPlainDate = !expiresAt.includes('T');
  return Date.parse(expiresAt) + (isPlainDate ? DAY_MS : 0);
}

/** Whether an item has expired at `now` (see {@link expiryTime}). */
export function isExpired(item: { expiresAt?: string | undefined }, now: Date): boolean {
  return item.expiresAt !== undefined && expiryTime(item.expiresAt) <= now.getTime();
}
