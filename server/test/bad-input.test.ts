/**
 * Issue 20: bad input is a 400, never a 500. The reproductions of the review one by one, then a
 * seeded fuzz of every route with fast-check: no answer of 500 or more while the database is up.
 */
import assert from 'node:assert/strict';
import { before, describe, it } from 'node:test';
import fc from 'fast-check';
import { conformanceSeed } from '../../src/testing/fixture.js';
import { encodeCursor, replaceWithSeed, unsafeText } from '../store/index.js';
import { ADMIN, testApp, type Response } from './harness.js';

const base64url = (text: string) => Buffer.from(text, 'utf8').toString('base64url');

describe('bad input: 400, never 500 (issue 20)', () => {
  let call: Awaited<ReturnType<typeof testApp>>['client'];
  before(async () => {
    const { db, client } = await testApp();
    await replaceWithSeed(db, conformanceSeed());
    call = client;
  });

  const isRefusal = (response: Response, what: string) => {
    assert.equal(response.status, 400, `${what}: ${response.text}`);
    assert.equal(response.body.error.code, 'invalid-request', what);
  };

  it('a NUL in the query or the path: ?lang=%00, /shareables/%00, /acknowledgments/%00', async () => {
    isRefusal(await call('GET', '/shareables?lang=%00', { as: 'p-alice' }), '?lang=%00');
    isRefusal(await call('GET', '/shareables?category=product&lang=fr%00', { as: 'p-alice' }), '?lang=fr%00');
    isRefusal(await call('GET', '/shareables/%00', { as: 'p-alice' }), '/shareables/%00');
    isRefusal(await call('GET', '/acknowledgments/a%00b', { as: ADMIN }), '/acknowledgments/a%00b');
    isRefusal(await call('DELETE', '/admin/shareables/%00', { as: ADMIN }), 'DELETE /admin/shareables/%00');
  });

  it('a cursor that decodes to a date out of range, or to text PostgreSQL cannot hold', async () => {
    for (const cursor of [encodeCursor([1e20, 'x']), encodeCursor([253402300800000, 'x']), encodeCursor([-62198755200000, 'x']), base64url('[1e400,"x"]'), encodeCursor([0, 'a\u0000b']), encodeCursor([0, '\ud800'])]) {
      const response = await call('GET', `/shareables?cursor=${cursor}`, { as: 'p-alice' });
      isRefusal(response, cursor);
      assert.equal(response.body.error.field, 'cursor');
    }
  });

  it('a NUL or a lone surrogate in an id of a body: 400 naming the field', async () => {
    const event = { id: 'ffffffff-0000-4000-8000-000000000001', shareableId: 's-product-fr', viewerId: 'p-alice', network: 'linkedin', at: '2026-11-18T11:59:00Z', personalized: false };
    for (const [field, value] of [['shareableId', 's-product\u0000'], ['shareableId', '\ud800'], ['shareableId', 'x\udc00y']] as const) {
      const response = await call('POST', '/shares', { as: 'p-alice', key: `k-${field}-${value.length}-${value.charCodeAt(value.length - 1)}`, body: { ...event, [field]: value } });
      isRefusal(response, JSON.stringify(value));
      assert.equal(response.body.error.field, field);
    }
    const item = { ...(conformanceSeed().shareables?.[0] as object), id: 'ok', title: 'A\u0000B' };
    const put = await call('PUT', '/admin/shareables/ok', { as: ADMIN, body: item });
    isRefusal(put, 'title with a NUL');
    assert.equal(put.body.error.field, 'title');
  });

  it('a 10,000-deep JSON array: 400 (it used to overflow the stack of canonicalJson)', async () => {
    const deep = '['.repeat(10_000) + ']'.repeat(10_000);
    isRefusal(await call('POST', '/shares', { as: 'p-alice', key: 'deep', body: deep }), 'deep array on /shares');
    isRefusal(await call('POST', '/admin/import', { as: ADMIN, body: `{"charter":${deep}}` }), 'deep array in an import');
  });

  it('a guard policy is compiled before it is stored: an unsafe pattern is a 400 naming the field, and nothing changes', async () => {
    const before = (await call('GET', '/guard-policy', { as: 'p-alice' })).body;
    const unsafe = { version: 9, rules: [{ id: 'hang', kind: 'pattern', category: 'confidential', severity: 'block', pattern: '(a+)+$' }] };
    const response = await call('PUT', '/admin/guard-policy', { as: ADMIN, body: unsafe });
    isRefusal(response, 'unsafe pattern');
    assert.equal(response.body.error.field, 'rules[0].pattern');
    assert.deepEqual((await call('GET', '/guard-policy', { as: 'p-alice' })).body, before);
    const imported = await call('POST', '/admin/import', { as: ADMIN, body: { ...conformanceSeed(), guardPolicy: unsafe } });
    isRefusal(imported, 'unsafe pattern in an import');
    assert.equal(imported.body.error.field, 'guardPolicy.rules[0].pattern');
  });
});

describe('bad input: a seeded fuzz of every route (issue 20)', () => {
  const RUNS_PER_ROUTE = Number(process.env.RELAIS_FUZZ_RUNS ?? 200);
  const SEED = 20_2026;
  let call: Awaited<ReturnType<typeof testApp>>['client'];
  before(async () => {
    const { db, client } = await testApp();
    await replaceWithSeed(db, conformanceSeed());
    call = client;
  });

  // Text of every kind: NUL, lone surrogates, controls, emoji, long; URL-encoded as a client would (or not at all).
  const text = fc.oneof(fc.string({ unit: 'binary', maxLength: 40 }), fc.constantFrom('', '\u0000', '\ud800', '%', '%00', '..', '/', 'a'.repeat(600), 's-product-fr', 'p-alice', '1e400', '-1', '0', 'null'));
  const encode = (value: string) => {
    try {
      return encodeURIComponent(value);
    } catch {
      // A lone surrogate: %uD800 for each code unit, which no decoder accepts.
      return Array.from({ length: value.length }, (_, index) => `%u${value.charCodeAt(index).toString(16).padStart(4, '0')}`).join('');
    }
  };
  const segment = fc.oneof(text.map(encode), text.filter((value) => !/[/?#]/.test(value) && !unsafeText(value)).map((value) => value.replaceAll('%', '%25')));
  const query = (names: readonly string[]) =>
    fc.array(fc.tuple(fc.oneof(fc.constantFrom(...names), text), text), { maxLength: 5 }).map((pairs) => (pairs.length ? `?${pairs.map(([name, value]) => `${encode(name)}=${encode(value)}`).join('&')}` : ''));
  const cursor = fc.oneof(text, fc.tuple(fc.oneof(fc.double(), fc.integer()), text).map((key) => { try { return encodeCursor(key); } catch { return 'x'; } }), fc.jsonValue().map((value) => base64url(JSON.stringify(value) ?? 'null')));
  const shareablesQuery = fc.oneof(query(['category', 'lang', 'limit', 'cursor']), cursor.map((value) => `?cursor=${encode(value)}`));
  const leaderboardQuery = query(['period', 'scope', 'limit']);
  // Header values are bytes (Latin-1): what a client can send as an Idempotency-Key.
  const key = fc.oneof(fc.stringMatching(/^[\x21-\x7e\xa0-\xff]{1,300}$/), fc.constantFrom('k', ' ', 'k'.repeat(256)));
  const statsQuery = query(['by', 'from', 'to']);

  /** A valid body with one field replaced by anything, or any JSON, or text that is not JSON. */
  const body = (valid: Record<string, unknown>) =>
    fc.oneof(
      fc.tuple(fc.constantFrom(...Object.keys(valid), 'extra'), fc.oneof(fc.jsonValue(), text)).map(([field, value]) => ({ ...valid, [field]: value })),
      fc.jsonValue(),
      fc.constantFrom('{"id":', '[', '', '{"a":1}x', '['.repeat(5000)),
    );
  const seed = conformanceSeed();
  const share = { id: 'abababab-0000-4000-8000-000000000001', shareableId: 's-product-fr', viewerId: 'p-alice', network: 'linkedin', at: '2026-11-18T11:59:00Z', personalized: false };
  const ack = { viewerId: 'p-alice', charterId: 'charter-2026', version: 3, at: '2026-11-18T11:59:00Z' };
  const item = seed.shareables?.[0] as Record<string, unknown>;

  type Request = { method: string; path: string; body?: unknown; admin?: boolean; key?: string };
  const routes: Record<string, fc.Arbitrary<Request>> = {
    'GET /health': query(['x']).map((q) => ({ method: 'GET', path: `/health${q}` })),
    'GET /viewer': query(['x']).map((q) => ({ method: 'GET', path: `/viewer${q}` })),
    'GET /shareables': shareablesQuery.map((q) => ({ method: 'GET', path: `/shareables${q}` })),
    'GET /shareables/{id}': segment.map((id) => ({ method: 'GET', path: `/shareables/${id}` })),
    'GET /charter': query(['x']).map((q) => ({ method: 'GET', path: `/charter${q}` })),
    'GET /acknowledgments/{viewerId}': fc.tuple(segment, fc.boolean()).map(([id, admin]) => ({ method: 'GET', path: `/acknowledgments/${id}`, admin })),
    'GET /leaderboard': leaderboardQuery.map((q) => ({ method: 'GET', path: `/leaderboard${q}` })),
    'GET /guard-policy': query(['x']).map((q) => ({ method: 'GET', path: `/guard-policy${q}` })),
    'POST /shares': fc.tuple(body(share), key).map(([b, k]) => ({ method: 'POST', path: '/shares', body: b, key: k })),
    'POST /acknowledgments': fc.tuple(body(ack), key).map(([b, k]) => ({ method: 'POST', path: '/acknowledgments', body: b, key: k })),
    'PUT /admin/charter': body(seed.charter as Record<string, unknown>).map((b) => ({ method: 'PUT', path: '/admin/charter', body: b, admin: true })),
    'PUT /admin/shareables/{id}': fc.tuple(segment, body(item)).map(([id, b]) => ({ method: 'PUT', path: `/admin/shareables/${id}`, body: b, admin: true })),
    'DELETE /admin/shareables/{id}': segment.map((id) => ({ method: 'DELETE', path: `/admin/shareables/${id}`, admin: true })),
    'PUT /admin/guard-policy': fc.oneof(body(seed.guardPolicy as Record<string, unknown>), fc.tuple(text, fc.constantFrom('term', 'pattern', 'pii')).map(([value, kind]) => ({ version: 1, rules: [{ id: 'r', kind, category: 'confidential', severity: 'block', pattern: value, terms: [value], detector: value }] }))).map((b) => ({ method: 'PUT', path: '/admin/guard-policy', body: b, admin: true })),
    'POST /admin/import': body(seed as Record<string, unknown>).map((b) => ({ method: 'POST', path: '/admin/import', body: b, admin: true })),
    'GET /admin/acknowledgments.csv': query(['x']).map((q) => ({ method: 'GET', path: `/admin/acknowledgments.csv${q}`, admin: true })),
    'GET /admin/stats/shares': statsQuery.map((q) => ({ method: 'GET', path: `/admin/stats/shares${q}`, admin: true })),
  };

  it(`sends ${RUNS_PER_ROUTE} seeded cases to each of the ${Object.keys(routes).length} routes: no answer is 500 or more`, { timeout: 600_000 }, async () => {
    let sent = 0;
    const failures: string[] = [];
    for (const [name, requests] of Object.entries(routes)) {
      await fc.assert(
        fc.asyncProperty(requests, async (request) => {
          sent++;
          const response = await call(request.method, request.path, {
            as: request.admin ? ADMIN : 'p-alice',
            ...(request.body !== undefined ? { body: typeof request.body === 'string' ? request.body : JSON.stringify(request.body) } : {}),
            ...(request.key !== undefined ? { key: request.key } : {}),
          });
          if (response.status >= 500) failures.push(`${name}: ${request.method} ${request.path} ${JSON.stringify(request.body)?.slice(0, 200)} → ${response.status} ${response.text.slice(0, 200)}`);
          return response.status < 500;
        }),
        { numRuns: RUNS_PER_ROUTE, seed: SEED, endOnFailure: true },
      );
    }
    console.log(`fuzz: ${sent} requests sent to ${Object.keys(routes).length} routes, ${failures.length} answers ≥ 500`);
    assert.deepEqual(failures, []);
  });
});
