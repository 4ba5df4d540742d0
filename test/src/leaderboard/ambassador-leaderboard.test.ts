import { expect, waitUntil } from '@open-wc/testing';
import fc from 'fast-check';
import { MemoryAdapter } from '../../../src/adapters/memory-adapter.js';
import type { AdvocacyAdapter } from '../../../src/adapters/types.js';
import { ambassadorLeaderboard, boardQuery, tierOf, type LeaderboardQueryOptions, type LeaderboardView } from '../../../src/ambassador-leaderboard/leaderboard.js';
import { RelaisClient } from '../../../src/client/index.js';
import type { DataDocumentInput } from '../../../src/model/index.js';
import { ManualClock } from '../../fixtures/manual-clock.js';
import { leaderboardSeed, NOW, OPTED_OUT, SALES_TEAM, share, TIERS, VIEWER } from '../../fixtures/leaderboard-seed.js';
import { withOverrides } from '../../fixtures/seed.js';
import { StorageStub } from '../adapters/storage-stub.js';

function clientOf(data: DataDocumentInput = leaderboardSeed(), wrap: (adapter: AdvocacyAdapter) => AdvocacyAdapter = (adapter) => adapter): RelaisClient {
  const clock = new ManualClock(NOW);
  const adapter = new MemoryAdapter({ data, viewer: VIEWER, now: () => clock.now() });
  return new RelaisClient(wrap(adapter), { clock, storage: { local: new StorageStub(), session: new StorageStub() } });
}

/** The view once the board has loaded, kept subscribed (as an element would be). */
async function viewOf(client: RelaisClient, options: Partial<LeaderboardQueryOptions> = {}, display = {}) {
  const model = ambassadorLeaderboard(client, { period: 'month', mode: 'ranking', limit: 10, ...options });
  model.setDisplay({ locale: 'fr', ...display });
  const views: LeaderboardView[] = [];
  const stop = model.$view.subscribe((view) => views.push(view));
  await waitUntil(() => model.$view.get().state !== 'loading', 'the board never loaded', { timeout: 3000 });
  return { model, views, stop, get view() { return model.$view.get(); } };
}

const ready = (view: LeaderboardView) => {
  if (view.state !== 'ready' && view.state !== 'empty') throw new Error(`expected a board, saw ${view.state}`);
  return view;
};

describe('ambassador leaderboard model', () => {
  it('ranks people with competition ranks, ties sharing a rank, the opted-out colleague anonymous', async () => {
    const { view, stop } = await viewOf(clientOf());
    const { board } = ready(view);
    if (board.mode !== 'ranking') throw new Error(board.mode);
    expect(board.rows.map((row) => row.rank)).to.deep.equal([1, 1, 1, 4, 5]);
    const anonymous = board.rows.find((row) => row.anonymous)!;
    expect(anonymous.displayName).to.equal(undefined);
    expect(anonymous.id).to.match(/^anonymous-\d+$/);
    expect(JSON.stringify(view)).not.to.contain(OPTED_OUT.displayName).and.not.to.contain(`"${OPTED_OUT.id}"`);
    expect(board.rows.find((row) => row.isViewer)?.rank).to.equal(4);
    expect(board.pinned).to.equal(undefined);
    stop();
  });

  it('pins the viewer below the top rows with their real rank when the limit leaves them out', async () => {
    const { view, stop } = await viewOf(clientOf(), { limit: 2 });
    const { board } = ready(view);
    if (board.mode !== 'ranking') throw new Error(board.mode);
    expect(board.rows).to.have.length(2);
    expect(board.rows.some((row) => row.isViewer)).to.equal(false);
    expect(board.pinned?.isViewer).to.equal(true);
    expect(board.pinned?.rank).to.equal(4);
    stop();
  });

  it('leaves anonymous rows out with hideAnonymous, keeping everyone else’s real rank', async () => {
    const { view, stop } = await viewOf(clientOf(), {}, { hideAnonymous: true });
    const { board } = ready(view);
    if (board.mode !== 'ranking') throw new Error(board.mode);
    expect(board.rows.some((row) => row.anonymous)).to.equal(false);
    expect(board.rows.map((row) => row.rank)).to.deep.equal([1, 1, 4, 5]);
    stop();
  });

  it('groups people by tier, highest first, names in French collation, anonymous rows last, no ranks needed', async () => {
    const { view, stop } = await viewOf(clientOf(), { mode: 'tiers' });
    const { board } = ready(view);
    if (board.mode !== 'tiers') throw new Error(board.mode);
    expect(board.groups.map((group) => group.tier?.name)).to.deep.equal(['Relais', 'Découverte']);
    // « Élodie » sorts with E, before « Zoé » (code-point order would put É after Z).
    expect(board.groups[0]!.rows.map((row) => row.displayName ?? 'anonymous')).to.deep.equal(['Élodie Marchand', 'Zoé Dupont', 'anonymous']);
    expect(board.groups[1]!.rows.map((row) => row.displayName)).to.deep.equal(['Adrien Roux', 'Camille Martin']);
    stop();
  });

  it('caps each tier’s list at the limit, says how many more, and always keeps the viewer in theirs', async () => {
    const { view, stop } = await viewOf(clientOf(), { mode: 'tiers', limit: 1 });
    const { board } = ready(view);
    if (board.mode !== 'tiers') throw new Error(board.mode);
    expect(board.groups[0]!.rows).to.have.length(1);
    expect(board.groups[0]!.more).to.equal(2);
    expect(board.groups[1]!.rows.map((row) => row.displayName)).to.deep.equal(['Camille Martin']);
    expect(board.groups[1]!.more).to.equal(1);
    stop();
  });

  it('shows teams with their contributors; a team below five contributors joins « other teams »', async () => {
    const data = leaderboardSeed({
      people: [...(leaderboardSeed().people ?? []), ...SALES_TEAM],
      shares: [...(leaderboardSeed().shares ?? []), ...SALES_TEAM.map((person) => share(person.id, 'a'))],
    });
    const { view, stop } = await viewOf(clientOf(data), { mode: 'teams', period: 'month' });
    const { board } = ready(view);
    if (board.mode !== 'teams') throw new Error(board.mode);
    const sales = board.rows.find((row) => row.id === 'Ventes')!;
    // Zoé 30 + Adrien 5 + three colleagues at 10: five contributors.
    expect(sales).to.include({ points: 65, members: 5 });
    // Communication has two named contributors (Camille, Élodie): not shown on its own, and
    // « other teams » itself gathers fewer than five, so it is left out too.
    expect(board.rows.map((row) => row.id)).to.deep.equal(['Ventes']);
    stop();
  });

  it('gives the viewer their own progress: points, tier, what the next tier takes, latest shares newest first', async () => {
    const { view, stop } = await viewOf(clientOf(), { mode: 'personal' });
    const { board } = ready(view);
    if (board.mode !== 'personal') throw new Error(board.mode);
    expect(board).to.deep.include({ points: 10, shares: 2, tier: TIERS[0] });
    expect(board.next).to.deep.equal({ tier: TIERS[1], missing: 15, progress: 10 / 25 });
    expect(board.recent.map((recent) => [recent.network, recent.points])).to.deep.equal([
      ['x', 0],
      ['bluesky', 10],
    ]);
    expect(board.recent[0]!.title).to.equal('Contenu A');
    stop();
  });

  it('is empty when nobody shared in the period (but the personal view never is)', async () => {
    const client = clientOf(leaderboardSeed({ shares: [] }));
    const ranking = await viewOf(client);
    expect(ranking.view.state).to.equal('empty');
    const personal = await viewOf(client, { mode: 'personal' });
    expect(personal.view.state).to.equal('ready');
    ranking.stop();
    personal.stop();
  });

  it('says the viewer opted out, so that the element can say their name is theirs alone', async () => {
    const people = (leaderboardSeed().people ?? []).map((person) => (person.id === VIEWER.id ? { ...person, leaderboardOptIn: false } : person));
    const { view, stop } = await viewOf(clientOf(leaderboardSeed({ people })));
    expect(ready(view).viewerOptedOut).to.equal(true);
    stop();
  });

  it('updates after the viewer shares through the same client, with one piece of news: their new rank', async () => {
    const client = clientOf();
    const board = await viewOf(client);
    await client.recordShare({ shareableId: 'b', network: 'linkedin', personalized: true });
    await waitUntil(() => ready(board.view).news !== undefined, 'no news after the share', { timeout: 3000 });
    expect(ready(board.view).news).to.deep.equal({ kind: 'rank', rank: 1, previousRank: 4 });
    // The same reading shown again (a display change) carries the same news, not a new one.
    const news = ready(board.view).news;
    board.model.setDisplay({ hideAnonymous: true });
    expect(ready(board.view).news).to.equal(news);
    board.stop();
  });

  it('says the new points when the viewer’s rank does not change', async () => {
    const client = clientOf();
    const personal = await viewOf(client, { mode: 'personal' });
    await client.recordShare({ shareableId: 'c', network: 'linkedin', personalized: false });
    await waitUntil(() => ready(personal.view).news !== undefined, 'no news after the share', { timeout: 3000 });
    expect(ready(personal.view).news).to.deep.equal({ kind: 'points', points: 15 });
    personal.stop();
  });

  it('shows an error when the board cannot be read, and the board after a retry', async () => {
    let fail = true;
    const client = clientOf(leaderboardSeed(), (adapter) =>
      withOverrides(adapter, { leaderboard: (query) => (fail ? Promise.reject(new Error('HTTP 503')) : adapter.leaderboard(query)) }),
    );
    const board = await viewOf(client);
    expect(board.view.state).to.equal('error');
    fail = false;
    await board.model.retry();
    await waitUntil(() => board.view.state === 'ready', 'the board never came back', { timeout: 3000 });
    board.stop();
  });
});

describe('boardQuery', () => {
  it('reads only the viewer’s row for personal, everyone for tiers and for limit="all"', () => {
    expect(boardQuery({ period: 'week', mode: 'personal', limit: 10 })).to.deep.equal({ period: 'week', scope: 'people', limit: 0 });
    expect(boardQuery({ period: 'week', mode: 'tiers', limit: 10 })).to.deep.equal({ period: 'week', scope: 'people' });
    expect(boardQuery({ period: 'year', mode: 'ranking', limit: 'all' })).to.deep.equal({ period: 'year', scope: 'people' });
    expect(boardQuery({ period: 'all', mode: 'teams', limit: 5 })).to.deep.equal({ period: 'all', scope: 'teams', limit: 5 });
  });
});

describe('tierOf', () => {
  it('is the highest tier whose threshold the points reach, or none below the lowest', () => {
    fc.assert(
      fc.property(fc.uniqueArray(fc.nat(500), { maxLength: 6 }), fc.nat(600), (thresholds, points) => {
        const tiers = [...thresholds].sort((a, b) => a - b).map((minPoints) => ({ name: `t${minPoints}`, minPoints }));
        const reached = tierOf(tiers, points);
        const expected = tiers.filter((tier) => tier.minPoints <= points).at(-1);
        expect(reached).to.equal(expected);
      }),
    );
  });
});
