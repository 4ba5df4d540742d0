// Checks the package as users get it: packs it (`npm pack`, the files a registry would receive),
// then runs publint (package.json fields, exports pointing at files that exist, module formats)
// and Are the Types Wrong (every export point resolves to JavaScript and to its types, the way
// TypeScript resolves it for Node and for bundlers). Run after the build; works offline.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { wildcardExports } from './package-exports.mjs';

const { exports: exported } = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8'));
if (!existsSync('dist')) {
  console.error('dist/ is missing: run `npm run build` first.');
  process.exit(1);
}

// attw lists a wildcard export such as `./adapters/*` or `./*` without checking it: name each path
// it makes public (found from the built files), so that a module missing its types is reported.
const wildcardEntrypoints = wildcardExports(exported).map(({ subpath }) => subpath);

const packDir = mkdtempSync(join(tmpdir(), 'relais-pack-'));
let failed = 0;
try {
  const pack = spawnSync('npm', ['pack', '--json', '--pack-destination', packDir], { encoding: 'utf8', shell: process.platform === 'win32' });
  if (pack.status !== 0) throw new Error(`npm pack failed:\n${pack.stderr}`);
  const tarball = join(packDir, JSON.parse(pack.stdout)[0].filename);
  const checks = [
    ['publint', ['node_modules/publint/src/cli.js', 'run', tarball, '--strict']],
    ['attw', ['node_modules/@arethetypeswrong/cli/dist/index.js', tarball,
      // An ES-module-only package: `require()` and the pre-`exports` node10 resolution are not supported.
      '--profile', 'esm-only',
      // The script-tag bundle is for `<script src>`, not for `import`: it has no types to check.
      '--exclude-entrypoints', './relais.iife.js',
      ...(wildcardEntrypoints.length ? ['--include-entrypoints', ...new Set(wildcardEntrypoints)] : []),
      // Offline: do not ask the registry for an @types package of the same name.
      '--no-definitely-typed',
      '--no-emoji']],
  ];
  for (const [title, args] of checks) {
    console.log(`${title}:`);
    const { status } = spawnSync('node', args, { stdio: 'inherit' });
    if (status !== 0) {
      console.error(`${title} found problems in the packed package (exit code ${status}).`);
      failed++;
    }
  }
} finally {
  rmSync(packDir, { recursive: true, force: true });
}
process.exit(failed ? 1 : 0);
