/**
 * The server's tests, in one process so that they share one database (PGlite takes seconds to
 * start; Node 20's `--test` runs each file in a process of its own): every `*.test.ts` under
 * server/test, found by name, so that a new file runs without being listed. `node --import tsx
 * server/test/run.ts` (scripts/test-server.mjs runs it on PGlite, and on PostgreSQL when
 * RELAIS_TEST_DATABASE_URL is set). RELAIS_SERVER_TEST_FILES=contract,auth runs only those files.
 */
import { readdirSync } from 'node:fs';
import { after } from 'node:test';
import { closeTestDatabase } from './harness.js';

after(closeTestDatabase);

const folder = new URL('./', import.meta.url);
const only = process.env.RELAIS_SERVER_TEST_FILES?.split(',').filter(Boolean);
const files = readdirSync(folder, { recursive: true, encoding: 'utf8' })
  .filter((file) => file.endsWith('.test.ts'))
  .sort();
for (const file of files) {
  const name = file.replaceAll('\\', '/').replace(/\.test\.ts$/, '');
  if (!only || only.includes(name)) await import(new URL(file.replace(/\.ts$/, '.js'), folder).href);
}
