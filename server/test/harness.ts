/**
 * What the server tests share: one database per test run (PGlite in memory, or a fresh schema
 * on the PostgreSQL of RELAIS_TEST_DATABASE_URL, dropped at the end), and a client for the app.
 */
import { randomBytes } from 'node:crypto';
import { createApp, type AppOptions } from '../app.js';
import { authenticator, type AuthOptions } from '../auth.js';
import { migrate, openDatabase, type Database } from '../db.js';

/** `pglite` or `postgres`: chosen by scripts/test-server.mjs for each run. */
export const BACKEND = process.env.RELAIS_SERVER_TEST_BACKEND === 'postgres' ? 'postgres' : 'pglite';

let shared: Promise<{ db: Database; schema?: string }> | undefined;

/** The run's database, migrated. Each test seeds what it needs (`replaceWithSeed`). */
export async function testDatabase(): Promise<Database> {
  shared ??= (async () => {
    if (BACKEND === 'postgres') {
      const databaseUrl = process.env.RELAIS_TEST_DATABASE_URL;
      if (!databaseUrl) throw new Error('RELAIS_SERVER_TEST_BACKEND=postgres needs RELAIS_TEST_DATABASE_URL');
      const schema = `relais_test_${process.pid}_${randomBytes(4).toString('hex')}`;
      const db = await openDatabase({ databaseUrl, schema, poolSize: 20 });
      await migrate(db);
      return { db, schema };
    }
    const db = await openDatabase({ dataDir: 'memory://' });
    await migrate(db);
    return { db };
  })();
  return (await shared).db;
}

/** Drops the run's schema (PostgreSQL) and closes the database. */
export async function closeTestDatabase(): Promise<void> {
  if (!shared) return;
  const { db, schema } = await shared;
  if (schema) await db.query(`DROP SCHEMA ${schema} CASCADE`);
  await db.close();
  shared = undefined;
}

export const NOW = new Date('2026-11-18T12:00:00.000Z');

/** The app on the run's database, header auth by default, "now" pinned. */
export async function testApp(options: Partial<AppOptions> & { auth?: AuthOptions } = {}) {
  const db = await testDatabase();
  const { auth = { mode: 'header' }, ...rest } = options;
  const app = createApp({ db, authenticate: authenticator(auth, db), now: () => NOW, ...rest });
  return { db, app, client: client(app) };
}

export interface Response {
  status: number;
  headers: Headers;
  /** Parsed JSON, or the text when the body is not JSON. */
  body: any; // eslint-disable-line @typescript-eslint/no-explicit-any
  text: string;
}

export interface Call {
  /** Header-mode identity: `X-Relais-User` and friends. */
  as?: string | { id: string; name?: string; team?: string; roles?: string };
  body?: unknown;
  key?: string;
  headers?: Record<string, string>;
}

export function client(app: { request: (path: string, init?: RequestInit) => globalThis.Response | Promise<globalThis.Response> }) {
  return async (method: string, path: string, call: Call = {}): Promise<Response> => {
    const headers: Record<string, string> = { ...identityHeaders(call.as) };
    if (call.body !== undefined) headers['content-type'] = 'application/json';
    if (call.key !== undefined) headers['idempotency-key'] = call.key;
    Object.assign(headers, call.headers);
    const response = await app.request(`/api/v1${path}`, {
      method,
      headers,
      ...(call.body !== undefined ? { body: typeof call.body === 'string' ? call.body : JSON.stringify(call.body) } : {}),
    });
    const text = await response.text();
    let body: unknown = text;
    try {
      body = JSON.parse(text);
    } catch {
      // Not JSON (CSV, an empty 204): keep the text.
    }
    return { status: response.status, headers: response.headers, body, text };
  };
}

function identityHeaders(as: Call['as']): Record<string, string> {
  if (as === undefined) return {};
  const who = typeof as === 'string' ? { id: as } : as;
  return {
    'x-relais-user': who.id,
    ...(who.name ? { 'x-relais-user-name': who.name } : {}),
    ...(who.team ? { 'x-relais-user-team': who.team } : {}),
    ...(who.roles ? { 'x-relais-roles': who.roles } : {}),
  };
}

export const ADMIN = { id: 'p-admin', name: 'Ada Admin', roles: 'admin' };
