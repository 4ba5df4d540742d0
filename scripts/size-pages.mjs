// What a page downloads, measured in Chromium from the requests it actually makes: plain HTML pages
// (generated here) load the built files of dist/ from a local static server; every script the page
// requests is counted once, gzipped at level 9 as a server would send it. Each page is measured as
// it first shows, then after what the employee does first (edits the card's text, opens the
// charter), which is when lazy parts load. For the single file, each part's share comes from its
// source map. Run after the build; `node scripts/size.mjs` runs it and fails past a budget.
import { createReadStream, existsSync, readFileSync, statSync } from 'node:fs';
import { createServer } from 'node:http';
import { extname, join, normalize } from 'node:path';
import { gzipSync } from 'node:zlib';
import puppeteer from 'puppeteer-core';
import { findChrome, installHelp } from './find-chrome.mjs';

const root = new URL('..', import.meta.url).pathname;
const KB = 1024;

/**
 * The pages, and their budgets in gzip KB. Issue 21 asks for one card ≤ 30 / 55 KB, one banner
 * ≤ 22 / 32 KB, every element ≤ 60 / 85 KB and the single file ≤ 85 KB (printed as targets).
 * The budgets are the figures measured on 2026-12-07, so that nothing grows while the lazy parts
 * bring them down to the targets. With the loader alone (every part in chunks, nothing deferred)
 * the pages weighed card 97.5, banner 65.3, every element 97.8 KB — more than the single file
 * (91.9 KB), as each chunk is compressed alone. Then the data adapter a page names is imported
 * when used (-2.5 KB) and the charter's sanitizer when its full text is first opened (-12 KB
 * before any interaction): card 83.7, banner 50.8 then 63.1, every element 84.0 then 96.3 KB; with
 * issue 19's guard (X's URL grammar, the compile in slices): card 86.4, every element 86.7 then 99.0 KB.
 * Then the guard in a card loads when its text is first focused or edited: card 73.0 KB, 88.5 KB after.
 * Then the banner in a card loads only when the card's gate has to open the charter itself (a
 * locked card on a page without a banner): card 66.5 KB, 82.0 KB after.
 * Each budget keeps about 1 KB of room: a new element's strings reach every page through the one
 * catalogue (the new-element proof, scripts/try-new-element.mjs, measures a page with them).
 * Then the browser's own sanitizer where it exists (Chromium 156's `Element.setHTML`, with Relais's
 * rules on top; DOMPurify only for the others): banner 51.1 then 53.8 KB (63.7 without the API),
 * every element 86.9 then 89.6 KB (budgets with the same 1 KB of room).
 * Then the fifth element, <ambassador-leaderboard> (issue 22), now on the every-element pages: its
 * chunk is 7.1 KB; its strings in both languages reach every page through the one catalogue
 * (+1.3 to +2.3 KB): card 68.8 then 84.3 KB, banner 53.4 then 56.1 KB (66.0 without the API),
 * every element 98.4 then 101.1 KB, the single file 108.2 KB. With the faster leaderboard parse
 * (+0.4 KB on every page): card 69.1 then 84.5, banner 53.8 then 56.5 (66.5), every element 98.5
 * then 101.3, the single file 108.6 KB; budgets keep about 1 KB of room.
 * Then each element's strings in a part of its own (src/i18n/parts/), loaded with the element, the
 * common ones shared (measured 2026-12-07 on the same main, before then after): card 68.2 then
 * 64.7 KB, 83.6 then 81.4 KB after; banner 53.0 then 47.7 KB, 55.7 then 50.4 KB after (65.6 then
 * 60.4 without the API); every element 97.7 then 98.3 KB, 100.4 then 101.0 KB after (it shows
 * every element, so it loads every string, in more chunks; and on main its leaderboard, upgraded
 * in place under the script tag's client, threw in its constructor and loaded nothing more: it
 * renders now); the single file 108.9 then 109.4 KB (each language's strings no longer side by
 * side for gzip). Budgets lowered to the figures with about 1 KB of room; a new element's strings
 * now reach only the pages that show it (and the single file).
 * Then X's URLs as twitter-text finds them (issue 19: src/guard/urls.ts and the top-level domains,
 * in the card's first load with its length rule; measured on the same main, before then after):
 * card 65.2 then 66.8 KB, 81.8 then 83.3 KB after; every element 98.8 then 100.4 KB, 101.6 then
 * 103.1 KB after; the single file 109.5 then 111.1 KB. Budgets raised by 1.5 KB, less than or as
 * much as measured; the banner's pages do not change.
 * Then the guard policy parsed in slices, leaderboard entries reused when read again, the first
 * number format in idle time: card 67.1 then 83.7 KB, banner 48.5 then 51.2 KB, every element
 * 100.8 then 103.5 KB (0.1 KB over with the new-element proof's element), the single file 111.4 KB
 * (111.6 with it). Every element after the first action and the single file: budgets 104 and 112 KB,
 * room for one more element again.
 * Then (issue 19) the 1,044 rarer generic top-level domains of X's list, loaded with the guard's
 * engine (2.8 KB gzipped: companies' own domains, .axa, .sncf, .orange, are among them; the card's
 * first paint does not carry them): card after the first action 83.8 then 87.3 KB; every element
 * (its composer loads the engine at once) 100.9 then 104.4 KB, 103.6 then 107.1 KB after; the
 * single file 111.5 then 115.3 KB. Budgets raised by the measured bytes, with the same room.
 * Then the ranking rules (src/leaderboard/rules.ts) out of the data chunk, imported by the memory
 * adapter on a board's first reading, and the leaderboard's parse imported by the validating
 * adapter on its first board: card 67.1 then 65.0 KB, 87.3 then 85.3 KB after; banner 48.2 then
 * 46.2 KB, 50.9 then 48.9 KB after (60.8 then 58.8 without the API); every element 104.4 then
 * 105.0 KB, 107.1 then 107.7 KB after (it shows a leaderboard: two more requests, each chunk
 * compressed alone). Budgets lowered to the new figures where they fell.
 * Still to defer: the charter flow in a card whose viewer has acknowledged, and the validation
 * schemas an element does not use.
 */
export const PAGES = [
  {
    name: 'one <share-card> (viewer already acknowledged), loader',
    body: '<script src="/dist/relais.loader.js" data-adapter="static" data-src="/demo/data/advocacy.json" data-viewer-id="p-02"></script><share-card></share-card>',
    ready: 'share-card',
    interact: "document.querySelector('share-card').shadowRoot.querySelector('[part~=\"composer\"]').shadowRoot.querySelector('textarea').focus()",
    budget: { first: 66, after: 86.5 },
    target: { first: 30, after: 55 },
  },
  {
    name: 'one <charter-banner>, loader',
    body: '<script src="/dist/relais.loader.js" data-adapter="static" data-src="/demo/data/advocacy.json" data-viewer-id="p-07"></script><charter-banner></charter-banner>',
    ready: 'charter-banner',
    interact: "document.querySelector('charter-banner').shadowRoot.querySelector('[part~=\"read-button\"]')?.click()",
    budget: { first: 47.5, after: 50 },
    target: { first: 22, after: 32 },
  },
  {
    // Firefox and Safari (no HTML Sanitizer API yet): the full text brings DOMPurify (issue 21's
    // native path: Chromium 156 sanitizes with setHTML and downloads only Relais's rules, above).
    name: 'one <charter-banner>, loader, browser without the HTML Sanitizer API',
    body: '<script>Object.defineProperty(Element.prototype, "setHTML", { value: undefined })</script><script src="/dist/relais.loader.js" data-adapter="static" data-src="/demo/data/advocacy.json" data-viewer-id="p-07"></script><charter-banner></charter-banner>',
    ready: 'charter-banner',
    interact: "document.querySelector('charter-banner').shadowRoot.querySelector('[part~=\"read-button\"]')?.click()",
    budget: { first: 47.5, after: 60 },
    target: { first: 22, after: 32 },
  },
  {
    name: 'every element, loader',
    body: '<script src="/dist/relais.loader.js" data-adapter="static" data-src="/demo/data/advocacy.json" data-viewer-id="p-07"></script><charter-banner></charter-banner><share-card></share-card><post-composer-guard></post-composer-guard><ambassador-leaderboard></ambassador-leaderboard>',
    ready: 'share-card',
    interact: "document.querySelector('charter-banner').shadowRoot.querySelector('[part~=\"read-button\"]')?.click()",
    budget: { first: 106, after: 108.5 },
    target: { first: 60, after: 85 },
  },
  {
    name: 'relais.iife.js, every element (the single file)',
    body: '<script src="/dist/relais.iife.js" data-adapter="static" data-src="/demo/data/advocacy.json" data-viewer-id="p-07"></script><charter-banner></charter-banner><share-card></share-card><post-composer-guard></post-composer-guard><ambassador-leaderboard></ambassador-leaderboard>',
    ready: 'share-card',
    budget: { first: 116.5 },
    target: { first: 85 },
    parts: 'dist/relais.iife.js',
  },
];

const TYPES = { '.js': 'text/javascript', '.json': 'application/json', '.html': 'text/html', '.map': 'application/json' };

/** Serves the repository (dist/, demo/data/) and the generated pages under /__size/<index>.html. */
export function serve() {
  const server = createServer((request, response) => {
    const path = decodeURIComponent(new URL(request.url, 'http://x').pathname);
    const page = /^\/__size\/(\d+)\.html$/.exec(path);
    if (page) {
      response.setHeader('content-type', 'text/html; charset=utf-8');
      response.end(`<!doctype html><html lang="fr"><head><meta charset="utf-8"><title>size</title></head><body>${PAGES[Number(page[1])].body}</body></html>`);
      return;
    }
    const file = normalize(join(root, path));
    if (!file.startsWith(root) || !existsSync(file) || !statSync(file).isFile()) {
      response.statusCode = 404;
      response.end();
      return;
    }
    response.setHeader('content-type', TYPES[extname(file)] ?? 'application/octet-stream');
    createReadStream(file).pipe(response);
  });
  return new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve(server)));
}

export const gzipSize = (file) => gzipSync(readFileSync(file), { level: 9 }).length;

/** The bytes of generated code each source of a built file holds, from its source map (paths as the map writes them). */
export function sourcesOf(file) {
  const map = JSON.parse(readFileSync(`${file}.map`, 'utf8'));
  const code = readFileSync(file, 'utf8');
  const lines = code.split('\n');
  const bySource = new Map();
  // Decode the VLQ mappings: each segment's generated column up to the next one belongs to its source.
  const chars = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';
  let source = 0;
  map.mappings.split(';').forEach((line, lineIndex) => {
    let column = 0;
    const segments = line ? line.split(',') : [];
    const decoded = segments.map((segment) => {
      const values = [];
      let value = 0;
      let shift = 0;
      for (const char of segment) {
        const digit = chars.indexOf(char);
        value += (digit & 31) << shift;
        if (digit & 32) shift += 5;
        else {
          values.push(value & 1 ? -(value >>> 1) : value >>> 1);
          value = 0;
          shift = 0;
        }
      }
      column += values[0];
      if (values.length > 1) source += values[1];
      return { column, source: values.length > 1 ? source : undefined };
    });
    decoded.forEach((segment, index) => {
      if (segment.source === undefined) return;
      const end = index + 1 < decoded.length ? decoded[index + 1].column : (lines[lineIndex] ?? '').length;
      const name = map.sources[segment.source];
      bySource.set(name, (bySource.get(name) ?? 0) + Math.max(0, end - segment.column));
    });
  });
  return bySource;
}

/** Each source's share of a built file, grouped by package or by folder of src/ and components/. */
function partsOf(file) {
  const bySource = sourcesOf(file);
  const group = (name) => {
    const path = name.replace(/^(\.\.\/)+/, '');
    const pkg = /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(path);
    if (pkg) return pkg[1];
    const [first, second] = path.split('/');
    return first === 'src' || first === 'components' ? `${first}/${second.replace(/\.ts$/, '')}` : first;
  };
  const groups = new Map();
  for (const [name, bytes] of bySource) groups.set(group(name), (groups.get(group(name)) ?? 0) + bytes);
  const total = [...groups.values()].reduce((a, b) => a + b, 0);
  return [...groups].sort((a, b) => b[1] - a[1]).map(([name, bytes]) => ({ name, share: bytes / total }));
}

/** Measures every page; returns whether each stayed within its budget. */
export async function measurePages() {
  const executablePath = findChrome();
  if (!executablePath) {
    console.error(installHelp);
    return false;
  }
  const server = await serve();
  const { port } = server.address();
  const browser = await puppeteer.launch({ executablePath, headless: true, args: ['--no-sandbox', '--disable-gpu', '--host-resolver-rules=MAP * ~NOTFOUND , EXCLUDE 127.0.0.1'] });
  let ok = true;
  try {
    console.log('\nWhat a page downloads, measured in Chromium from its requests (scripts, gzip -9):');
    for (const [index, page] of PAGES.entries()) {
      const tab = await browser.newPage();
      const requested = new Set();
      tab.on('requestfinished', (request) => {
        const url = new URL(request.url());
        if (url.pathname.endsWith('.js')) requested.add(url.pathname);
      });
      await tab.goto(`http://127.0.0.1:${port}/__size/${index}.html`, { waitUntil: 'networkidle0' });
      // Runs in the page, not in Node: its globals are the page's.
      await tab.waitForFunction((tag) => globalThis.document.querySelector(tag)?.shadowRoot, { timeout: 20_000 }, page.ready);
      const total = () => [...requested].reduce((sum, path) => sum + gzipSize(join(root, path)), 0);
      const first = total();
      let after;
      if (page.interact) {
        await tab.evaluate(page.interact);
        await tab.waitForNetworkIdle({ idleTime: 300 });
        after = total();
      }
      const line = (label, bytes, budget, target) => {
        const within = budget === undefined || bytes <= budget * KB;
        ok &&= within;
        return `    ${label.padEnd(26)} ${(bytes / KB).toFixed(1).padStart(6)} KB   budget ${budget} KB: ${within ? 'OK' : `EXCEEDED by ${((bytes - budget * KB) / KB).toFixed(1)} KB`}   (target ${target} KB)`;
      };
      console.log(`  ${page.name}: ${requested.size} script file(s)`);
      console.log(line('before any interaction', first, page.budget.first, page.target.first));
      if (after !== undefined) console.log(line('after the first action', after, page.budget.after, page.target.after));
      if (page.parts) {
        const bytes = gzipSize(join(root, page.parts));
        const shares = partsOf(join(root, page.parts)).filter(({ share }) => share >= 0.01);
        console.log(`    its parts (share of ${(bytes / KB).toFixed(1)} KB, from the source map): ${shares.map(({ name, share }) => `${name} ${(share * 100).toFixed(0)} %`).join(', ')}`);
      }
      await tab.close();
    }
  } finally {
    await browser.close();
    server.close();
  }
  return ok;
}

if (import.meta.url === `file://${process.argv[1]}`) process.exit((await measurePages()) ? 0 : 1);
