/**
 * SharePointAdapter against the SharePoint REST test server (test/fixtures/sharepoint-server-plugin.mjs)
 * where SharePoint Online differs from a plain REST API. The shapes, and the Microsoft page each
 * comes from:
 * - paging with `odata.nextLink` and `$skiptoken=Paged=TRUE&p_ID=…`, the list view threshold of
 *   5,000 items: "Use OData query operations in SharePoint REST requests", "Manage large lists and
 *   libraries" (learn.microsoft.com, SharePoint docs);
 * - `/_api/contextinfo` (`FormDigestValue`, `FormDigestTimeoutSeconds`) and the 403 of an expired
 *   digest (-2130575252): "Navigate the SharePoint data structure represented in the REST service",
 *   "Work with __REQUESTDIGEST" (SPFx docs);
 * - 429 / 503 with `Retry-After`: "Avoid getting throttled or blocked in SharePoint Online";
 * - 403 access denied (-2147024891, System.UnauthorizedAccessException) and the 400 naming a missing
 *   column: "Working with lists and list items with REST" and SharePoint's own error bodies;
 * - `/_api/web/currentuser` (SP.User: Title, Email, LoginName, UserPrincipalName).
 * Time is a manual clock: backoff, digest expiry and Retry-After move when the test moves it.
 */
import { expect, waitUntil } from '@open-wc/testing';
import { randomUUID } from '../../../../src/client/browser-storage.js';
import { SharePointAdapter, SharePointError, type SharePointAdapterOptions } from '../../../../src/adapters/sharepoint/sharepoint-adapter.js';
import type { Acknowledgment, ShareEvent } from '../../../../src/model/index.js';
import { CONFORMANCE_NOW, CONFORMANCE_VIEWER, conformanceSeed } from '../../../../src/testing/fixture.js';
import { ManualClock } from '../../../fixtures/manual-clock.js';
import { rejectionOf } from '../../../fixtures/rejection.js';
import {
  addSharePointItems,
  expireDigests,
  resetSharePoint,
  setSharePoint,
  sharePointFaults,
  sharePointItems,
  sharePointLog,
  type ResetOptions,
} from '../../../fixtures/sharepoint-server.js';

const STEP = 60_000;
const SHARES = "POST /sites/relais/_api/web/lists/GetByTitle('Relais Shares')/items";

const newShare = (shareableId = 's-industry-fr'): ShareEvent => ({ id: randomUUID(), shareableId, viewerId: 'p-viewer', network: 'linkedin', at: CONFORMANCE_NOW, personalized: false });
const viewerAck: Acknowledgment = { viewerId: 'p-viewer', charterId: 'charter-2026', version: 3, at: CONFORMANCE_NOW };

describe('SharePointAdapter on the SharePoint REST test server: paging, digest, throttling, outages, permissions', () => {
  let site: string;
  let clock: ManualClock;
  const adapters: SharePointAdapter[] = [];
  const make = (options: Partial<SharePointAdapterOptions> = {}): SharePointAdapter => {
    const adapter = new SharePointAdapter({ site, viewer: CONFORMANCE_VIEWER, clock, timeout: 2000, retry: { random: () => 1 }, outbox: { name: randomUUID() }, ...options });
    adapters.push(adapter);
    return adapter;
  };
  const reset = async (options: ResetOptions = {}) => {
    site = await resetSharePoint(conformanceSeed(), CONFORMANCE_NOW, options);
  };
  const unsynced = (adapter: SharePointAdapter) => {
    const seen = { count: -1 };
    adapter.onUnsynced((count) => (seen.count = count));
    return seen;
  };
  const drain = async (adapter: SharePointAdapter, count: { count: number }, steps = 30) => {
    for (let step = 0; step < steps; step++) {
      await adapter.flush();
      if (count.count === 0) return;
      clock.advance(STEP);
    }
    throw new Error(`the outbox still holds ${count.count} write(s) after ${steps} steps`);
  };
  const keysIn = async (list: string) => (await sharePointItems(list)).map((item) => item.RelaisKey as string);

  beforeEach(async () => {
    clock = new ManualClock(CONFORMANCE_NOW);
    await reset();
  });

  afterEach(() => {
    for (const adapter of adapters.splice(0)) adapter.close();
  });

  it('pages past the 5,000-item list view threshold: 6,000 shares this week, read 5,000 a page through odata.nextLink', async () => {
    const monday = Date.parse('2026-11-16T08:00:00Z');
    const items = Array.from({ length: 6000 }, (_, n) => {
      const key = `00000000-0000-4000-9000-${n.toString(16).padStart(12, '0')}`;
      return { Title: key, RelaisKey: key, ShareableId: 's-culture-en', ViewerId: 'p-dina', Network: 'linkedin', SharedAt: new Date(monday + n * 1000).toISOString(), Personalized: true };
    });
    await addSharePointItems('Relais Shares', items);
    const adapter = make();
    const week = await adapter.leaderboard({ period: 'week', scope: 'people' });
    const dina = week.entries.find((entry) => entry.id === 'p-dina')!;
    // Dina shared this item before the week (the seed): 6,000 shares again earn nothing (the rules).
    expect({ shares: dina.shares, points: dina.points, rank: dina.rank }).to.deep.equal({ shares: 6000, points: 0, rank: 3 });
    // The week's pages (not the reads of the item's earlier shares, which follow them).
    const pages = (await sharePointLog()).filter((request) => request.list === 'Relais Shares' && !decodeURIComponent(request.query).includes('ShareableId eq'));
    expect(pages.length, 'two pages of the Shares list').to.equal(2);
    expect(decodeURIComponent(pages[0]!.query)).to.include('$filter=SharedAt ge datetime').and.include('$top=5000');
    expect(decodeURIComponent(pages[1]!.query)).to.include('$skiptoken=Paged=TRUE&p_ID=');
    // All time: the whole list (6,022 items) in pages of 5,000, with no filter to scan it.
    const all = await adapter.leaderboard({ period: 'all', scope: 'people' });
    expect(all.entries.find((entry) => entry.id === 'p-dina')?.shares).to.equal(6005);
  });

  it("a list past 5,000 items whose filtered column is not indexed: SharePoint's threshold error, named, with what to do", async () => {
    await reset({ unindexed: { 'Relais Shares': ['SharedAt'] } });
    const key = (n: number) => `00000000-0000-4000-9000-${n.toString(16).padStart(12, '0')}`;
    await addSharePointItems('Relais Shares', Array.from({ length: 5001 }, (_, n) => ({ Title: key(n), RelaisKey: key(n), ShareableId: 's-culture-en', ViewerId: 'p-dina', Network: 'x', SharedAt: '2025-01-01T00:00:00Z', Personalized: false })));
    const error = await rejectionOf<SharePointError>(make().leaderboard({ period: 'week', scope: 'people' }));
    expect(error).to.be.instanceOf(SharePointError);
    expect({ code: error.code, list: error.list }).to.deep.equal({ code: 'threshold', list: 'Relais Shares' });
    expect(error.message).to.include('list view threshold').and.include('index');
  });

  it('caches the request digest, asks /_api/contextinfo again once it expires by FormDigestTimeoutSeconds, and once on a digest error (403)', async () => {
    await reset({ digestSeconds: 120 });
    const adapter = make();
    await adapter.recordShare(newShare());
    await adapter.recordShare(newShare());
    const contextinfo = async () => (await sharePointLog()).filter((request) => request.path.endsWith('/_api/contextinfo')).length;
    expect(await contextinfo(), 'one digest for two writes').to.equal(1);
    // 120 s, less a minute of margin: a fresh digest before it runs out, no 403.
    clock.advance(61_000);
    await adapter.recordShare(newShare());
    expect(await contextinfo()).to.equal(2);
    // The server refuses every digest given so far (a page left open overnight): 403, a new digest, the write goes.
    await expireDigests();
    const share = newShare();
    await adapter.recordShare(share);
    const log = await sharePointLog();
    expect(await contextinfo()).to.equal(3);
    const posts = log.filter((request) => request.method === 'POST' && request.list === 'Relais Shares').slice(-2);
    expect(posts.map((request) => request.status)).to.deep.equal([403, 201]);
    expect((await keysIn('Relais Shares')).filter((key) => key === share.id)).to.have.length(1);
  });

  it('a read throttled with 429 and Retry-After waits exactly that long, then succeeds', async () => {
    const adapter = make();
    await sharePointFaults({ kind: 'status', status: 429, retryAfter: '7', only: "GetByTitle('Relais Charter')" });
    let charter: unknown;
    const reading = adapter.charter().then((value) => (charter = value));
    const throttledAt = clock.now().getTime();
    await waitUntil(async () => (await sharePointLog()).some((request) => request.status === 429) && clock.pending.some((timer) => timer.at.getTime() === throttledAt + 7000));
    clock.advance(6999);
    expect(charter, 'still waiting before Retry-After').to.equal(undefined);
    clock.advance(1);
    await reading;
    expect((charter as { id: string }).id).to.equal('charter-2026');
  });

  it('a write throttled with 503 and Retry-After is kept, not sent again before Retry-After, then delivered once', async () => {
    const adapter = make();
    const count = unsynced(adapter);
    await sharePointFaults({ kind: 'status', status: 503, retryAfter: '30', only: SHARES });
    const share = newShare();
    await adapter.recordShare(share);
    await waitUntil(() => count.count === 1);
    window.dispatchEvent(new Event('online'));
    clock.advance(29_000);
    await adapter.flush();
    const postsBefore = (await sharePointLog()).filter((request) => request.method === 'POST' && request.list === 'Relais Shares');
    expect(postsBefore.map((request) => request.status), 'nothing sent before Retry-After, not even on `online`').to.deep.equal([503]);
    clock.advance(1000);
    await drain(adapter, count);
    expect((await keysIn('Relais Shares')).filter((key) => key === share.id)).to.have.length(1);
  });

  it('an outage: 10 shares and an acknowledgment kept, then delivered once each, answers lost after SharePoint added the item included', async () => {
    const adapter = make();
    const count = unsynced(adapter);
    await sharePointFaults({ kind: 'down', times: 1000 });
    const shares = Array.from({ length: 10 }, () => newShare());
    for (const share of shares) await adapter.recordShare(share);
    await adapter.acknowledge(viewerAck);
    await waitUntil(() => count.count === 11, `unsynced: ${count.count}`);
    expect((await keysIn('Relais Shares')).filter((key) => shares.some((share) => share.id === key))).to.have.length(0);
    // Back, but the first three answers to an added item are lost: the retry finds the item by its key.
    await sharePointFaults({ kind: 'lose-answer', times: 3, only: 'POST /sites/relais/_api/web/lists' });
    window.dispatchEvent(new Event('online'));
    await drain(adapter, count);
    const keys = await keysIn('Relais Shares');
    for (const share of shares) expect(keys.filter((key) => key === share.id), share.id).to.have.length(1);
    expect((await keysIn('Relais Acknowledgments')).filter((key) => key === 'ack:p-viewer:charter-2026:3')).to.have.length(1);
    expect((await sharePointLog()).filter((request) => request.fault === 'lose-answer')).to.have.length(3);
    expect(await adapter.acknowledgment('p-viewer')).to.deep.include({ version: 3 });
  });

  it('a user without write permission: the write is refused with a clear error (403 access denied), not kept', async () => {
    await setSharePoint({ canWrite: false });
    const adapter = make();
    const count = unsynced(adapter);
    const error = await rejectionOf(adapter.acknowledge(viewerAck));
    expect(error).to.be.instanceOf(SharePointError);
    expect((error as SharePointError).code).to.equal('access-denied');
    expect((error as SharePointError).message).to.include('"Relais Acknowledgments"').and.include('Contribute');
    await waitUntil(() => count.count === 0);
  });

  it('a list missing a column: the read and the write fail with an error naming the list and the column', async () => {
    await reset({ missing: { 'Relais Shares': ['Personalized'], 'Relais People': ['LeaderboardOptIn'] } });
    const adapter = make();
    const read = await rejectionOf<SharePointError>(adapter.viewer());
    expect(read).to.be.instanceOf(SharePointError);
    expect({ code: read.code, list: read.list, field: read.field }).to.deep.equal({ code: 'missing-column', list: 'Relais People', field: 'LeaderboardOptIn' });
    expect(read.message).to.include('no column "LeaderboardOptIn"');
    const write = await rejectionOf<SharePointError>(make({ viewer: { id: 'p-viewer', displayName: 'Camille' } }).recordShare({ ...newShare(), personalized: true }));
    expect({ code: write.code, list: write.list, field: write.field }).to.deep.equal({ code: 'missing-column', list: 'Relais Shares', field: 'Personalized' });
  });

  it('without a viewer option, the viewer is SharePoint\'s current user (/_api/web/currentuser), by e-mail', async () => {
    await reset({ user: { Title: 'Alice Bernard', Email: 'P-Alice@Contoso.example' } });
    await addSharePointItems('Relais People', [{ RelaisId: 'p-alice@contoso.example', Title: 'Alice Bernard', Team: 'Engineering', LeaderboardOptIn: true }]);
    const viewer = await make({ viewer: undefined }).viewer();
    expect(viewer).to.deep.equal({ id: 'p-alice@contoso.example', displayName: 'Alice Bernard', team: 'Engineering', leaderboardOptIn: true });
  });

  it("through an SPHttpClient-like fetch (OData v4's @odata.nextLink, small pages): the same leaderboard", async () => {
    const expected = await make().leaderboard({ period: 'all', scope: 'people' });
    // As SPFx's SPHttpClient answers (configurations.v1): the next link under its v4 name; pages of 3 to follow it often.
    const spHttpClientLike = async (url: string, init: RequestInit) => {
      const response = await fetch(url.replace(/%24top=5000|\$top=5000/, '$top=3'), init);
      const body = (await response.text()).replace('"odata.nextLink"', '"@odata.nextLink"');
      return new Response(body, { status: response.status, headers: response.headers });
    };
    const board = await make({ fetch: spHttpClientLike }).leaderboard({ period: 'all', scope: 'people' });
    expect(board).to.deep.equal(expected);
    const sharePages = (await sharePointLog()).filter((request) => request.list === 'Relais Shares' && request.query.includes('skiptoken'));
    expect(sharePages.length, 'the 22 seeded shares in pages of 3').to.be.at.least(7);
  });

  it('an acknowledgment kept in the outbox (SharePoint unreachable) counts for acknowledgment() until it is delivered', async () => {
    const adapter = make();
    await sharePointFaults({ kind: 'down', only: 'POST /sites/relais/_api/web/lists', times: 1000 }, { kind: 'down', only: 'RelaisKey eq', times: 1000 });
    await adapter.acknowledge(viewerAck);
    expect(await adapter.acknowledgment('p-viewer')).to.deep.equal(viewerAck);
    expect(await keysIn('Relais Acknowledgments')).to.not.include('ack:p-viewer:charter-2026:3');
  });

  it('asks for nometadata JSON and only the columns it needs', async () => {
    const requests: { url: string; accept: string | null }[] = [];
    const adapter = make({ fetch: (url, init) => (requests.push({ url, accept: new Headers(init.headers).get('accept') }), fetch(url, init)) });
    await adapter.shareables({ category: 'industry', limit: 1 });
    expect(requests[0]!.accept).to.equal('application/json;odata=nometadata');
    const query = decodeURIComponent(requests[0]!.url);
    expect(query).to.include("$filter=Category eq 'industry'").and.include('$orderby=PublishedAt desc,RelaisId asc').and.include('$top=2').and.include('$select=RelaisId,Title');
  });
});
