// `node scripts/size-chunks.mjs [page] [--after]`: what one page of the size report
// (scripts/size-pages.mjs) downloads, file by file in the order Chromium requested them, each
// with its gzip size and the sources that fill it (their share of its gzip size, from its
// source map). `page` is a part of a page's name ("banner", "share-card", "every"); `--after`
// also does the page's first action. For size work: which module to defer, and what it weighs
// on the page. Run `npm run build` first.
import { join } from 'node:path';
import puppeteer from 'puppeteer-core';
import { findChrome, installHelp } from './find-chrome.mjs';
import { PAGES, gzipSize, serve, sourcesOf } from './size-pages.mjs';

const root = new URL('..', import.meta.url).pathname;
const KB = 1024;
const wanted = process.argv.slice(2).find((arg) => !arg.startsWith('--')) ?? 'share-card';
const index = PAGES.findIndex((page) => page.name.includes(wanted));
if (index < 0) {
  console.error(`No page of the size report is named with "${wanted}": ${PAGES.map((page) => page.name).join('; ')}.`);
  process.exit(1);
}
const page = PAGES[index];
const after = process.argv.includes('--after') && page.interact;
const executablePath = findChrome();
if (!executablePath) {
  console.error(installHelp);
  process.exit(1);
}

/** `node_modules/zod/v4/core/schemas.js` → `zod/v4/core/schemas.js`; our sources from the repository's root. */
const shortName = (source) => source.replace(/^(\.\.\/)+/, '').replace(/^.*node_modules\//, '');

const server = await serve();
const browser = await puppeteer.launch({ executablePath, headless: true, args: ['--no-sandbox', '--disable-gpu'] });
try {
  const tab = await browser.newPage();
  const requested = [];
  tab.on('requestfinished', (request) => {
    const path = new URL(request.url()).pathname;
    if (path.endsWith('.js') && !requested.some((file) => file.path === path)) requested.push({ path, first: !after || !firstDone });
  });
  let firstDone = false;
  await tab.goto(`http://127.0.0.1:${server.address().port}/__size/${index}.html`, { waitUntil: 'networkidle0' });
  await tab.waitForFunction((tag) => globalThis.document.querySelector(tag)?.shadowRoot, { timeout: 20_000 }, page.ready);
  firstDone = true;
  if (after) {
    await tab.evaluate(page.interact);
    await tab.waitForNetworkIdle({ idleTime: 300 });
  }
  console.log(`${page.name}${after ? ', then its first action' : ''}: ${requested.length} script file(s)`);
  let total = 0;
  for (const { path, first } of requested) {
    const file = join(root, path);
    const bytes = gzipSize(file);
    total += bytes;
    let sources = [];
    try {
      sources = [...sourcesOf(file)].sort((a, b) => b[1] - a[1]);
    } catch {
      // A file without a source map (the loader): its size alone.
    }
    const generated = sources.reduce((sum, [, size]) => sum + size, 0) || 1;
    const parts = sources
      .filter(([, size]) => (size / generated) * bytes >= 0.05 * KB)
      .map(([source, size]) => `${shortName(source)} ${((size / generated) * bytes / KB).toFixed(1)}`);
    console.log(`${(bytes / KB).toFixed(1).padStart(6)} KB  ${first ? 'first' : 'after'}  ${path}${parts.length ? `\n          ${parts.join(', ')}` : ''}`);
  }
  console.log(`${(total / KB).toFixed(1).padStart(6)} KB in all`);
} finally {
  await browser.close();
  server.close();
}
