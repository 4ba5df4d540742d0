// Prints the size of what a page downloads, and checks the script-tag bundle's budget.
// Run after the build (`npm test` does both); exits 1 when a budget is exceeded.
import { readFileSync, existsSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { brotliCompressSync, gzipSync, constants } from 'node:zlib';

/**
 * gzip bytes allowed for the whole script-tag bundle (every element, the guard, the share intents,
 * lit, zod/mini, DOMPurify). Its history, so that each rise has its reason:
 * - 60 KB with the provider and the charter banner (2026-11).
 * - 2026-12-01, hardening asked for by the issues, 63.4 KB: a linear pattern engine for the guard
 *   (+2.4 KB; no third-party regex engine fitted, re2js alone is 46 KB), Trusted Types and a
 *   CSP-quiet sanitizing pass (+1.2 KB), per-item validation, timeouts and size caps (+1.5 KB),
 *   ASCII-only output for non-UTF-8 pages (+0.7 KB).
 * - then the banner's redesign (+1.3 KB), `shareIntent` on window.Relais (+1.6 KB), and a third
 *   element, <post-composer-guard> (+6.8 KB), less the builds' CSS minifying (-0.4 KB): 71.9 KB.
 * - 2026-12-01, 86 KB: the fourth element, <share-card>, the product's central use case (+8.1 KB:
 *   its model, view, styles and eight brand marks; it reuses the composer and the banner), and the
 *   RestAdapter with its durable outbox behind `data-adapter="rest"` (+3.8 KB, idb-keyval 0.5 KB
 *   of it), the "will sync" marks and the guard's unchanged-finding rendering (+0.4 KB): 84.9 KB.
 *   The next rise should be answered by the per-element loader, not by this budget.
 * The one-file bundle carries every element by design; a page that wants to pay only for what it
 * shows will use the per-element loader (DESIGN.md, "Distribution"), and each element alone has
 * its own budget below.
 */
const IIFE_GZIP_BUDGET = 86 * 1024;
/** gzip bytes allowed for one element imported alone (our code, without lit, zod, DOMPurify). */
// The composer carries the guard engine (20 KB); the share card carries the composer and the
// charter banner it holds (its import alone registers both), the share intents and its own model.
// 2026-12-01: each +1 KB for the "will sync" marks, the outbox's background errors and the guard's
// unchanged-finding rendering (charter-banner 25.8, post-composer-guard 36.0, share-card 54.1 KB).
const ELEMENT_GZIP_BUDGET = { 'charter-banner': 27 * 1024, 'post-composer-guard': 37 * 1024, 'share-card': 55 * 1024 };

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
  ["import 'relais/post-composer-guard' (ES, alone)", [...closure(join(dist, 'post-composer-guard.js'))]],
  ["import 'relais/share-card' (ES, alone)", [...closure(join(dist, 'share-card.js'))]],
  ["import 'relais/guard' (ES)", [...closure(join(dist, 'guard.js'))]],
  ["import 'relais/share' (ES)", [...closure(join(dist, 'share.js'))]],
];
let failed = false;
for (const [label, files] of rows) {
  const size = measure(files);
  console.log(`${label.padEnd(50)} ${kb(size.raw).padStart(9)} raw  ${kb(size.gzip).padStart(8)} gzip  ${kb(size.brotli).padStart(8)} brotli`);
  const element = Object.keys(ELEMENT_GZIP_BUDGET).find((tag) => label.includes(`'relais/${tag}'`));
  const budget = label.startsWith('dist/relais.iife.js') ? IIFE_GZIP_BUDGET : element ? ELEMENT_GZIP_BUDGET[element] : undefined;
  if (budget !== undefined) {
    const ok = size.gzip <= budget;
    failed ||= !ok;
    console.log(`  budget ${kb(budget)} gzip: ${ok ? 'OK' : 'EXCEEDED'}`);
  }
}
process.exit(failed ? 1 : 0);
