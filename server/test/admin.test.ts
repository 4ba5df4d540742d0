/** Admin routes: charter versions, shareables, guard policy, import, the CSV register, statistics. */
import assert from 'node:assert/strict';
import { beforeEach, describe, it } from 'node:test';
import { parse as parseCsv } from '../../test/fixtures/csv-reader.js';
import { conformanceSeed } from '../../src/testing/fixture.js';
import { replaceWithSeed } from '../store/index.js';
import { ADMIN, testApp, testDatabase } from './harness.js';

const charter = (version: number, extra: Record<string, unknown> = {}) => ({ ...conformanceSeed().charter, version, ...extra });

describe('admin', () => {
  beforeEach(async () => replaceWithSeed(await testDatabase(), conformanceSeed()));

  it('PUT /admin/charter publishes a later version; an earlier or equal one is 409 conflict naming version', async () => {
    const { client } = await testApp();
    const next = charter(4, { minAcknowledgedVersion: 4, changeNote: 'New section on AI.' });
    const published = await client('PUT', '/admin/charter', { as: ADMIN, body: next });
    assert.equal(published.status, 200);
    assert.equal((await client('GET', '/charter', { as: 'p-alice' })).body.version, 4);
    // The same publication again is answered the same (a retried PUT is harmless).
    assert.equal((await client('PUT', '/admin/charter', { as: ADMIN, body: next })).status, 200);
    for (const version of [4, 3]) {
      const refused = await client('PUT', '/admin/charter', { as: ADMIN, body: charter(version, { title: 'Another title' }) });
      assert.equal(refused.status, 409);
      assert.equal(refused.body.error.code, 'conflict');
      assert.equal(refused.body.error.field, 'version');
    }
    const invalid = await client('PUT', '/admin/charter', { as: ADMIN, body: charter(5, { minAcknowledgedVersion: 6 }) });
    assert.equal(invalid.status, 400);
    assert.equal(invalid.body.error.field, 'minAcknowledgedVersion');
  });

  it('a wording fix keeps acknowledgments valid; they are read against the current charter id', async () => {
    const { client } = await testApp();
    await client('PUT', '/admin/charter', { as: ADMIN, body: charter(4) });
    // p-bob acknowledged version 3 of charter-2026: still their latest of the current charter.
    assert.equal((await client('GET', '/acknowledgments/p-bob', { as: 'p-bob' })).body.version, 3);
  });

  it('PUT /admin/shareables/{id} creates or replaces an item; DELETE withdraws it (204), then 404', async () => {
    const { client } = await testApp();
    const item = { ...conformanceSeed().shareables![0]!, id: 's-new', title: 'Brand new', publishedAt: '2026-11-18T08:00:00Z' };
    const put = await client('PUT', '/admin/shareables/s-new', { as: ADMIN, body: item });
    assert.equal(put.status, 200);
    assert.equal((await client('GET', '/shareables?limit=1', { as: 'p-alice' })).body.items[0].id, 's-new');
    assert.equal((await client('PUT', '/admin/shareables/s-other', { as: ADMIN, body: item })).body.error.field, 'id');
    assert.equal((await client('PUT', '/admin/shareables/s-new', { as: ADMIN, body: { ...item, url: 'javascript:alert(1)' } })).body.error.field, 'url');
    assert.equal((await client('DELETE', '/admin/shareables/s-new', { as: ADMIN })).status, 204);
    assert.equal((await client('GET', '/shareables/s-new', { as: 'p-alice' })).status, 404);
    assert.equal((await client('DELETE', '/admin/shareables/s-new', { as: ADMIN })).status, 404);
  });

  it('a withdrawn item leaves the listing but the points earned on it still count', async () => {
    const { client } = await testApp();
    const before = (await client('GET', '/leaderboard?period=all', { as: 'p-viewer' })).body;
    await client('DELETE', '/admin/shareables/s-industry-fr', { as: ADMIN });
    const ids = (await client('GET', '/shareables', { as: 'p-alice' })).body.items.map((item: { id: string }) => item.id);
    assert.ok(!ids.includes('s-industry-fr'));
    assert.deepEqual((await client('GET', '/leaderboard?period=all', { as: 'p-viewer' })).body, before);
  });

  it('PUT /admin/guard-policy replaces the policy, validated', async () => {
    const { client } = await testApp();
    const policy = { version: 2, rules: [{ id: 'secret', kind: 'term', category: 'confidential', severity: 'block', terms: ['Projet X'] }] };
    assert.equal((await client('PUT', '/admin/guard-policy', { as: ADMIN, body: policy })).status, 200);
    assert.equal((await client('GET', '/guard-policy', { as: 'p-alice' })).body.version, 2);
    const bad = await client('PUT', '/admin/guard-policy', { as: ADMIN, body: { version: 3, rules: [{ ...policy.rules[0], severity: 'explode' }] } });
    assert.equal(bad.status, 400);
    assert.equal(bad.body.error.field, 'rules[0].severity');
  });

  it('POST /admin/import imports a data document and says how much; any bad value refuses it whole, naming the field', async () => {
    const { client, db } = await testApp();
    for (const table of ['shares', 'acknowledgments', 'shareables', 'people', 'charters']) await db.query(`DELETE FROM ${table}`);
    const document = conformanceSeed();
    const bad = { ...conformanceSeed(), shareables: conformanceSeed().shareables!.map((item, index) => (index === 2 ? { ...item, url: 'ftp://x' } : item)) };
    const refused = await client('POST', '/admin/import', { as: ADMIN, body: bad });
    assert.equal(refused.status, 400);
    assert.equal(refused.body.error.field, 'shareables[2].url');
    assert.equal((await client('GET', '/shareables', { as: 'p-alice' })).body.items.length, 0, 'nothing imported');
    const imported = await client('POST', '/admin/import', { as: ADMIN, body: document });
    assert.equal(imported.status, 200);
    assert.deepEqual(imported.body, { imported: { shareables: 8, people: 16, shares: document.shares!.length, acknowledgments: 5 } });
    const again = await client('POST', '/admin/import', { as: ADMIN, body: document });
    assert.deepEqual(again.body.imported, { shareables: 8, people: 16, shares: 0, acknowledgments: 0 }, 'history is added once');
    assert.equal((await client('GET', '/charter', { as: 'p-alice' })).body.version, 3);
  });

  it('GET /admin/acknowledgments.csv is the register: who, name, team, charter, version, when (ISO), oldest first, safely quoted', async () => {
    const { client, db } = await testApp();
    await db.query("UPDATE people SET display_name = $1 WHERE id = 'p-bob'", ['=HYPERLINK("x"), "Bob"']);
    const response = await client('GET', '/admin/acknowledgments.csv', { as: ADMIN });
    assert.equal(response.status, 200);
    assert.match(response.headers.get('content-type') ?? '', /^text\/csv/);
    const rows = parseCsv(response.text);
    assert.deepEqual(rows[0], ['viewer_id', 'display_name', 'team', 'charter_id', 'version', 'acknowledged_at']);
    assert.deepEqual(rows.slice(1).map((row) => [row[0], row[3], row[4], row[5]]), [
      ['p-viewer', 'charter-2025', '1', '2025-03-01T09:00:00.000Z'],
      ['p-alice', 'charter-2025', '1', '2025-03-02T09:00:00.000Z'],
      ['p-viewer', 'charter-2026', '1', '2026-01-15T09:00:00.000Z'],
      ['p-viewer', 'charter-2026', '2', '2026-02-01T09:00:00.000Z'],
      ['p-bob', 'charter-2026', '3', '2026-11-02T09:00:00.000Z'],
    ]);
    assert.deepEqual(rows[1]!.slice(1, 3), ['Camille Martin', 'Engineering']);
    // A name a spreadsheet would run as a formula is defused, and quotes and commas survive.
    assert.equal(rows[5]![1], `'=HYPERLINK("x"), "Bob"`);
  });

  it('the register prints every year as it is, on both databases: 0001, 0099, 1969, 9999 (no driver date parsing)', async () => {
    const { client, db } = await testApp();
    const seed = conformanceSeed();
    const dates = ['0001-03-04T05:06:07.089Z', '0099-12-31T23:59:59.999Z', '1969-07-20T20:17:40.000Z', '9999-12-31T23:59:59.999Z'];
    await replaceWithSeed(db, { ...seed, acknowledgments: dates.map((at, index) => ({ viewerId: `p-year-${index}`, charterId: 'charter-2026', version: 3, at })) });
    const rows = parseCsv((await client('GET', '/admin/acknowledgments.csv', { as: ADMIN })).text);
    assert.deepEqual(rows.slice(1).map((row) => [row[0], row[5]]), dates.map((at, index) => [`p-year-${index}`, at]));
  });

  it('a page of shareables published in year 1 leads to the next page (its cursor keeps the year)', async () => {
    const { client, db } = await testApp();
    const seed = conformanceSeed();
    const old = (id: string, publishedAt: string) => ({ ...seed.shareables![0]!, id, publishedAt, expiresAt: undefined });
    await replaceWithSeed(db, { ...seed, shareables: [old('s-year-1-a', '0001-06-01T00:00:00.000Z'), old('s-year-1-b', '0001-05-01T00:00:00.000Z')] });
    const first = await client('GET', '/shareables?limit=1', { as: 'p-alice' });
    assert.deepEqual(first.body.items.map((item: { id: string }) => item.id), ['s-year-1-a']);
    const next = await client('GET', `/shareables?limit=1&cursor=${first.body.nextCursor}`, { as: 'p-alice' });
    assert.deepEqual(next.body.items.map((item: { id: string }) => item.id), ['s-year-1-b']);
  });

  it('GET /admin/stats/shares aggregates by item, network, month and team (small teams merged), within from/to', async () => {
    const { client } = await testApp();
    const stats = async (query: string) => (await client('GET', `/admin/stats/shares?${query}`, { as: ADMIN })).body.rows;
    const seed = conformanceSeed();
    const total = seed.shares!.length;
    const sum = (rows: { shares: number }[]) => rows.reduce((acc, row) => acc + row.shares, 0);
    const byItem = await stats('by=item');
    assert.equal(sum(byItem), total);
    assert.deepEqual(byItem.find((row: { key: string }) => row.key === 's-industry-fr'), {
      key: 's-industry-fr',
      shares: seed.shares!.filter((event) => event.shareableId === 's-industry-fr').length,
      personalized: seed.shares!.filter((event) => event.shareableId === 's-industry-fr' && event.personalized).length,
    });
    assert.equal(sum(await stats('by=network')), total);
    const months = await stats('by=month');
    assert.deepEqual(months.map((row: { key: string }) => row.key), [...new Set(seed.shares!.map((event) => event.at.slice(0, 7)))].sort());
    // Teams: named contributors only (issue 20); none of the seed's teams has five, so they merge; p-ghost has no team.
    const teams = await stats('by=team');
    assert.deepEqual(teams.map((row: { key: string }) => row.key).sort(), ['other-teams']);
    const november = await stats('by=item&from=2026-11-01&to=2026-12-01');
    assert.equal(sum(november), seed.shares!.filter((event) => event.at >= '2026-11' && event.at < '2026-12').length);
    const bad = await client('GET', '/admin/stats/shares?by=weather', { as: ADMIN });
    assert.equal(bad.body.error.field, 'by');
    assert.equal((await client('GET', '/admin/stats/shares?by=item&from=yesterday', { as: ADMIN })).body.error.field, 'from');
  });
});
