/**
 * RestAdapter against a scripted `fetch`: what it sends, how it retries and times out (on a
 * manual clock), how it reads errors. The same adapter against the real reference server, with
 * faults injected by a proxy, is in rest-adapter.server.test.ts.
 */
import { expect, waitUntil } from '@open-wc/testing';
import { randomUUID } from '../../../../src/client/browser-storage.js';
import { RestAdapter, RestError, type RestAdapterOptions } from '../../../../src/adapters/rest/rest-adapter.js';
import { RelaisClient } from '../../../../src/client/client.js';
import { RelaisDataError, type Acknowledgment, type ShareEvent } from '../../../../src/model/index.js';
import { CONFORMANCE_NOW, conformanceSeed } from '../../../../src/testing/fixture.js';
import { ManualClock } from '../../../fixtures/manual-clock.js';
import { rejectionOf } from '../../../fixtures/rejection.js';

type Answer = { status: number; body?: unknown; headers?: Record<string, string> } | 'network-error' | 'hang';

/** A fetch that answers from a script (200 `{}` once it is empty) and records every request. */
class ScriptedFetch {
  readonly requests: { url: string; init: RequestInit; headers: Headers; body?: unknown }[] = [];
  readonly script: Answer[] = [];
  readonly fetch = (url: string, init: RequestInit): Promise<Response> => {
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

  it('rejects a write the server refuses for good (403) and keeps nothing', async () => {
    const adapter = make();
    const counts: number[] = [];
    adapter.onUnsynced((count) => counts.push(count));
    server.script.push({ status: 403, body: errorBody('forbidden', 'viewerId') });
    const error = await rejectionOf(adapter.acknowledge(ack), RestError);
    expect(error).to.include({ status: 403, field: 'viewerId' });
    await waitUntil(() => counts.at(-1) === 0);
    clock.advance(3_600_000);
    expect(server.requests).to.have.length(1);
  });

  describe('through a RelaisClient', () => {
    it('$unsynced counts the writes kept for later; the acknowledgment call still succeeds', async () => {
      const seed = conformanceSeed();
      const adapter = make();
      const client = new RelaisClient(adapter, { clock });
      server.script.push(
        { status: 200, body: { id: 'p-viewer', displayName: 'Camille Martin', leaderboardOptIn: false } },
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
