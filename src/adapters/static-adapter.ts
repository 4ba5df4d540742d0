import type {
  Acknowledgment,
  Charter,
  DataDocumentInput,
  GuardPolicy,
  Leaderboard,
  LeaderboardQuery,
  Page,
  Shareable,
  ShareEvent,
  Viewer,
} from '../model/index.js';
import { AcknowledgmentSchema, describeBytes, RelaisDataError, ShareEventSchema } from '../model/index.js';
import { systemClock, type Clock } from '../clock.js';
import { defaultStorage, readItem, writeItem, type KeyValueStorage } from '../client/browser-storage.js';
import { InvalidItemReporter, type InvalidItemListener } from './invalid-items.js';
import { acknowledgmentKey, documentHistory, MemoryAdapter, type DocumentHistory } from './memory-adapter.js';
import { trustOutputs } from './trust.js';
import type { AdvocacyAdapter, ShareablesQuery, ViewerIdentity } from './types.js';

/** How long reading the document may take, in ms, by default: 15 s. */
export const DEFAULT_TIMEOUT = 15_000;
/** The largest document read by default: 5 MB (5,242,880 bytes). */
export const DEFAULT_MAX_BYTES = 5 * 1024 * 1024;
/** Stored shares kept at most (the newest); older ones the document does not hold are forgotten. */
export const MAX_STORED_SHARES = 1000;
/** Stored acknowledgments kept at most (the newest). */
export const MAX_STORED_ACKNOWLEDGMENTS = 100;

/** Options of {@link StaticAdapter}. */
export interface StaticAdapterOptions {
  /** URL of the data document (JSON), resolved against the page's address. */
  src: string | URL;
  /** Who is looking, as the page knows it (the intranet's signed-in user). */
  viewer?: ViewerIdentity;
  /**
   * The published document is read by every visitor: its `viewer` (a sample person) stands for
   * whoever looks only when this is `true` (a demo page; script tag: `data-viewer="sample"`).
   * Default `false`: with no `viewer`, an anonymous id kept on this device, and no name.
   */
  sampleViewer?: boolean;
  /** The `fetch` to read `src` with (to add headers, or in tests). Default: the page's `fetch`. */
  fetch?: (input: string, init?: RequestInit) => Promise<Response>;
  /** Where the viewer's own writes and anonymous id are kept. Default: `localStorage`, when the page may use it. */
  storage?: KeyValueStorage;
  /** The clock, for expiry and leaderboard periods. Default: the real time. */
  now?: Date | (() => Date);
  /** Teams with fewer people are merged into "Other teams" on the team leaderboard. Default 5. */
  minTeamSize?: number;
  /** How long reading the document may take, in ms, from the request to the last byte. Default 15,000. */
  timeout?: number;
  /** The timer of `timeout` (tests give a manual clock). Default: the real time. */
  clock?: Clock;
  /** The largest document read, in bytes: checked on `Content-Length` and on the bytes read. Default 5 MB. */
  maxBytes?: number;
  /** The largest charter body accepted, in bytes of UTF-8. Default 500 KB (512,000 bytes). */
  maxCharterBodyBytes?: number;
  /** Told of each invalid item left out of the document (also written once to the console). */
  onInvalidItem?: InvalidItemListener;
}

/** The viewer's own writes, as kept in browser storage. */
interface LocalWrites {
  shares: ShareEvent[];
  acknowledgments: Acknowledgment[];
}

/**
 * The zero-backend adapter: reads one data document (the same JSON as {@link MemoryAdapter}'s
 * `data`) from a URL, and keeps the viewer's own writes — shares and acknowledgments — in
 * browser storage, so that they survive a reload. An editor can publish a charter and a content
 * library with no server at all.
 *
 * The document is fetched once, on the first call; a failed fetch is tried again on the next
 * call. A network failure or a non-OK status rejects with an Error naming the status and the
 * URL, and so does a read that takes longer than `timeout` (15 s; the request is aborted). A
 * document over `maxBytes` (5 MB) is refused, from its `Content-Length` or as soon as the bytes
 * read pass it, with a {@link RelaisDataError}; so is one that is not JSON. The document is then
 * read part by part, as {@link MemoryAdapter} says: an invalid item is left out and reported,
 * an invalid charter fails `charter()` only.
 *
 * Stored writes are read on first use, not when the adapter is made. Once the published
 * document holds a share (by id) or an acknowledgment (by viewer, charter and version), the
 * stored copy is removed; of the rest, the newest {@link MAX_STORED_SHARES} shares and
 * {@link MAX_STORED_ACKNOWLEDGMENTS} acknowledgments are kept.
 *
 * @example
 * ```ts
 * Relais.configure({ adapter: new StaticAdapter({ src: '/advocacy.json' }) });
 * ```
 */
export class StaticAdapter implements AdvocacyAdapter {
  readonly #options: StaticAdapterOptions;
  readonly #src: string;
  readonly #storage: KeyValueStorage | undefined;
  readonly #storageKey: string;
  readonly #reporter: InvalidItemReporter;
  #loading?: Promise<MemoryAdapter>;
  /** Kept here too, so that writes are not lost for this page when storage refuses them. */
  #writes: LocalWrites = { shares: [], acknowledgments: [] };
  /** What the published document holds, once read: stored copies of it are pruned. */
  #published?: DocumentHistory;

  constructor(options: StaticAdapterOptions) {
    if (new.target === StaticAdapter) trustOutputs(this);
    this.#options = options;
    this.#src = new URL(options.src, globalThis.location?.href).href;
    this.#storage = options.storage ?? defaultStorage();
    this.#storageKey = `relais:static:${this.#src}`;
    this.#reporter = new InvalidItemReporter(options.onInvalidItem);
  }

  /** Adds a listener told of every invalid item left out of the document, those already left out first. */
  onInvalidItem(listener: InvalidItemListener): () => void {
    return this.#reporter.listen(listener);
  }

  async viewer(): Promise<Viewer> {
    return (await this.#load()).viewer();
  }

  async shareables(query?: ShareablesQuery): Promise<Page<Shareable>> {
    return (await this.#load()).shareables(query);
  }

  async shareable(id: string): Promise<Shareable | undefined> {
    return (await this.#load()).shareable(id);
  }

  /** Kept in browser storage first, so that the share survives even if the document fails to load. */
  async recordShare(event: ShareEvent): Promise<void> {
    this.#keepWrites({ shares: [event], acknowledgments: [] });
    await (await this.#load()).recordShare(event);
  }

  async charter(): Promise<Charter> {
    return (await this.#load()).charter();
  }

  async acknowledgment(viewerId: string): Promise<Acknowledgment | undefined> {
    return (await this.#load()).acknowledgment(viewerId);
  }

  /** Kept in browser storage first, so that the acknowledgment survives even if the document fails to load. */
  async acknowledge(ack: Acknowledgment): Promise<void> {
    this.#keepWrites({ shares: [], acknowledgments: [ack] });
    await (await this.#load()).acknowledge(ack);
  }

  async leaderboard(query: LeaderboardQuery): Promise<Leaderboard> {
    return (await this.#load()).leaderboard(query);
  }

  async guardPolicy(): Promise<GuardPolicy> {
    return (await this.#load()).guardPolicy();
  }

  /** The document as a MemoryAdapter, with the viewer's stored writes merged in. */
  #load(): Promise<MemoryAdapter> {
    this.#loading ??= this.#fetchDocument().then((document) => {
      // Parsed once, by the MemoryAdapter; the writes come after the document's, so its own win.
      const memory = new MemoryAdapter({
        data: document as DataDocumentInput,
        viewer: this.#options.viewer,
        sampleViewer: this.#options.sampleViewer === true,
        now: this.#options.now,
        minTeamSize: this.#options.minTeamSize,
        storage: this.#storage,
        maxCharterBodyBytes: this.#options.maxCharterBodyBytes,
        onInvalidItem: (error) => this.#reporter.report(error),
      });
      this.#published = documentHistory(memory);
      // Storage is read here, on first use: another tab or adapter may have written since.
      const stored = this.#readWrites();
      const writes = this.#unpublished(mergeWrites(this.#writes, stored));
      this.#writes = writes;
      if (writes.shares.length !== stored.shares.length || writes.acknowledgments.length !== stored.acknowledgments.length) {
        writeItem(this.#storage, this.#storageKey, JSON.stringify(writes));
      }
      for (const event of writes.shares) void memory.recordShare(event);
      for (const ack of writes.acknowledgments) void memory.acknowledge(ack);
      return memory;
    });
    // Forget a failure, so that the next call tries again (the network may be back).
    this.#loading.catch(() => {
      this.#loading = undefined;
    });
    return this.#loading;
  }

  /** Fetches and reads the document as JSON, within `timeout` and `maxBytes`; not yet validated. */
  async #fetchDocument(): Promise<unknown> {
    const fetchDocument = this.#options.fetch ?? ((input: string, init?: RequestInit) => globalThis.fetch(input, init));
    const timeout = this.#options.timeout ?? DEFAULT_TIMEOUT;
    const controller = new AbortController();
    const timedOut = new Error(`Relais could not fetch its data document from ${this.#src}: timed out after ${timeout} ms (option timeout)`);
    let expire!: (error: Error) => void;
    const deadline = new Promise<never>((_resolve, reject) => (expire = reject));
    deadline.catch(() => {});
    const cancel = (this.#options.clock ?? systemClock).schedule(() => {
      expire(timedOut);
      controller.abort(timedOut);
    }, timeout);
    try {
      let response: Response;
      try {
        response = await Promise.race([fetchDocument(this.#src, { headers: { accept: 'application/json' }, signal: controller.signal }), deadline]);
      } catch (cause) {
        if (controller.signal.aborted) throw timedOut;
        throw new Error(`Relais could not fetch its data document from ${this.#src}: ${String(cause)}`, { cause });
      }
      if (!response.ok) {
        void response.body?.cancel().catch(() => {});
        throw new Error(`Relais could not fetch its data document from ${this.#src}: HTTP ${response.status} ${response.statusText}`.trimEnd());
      }
      const text = await this.#readText(response, deadline);
      try {
        return JSON.parse(text) as unknown;
      } catch {
        throw new RelaisDataError('data document', '', [`(value): ${this.#src} is not valid JSON`]);
      }
    } finally {
      cancel();
    }
  }

  /**
   * The body as text, refused as soon as it is known to be over `maxBytes`: from its
   * `Content-Length` before reading anything, then from the bytes actually read (the header may
   * be absent, or wrong), so that a huge document is never held whole nor parsed.
   */
  async #readText(response: Response, deadline: Promise<never>): Promise<string> {
    const maxBytes = this.#options.maxBytes ?? DEFAULT_MAX_BYTES;
    const tooBig = (size: string) =>
      new RelaisDataError('data document', '', [`(value): ${this.#src} is ${size}, over the limit of ${describeBytes(maxBytes)} (option maxBytes)`]);
    const declared = Number(response.headers.get('content-length') ?? Number.NaN);
    if (declared > maxBytes) {
      void response.body?.cancel().catch(() => {});
      throw tooBig(`${declared} bytes`);
    }
    if (!response.body) return '';
    const reader = response.body.getReader();
    const decoder = new TextDecoder();
    const parts: string[] = [];
    let read = 0;
    try {
      for (;;) {
        const { done, value } = await Promise.race([reader.read(), deadline]);
        if (done) break;
        read += value.byteLength;
        if (read > maxBytes) throw tooBig(`more than ${read} bytes`);
        parts.push(decoder.decode(value, { stream: true }));
      }
    } catch (error) {
      void reader.cancel().catch(() => {});
      throw error;
    }
    parts.push(decoder.decode());
    return parts.join('');
  }

  /** The writes kept by an earlier visit; anything unreadable is dropped rather than blocking the page. */
  #readWrites(): LocalWrites {
    const writes: LocalWrites = { shares: [], acknowledgments: [] };
    const raw = readItem(this.#storage, this.#storageKey);
    if (!raw) return writes;
    try {
      const stored = JSON.parse(raw) as Partial<Record<keyof LocalWrites, unknown[]>>;
      for (const event of stored.shares ?? []) {
        const parsed = ShareEventSchema.safeParse(event);
        if (parsed.success) writes.shares.push(parsed.data);
      }
      for (const ack of stored.acknowledgments ?? []) {
        const parsed = AcknowledgmentSchema.safeParse(ack);
        if (parsed.success) writes.acknowledgments.push(parsed.data);
      }
    } catch {
      // Corrupt storage: start again from the published document.
    }
    return writes;
  }

  /**
   * Adds writes to the kept ones, merged with what storage holds now: another adapter of this
   * page may have written to the same key since this one was created.
   */
  #keepWrites(added: LocalWrites): void {
    this.#writes = this.#unpublished(mergeWrites(mergeWrites(this.#readWrites(), this.#writes), added));
    writeItem(this.#storage, this.#storageKey, JSON.stringify(this.#writes));
  }

  /** The writes that the published document does not hold yet (all of them before it is read), bounded. */
  #unpublished(writes: LocalWrites): LocalWrites {
    const published = this.#published;
    return {
      shares: newest(published ? writes.shares.filter((event) => !published.shareIds.has(event.id)) : writes.shares, MAX_STORED_SHARES),
      acknowledgments: newest(
        published ? writes.acknowledgments.filter((ack) => !published.ackKeys.has(acknowledgmentKey(ack))) : writes.acknowledgments,
        MAX_STORED_ACKNOWLEDGMENTS,
      ),
    };
  }
}

/** The `limit` newest by `at`, in their order; all of them when there are no more. */
function newest<T extends { at: string }>(items: T[], limit: number): T[] {
  if (items.length <= limit) return items;
  const cutoff = items.map((item) => Date.parse(item.at)).sort((a, b) => b - a)[limit - 1]!;
  const kept: T[] = [];
  for (const item of items) if (Date.parse(item.at) >= cutoff && kept.length < limit) kept.push(item);
  return kept;
}

/** The union of two sets of writes, each share once by id and each acknowledgment once by key; `a` wins. */
function mergeWrites(a: LocalWrites, b: LocalWrites): LocalWrites {
  const ackKey = acknowledgmentKey;
  const shareIds = new Set(a.shares.map((event) => event.id));
  const ackKeys = new Set(a.acknowledgments.map(ackKey));
  return {
    shares: [...a.shares, ...b.shares.filter((event) => !shareIds.has(event.id))].map((event) => structuredClone(event)),
    acknowledgments: [...a.acknowledgments, ...b.acknowledgments.filter((ack) => !ackKeys.has(ackKey(ack)))].map((ack) =>
      structuredClone(ack),
    ),
  };
}
