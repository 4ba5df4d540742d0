/**
 * The adapter conformance suite: the behaviour every {@link AdvocacyAdapter} must have, run
 * against a hand-checked seed document. Third parties run it on their own adapter:
 *
 * ```ts
 * import { describeAdapterConformance } from 'relais/testing';
 * describeAdapterConformance('MyRestAdapter', async (seed, { viewer, now }) => {
 *   await resetTestServer(seed, now);
 *   return new MyRestAdapter({ endpoint: testServerUrl, viewer });
 * });
 * ```
 *
 * What a passing adapter is guaranteed to do — each point is checked on the adapter itself,
 * never on Relais's {@link validatingAdapter} wrapped around it:
 *
 * - **Its outputs are valid.** Everything the adapter returns is parsed by the model's zod
 *   schemas as it comes out of the adapter; a missing required field, a `javascript:` URL or a
 *   malformed date fails the test that read it, with the method and the field named.
 * - **It returns the source's data as the source holds it**: shareables, the charter and the
 *   guard policy are compared in full with the seed (date-times as instants, `expiresAt`
 *   exactly, since a plain date there means "until the end of that day").
 * - **Listings are right**: unexpired items only, newest first, filtered by category and base
 *   language, at most `limit` per page (20 by default), every item exactly once over the pages.
 * - **Writes are idempotent, and the first write of a key wins**: recording a share event
 *   again with the same id, even with another network or time, counts it once and leaves the
 *   first recording as it was; acknowledging the same (viewerId, charterId, version) again with
 *   another `at` keeps the first acknowledgment. Seeded history counts as written first.
 * - **Leaderboards are right and private**: capped points per item, competition ranks, each
 *   calendar period (week, month, quarter, year) bounded in UTC, `limit` honoured with the
 *   viewer pinned once, teams with fewer than five named contributors merged; no id, name or team of an opted-out person
 *   anywhere in what the adapter returns, including fields the schemas would strip.
 * - **Bad data in the source never reaches an element, is reported, and takes down only what
 *   it belongs to.** Seeded with one bad value, the adapter may refuse the read that meets it
 *   with a RelaisDataError naming the field (never the whole listing, never the whole adapter
 *   when it is created), leave a bad item out and report it through its `onInvalidItem` hook
 *   (a RelaisDataError naming the field), or return the bad value unchanged so that
 *   `validatingAdapter` drops it from a listing or rejects the read, naming the field. Dropping,
 *   repairing or replacing it silently fails: the editor would never learn what to fix. Either
 *   way the rest is still served: the other shareables when one is bad, the shareables and the
 *   guard policy when the charter is bad, and so on. This applies to every adapter: a widget
 *   must not go blank for an item it never shows, whatever the source.
 *
 * Validating what callers pass in (queries, share events, acknowledgments) is not asked of
 * adapters: `validatingAdapter` does it before any call reaches them.
 */
import * as z from 'zod/mini';
import type { AdvocacyAdapter, ViewerIdentity } from '../adapters/types.js';
import { validatingAdapter } from '../adapters/validating-adapter.js';
import {
  AcknowledgmentSchema,
  CharterSchema,
  DataDocumentSchema,
  GuardPolicySchema,
  issuesToError,
  LeaderboardSchema,
  pageSchema,
  parseOrThrow,
  ShareableSchema,
  ViewerSchema,
} from '../model/index.js';
import type { Acknowledgment, DataDocument, DataDocumentInput, Leaderboard, LeaderboardEntry, Period, RelaisDataError, ShareEvent } from '../model/index.js';
import { check, checkDataError, checkEqual, ConformanceFailure, valueAt } from './assert.js';
import { CONFORMANCE_NOW, CONFORMANCE_VIEWER, conformanceSeed, fixtureShareId } from './fixture.js';

/** What the suite tells the factory besides the seed. */
export interface ConformanceContext {
  /** The viewer the adapter must use, as a page would give it in the adapter's options. */
  viewer: ViewerIdentity;
  /** "Now" for expiry and leaderboard periods: make the adapter's clock (or the test server's) say this. */
  now: Date;
}

/**
 * Makes a fresh adapter holding exactly `seed` (a data document, as `MemoryAdapter` takes it).
 * Called once per test. A seed may hold bad data on purpose: then the adapter may refuse the read
 * that meets it (a RelaisDataError naming the field), leave a bad item out and report it through
 * `onInvalidItem`, or return the bad value unchanged. It must not refuse everything for it (throw
 * here, or refuse a whole listing), nor drop, repair or replace it silently.
 */
export type AdapterFactory = (seed: DataDocumentInput, context: ConformanceContext) => AdvocacyAdapter | Promise<AdvocacyAdapter>;

/** The test runner's functions, when they are not globals (e.g. vitest without `globals: true`). */
export interface ConformanceOptions {
  describe?: (title: string, body: () => void) => unknown;
  it?: (title: string, body: () => Promise<void>) => unknown;
}

/**
 * Declares the conformance tests of an adapter with the runner's `describe` and `it` (mocha,
 * jest, vitest, node:test…). Every value the adapter returns is parsed by the model's schemas,
 * so any schema violation fails too; see the module's documentation for what a pass means.
 *
 * @param name Shown in the suite's title.
 * @param makeAdapter Makes a fresh adapter from a seed; see {@link AdapterFactory}.
 */
export function describeAdapterConformance(name: string, makeAdapter: AdapterFactory, options: ConformanceOptions = {}): void {
  const runner = globalThis as unknown as Required<ConformanceOptions>;
  const describe = options.describe ?? runner.describe;
  const it = options.it ?? runner.it;
  if (typeof describe !== 'function' || typeof it !== 'function') {
    throw new TypeError('describeAdapterConformance needs describe() and it(): run it in a test runner, or pass them in its options.');
  }

  const context = (): ConformanceContext => ({ viewer: { ...CONFORMANCE_VIEWER }, now: new Date(CONFORMANCE_NOW) });
  /** A fresh adapter, every output of which is parsed by the schemas (the adapter itself stays at `.raw`). */
  const setUp = async (seed: DataDocumentInput = conformanceSeed()) => reading(await makeAdapter(seed, context()));
  /** The seed as the schemas read it, defaults filled in: what the adapter must give back. */
  const source: DataDocument = parseOrThrow(DataDocumentSchema, conformanceSeed(), 'data document');
  const seeded = (id: string) => source.shareables.find((item) => item.id === id);

  /**
   * Checks that bad data seeded in the source never reaches an element, is reported with its
   * field, and takes down only what it belongs to: see {@link AdapterFactory}.
   */
  const checkBadDataStopped = async (bad: BadData): Promise<void> => {
    let adapter: AdvocacyAdapter;
    try {
      adapter = await makeAdapter(bad.seed, context());
    } catch (error) {
      throw new ConformanceFailure(
        `${bad.what}: creating the adapter failed (${String(error)}): one bad value must take down only what it belongs to, not the whole source`,
      );
    }
    const reportedByAdapter: unknown[] = [];
    adapter.onInvalidItem?.((error) => reportedByAdapter.push(error));
    const matching = (reported: unknown[]) =>
      reported.find((error): error is RelaisDataError => (error as Partial<RelaisDataError>)?.name === 'RelaisDataError' && bad.field.test((error as RelaisDataError).field));
    await checkRestServed(adapter, bad);

    let returned: unknown;
    try {
      returned = await bad.read(adapter);
    } catch (error) {
      check(
        !bad.listing,
        `${bad.what}: the adapter refused the whole listing (${String(error)}): one bad item must not take the others down; leave it out and report it through onInvalidItem, or return it unchanged`,
      );
      checkDataError(error, bad.field, `${bad.what}: the adapter refused it`);
      return;
    }
    if (bad.droppable && matching(reportedByAdapter)) return;

    const validating = validatingAdapter(adapter);
    const reportedByWrapper: unknown[] = [];
    validating.onInvalidItem?.((error) => reportedByWrapper.push(error));
    let caught: { error: unknown } | undefined;
    try {
      await bad.read(validating);
    } catch (error) {
      caught = { error };
    }
    const stopped = bad.listing ? matching(reportedByWrapper) && { error: matching(reportedByWrapper) } : caught;
    check(
      stopped,
      `${bad.what}: the adapter neither refused it with a RelaisDataError nor returned it unchanged, nor reported it through onInvalidItem (it dropped, repaired or replaced it silently, so validatingAdapter found nothing to report): it returned ${JSON.stringify(returned)}`,
    );
    const error = checkDataError(stopped.error, bad.field, `${bad.what}: returned by the adapter, then stopped by validatingAdapter`);
    checkEqual(valueAt(returned, error.field), bad.value, `${bad.what}: what the adapter returned at "${error.field}" (the source's value, unchanged)`);
    const parent = error.field.replace(/(^|\.)[^.[\]]+$/, '');
    for (const [key, value] of Object.entries(bad.beside)) {
      const path = parent ? `${parent}.${key}` : key;
      checkEqual(valueAt(returned, path), value, `${bad.what}: what the adapter returned at "${path}", next to the bad field`);
    }
  };

  /** The reads that the bad value does not belong to still work, through validatingAdapter. */
  const checkRestServed = async (adapter: AdvocacyAdapter, bad: BadData): Promise<void> => {
    const validating = validatingAdapter(adapter);
    const attempt = async <T>(what: string, read: () => Promise<T>): Promise<T> => {
      try {
        return await read();
      } catch (error) {
        throw new ConformanceFailure(`${bad.what}: ${what} failed (${String(error)}): one bad value must take down only what it belongs to`);
      }
    };
    const listed = (await attempt('shareables()', () => validating.shareables())).items.map((item) => item.id).sort();
    checkEqual(listed, LIVE.filter((id) => id !== bad.shareableId).sort(), `${bad.what}: the other shareables, still listed`);
    if (bad.part !== 'charter') await attempt('charter()', () => validating.charter());
    if (bad.part !== 'guard policy') await attempt('guardPolicy()', () => validating.guardPolicy());
    await attempt('viewer()', () => validating.viewer());
  };

  describe(`${name} — adapter conformance`, () => {
    describe('viewer', () => {
      it('returns the viewer given by the page, with leaderboardOptIn from people', async () => {
        const viewer = await (await setUp()).viewer();
        checkEqual(
          { id: viewer.id, displayName: viewer.displayName, team: viewer.team, leaderboardOptIn: viewer.leaderboardOptIn },
          { id: 'p-viewer', displayName: 'Camille Martin', team: 'Engineering', leaderboardOptIn: false },
          'viewer',
        );
      });
    });

    describe('shareables', () => {
      const live = LIVE;

      it('lists unexpired items only, newest publishedAt first, each as the source holds it', async () => {
        const page = await (await setUp()).shareables();
        const ids = page.items.map((item) => item.id);
        check(!ids.includes('s-expired'), `an item that expired before now is listed: ${ids.join(', ')}`);
        checkEqual([...ids].sort(), [...live].sort(), 'listed ids');
        checkNewestFirst(page.items);
        for (const item of page.items) checkSameData(item, seeded(item.id), `listed item ${item.id}`);
      });

      it('returns up to 20 items on one page by default, with nextCursor only when more remain', async () => {
        const page = await (await setUp()).shareables({});
        checkEqual(page.items.length, live.length, 'items on the default page');
        check(page.nextCursor === undefined, `nextCursor must be absent on the last page, got "${page.nextCursor}"`);

        const seed = conformanceSeed();
        const template = seed.shareables![0]!;
        const more = Array.from({ length: 20 }, (_, n) => ({ ...template, id: `s-more-${n + 10}`, publishedAt: `2026-06-${n + 10}T09:00:00Z` }));
        seed.shareables = [...seed.shareables!, ...more];
        const adapter = await setUp(seed);
        const first = await adapter.shareables();
        checkEqual(first.items.length, 20, 'items on the first default page of 27');
        check(first.nextCursor !== undefined, 'the first default page of 27 items has no nextCursor');
        const pages = await walkPages(adapter, {});
        checkEqual(pages.map((items) => items.length), [20, 7], 'default page sizes over 27 items');
        checkEqual(pages.flat().map((item) => item.id).sort(), [...live, ...more.map((item) => item.id)].sort(), 'ids over the default pages');
      });

      it('filters by category', async () => {
        const page = await (await setUp()).shareables({ category: 'industry' });
        checkEqual(page.items.map((item) => item.id).sort(), ['s-industry-en', 's-industry-fr'], 'industry items');
      });

      it('filters by base language: "fr" matches "fr", "fr-FR" and "fr-CA"', async () => {
        const adapter = await setUp();
        const french = (await adapter.shareables({ lang: 'fr' })).items.map((item) => item.id).sort();
        checkEqual(french, ['s-culture-fr', 's-industry-fr', 's-product-ca', 's-product-fr'], 'items in French');
        const english = (await adapter.shareables({ lang: 'en' })).items.map((item) => item.id).sort();
        checkEqual(english, ['s-culture-en', 's-industry-en', 's-product-en'], 'items in English');
      });

      it('combines the category and language filters', async () => {
        const page = await (await setUp()).shareables({ category: 'product', lang: 'fr' });
        checkEqual(page.items.map((item) => item.id).sort(), ['s-product-ca', 's-product-fr'], 'French product items');
      });

      it('walks every page with a small limit: all items once, in order, no nextCursor at the end', async () => {
        const adapter = await setUp();
        for (const limit of [1, 2, 3, 7]) {
          const pages = await walkPages(adapter, { limit });
          const ids = pages.flat().map((item) => item.id);
          check(pages.every((items) => items.length <= limit), `limit ${limit}: a page holds more than ${limit} items`);
          checkEqual(new Set(ids).size, ids.length, `limit ${limit}: distinct ids over all pages`);
          checkEqual([...ids].sort(), [...live].sort(), `limit ${limit}: ids over all pages`);
          checkNewestFirst(pages.flat());
        }
      });

      it('paginates a filtered listing', async () => {
        const pages = await walkPages(await setUp(), { lang: 'fr', limit: 3 });
        checkEqual(pages.map((items) => items.length), [3, 1], 'page sizes of the French items');
        checkEqual(pages.flat().map((item) => item.id).sort(), ['s-culture-fr', 's-industry-fr', 's-product-ca', 's-product-fr'], 'French items over all pages');
      });

      it('returns one shareable by id as the source holds it, and undefined for an unknown id', async () => {
        const adapter = await setUp();
        checkSameData(await adapter.shareable('s-culture-en'), seeded('s-culture-en'), 'shareable s-culture-en');
        checkSameData(await adapter.shareable('s-product-ca'), seeded('s-product-ca'), 'shareable s-product-ca');
        checkEqual(await adapter.shareable('no-such-item'), undefined, 'unknown shareable');
      });
    });

    describe('shares', () => {
      const newShare = (n: number, network: ShareEvent['network'], at = CONFORMANCE_NOW): ShareEvent => ({
        id: fixtureShareId(n),
        shareableId: 's-industry-fr',
        viewerId: 'p-viewer',
        network,
        at,
        personalized: true,
      });

      it("records a share: the viewer earns the item's points", async () => {
        const adapter = await setUp();
        await adapter.recordShare(newShare(100, 'linkedin'));
        checkEqual(pointsAndShares(await viewerRow(adapter, 'all')), { points: 40, shares: 2 }, 'viewer after one new share');
        checkEqual(pointsAndShares(await viewerRow(adapter, 'week')), { points: 30, shares: 1 }, 'viewer this week');
      });

      it('is idempotent on the event id: a retry with another network and time counts once and changes nothing', async () => {
        const adapter = await setUp();
        await adapter.recordShare(newShare(100, 'linkedin'));
        // The same event again, as a confused client might send it: an October date would move it out of this week.
        await adapter.recordShare({ ...newShare(100, 'mastodon', '2026-10-05T10:00:00Z'), personalized: false });
        checkEqual(pointsAndShares(await viewerRow(adapter, 'all')), { points: 40, shares: 2 }, 'viewer after recording one event id twice');
        checkEqual(pointsAndShares(await viewerRow(adapter, 'week')), { points: 30, shares: 1 }, 'viewer this week (the first recording, dated now, must stand)');
        checkEqual(pointsAndShares(await viewerRow(adapter, 'month')), { points: 40, shares: 2 }, 'viewer in November');
      });

      it('is idempotent on the event id for seeded history too: the seeded event stands', async () => {
        const adapter = await setUp();
        // The viewer's seeded share of s-culture-fr on 4 November, sent again dated now.
        await adapter.recordShare({ id: fixtureShareId(21), shareableId: 's-culture-fr', viewerId: 'p-viewer', network: 'x', at: CONFORMANCE_NOW, personalized: true });
        checkEqual(pointsAndShares(await viewerRow(adapter, 'all')), { points: 10, shares: 1 }, 'viewer after a seeded event was sent again');
        checkEqual(pointsAndShares(await viewerRow(adapter, 'week')), { points: 0, shares: 0 }, 'viewer this week (the seeded event is dated 4 November)');
      });

      it('counts another share of the same item, but not its points again', async () => {
        const adapter = await setUp();
        await adapter.recordShare(newShare(100, 'linkedin'));
        await adapter.recordShare(newShare(101, 'mastodon'));
        checkEqual(pointsAndShares(await viewerRow(adapter, 'all')), { points: 40, shares: 3 }, 'viewer after sharing one item on two networks');
      });
    });

    describe('charter and acknowledgments', () => {
      it('returns the charter as the source holds it, with defaults filled in', async () => {
        const charter = await (await setUp()).charter();
        checkEqual(
          { id: charter.id, version: charter.version, minAcknowledgedVersion: charter.minAcknowledgedVersion, renewalDays: charter.renewalDays, requireAcknowledgment: charter.requireAcknowledgment },
          { id: 'charter-2026', version: 3, minAcknowledgedVersion: 2, renewalDays: 365, requireAcknowledgment: true },
          'charter',
        );
        checkSameData(charter, source.charter, 'charter');
      });

      it('returns the highest acknowledged version of the current charter', async () => {
        const ack = await (await setUp()).acknowledgment('p-viewer');
        checkSameData(ack, { viewerId: 'p-viewer', charterId: 'charter-2026', version: 2, at: '2026-02-01T09:00:00Z' }, "viewer's acknowledgment");
      });

      it('returns undefined when the viewer acknowledged only another charter, or nothing', async () => {
        const adapter = await setUp();
        checkEqual(await adapter.acknowledgment('p-alice'), undefined, 'acknowledgment of an older charter only');
        checkEqual(await adapter.acknowledgment('p-nobody'), undefined, 'no acknowledgment');
      });

      it('stores an acknowledgment and returns it as the latest', async () => {
        const adapter = await setUp();
        const ack = { viewerId: 'p-viewer', charterId: 'charter-2026', version: 3, at: CONFORMANCE_NOW };
        await adapter.acknowledge(ack);
        checkSameData(await adapter.acknowledgment('p-viewer'), ack, 'acknowledgment after acknowledging version 3');
      });

      it('is idempotent on (viewerId, charterId, version): the first acknowledgment of a key wins', async () => {
        const adapter = await setUp();
        const ack = (viewerId: string, at: string): Acknowledgment => ({ viewerId, charterId: 'charter-2026', version: 3, at });
        // Acknowledged again later: neither an overwrite nor a second, latest copy may show.
        // The first of each pair is dated now: a server records its own time, so the first stands as sent.
        await adapter.acknowledge(ack('p-alice', CONFORMANCE_NOW));
        await adapter.acknowledge(ack('p-alice', '2026-11-18T12:01:00.000Z'));
        checkSameData(await adapter.acknowledgment('p-alice'), ack('p-alice', CONFORMANCE_NOW), 'Alice, acknowledged at 12:00 then 12:01');
        // Acknowledged again with an earlier time: neither an overwrite nor a second, earliest copy may show.
        await adapter.acknowledge(ack('p-viewer', CONFORMANCE_NOW));
        await adapter.acknowledge(ack('p-viewer', '2026-11-18T09:00:00Z'));
        checkSameData(await adapter.acknowledgment('p-viewer'), ack('p-viewer', CONFORMANCE_NOW), 'viewer, acknowledged at 12:00 then 09:00');
        // Bob's seeded acknowledgment of version 3 was written first.
        await adapter.acknowledge(ack('p-bob', CONFORMANCE_NOW));
        checkSameData(await adapter.acknowledgment('p-bob'), ack('p-bob', '2026-11-02T09:00:00Z'), "Bob, whose seeded acknowledgment was sent again");
      });
    });

    describe('guard policy', () => {
      it("returns the document's guard policy as the source holds it", async () => {
        const policy = await (await setUp()).guardPolicy();
        checkEqual(policy.rules.map((rule) => rule.id), ['politics', 'no-email'], 'guard policy rules');
        checkEqual(policy.internalDomains, ['intranet.example.com'], 'internal domains');
        checkSameData(policy, source.guardPolicy, 'guard policy');
      });
    });

    describe('leaderboard', () => {
      it('ranks people by points, ties sharing a rank (competition ranking)', async () => {
        const board = await (await setUp()).leaderboard({ period: 'all', scope: 'people' });
        checkRanking(board);
        checkEqual(board.period, 'all', 'period');
        checkEqual(
          takingPart(board).map((entry) => [entry.rank, entry.points]),
          [[1, 95], [2, 60], [3, 50], [3, 50], [3, 50], [6, 35], [6, 35], [8, 20], [9, 10]],
          'ranks and points, all time',
        );
      });

      it('caps points per shareable and counts every share', async () => {
        const board = await (await setUp()).leaderboard({ period: 'all', scope: 'people' });
        checkEqual(pick(entryById(board, 'p-alice'), ['displayName', 'team', 'points', 'shares', 'rank', 'anonymous', 'isViewer']), { displayName: 'Alice Bernard', team: 'Engineering', points: 50, shares: 3, rank: 3, anonymous: false, isViewer: false }, 'Alice (shared one item twice)');
        checkEqual(pointsAndShares(entryById(board, 'p-bob')), { points: 50, shares: 3 }, 'Bob (shared one item twice)');
      });

      it('shows opted-out and unknown people anonymously: no id, name or team of theirs anywhere it returns', async () => {
        const adapter = await setUp();
        const board = await adapter.leaderboard({ period: 'all', scope: 'people' });
        const secrets = ['p-leo', 'Léo Hidden', 'p-chloe', 'Chloé Secret', 'p-ghost', 'p-sales4', 'Sarah Blanc', 'p-dim', 'Dimitri Mercier'];
        for (const period of ['all', 'year', 'quarter', 'month', 'week'] as const) {
          for (const scope of ['people', 'teams'] as const) {
            // What the adapter returned as it is: a field the schemas would strip is still in the page.
            const text = JSON.stringify(await adapter.raw.leaderboard({ period, scope }));
            for (const secret of secrets) {
              check(!text.includes(secret), `the ${period} ${scope} leaderboard reveals "${secret}", who did not opt in: ${text}`);
            }
          }
        }
        const anonymous = board.entries.filter((entry) => entry.anonymous);
        checkEqual(takingPart(board).filter((entry) => entry.anonymous).map((entry) => [entry.rank, entry.points, entry.shares]), [[2, 60, 2], [3, 50, 3], [8, 20, 1]], 'anonymous rows');
        check(anonymous.every((entry) => entry.team === undefined && !entry.isViewer), 'an anonymous row shows a team or is marked as the viewer');
        check(anonymous.every((entry) => entry.displayName === undefined), 'an anonymous row carries a name (it must carry none: the element says "anonymous" in the reader\'s language)');
      });

      it('gives every row its own id', async () => {
        const board = await (await setUp()).leaderboard({ period: 'all', scope: 'people' });
        const ids = board.entries.map((entry) => entry.id);
        checkEqual(new Set(ids).size, ids.length, `distinct ids among ${ids.join(', ')}`);
      });

      it("shows the viewer's own row, named and marked, although they opted out", async () => {
        const board = await (await setUp()).leaderboard({ period: 'all', scope: 'people' });
        const mine = board.entries.filter((entry) => entry.isViewer);
        checkEqual(mine.map((entry) => pick(entry, ['id', 'displayName', 'anonymous', 'points', 'shares', 'rank'])), [{ id: 'p-viewer', displayName: 'Camille Martin', anonymous: false, points: 10, shares: 1, rank: 9 }], 'viewer rows');
      });

      it('counts only the current calendar month (UTC)', async () => {
        const board = await (await setUp()).leaderboard({ period: 'month', scope: 'people' });
        checkRanking(board);
        checkEqual(board.period, 'month', 'period');
        checkEqual(takingPart(board).map((entry) => [entry.rank, entry.points]), [[1, 70], [2, 50], [2, 50], [4, 25], [5, 10], [5, 10], [5, 10], [5, 10]], 'ranks and points in November');
        checkEqual(pointsAndShares(entryById(board, 'p-dina')), { points: 70, shares: 4 }, 'Dina in November');
        checkEqual(pointsAndShares(await viewerRow(await setUp(), 'month')), { points: 10, shares: 1 }, 'viewer in November');
      });

      it('counts only the current ISO week, Monday to Sunday (UTC), and keeps the viewer without shares', async () => {
        const board = await (await setUp()).leaderboard({ period: 'week', scope: 'people' });
        checkRanking(board);
        checkEqual(pick(entryById(board, 'p-alice'), ['points', 'shares', 'rank']), { points: 50, shares: 3, rank: 1 }, 'Alice this week');
        checkEqual(pick(entryById(board, 'p-bob'), ['points', 'shares', 'rank']), { points: 30, shares: 1, rank: 2 }, 'Bob this week');
        const others = board.entries.filter((entry) => entry.id !== 'p-alice' && entry.id !== 'p-bob');
        check(others.every((entry) => entry.points === 0 && entry.shares === 0), `only Alice and Bob shared this week: ${JSON.stringify(others)}`);
        checkEqual(pick(entryById(board, 'p-viewer'), ['points', 'shares', 'rank', 'isViewer']), { points: 0, shares: 0, rank: 3, isViewer: true }, 'viewer this week');
      });

      it('counts only the current calendar quarter and year (UTC)', async () => {
        const adapter = await setUp();
        // The fourth quarter leaves out Léo's September share and the 2025 one; the year only the 2025 one.
        const quarter = await adapter.leaderboard({ period: 'quarter', scope: 'people' });
        checkRanking(quarter);
        checkEqual(quarter.period, 'quarter', 'period');
        checkEqual(takingPart(quarter).map((entry) => [entry.rank, entry.points]), [[1, 95], [2, 50], [2, 50], [2, 50], [5, 35], [5, 35], [7, 10], [7, 10]], 'ranks and points, October to December');
        const year = await adapter.leaderboard({ period: 'year', scope: 'people' });
        checkRanking(year);
        checkEqual(year.period, 'year', 'period');
        checkEqual(takingPart(year).map((entry) => [entry.rank, entry.points]), [[1, 95], [2, 60], [3, 50], [3, 50], [3, 50], [6, 35], [6, 35], [8, 10]], 'ranks and points in 2026');
      });

      it("keeps the top N rows and pins the viewer's row after them, once, when it falls outside", async () => {
        const adapter = await setUp();
        const board = await adapter.leaderboard({ period: 'all', scope: 'people', limit: 3 });
        checkEqual(board.entries.map((entry) => [entry.rank, entry.isViewer]), [[1, false], [2, false], [3, false], [9, true]], 'top 3 and the viewer');
        const justOutside = await adapter.leaderboard({ period: 'all', scope: 'people', limit: 8 });
        checkEqual(justOutside.entries.map((entry) => [entry.rank, entry.isViewer]).slice(7), [[8, false], [9, true]], 'top 8 and the viewer, the last two rows');
        checkEqual(justOutside.entries.length, 9, 'rows of the top 8 and the viewer');
        const viewerAlone = await adapter.leaderboard({ period: 'all', scope: 'people', limit: 0 });
        checkEqual(viewerAlone.entries.map((entry) => [entry.rank, entry.isViewer]), [[9, true]], 'limit 0: the viewer\'s row alone, with its real rank');
        const justInside = await adapter.leaderboard({ period: 'all', scope: 'people', limit: 9 });
        checkEqual(justInside.entries.length, 9, 'rows of the top 9, the viewer among them');
        checkEqual(justInside.entries.filter((entry) => entry.isViewer).map((entry) => entry.rank), [9], 'viewer rows of the top 9');
      });

      it('returns the tiers', async () => {
        const board = await (await setUp()).leaderboard({ period: 'all', scope: 'people' });
        checkEqual(board.tiers, [{ name: 'Bronze', minPoints: 0 }, { name: 'Silver', minPoints: 50 }, { name: 'Gold', minPoints: 100 }], 'tiers');
      });

      it('merges teams with fewer than five named contributors into "Other teams", opted-out shares counted nowhere', async () => {
        const board = await (await setUp()).leaderboard({ period: 'all', scope: 'teams' });
        checkRanking(board);
        const rows = board.entries.map((entry) => pick(entry, ['displayName', 'points', 'shares', 'rank', 'isViewer', 'anonymous']));
        // Named contributors: Alice and Bob (Engineering), Dan and Eve (Sales), Dina (Design): no
        // team has five, together they are five. Chloé, Léo and the viewer opted out: not counted.
        checkEqual(rows, [{ displayName: undefined, points: 265, shares: 15, rank: 1, isViewer: true, anonymous: false }], 'team rows');
        checkEqual(board.entries[0]?.id, 'other-teams', 'id of the merged row');
        const text = JSON.stringify(board);
        check(!['Engineering', 'Sales', 'Legal', 'Design'].some((team) => text.includes(team)), `a team with fewer than five named contributors is named: ${text}`);
      });
    });

    describe(BAD_DATA_TITLE, () => {
      it('a shareable whose url is not http(s)', async () => {
        const seed = () => {
          const bad = conformanceSeed();
          bad.shareables![1]!.url = 'javascript:alert(1)';
          return bad;
        };
        const common = { value: 'javascript:alert(1)', beside: { id: 's-culture-en' }, shareableId: 's-culture-en', droppable: true, part: 'shareable' } as const;
        await checkBadDataStopped({ ...common, what: 'listing', listing: true, seed: seed(), read: (adapter) => adapter.shareables(), field: /^(shareables|items)\[\d+\]\.url$/ });
        await checkBadDataStopped({ ...common, what: 'by id', seed: seed(), read: (adapter) => adapter.shareable('s-culture-en'), field: /^(shareables\[\d+\]\.)?url$/ });
      });

      it('a shareable without its title', async () => {
        const seed = () => {
          const bad = conformanceSeed();
          delete (bad.shareables![1] as { title?: string }).title;
          return bad;
        };
        const common = { value: undefined, beside: { id: 's-culture-en' }, shareableId: 's-culture-en', droppable: true, part: 'shareable' } as const;
        await checkBadDataStopped({ ...common, what: 'listing', listing: true, seed: seed(), read: (adapter) => adapter.shareables(), field: /^(shareables|items)\[\d+\]\.title$/ });
        await checkBadDataStopped({ ...common, what: 'by id', seed: seed(), read: (adapter) => adapter.shareable('s-culture-en'), field: /^(shareables\[\d+\]\.)?title$/ });
      });

      it('a charter whose minAcknowledgedVersion exceeds its version', async () => {
        const seed = conformanceSeed();
        seed.charter.minAcknowledgedVersion = 5;
        await checkBadDataStopped({ what: 'charter', part: 'charter', seed, read: (adapter) => adapter.charter(), field: /^(charter\.)?minAcknowledgedVersion$/, value: 5, beside: { id: 'charter-2026', version: 3 } });
      });

      it('a guard policy rule with a regexp flag it may not set', async () => {
        const seed = conformanceSeed();
        seed.guardPolicy = { version: 1, rules: [{ id: 'global', kind: 'pattern', category: 'x', severity: 'warn', pattern: 'a+', flags: 'g' }] };
        await checkBadDataStopped({ what: 'guard policy', part: 'guard policy', seed, read: (adapter) => adapter.guardPolicy(), field: /^(guardPolicy\.)?rules\[0\]\.flags$/, value: 'g', beside: { id: 'global' } });
      });

      it('an acknowledgment whose date is not a date', async () => {
        const seed = conformanceSeed();
        seed.acknowledgments![2]!.at = 'last Tuesday';
        await checkBadDataStopped({ what: "the viewer's acknowledgment", part: 'acknowledgment', droppable: true, seed, read: (adapter) => adapter.acknowledgment('p-viewer'), field: /^(acknowledgments\[\d+\]\.)?at$/, value: 'last Tuesday', beside: { viewerId: 'p-viewer', charterId: 'charter-2026', version: 2 } });
      });
    });
  });
}

// ---------------------------------------------------------------------------------------------

/** The title of the bad-data tests. */
export const BAD_DATA_TITLE =
  'bad data in the source: refused by the read, left out and reported, or returned unchanged for validatingAdapter to stop; never silently dropped or repaired, never taking the rest down';

/** The unexpired shareables of the seed. */
const LIVE = ['s-product-ca', 's-industry-en', 's-industry-fr', 's-culture-en', 's-product-fr', 's-culture-fr', 's-product-en'];

/** A bad-data case: a seed holding one bad value, and the read that meets it. */
interface BadData {
  what: string;
  /** What the bad value belongs to: only the reads of it may fail. */
  part: 'shareable' | 'charter' | 'guard policy' | 'acknowledgment';
  /** The id of the bad shareable, left out of the listing of the others. */
  shareableId?: string;
  /** An item of a list: the adapter may leave it out, reporting it through `onInvalidItem`. */
  droppable?: boolean;
  /** The read is a listing: it must not be refused whole for one bad item. */
  listing?: boolean;
  seed: DataDocumentInput;
  read: (adapter: AdvocacyAdapter) => Promise<unknown>;
  /** The bad field's path in the data document (refused whole) or in the value read. */
  field: RegExp;
  /** What the source holds there; an adapter that returns the value must return this. */
  value: unknown;
  /** Fields next to the bad one, naming the entity it belongs to. */
  beside: Record<string, unknown>;
}

const ShareablePageSchema = pageSchema(ShareableSchema);

/** An adapter whose every output is parsed by the schemas, failing with the method and the field; `raw` is the adapter itself. */
type Reading = AdvocacyAdapter & { readonly raw: AdvocacyAdapter };

function reading(adapter: AdvocacyAdapter): Reading {
  const settle = (method: string, pending: unknown): PromiseLike<unknown> => {
    check(
      pending !== null && typeof pending === 'object' && typeof (pending as PromiseLike<unknown>).then === 'function',
      `${method} must return a Promise, got ${String(pending)}`,
    );
    return pending as PromiseLike<unknown>;
  };
  const read = async <S extends z.ZodMiniType>(method: string, schema: S, call: () => unknown): Promise<z.output<S>> => {
    const value = await settle(method, call());
    const result = schema.safeParse(value);
    if (!result.success) {
      const error = issuesToError(method, result.error);
      throw new ConformanceFailure(`${method} returned invalid data at "${error.field || '(value)'}": ${error.problems.join('; ')}`);
    }
    return result.data;
  };
  return {
    raw: adapter,
    viewer: () => read('viewer()', ViewerSchema, () => adapter.viewer()),
    shareables: (query) => read(`shareables(${JSON.stringify(query) ?? ''})`, ShareablePageSchema, () => adapter.shareables(query)),
    shareable: (id) => read(`shareable("${id}")`, z.optional(ShareableSchema), () => adapter.shareable(id)),
    recordShare: async (event) => {
      await settle('recordShare()', adapter.recordShare(event));
    },
    charter: () => read('charter()', CharterSchema, () => adapter.charter()),
    acknowledgment: (viewerId) => read(`acknowledgment("${viewerId}")`, z.optional(AcknowledgmentSchema), () => adapter.acknowledgment(viewerId)),
    acknowledge: async (ack) => {
      await settle('acknowledge()', adapter.acknowledge(ack));
    },
    leaderboard: (query) => read(`leaderboard(${JSON.stringify(query)})`, LeaderboardSchema, () => adapter.leaderboard(query)),
    guardPolicy: () => read('guardPolicy()', GuardPolicySchema, () => adapter.guardPolicy()),
  };
}

/**
 * Fails unless `actual` is `expected`, both as the schemas read them. Date-times named
 * `publishedAt` or `at` are compared as instants (`…T09:00:00Z` and `…T09:00:00.000Z` are the
 * same); everything else, `expiresAt` included, exactly.
 */
function checkSameData(actual: unknown, expected: unknown, what: string): void {
  checkEqual(asInstants(actual), asInstants(expected), what);
}

function asInstants(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(asInstants);
  if (value === null || typeof value !== 'object') return value;
  return Object.fromEntries(
    Object.entries(value).map(([key, inner]) => {
      const instant = (key === 'publishedAt' || key === 'at') && typeof inner === 'string' ? Date.parse(inner) : Number.NaN;
      return [key, Number.isNaN(instant) ? asInstants(inner) : new Date(instant).toISOString()];
    }),
  );
}

async function walkPages(adapter: AdvocacyAdapter, query: { lang?: string; limit?: number }) {
  const pages: { id: string; publishedAt: string }[][] = [];
  let cursor: string | undefined;
  do {
    const page = await adapter.shareables({ ...query, ...(cursor === undefined ? {} : { cursor }) });
    pages.push(page.items);
    check(pages.length <= 50, 'pagination never ends: nextCursor keeps coming');
    check(page.nextCursor === undefined || page.items.length > 0, 'an empty page came with a nextCursor');
    cursor = page.nextCursor;
  } while (cursor !== undefined);
  return pages;
}

function checkNewestFirst(items: readonly { id: string; publishedAt: string }[]): void {
  items.forEach((item, index) => {
    const previous = items[index - 1];
    check(!previous || Date.parse(previous.publishedAt) >= Date.parse(item.publishedAt), `${item.id} is listed after the older ${previous?.id}`);
  });
}

/** Checks the ranking invariants: points never increase, and ranks are competition ranks. */
function checkRanking(board: Leaderboard): void {
  board.entries.forEach((entry, index) => {
    const previous = board.entries[index - 1];
    if (!previous) return checkEqual(entry.rank, 1, 'rank of the first row');
    check(previous.points >= entry.points, `row ${index} has more points than the row above it`);
    const expected = previous.points === entry.points ? previous.rank : index + 1;
    checkEqual(entry.rank, expected, `rank of row ${index} (${entry.points} points after ${previous.points})`);
  });
}

/**
 * The rows of people who shared in the period, and the viewer's. Whether people who shared
 * nothing are listed (at zero points) is the adapter's choice; Relais's own adapters leave them out.
 */
function takingPart(board: Leaderboard): LeaderboardEntry[] {
  return board.entries.filter((entry) => entry.shares > 0 || entry.isViewer);
}

function entryById(board: Leaderboard, id: string): LeaderboardEntry {
  const entry = board.entries.find((candidate) => candidate.id === id);
  check(entry, `no row with id "${id}" in ${JSON.stringify(board.entries.map((candidate) => candidate.id))}`);
  return entry;
}

async function viewerRow(adapter: AdvocacyAdapter, period: Period): Promise<LeaderboardEntry> {
  const board = await adapter.leaderboard({ period, scope: 'people' });
  const mine = board.entries.filter((entry) => entry.isViewer);
  checkEqual(mine.length, 1, `rows marked isViewer (${period})`);
  return mine[0]!;
}

function pointsAndShares(entry: LeaderboardEntry) {
  return { points: entry.points, shares: entry.shares };
}

function pick<T extends object, K extends keyof T>(value: T, keys: K[]): Pick<T, K> {
  return Object.fromEntries(keys.map((key) => [key, value[key]])) as Pick<T, K>;
}
