import { expect, waitUntil } from '@open-wc/testing';
import { MemoryAdapter } from '../../../src/adapters/memory-adapter.js';
import type { AdvocacyAdapter } from '../../../src/adapters/types.js';
import { RelaisClient } from '../../../src/client/index.js';
import { makeSeed, viewer, withOverrides } from '../../fixtures/seed.js';

const now = () => new Date('2026-11-22T10:00:00Z');

function makeClient(adapter: AdvocacyAdapter = new MemoryAdapter({ data: makeSeed(), viewer, now })) {
  return new RelaisClient(adapter, { now });
}

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
    expect(client.$charterStatus.get()).to.equal('unknown');
    const state = await until(client.$charterState, (s) => s.status !== 'unknown');
    expect(state.status).to.equal('required');
    expect(state.standing?.reason).to.equal('first-time');
    expect(state.charter?.id).to.equal('charte-reseaux');
  });

  it('acknowledging updates the shared charter status at once, before the adapter confirms', async () => {
    let release!: () => void;
    const adapter = new MemoryAdapter({ data: makeSeed(), viewer, now });
    const slow: AdvocacyAdapter = withOverrides(adapter, {
      acknowledge: (ack: Parameters<AdvocacyAdapter['acknowledge']>[0]) => new Promise<void>((resolve) => (release = () => void adapter.acknowledge(ack).then(resolve))),
    });
    const client = makeClient(slow);
    await until(client.$charterStatus, (s) => s === 'required');
    const seenByAnotherElement: string[] = [];
    const unsubscribe = client.$charterStatus.subscribe((status) => seenByAnotherElement.push(status));
    const done = client.acknowledge();
    await waitUntil(() => client.$pendingWrites.get().length === 1);
    expect(client.$charterStatus.get()).to.equal('acknowledged');
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
    await until(client.$charterStatus, (s) => s === 'required');
    const unsubscribe = client.$charterStatus.listen(() => undefined);
    const refusal = await client.acknowledge().then(() => undefined, (error: Error) => error);
    expect(refusal?.message).to.equal('offline');
    expect(client.$charterStatus.get()).to.equal('required');
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

  it('turns malformed adapter data into an "invalid-data" error naming the field, without throwing', async () => {
    const adapter = new MemoryAdapter({ data: makeSeed(), viewer, now });
    const broken: AdvocacyAdapter = withOverrides(adapter, {
      charter: async () => ({ ...(await adapter.charter()), url: 'javascript:alert(1)' }),
    });
    const client = makeClient(broken);
    const state = await until(client.$charterState, (s) => s.error !== undefined);
    expect(state.status).to.equal('unknown');
    expect(state.error).to.include({ code: 'invalid-data', field: 'url' });
  });

  it('retries what failed: a source that comes back is read again', async () => {
    const adapter = new MemoryAdapter({ data: makeSeed(), viewer, now });
    let down = true;
    const flaky: AdvocacyAdapter = withOverrides(adapter, {
      charter: () => (down ? Promise.reject(new Error('503 Service Unavailable')) : adapter.charter()),
    });
    const client = makeClient(flaky);
    const failed = await until(client.$charterState, (s) => s.error !== undefined);
    expect(failed.error?.code).to.equal('unavailable');
    down = false;
    const unsubscribe = client.$charterState.listen(() => undefined);
    await client.retryFailed();
    await waitUntil(() => client.$charterStatus.get() === 'required');
    unsubscribe();
  });

  it('shares one store per shareable between every element that shows it', () => {
    const client = makeClient();
    expect(client.shareable('recrutement')).to.equal(client.shareable('recrutement'));
    expect(client.shareable('recrutement')).to.not.equal(client.shareable('rapport-climat'));
  });

  it('asks again on a page left open once the acknowledgment falls due, without a reload', async () => {
    // The clock stands still 50 ms before the renewal date until the test moves it past it.
    const renewalDate = Date.parse('2026-11-22T10:00:00Z');
    let clock = new Date(renewalDate - 50);
    const acknowledgedAt = new Date(renewalDate - 365 * 86_400_000).toISOString();
    const seed = makeSeed({ acknowledgments: [{ viewerId: 'p-1', charterId: 'charte-reseaux', version: 2, at: acknowledgedAt }] });
    const client = new RelaisClient(new MemoryAdapter({ data: seed, viewer }), { now: () => clock });
    const seen: string[] = [];
    const unsubscribe = client.$charterStatus.subscribe((status) => seen.push(status));
    try {
      await waitUntil(() => seen.includes('acknowledged'), 'never acknowledged', { timeout: 10_000 });
      clock = new Date(renewalDate + 1000);
      await waitUntil(() => client.$charterStatus.get() === 'renewal-due', 'the renewal never fell due', { timeout: 10_000 });
      expect(seen.filter((status) => status !== 'unknown')).to.deep.equal(['acknowledged', 'renewal-due']);
    } finally {
      unsubscribe();
    }
  });
});
