/**
 * Every read and write of the server's data, in SQL with parameters only. Functions take a
 * `Queryable` so that a handler can run several of them in one transaction.
 *
 * Documents (shareables, charters, the guard policy, tiers) are stored as the JSON they were
 * written with and served as they are: what the API writes is validated first, and data from
 * elsewhere (an older version, a hand edit, a test seed) reaches the browser unchanged, where
 * the adapter's schemas stop a bad value and name its field rather than the server hiding it.
 *
 * One module per concern; this one gathers them, so that callers write `store.recordShare`.
 */
export { DEFAULT_MIN_TEAM_SIZE } from '../../src/leaderboard/rules.js';
export * from './common.js';
export * from './people.js';
export * from './shareables.js';
export * from './charters.js';
export * from './shares.js';
export * from './settings.js';
export * from './idempotency.js';
export * from './leaderboard.js';
export * from './documents.js';
