/** Body size limits and CORS. */
import assert from 'node:assert/strict';
import { beforeEach, describe, it } from 'node:test';
import { conformanceSeed } from '../../src/testing/fixture.js';
import { createApp } from '../app.js';
import { authenticator } from '../auth.js';
import { openDatabase } from '../db.js';
import { replaceWithSeed } from '../store/index.js';
import { ADMIN, testApp, testDatabase } from './harness.js';

describe('body limits', () => {
  beforeEach(async () => replaceWithSeed(await testDatabase(), conformanceSeed()));

  it('refuses a body over the limit with 413 payload-too-large, before reading it whole', async () => {
    const { client } = await testApp({ maxBodyBytes: 2048 });
    const response = await client('POST', '/shares', { as: 'p-alice', key: 'big', body: { padding: 'x'.repeat(4096) } });
    assert.equal(response.status, 413);
    assert.equal(response.body.error.code, 'payload-too-large');
    const policy = await client('PUT', '/admin/guard-policy', { as: ADMIN, body: { version: 1, rules: [], internalDomains: ['x'.repeat(4096)] } });
    assert.equal(policy.status, 413);
  });

  it('counts a streamed body without Content-Length too', async () => {
    const { app } = await testApp({ maxBodyBytes: 2048 });
    const chunks = new ReadableStream({
      start(controller) {
        for (let index = 0; index < 8; index++) controller.enqueue(new TextEncoder().encode('x'.repeat(512)));
        controller.close();
      },
    });
    const response = await app.request('/api/v1/shares', {
      method: 'POST',
      headers: { 'x-relais-user': 'p-alice', 'idempotency-key': 'stream', 'content-type': 'application/json' },
      body: chunks,
      duplex: 'half',
    } as RequestInit);
    assert.equal(response.status, 413);
  });

  it('gives the import its own, larger limit', async () => {
    const { client } = await testApp({ maxBodyBytes: 1024, maxImportBytes: 64 * 1024 });
    const imported = await client('POST', '/admin/import', { as: ADMIN, body: conformanceSeed() });
    assert.equal(imported.status, 200);
    const { client: small } = await testApp({ maxBodyBytes: 1024 * 1024, maxImportBytes: 1024 });
    assert.equal((await small('POST', '/admin/import', { as: ADMIN, body: conformanceSeed() })).status, 413);
  });
});

describe('CORS', () => {
  const origin = 'https://intranet.example.com';

  it('allows the configured origins with credentials, and the headers the adapter sends', async () => {
    const { app } = await testApp({ corsOrigins: [origin] });
    const preflight = await app.request('/api/v1/shares', {
      method: 'OPTIONS',
      headers: { origin, 'access-control-request-method': 'POST', 'access-control-request-headers': 'content-type, idempotency-key, authorization' },
    });
    assert.equal(preflight.status, 204);
    assert.equal(preflight.headers.get('access-control-allow-origin'), origin);
    assert.equal(preflight.headers.get('access-control-allow-credentials'), 'true');
    const allowed = (preflight.headers.get('access-control-allow-headers') ?? '').toLowerCase();
    for (const header of ['authorization', 'content-type', 'idempotency-key', 'x-relais-viewer']) assert.ok(allowed.includes(header), header);
    const read = await app.request('/api/v1/health', { headers: { origin } });
    assert.equal(read.headers.get('access-control-allow-origin'), origin);
    assert.match(read.headers.get('access-control-expose-headers') ?? '', /Retry-After/i);
  });

  it('gives no CORS header to any other origin', async () => {
    const { app } = await testApp({ corsOrigins: [origin] });
    for (const other of ['https://evil.example.com', 'https://intranet.example.com.evil.com', 'null']) {
      const response = await app.request('/api/v1/health', { headers: { origin: other } });
      assert.equal(response.headers.get('access-control-allow-origin'), null, other);
    }
    const { app: closed } = await testApp();
    assert.equal((await closed.request('/api/v1/health', { headers: { origin } })).headers.get('access-control-allow-origin'), null);
  });

  it('refuses "*" as an origin, since credentials are allowed', async () => {
    const db = await testDatabase();
    assert.throws(() => createApp({ db, authenticate: authenticator({ mode: 'header' }, db), corsOrigins: ['*'] }), /"\*"/);
  });
});

describe('database out of reach', () => {
  it('answers 503 unavailable with Retry-After, not 500, when PostgreSQL refuses the connection', async () => {
    // A real pg pool on a port where nothing listens: the refusal is the driver's own.
    const db = await openDatabase({ databaseUrl: 'postgres://postgres@127.0.0.1:1/none' });
    try {
      const app = createApp({ db, authenticate: authenticator({ mode: 'header' }, db) });
      const response = await app.request('/api/v1/charter', { headers: { 'x-relais-user': 'p-alice' } });
      assert.equal(response.status, 503);
      assert.equal(response.headers.get('retry-after'), '5');
      assert.equal(((await response.json()) as { error: { code: string } }).error.code, 'unavailable');
    } finally {
      await db.close();
    }
  });
});
