// `npm test` step: the layer rules of .dependency-cruiser.cjs, checked by dependency-cruiser over
// every source, test, demo and script. Violations known when a rule was written are listed in
// .dependency-cruiser-known-violations.json (each is being fixed by its owner): they are printed,
// not failed on; any other violation fails the step. Exits 1 with dependency-cruiser's report.
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';

const config = createRequire(import.meta.url)('../.dependency-cruiser.cjs');
const knownFile = '.dependency-cruiser-known-violations.json';
const known = JSON.parse(readFileSync(new URL(`../${knownFile}`, import.meta.url), 'utf8'));
const scope = ['src', 'components', 'entries', 'server', 'test', 'demo', 'scripts', '.size-limit.mjs', 'vite.config.ts'];

console.log(`Layer rules (.dependency-cruiser.cjs) over ${scope.join(', ')}:`);
for (const rule of config.forbidden) console.log(`  ${rule.name}: ${rule.comment}`);
if (known.length) {
  console.log(`Known violations, left to their owners (${knownFile}):`);
  for (const violation of known) console.log(`  ${violation.rule.name}: ${violation.from} → ${violation.to}${violation.dependencyTypes.includes('type-only') ? ' (type-only)' : ''}`);
}

const { status } = spawnSync(
  'node',
  [
    // dependency-cruiser reads TypeScript with TypeScript 6's API: see that file for why.
    '--import', './scripts/typescript-for-dependency-cruiser.mjs',
    'node_modules/dependency-cruiser/bin/dependency-cruise.mjs',
    '--config', '.dependency-cruiser.cjs', '--ignore-known', knownFile, '--output-type', 'err', ...scope,
  ],
  { stdio: 'inherit' },
);
if (status !== 0) {
  console.error('A layer rule is broken (see above): move the import to the layer that may make it, or, for a violation found when a rule is added, list it in the known-violations file with `npx depcruise-baseline` and name its owner.');
  process.exit(1);
}
console.log('Layer rules hold (no new violation).');
