import { expect } from '@open-wc/testing';
import { MemoryAdapter } from '../../../src/adapters/memory-adapter.js';
import { isValidatingAdapter, validatingAdapter } from '../../../src/adapters/validating-adapter.js';
import type { AdvocacyAdapter } from '../../../src/adapters/types.js';
import { RelaisDataError, type Leaderboard } from '../../../src/model/index.js';
import { CONFORMANCE_NOW, conformanceSeed } from '../../../src/testing/fixture.js';
import { StorageStub } from './storage-stub.js';
import { rejectionOf } from '../../fixtures/rejection.js';

/** An adapter whose every method returns what the test says, recording the arguments it got. */
function stubAdapter(values: Partial<Record<keyof AdvocacyAdapter, unknown>>) {
  const received: Partial<Record<keyof AdvocacyAdapter, unknown[]>> = {};
  const method = (name: keyof AdvocacyAdapter) => async (...args: unknown[]) => {
    received[name] = args;
    return values[name];
  };
  const adapter = Object.fromEntries(
    (['viewer', 'shareables', 'shareable', 'recordShare', 'charter', 'acknowledgment', 'acknowledge', 'leaderboard', 'guardPolicy'] as const).map(
      (name) => [name, method(name)],
    ),
  ) as unknown as AdvocacyAdapter;
  return { adapter, received };
}

const dataError = (promise: Promise<unknown>) => rejectionOf(promise, RelaisDataError);

const item = { id: 'a', title: 'A', url: 'https://example.com/a', category: 'culture', text: { default: 'Hello' }, lang: 'en', publishedAt: '2026-11-01' };

describe('validatingAdapter', () => {
  it('passes valid values through, with the defaults filled in', async () => {
    const { adapter } = stubAdapter({ shareables: { items: [item] }, viewer: { id: 'v', displayName: 'V' } });
    const validating = validatingAdapter(adapter);
    const page = await validating.shareables();
    expect(page.items[0]).to.include({ points: 10 });
    expect(page.items[0]?.hashtags).to.deep.equal([]);
    expect(await validating.viewer()).to.deep.equal({ id: 'v', displayName: 'V', leaderboardOptIn: false });
  });

  it('lets undefined through where the interface allows it', async () => {
    const { adapter } = stubAdapter({ shareable: undefined, acknowledgment: undefined });
    const validating = validatingAdapter(adapter);
    expect(await validating.shareable('x')).to.equal(undefined);
    expect(await validating.acknowledgment('v')).to.equal(undefined);
  });

  it('rejects a bad output with the entity and the field path', async () => {
    const { adapter } = stubAdapter({
      viewer: { id: 'v', displayName: '' },
      shareables: { items: [item, { ...item, url: 'javascript:alert(1)' }] },
      shareable: { ...item, category: 'politics' },
      charter: { id: 'c' },
      acknowledgment: { viewerId: 'v', charterId: 'c', version: 1, at: 'yesterday' },
      leaderboard: { period: 'all', entries: [{ id: 'a', displayName: 'A', points: 1, shares: 1, rank: 0 }] },
      guardPolicy: { version: 1, rules: [{ id: 'r', kind: 'regex' }] },
    });
    const validating = validatingAdapter(adapter);
    // In a listing, the bad item is left out and reported with the same entity and field (not the whole page).
    const dropped: RelaisDataError[] = [];
    validating.onInvalidItem!((error) => dropped.push(error));
    const original = console.error;
    console.error = () => {};
    try {
      expect((await validating.shareables()).items.map((shareable) => shareable.id)).to.deep.equal(['a']);
    } finally {
      console.error = original;
    }
    const errors = {
      viewer: await dataError(validating.viewer()),
      shareables: dropped[0]!,
      shareable: await dataError(validating.shareable('a')),
      charter: await dataError(validating.charter()),
      acknowledgment: await dataError(validating.acknowledgment('v')),
      leaderboard: await dataError(validating.leaderboard({ period: 'all', scope: 'people' })),
      guardPolicy: await dataError(validating.guardPolicy()),
    };
    const summary = Object.values(errors).map((error) => [error.entity, error.field]);
    expect(summary).to.deep.equal([
      ['viewer', 'displayName'],
      ['shareables', 'items[1].url'],
      ['shareable', 'category'],
      ['charter', 'version'],
      ['acknowledgment', 'at'],
      ['leaderboard', 'entries[0].rank'],
      ['guard policy', 'rules[0].kind'],
    ]);
    expect(errors.charter.problems.length).to.be.greaterThan(1);
  });

  it('rejects bad writes without passing them on', async () => {
    const { adapter, received } = stubAdapter({});
    const validating = validatingAdapter(adapter);
    const share = { id: '00000000-0000-4000-8000-000000000001', shareableId: 'a', viewerId: 'v', network: 'myspace', at: CONFORMANCE_NOW, personalized: false };
    const shareError = await dataError(validating.recordShare(share as never));
    expect([shareError.entity, shareError.field]).to.deep.equal(['share event', 'network']);
    const ackError = await dataError(validating.acknowledge({ viewerId: '', charterId: 'c', version: 1, at: CONFORMANCE_NOW }));
    expect([ackError.entity, ackError.field]).to.deep.equal(['acknowledgment', 'viewerId']);
    expect(received).to.deep.equal({});
  });

  it('rejects bad queries and ids without passing them on', async () => {
    const { adapter, received } = stubAdapter({});
    const validating = validatingAdapter(adapter);
    expect((await dataError(validating.shareables({ limit: 0 }))).field).to.equal('limit');
    expect((await dataError(validating.shareables({ category: 'sports' as never }))).field).to.equal('category');
    expect((await dataError(validating.leaderboard({ period: 'all', scope: 'planets' as never }))).field).to.equal('scope');
    expect((await dataError(validating.shareable(''))).entity).to.equal('shareable id');
    expect((await dataError(validating.acknowledgment(42 as never))).entity).to.equal('viewer id');
    expect(received).to.deep.equal({});
  });

  it('passes writes on parsed, with their defaults filled in', async () => {
    const { adapter, received } = stubAdapter({ leaderboard: { period: 'week', entries: [] } });
    await validatingAdapter(adapter).leaderboard({ period: 'week', scope: 'teams', extra: true } as never);
    expect(received.leaderboard).to.deep.equal([{ period: 'week', scope: 'teams' }]);
  });

  it('never throws synchronously, even when the adapter does', () => {
    const throwing = { viewer: () => { throw new Error('boom'); } } as unknown as AdvocacyAdapter;
    const validating = validatingAdapter(throwing);
    const result = validating.viewer();
    expect(result).to.be.instanceOf(Promise);
    return result.then(
      () => { throw new Error('expected a rejection'); },
      (error: Error) => expect(error.message).to.equal('boom'),
    );
  });

  it('stops bad writes and queries before a real adapter: nothing is recorded, nothing changes', async () => {
    const inner = new MemoryAdapter({ data: conformanceSeed(), now: new Date(CONFORMANCE_NOW), viewer: { id: 'p-viewer', displayName: 'Camille' }, storage: new StorageStub() });
    const validating = validatingAdapter(inner);
    const viewerShares = async () => (await inner.leaderboard({ period: 'all', scope: 'people' })).entries.find((entry) => entry.isViewer)?.shares;
    const share = { id: 'not-a-uuid', shareableId: 's-industry-fr', viewerId: 'p-viewer', network: 'linkedin', at: CONFORMANCE_NOW, personalized: false } as const;
    let pending: Promise<void> | undefined;
    expect(() => (pending = validating.recordShare(share))).not.to.throw();
    expect((await dataError(pending!)).field).to.equal('id');
    expect(await viewerShares()).to.equal(1);
    const ack = { viewerId: 'p-viewer', charterId: 'charter-2026', version: 0, at: CONFORMANCE_NOW };
    expect((await dataError(validating.acknowledge(ack))).field).to.equal('version');
    expect((await inner.acknowledgment('p-viewer'))?.version).to.equal(2);
    expect((await dataError(validating.leaderboard({ period: 'decade' as never, scope: 'people' }))).field).to.equal('period');
  });

  it('reads a board again into the same entry objects where nothing changed, and new ones where something did, per query', async () => {
    const entries = [
      { id: 'a', displayName: 'A', points: 30, shares: 3, rank: 1 },
      { id: 'b', displayName: 'B', points: 20, shares: 2, rank: 2 },
      { id: 'c', points: 10, shares: 1, rank: 3, anonymous: true },
    ];
    let answer: unknown = { period: 'month', entries };
    const validating = validatingAdapter({ ...stubAdapter({}).adapter, leaderboard: async () => structuredClone(answer) as Leaderboard });
    const month = { period: 'month', scope: 'people' } as const;
    const first = await validating.leaderboard(month);
    answer = { period: 'month', entries: [entries[0], { ...entries[1], points: 25, shares: 3 }, entries[2]] };
    const second = await validating.leaderboard(month);
    expect(second.entries[0]).to.equal(first.entries[0]);
    expect(second.entries[2]).to.equal(first.entries[2]);
    expect(second.entries[1]).not.to.equal(first.entries[1]);
    expect(second.entries[1]).to.deep.include({ id: 'b', points: 25, shares: 3 });
    // Another query is another board: nothing of the month's is taken for it.
    const week = await validating.leaderboard({ period: 'week', scope: 'people' });
    expect(week.entries[0]).not.to.equal(second.entries[0]);
    // What changed is still checked: a refused value in a reading is refused, whatever came before.
    answer = { period: 'month', entries: [{ ...entries[0], isViewer: null }] };
    expect((await dataError(validating.leaderboard(month))).field).to.equal('entries[0].isViewer');
  });

  it('returns an adapter already wrapped as it is', () => {
    const inner = new MemoryAdapter({ data: conformanceSeed(), storage: new StorageStub() });
    const once = validatingAdapter(inner);
    expect(validatingAdapter(once)).to.equal(once);
    expect(isValidatingAdapter(once)).to.equal(true);
    expect(isValidatingAdapter(inner)).to.equal(false);
  });
});
