import { expect } from '@open-wc/testing';
import { StaticAdapter } from '../../../src/adapters/static-adapter.js';
import { LOCAL_VIEWER_KEY } from '../../../src/client/browser-storage.js';
import { RelaisDataError } from '../../../src/model/index.js';
import type { ShareEvent } from '../../../src/model/index.js';
import { describeAdapterConformance } from '../../../src/testing/index.js';
import { CONFORMANCE_NOW, conformanceSeed } from '../../../src/testing/fixture.js';
import { BlockedStorage, StorageStub } from './storage-stub.js';
import { rejectionOf } from '../../fixtures/rejection.js';

const SRC = 'https://content.example.com/advocacy.json';
const now = new Date(CONFORMANCE_NOW);

/** A fetch that serves `body` as JSON and counts its calls. */
function serving(body: unknown, init: ResponseInit = {}) {
  const calls: string[] = [];
  const fetch = async (input: string) => {
    calls.push(input);
    return new Response(typeof body === 'string' ? body : JSON.stringify(body), { headers: { 'content-type': 'application/json' }, ...init });
  };
  return { fetch, calls };
}

const rejection = (promise: Promise<unknown>) => rejectionOf(promise);

describeAdapterConformance('StaticAdapter', (seed, { viewer, now: at }) =>
  new StaticAdapter({ src: SRC, viewer, now: at, fetch: serving(seed).fetch, storage: new StorageStub() }),
);

describe('StaticAdapter', () => {
  afterEach(() => localStorage.clear());

  const share = (n: number): ShareEvent => ({
    id: `00000000-0000-4000-8000-0000000000d${n}`,
    shareableId: 's-industry-fr',
    viewerId: 'p-viewer',
    network: 'linkedin',
    at: CONFORMANCE_NOW,
    personalized: true,
  });
  const viewer = { id: 'p-viewer', displayName: 'Camille Martin', team: 'Engineering' };

  it('fetches the document once, whatever the number of calls', async () => {
    const { fetch, calls } = serving(conformanceSeed());
    const adapter = new StaticAdapter({ src: SRC, fetch, now, storage: new StorageStub() });
    await Promise.all([adapter.charter(), adapter.shareables(), adapter.viewer()]);
    await adapter.leaderboard({ period: 'all', scope: 'people' });
    expect(calls).to.deep.equal([SRC]);
  });

  it('resolves a relative src against the page address', async () => {
    const { fetch, calls } = serving(conformanceSeed());
    await new StaticAdapter({ src: '/data/advocacy.json', fetch, now, storage: new StorageStub() }).charter();
    expect(calls).to.deep.equal([new URL('/data/advocacy.json', location.href).href]);
  });

  it('reads a real URL with the page fetch by default (Blob URL)', async () => {
    const src = URL.createObjectURL(new Blob([JSON.stringify(conformanceSeed())], { type: 'application/json' }));
    try {
      const charter = await new StaticAdapter({ src, now, storage: new StorageStub() }).charter();
      expect(charter.id).to.equal('charter-2026');
    } finally {
      URL.revokeObjectURL(src);
    }
  });

  it('keeps the viewer\'s shares and acknowledgments across a reload (a new adapter on the same storage)', async () => {
    const storage = new StorageStub();
    const first = new StaticAdapter({ src: SRC, viewer, now, fetch: serving(conformanceSeed()).fetch, storage });
    await first.recordShare(share(1));
    await first.acknowledge({ viewerId: 'p-viewer', charterId: 'charter-2026', version: 3, at: CONFORMANCE_NOW });

    const reloaded = new StaticAdapter({ src: SRC, viewer, now, fetch: serving(conformanceSeed()).fetch, storage });
    expect((await reloaded.acknowledgment('p-viewer'))?.version).to.equal(3);
    const board = await reloaded.leaderboard({ period: 'all', scope: 'people' });
    expect(board.entries.find((entry) => entry.isViewer)).to.include({ points: 40, shares: 2 });
  });

  it('keeps writes in localStorage by default, under a key derived from src', async () => {
    const first = new StaticAdapter({ src: SRC, viewer, now, fetch: serving(conformanceSeed()).fetch });
    await first.recordShare(share(1));
    expect(localStorage.getItem(`relais:static:${SRC}`)).to.contain(share(1).id);
    const other = new StaticAdapter({ src: 'https://content.example.com/other.json', viewer, now, fetch: serving(conformanceSeed()).fetch });
    const board = await other.leaderboard({ period: 'all', scope: 'people' });
    expect(board.entries.find((entry) => entry.isViewer)?.shares).to.equal(1);
  });

  it('keeps a write made before the document loaded, and stores a repeated write once', async () => {
    const storage = new StorageStub();
    const adapter = new StaticAdapter({ src: SRC, viewer, now, fetch: serving(conformanceSeed()).fetch, storage });
    await Promise.all([adapter.recordShare(share(1)), adapter.recordShare(share(1))]);
    const stored = JSON.parse(storage.getItem(`relais:static:${SRC}`)!) as { shares: ShareEvent[] };
    expect(stored.shares.map((event) => event.id)).to.deep.equal([share(1).id]);
  });

  it('keeps the first write of a key across a reload: a re-sent share or acknowledgment changes nothing', async () => {
    const storage = new StorageStub();
    const ack = (at: string) => ({ viewerId: 'p-viewer', charterId: 'charter-2026', version: 3, at });
    const first = new StaticAdapter({ src: SRC, viewer, now, fetch: serving(conformanceSeed()).fetch, storage });
    await first.recordShare(share(1));
    await first.acknowledge(ack('2026-11-18T10:00:00Z'));

    const reloaded = new StaticAdapter({ src: SRC, viewer, now, fetch: serving(conformanceSeed()).fetch, storage });
    await reloaded.recordShare({ ...share(1), network: 'x', at: '2026-10-05T10:00:00Z' });
    await reloaded.acknowledge(ack('2026-11-18T11:00:00Z'));
    expect(await reloaded.acknowledgment('p-viewer')).to.deep.equal(ack('2026-11-18T10:00:00Z'));
    const week = await reloaded.leaderboard({ period: 'week', scope: 'people' });
    expect(week.entries.find((entry) => entry.isViewer)).to.include({ points: 30, shares: 1 });

    const stored = JSON.parse(storage.getItem(`relais:static:${SRC}`)!) as { shares: ShareEvent[]; acknowledgments: unknown[] };
    expect(stored.shares).to.deep.equal([share(1)]);
    expect(stored.acknowledgments).to.deep.equal([ack('2026-11-18T10:00:00Z')]);
  });

  it('does not lose the writes of another adapter on the same page and src', async () => {
    const storage = new StorageStub();
    const a = new StaticAdapter({ src: SRC, viewer, now, fetch: serving(conformanceSeed()).fetch, storage });
    const b = new StaticAdapter({ src: SRC, viewer, now, fetch: serving(conformanceSeed()).fetch, storage });
    await a.recordShare(share(1));
    await b.recordShare(share(2));
    const reloaded = new StaticAdapter({ src: SRC, viewer, now, fetch: serving(conformanceSeed()).fetch, storage });
    const board = await reloaded.leaderboard({ period: 'all', scope: 'people' });
    expect(board.entries.find((entry) => entry.isViewer)?.shares).to.equal(3);
  });

  it('ignores unreadable stored writes instead of failing', async () => {
    const storage = new StorageStub();
    storage.setItem(`relais:static:${SRC}`, '{"shares": [{"id": "bad"}], "acknowledgments": 42');
    const adapter = new StaticAdapter({ src: SRC, viewer, now, fetch: serving(conformanceSeed()).fetch, storage });
    expect((await adapter.acknowledgment('p-viewer'))?.version).to.equal(2);
    storage.setItem(`relais:static:${SRC}`, '{"shares": [{"id": "bad"}, ' + JSON.stringify(share(1)) + ']}');
    const other = new StaticAdapter({ src: SRC, viewer, now, fetch: serving(conformanceSeed()).fetch, storage });
    const board = await other.leaderboard({ period: 'all', scope: 'people' });
    expect(board.entries.find((entry) => entry.isViewer)?.shares).to.equal(2);
  });

  it('works with storage blocked, keeping writes for the page', async () => {
    const adapter = new StaticAdapter({ src: SRC, viewer, now, fetch: serving(conformanceSeed()).fetch, storage: new BlockedStorage() });
    await adapter.recordShare(share(1));
    const board = await adapter.leaderboard({ period: 'all', scope: 'people' });
    expect(board.entries.find((entry) => entry.isViewer)?.shares).to.equal(2);
  });

  it("never makes every visitor the document's sample viewer: anonymous and nameless unless sampleViewer is asked for", async () => {
    const seed = { ...conformanceSeed(), viewer: { id: 'p-sample', displayName: 'Personne Exemple' } };
    const storage = new StorageStub();
    const anonymous = await new StaticAdapter({ src: SRC, now, fetch: serving(seed).fetch, storage }).viewer();
    expect(anonymous.id).to.not.equal('p-sample');
    expect(anonymous.displayName).to.equal(undefined);
    expect(storage.getItem(LOCAL_VIEWER_KEY)).to.equal(anonymous.id);
    const sample = await new StaticAdapter({ src: SRC, now, fetch: serving(seed).fetch, storage: new StorageStub(), sampleViewer: true }).viewer();
    expect([sample.id, sample.displayName]).to.deep.equal(['p-sample', 'Personne Exemple']);
    // The page's viewer wins over both.
    const given = await new StaticAdapter({ src: SRC, now, fetch: serving(seed).fetch, storage: new StorageStub(), sampleViewer: true, viewer: { id: 'e-1042', displayName: 'Inès Moreau' } }).viewer();
    expect([given.id, given.displayName]).to.deep.equal(['e-1042', 'Inès Moreau']);
  });

  it('keeps the local anonymous viewer id stable across reloads', async () => {
    const storage = new StorageStub();
    const first = await new StaticAdapter({ src: SRC, now, fetch: serving(conformanceSeed()).fetch, storage }).viewer();
    const second = await new StaticAdapter({ src: SRC, now, fetch: serving(conformanceSeed()).fetch, storage }).viewer();
    expect(first.displayName).to.equal(undefined);
    expect(second.id).to.equal(first.id);
    expect(storage.getItem(LOCAL_VIEWER_KEY)).to.equal(first.id);
  });

  it('rejects a non-OK response with an Error naming the status and src, then succeeds on retry', async () => {
    let attempt = 0;
    const fetch = async () => {
      attempt += 1;
      return attempt === 1
        ? new Response('Not here', { status: 404, statusText: 'Not Found' })
        : new Response(JSON.stringify(conformanceSeed()));
    };
    const adapter = new StaticAdapter({ src: SRC, fetch, now, storage: new StorageStub() });
    const error = await rejection(adapter.charter());
    expect(error).to.be.instanceOf(Error);
    expect((error as Error).message).to.contain('404').and.contain(SRC);
    expect((await adapter.charter()).id).to.equal('charter-2026');
    expect(attempt).to.equal(2);
  });

  it('rejects a network failure with an Error naming src, then succeeds on retry', async () => {
    let attempt = 0;
    const fetch = async () => {
      attempt += 1;
      if (attempt === 1) throw new TypeError('Failed to fetch');
      return new Response(JSON.stringify(conformanceSeed()));
    };
    const adapter = new StaticAdapter({ src: SRC, fetch, now, storage: new StorageStub() });
    const error = await rejection(adapter.shareables());
    expect((error as Error).message).to.contain(SRC).and.contain('Failed to fetch');
    expect((await adapter.shareables()).items).to.have.length(7);
  });

  it('rejects an invalid charter with a RelaisDataError naming the field, and a document that is not an object on every read', async () => {
    const seed = conformanceSeed();
    seed.charter.version = 0;
    const adapter = new StaticAdapter({ src: SRC, fetch: serving(seed).fetch, now, storage: new StorageStub() });
    const error = await rejection(adapter.charter());
    expect(error).to.be.instanceOf(RelaisDataError);
    expect((error as RelaisDataError).field).to.equal('charter.version');
    const notAnObject = new StaticAdapter({ src: SRC, fetch: serving([seed]).fetch, now, storage: new StorageStub() });
    for (const read of [() => notAnObject.viewer(), () => notAnObject.charter(), () => notAnObject.shareables()]) {
      const whole = await rejection(read());
      expect(whole).to.be.instanceOf(RelaisDataError);
      expect((whole as RelaisDataError).entity).to.equal('data document');
    }
  });

  it('rejects a document that is not JSON with a RelaisDataError naming src', async () => {
    const adapter = new StaticAdapter({ src: SRC, fetch: serving('<html>oops</html>').fetch, now, storage: new StorageStub() });
    const error = await rejection(adapter.charter());
    expect(error).to.be.instanceOf(RelaisDataError);
    expect((error as RelaisDataError).message).to.contain(SRC);
  });

  it('excludes expired items', async () => {
    const adapter = new StaticAdapter({ src: SRC, fetch: serving(conformanceSeed()).fetch, now, storage: new StorageStub() });
    const ids = (await adapter.shareables()).items.map((item) => item.id);
    expect(ids).not.to.include('s-expired');
    expect(ids).to.include('s-product-ca');
  });
});
