// `npm run build`: the ES module build, the script-tag bundle and the .d.ts types, into dist/.
import { spawnSync } from 'node:child_process';
import { rmSync } from 'node:fs';
import { ensureDependencies } from './ensure-deps.mjs';

ensureDependencies();
rmSync(new URL('../dist', import.meta.url), { recursive: true, force: true });

const steps = [
  ['ES module build', ['node_modules/.bin/vite', 'build', '--logLevel', 'warn']],
  ['script-tag bundle', ['node_modules/.bin/vite', 'build', '--mode', 'iife', '--logLevel', 'warn']],
  ['type declarations', ['node_modules/.bin/tsc', '-p', 'tsconfig.build.json']],
  ['custom elements manifest', ['node_modules/.bin/custom-elements-manifest', 'analyze', '--config', 'custom-elements-manifest.config.mjs', '--quiet']],
];
for (const [title, args] of steps) {
  const result = spawnSync('node', args, { stdio: 'inherit' });
  if (result.status !== 0) {
    console.error(`Build failed at: ${title}`);
    process.exit(result.status ?? 1);
  }
}
console.log('Built dist/relais.js, dist/relais.iife.js, dist/types/ and custom-elements.json.');
