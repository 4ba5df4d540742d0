/**
 * RestAdapter through a fault-injecting proxy in front of the real reference server (PGlite in
 * memory; test/fixtures/rest-server-plugin.mjs): the server down, hanging, 429 with Retry-After,
 * bursts of 500, malformed answers, answers lost after the server acted, a reload, two tabs, a
 * write refused for good. What the server holds is read from its database: each write must be
 * there exactly once. Time is a manual clock: backoff and timeouts move when the test moves it.
 */
import { expect, waitUntil } from '@open-wc/testing';
import { randomUUID } from '../../../../src/client/browser-storage.js';
import { RestAdapter, RestError, type RestAdapterOptions } from '../../../../src/adapters/rest/rest-adapter.js';
import { RelaisClient } from '../../../../src/client/client.js';
import { RelaisDataError, type Acknowledgment, type ShareEvent } from '../../../../src/model/index.js';
import { CONFORMANCE_NOW, conformanceSeed } from '../../../../src/testing/fixture.js';
import { ManualClock } from '../../../fixtures/manual-clock.js';
import { rejectionOf } from '../../../fixtures/rejection.js';
import { openOutboxStore } from '../../../../src/adapters/rest/outbox-store.js';
import { injectFaults, proxiedRequests, queryServer, resetRestServer, signIn, startRestServer } from '../../../fixtures/rest-server.js';

/** Longer than any backoff (30 s) or Retry-After used here: one step of the clock runs the next attempt. */
const STEP = 60_000;

/** attempted / delivered / duplicates per scenario, printed at the end. */
const report: { scenario: string; attempted: number; delivered: number; duplicates: number; requests: number }[] = [];

let n = 0;
const newShare = (): ShareEvent => ({
  id: randomUUID(),
  shareableId: ['s-industry-fr', 's-culture-en', 's-product-fr'][n++ % 3]!,
  viewerId: 'p-viewer',
  network: 'linkedin',
  at: CONFORMANCE_NOW,
  personalized: n % 2 === 0,
});
const viewerAck: Acknowledgment = { viewerId: 'p-viewer', charterId: 'charter-2026', version: 3, at: CONFORMANCE_NOW };
const ackKey = 'ack:p-viewer:charter-2026:3';

describe('RestAdapter through faults, on the reference server', () => {
  let endpoint: string;
  let clock: ManualClock;
  let outboxName: string;
  const adapters: RestAdapter[] = [];
  const make = (options: Partial<RestAdapterOptions> = {}): RestAdapter => {
    const adapter = new RestAdapter({ endpoint, clock, timeout: 2000, retry: { random: () => 1 }, outbox: { name: outboxName }, ...options });
    adapters.push(adapter);
    return adapter;
  };
  const unsynced = (adapter: RestAdapter) => {
    const seen = { count: -1 };
    adapter.onUnsynced((count) => (seen.count = count));
    return seen;
  };
  /** Moves the clock until the outbox is empty (each step runs the next attempt), at most `steps` times. */
  const drain = async (adapter: RestAdapter, count: { count: number }, steps = 30) => {
    for (let step = 0; step < steps; step++) {
      await adapter.flush();
      if (count.count === 0) return;
      clock.advance(STEP);
    }
    throw new Error(`the outbox still holds ${count.count} write(s) after ${steps} steps`);
  };
  /** How many rows the server holds for these share ids, and for the viewer's version-3 acknowledgment. */
  const held = async (shareIds: string[]) => {
    const shares = await queryServer<{ id: string }>('SELECT id::text AS id FROM shares');
    const acks = await queryServer<{ n: number }>(
      "SELECT count(*)::int AS n FROM acknowledgments WHERE viewer_id = 'p-viewer' AND charter_id = 'charter-2026' AND version = 3",
    );
    const wanted = new Set(shareIds);
    const rows = shares.filter((row) => wanted.has(row.id));
    return { shareRows: rows.length, distinctShares: new Set(rows.map((row) => row.id)).size, ackRows: acks[0]!.n };
  };
  const postsOf = async (key: string) => (await proxiedRequests()).filter((request) => request.method === 'POST' && request.key === key);

  before(async function () {
    this.timeout(180_000);
    await startRestServer();
  });

  beforeEach(async () => {
    endpoint = await resetRestServer(conformanceSeed(), CONFORMANCE_NOW, { id: 'p-viewer', roles: '' });
    clock = new ManualClock(CONFORMANCE_NOW);
    outboxName = randomUUID();
  });

  afterEach(() => {
    for (const adapter of adapters.splice(0)) adapter.close();
  });

  after(() => {
    console.log(
      ['RestAdapter fault tests: attempted / delivered / duplicates (requests that reached the proxy)', ...report.map((row) => `  ${row.scenario}: attempted ${row.attempted}, delivered ${row.delivered}, duplicates ${row.duplicates} (${row.requests} POST requests)`)].join('\n'),
    );
  });

  it('server down during 20 shares and 1 acknowledgment: every call resolves, all kept; once it is back (some answers lost), each is delivered exactly once', async () => {
    const adapter = make();
    const count = unsynced(adapter);
    await injectFaults({ kind: 'down', times: 1000 });
    const shares = Array.from({ length: 20 }, newShare);
    for (const share of shares) await adapter.recordShare(share);
    await adapter.acknowledge(viewerAck);
    await waitUntil(() => count.count === 21, `unsynced: ${count.count}`);
    expect(await held(shares.map((share) => share.id)), 'nothing reached the server').to.deep.equal({ shareRows: 0, distinctShares: 0, ackRows: 0 });
    // While it is down, a backoff holds the writes: 20 shares did not become 20 failed requests.
    expect((await proxiedRequests()).filter((request) => request.method === 'POST').length).to.be.below(5);

    // Back, but the first three answers are lost after the server stored the write: sent again, counted once.
    await injectFaults({ kind: 'lose-answer', times: 3, only: 'POST /' });
    window.dispatchEvent(new Event('online'));
    await drain(adapter, count);
    const rows = await held(shares.map((share) => share.id));
    expect(rows).to.deep.equal({ shareRows: 20, distinctShares: 20, ackRows: 1 });
    // The leaderboard counts each once too (the viewer's seeded share + 20).
    const board = await new RelaisClient(adapter).adapter.leaderboard({ period: 'all', scope: 'people' });
    expect(board.entries.find((entry) => entry.isViewer)?.shares).to.equal(21);
    const posts = (await proxiedRequests()).filter((request) => request.method === 'POST');
    report.push({ scenario: 'server down, 20 shares + 1 acknowledgment', attempted: 21, delivered: rows.distinctShares + rows.ackRows, duplicates: rows.shareRows - rows.distinctShares, requests: posts.length });
    expect(posts.some((request) => request.fault === 'lose-answer')).to.equal(true);
    expect(posts.some((request) => request.key === ackKey && request.path === '/acknowledgments'), 'the acknowledgment under its key').to.equal(true);
  });

  it('a request that hangs is aborted after `timeout` and the write is sent again', async () => {
    const adapter = make();
    const count = unsynced(adapter);
    await injectFaults({ kind: 'hang', only: 'POST /shares' });
    const share = newShare();
    const recording = adapter.recordShare(share);
    await waitUntil(async () => (await postsOf(share.id)).length === 1);
    clock.advance(1999);
    expect(count.count).to.equal(1);
    clock.advance(1);
    await recording;
    await drain(adapter, count);
    expect(await held([share.id])).to.include({ shareRows: 1 });
    expect((await postsOf(share.id)).map((request) => request.fault)).to.deep.equal(['hang', 'none']);
    report.push({ scenario: 'timeout', attempted: 1, delivered: 1, duplicates: 0, requests: (await postsOf(share.id)).length });
  });

  it('a read that hangs is aborted after `timeout` and asked again', async () => {
    const adapter = make();
    await injectFaults({ kind: 'hang', only: 'GET /charter' });
    const reading = adapter.charter();
    await waitUntil(async () => (await proxiedRequests()).length === 1);
    clock.advance(2000);
    await waitUntil(() => clock.pending.some((timer) => timer.at.getTime() === clock.now().getTime() + 500));
    clock.advance(500);
    expect(await reading).to.include({ id: 'charter-2026', version: 3 });
  });

  it("429 with Retry-After: nothing is sent again before the server's time, not even when back online", async () => {
    const adapter = make();
    const count = unsynced(adapter);
    await injectFaults({ kind: 'status', status: 429, retryAfter: '45', only: 'POST /shares' });
    const share = newShare();
    await adapter.recordShare(share);
    await adapter.acknowledge(viewerAck);
    window.dispatchEvent(new Event('online'));
    await adapter.flush();
    clock.advance(44_999);
    await adapter.flush();
    expect((await proxiedRequests()).filter((request) => request.method === 'POST')).to.have.length(1);
    clock.advance(1);
    await drain(adapter, count);
    expect(await held([share.id])).to.deep.equal({ shareRows: 1, distinctShares: 1, ackRows: 1 });
    report.push({ scenario: '429 + Retry-After', attempted: 2, delivered: 2, duplicates: 0, requests: (await proxiedRequests()).filter((request) => request.method === 'POST').length });
  });

  it('a burst of 500s: tried again after 0.5 s, 1 s, 2 s, 4 s, 8 s, then delivered once', async () => {
    const adapter = make();
    const count = unsynced(adapter);
    await injectFaults({ kind: 'status', status: 500, times: 5, only: 'POST /shares' });
    const share = newShare();
    await adapter.recordShare(share);
    for (const wait of [500, 1000, 2000, 4000, 8000]) {
      await adapter.flush();
      expect(clock.pending.map((timer) => timer.at.getTime() - clock.now().getTime()), 'the backoff timer').to.include(wait);
      clock.advance(wait);
    }
    await drain(adapter, count);
    expect((await postsOf(share.id)).map((request) => request.fault)).to.deep.equal(['status', 'status', 'status', 'status', 'status', 'none']);
    expect(await held([share.id])).to.include({ shareRows: 1 });
    report.push({ scenario: '500 burst', attempted: 1, delivered: 1, duplicates: 0, requests: 6 });
  });

  it('a malformed answer to a read is a RelaisDataError; to a write, the status alone confirms it', async () => {
    const adapter = make();
    await injectFaults({ kind: 'malformed', only: 'GET /charter' }, { kind: 'malformed', only: 'POST /shares' });
    const client = new RelaisClient(adapter, { clock });
    const error = await rejectionOf(client.adapter.charter(), RelaisDataError);
    expect(error.message).to.contain('not JSON');
    const share = newShare();
    await adapter.recordShare(share);
    expect(await held([share.id])).to.include({ shareRows: 1 });
    expect(await postsOf(share.id)).to.have.length(1);
  });

  it('a reload with writes still kept: the next page (a fresh adapter on the same IndexedDB) delivers them on start', async () => {
    const before = make();
    await injectFaults({ kind: 'down', times: 1000 });
    const shares = Array.from({ length: 5 }, newShare);
    for (const share of shares) await before.recordShare(share);
    await before.acknowledge(viewerAck);
    // The page goes away without a pagehide (a crash, a killed tab).
    before.close();
    await injectFaults();
    const after = make();
    const count = unsynced(after);
    await drain(after, count);
    const rows = await held(shares.map((share) => share.id));
    expect(rows).to.deep.equal({ shareRows: 5, distinctShares: 5, ackRows: 1 });
    report.push({ scenario: 'reload', attempted: 6, delivered: rows.distinctShares + rows.ackRows, duplicates: rows.shareRows - rows.distinctShares, requests: (await proxiedRequests()).filter((request) => request.method === 'POST').length });
  });

  it('a reload while the acknowledgment waits in the outbox does not ask the viewer again', async () => {
    const before = make();
    await injectFaults({ kind: 'down', only: 'POST /acknowledgments', times: 1000 });
    await before.acknowledge(viewerAck);
    before.close();
    // The next page: the server is reachable for reads, the acknowledgment still cannot go through.
    const after = make();
    const client = new RelaisClient(after, { clock });
    expect(await client.adapter.acknowledgment('p-viewer')).to.deep.equal(viewerAck);
    expect(await held([]), 'not on the server yet').to.include({ ackRows: 0 });
    await injectFaults();
    const count = unsynced(after);
    await drain(after, count);
    expect(await held([])).to.include({ ackRows: 1 });
    expect(await client.adapter.acknowledgment('p-viewer')).to.deep.equal(viewerAck);
  });

  for (const locks of [true, false]) {
    it(`two tabs sharing the outbox do not send one write twice (${locks ? 'Web Locks' : 'storage lease'})`, async () => {
      const tabA = make({ outbox: { name: outboxName, locks } });
      const tabB = make({ outbox: { name: outboxName, locks } });
      await injectFaults({ kind: 'down', times: 1000 });
      const shares = Array.from({ length: 10 }, newShare);
      await Promise.all(shares.map((share, index) => (index % 2 ? tabA : tabB).recordShare(share)));
      await injectFaults();
      const countA = unsynced(tabA);
      const countB = unsynced(tabB);
      // Both tabs hear the browser come back at the same moment.
      window.dispatchEvent(new Event('online'));
      await Promise.all([tabA.flush(), tabB.flush()]);
      await drain(tabA, countA);
      await drain(tabB, countB);
      const posts = (await proxiedRequests()).filter((request) => request.method === 'POST' && request.fault === 'none');
      const keys = posts.map((request) => request.key);
      expect(new Set(keys).size, 'every write sent').to.equal(10);
      expect(keys.length, 'no write sent twice').to.equal(10);
      const rows = await held(shares.map((share) => share.id));
      expect(rows).to.include({ shareRows: 10, distinctShares: 10 });
      report.push({ scenario: `two tabs (${locks ? 'Web Locks' : 'lease'})`, attempted: 10, delivered: rows.distinctShares, duplicates: keys.length - new Set(keys).size, requests: keys.length });
    });
  }

  for (const roles of ['', 'admin']) {
    it(`two employees on one browser: Camille's kept share is neither sent nor deleted by ${roles ? 'an admin' : 'a colleague'}'s page, and is delivered once when she is back`, async () => {
      const camille = make();
      await camille.viewer();
      await injectFaults({ kind: 'down', times: 1000 });
      const share = newShare();
      await camille.recordShare(share);
      await camille.acknowledge(viewerAck);
      // Camille leaves without a pagehide (the page killed); Alice signs in on the same browser.
      camille.close();
      await injectFaults();
      await signIn({ id: 'p-alice', name: 'Alice Bernard', roles });
      const alice = make();
      const aliceCount = unsynced(alice);
      expect((await alice.viewer()).id).to.equal('p-alice');
      for (let step = 0; step < 5; step++) {
        clock.advance(STEP);
        await alice.flush();
      }
      window.dispatchEvent(new Event('online'));
      window.dispatchEvent(new Event('pagehide'));
      await alice.flush();
      // Alice's own share goes.
      const alices = { ...newShare(), viewerId: 'p-alice' };
      await alice.recordShare(alices);
      expect(aliceCount.count, "Alice's page counts none of Camille's writes").to.equal(0);
      // Only Camille's page tried, while the server was down: nothing reached it with Alice's credentials.
      expect((await postsOf(share.id)).filter((request) => request.fault !== 'down'), "Camille's share never sent with Alice's credentials").to.deep.equal([]);
      expect((await postsOf(ackKey)).filter((request) => request.fault !== 'down')).to.deep.equal([]);
      expect(await held([share.id, alices.id])).to.deep.equal({ shareRows: 1, distinctShares: 1, ackRows: 0 });
      const kept = await (await openOutboxStore(outboxName)).list();
      // (Kept in the same millisecond: in no particular order.)
      expect(kept.map((entry) => [entry.key, entry.owner]).sort(), 'still kept, for her').to.deep.equal(
        [
          [share.id, 'p-viewer'],
          [ackKey, 'p-viewer'],
        ].sort(),
      );
      alice.close();

      // Camille signs in again on this browser: her next page delivers both, once, under her name.
      await signIn({ id: 'p-viewer', name: 'Camille Martin', roles: '' });
      const again = make();
      const count = unsynced(again);
      await again.viewer();
      await drain(again, count);
      expect(await held([share.id, alices.id])).to.deep.equal({ shareRows: 2, distinctShares: 2, ackRows: 1 });
      const owners = await queryServer<{ viewer_id: string }>('SELECT viewer_id FROM shares WHERE id::text = $1', [share.id]);
      expect(owners.map((row) => row.viewer_id)).to.deep.equal(['p-viewer']);
      report.push({ scenario: `shared browser (${roles || 'colleague'})`, attempted: 3, delivered: 3, duplicates: 0, requests: (await proxiedRequests()).filter((request) => request.method === 'POST').length });
    });
  }

  it('a share is in IndexedDB before any request: the server unreachable, the client writes first, then reads', async () => {
    const seen: { method: string; url: string; keptThen: string[] }[] = [];
    const store = await openOutboxStore(outboxName);
    const adapter = make({
      fetch: async (url, init) => {
        seen.push({ method: init.method ?? 'GET', url, keptThen: (await store.list()).map((entry) => entry.key) });
        return globalThis.fetch(url, init);
      },
    });
    const client = new RelaisClient(adapter, { clock });
    const viewerState = client.$viewer.listen(() => undefined);
    await waitUntil(() => client.$viewer.get().status === 'ready');
    const first = seen.length;
    await injectFaults({ kind: 'down', times: 1000 });
    const recording = client.recordShare({ shareableId: 's-industry-fr', network: 'linkedin', personalized: false });
    await waitUntil(() => seen.length > first, 'no request after the click');
    const [firstRequest] = seen.slice(first);
    expect(firstRequest!.keptThen, `kept when ${firstRequest!.method} ${firstRequest!.url} left`).to.have.length(1);
    // The server is down: the reads after the write retry on the clock; the share is kept meanwhile.
    for (let step = 0; step < 10; step++) {
      clock.advance(STEP);
      await new Promise((resolve) => setTimeout(resolve, 10));
    }
    const { event } = await recording;
    expect((await store.list()).map((entry) => entry.key)).to.deep.equal([event.id]);
    // The server comes back: delivered, once.
    await injectFaults();
    const count = unsynced(adapter);
    await drain(adapter, count);
    expect(await held([event.id])).to.include({ shareRows: 1 });
    viewerState();
  });

  it('reproduction 5 of issue 20: server unreachable, click, the page left at once: the next page delivers the share (1 of 1)', async () => {
    const page = make();
    const client = new RelaisClient(page, { clock });
    const viewerState = client.$viewer.listen(() => undefined);
    await waitUntil(() => client.$viewer.get().status === 'ready');
    await injectFaults({ kind: 'down', times: 1000 });
    const before = (await proxiedRequests()).length;
    void client.recordShare({ shareableId: 's-culture-en', network: 'bluesky', personalized: true }).catch(() => {});
    // The employee leaves as soon as anything went out (the card's "done" comes later, or never).
    await waitUntil(async () => (await proxiedRequests()).length > before, 'nothing sent');
    viewerState();
    page.close();
    const [kept] = await (await openOutboxStore(outboxName)).list();
    expect(kept, 'kept before the page left').to.not.equal(undefined);
    // The server is back; the employee opens another page.
    await injectFaults();
    const next = make();
    const count = unsynced(next);
    await drain(next, count);
    expect(await held([kept!.key])).to.include({ shareRows: 1 });
    report.push({ scenario: 'issue 20 reproduction 5 (page left at once)', attempted: 1, delivered: (await held([kept!.key])).shareRows, duplicates: 0, requests: (await postsOf(kept!.key)).length });
  });

  it('a write refused for good (403) leaves the outbox: the call rejects, and a kept one refused later is told once, never sent again', async () => {
    const adapter = make();
    const count = unsynced(adapter);
    const refused: string[] = [];
    adapter.onWriteRefused((error, write) => refused.push(`${write.kind} ${write.key}: ${(error as RestError).status}`));
    // Someone else's share: the server refuses it (identity comes from the request).
    const others = { ...newShare(), viewerId: 'p-alice' };
    const error = await rejectionOf(adapter.recordShare(others), RestError);
    expect(error).to.include({ status: 403, field: 'viewerId' });
    expect(refused, 'the caller heard it').to.deep.equal([]);

    // Kept while the server was down, refused once it is back.
    await injectFaults({ kind: 'down', times: 1000 });
    const later = { ...newShare(), viewerId: 'p-bob' };
    const mine = newShare();
    await adapter.recordShare(later);
    await adapter.recordShare(mine);
    await injectFaults();
    window.dispatchEvent(new Event('online'));
    await drain(adapter, count);
    expect(refused).to.deep.equal([`share ${later.id}: 403`]);
    for (let step = 0; step < 5; step++) {
      clock.advance(STEP);
      await adapter.flush();
    }
    expect((await postsOf(others.id)).length, 'refused at once: sent once').to.equal(1);
    expect((await postsOf(later.id)).filter((request) => request.fault === 'none').length, 'refused later: sent once to the server').to.equal(1);
    expect(await held([others.id, later.id, mine.id])).to.include({ shareRows: 1 });
    report.push({ scenario: 'refused for good', attempted: 3, delivered: 1, duplicates: 0, requests: (await proxiedRequests()).filter((request) => request.method === 'POST').length });
  });
});
