// `npm start`: installs what is missing, then serves the demo pages on the embedded demo data.
import { spawn, spawnSync } from 'node:child_process';
import { ensureDependencies } from './ensure-deps.mjs';

ensureDependencies();
// The plain-HTML demo page loads the script-tag bundle, as a page with no build step would.
const bundle = spawnSync('node', ['node_modules/.bin/vite', 'build', '--mode', 'iife', '--logLevel', 'warn'], { stdio: 'inherit' });
if (bundle.status !== 0) console.warn('The script-tag bundle did not build; demo/script-tag.html will not work.');
const port = process.env.PORT ?? '5173';
const demoUrl = `http://localhost:${port}/demo/`;
// Vite prints its own banner (its root, `/`, redirects to the demo); ours comes last, once the
// server listens, so that it is the line left on screen.
const server = spawn('node', ['node_modules/.bin/vite', '--port', port, '--strictPort'], { stdio: ['inherit', 'pipe', 'inherit'] });
let announced = false;
server.stdout.on('data', (chunk) => {
  process.stdout.write(chunk);
  if (!announced && /localhost:\d+/.test(String(chunk))) {
    announced = true;
    console.log(`\n  Relais demo: open ${demoUrl} in your browser (Ctrl+C to stop).\n`);
  }
});
server.on('exit', (code) => process.exit(code ?? 0));
