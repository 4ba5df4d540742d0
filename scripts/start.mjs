// `npm start`: installs what is missing, starts the reference server (server/, PGlite in
// .relais-demo, apart from the server's own .relais-data; the demo data imported at first start, RELAIS_AUTH=demo), then serves the
// demo pages, which reach the server on their own origin (/api, proxied by Vite). When the server
// cannot start, the demo still runs, on the static data file, and says so.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { buildSteps, removeScriptTagOutputs, runSteps } from './build-steps.mjs';
import { ensureDependencies } from './ensure-deps.mjs';

ensureDependencies();
// The plain-HTML demo pages (demo/plain.html, demo/loader.html) load the script-tag files as a
// page with no build step would: built by the build's own steps (scripts/build-steps.mjs, the
// 'script-tag' group: the same Vite builds, then ASCII-only), so they are the bytes `npm run build`
// writes, and Vite's dev server hands them over untouched (vite.config.ts, servedAsBuilt).
removeScriptTagOutputs();
const bundles = runSteps(buildSteps().filter(({ group }) => group === 'script-tag'));
if (bundles.failed) console.warn('The script-tag files did not build; demo/plain.html and demo/loader.html will not work.');
const port = process.env.PORT ?? '5173';
const apiPort = process.env.RELAIS_PORT ?? '8787';
const demoUrl = `http://localhost:${port}/demo/`;
// The demo's own folder, never inside the server's (`npm run server` uses .relais-data): the
// demo's resets and imports never touch real data, and each folder has its own lock.
const dataDir = process.env.RELAIS_DATA_DIR ?? '.relais-demo';
if (!process.env.RELAIS_DATA_DIR && existsSync('.relais-data/demo')) {
  console.log('Relais: the demo now keeps its data in .relais-demo; the old .relais-data/demo folder is no longer used (delete it at will).');
}
/** Starting PGlite takes seconds, many on a busy machine; past this the demo goes on without it. */
const SERVER_START_TIMEOUT = 120_000;

const serverEnv = {
  ...process.env,
  NODE_ENV: 'development',
  RELAIS_AUTH: 'demo',
  RELAIS_DATA_DIR: dataDir,
  PORT: apiPort,
  HOST: '127.0.0.1',
  RELAIS_CORS_ORIGINS: `http://localhost:${port}`,
};
const tsx = 'node_modules/.bin/tsx';

/** Starts the reference server; resolves its child process once it listens, or undefined (and why) when it cannot. */
async function startReferenceServer() {
  if (!existsSync(dataDir)) {
    console.log(`Relais: first start: importing demo/data/advocacy.json into the reference server (${dataDir})…`);
    const imported = spawnSync('node', [tsx, 'server/cli.ts', 'import', 'demo/data/advocacy.json'], { stdio: 'inherit', env: serverEnv });
    if (imported.status !== 0) return { reason: 'the demo data could not be imported' };
  }
  const child = spawn('node', [tsx, 'server/cli.ts'], { stdio: ['ignore', 'pipe', 'inherit'], env: serverEnv });
  return new Promise((resolve) => {
    const timer = setTimeout(() => {
      child.kill();
      resolve({ reason: `it did not answer within ${SERVER_START_TIMEOUT / 1000} s` });
    }, SERVER_START_TIMEOUT);
    child.on('exit', (code) => {
      clearTimeout(timer);
      resolve({ reason: `it stopped (exit code ${code})` });
    });
    child.stdout.on('data', (chunk) => {
      process.stdout.write(chunk);
      if (/Relais server: http/.test(String(chunk))) {
        clearTimeout(timer);
        resolve({ child });
      }
    });
  });
}

const started = await startReferenceServer();
if (!started.child) {
  console.warn(`\n  Relais: the reference server did not start (${started.reason}); the demo uses the static data file instead.\n`);
}
const viteEnv = started.child ? { ...process.env, RELAIS_DEMO_API_TARGET: `http://127.0.0.1:${apiPort}`, VITE_RELAIS_DEMO_SERVER: '1' } : process.env;
// Vite prints its own banner (its root, `/`, redirects to the demo); ours comes last, once the
// server listens, so that it is the line left on screen.
const vite = spawn('node', ['node_modules/.bin/vite', '--port', port, '--strictPort'], { stdio: ['inherit', 'pipe', 'inherit'], env: viteEnv });
let announced = false;
vite.stdout.on('data', (chunk) => {
  process.stdout.write(chunk);
  if (!announced && /localhost:\d+/.test(String(chunk))) {
    announced = true;
    const source = started.child
      ? `on the reference server (http://127.0.0.1:${apiPort}/api/v1, data in ${dataDir}): shares and acknowledgments persist across browsers`
      : 'on the static data file (the reference server did not start)';
    console.log(`\n  Relais demo: open ${demoUrl} in your browser, ${source} (Ctrl+C to stop).\n`);
  }
});
const stopAll = (code) => {
  started.child?.kill();
  // Stopped by a signal (Ctrl+C reaches every process; `kill <pid>` only this one): Vite goes too.
  if (vite.exitCode === null) vite.kill();
  process.exit(code ?? 0);
};
vite.on('exit', stopAll);
process.once('SIGINT', () => stopAll(0));
process.once('SIGTERM', () => stopAll(0));
started.child?.on('exit', (code) => {
  if (!vite.killed) console.warn(`\n  Relais: the reference server stopped (exit code ${code}); the demo pages on it will show errors. Restart npm start.\n`);
});
