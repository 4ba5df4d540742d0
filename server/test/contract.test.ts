/** Every read and write route of the contract, the error format and cursor pagination. */
import assert from 'node:assert/strict';
import { beforeEach, describe, it } from 'node:test';
import { queryShareables } from '../../src/adapters/shareable-query.js';
import { DataDocumentSchema } from '../../src/model/index.js';
import { conformanceSeed } from '../../src/testing/fixture.js';
import { replaceWithSeed } from '../store/index.js';
import { NOW, testApp } from './harness.js';

const share = (n: number, extra: Record<string, unknown> = {}) => ({
  id: `aaaaaaaa-0000-4000-8000-${n.toString(16).padStart(12, '0')}`,
  shareableId: 's-product-fr',
  viewerId: 'p-alice',
  network: 'linkedin',
  at: '2026-11-18T10:00:00Z',
  personalized: false,
  ...extra,
});

describe('contract: reads', () => {
  const seed = DataDocumentSchema.parse(conformanceSeed());
  let call: Awaited<ReturnType<typeof testApp>>['client'];
  beforeEach(async () => {
    const { db, client } = await testApp();
    await replaceWithSeed(db, conformanceSeed());
    call = client;
  });

  it('GET /health answers without any identity', async () => {
    const response = await call('GET', '/health');
    assert.equal(response.status, 200);
    assert.deepEqual(response.body, { ok: true });
  });

  it('GET /viewer is the requester, completed from people, with leaderboardOptIn from people', async () => {
    assert.deepEqual((await call('GET', '/viewer', { as: 'p-alice' })).body, { id: 'p-alice', displayName: 'Alice Bernard', team: 'Engineering', leaderboardOptIn: true });
    // Names and teams from the auth win; someone unknown to people never opted in.
    assert.deepEqual((await call('GET', '/viewer', { as: { id: 'p-new', name: 'Nina Neuve', team: 'Ops' } })).body, {
      id: 'p-new',
      displayName: 'Nina Neuve',
      team: 'Ops',
      leaderboardOptIn: false,
    });
  });

  it('GET /shareables lists live items newest first, 20 by default, as MemoryAdapter does', async () => {
    const response = await call('GET', '/shareables', { as: 'p-alice' });
    assert.equal(response.status, 200);
    const expected = queryShareables(seed.shareables, {}, NOW);
    assert.deepEqual(response.body.items.map((item: { id: string }) => item.id), expected.items.map((item) => item.id));
    assert.equal(response.body.nextCursor, undefined);
    assert.deepEqual(response.body.items[0], seed.shareables.find((item) => item.id === 's-product-ca'));
  });

  for (const query of [{ limit: 1 }, { limit: 2 }, { limit: 3, lang: 'fr' }, { limit: 2, category: 'product' as const }, { limit: 1, category: 'industry' as const, lang: 'en-US' }]) {
    it(`walks every page of ${JSON.stringify(query)} with the opaque cursor: each item once, in MemoryAdapter's order`, async () => {
      const ids: string[] = [];
      let cursor: string | undefined;
      let pages = 0;
      do {
        const params = new URLSearchParams(Object.entries({ ...query, ...(cursor ? { cursor } : {}) }).map(([key, value]) => [key, String(value)]));
        const response = await call('GET', `/shareables?${params}`, { as: 'p-alice' });
        assert.equal(response.status, 200);
        assert.ok(response.body.items.length <= query.limit);
        ids.push(...response.body.items.map((item: { id: string }) => item.id));
        cursor = response.body.nextCursor;
        assert.ok(++pages < 20);
      } while (cursor);
      const { limit: _limit, ...filters } = query;
      assert.deepEqual(ids, queryShareables(seed.shareables, filters, NOW).items.map((item) => item.id));
    });
  }

  it('answers limit=0 on the leaderboard with the viewer\'s row alone', async () => {
    const response = await call('GET', '/leaderboard?period=all&limit=0', { as: 'p-alice' });
    assert.equal(response.status, 200);
    assert.deepEqual(response.body.entries.map((entry: { isViewer: boolean }) => entry.isViewer), [true]);
  });

  it('refuses a bad query or cursor with invalid-request naming the parameter', async () => {
    for (const [path, field] of [
      ['/shareables?limit=0', 'limit'],
      ['/shareables?limit=abc', 'limit'],
      ['/shareables?category=gossip', 'category'],
      ['/shareables?cursor=not-a-cursor', 'cursor'],
      ['/leaderboard', 'period'],
      ['/leaderboard?period=decade', 'period'],
      ['/leaderboard?period=all&scope=galaxy', 'scope'],
      ['/leaderboard?period=all&limit=-1', 'limit'],
      ['/leaderboard?period=all&limit=01', 'limit'],
      ['/leaderboard?period=all&limit=abc', 'limit'],
    ] as const) {
      const response = await call('GET', path, { as: 'p-alice' });
      assert.equal(response.status, 400, path);
      assert.equal(response.body.error.code, 'invalid-request', path);
      assert.equal(response.body.error.field, field, path);
      assert.equal(typeof response.body.error.message, 'string');
    }
  });

  it('GET /shareables/{id} returns the item as stored, expired or not; 404 not-found when unknown', async () => {
    assert.deepEqual((await call('GET', '/shareables/s-expired', { as: 'p-alice' })).body, seed.shareables.find((item) => item.id === 's-expired'));
    const missing = await call('GET', '/shareables/nope', { as: 'p-alice' });
    assert.equal(missing.status, 404);
    assert.equal(missing.body.error.code, 'not-found');
  });

  it('GET /charter returns the current charter; GET /guard-policy the policy', async () => {
    const charter = await call('GET', '/charter', { as: 'p-alice' });
    assert.equal(charter.status, 200);
    assert.deepEqual(DataDocumentSchema.shape.charter.parse(charter.body), seed.charter);
    const policy = await call('GET', '/guard-policy', { as: 'p-alice' });
    assert.deepEqual(policy.body, conformanceSeed().guardPolicy);
  });

  it('GET /acknowledgments/{viewerId}: the highest version of the current charter; 404 when none; 403 for someone else', async () => {
    assert.deepEqual((await call('GET', '/acknowledgments/p-viewer', { as: 'p-viewer' })).body, { viewerId: 'p-viewer', charterId: 'charter-2026', version: 2, at: '2026-02-01T09:00:00Z' });
    // p-alice acknowledged only last year's charter.
    assert.equal((await call('GET', '/acknowledgments/p-alice', { as: 'p-alice' })).status, 404);
    const other = await call('GET', '/acknowledgments/p-viewer', { as: 'p-alice' });
    assert.equal(other.status, 403);
    assert.equal(other.body.error.code, 'forbidden');
    assert.equal((await call('GET', '/acknowledgments/p-viewer', { as: { id: 'hr', roles: 'admin' } })).status, 200);
  });

  it('GET /leaderboard ranks people and teams for a period, with tiers', async () => {
    const people = await call('GET', '/leaderboard?period=all&scope=people', { as: 'p-viewer' });
    assert.equal(people.status, 200);
    assert.deepEqual(
      people.body.entries.map((entry: { id: string; points: number; rank: number }) => [entry.id, entry.points, entry.rank]),
      [['p-dina', 95, 1], ['anonymous-1', 60, 2], ['p-alice', 50, 3], ['p-bob', 50, 3], ['anonymous-2', 50, 3], ['p-dan', 35, 6], ['p-eve', 35, 6], ['anonymous-3', 20, 8], ['p-viewer', 10, 9]],
    );
    assert.deepEqual(people.body.tiers.map((tier: { name: string }) => tier.name), ['Bronze', 'Silver', 'Gold']);
    const teams = await call('GET', '/leaderboard?period=all&scope=teams&limit=2', { as: 'p-viewer' });
    // Only named contributors count (issue 20): no team of the seed has five, so they merge.
    assert.deepEqual(teams.body.entries.map((entry: { id: string; points: number }) => [entry.id, entry.points]), [['other-teams', 265]]);
  });

  it('answers 404 not-found in the error format for an unknown route, and 401 without an identity', async () => {
    const unknown = await call('GET', '/nothing-here', { as: 'p-alice' });
    assert.equal(unknown.status, 404);
    assert.equal(unknown.body.error.code, 'not-found');
    const anonymous = await call('GET', '/viewer');
    assert.equal(anonymous.status, 401);
    assert.equal(anonymous.body.error.code, 'unauthenticated');
  });
});

describe('contract: writes', () => {
  let call: Awaited<ReturnType<typeof testApp>>['client'];
  beforeEach(async () => {
    const { db, client } = await testApp();
    await replaceWithSeed(db, conformanceSeed());
    call = client;
  });

  it("POST /shares records the share (201 { id }) and the viewer earns the item's points", async () => {
    const before = await call('GET', '/leaderboard?period=week', { as: 'p-dan' });
    const event = share(1, { viewerId: 'p-dan' });
    const response = await call('POST', '/shares', { as: 'p-dan', key: event.id, body: event });
    assert.equal(response.status, 201);
    assert.deepEqual(response.body, { id: event.id });
    const after = await call('GET', '/leaderboard?period=week', { as: 'p-dan' });
    const dan = (board: typeof before) => board.body.entries.find((entry: { id: string }) => entry.id === 'p-dan');
    assert.equal(dan(before).points, 0);
    assert.equal(dan(after).points, 10);
    assert.equal(dan(after).shares, 1);
  });

  it('POST /shares counts an event id once even under another Idempotency-Key', async () => {
    const event = share(2);
    assert.equal((await call('POST', '/shares', { as: 'p-alice', key: 'one', body: event })).status, 201);
    assert.equal((await call('POST', '/shares', { as: 'p-alice', key: 'two', body: { ...event, network: 'x' } })).status, 201);
    const week = await call('GET', '/leaderboard?period=week', { as: 'p-alice' });
    const alice = week.body.entries.find((entry: { id: string }) => entry.id === 'p-alice');
    assert.equal(alice.shares, 4); // three seeded this week, and this one once
  });

  it('POST /shares refuses a body that is not a ShareEvent with invalid-request naming the field', async () => {
    const response = await call('POST', '/shares', { as: 'p-alice', key: 'k', body: share(3, { network: 'myspace' }) });
    assert.equal(response.status, 400);
    assert.equal(response.body.error.field, 'network');
    const notJson = await call('POST', '/shares', { as: 'p-alice', key: 'k', body: '{"id":' });
    assert.equal(notJson.status, 400);
    assert.equal(notJson.body.error.code, 'invalid-request');
  });

  it('POST /shares and /acknowledgments need an Idempotency-Key (400 naming the header)', async () => {
    const response = await call('POST', '/shares', { as: 'p-alice', body: share(4) });
    assert.equal(response.status, 400);
    assert.equal(response.body.error.field, 'Idempotency-Key');
  });

  it('refuses a write that is not JSON with 415 unsupported-media-type', async () => {
    const response = await call('POST', '/shares', { as: 'p-alice', key: 'k', headers: { 'content-type': 'text/plain' }, body: JSON.stringify(share(5)) });
    assert.equal(response.status, 415);
    assert.equal(response.body.error.code, 'unsupported-media-type');
  });

  it('POST /acknowledgments stores it (201 { viewerId, charterId, version }); it is then the latest', async () => {
    const ack = { viewerId: 'p-alice', charterId: 'charter-2026', version: 3, at: '2026-11-18T11:00:00Z' };
    const response = await call('POST', '/acknowledgments', { as: 'p-alice', key: 'ack:p-alice:charter-2026:3', body: ack });
    assert.equal(response.status, 201);
    assert.deepEqual(response.body, { viewerId: 'p-alice', charterId: 'charter-2026', version: 3 });
    // Recorded at the server's time (the client's is kept apart as client_at).
    assert.deepEqual((await call('GET', '/acknowledgments/p-alice', { as: 'p-alice' })).body, { ...ack, at: NOW.toISOString() });
  });

  it('keeps the first acknowledgment of a (viewer, charter, version)', async () => {
    const first = { viewerId: 'p-alice', charterId: 'charter-2026', version: 3, at: '2026-11-18T11:00:00Z' };
    await call('POST', '/acknowledgments', { as: 'p-alice', key: 'a', body: first });
    assert.equal((await call('POST', '/acknowledgments', { as: 'p-alice', key: 'b', body: { ...first, at: '2026-11-18T11:30:00Z' } })).status, 201);
    assert.deepEqual((await call('GET', '/acknowledgments/p-alice', { as: 'p-alice' })).body, { ...first, at: NOW.toISOString() });
  });
});
