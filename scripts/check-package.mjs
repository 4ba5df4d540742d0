// Checks the package as users get it: packs it (`npm pack`, the files a registry would receive),
// then runs publint (package.json fields, exports pointing at files that exist, module formats)
// and Are the Types Wrong (every export point resolves to JavaScript and to its types, the way
// TypeScript resolves it for Node and for bundlers). Run after the build; works offline.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const { exports: exported } = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8'));
if (!existsSync('dist')) {
  console.error('dist/ is missing: run `npm run build` first.');
  process.exit(1);
}

// attw lists a wildcard export such as `./adapters/*` without checking it: name each module it
// matches, in the JavaScript and in the types, so that a module missing either is reported.
const wildcardEntrypoints = Object.entries(exported)
  .filter(([subpath]) => subpath.includes('*'))
  .flatMap(([subpath, targets]) => Object.values(typeof targets === 'string' ? { default: targets } : targets).flatMap((target) => {
    const folder = target.slice(0, target.lastIndexOf('/'));
    const [prefix, suffix] = target.slice(target.lastIndexOf('/') + 1).split('*');
    if (!existsSync(folder)) return [];
    return readdirSync(folder)
      .filter((name) => name.startsWith(prefix) && name.endsWith(suffix))
      .map((name) => subpath.replace('*', name.slice(prefix.length, name.length - suffix.length)))
      // A name with an export path of its own (`./adapters/rest`) is checked as that path.
      .filter((path) => !(path in exported));
  }));

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
