/** The three identity modes, the admin role, and identity never taken from a body. */
import assert from 'node:assert/strict';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { after, before, beforeEach, describe, it } from 'node:test';
import { exportJWK, generateKeyPair, SignJWT } from 'jose';
import { conformanceSeed } from '../../src/testing/fixture.js';
import { checkAuthOptions } from '../auth.js';
import { optionsFromEnv, startServer } from '../index.js';
import { replaceWithSeed } from '../store/index.js';
import { ADMIN, testApp, testDatabase } from './harness.js';

const event = (viewerId: string) => ({
  id: 'bbbbbbbb-0000-4000-8000-000000000001',
  shareableId: 's-product-fr',
  viewerId,
  network: 'linkedin',
  at: '2026-11-18T10:00:00Z',
  personalized: false,
});

describe('auth: header mode (behind the reverse proxy)', () => {
  beforeEach(async () => replaceWithSeed(await testDatabase(), conformanceSeed()));

  it('takes the user, name, team and roles from the trusted headers, names decoded from UTF-8', async () => {
    const { app } = await testApp();
    const response = await app.request('/api/v1/viewer', {
      // A proxy passes UTF-8 bytes; Node reads header values as Latin-1.
      headers: { 'x-relais-user': 'p-zoe', 'x-relais-user-name': Buffer.from('Zoé Éluard', 'utf8').toString('latin1'), 'x-relais-user-team': 'Ops' },
    });
    assert.deepEqual(await response.json(), { id: 'p-zoe', displayName: 'Zoé Éluard', team: 'Ops', leaderboardOptIn: false });
  });

  it('reads configured header names instead of the defaults', async () => {
    const { client } = await testApp({ auth: { mode: 'header', headerNames: { user: 'X-Remote-User', roles: 'X-Remote-Groups' } } });
    assert.equal((await client('GET', '/viewer', { as: 'p-alice' })).status, 401, 'the default header is no longer read');
    const response = await client('GET', '/viewer', { headers: { 'x-remote-user': 'p-alice' } });
    assert.equal(response.body.id, 'p-alice');
    const admin = await client('GET', '/admin/stats/shares?by=item', { headers: { 'x-remote-user': 'hr', 'x-remote-groups': 'staff, admin' } });
    assert.equal(admin.status, 200);
  });

  it('answers 401 unauthenticated without the user header', async () => {
    const { client } = await testApp();
    const response = await client('GET', '/leaderboard?period=all');
    assert.equal(response.status, 401);
    assert.equal(response.body.error.code, 'unauthenticated');
  });

  it('never takes the identity from the body: a share or acknowledgment for someone else is 403 naming viewerId, unless an admin enters it', async () => {
    const { client } = await testApp();
    const share = await client('POST', '/shares', { as: 'p-alice', key: 'k1', body: event('p-bob') });
    assert.equal(share.status, 403);
    assert.equal(share.body.error.field, 'viewerId');
    const ack = await client('POST', '/acknowledgments', { as: 'p-alice', key: 'k2', body: { viewerId: 'p-bob', charterId: 'charter-2026', version: 3, at: '2026-11-18T10:00:00Z' } });
    assert.equal(ack.status, 403);
    assert.equal(ack.body.error.field, 'viewerId');
    // An admin may enter one for someone else (a paper acknowledgment, a back-office entry).
    assert.equal((await client('POST', '/shares', { as: ADMIN, key: 'k3', body: event('p-bob') })).status, 201);
    const entered = await client('POST', '/acknowledgments', { as: ADMIN, key: 'k4', body: { viewerId: 'p-bob', charterId: 'charter-2026', version: 3, at: '2026-11-18T10:00:00Z' } });
    assert.equal(entered.status, 201);
    assert.equal((await client('GET', '/acknowledgments/p-bob', { as: 'p-bob' })).body.version, 3);
  });

  it('opens the admin routes to the admin role only (403 forbidden otherwise), with a configurable role name', async () => {
    const { client } = await testApp();
    for (const [method, path] of [
      ['GET', '/admin/acknowledgments.csv'],
      ['GET', '/admin/stats/shares?by=item'],
      ['PUT', '/admin/guard-policy'],
      ['DELETE', '/admin/shareables/s-product-fr'],
      ['POST', '/admin/import'],
    ] as const) {
      const refused = await client(method, path, { as: { id: 'p-alice', roles: 'editor' } });
      assert.equal(refused.status, 403, `${method} ${path}`);
      assert.equal(refused.body.error.code, 'forbidden');
    }
    assert.equal((await client('GET', '/admin/acknowledgments.csv', { as: ADMIN })).status, 200);
    const { client: hr } = await testApp({ adminRole: 'hr-admin' });
    assert.equal((await hr('GET', '/admin/acknowledgments.csv', { as: ADMIN })).status, 403);
    assert.equal((await hr('GET', '/admin/acknowledgments.csv', { as: { id: 'x', roles: 'hr-admin' } })).status, 200);
  });
});

describe('auth: jwt mode (JWKS)', () => {
  let jwks: Server;
  let jwksUrl: string;
  let sign: (claims: Record<string, unknown>, options?: { issuer?: string; audience?: string; expires?: string | Date }) => Promise<string>;
  let foreignToken: string;

  before(async () => {
    const { privateKey, publicKey } = await generateKeyPair('ES256');
    const jwk = { ...(await exportJWK(publicKey)), kid: 'test-key', alg: 'ES256', use: 'sig' };
    jwks = createServer((_request, response) => {
      response.writeHead(200, { 'content-type': 'application/json' });
      response.end(JSON.stringify({ keys: [jwk] }));
    });
    await new Promise<void>((resolve) => jwks.listen(0, '127.0.0.1', resolve));
    jwksUrl = `http://127.0.0.1:${(jwks.address() as AddressInfo).port}/.well-known/jwks.json`;
    sign = (claims, { issuer = 'https://idp.example.com', audience = 'relais', expires = '1h' } = {}) =>
      new SignJWT(claims).setProtectedHeader({ alg: 'ES256', kid: 'test-key' }).setIssuer(issuer).setAudience(audience).setIssuedAt().setExpirationTime(expires).sign(privateKey);
    const other = await generateKeyPair('ES256');
    foreignToken = await new SignJWT({ sub: 'p-alice' }).setProtectedHeader({ alg: 'ES256', kid: 'test-key' }).setIssuer('https://idp.example.com').setAudience('relais').setExpirationTime('1h').sign(other.privateKey);
    await replaceWithSeed(await testDatabase(), conformanceSeed());
  });
  after(() => new Promise<void>((resolve) => jwks.close(() => resolve())));

  const jwtApp = () => testApp({ auth: { mode: 'jwt', jwksUrl, issuer: 'https://idp.example.com', audience: 'relais' } });

  it('takes sub, name, team and roles from a token verified against the JWKS', async () => {
    const { client } = await jwtApp();
    const token = await sign({ sub: 'p-bob', name: 'Robert Durand', team: 'Platform', roles: ['admin'] });
    const viewer = await client('GET', '/viewer', { headers: { authorization: `Bearer ${token}` } });
    assert.deepEqual(viewer.body, { id: 'p-bob', displayName: 'Robert Durand', team: 'Platform', leaderboardOptIn: true });
    assert.equal((await client('GET', '/admin/stats/shares?by=network', { headers: { authorization: `Bearer ${token}` } })).status, 200);
    const member = await sign({ sub: 'p-bob' });
    assert.equal((await client('GET', '/admin/stats/shares?by=network', { headers: { authorization: `Bearer ${member}` } })).status, 403);
  });

  it('refuses with 401 a missing token, another issuer or audience, an expired token, and a key not in the JWKS', async () => {
    const { client } = await jwtApp();
    const tokens = [
      undefined,
      await sign({ sub: 'p-bob' }, { issuer: 'https://evil.example.com' }),
      await sign({ sub: 'p-bob' }, { audience: 'other-app' }),
      await sign({ sub: 'p-bob' }, { expires: new Date('2020-01-01T00:00:00Z') }),
      foreignToken,
      await sign({ name: 'No Subject' }),
    ];
    for (const token of tokens) {
      const response = await client('GET', '/viewer', { headers: token ? { authorization: `Bearer ${token}` } : {} });
      assert.equal(response.status, 401, String(token));
      assert.equal(response.body.error.code, 'unauthenticated');
    }
  });

  it('ignores the header-mode and demo headers: only the token says who is asking', async () => {
    const { client } = await jwtApp();
    const response = await client('GET', '/viewer', { as: 'p-alice', headers: { 'x-relais-viewer': 'p-alice' } });
    assert.equal(response.status, 401);
  });
});

describe('auth: demo mode', () => {
  beforeEach(async () => {
    const seed = conformanceSeed();
    seed.viewer = { id: 'p-dina', displayName: 'Dina Faure', team: 'Design', leaderboardOptIn: true };
    await replaceWithSeed(await testDatabase(), seed);
  });

  it("is the viewer picked with X-Relais-Viewer (a person of the data), else the document's viewer; every demo viewer is admin", async () => {
    const { client } = await testApp({ auth: { mode: 'demo' } });
    assert.equal((await client('GET', '/viewer', { headers: { 'x-relais-viewer': 'p-bob' } })).body.displayName, 'Bob Durand');
    assert.equal((await client('GET', '/viewer')).body.id, 'p-dina');
    const unknown = await client('GET', '/viewer', { headers: { 'x-relais-viewer': 'p-nobody' } });
    assert.equal(unknown.status, 401);
    assert.equal((await client('GET', '/admin/stats/shares?by=month', { headers: { 'x-relais-viewer': 'p-bob' } })).status, 200);
  });

  it('is refused when NODE_ENV=production, by the options check, by startServer and by the environment defaults', async () => {
    assert.throws(() => checkAuthOptions({ mode: 'demo' }, { NODE_ENV: 'production' }), /refused when NODE_ENV=production/);
    assert.doesNotThrow(() => checkAuthOptions({ mode: 'demo' }, { NODE_ENV: 'development' }));
    await assert.rejects(startServer({ auth: 'demo', database: await testDatabase(), port: 0, env: { NODE_ENV: 'production' } }), /refused when NODE_ENV=production/);
    assert.throws(() => optionsFromEnv({ NODE_ENV: 'production' }), /Set RELAIS_AUTH/);
    assert.equal(optionsFromEnv({}).auth, 'demo');
    assert.throws(() => checkAuthOptions({ mode: 'jwt' }, {}), /RELAIS_JWKS_URL/);
  });
});
