// `npm run test:server` (a step of `npm test`): the reference server's tests, on PGlite always,
// and also on PostgreSQL when RELAIS_TEST_DATABASE_URL is set (each run in a schema of its own,
// dropped at the end). Both runs go at once: the PostgreSQL run waits on the server, not the CPU.
// Writes the summed counts to RELAIS_SERVER_COUNTS_FILE when given. The counts come from the
// test events (scripts/test-counts-reporter.mjs writes them to a file), not from the spec output.
import { spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

// The server is not in the root tsconfig (it needs Node's types, the elements must not see them).
const typecheck = spawnSync(process.execPath, ['node_modules/.bin/tsc', '--noEmit', '-p', 'server/tsconfig.json'], { stdio: 'inherit' });
if (typecheck.status !== 0) {
  console.error('The server does not type-check (tsc -p server/tsconfig.json).');
  if (process.env.RELAIS_SERVER_COUNTS_FILE) writeFileSync(process.env.RELAIS_SERVER_COUNTS_FILE, JSON.stringify({ passed: 0, failed: 1 }));
  process.exit(1);
}

const backends = ['pglite', ...(process.env.RELAIS_TEST_DATABASE_URL ? ['postgres'] : [])];
if (backends.length === 1) console.log('Server tests on PGlite only (set RELAIS_TEST_DATABASE_URL=postgres://… to run them on PostgreSQL too).');

const countsFolder = mkdtempSync(join(tmpdir(), 'relais-server-tests-'));

/** @param {string} backend */
function run(backend) {
  const countsFile = join(countsFolder, `${backend}.json`);
  const reporters = ['--test-reporter=spec', '--test-reporter-destination=stdout', '--test-reporter=./scripts/test-counts-reporter.mjs', `--test-reporter-destination=${countsFile}`];
  return new Promise((resolve) => {
    const child = spawn(process.execPath, ['--import', 'tsx', ...reporters, 'server/test/run.ts'], {
      env: { ...process.env, RELAIS_SERVER_TEST_BACKEND: backend },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    child.stdout.on('data', (chunk) => (output += chunk));
    child.stderr.on('data', (chunk) => (output += chunk));
    child.on('close', (code) => {
      let counts = { passed: 0, failed: 0 };
      try {
        counts = JSON.parse(readFileSync(countsFile, 'utf8'));
      } catch {
        // No counts: the run died before its end, which the exit code below counts as a failure.
      }
      resolve({ backend, code, output, ...counts });
    });
  });
}

const results = await Promise.all(backends.map(run));
rmSync(countsFolder, { recursive: true, force: true });
let passed = 0;
let failed = 0;
for (const result of results) {
  // One block per run, so that the two runs' lines never interleave.
  console.log(`\n── server tests on ${result.backend} ──\n${result.output.trimEnd()}`);
  console.log(`${result.backend}: ${result.passed} passed, ${result.failed} failed`);
  passed += result.passed;
  failed += result.failed + (result.code !== 0 && result.failed === 0 ? 1 : 0);
}
if (process.env.RELAIS_SERVER_COUNTS_FILE) writeFileSync(process.env.RELAIS_SERVER_COUNTS_FILE, JSON.stringify({ passed, failed }));
console.log(`${passed} passed, ${failed} failed`);
process.exit(failed === 0 && passed > 0 ? 0 : 1);
