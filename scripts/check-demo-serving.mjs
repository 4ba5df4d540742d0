// `npm start` serves the built script-tag files as they are: this starts the demo's dev server (the
// same Vite config `npm start` uses) on a free port, asks it for every file the script-tag steps
// wrote (dist/relais.iife.js, dist/relais.loader.js, dist/relais/…) and for each demo page without
// a module script, and fails unless each answer is byte for byte the file on disk — and each
// JavaScript file ASCII-only. Run after the build (`npm test` does, after `node scripts/build.mjs`).
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createServer } from 'vite';
import { SCRIPT_TAG_OUTPUTS } from './build-steps.mjs';

const root = fileURLToPath(new URL('../', import.meta.url));
const dist = join(root, 'dist');
if (!existsSync(join(dist, 'relais.iife.js'))) {
  console.error('check-demo-serving: dist/relais.iife.js is missing; run `node scripts/build.mjs` first.');
  process.exit(1);
}

/** Every file under `folder`, or the file itself. */
const filesOf = (path) =>
  statSync(path).isDirectory()
    ? readdirSync(path, { recursive: true, withFileTypes: true }).filter((entry) => entry.isFile()).map((entry) => join(entry.parentPath, entry.name))
    : [path];
const built = SCRIPT_TAG_OUTPUTS.map((output) => join(dist, output)).filter(existsSync).flatMap(filesOf);
const plainPages = readdirSync(join(root, 'demo'))
  .filter((name) => name.endsWith('.html'))
  .map((name) => join(root, 'demo', name))
  .filter((file) => !readFileSync(file, 'utf8').includes('type="module"'));

const server = await createServer({ root, configFile: join(root, 'vite.config.ts'), logLevel: 'error', server: { port: 0, host: '127.0.0.1', hmr: false } });
await server.listen();
const { port } = server.httpServer.address();
const problems = [];
try {
  for (const file of [...built, ...plainPages]) {
    const path = `/${relative(root, file).split('\\').join('/')}`;
    const response = await fetch(`http://127.0.0.1:${port}${path}`);
    const served = Buffer.from(await response.arrayBuffer());
    if (!response.ok) problems.push(`${path}: HTTP ${response.status}`);
    else if (!served.equals(readFileSync(file))) problems.push(`${path}: served ${served.length} bytes, not the ${statSync(file).size} bytes built`);
    // eslint-disable-next-line no-control-regex -- "every ASCII character" starts at U+0000
    else if (file.endsWith('.js') && !/^[\x00-\x7f]*$/.test(served.toString('latin1'))) problems.push(`${path}: not ASCII-only`);
  }
} finally {
  await server.close();
}
if (problems.length) {
  console.error(`check-demo-serving: the demo server does not serve what the build wrote:\n  ${problems.join('\n  ')}`);
  process.exit(1);
}
console.log(`check-demo-serving: ${built.length} built file(s) and ${plainPages.length} plain demo page(s) served byte for byte as on disk.`);
