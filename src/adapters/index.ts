/**
 * Data adapters: where Relais reads and writes its data. The shipped ones, the wrapper that
 * validates any adapter, and the pure helpers a custom adapter can reuse.
 */
export type { AdvocacyAdapter, ShareablesQuery, UnsyncedWrite, ViewerIdentity } from './types.js';
export { MemoryAdapter, type MemoryAdapterOptions } from './memory-adapter.js';
export {
  DEFAULT_MAX_BYTES,
  DEFAULT_TIMEOUT,
  MAX_STORED_ACKNOWLEDGMENTS,
  MAX_STORED_SHARES,
  StaticAdapter,
  type StaticAdapterOptions,
} from './static-adapter.js';
export { DEFAULT_REQUEST_TIMEOUT, RestAdapter, RestError, type RestAdapterOptions, type OutboxStorageKind } from './rest/rest-adapter.js';
export { backoffDelay, isRetryableStatus, parseRetryAfter, type RetryOptions } from './rest/retry.js';
export { invalidItemMessage, MAX_LOGGED_INVALID_ITEMS, type InvalidItemListener } from './invalid-items.js';
export { validatingAdapter, isValidatingAdapter } from './validating-adapter.js';
export { unavailableAdapter } from './unavailable-adapter.js';
export {
  BADGES,
  DEFAULT_MIN_TEAM_SIZE,
  OTHER_TEAMS_ID,
  competitionRanks,
  computeLeaderboard,
  periodRange,
  type Badge,
  type LeaderboardInput,
  type TimeRange,
} from '../leaderboard/rules.js';
export { isExpired } from '../model/index.js';
export { DEFAULT_PAGE_SIZE, queryShareables, sameBaseLanguage } from './shareable-query.js';
export { LOCAL_VIEWER_KEY, randomUUID, type KeyValueStorage } from '../client/browser-storage.js';
