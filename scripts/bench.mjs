// `npm run bench`: bundles every test/bench/*.bench.ts for Node with esbuild, runs each in its own
// process and passes its output through; a `*.browser.bench.ts` is bundled for the browser instead
// and run in a page of headless Chromium (scripts/bench-browser.mjs); then the reference server's
// bench (scripts/bench-server.mjs). `npm run bench <name>` runs the benches whose name contains it.
// Benchmarks are not tests: each prints its figures and its budgets, and exits non-zero only when
// a budget is clearly missed.
import { build } from 'esbuild';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const benchDir = join(root, 'test/bench');
const only = process.argv[2]; // optional: a substring of the bench file names to run
const files = readdirSync(benchDir)
  .filter((name) => name.endsWith('.bench.ts') && (!only || name.includes(only)))
  .sort();
// The reference server's bench (scripts/bench-server.mjs) runs last: `npm run bench server` alone.
const withServer = !only || 'server'.includes(only);

if (files.length === 0 && !withServer) {
  console.error(`No benchmark in ${benchDir}${only ? ` matching "${only}"` : ''}.`);
  process.exit(1);
}

const outDir = mkdtempSync(join(tmpdir(), 'relais-bench-'));
let failed = 0;
try {
  for (const name of files) {
    const outfile = join(outDir, name.replace(/\.ts$/, '.mjs'));
    if (name.endsWith('.browser.bench.ts')) {
      console.log(`\n▶ ${name} (Chromium)`);
      const { runBrowserBench } = await import('./bench-browser.mjs');
      if ((await runBrowserBench(join(benchDir, name), outDir)) !== 0) {
        failed++;
        console.log(`✘ ${name}: failed, or clearly missed a budget`);
      }
      continue;
    }
    await build({
      entryPoints: [join(benchDir, name)],
      outfile,
      bundle: true,
      platform: 'node',
      format: 'esm',
      target: 'node20',
      tsconfig: join(root, 'tsconfig.json'),
      define: { 'process.env.NODE_ENV': '"production"' },
      logLevel: 'warning',
    });
    console.log(`\n▶ ${name}`);
    const result = spawnSync(process.execPath, [outfile], { stdio: 'inherit' });
    if (result.status !== 0) {
      failed++;
      console.log(`✘ ${name}: failed, or clearly missed a budget (exit code ${result.status})`);
    }
  }
  if (withServer) {
    console.log('\n▶ reference server (scripts/bench-server.mjs)');
    // `npm run bench server -- --database-url postgres://…`: the options after the name go to it.
    const result = spawnSync(process.execPath, [join(root, 'scripts/bench-server.mjs'), ...process.argv.slice(3)], { stdio: 'inherit' });
    if (result.status !== 0) {
      failed++;
      console.log(`✘ reference server bench: failed (exit code ${result.status})`);
    }
  }
} finally {
  rmSync(outDir, { recursive: true, force: true });
}
process.exit(failed > 0 ? 1 : 0);
