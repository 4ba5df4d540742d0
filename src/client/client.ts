import { atom, type ReadableAtom } from 'nanostores';
import { randomUUID } from './browser-storage.js';
import type { AdvocacyAdapter, ShareablesQuery, SignOutOutcome } from '../adapters/types.js';
import { validatingAdapter } from '../adapters/validating-adapter.js';
import type {
  Acknowledgment,
  Charter,
  GuardPolicy,
  Leaderboard,
  LeaderboardQuery,
  Network,
  Page,
  Shareable,
  ShareEvent,
  ShareKind,
  Viewer,
} from '../model/index.js';
import { isShare } from '../model/index.js';
import { systemClock, type Clock } from '../clock.js';
import { acknowledgmentIdempotencyKey } from '../contract/data.js';
import { toErrorInfo, toWarningInfo, type RelaisErrorInfo } from './errors.js';
import { LocalState, type LocalStateOptions } from './local-state.js';
import { resource, type Loadable, type Resource } from './resource.js';

export interface RelaisClientOptions {
  /** The clock of every date and timer of the client and of the elements on it; the real time by default. */
  clock?: Clock;
  /** Where the viewer's own choices in this browser are kept; `localStorage` and `sessionStorage` by default. */
  storage?: LocalStateOptions;
}

export interface ShareRequest {
  shareableId: string;
  network: Network;
  /** Whether the employee changed the suggested text: authentic voices count. */
  personalized: boolean;
  /** `copy-link`: the address was copied, not shared (no points); by default a share. */
  kind?: ShareKind;
}

/** Warnings a client keeps at most; later ones are not kept (the console still names each, up to its own limit). */
export const MAX_WARNINGS = 100;

export interface PendingWrite {
  /** The write's idempotency key: the share's event id, or `ack:<viewerId>:<charterId>:<version>`. */
  id: string;
  kind: 'share' | 'acknowledgment';
  state: 'sending' | 'failed';
  error?: RelaisErrorInfo;
  /**
   * Failed while no call waited for it: a write kept on the device (the RestAdapter's outbox)
   * that the server refused for good later. No caller heard of it, so elements report it
   * (`reportFailedWrites` of the element kit), once per page.
   */
  background?: boolean;
}

/**
 * One client per adapter, shared by every element on the page (or under one provider): the
 * stores hold what was read, so acknowledging the charter in one element unlocks sharing in
 * another at once, and a share updates every leaderboard.
 */
export class RelaisClient {
  /** The adapter, wrapped so that every value crossing it is validated. */
  readonly adapter: AdvocacyAdapter;
  /** The one clock seam: every date and timer goes through it. */
  readonly clock: Clock;
  /** The viewer's own choices in this browser (snoozes, dismissals), shared by every element and tab. */
  readonly localState: LocalState;

  readonly #viewer: Resource<Viewer>;
  readonly #charter: Resource<Charter>;
  readonly #acknowledgment: Resource<Acknowledgment | undefined>;
  readonly #guardPolicy: Resource<GuardPolicy>;
  readonly #shareables = new Map<string, Resource<Shareable | undefined>>();
  readonly #shareableLists = new Map<string, Resource<Page<Shareable>>>();
  readonly #leaderboards = new Map<string, Resource<Leaderboard>>();
  readonly #pendingWrites = atom<readonly PendingWrite[]>([]);
  readonly #warnings = atom<readonly RelaisErrorInfo[]>([]);
  readonly #unsynced = atom(0);
  /** The viewer's points of all time as read after this page's last share. */
  #lastViewerPoints: number | undefined;

  readonly $viewer: ReadableAtom<Loadable<Viewer>>;
  readonly $charter: ReadableAtom<Loadable<Charter>>;
  readonly $acknowledgment: ReadableAtom<Loadable<Acknowledgment | undefined>>;
  readonly $guardPolicy: ReadableAtom<Loadable<GuardPolicy>>;
  /**
   * This page's writes while the adapter handles them (`sending`), and those that failed
   * (`failed`, with the error): a call that was refused, or a write kept on the device that the
   * server refused for good later (`onWriteRefused`). Elements report each failure once.
   */
  readonly $pendingWrites: ReadableAtom<readonly PendingWrite[]> = this.#pendingWrites;
  /**
   * How many shares and acknowledgments are saved on this device but not yet confirmed by the
   * server: the RestAdapter's outbox, shared by every tab of the site (0 with adapters that keep
   * no outbox). Elements show a discreet "saved on this device, will sync" while it is not zero.
   * A store of its own rather than more `$pendingWrites` entries: those are this page's calls,
   * with their errors; these are durable and outlive the page (a reload, another tab, yesterday's
   * visit), and all an element needs of them is whether any is left.
   */
  readonly $unsynced: ReadableAtom<number> = this.#unsynced;
  /**
   * Items left out because they are invalid (a shareable with a `javascript:` URL…), reported by
   * the adapter or by the validating layer, in the order found: each `code: 'invalid-data'`,
   * `severity: 'warning'`, with its `field` (`shareables[2].url`) and a developer message. The
   * rest of the data works; elements fire `relais-error` with `severity: 'warning'` from it.
   * At most {@link MAX_WARNINGS}.
   */
  readonly $warnings: ReadableAtom<readonly RelaisErrorInfo[]> = this.#warnings;

  constructor(adapter: AdvocacyAdapter, options: RelaisClientOptions = {}) {
    this.adapter = validatingAdapter(adapter);
    this.clock = options.clock ?? systemClock;
    this.localState = new LocalState(options.storage);

    this.#viewer = resource(() => this.adapter.viewer());
    this.#charter = resource(() => this.adapter.charter());
    this.#acknowledgment = resource(async () => {
      const viewer = await this.#ready(this.#viewer);
      return this.adapter.acknowledgment(viewer.id);
    });
    this.#guardPolicy = resource(() => this.adapter.guardPolicy());

    this.$viewer = this.#viewer.$state;
    this.$charter = this.#charter.$state;
    this.$acknowledgment = this.#acknowledgment.$state;
    this.$guardPolicy = this.#guardPolicy.$state;

    this.adapter.onUnsynced?.((count) => this.#unsynced.set(Number.isInteger(count) && count > 0 ? count : 0));
    this.adapter.onWriteRefused?.((error, write) => {
      const others = this.#pendingWrites.get().filter((pending) => pending.id !== write.key);
      this.#pendingWrites.set([...others, { id: write.key, kind: write.kind, state: 'failed', error: toErrorInfo(error), background: true }]);
      // The charter standing showed it acknowledged: ask the source what it holds.
      if (write.kind === 'acknowledgment') void this.#acknowledgment.load(true);
    });
    this.adapter.onInvalidItem?.((error) => {
      const warnings = this.#warnings.get();
      if (warnings.length < MAX_WARNINGS) this.#warnings.set([...warnings, toWarningInfo(error)]);
    });
  }

  /** The store of one shareable, loaded on first use and shared by every card showing it. */
  shareable(id: string): ReadableAtom<Loadable<Shareable | undefined>> {
    return this.#shareable(id).$state;
  }

  shareables(query: ShareablesQuery = {}): ReadableAtom<Loadable<Page<Shareable>>> {
    return this.#cached(this.#shareableLists, JSON.stringify(query), () => this.adapter.shareables(query)).$state;
  }

  /** A leaderboard store; every leaderboard is refreshed after the viewer shares. */
  leaderboard(query: LeaderboardQuery): ReadableAtom<Loadable<Leaderboard>> {
    const key = JSON.stringify([query.period, query.scope, query.limit]);
    return this.#cached(this.#leaderboards, key, () => this.adapter.leaderboard(query)).$state;
  }

  /** Loads the charter and the viewer's acknowledgment again (after an error, or on demand). */
  async reloadCharter(): Promise<void> {
    await Promise.all([this.#viewer.load(this.$viewer.get().status === 'error'), this.#charter.load(true)]);
    await this.#acknowledgment.load(true);
  }

  /** Loads the guard policy again (after an error, or a policy the guard refused). */
  async reloadGuardPolicy(): Promise<void> {
    await this.#guardPolicy.load(true);
  }

  /**
   * For a shared computer: call it before the page signs the viewer out. The adapter sends the
   * viewer's writes kept on this device while their credentials hold (a RestAdapter's outbox);
   * what cannot go now stays for their next visit, or is deleted with `discard: true`. Other
   * viewers' writes are never touched. With an adapter that keeps nothing on the device: nothing to do.
   */
  async beforeSignOut(options: { discard?: boolean } = {}): Promise<SignOutOutcome> {
    return (await this.adapter.beforeSignOut?.(options)) ?? { delivered: 0, kept: 0, discarded: 0 };
  }

  /** Loads again everything that ended in an error. */
  async retryFailed(): Promise<void> {
    const all = [this.#viewer, this.#charter, this.#acknowledgment, this.#guardPolicy, ...this.#shareables.values(), ...this.#shareableLists.values(), ...this.#leaderboards.values()];
    await Promise.all(all.filter((item) => item.$state.get().status === 'error').map((item) => item.load(true)));
  }

  /**
   * Acknowledges the current charter for the viewer. The charter status changes at once
   * (optimistically) and is rolled back if the adapter refuses the write.
   */
  async acknowledge(): Promise<Acknowledgment> {
    const [viewer, charter] = await Promise.all([this.#ready(this.#viewer), this.#ready(this.#charter)]);
    const previous = this.$acknowledgment.get();
    const acknowledgment: Acknowledgment = {
      viewerId: viewer.id,
      charterId: charter.id,
      version: charter.version,
      at: this.clock.now().toISOString(),
    };
    this.#acknowledgment.set(acknowledgment);
    try {
      await this.#write('acknowledgment', acknowledgmentIdempotencyKey(acknowledgment), () => this.adapter.acknowledge(acknowledgment));
    } catch (error) {
      if (previous.status === 'ready') this.#acknowledgment.set(previous.value);
      else void this.#acknowledgment.load(true);
      throw error;
    }
    return acknowledgment;
  }

  /**
   * Records that the viewer shared an item, then refreshes the leaderboards. Returns the event
   * and the points it earned (0 when the viewer had already earned this item's points).
   *
   * **Durable first**: the write goes to the adapter before anything else (no read, no request of
   * the client's own comes first; the RestAdapter keeps it in its outbox before it sends it), so
   * that a page left right after the click loses nothing. The points come afterwards: the viewer's
   * total read again after the write, against what this page already knew before it (a
   * leaderboard it holds, or its last share); when either is not known, or the write waits on the
   * device for the server (`$unsynced`), the item's points, without waiting for a read.
   */
  async recordShare(request: ShareRequest): Promise<{ event: ShareEvent; pointsEarned: number }> {
    // The viewer is read before any share can be offered (the card's charter gate needs them).
    const viewer = await this.#ready(this.#viewer);
    const event: ShareEvent = {
      id: randomUUID(),
      shareableId: request.shareableId,
      viewerId: viewer.id,
      network: request.network,
      at: this.clock.now().toISOString(),
      personalized: request.personalized,
      ...(request.kind === 'copy-link' ? { kind: 'copy-link' as const } : {}),
    };
    // A copied link is recorded apart and earns nothing: no leaderboard to read or reload.
    if (!isShare(event)) {
      await this.#write('share', event.id, () => this.adapter.recordShare(event));
      return { event, pointsEarned: 0 };
    }
    // What this page knows already, without asking: nothing may go before the write.
    const before = this.#knownViewerPoints();
    await this.#write('share', event.id, () => this.adapter.recordShare(event));
    // Afterwards: the leaderboards read again, and the points.
    const reloading = Promise.all([...this.#leaderboards.values()].map((board) => board.load(true)));
    if (this.#unsynced.get() > 0) {
      // Kept on the device: the server is not taking writes now, and reads would only retry. The
      // points are what this page knows (the item's); the leaderboards follow when they can.
      const item = this.#shareable(request.shareableId).$state.get();
      return { event, pointsEarned: item.status === 'ready' ? (item.value?.points ?? 0) : 0 };
    }
    await reloading;
    const after = await this.#viewerPoints();
    if (after !== undefined) this.#lastViewerPoints = after;
    const shareableState = before === undefined || after === undefined ? await this.#shareable(request.shareableId).load() : undefined;
    const pointsEarned = before === undefined || after === undefined ? (shareableState?.value?.points ?? 0) : Math.max(0, after - before);
    return { event, pointsEarned };
  }

  /** The viewer's points of all time as this page knows them now (a leaderboard it holds, or read after its last share), without a request. */
  #knownViewerPoints(): number | undefined {
    for (const [key, board] of this.#leaderboards) {
      const state = board.$state.get();
      // Keys are `["all","people",…]`, or `["all",null,…]` for the default scope, people.
      if (/^\["all",("people"|null),/.test(key) && state.status === 'ready') return state.value.entries.find((entry) => entry.isViewer)?.points ?? 0;
    }
    return this.#lastViewerPoints;
  }

  async #viewerPoints(): Promise<number | undefined> {
    try {
      // The top row and the viewer's: all that is needed of a board that may hold everyone.
      const board = await this.adapter.leaderboard({ period: 'all', scope: 'people', limit: 1 });
      return board.entries.find((entry) => entry.isViewer)?.points ?? 0;
    } catch {
      return undefined;
    }
  }

  async #write(kind: PendingWrite['kind'], id: string, send: () => Promise<void>): Promise<void> {
    const others = () => this.#pendingWrites.get().filter((write) => write.id !== id);
    this.#pendingWrites.set([...others(), { id, kind, state: 'sending' }]);
    try {
      await send();
      this.#pendingWrites.set(others());
    } catch (error) {
      this.#pendingWrites.set([...others(), { id, kind, state: 'failed', error: toErrorInfo(error) }]);
      throw error;
    }
  }

  #shareable(id: string): Resource<Shareable | undefined> {
    return this.#cached(this.#shareables, id, () => this.adapter.shareable(id));
  }

  #cached<T>(cache: Map<string, Resource<T>>, key: string, loader: () => Promise<T>): Resource<T> {
    let entry = cache.get(key);
    if (!entry) {
      entry = resource(loader);
      cache.set(key, entry);
    }
    return entry;
  }

  async #ready<T>(item: Resource<T>): Promise<T> {
    const state = await item.load(item.$state.get().status === 'error');
    if (state.status === 'ready') return state.value;
    // Rethrow the adapter's own error (a RelaisDataError keeps its field), else say what failed.
    const original = state.error?.error;
    throw original instanceof Error ? original : new Error(state.error?.message ?? 'not loaded', { cause: original });
  }
}
