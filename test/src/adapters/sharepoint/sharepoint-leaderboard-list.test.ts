/**
 * SharePointAdapter's leaderboard read from the list a Power Automate flow maintains
 * (`leaderboard: { list }`), on the SharePoint REST test server. The flow is not shipped: this
 * test plays it, writing the rows that `computeLeaderboard` gives to everyone but the viewer
 * (docs/sharepoint.md, "What the flow writes"), and checks that the adapter then answers what the
 * computed mode answers for the same data. Shapes: list items with `odata=nometadata`, `$filter`
 * on indexed Choice and DateTime columns ("Use OData query operations in SharePoint REST
 * requests"), the 400 naming a missing column.
 */
import { expect } from '@open-wc/testing';
import { randomUUID } from '../../../../src/client/browser-storage.js';
import { SharePointAdapter, SharePointError, type SharePointAdapterOptions } from '../../../../src/adapters/sharepoint/sharepoint-adapter.js';
import { computeLeaderboard, OTHER_TEAMS_ID, periodRange } from '../../../../src/leaderboard/rules.js';
import { DEFAULT_POINTS } from '../../../../src/contract/data.js';
import { isShare, type Leaderboard, type LeaderboardQuery, type Period, type Person, type Scope, type ShareEvent, type Viewer } from '../../../../src/model/index.js';
import type { ViewerIdentity } from '../../../../src/adapters/types.js';
import { CONFORMANCE_NOW, CONFORMANCE_VIEWER, conformanceSeed } from '../../../../src/testing/fixture.js';
import { rejectionOf } from '../../../fixtures/rejection.js';
import { addSharePointItems, resetSharePoint, sharePointLog, type ResetOptions } from '../../../fixtures/sharepoint-server.js';

const PERIODS: Period[] = ['week', 'month', 'quarter', 'year', 'all'];
const SCOPES: Scope[] = ['people', 'teams'];
const LIST = 'Relais Leaderboard';

/** The reference rules (src/leaderboard/rules.ts) on the whole seed, for `viewer`. */
function reference(viewer: Viewer, query: LeaderboardQuery): Leaderboard {
  const seed = conformanceSeed();
  return computeLeaderboard({
    ...query,
    now: new Date(CONFORMANCE_NOW),
    viewer,
    people: seed.people as Person[],
    shareables: (seed.shareables ?? []).map((item) => ({ id: item.id, title: item.title, points: item.points ?? DEFAULT_POINTS, category: item.category })),
    shares: seed.shares as ShareEvent[],
    tiers: seed.tiers,
  });
}

/** What the flow writes for one board: every row as others see it (no viewer), one item each. */
function flowItems(period: Period, scope: Scope): Record<string, unknown>[] {
  const seed = conformanceSeed();
  const now = new Date(CONFORMANCE_NOW);
  const people = seed.people as Person[];
  const shares = seed.shares as ShareEvent[];
  // Nobody's board: a viewer who is no one, whose row is dropped.
  const board = reference({ id: '\u0000flow', displayName: 'flow', leaderboardOptIn: false }, { period, scope });
  const range = periodRange(period, now);
  // The teams merged into "other teams": those with named contributors, fewer than 5.
  const contributors = new Map<string, number>();
  for (const person of people) {
    if (!person.team || !person.leaderboardOptIn) continue;
    const shared = shares.some((event) => event.viewerId === person.id && isShare(event) && (!range || (Date.parse(event.at) >= range.start && Date.parse(event.at) < range.end)));
    if (shared) contributors.set(person.team, (contributors.get(person.team) ?? 0) + 1);
  }
  const merged = [...contributors].filter(([, count]) => count < 5).map(([team]) => team);
  return board.entries
    .filter((entry) => !entry.isViewer)
    .map((entry, index) => ({
      Title: `${period} ${scope} ${index + 1}`,
      Period: period,
      Scope: scope,
      PeriodStart: range ? new Date(range.start).toISOString() : null,
      RelaisId: entry.anonymous ? null : entry.id,
      DisplayName: entry.displayName ?? null,
      Team: entry.team ?? null,
      AvatarUrl: entry.avatarUrl ?? null,
      Points: entry.points,
      Shares: entry.shares,
      Rank: entry.rank,
      Anonymous: entry.anonymous === true,
      Members: entry.members ?? null,
      Badges: entry.badges?.join(',') ?? '',
      MergedTeams: entry.id === OTHER_TEAMS_ID ? merged.join('\n') : null,
      ComputedAt: CONFORMANCE_NOW,
    }));
}

describe('SharePointAdapter: the leaderboard from the list a Power Automate flow maintains', () => {
  let site: string;
  const adapters: SharePointAdapter[] = [];
  const make = (options: Partial<SharePointAdapterOptions> = {}): SharePointAdapter => {
    const adapter = new SharePointAdapter({ site, viewer: CONFORMANCE_VIEWER, clock: { now: () => new Date(CONFORMANCE_NOW), schedule: (fn, ms) => { const id = setTimeout(fn, ms); return () => clearTimeout(id); } }, outbox: { name: randomUUID() }, ...options });
    adapters.push(adapter);
    return adapter;
  };
  const reset = async (options: ResetOptions = {}, boards: [Period, Scope][] = PERIODS.flatMap((period) => SCOPES.map((scope): [Period, Scope] => [period, scope]))) => {
    site = await resetSharePoint(conformanceSeed(), CONFORMANCE_NOW, options);
    await addSharePointItems(LIST, boards.flatMap(([period, scope]) => flowItems(period, scope)));
  };
  const both = (viewer: ViewerIdentity = CONFORMANCE_VIEWER) => ({ computed: make({ viewer }), list: make({ viewer, leaderboard: { list: LIST } }) });

  beforeEach(() => reset());
  afterEach(() => {
    for (const adapter of adapters.splice(0)) adapter.close();
  });

  it('equals the board the rules compute from the same data: every period and scope, an opted-out viewer (anonymous in the flow\'s rows), opted-in ones, one who never shared', async () => {
    const viewers: ViewerIdentity[] = [CONFORMANCE_VIEWER, { id: 'p-alice', displayName: 'Alice Bernard' }, { id: 'p-dan', displayName: 'Dan Moreau', team: 'Sales' }, { id: 'p-nobody', displayName: 'New Hire', team: 'Legal' }];
    let compared = 0;
    for (const identity of viewers) {
      const { computed, list } = both(identity);
      const viewer = await list.viewer();
      for (const period of PERIODS) {
        for (const scope of SCOPES) {
          const expected = reference(viewer, { period, scope });
          expect(await list.leaderboard({ period, scope }), `${viewer.id} ${period} ${scope}`).to.deep.equal(expected);
          compared += expected.entries.length;
        }
      }
      // All time, the computed mode reads the whole history too: the same board.
      for (const scope of SCOPES) expect(await list.leaderboard({ period: 'all', scope }), `${viewer.id} all ${scope}: computed mode`).to.deep.equal(await computed.leaderboard({ period: 'all', scope }));
      // A bounded period: the same points and ranks (an item shared again earns nothing); badges
      // are the one approximation (docs/sharepoint.md), so they are left out of this comparison.
      const withoutBadges = (board: Leaderboard) => board.entries.map(({ badges: _badges, ...entry }) => entry);
      for (const period of ['week', 'month', 'quarter', 'year'] as const) {
        for (const scope of SCOPES) {
          expect(withoutBadges(await computed.leaderboard({ period, scope })), `${viewer.id} ${period} ${scope}: computed mode`).to.deep.equal(withoutBadges(reference(viewer, { period, scope })));
        }
      }
    }
    expect(compared, 'boards with rows were compared').to.be.greaterThan(40);
  });

  it('applies limit: the top N and the viewer\'s row after them; limit 0 is the viewer\'s row alone, named and marked', async () => {
    const { list } = both();
    const viewer = await list.viewer();
    for (const limit of [0, 1, 2, 3, 50]) {
      for (const period of ['month', 'all'] as const) {
        for (const scope of SCOPES) {
          expect(await list.leaderboard({ period, scope, limit }), `limit ${limit} ${period} ${scope}`).to.deep.equal(reference(viewer, { period, scope, limit }));
        }
      }
    }
    const alone: Leaderboard = await list.leaderboard({ period: 'all', scope: 'people', limit: 0 });
    expect(alone.entries).to.have.length(1);
    expect(alone.entries[0]).to.deep.include({ id: 'p-viewer', displayName: 'Camille Martin', isViewer: true, anonymous: false });
    // The opted-out viewer's anonymous row in the flow's list is theirs: not shown a second time.
    const full = await list.leaderboard({ period: 'all', scope: 'people' });
    const anonymous = full.entries.filter((entry) => entry.anonymous);
    expect(anonymous.length).to.equal(flowItems('all', 'people').filter((item) => item.Anonymous).length - 1);
    expect(anonymous.map((entry) => entry.id)).to.deep.equal(anonymous.map((_, index) => `anonymous-${index + 1}`));
  });

  it('asks for the period\'s rows only, with $filter on the indexed Period, Scope and PeriodStart columns', async () => {
    await make({ leaderboard: { list: LIST } }).leaderboard({ period: 'week', scope: 'people' });
    const [request] = (await sharePointLog()).filter((entry) => entry.list === LIST);
    expect(decodeURIComponent(request!.query)).to.include("$filter=Period eq 'week' and Scope eq 'people' and PeriodStart ge datetime'2026-11-16T00:00:00.000Z' and PeriodStart lt datetime'2026-11-23T00:00:00.000Z'").and.include('$top=5000');
  });

  it('before the flow has written this period: only the viewer\'s row, computed from their shares', async () => {
    await reset({}, []);
    const board = await make({ leaderboard: { list: LIST } }).leaderboard({ period: 'month', scope: 'people' });
    expect(board.entries.map((entry) => [entry.id, entry.isViewer])).to.deep.equal([['p-viewer', true]]);
  });

  it('never shows a name, id or badge the flow wrote on an anonymous row', async () => {
    await reset({}, []);
    await addSharePointItems(LIST, [{ Title: 'x', Period: 'all', Scope: 'people', RelaisId: 'p-leo', DisplayName: 'Léo Hidden', Team: 'Legal', Points: 999, Shares: 3, Rank: 1, Anonymous: true, Badges: 'first-share' }]);
    const board = await make({ leaderboard: { list: LIST } }).leaderboard({ period: 'all', scope: 'people' });
    expect(board.entries[0]).to.deep.equal({ id: 'anonymous-1', points: 999, shares: 3, badges: [], isViewer: false, anonymous: true, rank: 1 });
  });

  it('a Leaderboard list missing a column: an error naming the list and the column', async () => {
    await reset({ missing: { [LIST]: ['PeriodStart'] } }, []);
    const filtered = await rejectionOf<SharePointError>(make({ leaderboard: { list: LIST } }).leaderboard({ period: 'week', scope: 'people' }));
    expect({ code: filtered.code, list: filtered.list, field: filtered.field }).to.deep.equal({ code: 'missing-column', list: LIST, field: 'PeriodStart' });
    await reset({ missing: { [LIST]: ['MergedTeams'] } }, []);
    const selected = await rejectionOf<SharePointError>(make({ leaderboard: { list: LIST } }).leaderboard({ period: 'all', scope: 'teams' }));
    expect({ code: selected.code, field: selected.field }).to.deep.equal({ code: 'missing-column', field: 'MergedTeams' });
    expect(selected.message).to.include(`"${LIST}"`).and.include('no column "MergedTeams"');
  });
});
