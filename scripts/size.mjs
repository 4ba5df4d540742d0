// Prints the size of what a page downloads, and checks the script-tag bundle's budget.
// Run after the build (`npm test` does both); exits 1 when a budget is exceeded.
import { readFileSync, existsSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { brotliCompressSync, gzipSync, constants } from 'node:zlib';

/** gzip bytes allowed for the whole script-tag bundle (every element, the guard, lit, zod/mini, DOMPurify). */
const IIFE_GZIP_BUDGET = 60 * 1024;

const dist = new URL('../dist/', import.meta.url).pathname;
const kb = (bytes) => `${(bytes / 1024).toFixed(1)} KB`;

/** The file and every module it statically imports, as the browser would fetch them. */
function closure(entry, seen = new Set()) {
  if (seen.has(entry)) return seen;
  seen.add(entry);
  const code = readFileSync(entry, 'utf8');
  for (const match of code.matchAll(/(?:import|export)\s*(?:[^'"`;]*?from\s*)?["'](\.{1,2}\/[^"']+)["']/g)) {
    closure(resolve(dirname(entry), match[1]), seen);
  }
  return seen;
}

function measure(files) {
  const source = Buffer.concat(files.map((file) => readFileSync(file)));
  return {
    raw: source.length,
    gzip: gzipSync(source, { level: 9 }).length,
    brotli: brotliCompressSync(source, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }).length,
  };
}

if (!existsSync(join(dist, 'relais.iife.js'))) {
  console.error('dist/relais.iife.js is missing: run `npm run build` first.');
  process.exit(1);
}

const rows = [
  ['dist/relais.iife.js (script tag, everything)', [join(dist, 'relais.iife.js')]],
  ["import 'relais' (ES, without its dependencies)", [...closure(join(dist, 'relais.js'))]],
  ["import 'relais/charter-banner' (ES, alone)", [...closure(join(dist, 'charter-banner.js'))]],
  ["import 'relais/guard' (ES)", [...closure(join(dist, 'guard.js'))]],
];
let failed = false;
for (const [label, files] of rows) {
  const size = measure(files);
  console.log(`${label.padEnd(50)} ${kb(size.raw).padStart(9)} raw  ${kb(size.gzip).padStart(8)} gzip  ${kb(size.brotli).padStart(8)} brotli`);
  if (label.startsWith('dist/relais.iife.js')) {
    const ok = size.gzip <= IIFE_GZIP_BUDGET;
    failed ||= !ok;
    console.log(`  budget ${kb(IIFE_GZIP_BUDGET)} gzip: ${ok ? 'OK' : 'EXCEEDED'}`);
  }
}
process.exit(failed ? 1 : 0);
