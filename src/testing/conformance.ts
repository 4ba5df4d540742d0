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
 */
import type { AdvocacyAdapter, ViewerIdentity } from '../adapters/types.js';
import { validatingAdapter } from '../adapters/validating-adapter.js';
import type { DataDocumentInput, Leaderboard, LeaderboardEntry, ShareEvent } from '../model/index.js';
import { check, checkEqual, checkRejectsWithDataError } from './assert.js';
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
 * Called once per test. For a bad seed it may throw, reject, or return an adapter that returns
 * the bad data: the suite accepts any of them as long as a RelaisDataError names the field.
 */
export type AdapterFactory = (seed: DataDocumentInput, context: ConformanceContext) => AdvocacyAdapter | Promise<AdvocacyAdapter>;

/** The test runner's functions, when they are not globals (e.g. vitest without `globals: true`). */
export interface ConformanceOptions {
  describe?: (title: string, body: () => void) => unknown;
  it?: (title: string, body: () => Promise<void>) => unknown;
}

/**
 * Declares the conformance tests of an adapter with the runner's `describe` and `it` (mocha,
 * jest, vitest, node:test…). Every value read goes through {@link validatingAdapter}, so any
 * schema violation fails too.
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
  const setUp = async (seed: DataDocumentInput = conformanceSeed()) => validatingAdapter(await makeAdapter(seed, context()));

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
      const live = ['s-product-ca', 's-industry-en', 's-industry-fr', 's-culture-en', 's-product-fr', 's-culture-fr', 's-product-en'];

      it('lists unexpired items only, newest publishedAt first', async () => {
        const page = await (await setUp()).shareables();
        const ids = page.items.map((item) => item.id);
        check(!ids.includes('s-expired'), `an item that expired before now is listed: ${ids.join(', ')}`);
        checkEqual([...ids].sort(), [...live].sort(), 'listed ids');
        checkNewestFirst(page.items);
      });

      it('returns up to 20 items on one page by default, without nextCursor on the last page', async () => {
        const page = await (await setUp()).shareables({});
        checkEqual(page.items.length, live.length, 'items on the default page');
        check(page.nextCursor === undefined, `nextCursor must be absent on the last page, got "${page.nextCursor}"`);
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

      it('returns one shareable by id, and undefined for an unknown id', async () => {
        const adapter = await setUp();
        const item = await adapter.shareable('s-culture-en');
        checkEqual(
          item && { id: item.id, category: item.category, lang: item.lang, points: item.points, url: item.url },
          { id: 's-culture-en', category: 'culture', lang: 'en', points: 20, url: 'https://news.example.com/s-culture-en' },
          'shareable s-culture-en',
        );
        checkEqual(await adapter.shareable('no-such-item'), undefined, 'unknown shareable');
      });
    });

    describe('shares', () => {
      const newShare = (n: number, network: ShareEvent['network']): ShareEvent => ({
        id: fixtureShareId(n),
        shareableId: 's-industry-fr',
        viewerId: 'p-viewer',
        network,
        at: CONFORMANCE_NOW,
        personalized: true,
      });

      it("records a share: the viewer earns the item's points", async () => {
        const adapter = await setUp();
        await adapter.recordShare(newShare(100, 'linkedin'));
        checkEqual(pointsAndShares(await viewerRow(adapter, 'all')), { points: 40, shares: 2 }, 'viewer after one new share');
        checkEqual(pointsAndShares(await viewerRow(adapter, 'week')), { points: 30, shares: 1 }, 'viewer this week');
      });

      it('is idempotent on the event id: recording the same event again counts it once', async () => {
        const adapter = await setUp();
        await adapter.recordShare(newShare(100, 'linkedin'));
        await adapter.recordShare(newShare(100, 'linkedin'));
        checkEqual(pointsAndShares(await viewerRow(adapter, 'all')), { points: 40, shares: 2 }, 'viewer after recording one event twice');
      });

      it('counts another share of the same item, but not its points again', async () => {
        const adapter = await setUp();
        await adapter.recordShare(newShare(100, 'linkedin'));
        await adapter.recordShare(newShare(101, 'mastodon'));
        checkEqual(pointsAndShares(await viewerRow(adapter, 'all')), { points: 40, shares: 3 }, 'viewer after sharing one item on two networks');
      });
    });

    describe('charter and acknowledgments', () => {
      it('returns the charter, with defaults filled in', async () => {
        const charter = await (await setUp()).charter();
        checkEqual(
          { id: charter.id, version: charter.version, minAcknowledgedVersion: charter.minAcknowledgedVersion, renewalDays: charter.renewalDays, requireAcknowledgment: charter.requireAcknowledgment },
          { id: 'charter-2026', version: 3, minAcknowledgedVersion: 2, renewalDays: 365, requireAcknowledgment: true },
          'charter',
        );
      });

      it('returns the highest acknowledged version of the current charter', async () => {
        const ack = await (await setUp()).acknowledgment('p-viewer');
        checkEqual(ack, { viewerId: 'p-viewer', charterId: 'charter-2026', version: 2, at: '2026-02-01T09:00:00Z' }, "viewer's acknowledgment");
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
        checkEqual(await adapter.acknowledgment('p-viewer'), ack, 'acknowledgment after acknowledging version 3');
      });

      it('is idempotent on (viewerId, charterId, version): acknowledging twice keeps one', async () => {
        const adapter = await setUp();
        const ack = { viewerId: 'p-alice', charterId: 'charter-2026', version: 3, at: CONFORMANCE_NOW };
        await adapter.acknowledge(ack);
        await adapter.acknowledge(ack);
        checkEqual(await adapter.acknowledgment('p-alice'), ack, 'acknowledgment after acknowledging twice');
      });
    });

    describe('guard policy', () => {
      it("returns the document's guard policy", async () => {
        const policy = await (await setUp()).guardPolicy();
        checkEqual(policy.rules.map((rule) => rule.id), ['politics', 'no-email'], 'guard policy rules');
        checkEqual(policy.internalDomains, ['intranet.example.com'], 'internal domains');
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

      it('shows opted-out and unknown people anonymously: no id, name or team of theirs', async () => {
        const board = await (await setUp()).leaderboard({ period: 'all', scope: 'people' });
        const text = JSON.stringify(board);
        for (const secret of ['p-leo', 'Léo Hidden', 'p-chloe', 'Chloé Secret', 'p-ghost', 'p-sales4', 'Sarah Blanc', 'p-dim', 'Dimitri Mercier']) {
          check(!text.includes(secret), `the leaderboard reveals "${secret}", who did not opt in: ${text}`);
        }
        const anonymous = board.entries.filter((entry) => entry.anonymous);
        checkEqual(takingPart(board).filter((entry) => entry.anonymous).map((entry) => [entry.rank, entry.points, entry.shares]), [[2, 60, 2], [3, 50, 3], [8, 20, 1]], 'anonymous rows');
        check(anonymous.every((entry) => entry.team === undefined && !entry.isViewer), 'an anonymous row shows a team or is marked as the viewer');
        check(anonymous.every((entry) => entry.displayName === 'Anonymous'), 'an anonymous row is not named "Anonymous"');
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

      it("keeps the top N rows and pins the viewer's row after them when it falls outside", async () => {
        const adapter = await setUp();
        const board = await adapter.leaderboard({ period: 'all', scope: 'people', limit: 3 });
        checkEqual(board.entries.map((entry) => [entry.rank, entry.isViewer]), [[1, false], [2, false], [3, false], [9, true]], 'top 3 and the viewer');
        const wide = await adapter.leaderboard({ period: 'month', scope: 'people', limit: 20 });
        checkEqual(wide.entries.filter((entry) => entry.isViewer).length, 1, 'viewer rows when the viewer is within the limit');
      });

      it('returns the tiers', async () => {
        const board = await (await setUp()).leaderboard({ period: 'all', scope: 'people' });
        checkEqual(board.tiers, [{ name: 'Bronze', minPoints: 0 }, { name: 'Silver', minPoints: 50 }, { name: 'Gold', minPoints: 100 }], 'tiers');
      });

      it('ranks teams, merging teams smaller than five people into "Other teams"', async () => {
        const board = await (await setUp()).leaderboard({ period: 'all', scope: 'teams' });
        checkRanking(board);
        const rows = board.entries.map((entry) => pick(entry, ['displayName', 'points', 'shares', 'rank', 'isViewer', 'anonymous']));
        checkEqual(
          rows,
          [
            { displayName: 'Engineering', points: 160, shares: 10, rank: 1, isViewer: true, anonymous: false },
            { displayName: 'Other teams', points: 155, shares: 7, rank: 2, isViewer: false, anonymous: false },
            { displayName: 'Sales', points: 70, shares: 4, rank: 3, isViewer: false, anonymous: false },
          ],
          'team rows',
        );
        checkEqual(board.entries[1]?.id, 'other-teams', 'id of the merged row');
        const text = JSON.stringify(board);
        check(!text.includes('Legal') && !text.includes('Design'), `a team smaller than five is named: ${text}`);
      });
    });

    describe('validation of bad data', () => {
      it('rejects a shareable whose url is not http(s), naming the field', async () => {
        const seed = conformanceSeed();
        seed.shareables![1]!.url = 'javascript:alert(1)';
        await checkRejectsWithDataError(async () => (await setUp(seed)).shareables(), /^(shareables|items)\[\d+\]\.url$/, 'shareables with a javascript: URL');
      });

      it('rejects a charter whose minAcknowledgedVersion exceeds its version', async () => {
        const seed = conformanceSeed();
        seed.charter.minAcknowledgedVersion = 5;
        await checkRejectsWithDataError(async () => (await setUp(seed)).charter(), /^(charter\.)?minAcknowledgedVersion$/, 'charter');
      });

      it('rejects a guard policy rule with a regexp flag it may not set', async () => {
        const seed = conformanceSeed();
        seed.guardPolicy = { version: 1, rules: [{ id: 'global', kind: 'pattern', category: 'x', severity: 'warn', pattern: 'a+', flags: 'g' }] };
        await checkRejectsWithDataError(async () => (await setUp(seed)).guardPolicy(), /^(guardPolicy\.)?rules\[0\]\.flags$/, 'guard policy');
      });

      it('rejects an invalid share event asynchronously, and records nothing', async () => {
        const adapter = await setUp();
        const bad = { id: 'not-a-uuid', shareableId: 's-industry-fr', viewerId: 'p-viewer', network: 'linkedin', at: CONFORMANCE_NOW, personalized: false } as const;
        let pending: Promise<void> | undefined;
        try {
          pending = adapter.recordShare(bad);
        } catch (error) {
          check(false, `recordShare threw synchronously instead of rejecting: ${String(error)}`);
        }
        await checkRejectsWithDataError(() => pending, /^id$/, 'share event with a bad id');
        checkEqual(pointsAndShares(await viewerRow(adapter, 'all')), { points: 10, shares: 1 }, 'viewer after a rejected share');
      });

      it('rejects an invalid acknowledgment and an invalid leaderboard query', async () => {
        const adapter = await setUp();
        await checkRejectsWithDataError(() => adapter.acknowledge({ viewerId: 'p-viewer', charterId: 'charter-2026', version: 0, at: CONFORMANCE_NOW }), /^version$/, 'acknowledgment of version 0');
        await checkRejectsWithDataError(() => adapter.leaderboard({ period: 'decade' as 'all', scope: 'people' }), /^period$/, 'leaderboard query');
        checkEqual((await adapter.acknowledgment('p-viewer'))?.version, 2, 'acknowledged version after a rejected acknowledgment');
      });

      it('wraps an adapter once: validatingAdapter of a validating adapter is itself', async () => {
        const adapter = await setUp();
        check(validatingAdapter(adapter) === adapter, 'wrapping twice made a second wrapper');
      });
    });
  });
}

// ---------------------------------------------------------------------------------------------

async function walkPages(adapter: AdvocacyAdapter, query: { lang?: string; limit: number }) {
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

async function viewerRow(adapter: AdvocacyAdapter, period: 'all' | 'week' | 'month'): Promise<LeaderboardEntry> {
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
