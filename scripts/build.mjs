// `npm run build`: the ES module build, the script-tag files (the single file, the loader and its
// chunks, ASCII-only) and the .d.ts types, into dist/;
// custom-elements.json, and from it the reference sections of docs/<tag>.md.
// `node scripts/build.mjs --check-docs` (what `npm test` runs) leaves the docs alone and fails
// when the committed ones differ from what the manifest says, so CI catches JSDoc changed
// without its regenerated docs.
import { spawnSync } from 'node:child_process';
import { readFileSync, rmSync } from 'node:fs';
import { buildSteps, runSteps } from './build-steps.mjs';
import { ensureDependencies } from './ensure-deps.mjs';
import { wildcardExports } from './package-exports.mjs';

const checkDocs = process.argv.includes('--check-docs');
ensureDependencies();
rmSync(new URL('../dist', import.meta.url), { recursive: true, force: true });

// The steps are shared with `npm start` (scripts/build-steps.mjs): the script-tag files the demo
// serves are the bytes built here.
const { failed: deferredFailure, stopped, status } = runSteps(buildSteps({ checkDocs }));
if (stopped) process.exit(status);
// A wildcard export (`./adapters/*`, `./*` for the elements) needs each built module to have its
// types, and each types file its module. The other export paths are checked on the packed package by
// publint (every path exists) and attw (every one resolves to its types): scripts/check-package.mjs,
// which does not see a types file whose module is missing under a wildcard.
const { exports: exported } = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8'));
const missing = wildcardExports(exported).flatMap(({ subpath, missing: files }) => files.map((file) => `${subpath} → ${file}`));
if (missing.length) {
  console.error(`Wildcard export paths missing after the build:\n  ${missing.join('\n  ')}`);
  process.exit(1);
}
// The package follows the one list of elements (exports, side effects, folders).
if (spawnSync('node', ['scripts/check-element-list.mjs'], { stdio: 'inherit' }).status !== 0) process.exit(1);
if (deferredFailure) process.exit(1);
console.log(`Built dist/relais.js, dist/relais.iife.js, dist/relais.loader.js (chunks in dist/relais/), dist/types/ and custom-elements.json; docs/ references ${checkDocs ? 'checked' : 'written'}.`);
