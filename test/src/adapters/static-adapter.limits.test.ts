import { expect } from '@open-wc/testing';
import { StaticAdapter } from '../../../src/adapters/static-adapter.js';
import type { ShareEvent } from '../../../src/model/index.js';
import { CONFORMANCE_NOW, conformanceSeed, fixtureShareId } from '../../../src/testing/fixture.js';
import { ManualClock } from '../../fixtures/manual-clock.js';
import { StorageStub } from './storage-stub.js';
import { rejectionOf } from '../../fixtures/rejection.js';

const SRC = 'https://content.example.com/advocacy.json';
const KEY = `relais:static:${SRC}`;
const now = new Date(CONFORMANCE_NOW);
const viewer = { id: 'p-viewer', displayName: 'Camille Martin', team: 'Engineering' };

const rejection = (promise: Promise<unknown>) => rejectionOf(promise, Error);

/** Resolves once `condition` holds, checking after each turn of the event loop (no timer involved). */
async function until(condition: () => boolean): Promise<void> {
  for (let turn = 0; turn < 1000 && !condition(); turn++) await new Promise((resolve) => queueMicrotask(() => resolve(undefined)));
  expect(condition(), 'condition never held').to.equal(true);
}

/** A fetch that never answers, until its signal aborts it; records the signals it got. */
function hanging() {
  const signals: AbortSignal[] = [];
  const fetch = (_input: string, init?: RequestInit) =>
    new Promise<Response>((_resolve, reject) => {
      const signal = init?.signal;
      if (signal) {
        signals.push(signal);
        signal.addEventListener('abort', () => reject(signal.reason as Error));
      }
    });
  return { fetch, signals };
}

/** A body that sends `chunks` chunks of `size` bytes, counting how many were pulled, then ends (or never ends). */
function streamed(chunks: number, size: number, { end = true } = {}) {
  let pulled = 0;
  const body = new ReadableStream<Uint8Array>({
    pull(controller) {
      if (pulled < chunks) {
        pulled += 1;
        controller.enqueue(new Uint8Array(size).fill(0x20));
      } else if (end) controller.close();
      else return new Promise(() => {});
      return undefined;
    },
  });
  return { body, pulled: () => pulled };
}

describe('StaticAdapter — timeout', () => {
  it('times out after 15 s by default: rejects naming the URL and the limit, and aborts the request', async () => {
    const clock = new ManualClock(now);
    const { fetch, signals } = hanging();
    const adapter = new StaticAdapter({ src: SRC, fetch, clock, now, storage: new StorageStub() });
    const pending = rejection(adapter.charter());
    await until(() => signals.length === 1);
    clock.advance(14_999);
    expect(signals[0]!.aborted).to.equal(false);
    clock.advance(1);
    const error = await pending;
    expect(error.message).to.contain('timed out').and.contain(SRC).and.contain('15000 ms');
    expect(signals[0]!.aborted).to.equal(true);
  });

  it('honours the timeout option, and a later call tries again', async () => {
    const clock = new ManualClock(now);
    let attempts = 0;
    const slow = hanging();
    const fetch = (input: string, init?: RequestInit) => {
      attempts += 1;
      return attempts === 1 ? slow.fetch(input, init) : Promise.resolve(new Response(JSON.stringify(conformanceSeed())));
    };
    const adapter = new StaticAdapter({ src: SRC, fetch, clock, timeout: 500, now, storage: new StorageStub() });
    const pending = rejection(adapter.shareables());
    await until(() => slow.signals.length === 1);
    clock.advance(500);
    expect((await pending).message).to.contain('timed out').and.contain('500 ms');
    expect((await adapter.shareables()).items).to.have.length(7);
    expect(attempts).to.equal(2);
    expect(clock.pending, 'no timer is left behind after a successful read').to.deep.equal([]);
  });

  it('times out a body that starts but never ends', async () => {
    const clock = new ManualClock(now);
    const { body, pulled } = streamed(1, 10, { end: false });
    const fetch = async () => new Response(body);
    const adapter = new StaticAdapter({ src: SRC, fetch, clock, timeout: 1000, now, storage: new StorageStub() });
    const pending = rejection(adapter.charter());
    await until(() => pulled() === 1);
    clock.advance(1000);
    expect((await pending).message).to.contain('timed out').and.contain(SRC);
  });
});

describe('StaticAdapter — size cap', () => {
  it('refuses a document whose Content-Length is over 5 MB without reading its body', async () => {
    const { body, pulled } = streamed(10, 1024);
    const fetch = async () => new Response(body, { headers: { 'content-length': String(50 * 1024 * 1024) } });
    const adapter = new StaticAdapter({ src: SRC, fetch, now, storage: new StorageStub() });
    const error = await rejection(adapter.charter());
    expect(error.message).to.contain(SRC).and.contain('5242880 bytes').and.contain('maxBytes');
    expect(pulled()).to.be.lessThan(2);
  });

  it('stops reading a body with no Content-Length once it passes the cap', async () => {
    const { body, pulled } = streamed(1000, 1024);
    const fetch = async () => new Response(body);
    const adapter = new StaticAdapter({ src: SRC, fetch, maxBytes: 10 * 1024, now, storage: new StorageStub() });
    const error = await rejection(adapter.charter());
    expect(error.message).to.contain(SRC).and.contain('10240 bytes');
    expect(pulled()).to.be.lessThan(20);
  });

  it('counts the bytes actually read, whatever Content-Length claims', async () => {
    const { body } = streamed(40, 1024);
    const fetch = async () => new Response(body, { headers: { 'content-length': '100' } });
    const adapter = new StaticAdapter({ src: SRC, fetch, maxBytes: 10 * 1024, now, storage: new StorageStub() });
    expect((await rejection(adapter.charter())).message).to.contain('10240 bytes');
  });

  it('reads a document under the cap, multi-byte characters included', async () => {
    const seed = conformanceSeed();
    seed.charter.title = 'Charte d’utilisation — réseaux sociaux 🌍';
    const text = JSON.stringify(seed);
    const fetch = async () => new Response(text);
    const adapter = new StaticAdapter({ src: SRC, fetch, maxBytes: new TextEncoder().encode(text).length, now, storage: new StorageStub() });
    expect((await adapter.charter()).title).to.equal(seed.charter.title);
  });
});

describe('StaticAdapter — stored writes', () => {
  const share = (n: number, at = CONFORMANCE_NOW): ShareEvent => ({
    id: fixtureShareId(1000 + n),
    shareableId: 's-industry-fr',
    viewerId: 'p-viewer',
    network: 'linkedin',
    at,
    personalized: true,
  });

  /** A storage stub that counts reads of the adapter's key. */
  class CountingStorage extends StorageStub {
    reads = 0;
    override getItem(key: string): string | null {
      if (key === KEY) this.reads += 1;
      return super.getItem(key);
    }
  }

  it('does not read storage when it is created, only on first use', async () => {
    const storage = new CountingStorage();
    storage.setItem(KEY, JSON.stringify({ shares: [share(1)], acknowledgments: [] }));
    const adapter = new StaticAdapter({ src: SRC, viewer, now, fetch: async () => new Response(JSON.stringify(conformanceSeed())), storage });
    expect(storage.reads).to.equal(0);
    const board = await adapter.leaderboard({ period: 'all', scope: 'people' });
    expect(board.entries.find((entry) => entry.isViewer)?.shares).to.equal(2);
    expect(storage.reads).to.be.greaterThan(0);
  });

  it('prunes the stored writes that the published document now holds', async () => {
    const storage = new StorageStub();
    const published = share(1);
    const ack = { viewerId: 'p-viewer', charterId: 'charter-2026', version: 3, at: CONFORMANCE_NOW };
    storage.setItem(KEY, JSON.stringify({ shares: [published, share(2)], acknowledgments: [ack] }));
    const seed = conformanceSeed();
    seed.shares = [...seed.shares!, published];
    seed.acknowledgments = [...seed.acknowledgments!, ack];
    const adapter = new StaticAdapter({ src: SRC, viewer, now, fetch: async () => new Response(JSON.stringify(seed)), storage });
    expect((await adapter.acknowledgment('p-viewer'))?.version).to.equal(3);
    const stored = JSON.parse(storage.getItem(KEY)!) as { shares: ShareEvent[]; acknowledgments: unknown[] };
    expect(stored.shares.map((event) => event.id)).to.deep.equal([share(2).id]);
    expect(stored.acknowledgments).to.deep.equal([]);
    const board = await adapter.leaderboard({ period: 'all', scope: 'people' });
    expect(board.entries.find((entry) => entry.isViewer)?.shares, 'the published share counts once').to.equal(3);
  });

  it('keeps at most 1000 stored shares, the newest', async () => {
    const storage = new StorageStub();
    const start = Date.parse('2026-01-01T00:00:00Z');
    const many = Array.from({ length: 1500 }, (_, n) => share(n, new Date(start + n * 60_000).toISOString()));
    storage.setItem(KEY, JSON.stringify({ shares: many, acknowledgments: [] }));
    const adapter = new StaticAdapter({ src: SRC, viewer, now, fetch: async () => new Response(JSON.stringify(conformanceSeed())), storage });
    await adapter.recordShare(share(2000));
    const stored = JSON.parse(storage.getItem(KEY)!) as { shares: ShareEvent[] };
    expect(stored.shares).to.have.length(1000);
    expect(stored.shares.map((event) => event.id)).to.include(share(2000).id).and.include(share(1499).id).and.not.include(share(500).id);
  });
});
