// `npm test`: installs what is missing, then runs every check in order and ends with a plain
// "N passed, N failed" line. Stops at once, with advice, when no Chrome/Chromium is found.
import { spawnSync } from 'node:child_process';
import { readFileSync, rmSync, existsSync } from 'node:fs';
import { ensureDependencies } from './ensure-deps.mjs';

// The dependencies first: the browser finder is one of them (chrome-launcher's).
ensureDependencies();
const { findChrome, installHelp } = await import('./find-chrome.mjs');
const chrome = findChrome();
if (!chrome) {
  console.error(installHelp);
  process.exit(1);
}

const countsFile = new URL('../.test-counts.json', import.meta.url);
rmSync(countsFile, { force: true });

/** @param {string} title @param {string} cmd @param {string[]} args */
function step(title, cmd, args, env = {}) {
  console.log(`\n▶ ${title}`);
  const started = Date.now();
  const result = spawnSync(cmd, args, { stdio: 'inherit', env: { ...process.env, CHROME_PATH: chrome, ...env } });
  const seconds = ((Date.now() - started) / 1000).toFixed(1);
  const ok = result.status === 0;
  console.log(`${ok ? '✔' : '✘'} ${title} (${seconds} s)`);
  return ok;
}

const npx = (bin, ...args) => ['node', [`node_modules/.bin/${bin}`, ...args]];
let failedSteps = 0;
const run = (title, [cmd, args], env) => { if (!step(title, cmd, args, env)) failedSteps++; };

run('Type check (tsc --noEmit, strict)', npx('tsc', '--noEmit', '-p', 'tsconfig.json'));
run('Lint (ESLint with type information, lit-analyzer on templates)', ['node', ['scripts/lint.mjs']]);
run('Layer rules (dependency-cruiser: src/ apart from elements and entries, adapters behind their interface, guard without DOM, no cycle)', ['node', ['scripts/layers.mjs']]);
// --check-docs: the docs' reference sections must already match the manifest (they are committed).
run('Build (bundles, types, manifest; docs reference up to date)', ['node', ['scripts/build.mjs', '--check-docs']]);
// `npm start` serves the script-tag files byte for byte as built (its dev server transforms nothing in dist/).
run('Demo server serves dist/ as built (byte for byte, ASCII-only)', ['node', ['scripts/check-demo-serving.mjs']]);
run('Package checks (publint and attw on the packed package)', ['node', ['scripts/check-package.mjs']]);
const serverCountsFile = new URL('../.test-counts-server.json', import.meta.url);
rmSync(serverCountsFile, { force: true });
run('Server tests (PGlite, and PostgreSQL when RELAIS_TEST_DATABASE_URL is set)', ['node', ['scripts/test-server.mjs']], { RELAIS_SERVER_COUNTS_FILE: serverCountsFile.pathname });
run('Unit, component and end-to-end tests in headless Chromium', npx('wtr', '--config', 'web-test-runner.config.mjs'), { RELAIS_COUNTS_FILE: countsFile.pathname });
if (existsSync(new URL('./size.mjs', import.meta.url))) run('Bundle size budget', ['node', ['scripts/size.mjs']]);
// On a copy of the repository: a throwaway element added in the recipe's five places works everywhere.
run('Adding an element (CONTRIBUTING.md): a throwaway one is registered, exported, prefixed, sized, screenshotted', ['node', ['scripts/try-new-element.mjs']]);

let passed = 0;
let failed = 0;
for (const file of [countsFile, serverCountsFile]) {
  if (!existsSync(file)) continue;
  const counts = JSON.parse(readFileSync(file, 'utf8'));
  passed += counts.passed;
  failed += counts.failed;
}
failed += failedSteps;
console.log(`\n${passed} passed, ${failed} failed`);
process.exit(failed === 0 && passed > 0 ? 0 : 1);
