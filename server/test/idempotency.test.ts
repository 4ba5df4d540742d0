/** Idempotency-Key: same key and body = the same answer, once; another body = 409. */
import assert from 'node:assert/strict';
import { beforeEach, describe, it } from 'node:test';
import { conformanceSeed } from '../../src/testing/fixture.js';
import { replaceWithSeed } from '../store/index.js';
import { testApp, testDatabase } from './harness.js';

const event = (extra: Record<string, unknown> = {}) => ({
  id: 'cccccccc-0000-4000-8000-000000000001',
  shareableId: 's-product-fr',
  viewerId: 'p-dan',
  network: 'linkedin',
  at: '2026-11-18T10:00:00Z',
  personalized: false,
  ...extra,
});

async function sharesOf(viewerId: string): Promise<number> {
  const [row] = await (await testDatabase()).query<{ count: number }>('SELECT count(*)::int AS count FROM shares WHERE viewer_id = $1', [viewerId]);
  return row!.count;
}

describe('idempotency', () => {
  beforeEach(async () => replaceWithSeed(await testDatabase(), conformanceSeed()));

  it('replays the first answer (status and body) to the same key and body, and writes once', async () => {
    const { client } = await testApp();
    const before = await sharesOf('p-dan');
    const first = await client('POST', '/shares', { as: 'p-dan', key: 'share-1', body: event() });
    const again = await client('POST', '/shares', { as: 'p-dan', key: 'share-1', body: event() });
    assert.equal(first.status, 201);
    assert.equal(again.status, first.status);
    assert.deepEqual(again.body, first.body);
    assert.equal(again.headers.get('idempotent-replayed'), 'true');
    assert.equal(await sharesOf('p-dan'), before + 1);
  });

  it('treats the same JSON with its keys in another order as the same body', async () => {
    const { client } = await testApp();
    await client('POST', '/shares', { as: 'p-dan', key: 'share-2', body: event() });
    const reordered = Object.fromEntries(Object.entries(event()).reverse());
    assert.equal((await client('POST', '/shares', { as: 'p-dan', key: 'share-2', body: reordered })).status, 201);
  });

  it('answers 409 idempotency-conflict to the same key with another body, and changes nothing', async () => {
    const { client } = await testApp();
    await client('POST', '/shares', { as: 'p-dan', key: 'share-3', body: event() });
    const other = await client('POST', '/shares', { as: 'p-dan', key: 'share-3', body: event({ network: 'x' }) });
    assert.equal(other.status, 409);
    assert.equal(other.body.error.code, 'idempotency-conflict');
    const [row] = await (await testDatabase()).query<{ network: string }>('SELECT network FROM shares WHERE id = $1', [event().id]);
    assert.equal(row!.network, 'linkedin');
    // The same key on another route is another request too.
    const ack = { viewerId: 'p-dan', charterId: 'charter-2026', version: 3, at: '2026-11-18T10:00:00Z' };
    assert.equal((await client('POST', '/acknowledgments', { as: 'p-dan', key: 'share-3', body: ack })).status, 409);
  });

  it('keeps keys per requester: the same key from two people is two requests', async () => {
    const { client } = await testApp();
    const dan = await client('POST', '/shares', { as: 'p-dan', key: 'same', body: event() });
    const eve = await client('POST', '/shares', { as: 'p-eve', key: 'same', body: event({ id: 'cccccccc-0000-4000-8000-000000000002', viewerId: 'p-eve' }) });
    assert.equal(dan.status, 201);
    assert.equal(eve.status, 201);
    assert.equal(eve.body.id, 'cccccccc-0000-4000-8000-000000000002');
  });

  it('stores no refused write: after a 400 the same key may carry the corrected body', async () => {
    const { client } = await testApp();
    assert.equal((await client('POST', '/shares', { as: 'p-dan', key: 'fix-me', body: event({ network: 'myspace' }) })).status, 400);
    assert.equal((await client('POST', '/shares', { as: 'p-dan', key: 'fix-me', body: event() })).status, 201);
  });

  it('writes once when the same request arrives many times at once', async () => {
    const { client } = await testApp();
    const before = await sharesOf('p-dan');
    const answers = await Promise.all(Array.from({ length: 8 }, () => client('POST', '/shares', { as: 'p-dan', key: 'burst', body: event() })));
    for (const answer of answers) {
      assert.equal(answer.status, 201);
      assert.deepEqual(answer.body, { id: event().id });
    }
    assert.equal(await sharesOf('p-dan'), before + 1);
    const [keys] = await (await testDatabase()).query<{ count: number }>("SELECT count(*)::int AS count FROM idempotency_keys WHERE key = 'burst'");
    assert.equal(keys!.count, 1);
  });

  it('refuses a key longer than 255 characters', async () => {
    const { client } = await testApp();
    const response = await client('POST', '/shares', { as: 'p-dan', key: 'k'.repeat(256), body: event() });
    assert.equal(response.status, 400);
    assert.equal(response.body.error.field, 'Idempotency-Key');
  });
});
