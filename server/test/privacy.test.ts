/** Issue 20: viewer-specific answers are never kept by a shared cache (Cache-Control: private, no-store). */
import assert from 'node:assert/strict';
import { before, describe, it } from 'node:test';
import { conformanceSeed } from '../../src/testing/fixture.js';
import { replaceWithSeed } from '../store/index.js';
import { ADMIN, testApp } from './harness.js';

describe('privacy: caching (issue 20)', () => {
  let call: Awaited<ReturnType<typeof testApp>>['client'];
  before(async () => {
    const { db, client } = await testApp();
    await replaceWithSeed(db, conformanceSeed());
    call = client;
  });

  it('answers for a requester carry Cache-Control: private, no-store, errors and replays included', async () => {
    const share = { id: 'cdcdcdcd-0000-4000-8000-000000000001', shareableId: 's-product-fr', viewerId: 'p-dan', network: 'linkedin', at: '2026-11-18T11:59:00Z', personalized: false };
    const answers = {
      viewer: await call('GET', '/viewer', { as: 'p-dan' }),
      leaderboard: await call('GET', '/leaderboard?period=all', { as: 'p-dan' }),
      teams: await call('GET', '/leaderboard?period=all&scope=teams', { as: 'p-dan' }),
      acknowledgment: await call('GET', '/acknowledgments/p-viewer', { as: 'p-viewer' }),
      'no acknowledgment (404)': await call('GET', '/acknowledgments/p-dan', { as: 'p-dan' }),
      'no identity (401)': await call('GET', '/viewer'),
      share: await call('POST', '/shares', { as: 'p-dan', key: share.id, body: share }),
      'share replayed': await call('POST', '/shares', { as: 'p-dan', key: share.id, body: share }),
      register: await call('GET', '/admin/acknowledgments.csv', { as: ADMIN }),
      statistics: await call('GET', '/admin/stats/shares?by=team', { as: ADMIN }),
    };
    assert.equal(answers['share replayed'].headers.get('idempotent-replayed'), 'true');
    for (const [what, response] of Object.entries(answers)) assert.equal(response.headers.get('cache-control'), 'private, no-store', what);
  });
});
