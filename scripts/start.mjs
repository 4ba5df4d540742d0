// `npm start`: installs what is missing, then serves the demo pages on the embedded demo data.
import { spawn, spawnSync } from 'node:child_process';
import { ensureDependencies } from './ensure-deps.mjs';

ensureDependencies();
// The plain-HTML demo page loads the script-tag bundle, as a page with no build step would.
const bundle = spawnSync('node', ['node_modules/.bin/vite', 'build', '--mode', 'iife', '--logLevel', 'warn'], { stdio: 'inherit' });
if (bundle.status !== 0) console.warn('The script-tag bundle did not build; demo/script-tag.html will not work.');
const port = process.env.PORT ?? '5173';
console.log(`\nRelais demo: open http://localhost:${port}/demo/ in your browser (Ctrl+C to stop).\n`);
const server = spawn('node', ['node_modules/.bin/vite', '--port', port, '--strictPort'], { stdio: 'inherit' });
server.on('exit', (code) => process.exit(code ?? 0));
