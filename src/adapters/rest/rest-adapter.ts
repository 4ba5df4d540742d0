import type {
  Acknowledgment,
  Charter,
  GuardPolicy,
  Leaderboard,
  LeaderboardQuery,
  Page,
  Shareable,
  ShareEvent,
  Viewer,
} from '../../model/index.js';
import { RelaisDataError } from '../../model/index.js';
import { systemClock, type Clock } from '../../clock.js';
import { Outbox, ownerOf, type Delivery, type OutboxEntry, type OutboxStorageKind } from './outbox.js';
import { backoffDelay, DEFAULT_MAX_DELAY, DEFAULT_RETRIES, isRetryableStatus, parseRetryAfter, type RetryOptions } from './retry.js';
import type { AdvocacyAdapter, ShareablesQuery, SignOutOutcome, UnsyncedWrite } from '../types.js';
import { acknowledgmentIdempotencyKey } from '../../contract/data.js';
import { IDEMPOTENCY_KEY_HEADER, isRestErrorCode, shareIdempotencyKey, type RestErrorCode } from '../../contract/rest.js';

export type { RetryOptions } from './retry.js';
export type { OutboxStorageKind } from './outbox.js';
export type { SignOutOutcome } from '../types.js';

/** How long one request may take, in ms, by default: 10 s. */
export const DEFAULT_REQUEST_TIMEOUT = 10_000;

/** Options of {@link RestAdapter}. */
export interface RestAdapterOptions {
  /** The base URL of the REST API, e.g. `https://intranet.example/relais/api/v1`; resolved against the page's address. */
  endpoint: string | URL;
  /** Headers added to every request, asked for each one (a bearer token that is renewed): `() => ({ Authorization: \`Bearer ${token}\` })`. */
  headers?: () => HeadersInit | Promise<HeadersInit>;
  /** Whether cookies go with the requests: `include` for an intranet's same-site session cookie on another origin. Default `same-origin`. */
  credentials?: RequestCredentials;
  /** How long one request may take, in ms, before it is aborted and counted as failed. Default 10,000. */
  timeout?: number;
  /** How failed requests are tried again (exponential backoff with jitter). */
  retry?: RetryOptions;
  /** The clock of timeouts and backoff timers (tests give a manual one). Default: the real time. */
  clock?: Clock;
  /** The `fetch` to use. Default: the page's. */
  fetch?: (input: string, init: RequestInit) => Promise<Response>;
  /**
   * The outbox: `storage`, where writes wait for the server (`indexeddb` first by default);
   * `name`, which outbox (default: the endpoint; adapters of one name, in any tab, share it);
   * `locks: false` makes tabs take turns through a storage lease instead of the Web Locks API.
   */
  outbox?: { storage?: OutboxStorageKind; name?: string; locks?: boolean };
}

/**
 * A non-2xx answer of the REST API: `status`, and its `{ error: { code, message, field? } }`.
 * `code` is `http-<status>` when the answer carries no code of the contract (a proxy's error page).
 */
export class RestError extends Error {
  override readonly name = 'RestError';
  constructor(
    message: string,
    readonly status: number,
    readonly code: RestErrorCode | `http-${number}`,
    readonly field?: string,
  ) {
    super(message);
  }
}

/** Failed in a way that may succeed later: network, timeout, 408, 429, 5xx. */
class TransientError extends Error {
  constructor(
    message: string,
    readonly retryAfter?: number,
    options?: ErrorOptions,
  ) {
    super(message, options);
  }
}

/**
 * Reads and writes through the Relais REST API (docs/rest-api.md; the reference server is in
 * `server/`). Every answer is checked by the model's schemas in the validating layer that the
 * client puts around any adapter, like a third party's: a bad field is a RelaisDataError naming it.
 *
 * Reads are tried again on a network error, a timeout, 408, 429 and 5xx (3 more times by
 * default, waiting 0.5 s, 1 s, 2 s with jitter, or what `Retry-After` says); other 4xx fail at
 * once with a {@link RestError}; 404 on `shareable(id)` and `acknowledgment(viewerId)` is
 * `undefined`.
 *
 * Writes go through the **outbox**: kept in IndexedDB (else localStorage, else memory, with a
 * warning) with their idempotency key (the share's event id; `ack:<viewerId>:<charterId>:<version>`)
 * before the request, removed once the server confirms. `recordShare` and `acknowledge`
 * resolve when the server confirmed, or when the write is kept for later because the server
 * could not be reached (`onUnsynced` counts them: the elements say "will sync"); they reject
 * when the server refuses for good (4xx other than 408 and 429), and the write is dropped. The
 * outbox is sent again on start, when the browser is back online, on a backoff timer, and on
 * `pagehide` (`keepalive`); tabs take turns through the Web Locks API. A `409
 * idempotency-conflict` means the server already holds a write of that key: the first write
 * wins, as the adapter interface says.
 *
 * **One outbox, each write its author's.** A browser profile can be shared (a kiosk, a family
 * computer): every kept write belongs to the viewer who made it, and a page sends, counts and
 * deletes only the writes of the viewer signed in on it, as the server says (`GET /viewer`,
 * asked before sending kept writes when the page has not asked yet). A 401, or a 403 naming
 * `viewerId`, means the credentials are not the write's author's: it stays kept for them, and is
 * sent when they are signed in again on this browser. {@link RestAdapter.beforeSignOut} sends a
 * viewer's writes before a sign-out, and can delete what is left (docs/security.md).
 *
 * @example
 * ```ts
 * import { RestAdapter } from 'relais/adapters/rest';
 * configure({ adapter: new RestAdapter({ endpoint: '/relais/api/v1', headers: async () => ({ Authorization: `Bearer ${await token()}` }) }) });
 * ```
 */
export class RestAdapter implements AdvocacyAdapter {
  readonly #options: RestAdapterOptions;
  readonly #endpoint: string;
  readonly #clock: Clock;
  readonly #outbox: Outbox;
  /** Who is signed in on this page, as the server last answered `GET /viewer`: only this viewer's kept writes are sent. */
  #viewerId: string | undefined;
  /** An answer said these credentials are not `#viewerId`'s any more (401, 403 on viewerId): ask again before sending. */
  #unsure = false;
  #asking?: Promise<string | undefined>;

  constructor(options: RestAdapterOptions) {
    this.#options = options;
    this.#endpoint = new URL(options.endpoint, globalThis.location?.href).href.replace(/\/+$/, '');
    this.#clock = options.clock ?? systemClock;
    this.#outbox = new Outbox({
      name: options.outbox?.name ?? this.#endpoint,
      send: (entry, init) => this.#deliver(entry, init.keepalive),
      clock: this.#clock,
      retry: options.retry,
      storage: options.outbox?.storage,
      locks: options.outbox?.locks === false ? null : undefined,
      viewer: { current: () => this.#viewerId, sure: () => !this.#unsure, ask: () => this.#askViewer() },
    });
  }

  async viewer(): Promise<Viewer> {
    const viewer = await this.#read('/viewer', 'viewer');
    this.#signedIn(idOf(viewer));
    return viewer as Viewer;
  }

  async shareables(query: ShareablesQuery = {}): Promise<Page<Shareable>> {
    return (await this.#read(`/shareables${queryString(query)}`, 'shareables')) as Page<Shareable>;
  }

  async shareable(id: string): Promise<Shareable | undefined> {
    return (await this.#read(`/shareables/${encodeURIComponent(id)}`, 'shareable', true)) as Shareable | undefined;
  }

  async recordShare(event: ShareEvent): Promise<void> {
    await this.#outbox.submit({ key: shareIdempotencyKey(event), kind: 'share', body: event, createdAt: this.#clock.now().getTime() });
  }

  async charter(): Promise<Charter> {
    return (await this.#read('/charter', 'charter')) as Charter;
  }

  /**
   * The server's answer, unless this browser holds a later acknowledgment of the same charter
   * that the server has not confirmed yet: a reload while it waits in the outbox does not ask the
   * viewer again for what they already did.
   */
  async acknowledgment(viewerId: string): Promise<Acknowledgment | undefined> {
    const [held, kept] = await Promise.all([
      this.#read(`/acknowledgments/${encodeURIComponent(viewerId)}`, 'acknowledgment', true) as Promise<Acknowledgment | undefined>,
      // The signed-in viewer's own writes only: never another employee's, on a shared browser.
      (async () => {
        if (this.#viewerId === undefined || this.#unsure) await this.#askViewer();
        return this.#outbox.ownEntries();
      })().catch(() => []),
    ]);
    // Not an acknowledgment at all: returned as it is, for the validating layer to name.
    if (held !== undefined && (typeof held !== 'object' || held === null)) return held;
    let latest = held;
    for (const entry of kept) {
      if (entry.kind !== 'acknowledgment' || entry.body.viewerId !== viewerId) continue;
      // None on the server yet, or a newer version of the same charter.
      if (!latest || (entry.body.charterId === latest.charterId && entry.body.version > latest.version)) latest = entry.body;
    }
    return latest;
  }

  async acknowledge(ack: Acknowledgment): Promise<void> {
    await this.#outbox.submit({ key: acknowledgmentIdempotencyKey(ack), kind: 'acknowledgment', body: ack, createdAt: this.#clock.now().getTime() });
  }

  async leaderboard(query: LeaderboardQuery): Promise<Leaderboard> {
    return (await this.#read(`/leaderboard${queryString(query)}`, 'leaderboard')) as Leaderboard;
  }

  async guardPolicy(): Promise<GuardPolicy> {
    return (await this.#read('/guard-policy', 'guard policy')) as GuardPolicy;
  }

  /** Tells `listener` how many of the signed-in viewer's writes wait in the outbox for the server (every tab's), at once and on each change. */
  onUnsynced(listener: (count: number) => void): () => void {
    return this.#outbox.onCount(listener);
  }

  /** Tells `listener` of a kept write that the server refused for good while no call waited for it (the write is dropped). */
  onWriteRefused(listener: (error: Error, write: UnsyncedWrite) => void): () => void {
    return this.#outbox.onRefused((error, entry) => listener(error, { kind: entry.kind, key: entry.key }));
  }

  /** Sends the outbox now, unless a backoff or the server's `Retry-After` holds it back. */
  flush(): Promise<void> {
    return this.#outbox.flush();
  }

  /**
   * For a shared computer (a kiosk, one browser profile for several employees): call it before
   * the page signs the viewer out, while their credentials still hold. Sends the viewer's kept
   * writes at once; what cannot be delivered now stays kept on this browser for the viewer's next
   * visit, or is deleted with `discard: true` (then lost). Until it learns again who is signed in
   * (`viewer()`, or this page's next write), the adapter then sends nothing. Other viewers'
   * writes are never touched.
   */
  async beforeSignOut(options: { discard?: boolean } = {}): Promise<SignOutOutcome> {
    if (this.#viewerId === undefined) return { delivered: 0, kept: 0, discarded: 0 };
    const outcome = await this.#outbox.signOut(options);
    this.#viewerId = undefined;
    this.#unsure = false;
    this.#outbox.viewerChanged();
    return outcome;
  }

  /** Stops the outbox's timers and listeners; what it keeps stays kept for the next page. */
  close(): void {
    this.#outbox.close();
  }

  /** The server says who is signed in: their kept writes may go, and only theirs. */
  #signedIn(viewerId: string | undefined): void {
    if (viewerId === undefined || (viewerId === this.#viewerId && !this.#unsure)) return;
    this.#viewerId = viewerId;
    this.#unsure = false;
    this.#outbox.viewerChanged();
  }

  /** Who is signed in, asked of the server once (no retries: the outbox has its own backoff); `undefined` when it cannot say. */
  #askViewer(): Promise<string | undefined> {
    this.#asking ??= (async () => {
      try {
        const response = await this.#fetch('GET', '/viewer');
        const id = response.ok ? idOf(JSON.parse(response.text) as unknown) : undefined;
        this.#signedIn(id);
        return id;
      } catch {
        return undefined;
      } finally {
        this.#asking = undefined;
      }
    })();
    return this.#asking;
  }

  /** A GET, tried again on transient failures; the parsed JSON (not yet validated), or `undefined` for a 404 when `missingIsUndefined`. */
  async #read(path: string, entity: string, missingIsUndefined = false): Promise<unknown> {
    const retry = this.#options.retry ?? {};
    for (let failures = 0; ; ) {
      try {
        const response = await this.#fetch('GET', path);
        if (response.status === 404 && missingIsUndefined) return undefined;
        if (!response.ok) throw this.#failure('GET', path, response);
        try {
          return JSON.parse(response.text) as unknown;
        } catch {
          throw new RelaisDataError(entity, '', [`(value): the answer of GET ${this.#endpoint}${path} is not JSON`]);
        }
      } catch (error) {
        if (!(error instanceof TransientError) || failures >= (retry.retries ?? DEFAULT_RETRIES)) throw unwrap(error);
        failures++;
        const wait = Math.max(backoffDelay(failures, retry), error.retryAfter ?? 0);
        // A page does not hold a read for minutes: the element shows the error and offers to try again.
        if (wait > (retry.maxDelay ?? DEFAULT_MAX_DELAY)) throw unwrap(error);
        if (wait > 0) await new Promise((resolve) => this.#clock.schedule(() => resolve(undefined), wait));
      }
    }
  }

  /** Sends one kept write, once; what came of it (never rejects). */
  async #deliver(entry: OutboxEntry, keepalive: boolean): Promise<Delivery> {
    const path = entry.kind === 'share' ? '/shares' : '/acknowledgments';
    try {
      const response = await this.#fetch('POST', path, { body: entry.body, idempotencyKey: entry.key, keepalive });
      // The confirmation is the status; its body says nothing the outbox needs.
      if (response.ok) return { outcome: 'delivered' };
      const failure = this.#failure('POST', path, response);
      if (failure instanceof RestError && failure.status === 409 && failure.code === 'idempotency-conflict') return { outcome: 'delivered' };
      if (failure instanceof TransientError) return { outcome: 'retry', error: failure, retryAfter: failure.retryAfter };
      if (notTheOwners(failure, entry)) {
        // These credentials are not the write's author's (signed out, or someone else signed in on
        // this browser): the write is not wrong, it waits for its owner. Ask again who is signed in.
        this.#unsure = true;
        return { outcome: 'retry', error: failure };
      }
      return { outcome: 'refused', error: failure };
    } catch (error) {
      return { outcome: 'retry', error };
    }
  }

  /** One request within `timeout`; a network failure or the timeout is a TransientError. */
  async #fetch(method: 'GET' | 'POST', path: string, write?: { body: unknown; idempotencyKey: string; keepalive: boolean }): Promise<Answer> {
    const url = `${this.#endpoint}${path}`;
    const timeout = this.#options.timeout ?? DEFAULT_REQUEST_TIMEOUT;
    const controller = new AbortController();
    const timedOut = new TransientError(`Relais: ${method} ${url} timed out after ${timeout} ms (option timeout)`);
    let expire!: (error: Error) => void;
    const deadline = new Promise<never>((_resolve, reject) => (expire = reject));
    deadline.catch(() => {});
    const cancel = write?.keepalive
      ? () => {}
      : this.#clock.schedule(() => {
          expire(timedOut);
          controller.abort(timedOut);
        }, timeout);
    try {
      const headers = new Headers(await this.#options.headers?.());
      headers.set('Accept', 'application/json');
      if (write) {
        headers.set('Content-Type', 'application/json');
        headers.set(IDEMPOTENCY_KEY_HEADER, write.idempotencyKey);
      }
      const fetchImpl = this.#options.fetch ?? ((input: string, init: RequestInit) => globalThis.fetch(input, init));
      const init: RequestInit = { method, headers, credentials: this.#options.credentials ?? 'same-origin', signal: controller.signal };
      if (write) Object.assign(init, { body: JSON.stringify(write.body), keepalive: write.keepalive });
      const response = await Promise.race([fetchImpl(url, init), deadline]);
      // The body is read within the same deadline: a server that stalls mid-answer is a timeout too.
      const text = await Promise.race([response.text(), deadline]);
      return { status: response.status, ok: response.ok, headers: response.headers, text };
    } catch (error) {
      if (error instanceof TransientError) throw error;
      if (controller.signal.aborted) throw timedOut;
      throw new TransientError(`Relais: ${method} ${url} failed: ${String(error)}`, undefined, { cause: error });
    } finally {
      cancel();
    }
  }

  /** The error of a non-2xx answer: a TransientError when asking again may help, else a RestError naming the server's code and field. */
  #failure(method: string, path: string, response: Answer): Error {
    let detail: { code?: unknown; message?: unknown; field?: unknown } = {};
    try {
      detail = (JSON.parse(response.text) as { error?: typeof detail }).error ?? {};
    } catch {
      // Not the contract's error body (a proxy's HTML page): the status says enough.
    }
    const code = isRestErrorCode(detail.code) ? detail.code : (`http-${response.status}` as const);
    const field = typeof detail.field === 'string' ? detail.field : undefined;
    const said = typeof detail.message === 'string' ? `: ${detail.message}` : '';
    // A code outside the contract is still named in the message, for whoever reads the console.
    const named = typeof detail.code === 'string' ? detail.code : code;
    const message = `Relais: ${method} ${this.#endpoint}${path} answered ${response.status} ${named}${said}${field ? ` (field ${field})` : ''}`;
    if (isRetryableStatus(response.status)) return new TransientError(message, parseRetryAfter(response.headers.get('retry-after'), this.#clock.now()));
    return new RestError(message, response.status, code, field);
  }
}

/** An HTTP answer, read whole within the request's deadline. */
interface Answer {
  status: number;
  ok: boolean;
  headers: Headers;
  text: string;
}

/** A transient failure that is given up on, as the caller sees it: an Error naming what failed. */
function unwrap(error: unknown): unknown {
  return error instanceof TransientError ? new Error(error.message, { cause: error.cause ?? error }) : error;
}

/** The `id` of a viewer answer, if it has one. */
function idOf(viewer: unknown): string | undefined {
  const id = (viewer as { id?: unknown } | null)?.id;
  return typeof id === 'string' && id ? id : undefined;
}

/**
 * A refusal that says who sent the write, not what it holds: 401 (no session, or an expired one)
 * or a 403 naming `viewerId` for a write about its own author (someone else is signed in now).
 * The write waits for its owner.
 */
function notTheOwners(failure: Error, entry: OutboxEntry): boolean {
  if (!(failure instanceof RestError)) return false;
  // A write for someone else refused (an admin no longer): refused for good, asking again would not help.
  return failure.status === 401 || (failure.status === 403 && failure.field === 'viewerId' && entry.body.viewerId === ownerOf(entry));
}

/** `?a=1&b=2` from the defined values of `query`, or nothing. */
function queryString(query: object): string {
  const params = new URLSearchParams();
  for (const [name, value] of Object.entries(query)) if (value !== undefined && value !== null) params.set(name, String(value));
  const text = params.toString();
  return text ? `?${text}` : '';
}
