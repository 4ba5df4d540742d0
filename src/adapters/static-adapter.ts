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
import { AcknowledgmentSchema, DataDocumentSchema, parseOrThrow, RelaisDataError, ShareEventSchema } from '../model/index.js';
import { defaultStorage, readItem, writeItem, type KeyValueStorage } from './browser-storage.js';
import { MemoryAdapter } from './memory-adapter.js';
import type { AdvocacyAdapter, ShareablesQuery, ViewerIdentity } from './types.js';

/** Options of {@link StaticAdapter}. */
export interface StaticAdapterOptions {
  /** URL of the data document (JSON), resolved against the page's address. */
  src: string | URL;
  /** Who is looking, as the page knows it. Wins over the document's `viewer`. */
  viewer?: ViewerIdentity;
  /** The `fetch` to read `src` with (to add headers, or in tests). Default: the page's `fetch`. */
  fetch?: (input: string, init?: RequestInit) => Promise<Response>;
  /** Where the viewer's own writes and anonymous id are kept. Default: `localStorage`, when the page may use it. */
  storage?: KeyValueStorage;
  /** The clock, for expiry and leaderboard periods. Default: the real time. */
  now?: Date | (() => Date);
  /** Teams with fewer people are merged into "Other teams" on the team leaderboard. Default 5. */
  minTeamSize?: number;
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
 * URL; an invalid document rejects with a {@link RelaisDataError} naming the field.
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
  #loading?: Promise<MemoryAdapter>;
  /** Kept here too, so that writes are not lost for this page when storage refuses them. */
  #writes: LocalWrites;

  constructor(options: StaticAdapterOptions) {
    this.#options = options;
    this.#src = new URL(options.src, globalThis.location?.href).href;
    this.#storage = options.storage ?? defaultStorage();
    this.#storageKey = `relais:static:${this.#src}`;
    this.#writes = this.#readWrites();
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
      // Read storage again: another tab or adapter may have written since this one was created.
      const writes = mergeWrites(this.#writes, this.#readWrites());
      return new MemoryAdapter({
        data: {
          ...document,
          shares: [...(document.shares ?? []), ...writes.shares],
          acknowledgments: [...(document.acknowledgments ?? []), ...writes.acknowledgments],
        },
        viewer: this.#options.viewer,
        now: this.#options.now,
        minTeamSize: this.#options.minTeamSize,
        storage: this.#storage,
      });
    });
    // Forget a failure, so that the next call tries again (the network may be back).
    this.#loading.catch(() => {
      this.#loading = undefined;
    });
    return this.#loading;
  }

  async #fetchDocument(): Promise<DataDocumentInput> {
    const fetchDocument = this.#options.fetch ?? ((input: string, init?: RequestInit) => globalThis.fetch(input, init));
    let response: Response;
    try {
      response = await fetchDocument(this.#src, { headers: { accept: 'application/json' } });
    } catch (cause) {
      throw new Error(`Relais could not fetch its data document from ${this.#src}: ${String(cause)}`, { cause });
    }
    if (!response.ok) {
      throw new Error(`Relais could not fetch its data document from ${this.#src}: HTTP ${response.status} ${response.statusText}`.trimEnd());
    }
    let json: unknown;
    try {
      json = await response.json();
    } catch {
      throw new RelaisDataError('data document', '', [`(value): ${this.#src} is not valid JSON`]);
    }
    // Validated here for the error to name the document's field; MemoryAdapter parses it again.
    return parseOrThrow(DataDocumentSchema, json, 'data document');
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
    this.#writes = mergeWrites(mergeWrites(this.#readWrites(), this.#writes), added);
    writeItem(this.#storage, this.#storageKey, JSON.stringify(this.#writes));
  }
}

/** The union of two sets of writes, each share once by id and each acknowledgment once by key; `a` wins. */
function mergeWrites(a: LocalWrites, b: LocalWrites): LocalWrites {
  const ackKey = (ack: Acknowledgment) => JSON.stringify([ack.viewerId, ack.charterId, ack.version]);
  const shareIds = new Set(a.shares.map((event) => event.id));
  const ackKeys = new Set(a.acknowledgments.map(ackKey));
  return {
    shares: [...a.shares, ...b.shares.filter((event) => !shareIds.has(event.id))].map((event) => structuredClone(event)),
    acknowledgments: [...a.acknowledgments, ...b.acknowledgments.filter((ack) => !ackKeys.has(ackKey(ack)))].map((ack) =>
      structuredClone(ack),
    ),
  };
}
