/**
 * The server's tests, in one process so that they share one database (PGlite takes seconds to
 * start): `node --import tsx server/test/run.ts` (scripts/test-server.mjs runs it on PGlite, and
 * on PostgreSQL when RELAIS_TEST_DATABASE_URL is set).
 */
import { after } from 'node:test';
import { closeTestDatabase } from './harness.js';

after(closeTestDatabase);

const only = process.env.RELAIS_SERVER_TEST_FILES?.split(',').filter(Boolean);
const files = ['contract', 'auth', 'idempotency', 'admin', 'limits', 'leaderboard-parity', 'migrations', 'openapi', 'conformance'];
for (const file of files) if (!only || only.includes(file)) await import(`./${file}.test.js`);
