// `npm start`: installs what is missing, then serves the demo pages on the embedded demo data.
import { spawn } from 'node:child_process';
import { ensureDependencies } from './ensure-deps.mjs';

ensureDependencies();
const port = process.env.PORT ?? '5173';
console.log(`\nRelais demo: open http://localhost:${port}/demo/ in your browser (Ctrl+C to stop).\n`);
const server = spawn('node', ['node_modules/.bin/vite', '--port', port, '--strictPort', '--open', 'false'], { stdio: 'inherit' });
server.on('exit', (code) => process.exit(code ?? 0));
