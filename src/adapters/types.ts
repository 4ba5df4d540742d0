import type {
  Acknowledgment,
  Charter,
  GuardPolicy,
  Leaderboard,
  LeaderboardQuery,
  Page,
  Shareable,
  ShareablesQuery,
  ShareEvent,
  Viewer,
} from '../model/index.js';

export type { ShareablesQuery };

/**
 * Where Relais reads and writes its data. Implement it to wire your own source; run the
 * conformance suite from `relais/testing` against your implementation.
 *
 * Values returned are treated as untrusted: every one is parsed by the zod schemas of
 * `src/model` before an element sees it (see `validatingAdapter`).
 */
export interface AdvocacyAdapter {
  viewer(): Promise<Viewer>;
  shareables(query?: ShareablesQuery): Promise<Page<Shareable>>;
  shareable(id: string): Promise<Shareable | undefined>;
  /** Idempotent on `event.id`: recording the same event twice counts it once. */
  recordShare(event: ShareEvent): Promise<void>;
  charter(): Promise<Charter>;
  acknowledgment(viewerId: string): Promise<Acknowledgment | undefined>;
  /** Idempotent on (viewerId, charterId, version). */
  acknowledge(ack: Acknowledgment): Promise<void>;
  leaderboard(query: LeaderboardQuery): Promise<Leaderboard>;
  guardPolicy(): Promise<GuardPolicy>;
}

/** Who is looking, as given by the page (adapter options, script-tag `data-viewer-*`). */
export interface ViewerIdentity {
  id: string;
  displayName: string;
  team?: string;
}
