// Installs the dependencies on a fresh clone, so that `npm start` and `npm test` need no set-up step.
import { existsSync } from 'node:fs';
import { spawnSync } from 'node:child_process';

export function ensureDependencies() {
  const marker = new URL('../node_modules/.package-lock.json', import.meta.url);
  if (existsSync(marker)) return;
  console.log('Installing dependencies (npm ci)…');
  const result = spawnSync('npm', ['ci', '--no-audit', '--no-fund'], { stdio: 'inherit', shell: process.platform === 'win32' });
  if (result.status !== 0) {
    console.error('npm ci failed; see the messages above.');
    process.exit(result.status ?? 1);
  }
}
