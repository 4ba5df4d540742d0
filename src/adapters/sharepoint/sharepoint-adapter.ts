/**
 * SharePointAdapter: Relais's data in SharePoint lists, through SharePoint's REST API.
 *
 * Hand-written requests rather than PnPjs (`@pnp/sp`): the adapter needs a dozen GETs and one
 * POST shape, a digest and paging. PnPjs's queryable core, its list/items modules and its
 * behaviours weigh tens of KB minified, several times this whole adapter, in a chunk every
 * SharePoint page loads; and it would bring its own retry and caching next to the outbox's.
 */
import type { Acknowledgment, Charter, GuardPolicy, Leaderboard, LeaderboardEntry, LeaderboardQuery, Page, Person, Shareable, ShareEvent, Tier, Viewer } from '../../model/index.js';
import { isExpired, issuesToError, PersonSchema, RelaisDataError, ShareEventSchema, TierSchema } from '../../model/index.js';
import { systemClock, type Clock } from '../../clock.js';
import { baseLanguage } from '../../i18n/language.js';
import { competitionRanks, computeLeaderboard, DEFAULT_MIN_TEAM_SIZE, OTHER_TEAMS_ID, periodRange } from '../../leaderboard/rules.js';
import { acknowledgmentIdempotencyKey, DEFAULT_PAGE_SIZE, DEFAULT_POINTS } from '../../contract/data.js';
import { shareIdempotencyKey } from '../../contract/rest.js';
import { InvalidItemReporter, type InvalidItemListener } from '../invalid-items.js';
import { Outbox, type Delivery, type OutboxEntry, type OutboxStorageKind } from '../rest/outbox.js';
import { backoffDelay, DEFAULT_MAX_DELAY, DEFAULT_RETRIES, isRetryableStatus, parseRetryAfter, type RetryOptions } from '../rest/retry.js';
import type { AdvocacyAdapter, ShareablesQuery, SignOutOutcome, UnsyncedWrite, ViewerIdentity } from '../types.js';
import {
  acknowledgmentItem,
  COLUMNS,
  DEFAULT_LISTS,
  shareItem,
  toAcknowledgment,
  toCharter,
  toPerson,
  toShareable,
  toShareEvent,
  toTier,
  type Item,
  type SharePointLists,
} from './lists.js';
import { csvDocument, REGISTER_COLUMNS } from '../../contract/register-csv.js';
import { ACCESS_DENIED, datetime, DIGEST_ERROR, DUPLICATE_VALUE, missingColumn, nextLinkOf, parseErrorBody, text } from './odata.js';

export type { SharePointLists } from './lists.js';
export { DEFAULT_LISTS } from './lists.js';
export type { RetryOptions } from '../rest/retry.js';
export type { SignOutOutcome } from '../types.js';

/** SharePoint's list view threshold: no query may scan more items than this, and `$top` is at most this. */
export const LIST_VIEW_THRESHOLD = 5000;

/** The `Accept` of every request: JSON without OData metadata. */
const NOMETADATA = 'application/json;odata=nometadata';

/** A `fetch`-like function: the page's `fetch`, or SPFx's `SPHttpClient` wrapped in one line. */
export type SharePointFetch = (url: string, init: RequestInit) => Promise<Pick<Response, 'status' | 'ok' | 'headers' | 'text'>>;

/** Options of {@link SharePointAdapter}. */
export interface SharePointAdapterOptions {
  /** The site's absolute URL, e.g. `https://contoso.sharepoint.com/sites/intranet` (SPFx: `pageContext.web.absoluteUrl`). */
  site: string | URL;
  /** The lists' titles, when they differ from {@link DEFAULT_LISTS}. */
  lists?: Partial<SharePointLists>;
  /**
   * Who is looking, from the SPFx page context (`{ id: pageContext.user.loginName, displayName:
   * pageContext.user.displayName }`); their id is the `RelaisId` of the People list and the
   * `ViewerId` of what they write. Without it the adapter asks `/_api/web/currentuser` and uses
   * the user's e-mail (else login name), lower-cased.
   */
  viewer?: ViewerIdentity;
  /**
   * The `fetch` to use. Default: the page's, with `credentials: 'same-origin'` (the SharePoint
   * session cookie). In SPFx: `(url, init) => spHttpClient.fetch(url, SPHttpClient.configurations.v1, init)`.
   */
  fetch?: SharePointFetch;
  /** How failed reads are tried again, and the outbox's backoff (429 and 503 wait what `Retry-After` says). */
  retry?: RetryOptions;
  /** How long one request may take, in ms. Default 10,000. */
  timeout?: number;
  /** The clock of expiry, leaderboard periods, timeouts and backoff. Default: the real time. */
  clock?: Clock;
  /** Teams with fewer named contributors are merged into "Other teams". Default 5. */
  minTeamSize?: number;
  /** Where kept writes wait (`indexeddb` first by default), and the outbox's name (default: the site). */
  outbox?: { storage?: OutboxStorageKind; name?: string; locks?: boolean };
  /** Told of each invalid share, person or tier left out of a leaderboard. */
  onInvalidItem?: InvalidItemListener;
  /**
   * Where the leaderboard comes from. `'computed'` (default): computed in the browser from the
   * period's items of the Shares list, by the rules of `src/leaderboard/` (small sites).
   * `{ list }`: read from the precomputed rows that a Power Automate flow writes into that list
   * (default title `Relais Leaderboard`; docs/sharepoint.md lists its columns and the rules the
   * flow must follow); the viewer's own row is still computed here, from their shares alone.
   */
  leaderboard?: 'computed' | { list?: string };
}

/**
 * A refusal of SharePoint that asking again will not change: `access-denied` (the user may not
 * write this list: ask the site owner for Contribute), `missing-column` (the list lacks `field`:
 * run the provisioning script), `threshold` (the query meets the list view threshold: index the
 * column), else `http-<status>`.
 */
export class SharePointError extends Error {
  override readonly name = 'SharePointError';
  constructor(
    message: string,
    readonly status: number,
    readonly code: 'access-denied' | 'missing-column' | 'threshold' | `http-${number}`,
    /** The list it concerns. */
    readonly list?: string,
    /** The column it names, for `missing-column`. */
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
  ) {
    super(message);
  }
}

interface Answer {
  status: number;
  ok: boolean;
  headers: Headers;
  text: string;
}

/**
 * Reads and writes Relais's data in SharePoint lists (docs/sharepoint.md: the lists, their
 * columns, the provisioning script, the limits), with `Accept: application/json;odata=nometadata`,
 * `$select`/`$filter`/`$orderby`/`$top` and `odata.nextLink` paging.
 *
 * - **Untrusted data.** Items become model values field for field, unchecked: the validating
 *   layer the client puts around every adapter parses them, and a bad column is a
 *   RelaisDataError naming the field.
 * - **Reads** are tried again on a network error, a timeout, 408, 429 and 5xx, waiting what
 *   `Retry-After` says (SharePoint's throttling), else a backoff; a 4xx fails at once with a
 *   {@link SharePointError} (a missing column named).
 * - **Writes** (`recordShare`, `acknowledge`) go through the RestAdapter's durable outbox: kept
 *   on the device before the request, sent again after an outage, once. Each item carries its
 *   idempotency key in the unique `RelaisKey` column, and the adapter looks the key up before
 *   adding: a retry never adds a second item. POSTs carry the request digest of
 *   `/_api/contextinfo`, cached until it expires and fetched again once on a digest error.
 * - **The leaderboard** is computed in the browser from the Shares list (the period's items
 *   only, filtered on the indexed `SharedAt` column, 5,000 a page), by the rules every adapter
 *   holding raw shares uses (`computeLeaderboard`). Fit for small and medium sites; see the docs.
 *
 * @example
 * ```ts
 * import { SharePointAdapter } from 'relais/adapters/sharepoint';
 * configure({ adapter: new SharePointAdapter({ site: this.context.pageContext.web.absoluteUrl }) });
 * ```
 */
export class SharePointAdapter implements AdvocacyAdapter {
  readonly #options: SharePointAdapterOptions;
  readonly #site: string;
  readonly #lists: SharePointLists;
  readonly #clock: Clock;
  readonly #outbox: Outbox;
  readonly #reporter: InvalidItemReporter;
  #digest?: { value: string; until: number };
  #viewer?: Promise<Viewer>;
  #viewerId: string | undefined;

  constructor(options: SharePointAdapterOptions) {
    this.#options = options;
    this.#site = new URL(options.site, globalThis.location?.href).href.replace(/\/+$/, '');
    const board = options.leaderboard;
    this.#lists = { ...DEFAULT_LISTS, ...options.lists, ...(typeof board === 'object' && board.list ? { leaderboard: board.list } : {}) };
    this.#clock = options.clock ?? systemClock;
    this.#reporter = new InvalidItemReporter(options.onInvalidItem);
    this.#viewerId = options.viewer?.id;
    this.#outbox = new Outbox({
      name: options.outbox?.name ?? `sharepoint:${this.#site}`,
      send: (entry) => this.#deliver(entry),
      clock: this.#clock,
      retry: options.retry,
      storage: options.outbox?.storage,
      locks: options.outbox?.locks === false ? null : undefined,
      viewer: { current: () => this.#viewerId, sure: () => true, ask: () => this.#askViewer() },
    });
  }

  onInvalidItem(listener: InvalidItemListener): () => void {
    return this.#reporter.listen(listener);
  }

  /** The page's viewer, else SharePoint's current user; their opt-in and team from the People list. */
  viewer(): Promise<Viewer> {
    this.#viewer ??= this.#resolveViewer();
    this.#viewer.catch(() => (this.#viewer = undefined));
    return this.#viewer;
  }

  /**
   * Unexpired items, newest `PublishedAt` first (then `RelaisId`), filtered by `Category` and base
   * language on the server; expiry is checked in the browser (`ExpiresAt` may be a date or a
   * date-time). The cursor is the last item's (PublishedAt, RelaisId), asked for with `$filter`.
   */
  async shareables(query: ShareablesQuery = {}): Promise<Page<Shareable>> {
    const limit = query.limit ?? DEFAULT_PAGE_SIZE;
    const filters: string[] = [];
    if (query.category) filters.push(`Category eq ${text(query.category)}`);
    if (query.lang) {
      const base = baseLanguage(query.lang);
      filters.push(`(Lang eq ${text(base)} or startswith(Lang,${text(`${base}-`)}))`);
    }
    if (query.cursor !== undefined) {
      const [at, id] = decodeCursor(query.cursor);
      filters.push(`(PublishedAt lt ${datetime(at)} or (PublishedAt eq ${datetime(at)} and RelaisId gt ${text(id)}))`);
    }
    const now = this.#clock.now();
    const items: unknown[] = [];
    let more = false;
    let url: string | undefined = this.#query('shareables', {
      $select: COLUMNS.shareables.join(','),
      $filter: filters.join(' and ') || undefined,
      $orderby: 'PublishedAt desc,RelaisId asc',
      $top: String(Math.min(limit + 1, LIST_VIEW_THRESHOLD)),
    });
    while (url && !more) {
      const page = await this.#readPage(url, 'shareables');
      for (const item of page.items) {
        const shareable = toShareable(item);
        if (isExpired(shareable as Shareable, now)) continue;
        if (items.length === limit) {
          more = true;
          break;
        }
        items.push(shareable);
      }
      url = page.next;
    }
    const last = items.at(-1) as { publishedAt?: unknown; id?: unknown } | undefined;
    return { items: items as Shareable[], ...(more && last ? { nextCursor: encodeCursor([Date.parse(String(last.publishedAt)), String(last.id)]) } : {}) };
  }

  async shareable(id: string): Promise<Shareable | undefined> {
    const [item] = await this.#readAll('shareables', { $select: COLUMNS.shareables.join(','), $filter: `RelaisId eq ${text(id)}`, $top: '1' }, 1);
    return item && (toShareable(item) as Shareable);
  }

  async recordShare(event: ShareEvent): Promise<void> {
    await this.#outbox.submit({ key: shareIdempotencyKey(event), kind: 'share', body: event, createdAt: this.#clock.now().getTime() });
  }

  /** The charter version with the latest `PublishedAt` (then the highest `Version`). */
  async charter(): Promise<Charter> {
    const [item] = await this.#readAll('charter', { $select: COLUMNS.charter.join(','), $orderby: 'PublishedAt desc,Version desc', $top: '1' }, 1);
    if (!item) throw new RelaisDataError('charter', '', [`(value): the SharePoint list "${this.#lists.charter}" holds no charter`]);
    return toCharter(item) as Charter;
  }

  /**
   * The viewer's acknowledgment of the current charter with the highest version; an
   * acknowledgment still waiting in this browser's outbox counts (a reload does not ask again).
   */
  async acknowledgment(viewerId: string): Promise<Acknowledgment | undefined> {
    const [charter] = await this.#readAll('charter', { $select: 'RelaisId', $orderby: 'PublishedAt desc,Version desc', $top: '1' }, 1);
    const charterId = charter?.RelaisId;
    if (typeof charterId !== 'string') return undefined;
    const [items, kept] = await Promise.all([
      this.#readAll(
        'acknowledgments',
        { $select: COLUMNS.acknowledgments.join(','), $filter: `ViewerId eq ${text(viewerId)} and CharterId eq ${text(charterId)}`, $orderby: 'Version desc,AcknowledgedAt asc', $top: '1' },
        1,
      ),
      this.#outbox.ownEntries().catch(() => []),
    ]);
    let latest = items[0] && (toAcknowledgment(items[0]) as Acknowledgment);
    for (const entry of kept) {
      if (entry.kind !== 'acknowledgment' || entry.body.viewerId !== viewerId || entry.body.charterId !== charterId) continue;
      if (!latest || entry.body.version > latest.version) latest = entry.body;
    }
    return latest;
  }

  async acknowledge(ack: Acknowledgment): Promise<void> {
    await this.#outbox.submit({ key: acknowledgmentIdempotencyKey(ack), kind: 'acknowledgment', body: ack, createdAt: this.#clock.now().getTime() });
  }

  /**
   * Computed here from the Shares list: only the period's shares travel (`SharedAt`, an indexed
   * column, bounds the query), 5,000 a request, with the People, Shareables (points) and Tiers
   * lists. With the `leaderboard: { list }` option, read from the flow's list instead.
   */
  async leaderboard(query: LeaderboardQuery): Promise<Leaderboard> {
    if (typeof this.#options.leaderboard === 'object') return this.#leaderboardFromList(query);
    const now = this.#clock.now();
    const range = periodRange(query.period, now);
    const [viewer, people, shareables, shares, tiers] = await Promise.all([
      this.viewer(),
      this.#readAll('people', { $select: COLUMNS.people.join(','), $top: String(LIST_VIEW_THRESHOLD) }),
      this.#catalogue(),
      this.#readAll('shares', {
        $select: COLUMNS.shares.join(','),
        $filter: range ? `SharedAt ge ${datetime(range.start)} and SharedAt lt ${datetime(range.end)}` : undefined,
        $top: String(LIST_VIEW_THRESHOLD),
      }),
      this.#tiers(),
    ]);
    // Points are earned at a person's first share of an item ever: for each item shared in a
    // bounded period, its earlier shares too (one request an item, on the indexed ShareableId),
    // so that sharing an old item again earns nothing this period.
    const earlier = range
      ? await Promise.all(
          [...new Set(shares.map((item) => item['ShareableId']).filter((id): id is string => typeof id === 'string'))].map((id) =>
            this.#readAll('shares', {
              $select: COLUMNS.shares.join(','),
              $filter: `ShareableId eq ${text(id)} and SharedAt lt ${datetime(range.start)}`,
              $top: String(LIST_VIEW_THRESHOLD),
            }),
          ),
        )
      : [];
    return computeLeaderboard({
      ...query,
      now,
      viewer,
      people: this.#valid(people.map(toPerson), PersonSchema, 'people') as Person[],
      shareables,
      shares: this.#valid([...shares, ...earlier.flat()].map(toShareEvent), ShareEventSchema, 'shares') as ShareEvent[],
      tiers,
      minTeamSize: this.#options.minTeamSize ?? DEFAULT_MIN_TEAM_SIZE,
    });
  }

  /**
   * The HR register as CSV, with the columns and quoting of the reference server's
   * `GET /admin/acknowledgments.csv`: `viewer_id, display_name, team, charter_id, version,
   * acknowledged_at`, oldest first, names and teams from the People list, a field that a
   * spreadsheet could run as a formula defused. Reads the whole Acknowledgments list, 5,000
   * items a request. Needs Read permission on both lists; not part of AdvocacyAdapter.
   */
  async acknowledgmentsCsv(): Promise<string> {
    const [acknowledgments, people] = await Promise.all([
      this.#readAll('acknowledgments', { $select: 'ID,ViewerId,CharterId,Version,AcknowledgedAt', $top: String(LIST_VIEW_THRESHOLD) }),
      this.#readAll('people', { $select: 'RelaisId,Title,Team', $top: String(LIST_VIEW_THRESHOLD) }),
    ]);
    const byId = new Map(people.map((item) => [field(item.RelaisId), item]));
    const rows = acknowledgments.map((item) => {
      const at = field(item.AcknowledgedAt);
      const ms = Date.parse(at);
      const person = byId.get(field(item.ViewerId));
      return { ms, row: [field(item.ViewerId), field(person?.Title), field(person?.Team), field(item.CharterId), field(item.Version), Number.isNaN(ms) ? at : new Date(ms).toISOString()] };
    });
    // As the server orders it: by time (an unreadable one last), then viewer, charter and version.
    rows.sort((a, b) => (Number.isNaN(a.ms) ? 1 : 0) - (Number.isNaN(b.ms) ? 1 : 0) || (a.ms - b.ms || 0) || compareText(a.row[0]!, b.row[0]!) || compareText(a.row[3]!, b.row[3]!) || Number(a.row[4]) - Number(b.row[4]));
    return csvDocument([REGISTER_COLUMNS, ...rows.map(({ row }) => row)]);
  }

  /**
   * The leaderboard from the rows a Power Automate flow keeps in the Leaderboard list: the
   * period's rows (`Period`, `Scope` and `PeriodStart`, indexed, in the filter), ranked again on
   * `Points` by the rules' order. The flow writes everyone as the rules show them to others
   * (opted-out people anonymous, with no id; small teams merged); the viewer's own row is
   * computed here from their shares, and replaces theirs (named, or an anonymous row of the
   * same points and shares), so that they see it named wherever they stand.
   */
  async #leaderboardFromList(query: LeaderboardQuery): Promise<Leaderboard> {
    const now = this.#clock.now();
    const range = periodRange(query.period, now);
    const filter = [`Period eq ${text(query.period)}`, `Scope eq ${text(query.scope)}`];
    if (range) filter.push(`PeriodStart ge ${datetime(range.start)}`, `PeriodStart lt ${datetime(range.end)}`);
    const [viewer, items, tiers] = await Promise.all([
      this.viewer(),
      this.#readAll('leaderboard', { $select: COLUMNS.leaderboard.join(','), $filter: filter.join(' and '), $top: String(LIST_VIEW_THRESHOLD) }),
      this.#tiers(),
    ]);
    let rows = items.map(toBoardRow);
    if (query.scope === 'teams') {
      rows = rows.map((row) => ({ ...row, isViewer: viewer.team !== undefined && (row.id === OTHER_TEAMS_ID ? row.merged.includes(viewer.team) : row.id === viewer.team) }));
    } else {
      const own = await this.#viewerRow(viewer, query, now);
      let index = rows.findIndex((row) => !row.anonymous && row.id === viewer.id);
      if (index < 0 && own.shares > 0) index = rows.findIndex((row) => row.anonymous && row.points === own.points && row.shares === own.shares);
      if (index >= 0) rows.splice(index, 1);
      rows.push({ ...own, merged: [] });
    }
    const sorted = rows.sort(compareBoardRows);
    const ranks = competitionRanks(sorted, (row) => row.points);
    let anonymousCount = 0;
    const entries = sorted.map(({ merged: _merged, ...row }, index): LeaderboardEntry => ({ ...row, id: row.anonymous ? `anonymous-${++anonymousCount}` : row.id, rank: ranks[index]! }));
    return { period: query.period, entries: topAndViewer(entries, query.limit), tiers };
  }

  /** The viewer's own row of a people board, by the rules, from their People item and their shares alone. */
  async #viewerRow(viewer: Viewer, query: LeaderboardQuery, now: Date): Promise<LeaderboardEntry> {
    const [person, shareables, shares] = await Promise.all([
      this.#readAll('people', { $select: COLUMNS.people.join(','), $filter: `RelaisId eq ${text(viewer.id)}`, $top: '1' }, 1),
      this.#catalogue(),
      this.#readAll('shares', { $select: COLUMNS.shares.join(','), $filter: `ViewerId eq ${text(viewer.id)}`, $top: String(LIST_VIEW_THRESHOLD) }),
    ]);
    const board = computeLeaderboard({
      period: query.period,
      scope: 'people',
      now,
      viewer,
      people: this.#valid(person.map(toPerson), PersonSchema, 'people') as Person[],
      shareables,
      shares: this.#valid(shares.map(toShareEvent), ShareEventSchema, 'shares') as ShareEvent[],
    });
    return board.entries.find((entry) => entry.isViewer)!; // the rules always give the viewer a row
  }

  /** The catalogue's points and categories (expired items included: points earned on them still count). */
  async #catalogue(): Promise<(Pick<Shareable, 'id' | 'points' | 'category'> & { title?: string })[]> {
    const items = await this.#readAll('shareables', { $select: 'RelaisId,Title,Points,Category', $top: String(LIST_VIEW_THRESHOLD) });
    return items.map((item) => ({
      id: String(item.RelaisId),
      title: typeof item.Title === 'string' ? item.Title : undefined,
      points: typeof item.Points === 'number' ? item.Points : DEFAULT_POINTS,
      category: item.Category as Shareable['category'],
    }));
  }

  async #tiers(): Promise<Tier[]> {
    const items = await this.#readAll('tiers', { $select: COLUMNS.tiers.join(','), $orderby: 'MinPoints asc', $top: String(LIST_VIEW_THRESHOLD) });
    return this.#valid(items.map(toTier), TierSchema, 'tiers') as Tier[];
  }

  /** The `Policy` column (JSON) of the latest item of the Guard Policy list. */
  async guardPolicy(): Promise<GuardPolicy> {
    const [item] = await this.#readAll('guardPolicy', { $select: 'Policy', $orderby: 'ID desc', $top: '1' }, 1);
    if (!item) return { version: 0, rules: [], internalDomains: [] };
    try {
      return JSON.parse(String(item.Policy)) as GuardPolicy;
    } catch {
      throw new RelaisDataError('guard policy', '', [`(value): the Policy column of "${this.#lists.guardPolicy}" is not JSON`]);
    }
  }

  onUnsynced(listener: (count: number) => void): () => void {
    return this.#outbox.onCount(listener);
  }

  onWriteRefused(listener: (error: Error, write: UnsyncedWrite) => void): () => void {
    return this.#outbox.onRefused((error, entry) => listener(error, { kind: entry.kind, key: entry.key }));
  }

  /** Sends the outbox now, unless a backoff or SharePoint's `Retry-After` holds it back. */
  flush(): Promise<void> {
    return this.#outbox.flush();
  }

  /** Sends the viewer's kept writes before a sign-out; what cannot go stays kept, or is deleted with `discard`. */
  async beforeSignOut(options: { discard?: boolean } = {}): Promise<SignOutOutcome> {
    if (this.#viewerId === undefined) return { delivered: 0, kept: 0, discarded: 0 };
    return this.#outbox.signOut(options);
  }

  /** Stops the outbox's timers and listeners; what it keeps stays kept for the next page. */
  close(): void {
    this.#outbox.close();
  }

  /** Items that the schema refuses are left out of the computation and reported, each naming its field. */
  #valid(values: unknown[], schema: { safeParse(value: unknown): { success: boolean; error?: unknown } }, list: 'people' | 'shares' | 'tiers'): unknown[] {
    return values.filter((value, index) => {
      const result = schema.safeParse(value);
      if (!result.success) this.#reporter.report(issuesToError(list, result.error as Parameters<typeof issuesToError>[1], [list, index]));
      return result.success;
    });
  }

  async #resolveViewer(): Promise<Viewer> {
    let identity = this.#options.viewer;
    if (!identity) {
      const user = (await this.#read(`${this.#site}/_api/web/currentuser?$select=Title,Email,LoginName,UserPrincipalName`, 'viewer')) as Record<string, unknown>;
      const id = [user.Email, user.UserPrincipalName, user.LoginName].find((value) => typeof value === 'string' && value) as string | undefined;
      identity = { id: (id ?? '').toLowerCase(), displayName: typeof user.Title === 'string' && user.Title ? user.Title : (id ?? '') };
    }
    this.#viewerId = identity.id;
    const [person] = await this.#readAll('people', { $select: COLUMNS.people.join(','), $filter: `RelaisId eq ${text(identity.id)}`, $top: '1' }, 1);
    const team = identity.team ?? (typeof person?.Team === 'string' ? person.Team : undefined);
    return { id: identity.id, displayName: identity.displayName, ...(team ? { team } : {}), leaderboardOptIn: person?.LeaderboardOptIn === true };
  }

  /** Who is signed in, for the outbox (it sends their writes only); `undefined` when SharePoint cannot say now. */
  async #askViewer(): Promise<string | undefined> {
    try {
      return (await this.viewer()).id;
    } catch {
      return undefined;
    }
  }

  #listUrl(list: keyof SharePointLists): string {
    return `${this.#site}/_api/web/lists/GetByTitle(${encodeURIComponent(text(this.#lists[list]))})/items`;
  }

  #query(list: keyof SharePointLists, params: Record<string, string | undefined>): string {
    const search = Object.entries(params)
      .filter((entry): entry is [string, string] => entry[1] !== undefined)
      .map(([name, value]) => `${name}=${encodeURIComponent(value)}`)
      .join('&');
    return `${this.#listUrl(list)}?${search}`;
  }

  /** Every item of a query, following `odata.nextLink` (or the first `max`). */
  async #readAll(list: keyof SharePointLists, params: Record<string, string | undefined>, max = Infinity, once = false): Promise<Item[]> {
    const items: Item[] = [];
    let url: string | undefined = this.#query(list, params);
    while (url && items.length < max) {
      const page = await this.#readPage(url, list, once);
      items.push(...page.items);
      url = page.next;
    }
    return items.slice(0, max);
  }

  async #readPage(url: string, list: keyof SharePointLists, once = false): Promise<{ items: Item[]; next?: string }> {
    const page = (await this.#read(url, list, once)) as Record<string, unknown>;
    if (!Array.isArray(page?.value)) throw new RelaisDataError(list, '', [`(value): the answer of GET ${url} holds no "value" array`]);
    const next = nextLinkOf(page);
    // A next link off this site would send the session's cookies elsewhere.
    if (next !== undefined && !next.startsWith(`${this.#site}/`)) throw new Error(`Relais: SharePoint's next link leaves the site: ${next}`);
    return { items: page.value as Item[], next };
  }

  /** A GET, tried again on transient failures (unless `once`: the outbox has its own backoff); the parsed JSON (not yet validated). */
  async #read(url: string, list: keyof SharePointLists | 'viewer', once = false): Promise<unknown> {
    const retry = once ? { ...this.#options.retry, retries: 0 } : (this.#options.retry ?? {});
    for (let failures = 0; ; ) {
      try {
        const answer = await this.#fetch('GET', url);
        if (!answer.ok) throw this.#failure('GET', url, answer, list);
        try {
          return JSON.parse(answer.text) as unknown;
        } catch {
          throw new RelaisDataError(list, '', [`(value): the answer of GET ${url} is not JSON`]);
        }
      } catch (error) {
        if (once || !(error instanceof TransientError)) throw error;
        if (failures >= (retry.retries ?? DEFAULT_RETRIES)) throw new Error(error.message, { cause: error });
        failures++;
        const wait = Math.max(backoffDelay(failures, retry), error.retryAfter ?? 0);
        // A page does not hold a read for minutes: the element shows the error and offers to try again.
        if (wait > (retry.maxDelay ?? DEFAULT_MAX_DELAY)) throw new Error(error.message, { cause: error });
        await new Promise((resolve) => this.#clock.schedule(() => resolve(undefined), wait));
      }
    }
  }

  /** Adds one kept write as a list item, unless an item of its key is there already. Never rejects. */
  async #deliver(entry: OutboxEntry): Promise<Delivery> {
    const list = entry.kind === 'share' ? 'shares' : 'acknowledgments';
    try {
      // A retry after a lost answer finds the first item: never a second one.
      const [found] = await this.#readAll(list, { $select: 'Id', $filter: `RelaisKey eq ${text(entry.key)}`, $top: '1' }, 1, true);
      if (found) return { outcome: 'delivered' };
      const item = entry.kind === 'share' ? shareItem(entry.key, entry.body) : acknowledgmentItem(entry.key, entry.body);
      for (let attempt = 0; ; attempt++) {
        const answer = await this.#fetch('POST', this.#listUrl(list), { body: JSON.stringify(item), digest: await this.#requestDigest() });
        if (answer.ok) return { outcome: 'delivered' };
        const error = parseErrorBody(answer.text);
        // The digest expired early (a long-open page, a server's clock): a fresh one, once.
        if (answer.status === 403 && error?.number === DIGEST_ERROR && attempt === 0) {
          this.#digest = undefined;
          continue;
        }
        if (error?.number === DUPLICATE_VALUE) return { outcome: 'delivered' };
        const failure = this.#failure('POST', this.#listUrl(list), answer, list);
        if (failure instanceof TransientError) return { outcome: 'retry', error: failure, retryAfter: failure.retryAfter };
        return { outcome: 'refused', error: failure };
      }
    } catch (error) {
      if (error instanceof SharePointError && error.status !== 401) return { outcome: 'refused', error };
      return { outcome: 'retry', error, retryAfter: error instanceof TransientError ? error.retryAfter : undefined };
    }
  }

  /** The form digest of `/_api/contextinfo`, cached until a minute before `FormDigestTimeoutSeconds` runs out. */
  async #requestDigest(): Promise<string> {
    const now = this.#clock.now().getTime();
    if (this.#digest && now < this.#digest.until) return this.#digest.value;
    const url = `${this.#site}/_api/contextinfo`;
    const answer = await this.#fetch('POST', url);
    if (!answer.ok) throw this.#failure('POST', url, answer, 'viewer');
    const info = JSON.parse(answer.text) as { FormDigestValue?: unknown; FormDigestTimeoutSeconds?: unknown };
    if (typeof info.FormDigestValue !== 'string') throw new Error(`Relais: POST ${url} answered no FormDigestValue`);
    const seconds = typeof info.FormDigestTimeoutSeconds === 'number' ? info.FormDigestTimeoutSeconds : 1800;
    this.#digest = { value: info.FormDigestValue, until: now + Math.max(0, seconds - 60) * 1000 };
    return info.FormDigestValue;
  }

  /** One request within `timeout`; a network failure or the timeout is a TransientError. */
  async #fetch(method: 'GET' | 'POST', url: string, write?: { body?: string; digest?: string }): Promise<Answer> {
    const timeout = this.#options.timeout ?? 10_000;
    const controller = new AbortController();
    let expire!: (error: Error) => void;
    const deadline = new Promise<never>((_resolve, reject) => (expire = reject));
    deadline.catch(() => {});
    const timedOut = new TransientError(`Relais: ${method} ${url} timed out after ${timeout} ms (option timeout)`);
    const cancel = this.#clock.schedule(() => {
      expire(timedOut);
      controller.abort(timedOut);
    }, timeout);
    try {
      const headers = new Headers({ Accept: NOMETADATA });
      if (write?.body !== undefined) headers.set('Content-Type', NOMETADATA);
      if (write?.digest) headers.set('X-RequestDigest', write.digest);
      const init: RequestInit = { method, headers, signal: controller.signal, ...(write?.body === undefined ? {} : { body: write.body }) };
      const fetchImpl: SharePointFetch = this.#options.fetch ?? ((input, request) => globalThis.fetch(input, { credentials: 'same-origin', ...request }));
      const response = await Promise.race([fetchImpl(url, init), deadline]);
      const body = await Promise.race([response.text(), deadline]);
      return { status: response.status, ok: response.ok, headers: response.headers, text: body };
    } catch (error) {
      if (error instanceof TransientError) throw error;
      throw new TransientError(`Relais: ${method} ${url} failed: ${String(error)}`);
    } finally {
      cancel();
    }
  }

  /** The error of a non-2xx answer: transient (429, 503…, with `Retry-After`), or a SharePointError saying what to fix. */
  #failure(method: string, url: string, answer: Answer, list: keyof SharePointLists | 'viewer'): Error {
    const error = parseErrorBody(answer.text);
    const said = error?.message ? `: ${error.message}` : '';
    if (isRetryableStatus(answer.status) && !/SPQueryThrottledException/.test(error?.type ?? '')) {
      return new TransientError(`Relais: ${method} ${url} answered ${answer.status}${said}`, parseRetryAfter(answer.headers.get('retry-after'), this.#clock.now()));
    }
    const title = list === 'viewer' ? undefined : this.#lists[list];
    const column = answer.status === 400 && error ? missingColumn(error.message) : undefined;
    if (column) {
      return new SharePointError(`Relais: the SharePoint list "${title}" has no column "${column}" (run the provisioning script; docs/sharepoint.md lists the columns)${said}`, 400, 'missing-column', title, column);
    }
    if (answer.status === 403 && error?.number === ACCESS_DENIED) {
      const what = method === 'GET' ? 'read' : 'add items to';
      return new SharePointError(`Relais: the signed-in user may not ${what} the SharePoint list "${title ?? this.#site}" (ask the site owner for ${method === 'GET' ? 'Read' : 'Contribute'} permission)${said}`, 403, 'access-denied', title);
    }
    if (/SPQueryThrottledException/.test(error?.type ?? '')) {
      return new SharePointError(`Relais: the query on "${title}" exceeds SharePoint's list view threshold (index the filtered column; docs/sharepoint.md)${said}`, answer.status, 'threshold', title);
    }
    return new SharePointError(`Relais: ${method} ${url} answered ${answer.status}${said}`, answer.status, `http-${answer.status}`, title);
  }
}

/** A row of the Leaderboard list before its rank; `merged`: the teams an `other-teams` row gathers. */
type BoardRow = Omit<LeaderboardEntry, 'rank'> & { merged: string[] };

/**
 * An item of the Leaderboard list as a row. An anonymous row keeps its figures only: whatever
 * else the flow wrote there (a name, an id, badges) is never shown.
 */
function toBoardRow(item: Item): BoardRow {
  const figures = { points: item.Points as number, shares: item.Shares as number, isViewer: false };
  if (item.Anonymous === true) return { id: '', ...figures, badges: [], anonymous: true, merged: [] };
  const textOf = (value: unknown) => (typeof value === 'string' && value ? value : undefined);
  const displayName = textOf(item.DisplayName);
  const team = textOf(item.Team);
  const avatarUrl = textOf(item.AvatarUrl);
  const badges = typeof item.Badges === 'string' ? item.Badges.split(/[\s,]+/).filter(Boolean) : [];
  const merged = typeof item.MergedTeams === 'string' ? item.MergedTeams.split(/\r?\n/).map((name) => name.trim()).filter(Boolean) : [];
  return {
    id: field(item.RelaisId),
    ...(displayName ? { displayName } : {}),
    ...(team ? { team } : {}),
    ...(avatarUrl ? { avatarUrl } : {}),
    ...figures,
    badges,
    anonymous: false,
    ...(typeof item.Members === 'number' ? { members: item.Members } : {}),
    merged,
  };
}

/** The rules' order (src/leaderboard/rules.ts): points, shares, named rows first, then name and id. */
function compareBoardRows(a: BoardRow, b: BoardRow): number {
  const last = (row: BoardRow) => Number(row.anonymous || row.id === OTHER_TEAMS_ID);
  return b.points - a.points || b.shares - a.shares || last(a) - last(b) || (a.anonymous ? 0 : compareText(a.displayName ?? '', b.displayName ?? '') || compareText(a.id, b.id));
}

/** The top `limit` rows, and the viewer's row after them when it falls outside (`0`: the viewer's row alone). */
function topAndViewer(entries: LeaderboardEntry[], limit: number | undefined): LeaderboardEntry[] {
  if (limit === undefined || entries.length <= limit) return entries;
  const viewerRow = entries.slice(limit).find((entry) => entry.isViewer);
  return viewerRow ? [...entries.slice(0, limit), viewerRow] : entries.slice(0, limit);
}

/** A column's value as text: empty when the column is. */
function field(value: unknown): string {
  if (value === null || value === undefined) return '';
  return typeof value === 'string' ? value : typeof value === 'number' || typeof value === 'boolean' ? String(value) : JSON.stringify(value);
}

/** Code-point order, as the rules and the server's register use (the same in every locale). */
function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

// Base64url of UTF-8 JSON [publishedAt ms, id]: opaque, and safe in a URL.
function encodeCursor(key: [number, string]): string {
  const bytes = new TextEncoder().encode(JSON.stringify(key));
  return btoa(String.fromCharCode(...bytes)).replaceAll('+', '-').replaceAll('/', '_').replace(/=+$/, '');
}

function decodeCursor(cursor: string): [number, string] {
  try {
    const binary = atob(cursor.replaceAll('-', '+').replaceAll('_', '/'));
    const key: unknown = JSON.parse(new TextDecoder().decode(Uint8Array.from(binary, (char) => char.charCodeAt(0))));
    if (Array.isArray(key) && typeof key[0] === 'number' && Number.isFinite(key[0]) && typeof key[1] === 'string') return [key[0], key[1]];
  } catch {
    // The error below says it for every malformed cursor.
  }
  throw new Error(`Invalid shareables cursor "${cursor}": pass back the nextCursor of a previous page unchanged.`);
}
