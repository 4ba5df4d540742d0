/**
 * RestAdapter against a scripted `fetch`: what it sends, how it retries and times out (on a
 * manual clock), how it reads errors. The same adapter against the real reference server, with
 * faults injected by a proxy, is in rest-adapter.server.test.ts.
 */
import { expect, waitUntil } from '@open-wc/testing';
import { randomUUID } from '../../../../src/client/browser-storage.js';
import { RestAdapter, RestError, type RestAdapterOptions } from '../../../../src/adapters/rest/rest-adapter.js';
import { openOutboxStore } from '../../../../src/adapters/rest/outbox-store.js';
import { RelaisClient } from '../../../../src/client/client.js';
import { RelaisDataError, type Acknowledgment, type ShareEvent } from '../../../../src/model/index.js';
import { CONFORMANCE_NOW, conformanceSeed } from '../../../../src/testing/fixture.js';
import { ManualClock } from '../../../fixtures/manual-clock.js';
import { rejectionOf } from '../../../fixtures/rejection.js';

type Answer = { status: number; body?: unknown; headers?: Record<string, string> } | 'network-error' | 'hang';

/**
 * A fetch that answers from a script (200 `{}` once it is empty) and records every request;
 * `GET /viewer` (who is signed in, asked by the outbox before it sends) is answered `signedIn`
 * apart, out of the script and the record, unless `signedIn` is undefined.
 */
class ScriptedFetch {
  readonly requests: { url: string; init: RequestInit; headers: Headers; body?: unknown }[] = [];
  readonly script: Answer[] = [];
  signedIn: { id: string } | undefined = { id: 'p-viewer' };
  viewerAsked = 0;
  readonly fetch = (url: string, init: RequestInit): Promise<Response> => {
    if (this.signedIn && url.endsWith('/viewer')) {
      this.viewerAsked++;
      return Promise.resolve(new Response(JSON.stringify({ ...this.signedIn, displayName: this.signedIn.id, leaderboardOptIn: false }), { status: 200 }));
    }
    const body = typeof init.body === 'string' ? (JSON.parse(init.body) as unknown) : undefined;
    this.requests.push({ url, init, headers: new Headers(init.headers), body });
    const answer = this.script.shift() ?? { status: 200, body: {} };
    if (answer === 'network-error') return Promise.reject(new TypeError('Failed to fetch'));
    if (answer === 'hang') {
      return new Promise((_resolve, reject) => init.signal?.addEventListener('abort', () => reject(init.signal!.reason as Error)));
    }
    const text = typeof answer.body === 'string' ? answer.body : JSON.stringify(answer.body ?? {});
    return Promise.resolve(new Response(answer.status === 204 ? null : text, { status: answer.status, headers: answer.headers }));
  };
}

const ENDPOINT = 'https://relais.example/api/v1';
const share: ShareEvent = {
  id: '00000000-0000-4000-8000-0000000000a1',
  shareableId: 's-industry-fr',
  viewerId: 'p-viewer',
  network: 'linkedin',
  at: CONFORMANCE_NOW,
  personalized: true,
};
const ack: Acknowledgment = { viewerId: 'p-viewer', charterId: 'charter-2026', version: 3, at: CONFORMANCE_NOW };
const errorBody = (code: string, field?: string) => ({ error: { code, message: `${code} said the server`, ...(field ? { field } : {}) } });

describe('RestAdapter', () => {
  let clock: ManualClock;
  let server: ScriptedFetch;
  const adapters: RestAdapter[] = [];
  /** A fresh adapter with its own outbox (its endpoint is unique), jitter off. */
  const make = (options: Partial<RestAdapterOptions> = {}): RestAdapter => {
    const adapter = new RestAdapter({ endpoint: `${ENDPOINT}/${randomUUID()}`, fetch: server.fetch, clock, retry: { random: () => 1 }, ...options });
    adapters.push(adapter);
    return adapter;
  };

  /** Whether a timer is set to fire `ms` from now (the request's own timeout timer is 10 s away). */
  const backoffTimerIn = (ms: number) => clock.pending.some((timer) => timer.at.getTime() === clock.now().getTime() + ms);

  beforeEach(() => {
    clock = new ManualClock(CONFORMANCE_NOW);
    server = new ScriptedFetch();
  });
  afterEach(() => {
    for (const adapter of adapters.splice(0)) adapter.close();
  });

  it("reads with the headers hook's headers, asked for on each request, and the credentials option", async () => {
    let token = 0;
    server.signedIn = undefined;
    const adapter = make({ headers: async () => ({ Authorization: `Bearer t${++token}` }), credentials: 'include' });
    server.script.push({ status: 200, body: { id: 'p-viewer' } }, { status: 200, body: {} });
    await adapter.viewer();
    await adapter.charter();
    expect(server.requests.map((request) => request.headers.get('authorization'))).to.deep.equal(['Bearer t1', 'Bearer t2']);
    expect(server.requests[0]!.init.credentials).to.equal('include');
    expect(server.requests[0]!.headers.get('accept')).to.equal('application/json');
  });

  it('builds each route of the contract, the query in the query string', async () => {
    const adapter = make();
    await adapter.shareables({ category: 'industry', lang: 'fr', limit: 5, cursor: 'abc' });
    await adapter.shareable('s/1');
    await adapter.acknowledgment('p viewer');
    await adapter.leaderboard({ period: 'month', scope: 'teams', limit: 3 });
    await adapter.guardPolicy();
    const paths = server.requests.map((request) => request.url.replace(/^.*\/api\/v1\/[^/]+/, ''));
    expect(paths).to.deep.equal([
      '/shareables?category=industry&lang=fr&limit=5&cursor=abc',
      '/shareables/s%2F1',
      '/acknowledgments/p%20viewer',
      '/leaderboard?period=month&scope=teams&limit=3',
      '/guard-policy',
    ]);
  });

  it('posts a share with its event id as Idempotency-Key, and an acknowledgment with ack:<viewer>:<charter>:<version>', async () => {
    const adapter = make();
    server.script.push({ status: 201, body: { id: share.id } }, { status: 201, body: {} });
    await adapter.recordShare(share);
    await adapter.acknowledge(ack);
    const posts = server.requests.filter((request) => request.init.method === 'POST');
    expect(posts.map((request) => [request.url.replace(/^.*\//, ''), request.headers.get('idempotency-key'), request.headers.get('content-type')])).to.deep.equal([
      ['shares', share.id, 'application/json'],
      ['acknowledgments', 'ack:p-viewer:charter-2026:3', 'application/json'],
    ]);
    expect(posts.map((request) => request.body)).to.deep.equal([share, ack]);
  });

  it('answers undefined for an unknown shareable or a missing acknowledgment (404)', async () => {
    const adapter = make();
    server.script.push({ status: 404, body: errorBody('not-found') }, { status: 404, body: errorBody('not-found') });
    expect(await adapter.shareable('nope')).to.equal(undefined);
    expect(await adapter.acknowledgment('p-nobody')).to.equal(undefined);
  });

  it('tries a read again after 503, 500, 408 and a network error, waiting the backoff on the clock', async () => {
    const adapter = make({ retry: { retries: 4, random: () => 1 } });
    server.script.push({ status: 503 }, { status: 500 }, { status: 408 }, 'network-error', { status: 200, body: { title: 'ok' } });
    const reading = adapter.charter();
    // 0.5 s, 1 s, 2 s, 4 s: nothing is asked again before its time.
    for (const [failures, wait] of [500, 1000, 2000, 4000].entries()) {
      await waitUntil(() => server.requests.length === failures + 1 && backoffTimerIn(wait), `waiting ${wait} ms`);
      clock.advance(wait - 1);
      expect(server.requests.length).to.equal(failures + 1);
      clock.advance(1);
    }
    expect(await reading).to.deep.equal({ title: 'ok' });
    expect(server.requests).to.have.length(5);
  });

  it('gives up a read after `retries` more attempts, with an error naming the status', async () => {
    const adapter = make({ retry: { retries: 1, baseDelay: 0 } });
    server.script.push({ status: 503, body: errorBody('unavailable') }, { status: 502 });
    const error = await rejectionOf(adapter.guardPolicy(), Error);
    expect(error.message).to.contain('502');
    expect(server.requests).to.have.length(2);
  });

  it("waits what a 429's Retry-After says before reading again", async () => {
    server.signedIn = undefined;
    const adapter = make();
    server.script.push({ status: 429, body: errorBody('rate-limited'), headers: { 'Retry-After': '7' } }, { status: 200, body: { ok: 1 } });
    const reading = adapter.viewer();
    await waitUntil(() => backoffTimerIn(7000));
    clock.advance(6999);
    expect(server.requests).to.have.length(1);
    clock.advance(1);
    expect(await reading).to.deep.equal({ ok: 1 });
  });

  it('fails a read at once when Retry-After asks for longer than maxDelay (the element offers to try again)', async () => {
    const adapter = make();
    server.script.push({ status: 503, headers: { 'Retry-After': '3600' } });
    expect((await rejectionOf(adapter.charter(), Error)).message).to.contain('503');
    expect(server.requests).to.have.length(1);
  });

  it('never retries another 4xx, and names the code and field of the error body', async () => {
    const adapter = make();
    server.script.push({ status: 400, body: errorBody('invalid-request', 'period') });
    const error = await rejectionOf(adapter.leaderboard({ period: 'month', scope: 'people' }), RestError);
    expect(error).to.include({ status: 400, code: 'invalid-request', field: 'period' });
    expect(error.message).to.contain('invalid-request').and.contain('period');
    expect(server.requests).to.have.length(1);
  });

  it('aborts a request that takes longer than `timeout` (on the clock) and tries again', async () => {
    const adapter = make({ timeout: 2000 });
    server.script.push('hang', { status: 200, body: { ok: 2 } });
    const reading = adapter.charter();
    await waitUntil(() => server.requests.length === 1);
    await waitUntil(() => clock.pending.length === 1);
    clock.advance(1999);
    expect(server.requests[0]!.init.signal!.aborted).to.equal(false);
    clock.advance(1);
    expect(server.requests[0]!.init.signal!.aborted).to.equal(true);
    await waitUntil(() => backoffTimerIn(500));
    clock.advance(500);
    expect(await reading).to.deep.equal({ ok: 2 });
  });

  it('refuses an answer that is not JSON with a RelaisDataError', async () => {
    const adapter = make();
    server.script.push({ status: 200, body: '{"title": "trunc' });
    const error = await rejectionOf(adapter.charter(), RelaisDataError);
    expect(error.message).to.contain('not JSON');
  });

  it('leaves a bad field to the validating layer: a client read fails with a RelaisDataError naming it', async () => {
    const seed = conformanceSeed();
    const charter = { ...(seed.charter as object), title: 42 };
    server.script.push({ status: 200, body: charter });
    const client = new RelaisClient(make());
    const error = await rejectionOf(client.adapter.charter(), RelaisDataError);
    expect(error.field).to.equal('title');
  });

  it('takes 409 idempotency-conflict as "the first write of this key is held": the call resolves, the outbox empties', async () => {
    const adapter = make();
    const counts: number[] = [];
    adapter.onUnsynced((count) => counts.push(count));
    server.script.push({ status: 409, body: errorBody('idempotency-conflict') });
    await adapter.recordShare({ ...share, network: 'mastodon' });
    await waitUntil(() => counts.at(-1) === 0);
  });

  it('keeps a write when the server cannot be reached: the call resolves, one unsynced, sent again on the timer', async () => {
    const adapter = make();
    const counts: number[] = [];
    adapter.onUnsynced((count) => counts.push(count));
    server.script.push('network-error');
    await adapter.recordShare(share);
    await waitUntil(() => counts.at(-1) === 1);
    clock.advance(500);
    await waitUntil(() => counts.at(-1) === 0);
    expect(server.requests.map((request) => request.headers.get('idempotency-key'))).to.deep.equal([share.id, share.id]);
  });

  it('rejects a write the server refuses for good (400, a charter version no longer accepted) and keeps nothing', async () => {
    const adapter = make();
    const counts: number[] = [];
    adapter.onUnsynced((count) => counts.push(count));
    server.script.push({ status: 400, body: errorBody('invalid-request', 'version') });
    const error = await rejectionOf(adapter.acknowledge(ack), RestError);
    expect(error).to.include({ status: 400, field: 'version' });
    await waitUntil(() => counts.at(-1) === 0);
    clock.advance(3_600_000);
    expect(server.requests).to.have.length(1);
  });

  it('a write for someone else that the server refuses (403 on viewerId: no longer an admin) is refused for good', async () => {
    const adapter = make();
    await adapter.viewer();
    server.script.push({ status: 403, body: errorBody('forbidden', 'viewerId') });
    const error = await rejectionOf(adapter.acknowledge({ ...ack, viewerId: 'p-alice' }), RestError);
    expect(error).to.include({ status: 403, field: 'viewerId' });
    clock.advance(3_600_000);
    expect(server.requests).to.have.length(1);
  });

  for (const [what, answer] of [
    ['401 (the session expired)', { status: 401, body: errorBody('unauthenticated') }],
    ['403 on viewerId (someone else signed in meanwhile)', { status: 403, body: errorBody('forbidden', 'viewerId') }],
  ] as const) {
    it(`${what}: the write is not refused but kept for its author, and sent once they are signed in again`, async () => {
      const adapter = make();
      const counts: number[] = [];
      adapter.onUnsynced((count) => counts.push(count));
      await adapter.viewer();
      server.script.push(answer);
      await adapter.recordShare(share);
      await waitUntil(() => counts.at(-1) === 1);
      // Someone else is signed in now: asked who, the outbox keeps the write and sends nothing.
      server.signedIn = { id: 'p-bob' };
      const asked = server.viewerAsked;
      for (let step = 0; step < 5; step++) {
        clock.advance(60_000);
        await adapter.flush();
      }
      expect(server.viewerAsked, 'asked who is signed in').to.be.above(asked);
      expect(server.requests.filter((request) => request.init.method === 'POST')).to.have.length(1);
      expect(counts.at(-1), "Bob's page counts none of Camille's writes").to.equal(0);
      // Camille is back: her write goes, once.
      server.signedIn = { id: 'p-viewer' };
      await adapter.viewer();
      await waitUntil(() => counts.at(-1) === 0 && server.requests.length === 2);
      expect(server.requests.map((request) => request.headers.get('idempotency-key'))).to.deep.equal([share.id, share.id]);
    });
  }

  describe('on a shared browser (two employees, one profile)', () => {
    const name = () => `shared-${randomUUID()}`;
    const posts = () => server.requests.filter((request) => request.init.method === 'POST').map((request) => request.headers.get('idempotency-key'));

    it("Bob's page never sends, counts, deletes nor reads Camille's kept writes; her next page sends them", async () => {
      const outbox = { name: name() };
      const camille = make({ outbox });
      await camille.viewer();
      server.script.push('network-error');
      await camille.recordShare(share);
      await camille.acknowledge(ack);
      camille.close();
      expect(posts()).to.deep.equal([share.id]);

      // Camille signs out; Bob signs in on the same browser: his page, his credentials.
      server.signedIn = { id: 'p-bob' };
      const bob = make({ outbox });
      const bobCounts: number[] = [];
      bob.onUnsynced((count) => bobCounts.push(count));
      expect((await bob.viewer()).id).to.equal('p-bob');
      for (let step = 0; step < 5; step++) {
        clock.advance(60_000);
        await bob.flush();
      }
      window.dispatchEvent(new Event('online'));
      window.dispatchEvent(new Event('pagehide'));
      await bob.flush();
      expect(posts(), "nothing of Camille's sent with Bob's credentials").to.deep.equal([share.id]);
      expect(bobCounts.every((count) => count === 0), `Bob's counts: ${bobCounts.join(', ')}`).to.equal(true);
      // Bob's read of an acknowledgment never shows hers, even asking for her id.
      server.script.push({ status: 404, body: errorBody('not-found') });
      expect(await bob.acknowledgment('p-viewer')).to.equal(undefined);
      // Bob's own share goes; Camille's stay.
      const bobs = { ...share, id: '00000000-0000-4000-8000-0000000000b2', viewerId: 'p-bob' };
      await bob.recordShare(bobs);
      expect(posts()).to.deep.equal([share.id, bobs.id]);
      bob.close();
      const kept = await (await openOutboxStore(outbox.name)).list();
      expect(kept.map((entry) => [entry.key, entry.owner])).to.deep.equal([
        [share.id, 'p-viewer'],
        ['ack:p-viewer:charter-2026:3', 'p-viewer'],
      ]);

      // Camille comes back: her page sends both, once.
      server.signedIn = { id: 'p-viewer' };
      const again = make({ outbox });
      const counts: number[] = [];
      again.onUnsynced((count) => counts.push(count));
      await again.viewer();
      await waitUntil(() => counts.at(-1) === 0 && posts().length === 4, `posts: ${posts().join(', ')}`);
      expect(posts().slice(2)).to.deep.equal([share.id, 'ack:p-viewer:charter-2026:3']);
    });

    it('an admin page writing for someone else owns that write: sent by the admin, not by the person', async () => {
      const outbox = { name: name() };
      server.signedIn = { id: 'p-admin' };
      const admin = make({ outbox });
      await admin.viewer();
      server.script.push('network-error');
      await admin.acknowledge({ ...ack, viewerId: 'p-alice' });
      admin.close();
      // Alice's own page does not send the admin's write.
      server.signedIn = { id: 'p-alice' };
      const alice = make({ outbox });
      await alice.viewer();
      await alice.flush();
      expect(server.requests).to.have.length(1);
      alice.close();
      server.signedIn = { id: 'p-admin' };
      const adminAgain = make({ outbox });
      await adminAgain.viewer();
      await waitUntil(() => server.requests.length === 2);
      expect(server.requests[1]!.body).to.deep.include({ viewerId: 'p-alice' });
    });

    it('a write made before the page knew who is signed in is its own: counted at once, given to the viewer the server names, then sent', async () => {
      const outbox = { name: name() };
      const adapter = make({ outbox });
      const counts: number[] = [];
      adapter.onUnsynced((count) => counts.push(count));
      // No viewer() yet: the outbox asks before sending (an admin, writing for Alice).
      server.signedIn = { id: 'p-admin' };
      server.script.push('network-error');
      await adapter.acknowledge({ ...ack, viewerId: 'p-alice' });
      await waitUntil(() => counts.at(-1) === 1, `counts: ${counts.join(', ')}`);
      expect(server.viewerAsked).to.equal(1);
      expect((await (await openOutboxStore(outbox.name)).list()).map((entry) => entry.owner), "the admin's").to.deep.equal(['p-admin']);
      clock.advance(500);
      await waitUntil(() => counts.at(-1) === 0, `counts: ${counts.join(', ')}`);
      expect(server.requests.map((request) => request.body)).to.deep.equal([
        { ...ack, viewerId: 'p-alice' },
        { ...ack, viewerId: 'p-alice' },
      ]);
    });

    it('beforeSignOut sends the viewer’s writes now; what cannot go stays for their next visit, or is discarded when asked', async () => {
      const outbox = { name: name() };
      const camille = make({ outbox });
      await camille.viewer();
      server.script.push('network-error');
      await camille.recordShare(share);
      // The server answers again: sent at once, the backoff lifted.
      expect(await camille.beforeSignOut()).to.deep.equal({ delivered: 1, kept: 0, discarded: 0 });

      await camille.viewer();
      server.script.push('network-error', 'network-error');
      await camille.acknowledge(ack);
      expect(await camille.beforeSignOut()).to.deep.equal({ delivered: 0, kept: 1, discarded: 0 });
      // Bob signs in next: the signed-out page asks who before sending, and sends nothing of hers.
      server.signedIn = { id: 'p-bob' };
      clock.advance(60_000);
      await camille.flush();
      expect(posts()).to.deep.equal([share.id, share.id, ack.viewerId && 'ack:p-viewer:charter-2026:3', 'ack:p-viewer:charter-2026:3']);

      server.signedIn = { id: 'p-viewer' };
      await camille.viewer();
      await waitUntil(() => posts().length === 5);
      const other = { ...share, id: '00000000-0000-4000-8000-0000000000c3' };
      server.script.push('network-error', 'network-error');
      await camille.recordShare(other);
      expect(await camille.beforeSignOut({ discard: true })).to.deep.equal({ delivered: 0, kept: 0, discarded: 1 });
      expect(await (await openOutboxStore(outbox.name)).list()).to.deep.equal([]);
    });
  });

  describe('through a RelaisClient', () => {
    it('$unsynced counts the writes kept for later; the acknowledgment call still succeeds', async () => {
      const seed = conformanceSeed();
      const adapter = make();
      const client = new RelaisClient(adapter, { clock });
      server.script.push(
        { status: 200, body: seed.charter },
        { status: 404, body: errorBody('not-found') },
        'network-error',
      );
      await client.acknowledge();
      await waitUntil(() => client.$unsynced.get() === 1);
      expect(client.$pendingWrites.get()).to.deep.equal([]);
      clock.advance(500);
      await waitUntil(() => client.$unsynced.get() === 0);
    });

    it('a kept write refused later shows in $pendingWrites as failed, with the server\'s error', async () => {
      const adapter = make();
      const client = new RelaisClient(adapter, { clock });
      server.script.push('network-error', { status: 400, body: errorBody('invalid-request', 'shareableId') });
      await adapter.recordShare(share);
      clock.advance(500);
      await waitUntil(() => client.$pendingWrites.get().length === 1);
      const [failed] = client.$pendingWrites.get();
      expect(failed).to.include({ id: share.id, kind: 'share', state: 'failed' });
      expect(failed!.error).to.include({ code: 'unavailable' });
      expect(failed!.error!.message).to.contain('shareableId');
      expect(client.$unsynced.get()).to.equal(0);
    });
  });
});
