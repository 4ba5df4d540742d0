// `npm run build`: the ES module build, the script-tag bundle and the .d.ts types, into dist/;
// custom-elements.json, and from it the reference sections of docs/<tag>.md.
// `node scripts/build.mjs --check-docs` (what `npm test` runs) leaves the docs alone and fails
// when the committed ones differ from what the manifest says, so CI catches JSDoc changed
// without its regenerated docs.
import { spawnSync } from 'node:child_process';
import { readFileSync, rmSync } from 'node:fs';
import { ensureDependencies } from './ensure-deps.mjs';
import { wildcardExports } from './package-exports.mjs';

const checkDocs = process.argv.includes('--check-docs');
ensureDependencies();
rmSync(new URL('../dist', import.meta.url), { recursive: true, force: true });

const steps = [
  ['ES module build', ['node_modules/.bin/vite', 'build', '--logLevel', 'warn']],
  ['script-tag bundle', ['node_modules/.bin/vite', 'build', '--mode', 'iife', '--logLevel', 'warn']],
  // The loader (a classic script) and the chunks it imports on demand, in dist/relais/.
  ['loader chunks', ['node_modules/.bin/vite', 'build', '--mode', 'loader-chunks', '--logLevel', 'warn']],
  ['loader', ['node_modules/.bin/vite', 'build', '--mode', 'loader', '--logLevel', 'warn']],
  // Readable whatever the page's charset: non-ASCII characters escaped in every built file.
  ['ASCII-only bundles', ['scripts/ascii-only.mjs']],
  ['type declarations', ['node_modules/.bin/tsc', '-p', 'tsconfig.build.json']],
  ['custom elements manifest', ['node_modules/.bin/custom-elements-manifest', 'analyze', '--config', 'custom-elements-manifest.config.mjs', '--quiet']],
  // Stale docs do not stop the build: the checks below still run, and the exit code says it.
  ['docs reference', ['scripts/docs-reference.mjs', ...(checkDocs ? ['--check'] : [])], { deferFailure: true }],
];
let deferredFailure;
for (const [title, args, { deferFailure = false } = {}] of steps) {
  const result = spawnSync('node', args, { stdio: 'inherit' });
  if (result.status !== 0) {
    console.error(`Build failed at: ${title}`);
    if (deferFailure) {
      deferredFailure = title;
      continue;
    }
    process.exit(result.status ?? 1);
  }
}
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
console.log(`Built dist/relais.js, dist/relais.iife.js, dist/types/ and custom-elements.json; docs/ references ${checkDocs ? 'checked' : 'written'}.`);
