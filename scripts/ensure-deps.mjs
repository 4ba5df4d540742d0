// Installs the dependencies on a fresh clone, so that `npm start` and `npm test` need no set-up step.
import { existsSync, statSync } from 'node:fs';
import { spawnSync } from 'node:child_process';

export function ensureDependencies() {
  const marker = new URL('../node_modules/.package-lock.json', import.meta.url);
  const lockfile = new URL('../package-lock.json', import.meta.url);
  // Installed, and not older than the lockfile (a pull that brought new dependencies installs them).
  if (existsSync(marker) && statSync(marker).mtimeMs >= statSync(lockfile).mtimeMs) return;
  console.log('Installing dependencies (npm ci)…');
  const result = spawnSync('npm', ['ci', '--no-audit', '--no-fund'], { stdio: 'inherit', shell: process.platform === 'win32' });
  if (result.status !== 0) {
    console.error('npm ci failed; see the messages above.');
    process.exit(result.status ?? 1);
  }
}
