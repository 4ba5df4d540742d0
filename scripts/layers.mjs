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

// dependency-cruiser reads TypeScript with TypeScript 6's API: see that file for why.
const cruise = (bin, ...args) => spawnSync('node', ['--import', './scripts/typescript-for-dependency-cruiser.mjs', `node_modules/dependency-cruiser/bin/${bin}`, '--config', '.dependency-cruiser.cjs', ...args, ...scope], { stdio: 'inherit' }).status;
// `--baseline`: writes today's violations as the known ones (when a rule is added, not to hide a new import).
if (process.argv.includes('--baseline')) process.exit(cruise('depcruise-baseline.mjs', '--output-to', knownFile));
if (cruise('dependency-cruise.mjs', '--ignore-known', knownFile, '--output-type', 'err') !== 0) {
  console.error('A layer rule is broken (see above): move the import to the layer that may make it. When a new rule finds violations that their owners will fix, list them with `node scripts/layers.mjs --baseline` and say who fixes each.');
  process.exit(1);
}
console.log('Layer rules hold (no new violation).');
