/**
 * The outbox: shares and acknowledgments are kept in browser storage with their idempotency key
 * before they are sent, and removed only when the server confirms them (or refuses them for
 * good), so that none is lost when the network or the server is down, a tab is closed, or the
 * page reloads. Models: Sentry's offline transport (an IndexedDB queue flushed on start and on
 * reconnect) and posthog-js's retry queue.
 *
 * It is sent: when a write is made; when the outbox starts (the page loads); when the browser
 * says it is `online` again; on a backoff timer after a failure (honouring `Retry-After`); and
 * on `pagehide`, with `fetch(…, { keepalive: true })`, which outlives the page. Every tab shares
 * the store; a lock shared by the tabs (see `runIfUnlocked`) lets one send at a time, and each
 * reads the store again before sending, so one write is never sent by two tabs at once.
 *
 * Every write belongs to the viewer who made it (`owner`: who was signed in on the page that kept
 * it). On a shared browser (one profile, several employees), a page sends, counts and deletes
 * only the writes of the viewer signed in on it (`viewer`): another employee's writes stay kept,
 * untouched, until their owner is signed in again on this browser. A write made before the page
 * knew who was signed in is this page's own: it is counted, and given to the viewer the server
 * names before anything is sent.
 */
import type { Clock } from '../../clock.js';
import { defaultStorage } from '../../client/browser-storage.js';
import { runIfUnlocked, type LockOptions } from './locks.js';
import { openOutboxStore, type OutboxEntry, type OutboxStorageKind, type OutboxStore } from './outbox-store.js';
import { backoffDelay, DEFAULT_BASE_DELAY, type RetryOptions } from './retry.js';
import type { SignOutOutcome } from '../types.js';

export type { OutboxEntry, OutboxStorageKind } from './outbox-store.js';

/** What sending one write came to. */
export type Delivery =
  /** The server holds it (2xx, or the first write of its key). */
  | { outcome: 'delivered' }
  /** Refused for good (a 4xx other than 408 and 429): sending it again would not help. */
  | { outcome: 'refused'; error: Error }
  /** Not now (network, timeout, 408, 429, 5xx): kept, and sent again later. */
  | { outcome: 'retry'; error: unknown; retryAfter?: number };

/** Whose writes a page may send: the viewer signed in on it. */
export interface OutboxViewer {
  /** The viewer's id as last known (their writes are counted); `undefined` while unknown (not asked yet, or signed out). */
  current(): string | undefined;
  /** Whether `current()` may send without asking again: false after an answer said the credentials are not the writes' author's. */
  sure(): boolean;
  /** Asks who is signed in (the server's `GET /viewer`); `undefined` when it cannot say now. Never rejects. */
  ask(): Promise<string | undefined>;
}

/** The viewer a write belongs to: who made it (for a write kept by an older version, the person it is about). */
export function ownerOf(entry: OutboxEntry): string {
  return entry.owner ?? entry.body.viewerId;
}

export interface OutboxOptions {
  /** Names the store and the lock: one outbox per endpoint. */
  name: string;
  /** Sends one write; never rejects. */
  send: (entry: OutboxEntry, init: { keepalive: boolean }) => Promise<Delivery>;
  clock: Clock;
  retry?: RetryOptions;
  /** Where to keep the writes first (falls back to the next kind). Default `indexeddb`. */
  storage?: OutboxStorageKind;
  /** The Web Locks API; `null` forces the storage lease (tests). */
  locks?: LockOptions['locks'];
  /**
   * Who is signed in: only their writes are sent, counted, and deleted. Without it every write
   * is this page's (an outbox of one person).
   */
  viewer?: OutboxViewer;
}

/** A write refused for good while no call was waiting for it. */
export type RefusedListener = (error: Error, entry: OutboxEntry) => void;

/** Stands for "every write is this page's": an outbox without a `viewer` option. */
const EVERYONE = Symbol();

/** What `keepalive` requests may carry in all, per page (the Fetch standard's limit is 64 KiB). */
const KEEPALIVE_BUDGET = 60_000;

export class Outbox {
  readonly #options: OutboxOptions;
  readonly #store: Promise<OutboxStore>;
  readonly #lockName: string;
  readonly #countListeners = new Set<(count: number) => void>();
  readonly #refusedListeners = new Set<RefusedListener>();
  /** Keys whose `submit` call is waiting: its caller hears a refusal, not the listeners. */
  readonly #awaited = new Set<string>();
  /** What came of the writes of `#awaited`, whichever pass sent them. */
  readonly #outcomes = new Map<string, Delivery>();
  /** Tells the other tabs that the store changed, so that their counts follow. */
  readonly #channel?: BroadcastChannel;
  #count: number | undefined;
  /** The store as last read, for `pagehide`, when there is no time to read it. */
  #known: OutboxEntry[] = [];
  #failures = 0;
  /** No attempt before this time (ms): the backoff after a failure. */
  #backoffUntil = 0;
  /** Nor before this one: the server's own `Retry-After`, which `online` does not lift. */
  #retryAfterUntil = 0;
  #cancelTimer = (): void => {};
  /** Writes this page kept before it knew who was signed in: its own, claimed by the viewer the server names. */
  readonly #unclaimed = new Set<string>();
  #pass?: Promise<boolean>;
  #nextPass?: Promise<boolean>;
  #closed = false;

  constructor(options: OutboxOptions) {
    this.#options = options;
    this.#lockName = `relais-outbox:${options.name}`;
    this.#store = openOutboxStore(options.name, options.storage);
    if (typeof BroadcastChannel === 'function') {
      this.#channel = new BroadcastChannel(this.#lockName);
      this.#channel.onmessage = () => void this.#recount(false).catch(() => {});
    }
    globalThis.addEventListener?.('online', this.#onOnline);
    globalThis.addEventListener?.('pagehide', this.#onPageHide);
    this.#flushInBackground();
  }

  /** The writes kept now (every tab's, every viewer's), oldest first. */
  async entries(): Promise<OutboxEntry[]> {
    return (await this.#store).list();
  }

  /** The writes kept now of the viewer signed in (none while unknown), oldest first. */
  async ownEntries(): Promise<OutboxEntry[]> {
    return this.#own(await (await this.#store).list());
  }

  /**
   * The viewer signed in changed (learned, or forgotten): counts again, and sends what the
   * viewer now signed in has kept (their writes, kept while someone else was signed in).
   */
  viewerChanged(): void {
    if (this.#closed) return;
    void this.#recount(false).catch(() => {});
    if (this.#options.viewer?.current() !== undefined) this.#flushInBackground();
  }

  /** Sends what is kept at once, the backoff lifted (not the server's `Retry-After`). */
  async flushNow(): Promise<void> {
    this.#backoffUntil = 0;
    await this.flush();
  }

  /**
   * Before a sign-out: sends the signed-in viewer's kept writes at once; what cannot go stays kept,
   * or is deleted with `discard`. Says how many went, stayed and were deleted.
   */
  async signOut(options: { discard?: boolean } = {}): Promise<SignOutOutcome> {
    const before = (await this.ownEntries()).length;
    await this.flushNow().catch(() => {});
    const left = (await this.ownEntries()).map((entry) => entry.key);
    if (options.discard && left.length) await this.discard(left);
    const discarded = options.discard ? left.length : 0;
    return { delivered: Math.max(0, before - left.length), kept: left.length - discarded, discarded };
  }

  /** Deletes these kept writes without sending them (a kiosk's sign-out that must leave nothing behind). */
  async discard(keys: readonly string[]): Promise<void> {
    const store = await this.#store;
    await this.#ifUnlocked(async () => {
      for (const key of keys) await store.delete(key);
    });
    await this.#recount(true);
  }

  /** Of `entries`, the viewer's own: all of them without a `viewer` option, none while the viewer is unknown. */
  #own(entries: OutboxEntry[], viewer = this.#viewerNow()): OutboxEntry[] {
    if (viewer === EVERYONE) return entries;
    return entries.filter((entry) => this.#unclaimed.has(entry.key) || (viewer !== undefined && ownerOf(entry) === viewer));
  }

  /** This page's writes kept before it knew who was signed in become the viewer's the server named. */
  async #claim(store: OutboxStore, entries: OutboxEntry[], viewer: string): Promise<OutboxEntry[]> {
    if (!this.#unclaimed.size) return entries;
    const claimed: OutboxEntry[] = [];
    for (const entry of entries) {
      if (!this.#unclaimed.delete(entry.key) || ownerOf(entry) === viewer) {
        claimed.push(entry);
        continue;
      }
      const mine = { ...entry, owner: viewer };
      await store.put(mine);
      claimed.push(mine);
    }
    return claimed;
  }

  #viewerNow(): string | typeof EVERYONE | undefined {
    return this.#options.viewer ? this.#options.viewer.current() : EVERYONE;
  }

  /** The kind of storage in use, once it is open. */
  async storageKind(): Promise<OutboxStorageKind> {
    return (await this.#store).kind;
  }

  /**
   * Keeps `entry`, then sends it (with anything older) unless a backoff or another tab's
   * sending holds it back. Resolves `delivered` when the server confirmed it, `pending` when it
   * stays kept for later; rejects with the server's refusal, the entry dropped.
   */
  async submit(submitted: OutboxEntry): Promise<'delivered' | 'pending'> {
    const store = await this.#store;
    const viewer = this.#options.viewer?.current();
    // Whose it is: the viewer signed in; not known yet, the person it is about, until the server names the viewer.
    const entry: OutboxEntry = this.#options.viewer ? { ...submitted, owner: viewer ?? submitted.owner ?? submitted.body.viewerId } : submitted;
    if (this.#options.viewer && viewer === undefined) this.#unclaimed.add(entry.key);
    this.#awaited.add(entry.key);
    try {
      // Kept before any request: a crash, a reload or a closed tab from here on loses nothing.
      await store.put(entry);
      this.#known = [...this.#known.filter((known) => known.key !== entry.key), entry];
      await this.#recount(true);
      if (!this.#waiting()) {
        const ran = await this.#sendAll();
        // Another tab was sending: it may have read the store before this entry was added.
        if (!ran && !this.#outcomes.has(entry.key)) this.#retryIn(this.#options.retry?.baseDelay ?? DEFAULT_BASE_DELAY);
      }
      const delivery = this.#outcomes.get(entry.key);
      if (delivery?.outcome === 'refused') throw delivery.error;
      return delivery?.outcome === 'delivered' ? 'delivered' : 'pending';
    } finally {
      this.#awaited.delete(entry.key);
      this.#outcomes.delete(entry.key);
    }
  }

  /** Sends what is kept, unless a backoff holds it back (then its timer will). */
  async flush(): Promise<void> {
    if (!this.#waiting()) await this.#sendAll();
  }

  /** A flush that no call waits for (start, timer, `online`): a storage failure is told in the console, and tried again later. */
  #flushInBackground(): void {
    this.flush().catch((error: unknown) => {
      console.warn('Relais: the outbox could not be read or updated; it will try again', error);
      this.#failed(undefined);
    });
  }

  /** Tells `listener` how many of the signed-in viewer's writes are kept (every tab's), at once and on every change; returns a function that removes it. */
  onCount(listener: (count: number) => void): () => void {
    this.#countListeners.add(listener);
    if (this.#count === undefined) void this.#recount(false).catch(() => {});
    else listener(this.#count);
    return () => this.#countListeners.delete(listener);
  }

  /** Tells `listener` of each write refused for good while no call waited for it (sent from an earlier page, or after a failure). */
  onRefused(listener: RefusedListener): () => void {
    this.#refusedListeners.add(listener);
    return () => this.#refusedListeners.delete(listener);
  }

  /** Stops the timers and listeners (the kept writes stay kept, for the next page). */
  close(): void {
    this.#closed = true;
    this.#cancelTimer();
    this.#channel?.close();
    globalThis.removeEventListener?.('online', this.#onOnline);
    globalThis.removeEventListener?.('pagehide', this.#onPageHide);
  }

  /** Runs `task` holding the lock every tab of this outbox shares, unless another holds it (see `runIfUnlocked`). */
  #ifUnlocked(task: () => Promise<void>): Promise<boolean> {
    return runIfUnlocked(this.#lockName, task, { clock: this.#options.clock, storage: defaultStorage(), locks: this.#options.locks });
  }

  #waiting(): boolean {
    return this.#closed || this.#options.clock.now().getTime() < Math.max(this.#backoffUntil, this.#retryAfterUntil);
  }

  /**
   * One pass at a time per outbox; asked for during one, another follows it (the running one may
   * have read the store already). Resolves whether it ran: false when another tab (or adapter)
   * held the lock.
   */
  #sendAll(): Promise<boolean> {
    if (this.#pass) {
      this.#nextPass ??= this.#pass.then(() => {
        this.#nextPass = undefined;
        return this.#waiting() || this.#sendAll();
      });
      return this.#nextPass;
    }
    this.#pass = this.#sendAllNow().finally(() => (this.#pass = undefined));
    return this.#pass;
  }

  async #sendAllNow(): Promise<boolean> {
    const store = await this.#store;
    const deliveries = new Map<string, Delivery>();
    let stop = false;
    const ran = await this.#ifUnlocked(async () => {
      // Read again until nothing is left: writes added meanwhile, by this tab or another, go too.
      while (!stop && !this.#closed) {
        let entries = await store.list();
        this.#known = entries;
        if (!entries.some((entry) => !deliveries.has(entry.key))) break;
        // Whose writes these credentials may send: asked of the server when not known yet.
        const viewer = this.#options.viewer?.sure() === false ? await this.#options.viewer.ask() : (this.#viewerNow() ?? (await this.#options.viewer?.ask()));
        if (viewer === undefined) {
          // Nobody known to be signed in (the server unreachable, or no session): later.
          this.#failed(undefined);
          stop = true;
          break;
        }
        if (typeof viewer === 'string') entries = this.#known = await this.#claim(store, entries, viewer);
        const todo = this.#own(entries, viewer).filter((entry) => !deliveries.has(entry.key));
        if (!todo.length) break;
        for (const entry of todo) {
          const delivery = await this.#options.send(entry, { keepalive: false });
          deliveries.set(entry.key, delivery);
          if (this.#awaited.has(entry.key)) this.#outcomes.set(entry.key, delivery);
          if (delivery.outcome === 'retry') {
            this.#failed(delivery.retryAfter);
            stop = true;
            break;
          }
          this.#failures = 0;
          await store.delete(entry.key);
          if (delivery.outcome === 'refused' && !this.#awaited.has(entry.key)) {
            for (const listener of this.#refusedListeners) listener(delivery.error, entry);
          }
        }
      }
    });
    await this.#recount(deliveries.size > 0);
    return ran;
  }

  #failed(retryAfter: number | undefined): void {
    this.#failures++;
    const now = this.#options.clock.now().getTime();
    const wait = backoffDelay(this.#failures, this.#options.retry);
    this.#backoffUntil = now + wait;
    this.#retryAfterUntil = retryAfter === undefined ? 0 : now + retryAfter;
    this.#retryIn(Math.max(wait, retryAfter ?? 0));
  }

  #retryIn(delay: number): void {
    if (this.#closed) return;
    this.#cancelTimer();
    this.#cancelTimer = this.#options.clock.schedule(() => this.#flushInBackground(), delay);
  }

  /** Reads how many are kept; tells the listeners (and the other tabs, when this tab changed the store). */
  async #recount(changedHere: boolean): Promise<void> {
    const count = this.#own(await (await this.#store).list()).length;
    if (changedHere && !this.#closed) this.#channel?.postMessage('changed');
    if (count === this.#count) return;
    this.#count = count;
    for (const listener of this.#countListeners) listener(count);
  }

  /** Back online: the backoff was guessing; the server's `Retry-After` still holds. */
  #onOnline = (): void => {
    this.#backoffUntil = 0;
    this.#flushInBackground();
  };

  /**
   * The page is going away (or into the back-forward cache): what is kept is sent with
   * `keepalive`, which the browser completes after the page is gone. Whatever the page does not
   * hear confirmed stays kept, and is sent again by the next page: the server counts it once.
   */
  #onPageHide = (): void => {
    // The last chance before the next visit: the backoff was guessing, `Retry-After` was not.
    if (this.#closed || this.#options.clock.now().getTime() < this.#retryAfterUntil || !this.#known.length) return;
    // Not sure who is signed in now: what this page kept waits for the next page, which asks.
    if (this.#options.viewer?.sure() === false) return;
    let budget = KEEPALIVE_BUDGET;
    // The viewer's own only: on a shared browser, the next employee's credentials may already be in use.
    const entries = this.#own(this.#known).filter((entry) => (budget -= JSON.stringify(entry.body).length + 200) > 0);
    if (!entries.length) return;
    void this.#ifUnlocked(async () => {
      const store = await this.#store;
      await Promise.all(
        entries.map(async (entry) => {
          if ((await this.#options.send(entry, { keepalive: true })).outcome === 'delivered') await store.delete(entry.key);
        }),
      );
    }).catch(() => {});
  };
}
