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
import { parseDataDocument, partValue, type ParsedDocument, type RelaisDataError } from '../model/index.js';
import { defaultStorage, localViewerId, type KeyValueStorage } from '../client/browser-storage.js';
import { InvalidItemReporter, type InvalidItemListener } from './invalid-items.js';
import { queryShareables } from './shareable-query.js';
import { trustOutputs } from './trust.js';
import type { AdvocacyAdapter, ShareablesQuery, ViewerIdentity } from './types.js';

/** Options of {@link MemoryAdapter}. */
export interface MemoryAdapterOptions {
  /** The data document to start from (charter, shareables, people, history…). Validated. */
  data: DataDocumentInput;
  /** Who is looking, as the page knows it. Wins over the document's `viewer`. */
  viewer?: ViewerIdentity;
  /**
   * Whether the document's `viewer` (a sample person, for demos) stands for whoever looks when the
   * page names no one. Default `true` here (the document is the page's own, in memory);
   * StaticAdapter's default is `false`, and so is the script tag's unless `data-viewer="sample"`.
   */
  sampleViewer?: boolean;
  /** The clock, for expiry and leaderboard periods: a fixed date or a function. Default: the real time. */
  now?: Date | (() => Date);
  /** Teams with fewer people are merged into "Other teams" on the team leaderboard. Default 5. */
  minTeamSize?: number;
  /** Where the local anonymous viewer's id is kept. Default: `localStorage`, when the page may use it. */
  storage?: KeyValueStorage;
  /** The largest charter body accepted, in bytes of UTF-8. Default 500 KB (512,000 bytes). */
  maxCharterBodyBytes?: number;
  /** Told of each invalid item left out of the document (also written once to the console). */
  onInvalidItem?: InvalidItemListener;
}

/** The share ids and acknowledgment keys a document holds, for StaticAdapter to prune its stored copies. */
export interface DocumentHistory {
  shareIds: ReadonlySet<string>;
  ackKeys: ReadonlySet<string>;
}

/** The key that makes an acknowledgment idempotent: (viewerId, charterId, version). */
export function acknowledgmentKey(ack: Acknowledgment): string {
  return JSON.stringify([ack.viewerId, ack.charterId, ack.version]);
}

const histories = new WeakMap<MemoryAdapter, DocumentHistory>();

/** What the document of `adapter` held when it was created (its own writes aside). Internal to Relais's adapters. */
export function documentHistory(adapter: MemoryAdapter): DocumentHistory {
  return histories.get(adapter)!;
}

/**
 * An adapter that keeps everything in memory, seeded from a data document: the demos' and the
 * tests' source, and the engine inside {@link StaticAdapter}. Writes last as long as the
 * instance.
 *
 * The viewer is, in order: `options.viewer`, the document's `viewer` (unless `sampleViewer` is
 * `false`), else a local anonymous viewer whose id is kept in browser storage and who has no
 * `displayName` (the elements say "you" in the reader's language). Their `leaderboardOptIn` comes from the matching entry of `people`.
 *
 * Bad data takes down only what it belongs to. An invalid shareable, person, share or
 * acknowledgment is left out, with one console error naming it
 * (`Relais: shareables[2].url: must be an http or https URL — item dropped`), and told to
 * `onInvalidItem` listeners; reading a left-out shareable by id rejects with its error. An
 * invalid charter rejects `charter()` only, an invalid guard policy `guardPolicy()` only,
 * invalid tiers `leaderboard()` only, an invalid document `viewer` `viewer()` (when the page
 * gives none); each with a {@link RelaisDataError} naming the field. The constructor never throws.
 *
 * @example
 * ```ts
 * const adapter = new MemoryAdapter({ data: await (await fetch('/advocacy.json')).json() });
 * ```
 */
export class MemoryAdapter implements AdvocacyAdapter {
  readonly #document: ParsedDocument;
  readonly #options: MemoryAdapterOptions;
  readonly #reporter: InvalidItemReporter;
  /** The errors of left-out shareables, by id: reading one of them by id rejects with its error. */
  readonly #droppedShareables = new Map<string, RelaisDataError>();
  readonly #shares = new Map<string, ShareEvent>();
  readonly #acknowledgments = new Map<string, Acknowledgment>();
  readonly #now: () => Date;
  readonly #minTeamSize: number | undefined;
  #viewer?: Viewer;

  constructor(options: MemoryAdapterOptions) {
    // Relais's own class only: a subclass may change what it returns, so its outputs are parsed again.
    if (new.target === MemoryAdapter) trustOutputs(this);
    this.#options = options;
    this.#document = parseDataDocument(options.data, { maxCharterBodyBytes: options.maxCharterBodyBytes });
    this.#reporter = new InvalidItemReporter(options.onInvalidItem);
    const shareIds = new Set<string>();
    const ackKeys = new Set<string>();
    for (const event of this.#document.shares.ok ? this.#document.shares.value : []) {
      this.#addShare(event);
      shareIds.add(event.id);
    }
    for (const ack of this.#document.acknowledgments.ok ? this.#document.acknowledgments.value : []) {
      this.#addAcknowledgment(ack);
      ackKeys.add(acknowledgmentKey(ack));
    }
    histories.set(this, { shareIds, ackKeys });
    for (const dropped of this.#document.dropped) {
      if (dropped.list === 'shareables' && dropped.id !== undefined && !this.#droppedShareables.has(dropped.id)) {
        this.#droppedShareables.set(dropped.id, dropped.error);
      }
      this.#reporter.report(dropped.error);
    }
    const { now } = options;
    this.#now = now === undefined ? () => new Date() : typeof now === 'function' ? now : () => now;
    this.#minTeamSize = options.minTeamSize;
  }

  /** Adds a listener told of every invalid item left out of the document, those already left out first. */
  onInvalidItem(listener: InvalidItemListener): () => void {
    return this.#reporter.listen(listener);
  }

  async viewer(): Promise<Viewer> {
    return structuredClone(this.#resolvedViewer());
  }

  /** Unexpired items, newest first, filtered by category and base language; see {@link queryShareables}. */
  async shareables(query?: ShareablesQuery): Promise<Page<Shareable>> {
    return structuredClone(queryShareables(partValue(this.#document.shareables), query, this.#now()));
  }

  /**
   * The item with this id, expired or not (a card on an old page still names it); `undefined` if
   * unknown. An item left out because it is invalid rejects with its RelaisDataError.
   */
  async shareable(id: string): Promise<Shareable | undefined> {
    const item = partValue(this.#document.shareables).find((candidate) => candidate.id === id);
    const dropped = item ? undefined : this.#droppedShareables.get(id);
    if (dropped) throw dropped;
    return item && structuredClone(item);
  }

  async recordShare(event: ShareEvent): Promise<void> {
    this.#addShare(event);
  }

  async charter(): Promise<Charter> {
    return structuredClone(partValue(this.#document.charter));
  }

  /** The viewer's acknowledgment of the current charter (by id) with the highest version, then the latest. */
  async acknowledgment(viewerId: string): Promise<Acknowledgment | undefined> {
    partValue(this.#document.acknowledgments);
    const charterId = partValue(this.#document.charter).id;
    const [latest] = [...this.#acknowledgments.values()]
      .filter((ack) => ack.viewerId === viewerId && ack.charterId === charterId)
      .sort((a, b) => b.version - a.version || Date.parse(b.at) - Date.parse(a.at));
    return latest && structuredClone(latest);
  }

  async acknowledge(ack: Acknowledgment): Promise<void> {
    this.#addAcknowledgment(ack);
  }

  /**
   * Ranks people or teams by the rules of `computeLeaderboard` (src/leaderboard/rules.ts),
   * imported on the first reading: a page without a leaderboard does not download them.
   */
  async leaderboard(query: LeaderboardQuery): Promise<Leaderboard> {
    partValue(this.#document.shares);
    const { computeLeaderboard, DEFAULT_MIN_TEAM_SIZE } = await import('../leaderboard/rules.js');
    return computeLeaderboard({
      ...query,
      now: this.#now(),
      viewer: this.#resolvedViewer(),
      people: partValue(this.#document.people),
      shareables: partValue(this.#document.shareables),
      shares: [...this.#shares.values()],
      tiers: partValue(this.#document.tiers),
      minTeamSize: this.#minTeamSize ?? DEFAULT_MIN_TEAM_SIZE,
    });
  }

  async guardPolicy(): Promise<GuardPolicy> {
    return structuredClone(partValue(this.#document.guardPolicy));
  }

  // The first write of a key wins, so that a retried write changes nothing.
  #addShare(event: ShareEvent): void {
    if (!this.#shares.has(event.id)) this.#shares.set(event.id, structuredClone(event));
  }

  #addAcknowledgment(ack: Acknowledgment): void {
    const key = acknowledgmentKey(ack);
    if (!this.#acknowledgments.has(key)) this.#acknowledgments.set(key, structuredClone(ack));
  }

  /** Resolved on first use: a document `viewer` that is invalid fails only when it is needed. */
  #resolvedViewer(): Viewer {
    this.#viewer ??= this.#resolveViewer(this.#options);
    return this.#viewer;
  }

  #resolveViewer(options: MemoryAdapterOptions): Viewer {
    const part = this.#document.viewer;
    // A document that is no document at all fails every read, this one too.
    if (!part.ok && part.error.field === '') throw part.error;
    const fromDocument = options.viewer || options.sampleViewer === false ? undefined : partValue(part);
    const identity: Partial<ViewerIdentity> & { id: string; locale?: string } = options.viewer ??
      fromDocument ?? { id: localViewerId(options.storage ?? defaultStorage()) };
    // Invalid `people` fail the leaderboard; here they only mean no opt-in is known.
    const people = this.#document.people.ok ? this.#document.people.value : [];
    const person = people.find((candidate) => candidate.id === identity.id);
    const team = identity.team ?? person?.team;
    const locale = identity.locale;
    return {
      id: identity.id,
      ...(identity.displayName ? { displayName: identity.displayName } : {}),
      ...(team ? { team } : {}),
      ...(locale ? { locale } : {}),
      leaderboardOptIn: person?.leaderboardOptIn ?? (identity === fromDocument && fromDocument.leaderboardOptIn),
    };
  }
}
