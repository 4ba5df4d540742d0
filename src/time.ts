/** Milliseconds in a day: renewal periods, snoozes, expiry dates and weeks are counted in days. */
export const DAY_MS = 86_400_000;
