/**
 * `relais/api`: the public API, without registering anything. `relais` (which also registers the
 * elements) and the script-tag bundle (which registers them with the script tag's prefix) build
 * on it. Only what a page, an adapter author or a theme needs; internals stay internal.
 */
// The element classes and their types, `ELEMENTS`, `defineElements`: one place per element, the list.
export * from './elements.js';

export type * from '../src/model/index.js';
export { RelaisDataError } from '../src/model/index.js';
export { MemoryAdapter, type MemoryAdapterOptions } from '../src/adapters/memory-adapter.js';
export { StaticAdapter, type StaticAdapterOptions } from '../src/adapters/static-adapter.js';
export { RestAdapter, RestError, type RestAdapterOptions, type RetryOptions, type SignOutOutcome } from '../src/adapters/rest/rest-adapter.js';
export { computeLeaderboard, type LeaderboardInput } from '../src/leaderboard/rules.js';
export type { AdvocacyAdapter, ShareablesQuery, UnsyncedWrite, ViewerIdentity } from '../src/adapters/types.js';
export { RelaisClient, systemClock, type Clock, type Loadable, type RelaisClientOptions, type RelaisErrorInfo, type ShareRequest, type PendingWrite } from '../src/client/index.js';
export type { CharterReason, CharterStanding, CharterStatus } from '../src/charter-banner/status.js';
export { relaisClientContext } from '../src/context/index.js';
export { configure, resetConfiguration, type RelaisConfig } from '../src/config/page-client.js';
export { registerAdapterFactory, type AdapterFactory, type DeclarativeConfig } from '../src/config/declarative.js';
export { registerLocale, type Catalogue } from '../src/i18n/index.js';
export type { RelaisEvent, RelaisEventMap, RelaisEventName } from '../src/events/index.js';
export type * from '../src/events/index.js';
export { compilePolicy, checkPost, type CompiledGuard, type GuardReport, type Finding, type CheckOptions } from '../src/guard/index.js';
export { shareIntent, type ShareContent, type ShareIntent, type ShareIntentOptions } from '../src/share/index.js';
export { VERSION as version } from '../src/version.js';
