// Prints the size of what a page downloads, and checks the budgets: the rows and budgets are
// `.size-limit.mjs` (built from the list of elements), measured by size-limit's file plugin; this
// prints them as plain lines, raw, gzip (what the budgets count) and brotli. Run after the build
// (`npm test` does both); exits 1 when a budget is exceeded or a file is missing.
import { existsSync } from 'node:fs';
import sizeLimit from 'size-limit';
import filePlugin from '@size-limit/file';
import rows from '../.size-limit.mjs';
import { measurePages } from './size-pages.mjs';

if (!existsSync(new URL('../dist/relais.iife.js', import.meta.url))) {
  console.error('dist/relais.iife.js is missing: run `npm run build` first.');
  process.exit(1);
}
const missing = rows.filter(({ path }) => !existsSync(path));
if (missing.length) {
  console.error(`Not built, so not measured:\n  ${missing.map(({ name, path }) => `${name}: ${path}`).join('\n  ')}`);
  process.exit(1);
}

/** Sizes of every row, with the given compression options of @size-limit/file. */
const measure = (compression) => sizeLimit([filePlugin], { checks: rows.map(({ path }) => ({ files: [path], ...compression })) });
const [raw, gzip, brotli] = await Promise.all([measure({ brotli: false }), measure({ gzip: true }), measure({ brotli: true })]);

const kb = (bytes) => `${(bytes / 1024).toFixed(1)} KB`;
let failed = false;
rows.forEach(({ name, limit }, index) => {
  console.log(`${name.padEnd(50)} ${kb(raw[index].size).padStart(9)} raw  ${kb(gzip[index].size).padStart(8)} gzip  ${kb(brotli[index].size).padStart(8)} brotli`);
  if (limit === undefined) return;
  const budget = Number.parseInt(limit, 10); // `${bytes} B`
  const ok = gzip[index].size <= budget;
  failed ||= !ok;
  console.log(`  budget ${kb(budget)} gzip: ${ok ? 'OK' : `EXCEEDED by ${kb(gzip[index].size - budget)}`}`);
});
// Then what pages download, in Chromium, through the loader and the single file.
const pagesWithinBudget = await measurePages();
process.exit(failed || !pagesWithinBudget ? 1 : 0);
