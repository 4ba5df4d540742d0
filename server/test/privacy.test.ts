/**
 * Issue 20: team figures reveal no opted-out person (named contributors only, at least N of
 * them), checked by subtraction; viewer-specific answers are never kept by a shared cache.
 */
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

describe('privacy: team figures (issue 20)', () => {
  const seed = conformanceSeed();
  const person = (id: string, team: string, optIn: boolean) => ({ id, displayName: id, team, leaderboardOptIn: optIn });
  const at = '2026-11-17T10:00:00Z';
  let n = 0;
  const share = (viewerId: string, shareableId = 's-product-fr') => ({ id: `abcdabcd-0000-4000-8000-${(++n).toString(16).padStart(12, '0')}`, viewerId, shareableId, network: 'linkedin' as const, at, personalized: true });
  // Ops: one opted-out sharer and four silent colleagues. Big: five opted-in sharers and one opted-out sharer.
  const people = [
    person('ops-hidden', 'Ops', false), ...['ops-1', 'ops-2', 'ops-3', 'ops-4'].map((id) => person(id, 'Ops', true)),
    ...['big-1', 'big-2', 'big-3', 'big-4', 'big-5'].map((id) => person(id, 'Big', true)), person('big-hidden', 'Big', false),
  ];
  const shares = [
    share('ops-hidden'), share('ops-hidden', 's-culture-en'),
    ...['big-1', 'big-2', 'big-3', 'big-4', 'big-5'].map((id) => share(id)), share('big-1', 's-culture-en'),
    share('big-hidden'), share('big-hidden', 's-culture-en'), share('big-hidden', 's-industry-fr'),
  ];
  const data = { ...seed, people, shares, acknowledgments: [] };

  async function boards(minTeamSize?: number) {
    const { db, client } = await testApp(minTeamSize ? { minTeamSize } : {});
    await replaceWithSeed(db, data);
    const as = { id: 'big-1' };
    return {
      people: (await client('GET', '/leaderboard?period=all', { as })).body.entries as { id: string; team?: string; points: number; shares: number; anonymous: boolean }[],
      teams: (await client('GET', '/leaderboard?period=all&scope=teams', { as })).body.entries as { id: string; points: number; shares: number }[],
      stats: (await client('GET', '/admin/stats/shares?by=team', { as: ADMIN })).body.rows as { key: string; shares: number }[],
    };
  }

  it("a team of one opted-out sharer and four silent colleagues shows nothing (it showed the anonymous row's figures)", async () => {
    const { teams, stats } = await boards();
    assert.ok(!teams.some((row) => row.id === 'Ops'), JSON.stringify(teams));
    assert.ok(!stats.some((row) => row.key === 'Ops'), JSON.stringify(stats));
  });

  it('team minus its named rows is zero, on the leaderboard and in the statistics: the opted-out sharer cannot be subtracted out', async () => {
    const { people: rows, teams, stats } = await boards();
    const named = rows.filter((row) => !row.anonymous && row.team === 'Big');
    assert.equal(named.length, 5);
    const big = teams.find((row) => row.id === 'Big');
    assert.ok(big, JSON.stringify(teams));
    assert.equal(big.points - named.reduce((sum, row) => sum + row.points, 0), 0);
    assert.equal(big.shares - named.reduce((sum, row) => sum + row.shares, 0), 0);
    assert.equal(stats.find((row) => row.key === 'Big')?.shares, named.reduce((sum, row) => sum + row.shares, 0));
    // The hidden sharer is still on the people board, anonymous, with their figures.
    assert.ok(rows.some((row) => row.anonymous && row.shares === 3));
  });

  it('the threshold is configurable: with 6, Big (five named contributors) is shown nowhere', async () => {
    const { teams, stats } = await boards(6);
    assert.deepEqual(teams, []);
    assert.deepEqual(stats, []);
  });
});

describe('operations: CSV cells neutralised per OWASP (issue 20)', () => {
  it('prefixes with a quote every cell whose first non-space character is = + - @ or a control or format character', async () => {
    const { csvField } = await import('../../src/contract/register-csv.js');
    for (const value of ['=1+1', ' =1+1', '   @SUM(A1)', '\n=1', '\t=1', '\r=1', '\u200b=1', '\ufeff=1', '\u0007x', '+1', '-1', '@x', ' -2']) {
      const cell = csvField(value);
      const unquoted = cell.startsWith('"') ? cell.slice(1, -1).replaceAll('""', '"') : cell;
      assert.equal(unquoted, `'${value}`, JSON.stringify(value));
    }
    for (const value of ['Bob', ' Bob', 'a=b', '1', '2026-11-18T12:00:00.000Z', 'Zoé']) assert.equal(csvField(value), value, JSON.stringify(value));
  });
});

describe('operations: NODE_ENV and the demo mode on a network (issue 20)', () => {
  it('refuses a NODE_ENV meant as production but not written exactly so', async () => {
    const { checkAuthOptions, isProduction } = await import('../auth.js');
    const { optionsFromEnv } = await import('../index.js');
    for (const value of ['Production', 'PRODUCTION', 'prod', 'production ', ' production']) {
      assert.throws(() => checkAuthOptions({ mode: 'demo' }, { NODE_ENV: value }), /exactly production/, JSON.stringify(value));
      assert.throws(() => optionsFromEnv({ NODE_ENV: value }), /exactly production/, JSON.stringify(value));
    }
    assert.equal(isProduction({ NODE_ENV: 'production' }), true);
    assert.equal(isProduction({ NODE_ENV: 'development' }), false);
    assert.equal(isProduction({}), false);
  });

  it('refuses the demo mode on a host other machines can reach, unless told --i-know', async () => {
    const { checkAuthOptions } = await import('../auth.js');
    for (const host of ['0.0.0.0', '::', '192.168.1.10', 'relais.example.com']) {
      assert.throws(() => checkAuthOptions({ mode: 'demo' }, {}, { host }), /--i-know/, host);
      assert.doesNotThrow(() => checkAuthOptions({ mode: 'demo' }, {}, { host, allowDemoOnNetwork: true }), host);
      assert.doesNotThrow(() => checkAuthOptions({ mode: 'header' }, {}, { host }), host);
    }
    for (const host of ['127.0.0.1', '127.1.2.3', 'localhost', '::1', '[::1]']) assert.doesNotThrow(() => checkAuthOptions({ mode: 'demo' }, {}, { host }), host);
    const { startServer } = await import('../index.js');
    const { testDatabase } = await import('./harness.js');
    await assert.rejects(startServer({ auth: 'demo', database: await testDatabase(), port: 0, host: '0.0.0.0', env: {} }), /--i-know/);
  });
});

describe('operations: a repeated identity header (issue 20)', () => {
  it('refuses two X-Relais-User headers (they became one identity "a, b") with 400 naming the header', async () => {
    const { request } = await import('node:http');
    const { startServer } = await import('../index.js');
    const { testDatabase } = await import('./harness.js');
    const server = await startServer({ auth: 'header', database: await testDatabase(), port: 0, env: {} });
    try {
      const get = (headers: Record<string, string | string[]>) =>
        new Promise<{ status: number; body: string }>((resolve, reject) => {
          const req = request(`${server.url}/viewer`, { headers }, (response) => {
            let body = '';
            response.on('data', (chunk) => (body += chunk));
            response.on('end', () => resolve({ status: response.statusCode ?? 0, body }));
          });
          req.on('error', reject);
          req.end();
        });
      const twice = await get({ 'x-relais-user': ['p-alice', 'p-bob'] });
      assert.equal(twice.status, 400);
      assert.equal(JSON.parse(twice.body).error.field, 'x-relais-user');
      const teams = await get({ 'x-relais-user': 'p-alice', 'x-relais-user-team': ['Ops', 'Sales'] });
      assert.equal(teams.status, 400);
      assert.equal((await get({ 'x-relais-user': 'p-alice' })).status, 200);
    } finally {
      await server.close();
    }
  });
});
