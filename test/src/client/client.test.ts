import { expect, waitUntil } from '@open-wc/testing';
import { MemoryAdapter } from '../../../src/adapters/memory-adapter.js';
import type { AdvocacyAdapter } from '../../../src/adapters/types.js';
import { charterStandingOf } from '../../../src/charter-banner/status.js';
import { RelaisClient } from '../../../src/client/index.js';
import { computed } from 'nanostores';
import { ManualClock } from '../../fixtures/manual-clock.js';
import { makeSeed, viewer, withOverrides } from '../../fixtures/seed.js';

const now = () => new Date('2026-11-22T10:00:00Z');

function makeClient(adapter: AdvocacyAdapter = new MemoryAdapter({ data: makeSeed(), viewer, now })) {
  return new RelaisClient(adapter, { clock: new ManualClock(now()) });
}

/** The charter status as an element sees it: `loading` and `error` while there is none. */
const $statusOf = (client: RelaisClient) => computed(charterStandingOf(client), (standing) => standing.value?.status ?? standing.status);

/** Resolves when the store's value satisfies the predicate (subscribing mounts the store, which loads it). */
async function until<T>(store: { subscribe(cb: (value: T) => void): () => void }, predicate: (value: T) => boolean): Promise<T> {
  let latest!: T;
  const unsubscribe = store.subscribe((value) => (latest = value));
  try {
    await waitUntil(() => predicate(latest), 'store never reached the expected state', { timeout: 3000 });
    return latest;
  } finally {
    unsubscribe();
  }
}

describe('RelaisClient', () => {
  it('loads the charter state lazily, when something subscribes, and reports "required" on a first visit', async () => {
    const client = makeClient();
    expect(charterStandingOf(client).get().status).to.equal('loading');
    const standing = await until(charterStandingOf(client), (s) => s.status !== 'loading');
    expect(standing.value?.status).to.equal('required');
    expect(standing.value?.reason).to.equal('first-time');
    expect(standing.value?.charter.id).to.equal('charte-reseaux');
  });

  it('acknowledging updates the shared charter status at once, before the adapter confirms', async () => {
    let release!: () => void;
    const adapter = new MemoryAdapter({ data: makeSeed(), viewer, now });
    const slow: AdvocacyAdapter = withOverrides(adapter, {
      acknowledge: (ack: Parameters<AdvocacyAdapter['acknowledge']>[0]) => new Promise<void>((resolve) => (release = () => void adapter.acknowledge(ack).then(resolve))),
    });
    const client = makeClient(slow);
    const $status = $statusOf(client);
    await until($status, (s) => s === 'required');
    const seenByAnotherElement: string[] = [];
    const unsubscribe = $status.subscribe((status) => seenByAnotherElement.push(status));
    const done = client.acknowledge();
    await waitUntil(() => client.$pendingWrites.get().length === 1);
    expect($status.get()).to.equal('acknowledged');
    expect(seenByAnotherElement.at(-1)).to.equal('acknowledged');
    expect(client.$pendingWrites.get()[0]).to.include({ kind: 'acknowledgment', state: 'sending' });
    release();
    const ack = await done;
    unsubscribe();
    expect(ack).to.include({ viewerId: 'p-1', charterId: 'charte-reseaux', version: 2 });
    expect(client.$pendingWrites.get()).to.have.length(0);
    expect(await adapter.acknowledgment('p-1')).to.deep.equal(ack);
  });

  it('rolls the charter status back and keeps the failed write listed when the adapter refuses the acknowledgment', async () => {
    const adapter = new MemoryAdapter({ data: makeSeed(), viewer, now });
    const failing: AdvocacyAdapter = withOverrides(adapter, { acknowledge: () => Promise.reject(new Error('offline')) });
    const client = makeClient(failing);
    const $status = $statusOf(client);
    await until($status, (s) => s === 'required');
    const unsubscribe = $status.listen(() => undefined);
    const refusal = await client.acknowledge().then(() => undefined, (error: Error) => error);
    expect(refusal?.message).to.equal('offline');
    expect($status.get()).to.equal('required');
    expect(client.$pendingWrites.get()[0]).to.include({ kind: 'acknowledgment', state: 'failed' });
    unsubscribe();
  });

  it('records a share, earns the points once per item, and refreshes the leaderboards', async () => {
    const client = makeClient();
    const board = client.leaderboard({ period: 'all', scope: 'people' });
    const before = await until(board, (s) => s.status === 'ready');
    expect(before.value?.entries.find((e) => e.isViewer)?.points ?? 0).to.equal(0);
    const unsubscribe = board.listen(() => undefined);

    const first = await client.recordShare({ shareableId: 'rapport-climat', network: 'linkedin', personalized: true });
    expect(first.pointsEarned).to.equal(10);
    expect(first.event).to.include({ shareableId: 'rapport-climat', viewerId: 'p-1', network: 'linkedin', personalized: true });
    await waitUntil(() => board.get().value?.entries.find((e) => e.isViewer)?.points === 10);

    const again = await client.recordShare({ shareableId: 'rapport-climat', network: 'x', personalized: false });
    expect(again.pointsEarned).to.equal(0);
    expect(again.event.id).to.not.equal(first.event.id);
    const viewerRow = board.get().value?.entries.find((e) => e.isViewer);
    expect(viewerRow).to.include({ points: 10, shares: 2 });
    unsubscribe();
  });

  it('durable first: the share goes to the adapter before any read, and the points are read afterwards', async () => {
    const memory = new MemoryAdapter({ data: makeSeed(), viewer, now });
    const calls: string[] = [];
    const traced = withOverrides(memory, {
      leaderboard: (query) => (calls.push(`leaderboard ${query.period}`), memory.leaderboard(query)),
      shareable: (id) => (calls.push(`shareable ${id}`), memory.shareable(id)),
      recordShare: (event) => (calls.push('recordShare'), memory.recordShare(event)),
    });
    const client = makeClient(traced);
    await until(client.$viewer, (state) => state.status === 'ready');
    calls.length = 0;
    const first = await client.recordShare({ shareableId: 'rapport-climat', network: 'linkedin', personalized: false });
    expect(calls[0], `calls: ${calls.join(', ')}`).to.equal('recordShare');
    expect(first.pointsEarned, 'not known before: the item’s points').to.equal(10);
    // The second share of the page: what it read after the first stands for "before", still without a read ahead of the write.
    calls.length = 0;
    const again = await client.recordShare({ shareableId: 'rapport-climat', network: 'x', personalized: false });
    expect(calls[0], `calls: ${calls.join(', ')}`).to.equal('recordShare');
    expect(again.pointsEarned, 'the item’s points were earned already').to.equal(0);
  });

  it('durable first: a share whose adapter never answers a read is still handed to the adapter at once', async () => {
    const memory = new MemoryAdapter({ data: makeSeed(), viewer, now });
    const recorded: string[] = [];
    const stalled = withOverrides(memory, {
      leaderboard: () => new Promise(() => {}),
      shareable: () => new Promise(() => {}),
      recordShare: async (event) => void recorded.push(event.id),
    });
    const client = makeClient(stalled);
    await until(client.$viewer, (state) => state.status === 'ready');
    void client.recordShare({ shareableId: 'rapport-climat', network: 'linkedin', personalized: false });
    await waitUntil(() => recorded.length === 1, 'the write waited for a read');
  });

  it('durable first: a share kept on the device for later resolves at once with the item’s points, without waiting for reads that would only retry', async () => {
    const memory = new MemoryAdapter({ data: makeSeed(), viewer, now });
    let waiting = 0;
    const tell = new Set<(count: number) => void>();
    const offline = withOverrides(memory, {
      leaderboard: () => new Promise(() => {}),
      recordShare: async () => {
        waiting++;
        for (const listener of tell) listener(waiting);
      },
      onUnsynced: (listener) => (tell.add(listener), listener(waiting), () => tell.delete(listener)),
    });
    const client = makeClient(offline);
    await until(client.$viewer, (state) => state.status === 'ready');
    await until(client.shareable('rapport-climat'), (state) => state.status === 'ready');
    const result = await client.recordShare({ shareableId: 'rapport-climat', network: 'linkedin', personalized: false });
    expect(result.pointsEarned).to.equal(10);
    expect(client.$unsynced.get()).to.equal(1);
  });

  it('beforeSignOut asks the adapter (through the validating layer) to send what it keeps; with an adapter that keeps nothing, nothing to do', async () => {
    expect(await makeClient().beforeSignOut()).to.deep.equal({ delivered: 0, kept: 0, discarded: 0 });
    const memory = new MemoryAdapter({ data: makeSeed(), viewer, now });
    const asked: unknown[] = [];
    const keeping = withOverrides(memory, {
      beforeSignOut: async (options?: { discard?: boolean }) => (asked.push(options), { delivered: 2, kept: 1, discarded: 0 }),
    });
    expect(await makeClient(keeping).beforeSignOut({ discard: false })).to.deep.equal({ delivered: 2, kept: 1, discarded: 0 });
    expect(asked).to.deep.equal([{ discard: false }]);
  });

  it('turns malformed adapter data into an "invalid-data" error naming the field, without throwing', async () => {
    const adapter = new MemoryAdapter({ data: makeSeed(), viewer, now });
    const broken: AdvocacyAdapter = withOverrides(adapter, {
      charter: async () => ({ ...(await adapter.charter()), url: 'javascript:alert(1)' }),
    });
    const client = makeClient(broken);
    const standing = await until(charterStandingOf(client), (s) => s.error !== undefined);
    expect(standing.status).to.equal('error');
    expect(standing.error).to.include({ code: 'invalid-data', field: 'url' });
  });

  it('retries what failed: a source that comes back is read again', async () => {
    const adapter = new MemoryAdapter({ data: makeSeed(), viewer, now });
    let down = true;
    const flaky: AdvocacyAdapter = withOverrides(adapter, {
      charter: () => (down ? Promise.reject(new Error('503 Service Unavailable')) : adapter.charter()),
    });
    const client = makeClient(flaky);
    const $status = $statusOf(client);
    const failed = await until(charterStandingOf(client), (s) => s.error !== undefined);
    expect(failed.error?.code).to.equal('unavailable');
    down = false;
    const unsubscribe = charterStandingOf(client).listen(() => undefined);
    await client.retryFailed();
    await waitUntil(() => $status.get() === 'required');
    unsubscribe();
  });

  it('shares one store per shareable between every element that shows it', () => {
    const client = makeClient();
    expect(client.shareable('recrutement')).to.equal(client.shareable('recrutement'));
    expect(client.shareable('recrutement')).to.not.equal(client.shareable('rapport-climat'));
  });

  it('asks again on a page left open once the acknowledgment falls due, without a reload', async () => {
    const renewalDate = Date.parse('2026-11-22T10:00:00Z');
    const clock = new ManualClock(new Date(renewalDate - 50));
    const acknowledgedAt = new Date(renewalDate - 365 * 86_400_000).toISOString();
    const seed = makeSeed({ acknowledgments: [{ viewerId: 'p-1', charterId: 'charte-reseaux', version: 2, at: acknowledgedAt }] });
    const client = new RelaisClient(new MemoryAdapter({ data: seed, viewer }), { clock });
    const $status = $statusOf(client);
    const seen: string[] = [];
    const unsubscribe = $status.subscribe((status) => seen.push(status));
    try {
      await waitUntil(() => seen.includes('acknowledged'), 'never acknowledged');
      expect(clock.pending.map((timer) => timer.at.getTime()), 'one wake-up, at the renewal date').to.deep.equal([renewalDate]);
      clock.advance(49);
      expect($status.get()).to.equal('acknowledged');
      clock.advance(1);
      expect($status.get()).to.equal('renewal-due');
      expect(seen.filter((status) => status !== 'loading')).to.deep.equal(['acknowledged', 'renewal-due']);
    } finally {
      unsubscribe();
    }
  });
});
