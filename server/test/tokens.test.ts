/**
 * Issue 20: tokens checked strictly. `exp` required, a bounded lifetime, `iss` and `aud` required
 * (the server refuses to start without them), a small clock tolerance, and the key set out of
 * reach answered 503 with Retry-After (clients try again), never 401 (a refusal for good).
 */
import assert from 'node:assert/strict';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { after, before, describe, it } from 'node:test';
import { exportJWK, generateKeyPair, SignJWT, type JWTPayload } from 'jose';
import { conformanceSeed } from '../../src/testing/fixture.js';
import { authenticator, checkAuthOptions, JWT_CLOCK_TOLERANCE_S } from '../auth.js';
import { optionsFromEnv, startServer } from '../index.js';
import { replaceWithSeed } from '../store/index.js';
import { testApp, testDatabase } from './harness.js';

const ISSUER = 'https://idp.example.com';
const AUDIENCE = 'relais';

describe('tokens: strict checks (issue 20)', () => {
  let jwks: Server;
  let jwksUrl: string;
  /** The key set answers this way: ok, a 500, or a hang. */
  let mode: 'ok' | 'error' | 'hang' = 'ok';
  let sign: (claims: JWTPayload, header?: { exp?: number | null; iat?: number | null }) => Promise<string>;

  before(async () => {
    const { privateKey, publicKey } = await generateKeyPair('ES256');
    const jwk = { ...(await exportJWK(publicKey)), kid: 'k1', alg: 'ES256', use: 'sig' };
    jwks = createServer((_request, response) => {
      if (mode === 'hang') return; // never answers: jose's timeout
      if (mode === 'error') {
        response.writeHead(500).end('down');
        return;
      }
      response.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify({ keys: [jwk] }));
    });
    await new Promise<void>((resolve) => jwks.listen(0, '127.0.0.1', resolve));
    jwksUrl = `http://127.0.0.1:${(jwks.address() as AddressInfo).port}/jwks.json`;
    const now = Math.floor(Date.now() / 1000);
    sign = (claims, { exp = now + 3600, iat = now } = {}) => {
      const token = new SignJWT(claims).setProtectedHeader({ alg: 'ES256', kid: 'k1' }).setIssuer(ISSUER).setAudience(AUDIENCE);
      if (exp !== null) token.setExpirationTime(exp);
      if (iat !== null) token.setIssuedAt(iat);
      return token.sign(privateKey);
    };
    await replaceWithSeed(await testDatabase(), conformanceSeed());
  });
  after(() => new Promise<void>((resolve) => { jwks.closeAllConnections(); jwks.close(() => resolve()); }));

  const jwtApp = () => testApp({ auth: { mode: 'jwt', jwksUrl, issuer: ISSUER, audience: AUDIENCE } });
  const viewer = async (token: string) => (await jwtApp()).client('GET', '/viewer', { headers: { authorization: `Bearer ${token}` } });

  it('refuses with 401 a token without exp, with iat ten years back or a year ahead, or living for ten years', async () => {
    mode = 'ok';
    const now = Math.floor(Date.now() / 1000);
    const year = 365 * 86_400;
    for (const [what, token] of [
      ['no exp', await sign({ sub: 'p-bob' }, { exp: null })],
      ['iat ten years ago', await sign({ sub: 'p-bob' }, { iat: now - 10 * year })],
      ['iat a year ahead', await sign({ sub: 'p-bob' }, { iat: now + year })],
      ['exp in ten years', await sign({ sub: 'p-bob' }, { exp: now + 10 * year })],
    ] as const) {
      const response = await viewer(token);
      assert.equal(response.status, 401, what);
      assert.equal(response.body.error.code, 'unauthenticated', what);
    }
  });

  it(`accepts a token a little off the server's clock (within ${JWT_CLOCK_TOLERANCE_S} s), without iat too`, async () => {
    mode = 'ok';
    const now = Math.floor(Date.now() / 1000);
    assert.equal((await viewer(await sign({ sub: 'p-bob' }, { exp: now - 20 }))).status, 200, 'expired 20 s ago');
    assert.equal((await viewer(await sign({ sub: 'p-bob' }, { iat: now + 20 }))).status, 200, 'issued 20 s ahead');
    assert.equal((await viewer(await sign({ sub: 'p-bob' }, { iat: null }))).status, 200, 'no iat');
    assert.equal((await viewer(await sign({ sub: 'p-bob' }, { exp: now - 120 }))).status, 401, 'expired 2 min ago');
  });

  it('answers 503 unavailable with Retry-After, never 401, when the key set cannot be fetched', async () => {
    const token = await sign({ sub: 'p-bob' });
    for (const state of ['error', 'hang', 'closed'] as const) {
      // A fresh app each time: jose keeps the keys it fetched.
      let url = jwksUrl;
      if (state === 'closed') {
        const closed = createServer();
        await new Promise<void>((resolve) => closed.listen(0, '127.0.0.1', resolve));
        url = `http://127.0.0.1:${(closed.address() as AddressInfo).port}/jwks.json`;
        await new Promise<void>((resolve) => closed.close(() => resolve()));
      } else mode = state;
      const { client } = await testApp({ auth: { mode: 'jwt', jwksUrl: url, issuer: ISSUER, audience: AUDIENCE } });
      const response = await client('GET', '/viewer', { headers: { authorization: `Bearer ${token}` } });
      assert.equal(response.status, 503, state);
      assert.equal(response.body.error.code, 'unavailable', state);
      assert.ok(Number(response.headers.get('retry-after')) > 0, state);
    }
    mode = 'ok';
  });

  it('refuses to start in jwt mode without an issuer or an audience', async () => {
    assert.throws(() => checkAuthOptions({ mode: 'jwt', jwksUrl, audience: AUDIENCE }, {}), /RELAIS_JWT_ISSUER/);
    assert.throws(() => checkAuthOptions({ mode: 'jwt', jwksUrl, issuer: ISSUER }, {}), /RELAIS_JWT_AUDIENCE/);
    const db = await testDatabase();
    assert.throws(() => authenticator({ mode: 'jwt', jwksUrl }, db), /RELAIS_JWT_ISSUER/);
    const env = { NODE_ENV: 'production', RELAIS_AUTH: 'jwt', RELAIS_JWKS_URL: jwksUrl };
    await assert.rejects(startServer({ ...optionsFromEnv(env), database: await testDatabase(), port: 0 }), /RELAIS_JWT_ISSUER/);
    assert.doesNotThrow(() => checkAuthOptions({ mode: 'jwt', jwksUrl, issuer: ISSUER, audience: AUDIENCE }, {}));
  });
});
