import type {
  RelaisDataError,
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
  /**
   * Optional: adds a listener told of every item the adapter left out because it is invalid (a
   * shareable with a `javascript:` URL, a person without a name…), each as a RelaisDataError
   * whose `field` names it; items left out before the listener was added are told at once.
   * Returns a function that removes the listener. `RelaisClient` listens and keeps them in
   * `$warnings`. An adapter that returns bad items as they are need not have it: the validating
   * layer drops them from listings and reports them itself.
   */
  onInvalidItem?(listener: (error: RelaisDataError) => void): () => void;
  /**
   * Optional, for adapters that keep writes on the device until their source confirms them (the
   * RestAdapter's outbox): tells `listener` how many are waiting, at once and on every change.
   * `RelaisClient` keeps it in `$unsynced`. Returns a function that removes the listener.
   */
  onUnsynced?(listener: (count: number) => void): () => void;
  /**
   * Optional, with `onUnsynced`: tells `listener` of a kept write that the source refused for
   * good while no call was waiting for it (one kept by an earlier page, say); the write is
   * dropped. `RelaisClient` puts it in `$pendingWrites` as `failed`.
   */
  onWriteRefused?(listener: (error: Error, write: UnsyncedWrite) => void): () => void;
  /**
   * Optional, with `onUnsynced`: for a shared computer, called before the page signs the viewer
   * out. Sends the viewer's kept writes while their credentials hold; what cannot go now stays
   * for their next visit on this browser, or is deleted with `discard: true`. Never touches
   * another viewer's writes. `RelaisClient.beforeSignOut` calls it.
   */
  beforeSignOut?(options?: { discard?: boolean }): Promise<SignOutOutcome>;
}

/** What `beforeSignOut` did with the viewer's kept writes. */
export interface SignOutOutcome {
  /** Delivered just now, while the viewer's credentials still held. */
  delivered: number;
  /** Still kept on this browser, for the viewer's next visit (sent when they are signed in again). */
  kept: number;
  /** Deleted undelivered (`discard: true`): lost. */
  discarded: number;
}

/** A write kept on the device until the source confirms it: which kind, and its idempotency key. */
export interface UnsyncedWrite {
  kind: 'share' | 'acknowledgment';
  /** The share's event id, or `ack:<viewerId>:<charterId>:<version>`. */
  key: string;
}

/** Who is looking, as given by the page (adapter options, script-tag `data-viewer-*`). */
export interface ViewerIdentity {
  id: string;
  displayName: string;
  team?: string;
}
