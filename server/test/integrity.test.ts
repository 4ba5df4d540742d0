/**
 * Issue 20: the server decides what is recorded. An acknowledgment names a published charter
 * version; a share names a live item; both are dated by the server (the client's time kept
 * apart, accepted within a window); event ids are scoped to their person; points are capped.
 */
import assert from 'node:assert/strict';
import { beforeEach, describe, it } from 'node:test';
import { conformanceSeed } from '../../src/testing/fixture.js';
import { replaceWithSeed } from '../store/index.js';
import { ADMIN, NOW, testApp } from './harness.js';

const DAY = 86_400_000;
const iso = (ms: number) => new Date(ms).toISOString();

function share(n: number, overrides: Record<string, unknown> = {}) {
  return {
    id: `eeeeeeee-0000-4000-8000-${n.toString(16).padStart(12, '0')}`,
    shareableId: 's-product-fr',
    viewerId: 'p-dan',
    network: 'linkedin',
    at: '2026-11-18T11:59:00Z',
    personalized: false,
    ...overrides,
  };
}

describe('integrity: what the server records (issue 20)', () => {
  let call: Awaited<ReturnType<typeof testApp>>['client'];
  let database: Awaited<ReturnType<typeof testApp>>['db'];
  beforeEach(async () => {
    const { db, client } = await testApp();
    await replaceWithSeed(db, conformanceSeed());
    call = client;
    database = db;
  });

  const ack = (body: Record<string, unknown>, key = 'k') =>
    call('POST', '/acknowledgments', { as: 'p-dan', key, body: { viewerId: 'p-dan', charterId: 'charter-2026', version: 3, at: '2026-11-18T11:59:00Z', ...body } });

  describe('acknowledgments', () => {
    it('refuses a version that was never published (version 50): 400 naming version, nothing recorded', async () => {
      const response = await ack({ version: 50 });
      assert.equal(response.status, 400);
      assert.equal(response.body.error.code, 'invalid-request');
      assert.equal(response.body.error.field, 'version');
      assert.equal((await call('GET', '/acknowledgments/p-dan', { as: 'p-dan' })).status, 404);
    });

    it('refuses a version below minAcknowledgedVersion, and one within it that was never published', async () => {
      // The current charter is version 3 with minAcknowledgedVersion 2; only version 3 was published here.
      for (const version of [1, 2]) {
        const response = await ack({ version }, `k${version}`);
        assert.equal(response.status, 400, `version ${version}`);
        assert.equal(response.body.error.field, 'version');
      }
    });

    it('accepts an older version still accepted once it was published', async () => {
      const { db, client } = await testApp();
      const seed = conformanceSeed();
      await replaceWithSeed(db, { ...seed, charter: { ...seed.charter, version: 2 } });
      assert.equal((await client('PUT', '/admin/charter', { as: ADMIN, body: { ...seed.charter, version: 3 } })).status, 200);
      const response = await client('POST', '/acknowledgments', { as: 'p-dan', key: 'v2', body: { viewerId: 'p-dan', charterId: 'charter-2026', version: 2, at: '2026-11-18T11:59:00Z' } });
      assert.equal(response.status, 201);
    });

    it('refuses an unknown charter id (=HYPERLINK(...)): 400 naming charterId', async () => {
      const response = await ack({ charterId: '=HYPERLINK("https://evil.example","x")' });
      assert.equal(response.status, 400);
      assert.equal(response.body.error.field, 'charterId');
    });

    it("a time outside the window (2099, 31 days ago, a clock 6 minutes fast) is not kept: the acknowledgment is recorded at the server's time", async () => {
      for (const at of ['2099-01-01T00:00:00Z', iso(NOW.getTime() - 31 * DAY), iso(NOW.getTime() + 6 * 60_000)]) {
        await database.query("DELETE FROM acknowledgments WHERE viewer_id = 'p-dan'");
        const response = await ack({ at }, `k-${at}`);
        assert.equal(response.status, 201, at);
        const [row] = await database.query<{ at: Date; client_at: Date | null }>("SELECT at, client_at FROM acknowledgments WHERE viewer_id = 'p-dan'");
        assert.equal(new Date(row!.at).toISOString(), NOW.toISOString(), at);
        assert.equal(row!.client_at, null, at);
      }
    });

    it("records the server's time; the client's time (offline, within 30 days) is kept apart as client_at", async () => {
      const clientAt = iso(NOW.getTime() - 2 * DAY);
      assert.equal((await ack({ at: clientAt })).status, 201);
      assert.equal((await call('GET', '/acknowledgments/p-dan', { as: 'p-dan' })).body.at, NOW.toISOString());
      const [row] = await database.query<{ client_at: Date }>("SELECT client_at FROM acknowledgments WHERE viewer_id = 'p-dan'");
      assert.equal(new Date(row!.client_at).toISOString(), clientAt);
    });
  });

  describe('shares', () => {
    const post = (body: Record<string, unknown>, as = 'p-dan') => call('POST', '/shares', { as, key: String(body.id), body });
    const danWeek = async () => (await call('GET', '/leaderboard?period=week', { as: 'p-dan' })).body.entries.find((entry: { id: string }) => entry.id === 'p-dan');

    it('refuses an item that does not exist, is withdrawn, expired or not yet published: 400 naming shareableId, no points', async () => {
      assert.equal((await call('DELETE', '/admin/shareables/s-culture-en', { as: ADMIN })).status, 204);
      const future = { ...(conformanceSeed().shareables?.[0] as object), id: 's-later', publishedAt: '2026-12-01T00:00:00Z' };
      assert.equal((await call('PUT', '/admin/shareables/s-later', { as: ADMIN, body: future })).status, 200);
      let n = 1;
      for (const shareableId of ['s-nothing', 's-culture-en', 's-expired', 's-later']) {
        const response = await post(share(n++, { shareableId }));
        assert.equal(response.status, 400, shareableId);
        assert.equal(response.body.error.code, 'invalid-request');
        assert.equal(response.body.error.field, 'shareableId');
      }
      assert.deepEqual({ points: (await danWeek()).points, shares: (await danWeek()).shares }, { points: 0, shares: 0 });
    });

    it("a share dated 2099, or more than 30 days back, is recorded at the server's time, its client time not kept", async () => {
      let n = 10;
      for (const at of ['2099-01-01T00:00:00Z', iso(NOW.getTime() - 31 * DAY)]) {
        const event = share(n++, { at });
        assert.equal((await post(event)).status, 201, at);
        const [row] = await database.query<{ at: Date; client_at: Date | null }>("SELECT at, client_at FROM shares WHERE viewer_id = 'p-dan' AND id = $1", [event.id]);
        assert.equal(new Date(row!.at).toISOString(), NOW.toISOString(), at);
        assert.equal(row!.client_at, null, at);
      }
    });

    it("dates a share by the server's clock: one made offline 10 days ago counts this week, its time kept as client_at", async () => {
      const clientAt = iso(NOW.getTime() - 10 * DAY);
      const event = share(20, { at: clientAt });
      assert.equal((await post(event)).status, 201);
      assert.equal((await danWeek()).shares, 1);
      const [row] = await database.query<{ at: Date; client_at: Date }>("SELECT at, client_at FROM shares WHERE viewer_id = 'p-dan' AND id = $1", [event.id]);
      assert.equal(new Date(row!.at).toISOString(), NOW.toISOString());
      assert.equal(new Date(row!.client_at).toISOString(), clientAt);
    });

    it("scopes event ids to their person: B posting A's pending id does not swallow A's share", async () => {
      const pending = share(30, { viewerId: 'p-dan' });
      assert.equal((await post({ ...pending, viewerId: 'p-eve' }, 'p-eve')).status, 201);
      assert.equal((await post(pending, 'p-dan')).status, 201);
      assert.deepEqual({ points: (await danWeek()).points, shares: (await danWeek()).shares }, { points: 10, shares: 1 });
      const rows = await database.query<{ viewer_id: string }>('SELECT viewer_id FROM shares WHERE id = $1 ORDER BY viewer_id', [pending.id]);
      assert.deepEqual(rows.map((row) => row.viewer_id), ['p-dan', 'p-eve']);
    });

    it('caps points: 100 shares of one item earn its points once; the statistics count every share', async () => {
      for (let n = 0; n < 100; n++) assert.equal((await post(share(100 + n, { network: n % 2 ? 'x' : 'linkedin' }))).status, 201);
      assert.deepEqual({ points: (await danWeek()).points, shares: (await danWeek()).shares }, { points: 10, shares: 100 });
      const stats = await call('GET', '/admin/stats/shares?by=item&from=2026-11-18', { as: ADMIN });
      assert.deepEqual(stats.body.rows.find((row: { key: string }) => row.key === 's-product-fr'), { key: 's-product-fr', shares: 100, personalized: 0 });
    });
  });
});
