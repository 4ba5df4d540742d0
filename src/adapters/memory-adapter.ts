import type {
  Acknowledgment,
  Charter,
  DataDocument,
  DataDocumentInput,
  GuardPolicy,
  Leaderboard,
  LeaderboardQuery,
  Page,
  Shareable,
  ShareEvent,
  Viewer,
} from '../model/index.js';
import { DataDocumentSchema, parseOrThrow } from '../model/index.js';
import { defaultStorage, localViewerId, type KeyValueStorage } from './browser-storage.js';
import { computeLeaderboard, DEFAULT_MIN_TEAM_SIZE } from './leaderboard.js';
import { queryShareables } from './shareable-query.js';
import type { AdvocacyAdapter, ShareablesQuery, ViewerIdentity } from './types.js';

/** Options of {@link MemoryAdapter}. */
export interface MemoryAdapterOptions {
  /** The data document to start from (charter, shareables, people, history…). Validated. */
  data: DataDocumentInput;
  /** Who is looking, as the page knows it. Wins over the document's `viewer`. */
  viewer?: ViewerIdentity;
  /** The clock, for expiry and leaderboard periods: a fixed date or a function. Default: the real time. */
  now?: Date | (() => Date);
  /** Teams with fewer people are merged into "Other teams" on the team leaderboard. Default 5. */
  minTeamSize?: number;
  /** Where the local anonymous viewer's id is kept. Default: `localStorage`, when the page may use it. */
  storage?: KeyValueStorage;
}

/**
 * An adapter that keeps everything in memory, seeded from a data document: the demos' and the
 * tests' source, and the engine inside {@link StaticAdapter}. Writes last as long as the
 * instance.
 *
 * The viewer is, in order: `options.viewer`, the document's `viewer`, else a local anonymous
 * viewer whose id is kept in browser storage and who has no `displayName` (the elements say
 * "you" in the reader's language). Their `leaderboardOptIn` comes from the matching entry of `people`.
 *
 * @example
 * ```ts
 * const adapter = new MemoryAdapter({ data: await (await fetch('/advocacy.json')).json() });
 * ```
 * @throws {RelaisDataError} when `data` is not a valid data document; `field` names the path.
 */
export class MemoryAdapter implements AdvocacyAdapter {
  readonly #document: DataDocument;
  readonly #shares = new Map<string, ShareEvent>();
  readonly #acknowledgments = new Map<string, Acknowledgment>();
  readonly #now: () => Date;
  readonly #minTeamSize: number;
  readonly #viewer: Viewer;

  constructor(options: MemoryAdapterOptions) {
    this.#document = parseOrThrow(DataDocumentSchema, options.data, 'data document');
    for (const event of this.#document.shares) this.#addShare(event);
    for (const ack of this.#document.acknowledgments) this.#addAcknowledgment(ack);
    const { now } = options;
    this.#now = now === undefined ? () => new Date() : typeof now === 'function' ? now : () => now;
    this.#minTeamSize = options.minTeamSize ?? DEFAULT_MIN_TEAM_SIZE;
    this.#viewer = this.#resolveViewer(options);
  }

  async viewer(): Promise<Viewer> {
    return structuredClone(this.#viewer);
  }

  /** Unexpired items, newest first, filtered by category and base language; see {@link queryShareables}. */
  async shareables(query?: ShareablesQuery): Promise<Page<Shareable>> {
    return structuredClone(queryShareables(this.#document.shareables, query, this.#now()));
  }

  /** The item with this id, expired or not (a card on an old page still names it); `undefined` if unknown. */
  async shareable(id: string): Promise<Shareable | undefined> {
    const item = this.#document.shareables.find((candidate) => candidate.id === id);
    return item && structuredClone(item);
  }

  async recordShare(event: ShareEvent): Promise<void> {
    this.#addShare(event);
  }

  async charter(): Promise<Charter> {
    return structuredClone(this.#document.charter);
  }

  /** The viewer's acknowledgment of the current charter (by id) with the highest version, then the latest. */
  async acknowledgment(viewerId: string): Promise<Acknowledgment | undefined> {
    const charterId = this.#document.charter.id;
    const [latest] = [...this.#acknowledgments.values()]
      .filter((ack) => ack.viewerId === viewerId && ack.charterId === charterId)
      .sort((a, b) => b.version - a.version || Date.parse(b.at) - Date.parse(a.at));
    return latest && structuredClone(latest);
  }

  async acknowledge(ack: Acknowledgment): Promise<void> {
    this.#addAcknowledgment(ack);
  }

  /** Ranks people or teams by the rules of {@link computeLeaderboard}. */
  async leaderboard(query: LeaderboardQuery): Promise<Leaderboard> {
    return computeLeaderboard({
      ...query,
      now: this.#now(),
      viewer: this.#viewer,
      people: this.#document.people,
      shareables: this.#document.shareables,
      shares: [...this.#shares.values()],
      tiers: this.#document.tiers,
      minTeamSize: this.#minTeamSize,
    });
  }

  async guardPolicy(): Promise<GuardPolicy> {
    return structuredClone(this.#document.guardPolicy);
  }

  // The first write of a key wins, so that a retried write changes nothing.
  #addShare(event: ShareEvent): void {
    if (!this.#shares.has(event.id)) this.#shares.set(event.id, structuredClone(event));
  }

  #addAcknowledgment(ack: Acknowledgment): void {
    const key = JSON.stringify([ack.viewerId, ack.charterId, ack.version]);
    if (!this.#acknowledgments.has(key)) this.#acknowledgments.set(key, structuredClone(ack));
  }

  #resolveViewer(options: MemoryAdapterOptions): Viewer {
    const fromDocument = this.#document.viewer;
    const identity: Partial<ViewerIdentity> & { id: string; locale?: string } = options.viewer ??
      fromDocument ?? { id: localViewerId(options.storage ?? defaultStorage()) };
    const person = this.#document.people.find((candidate) => candidate.id === identity.id);
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
