import { expect } from '@open-wc/testing';
import { MemoryAdapter } from '../../../src/adapters/memory-adapter.js';
import { LOCAL_VIEWER_KEY } from '../../../src/client/browser-storage.js';
import { RelaisDataError } from '../../../src/model/index.js';
import type { DataDocumentInput } from '../../../src/model/index.js';
import { describeAdapterConformance } from '../../../src/testing/index.js';
import { CONFORMANCE_NOW, conformanceSeed } from '../../../src/testing/fixture.js';
import { BlockedStorage, StorageStub } from './storage-stub.js';

describeAdapterConformance('MemoryAdapter', (seed, { viewer, now }) => new MemoryAdapter({ data: seed, viewer, now, storage: new StorageStub() }));

const now = new Date(CONFORMANCE_NOW);

function seedWithoutViewer(overrides: Partial<DataDocumentInput> = {}): DataDocumentInput {
  return { ...conformanceSeed(), ...overrides };
}

describe('MemoryAdapter', () => {
  afterEach(() => localStorage.clear());

  describe('seed', () => {
    it('never throws on an invalid document: it leaves out the invalid item, naming the field, and refuses reading it', async () => {
      const data = conformanceSeed();
      data.shareables![2]!.url = 'data:text/html,<script>alert(1)</script>';
      const reported: RelaisDataError[] = [];
      const original = console.error;
      console.error = () => {};
      let adapter!: MemoryAdapter;
      try {
        adapter = new MemoryAdapter({ data, now, onInvalidItem: (error) => reported.push(error) });
      } finally {
        console.error = original;
      }
      expect(reported.map((error) => [error.entity, error.field])).to.deep.equal([['data document', 'shareables[2].url']]);
      let error: unknown;
      try {
        await adapter.shareable(data.shareables![2]!.id);
      } catch (caught) {
        error = caught;
      }
      expect(error).to.be.instanceOf(RelaisDataError);
      expect((error as RelaisDataError).entity).to.equal('data document');
      expect((error as RelaisDataError).field).to.equal('shareables[2].url');
    });

    it('fills in missing optional arrays and the default guard policy', async () => {
      const { charter } = conformanceSeed();
      const adapter = new MemoryAdapter({ data: { charter }, now, viewer: { id: 'v', displayName: 'V' } });
      expect((await adapter.shareables()).items).to.deep.equal([]);
      expect((await adapter.guardPolicy()).rules).to.deep.equal([]);
      expect((await adapter.leaderboard({ period: 'all', scope: 'people' })).entries.map((entry) => entry.id)).to.deep.equal(['v']);
    });

    it('counts a share event listed twice in the seed once', async () => {
      const data = conformanceSeed();
      data.shares = [...data.shares!, { ...data.shares![20]! }];
      const adapter = new MemoryAdapter({ data, now, viewer: { id: 'p-viewer', displayName: 'Camille' } });
      const board = await adapter.leaderboard({ period: 'all', scope: 'people' });
      expect(board.entries.find((entry) => entry.isViewer)?.shares).to.equal(1);
    });
  });

  describe('viewer', () => {
    it("uses the document's viewer when the options give none", async () => {
      const data = seedWithoutViewer({ viewer: { id: 'p-alice', displayName: 'Alice', locale: 'fr' } });
      const viewer = await new MemoryAdapter({ data, now }).viewer();
      expect(viewer).to.deep.equal({ id: 'p-alice', displayName: 'Alice', team: 'Engineering', locale: 'fr', leaderboardOptIn: true });
    });

    it("leaves the document's sample viewer out with sampleViewer: false: an anonymous id kept on the device, no name", async () => {
      const data = seedWithoutViewer({ viewer: { id: 'p-alice', displayName: 'Alice', locale: 'fr' } });
      const storage = new StorageStub();
      const viewer = await new MemoryAdapter({ data, now, storage, sampleViewer: false }).viewer();
      expect(viewer.id).to.not.equal('p-alice');
      expect(viewer.displayName).to.equal(undefined);
      expect(storage.getItem(LOCAL_VIEWER_KEY)).to.equal(viewer.id);
    });

    it("prefers the options' viewer to the document's", async () => {
      const data = seedWithoutViewer({ viewer: { id: 'p-alice', displayName: 'Alice', leaderboardOptIn: true } });
      const viewer = await new MemoryAdapter({ data, now, viewer: { id: 'p-new', displayName: 'Newcomer' } }).viewer();
      expect(viewer).to.deep.equal({ id: 'p-new', displayName: 'Newcomer', leaderboardOptIn: false });
    });

    it('makes a local anonymous viewer "you", with a UUID kept in storage', async () => {
      const storage = new StorageStub();
      const viewer = await new MemoryAdapter({ data: conformanceSeed(), now, storage }).viewer();
      expect(viewer.displayName, 'no display text from the data layer: the element says "you"').to.equal(undefined);
      expect(viewer.leaderboardOptIn).to.equal(false);
      expect(viewer.id).to.match(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
      expect(storage.getItem(LOCAL_VIEWER_KEY)).to.equal(viewer.id);
    });

    it('keeps the anonymous viewer id stable across instances on the same storage', async () => {
      const storage = new StorageStub();
      const first = await new MemoryAdapter({ data: conformanceSeed(), now, storage }).viewer();
      const second = await new MemoryAdapter({ data: conformanceSeed(), now, storage }).viewer();
      expect(second.id).to.equal(first.id);
    });

    it('uses localStorage by default for the anonymous viewer id', async () => {
      const first = await new MemoryAdapter({ data: conformanceSeed(), now }).viewer();
      expect(localStorage.getItem(LOCAL_VIEWER_KEY)).to.equal(first.id);
      const second = await new MemoryAdapter({ data: conformanceSeed(), now }).viewer();
      expect(second.id).to.equal(first.id);
    });

    it('keeps the anonymous viewer id in memory when storage is blocked', async () => {
      const blocked = new BlockedStorage();
      const first = await new MemoryAdapter({ data: conformanceSeed(), now, storage: blocked }).viewer();
      const second = await new MemoryAdapter({ data: conformanceSeed(), now, storage: blocked }).viewer();
      expect(first.id).to.be.a('string').and.not.equal('');
      expect(second.id).to.equal(first.id);
    });
  });

  describe('shareables', () => {
    it('excludes an item once its expiresAt has passed, and lists it before', async () => {
      const ids = async (at: string) =>
        (await new MemoryAdapter({ data: conformanceSeed(), now: new Date(at) }).shareables()).items.map((item) => item.id);
      expect(await ids('2026-10-31T23:59:59Z')).to.include('s-expired');
      expect(await ids('2026-11-01T00:00:00Z')).not.to.include('s-expired');
    });

    it('keeps an item whose expiresAt is a plain date until the end of that day (UTC)', async () => {
      const ids = async (at: string) =>
        (await new MemoryAdapter({ data: conformanceSeed(), now: new Date(at) }).shareables()).items.map((item) => item.id);
      expect(await ids('2026-12-31T23:00:00Z')).to.include('s-product-ca');
      expect(await ids('2027-01-01T00:00:00Z')).not.to.include('s-product-ca');
    });

    it('reads the clock on every call when now is a function', async () => {
      let clock = new Date('2026-10-01T00:00:00Z');
      const adapter = new MemoryAdapter({ data: conformanceSeed(), now: () => clock });
      expect((await adapter.shareables()).items.map((item) => item.id)).to.include('s-expired');
      clock = new Date('2026-11-02T00:00:00Z');
      expect((await adapter.shareables()).items.map((item) => item.id)).not.to.include('s-expired');
    });

    it('still returns an expired item by id', async () => {
      const adapter = new MemoryAdapter({ data: conformanceSeed(), now });
      expect((await adapter.shareable('s-expired'))?.id).to.equal('s-expired');
    });

    it('orders items published together by id, the same on every page', async () => {
      const adapter = new MemoryAdapter({ data: conformanceSeed(), now });
      const first = await adapter.shareables({ category: 'industry', limit: 1 });
      const second = await adapter.shareables({ category: 'industry', limit: 1, cursor: first.nextCursor! });
      expect([...first.items, ...second.items].map((item) => item.id)).to.deep.equal(['s-industry-en', 's-industry-fr']);
      expect(second.nextCursor).to.equal(undefined);
    });

    it('neither repeats nor skips an item when a newer one is published between two pages', async () => {
      const data = conformanceSeed();
      const adapter = new MemoryAdapter({ data, now });
      const first = await adapter.shareables({ limit: 3 });
      // A cursor from another instance holding one more, newer item: keyset cursors survive that.
      data.shareables!.push({ ...data.shareables![0]!, id: 's-breaking', publishedAt: '2026-11-18T08:00:00Z' });
      const grown = new MemoryAdapter({ data, now });
      const rest = await grown.shareables({ limit: 20, cursor: first.nextCursor! });
      const ids = [...first.items, ...rest.items].map((item) => item.id);
      expect(ids).to.have.length(7);
      expect(new Set(ids).size).to.equal(7);
    });

    it('rejects a cursor it did not make', async () => {
      const adapter = new MemoryAdapter({ data: conformanceSeed(), now });
      let error: unknown;
      await adapter.shareables({ cursor: 'not a cursor' }).catch((caught: unknown) => (error = caught));
      expect(error).to.be.instanceOf(Error);
      expect((error as Error).message).to.contain('cursor');
    });

    it('returns copies: changing a returned item changes nothing stored', async () => {
      const adapter = new MemoryAdapter({ data: conformanceSeed(), now });
      const item = (await adapter.shareable('s-culture-en'))!;
      item.title = 'Changed';
      expect((await adapter.shareable('s-culture-en'))?.title).to.equal('Item s-culture-en');
    });
  });

  describe('acknowledgments', () => {
    it('keeps the first acknowledgment of a (viewer, charter, version) key', async () => {
      const adapter = new MemoryAdapter({ data: conformanceSeed(), now });
      await adapter.acknowledge({ viewerId: 'p-dan', charterId: 'charter-2026', version: 3, at: '2026-11-18T10:00:00Z' });
      await adapter.acknowledge({ viewerId: 'p-dan', charterId: 'charter-2026', version: 3, at: '2026-11-18T11:00:00Z' });
      expect((await adapter.acknowledgment('p-dan'))?.at).to.equal('2026-11-18T10:00:00Z');
    });

    it('prefers the highest version, then the latest acknowledgment', async () => {
      const adapter = new MemoryAdapter({ data: conformanceSeed(), now });
      await adapter.acknowledge({ viewerId: 'p-viewer', charterId: 'charter-2026', version: 1, at: '2026-11-17T10:00:00Z' });
      expect((await adapter.acknowledgment('p-viewer'))?.version).to.equal(2);
    });
  });

  describe('leaderboard', () => {
    it('earns an item once ever: sharing again in a later period earns no points then', async () => {
      const adapter = new MemoryAdapter({ data: conformanceSeed(), now, viewer: { id: 'p-viewer', displayName: 'Camille' } });
      // The viewer first shared s-culture-fr on 4 November; a share this week counts, but earns nothing.
      await adapter.recordShare({ id: '00000000-0000-4000-8000-0000000000c1', shareableId: 's-culture-fr', viewerId: 'p-viewer', network: 'x', at: '2026-11-17T10:00:00Z', personalized: false });
      const week = await adapter.leaderboard({ period: 'week', scope: 'people' });
      const mine = week.entries.find((entry) => entry.isViewer);
      expect(mine).to.include({ points: 0, shares: 1 });
    });

    it('merges the small teams into "Other teams" only when together they reach the minimum size', async () => {
      const adapter = new MemoryAdapter({ data: conformanceSeed(), now, minTeamSize: 3 });
      const board = await adapter.leaderboard({ period: 'all', scope: 'teams' });
      // Named contributors (opted in, with shares): Engineering 2 (Alice, Bob), Sales 2 (Dan, Eve),
      // Design 1 (Dina): each under 3, together 5, merged.
      expect(board.entries.map((entry) => [entry.id, entry.points])).to.deep.equal([['other-teams', 265]]);
    });

    it('leaves out "Other teams" when it would gather fewer people than the minimum', async () => {
      const data = conformanceSeed();
      data.people = data.people!.filter((person) => person.team !== 'Design');
      const board = await new MemoryAdapter({ data, now }).leaderboard({ period: 'all', scope: 'teams' });
      // Without Design, the named contributors are Alice and Bob (Engineering), Dan and Eve (Sales): 4 of 5.
      expect(board.entries.map((entry) => entry.id)).to.deep.equal([]);
    });

    it("marks the viewer's team inside \"Other teams\"", async () => {
      // Dan's Sales has two named contributors: it is merged with the others (five in all).
      const adapter = new MemoryAdapter({ data: conformanceSeed(), now, viewer: { id: 'p-dan', displayName: 'Dan', team: 'Sales' } });
      const board = await adapter.leaderboard({ period: 'all', scope: 'teams' });
      expect(board.entries.filter((entry) => entry.isViewer).map((entry) => entry.id)).to.deep.equal(['other-teams']);
    });

    it('awards badges from the whole history', async () => {
      const adapter = new MemoryAdapter({ data: conformanceSeed(), now, viewer: { id: 'p-viewer', displayName: 'Camille' } });
      const board = await adapter.leaderboard({ period: 'week', scope: 'people' });
      expect(board.entries.find((entry) => entry.id === 'p-alice')?.badges).to.deep.equal(['first-share']);
      const all = await adapter.leaderboard({ period: 'all', scope: 'people' });
      expect(all.entries.find((entry) => entry.id === 'p-dina')?.badges).to.deep.equal(['first-share', 'own-words', 'all-categories']);
    });
  });
});
