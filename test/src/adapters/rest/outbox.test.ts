import { expect, waitUntil } from '@open-wc/testing';
import { randomUUID } from '../../../../src/client/browser-storage.js';
import { LEASE_MS, runIfUnlocked } from '../../../../src/adapters/rest/locks.js';
import { Outbox, type Delivery, type OutboxEntry, type OutboxOptions } from '../../../../src/adapters/rest/outbox.js';
import { openOutboxStore } from '../../../../src/adapters/rest/outbox-store.js';
import type { ShareEvent } from '../../../../src/model/index.js';
import { ManualClock } from '../../../fixtures/manual-clock.js';
import { rejectionOf } from '../../../fixtures/rejection.js';
import { StorageStub } from '../storage-stub.js';

const START = '2026-11-18T12:00:00.000Z';

function shareEntry(n: number, createdAt = n): OutboxEntry {
  const body: ShareEvent = {
    id: `00000000-0000-4000-8000-${n.toString(16).padStart(12, '0')}`,
    shareableId: 's-industry-fr',
    viewerId: 'p-viewer',
    network: 'linkedin',
    at: START,
    personalized: true,
  };
  return { key: body.id, kind: 'share', body, createdAt };
}

/** A server stand-in: records what it was sent and answers as the test says. */
class ScriptedServer {
  readonly sent: { key: string; keepalive: boolean }[] = [];
  /** What each next request gets; delivered once the script is empty. */
  readonly script: (Delivery | ((entry: OutboxEntry) => Promise<Delivery>))[] = [];
  readonly send: OutboxOptions['send'] = async (entry, init) => {
    this.sent.push({ key: entry.key, keepalive: init.keepalive });
    const next = this.script.shift() ?? { outcome: 'delivered' };
    return typeof next === 'function' ? next(entry) : next;
  };
  keys(): string[] {
    return this.sent.map((request) => request.key);
  }
}

describe('Outbox', () => {
  let name: string;
  let clock: ManualClock;
  const opened: Outbox[] = [];
  const open = (server: ScriptedServer, options: Partial<OutboxOptions> = {}): Outbox => {
    const outbox = new Outbox({ name, send: server.send, clock, retry: { random: () => 1 }, ...options });
    opened.push(outbox);
    return outbox;
  };
  const counts = (outbox: Outbox): number[] => {
    const seen: number[] = [];
    outbox.onCount((count) => seen.push(count));
    return seen;
  };

  beforeEach(() => {
    name = `test-${randomUUID()}`;
    clock = new ManualClock(START);
  });
  afterEach(async () => {
    for (const outbox of opened.splice(0)) outbox.close();
    indexedDB.deleteDatabase(`relais-outbox:${name}`);
    localStorage.clear();
  });

  it('keeps a write in IndexedDB before sending it, and removes it once the server confirms', async () => {
    const server = new ScriptedServer();
    const store = await openOutboxStore(name);
    let keptWhenSent: string[] = [];
    server.script.push(async () => {
      keptWhenSent = (await store.list()).map((entry) => entry.key);
      return { outcome: 'delivered' };
    });
    const outbox = open(server);
    expect(await outbox.storageKind()).to.equal('indexeddb');
    expect(await outbox.submit(shareEntry(1))).to.equal('delivered');
    expect(keptWhenSent).to.deep.equal([shareEntry(1).key]);
    expect(await store.list()).to.deep.equal([]);
  });

  it('keeps a write the server could not take, and sends it again on the backoff timer', async () => {
    const server = new ScriptedServer();
    server.script.push({ outcome: 'retry', error: new Error('offline') }, { outcome: 'retry', error: new Error('offline') });
    const outbox = open(server);
    const seen = counts(outbox);
    expect(await outbox.submit(shareEntry(1))).to.equal('pending');
    await waitUntil(() => seen.at(-1) === 1, 'counted as unsynced');
    // First backoff: 500 ms (random 1 keeps the whole delay); nothing is sent before.
    clock.advance(499);
    expect(server.sent).to.have.length(1);
    clock.advance(1);
    await waitUntil(() => server.sent.length === 2);
    // Second failure: 1 s.
    clock.advance(999);
    expect(server.sent).to.have.length(2);
    clock.advance(1);
    await waitUntil(() => seen.at(-1) === 0, 'delivered on the third attempt');
    expect(server.keys()).to.deep.equal([shareEntry(1).key, shareEntry(1).key, shareEntry(1).key]);
  });

  it("honours the server's Retry-After, even when the browser comes back online", async () => {
    const server = new ScriptedServer();
    server.script.push({ outcome: 'retry', error: new Error('429'), retryAfter: 30_000 });
    const outbox = open(server);
    await outbox.submit(shareEntry(1));
    window.dispatchEvent(new Event('online'));
    await outbox.submit(shareEntry(2));
    await outbox.flush();
    clock.advance(29_999);
    expect(server.sent).to.have.length(1);
    clock.advance(1);
    await waitUntil(() => server.sent.length === 3);
    expect(server.keys().slice(1)).to.deep.equal([shareEntry(1).key, shareEntry(2).key]);
  });

  it('sends at once when the browser comes back online, without waiting for the backoff', async () => {
    const server = new ScriptedServer();
    server.script.push({ outcome: 'retry', error: new Error('offline') });
    const outbox = open(server);
    await outbox.submit(shareEntry(1));
    window.dispatchEvent(new Event('online'));
    await waitUntil(() => server.sent.length === 2);
  });

  it('rejects a write refused for good, drops it and never sends it again', async () => {
    const server = new ScriptedServer();
    const refusal = new Error('403 forbidden');
    server.script.push({ outcome: 'refused', error: refusal });
    const outbox = open(server);
    const refused: unknown[] = [];
    outbox.onRefused((error) => refused.push(error));
    expect(await rejectionOf(outbox.submit(shareEntry(1)))).to.equal(refusal);
    // The caller heard it: the listeners are for writes no call is waiting for.
    expect(refused).to.deep.equal([]);
    await outbox.flush();
    clock.advance(3_600_000);
    expect(server.sent).to.have.length(1);
    expect(await (await openOutboxStore(name)).list()).to.deep.equal([]);
  });

  it('tells its listeners of a kept write refused later, once, and goes on with the others', async () => {
    const server = new ScriptedServer();
    server.script.push({ outcome: 'retry', error: new Error('offline') }, { outcome: 'refused', error: new Error('400 invalid-request') });
    const outbox = open(server);
    const refused: string[] = [];
    outbox.onRefused((error, entry) => refused.push(`${entry.key}: ${error.message}`));
    await outbox.submit(shareEntry(1));
    await outbox.submit(shareEntry(2));
    clock.advance(500);
    await waitUntil(() => server.sent.length === 3);
    expect(refused).to.deep.equal([`${shareEntry(1).key}: 400 invalid-request`]);
    expect(server.keys()).to.deep.equal([shareEntry(1).key, shareEntry(1).key, shareEntry(2).key]);
    clock.advance(3_600_000);
    expect(server.sent).to.have.length(3);
  });

  it('sends on start what an earlier page kept (a reload)', async () => {
    const store = await openOutboxStore(name);
    await store.put(shareEntry(2, 20));
    await store.put(shareEntry(1, 10));
    const server = new ScriptedServer();
    open(server);
    await waitUntil(() => server.sent.length === 2);
    expect(server.keys(), 'oldest first').to.deep.equal([shareEntry(1).key, shareEntry(2).key]);
    await waitUntil(async () => (await store.list()).length === 0);
  });

  it('drops an entry that storage no longer reads as a write, with a warning', async () => {
    const store = await openOutboxStore(name);
    await store.put({ ...shareEntry(1), body: { id: 'not a share' } } as unknown as OutboxEntry);
    const warn = console.warn;
    const warnings: unknown[] = [];
    console.warn = (...args: unknown[]) => warnings.push(args[0]);
    try {
      expect(await store.list()).to.deep.equal([]);
    } finally {
      console.warn = warn;
    }
    expect(String(warnings[0])).to.contain('unreadable write');
  });

  for (const locks of ['Web Locks', 'storage lease'] as const) {
    it(`two outboxes sharing one store never send one write twice (${locks})`, async () => {
      const server = new ScriptedServer();
      // Every answer takes a turn of the event loop, so that the two tabs overlap.
      for (let i = 0; i < 40; i++) server.script.push(async () => (await Promise.resolve(), { outcome: 'delivered' }));
      const options = locks === 'storage lease' ? { locks: null } : {};
      const tabA = open(server, options);
      const tabB = open(server, options);
      await Promise.all([
        ...Array.from({ length: 10 }, (_, i) => tabA.submit(shareEntry(i + 1))),
        ...Array.from({ length: 10 }, (_, i) => tabB.submit(shareEntry(i + 11))),
        tabA.flush(),
        tabB.flush(),
      ]);
      // A write the busy tab left behind is sent on its short retry timer.
      clock.advance(500);
      await waitUntil(async () => (await (await openOutboxStore(name)).list()).length === 0, 'all delivered');
      const keys = server.keys();
      expect(new Set(keys).size, 'each write sent').to.equal(20);
      expect(keys.length, 'no write sent twice').to.equal(20);
    });
  }

  it('sends what it keeps with keepalive on pagehide, without waiting for the backoff, and forgets what was confirmed', async () => {
    const server = new ScriptedServer();
    server.script.push({ outcome: 'retry', error: new Error('offline') });
    const outbox = open(server);
    await outbox.submit(shareEntry(1));
    expect(clock.pending, 'a backoff timer').to.have.length(1);
    window.dispatchEvent(new PageTransitionEvent('pagehide'));
    await waitUntil(() => server.sent.length === 2);
    expect(server.sent[1]).to.deep.equal({ key: shareEntry(1).key, keepalive: true });
    await waitUntil(async () => (await (await openOutboxStore(name)).list()).length === 0);
  });

  it("sends nothing on pagehide while the server's Retry-After holds", async () => {
    const server = new ScriptedServer();
    server.script.push({ outcome: 'retry', error: new Error('429'), retryAfter: 60_000 });
    const outbox = open(server);
    await outbox.submit(shareEntry(1));
    window.dispatchEvent(new PageTransitionEvent('pagehide'));
    await outbox.flush();
    expect(server.sent).to.have.length(1);
  });

  it('keeps its writes in localStorage where IndexedDB is missing', async () => {
    const descriptor = Object.getOwnPropertyDescriptor(window, 'indexedDB');
    Object.defineProperty(window, 'indexedDB', { value: undefined, configurable: true });
    try {
      const server = new ScriptedServer();
      server.script.push({ outcome: 'retry', error: new Error('offline') });
      const outbox = open(server);
      expect(await outbox.storageKind()).to.equal('localstorage');
      await outbox.submit(shareEntry(1));
      expect(Object.keys(JSON.parse(localStorage.getItem(`relais:outbox:${name}`) ?? '{}') as object)).to.deep.equal([shareEntry(1).key]);
    } finally {
      if (descriptor) Object.defineProperty(window, 'indexedDB', descriptor);
      else delete (window as { indexedDB?: unknown }).indexedDB;
    }
  });

  it('keeps its writes in memory, with a warning, where neither IndexedDB nor localStorage can be used', async () => {
    const idb = Object.getOwnPropertyDescriptor(window, 'indexedDB');
    const ls = Object.getOwnPropertyDescriptor(window, 'localStorage');
    Object.defineProperty(window, 'indexedDB', { value: undefined, configurable: true });
    Object.defineProperty(window, 'localStorage', {
      get: () => {
        throw new DOMException('The operation is insecure.', 'SecurityError');
      },
      configurable: true,
    });
    const warn = console.warn;
    const warnings: unknown[] = [];
    console.warn = (...args: unknown[]) => warnings.push(args[0]);
    try {
      const server = new ScriptedServer();
      server.script.push({ outcome: 'retry', error: new Error('offline') });
      const outbox = open(server);
      expect(await outbox.storageKind()).to.equal('memory');
      await outbox.submit(shareEntry(1));
      // Another adapter of this page (same endpoint) finds it.
      const later = new ScriptedServer();
      open(later);
      await waitUntil(() => later.sent.length === 1);
    } finally {
      console.warn = warn;
      if (idb) Object.defineProperty(window, 'indexedDB', idb);
      else delete (window as { indexedDB?: unknown }).indexedDB;
      if (ls) Object.defineProperty(window, 'localStorage', ls);
      else delete (window as { localStorage?: unknown }).localStorage;
    }
    expect(String(warnings.find((warning) => String(warning).includes('kept in memory')))).to.contain('lost if the page is closed');
  });
});

describe('runIfUnlocked (storage lease)', () => {
  it('runs one task at a time per name, and frees the lease after', async () => {
    const clock = new ManualClock(START);
    const storage = new StorageStub();
    let release!: () => void;
    const first = runIfUnlocked('lease-test', () => new Promise<void>((resolve) => (release = resolve)), { clock, storage, locks: null });
    await waitUntil(() => storage.items.size === 1);
    expect(await runIfUnlocked('lease-test', async () => {}, { clock, storage, locks: null }), 'taken').to.equal(false);
    release();
    expect(await first).to.equal(true);
    expect(storage.items.size).to.equal(0);
    expect(await runIfUnlocked('lease-test', async () => {}, { clock, storage, locks: null }), 'free again').to.equal(true);
  });

  it('takes over a lease whose tab died (not renewed for LEASE_MS)', async () => {
    const clock = new ManualClock(START);
    const storage = new StorageStub();
    storage.setItem('relais:lock:lease-test', JSON.stringify({ owner: 'dead tab', until: clock.now().getTime() + LEASE_MS }));
    expect(await runIfUnlocked('lease-test', async () => {}, { clock, storage, locks: null })).to.equal(false);
    clock.advance(LEASE_MS);
    expect(await runIfUnlocked('lease-test', async () => {}, { clock, storage, locks: null })).to.equal(true);
  });

  it('renews its lease while the task runs', async () => {
    const clock = new ManualClock(START);
    const storage = new StorageStub();
    let release!: () => void;
    const running = runIfUnlocked('lease-test', () => new Promise<void>((resolve) => (release = resolve)), { clock, storage, locks: null });
    await waitUntil(() => storage.items.size === 1);
    clock.advance(LEASE_MS * 2);
    expect(await runIfUnlocked('lease-test', async () => {}, { clock, storage, locks: null }), 'still held').to.equal(false);
    release();
    await running;
  });
});
