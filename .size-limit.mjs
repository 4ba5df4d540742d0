// Size budgets, checked by size-limit (`node scripts/size.mjs`, run by `npm test`, prints them as a
// table; `node_modules/.bin/size-limit` runs them alone). The rows follow the one list of elements:
// an element added to ELEMENTS gets its row and the default budget below by itself.
// Measured after the build: each row is what a page downloads, the entry and every module it
// statically imports, gzipped as one (level 9), as scripts/size.mjs has always measured it.
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { elementTags } from './scripts/element-list.mjs';

const root = dirname(fileURLToPath(import.meta.url));
const dist = resolve(root, 'dist');

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
 * - 2026-12-07 (issue 19), 90 KB: one-click fixes that read as French and English — planFix and
 *   its grammar tables (determiners, elision, contraction, figures' units; 4.2 KB gzip minified),
 *   the composer's preview and « Modifier » (its finding view, four strings in each language,
 *   styles; about 0.3 KB): measured 89.5 KB.
 * - 2026-12-07 (issue 18), 87 KB: the share flow rebuilt around one choice: the page's one charter
 *   flow (the registry, the banner's showCharter and its provider, the card's gate that replaces
 *   the embedded banner), the catalogue that names every action and the copy-link event kind, and
 *   the card's one network choice with its length rule measured in the model and its new strings:
 *   85.9 KB after the charter gate, 86.8 KB with all three (+0.9 KB together). The per-element
 *   loader is still the answer to the next rise.
 * The one-file bundle carries every element by design; a page that wants to pay only for what it
 * shows will use the per-element loader (DESIGN.md, "Distribution"), and each element alone has
 * its own budget below.
 */
// Both on one main (2026-12-07): 91.3 KB measured, budget 92 KB. Six of those KB are the price of
// correct French and of one share flow; issue 21's loader (the guard and its fixes loaded when a
// text is first edited) is where a news page gets them back.
// 2026-12-07 (issue 18, layouts, viewer, Mastodon), 93 KB: measured 92.3 KB (+1.0 KB): the compact
// and inline layouts' share dialog (ShareDialog, its styles, « Partager » and « Fermer » in both
// languages; the inline and compact rules that replaced the tooltips and the disclosure: about
// 0.7 KB), a Mastodon profile address or handle read for its server (about 0.15 KB), the sample
// viewer taken only where the page asks for it (a few bytes).
// 2026-12-07 (issue 18's banner and composer, issue 21's loader), 94 KB: measured 93.4 KB. The
// banner's real « Je confirme » with its error under the checkbox, the snooze wording and the
// composer's fixes (+0.3 KB); the data adapters and the charter's sanitizer behind `import()` so
// that the loader fetches them only when used — in this one file they stay, with their wrappers
// (+0.3 KB). The pages measured in Chromium (scripts/size-pages.mjs) are where that pays.
// 2026-12-07 (issue 19, guard-ready), 95 KB: measured 94.0 KB (+2.7 KB), the guard's share of
// issue 19 left after the fixes: X's URL grammar as twitter-text reads it (port, path with
// balanced parentheses, query, bare hosts; +1.3 KB gzip of source), the compile in slices (the
// automaton built in steps, compilePolicyInSlices; +1.7 KB), the composer's page cache of
// compiled guards by content hash (+0.8 KB), and planFix's last checks (plain strings fitted, a
// plural subject, elision with the word after, URLs as written; +0.4 KB), less what the
// minifier shares between them.
// Both on one main (2026-12-07): measured 96.2 KB, budget 97 KB.
// 2026-12-07 (issue 20), 92.5 KB: the RestAdapter's outbox per person on shared computers (each
// kept write's owner, the viewer asked of the server before kept writes go, 401 and 403 on viewerId
// keeping the write for its author, beforeSignOut on the adapter, the client and window.Relais) and
// the client's durable-first share (the points read after the write, or the item's when the write
// waits on the device): +0.5 KB gzip, measured 92.2 KB (94,384 bytes).
// All three on one main (2026-12-07): measured 97.0 KB, budget 98 KB (the outbox per person, +0.5 KB).
// 2026-12-07 (issue 21), 97.7 KB: the charter's body sanitized by the browser's HTML Sanitizer API
// where it exists (charter-sanitizer-native.ts: DOMPurify's tag and attribute lists and checks as
// rules on the nodes setHTML kept, +0.7 KB gzip); the single file holds both paths, DOMPurify
// for browsers without the API. // Then the guard behind `import()` for the loader's pages, and the composer's « waiting » state with
// its two strings in each language: 98.3 KB, budget 99 KB.
// Both (the guard on demand, the native sanitizer) on one main: measured 99.1 KB, budget 100 KB.
// Then the banner behind `import()` in the share card's gate (the loader's card pages: -6.6 KB): in
// this one file the bundler wraps the banner's modules for a lazy start, +1.3 KB: 100.4 KB, budget 101 KB.
// 2026-12-07 (issue 22), 109 KB: the fifth element, <ambassador-leaderboard> (its view, styles,
// the window that renders the rows in view, the pictures requested on screen, its model and
// avatar colours: 5.7 KB of the file by the source map), its strings in both languages in the one
// catalogue (about 1.5 KB, the privacy lines included), and the leaderboard contract's three new
// fields (avatarUrl, members, recentShares): measured 108.2 KB. Issue 21's per-element strings
// would take the catalogue's share off the pages that do not show a leaderboard.
// Then the leaderboards parsed faster by the schema's rules (src/model/leaderboard-parse.ts, +0.4
// KB) and the catalogue's last leaderboard strings: measured 108.8 KB, budget 110 KB.
// 2026-12-07 (issue 21), each element's strings in a part of its own: measured 109.4 KB (+0.5 KB:
// the file still holds every string, now grouped by element rather than by language, which gzip
// finds a little less alike, and the in-place upgrade fix of ClientController.bind); with the
// new-element proof's <sample-note>, 109.7 KB. Budget kept at 110 KB (never raised).
// 2026-12-07 (issue 19, X counts like X), 111.5 KB: measured 109.5 then 111.1 KB (112,079 then
// 113,761 bytes, +1,682): twitter-text's URL pattern ported rule by rule (src/guard/urls.ts: where
// a URL may start, hosts glued to any script, a refused match passed over, the IDNA and
// 4,096-character checks, NFC; +1.2 KB) and the top-level domains that end a host
// (src/guard/top-level-domains.ts: every country domain and 120 common generic ones, +0.4 KB; the
// whole ASCII list would have been +3.5 KB, its 155 domains in other scripts +1 KB more). Raised
// by 1.5 KB, less than measured.
// Then the guard policy parsed in slices by the validating boundary (src/model/guard-policy-parse.ts),
// the leaderboard entries reused when read again, and the first number format made in idle time:
// measured 111.4 KB, and 111.6 KB with the new-element proof's <sample-note>, over the budget by
// 0.1 KB. Budget 112 KB: back to room for one more element, as every budget keeps.
// 2026-12-08 (issue 19), 116.5 KB: the 1,044 rarer generic top-level domains that end a URL on X
// (src/guard/top-level-domains-rest.ts, companies' own among them: .axa, .bnpparibas, .sncf,
// .orange), loaded with the guard's engine: measured 111.8 then 115.3 KB (+2.8 KB for the list,
// +0.7 KB for the guard's first check in a task of its own, the emoji selectors and the board
// parse's comparison). Raised by the measured bytes, keeping 1 KB for one more element.
const IIFE_GZIP_BUDGET = 116.5 * 1024;
/** gzip bytes allowed for one element imported alone (our code, without lit, zod, DOMPurify). */
// The composer carries the guard engine (20 KB); the share card carries the composer and the
// charter banner it holds (its import alone registers both), the share intents and its own model.
// 2026-12-01: each +1 KB for the "will sync" marks, the outbox's background errors and the guard's
// unchanged-finding rendering (charter-banner 25.8, post-composer-guard 36.0, share-card 54.1 KB).
// 2026-12-07 (issue 17), post-composer-guard 38 KB and charter-banner 28 KB: the element base every
// element now extends (client, one model per client, view, states, errors, status lines, once in
// the kit's shared chunk: +0.8 KB to the composer alone, +0.7 KB to the banner alone), the kit's
// one palette with the guard's severity colours (+0.3 KB to the banner), and the guard's messages
// in a chunk of their own (+0.2 KB to the composer). Measured: composer 37.4, banner 27.0 KB. The
// script-tag bundle, which had each element carry its own copy of that wiring, moved by +0.3 KB.
// 2026-12-07 (issue 19), post-composer-guard 43 KB and share-card 59 KB (it holds the composer):
// planFix, the guard's one function that fits a suggestion to its sentence (5.3 KB gzip as the ES
// build ships it, unminified: grammar tables of French and English determiners, elision,
// contraction, figures' units and scales, and the comments that say why), and the composer's fix
// preview and « Modifier » (finding-view.ts, strings, styles: 0.6 KB). Measured: composer 42.2,
// share-card 58.8 KB.
// 2026-12-07 (issue 18), share-card 56 KB: the one network choice (its control, the share button,
// the length rule measured in the model with the guard's length module), the charter gate and
// the page's one charter flow, and the actions' catalogue: measured 55.7 KB (+1.6 KB over 54.1).
// Both on one main (2026-12-07): banner 28.1 KB (the page's one charter flow, +1.1 KB: budget 29),
// composer 42.6 KB (43), share card 60.6 KB (61).
// 2026-12-07 (issue 18, layouts, Mastodon), share card 62 KB: measured 61.7 KB (+1.1 KB over 60.6):
// the compact and inline layouts' share dialog (share-dialog.ts, the dialog's and the layouts'
// styles, two strings in each language, the sticky share row: about 0.9 KB) and the Mastodon profile and handle
// parsing in the share intents (about 0.15 KB).
// 2026-12-07 (issue 19, guard-ready), composer 47 KB and share card 65 KB: the same four items
// as the script-tag bundle's (X's URL grammar, the compile in slices, the page cache of compiled
// guards, planFix's last checks), unminified: measured composer 45.8 KB (+3.2 KB), share card
// 63.7 KB (+3.1 KB).
// Both on one main (2026-12-07): composer 46.0 KB (47), share card 63.9 KB (65), banner 27.2 KB (29;
// its sanitizer is now a module of its own, imported when the full text is first opened).
// 2026-12-07 (issue 22), ambassador-leaderboard 29 KB: like the banner alone, it carries the kit,
// the client and the validating layer (20 KB of it is what every element shares); its own view,
// styles, row window, model and avatars are the rest: measured 28.1 KB.
// Then every element alone carries the leaderboard's strings (one catalogue) and the faster
// leaderboard parse of the validating layer (+0.5 KB each, unminified): banner 29.1 KB (30),
// leaderboard 28.9 KB (30), and the smallest element the new-element proof adds, 20.9 KB: the
// default budget 22 KB.
// 2026-12-07 (issue 21, per-element strings): each element alone carries the common strings and
// its own part, no longer the one catalogue (src/i18n/parts/). Measured before then after: banner
// 29.1 then 23.5 KB, composer 32.5 then 27.2 KB (its guard has loaded on demand since issue 21's
// loader), share card 50.4 then 48.0 KB (it holds the composer), leaderboard 29.3 then 24.5 KB, the
// new-element proof's <sample-note> 20.9 then 14.5 KB: budgets lowered to the figures with about
// 1 KB of room (banner 25, composer 29, share card 49, leaderboard 26, the default 16 KB).
// 2026-12-07 (issue 19, X counts like X): the composer and the card carry the guard's length
// module, now with twitter-text's URL pattern and the top-level domains (see the single file's
// note), unminified: composer 27.5 then 29.2 KB (budget 30), share card 48.3 then 49.9 KB (50.5).
const ELEMENT_GZIP_BUDGET = { 'charter-banner': 25 * 1024, 'post-composer-guard': 30 * 1024, 'share-card': 50.5 * 1024, 'ambassador-leaderboard': 26 * 1024 };
// Any other element alone, <relais-provider> (8.4 KB, 2026-12-07) and a new one: an element that
// needs more gets its own line above, with its reason.
const DEFAULT_ELEMENT_GZIP_BUDGET = 16 * 1024;

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

/**
 * size-limit measures files one by one; a page's modules are measured as one text, as before, so
 * the module graph is joined into one file under node_modules/.cache (not in dist/, which is published).
 */
const joined = resolve(root, 'node_modules/.cache/relais-size');
function joinedClosure(name, entry) {
  if (!existsSync(entry)) return entry; // size-limit then says the file is missing
  mkdirSync(joined, { recursive: true });
  const file = resolve(joined, `${name}.js`);
  writeFileSync(file, Buffer.concat([...closure(entry)].map((module) => readFileSync(module))));
  return file;
}

const row = (name, entry, budget) => ({
  name,
  path: joinedClosure(name.replace(/[^a-z0-9]+/gi, '-').replace(/^-|-$/g, ''), entry),
  gzip: true,
  ...(budget === undefined ? {} : { limit: `${budget} B` }),
});

export default [
  { name: 'dist/relais.iife.js (script tag, everything)', path: resolve(dist, 'relais.iife.js'), gzip: true, limit: `${IIFE_GZIP_BUDGET} B` },
  row("import 'relais' (ES, without its dependencies)", resolve(dist, 'relais.js')),
  // <relais-provider> has a row too: every element of the list is measured alone.
  ...elementTags().map((tag) => row(`import 'relais/${tag}' (ES, alone)`, resolve(dist, 'elements', `${tag}.js`), ELEMENT_GZIP_BUDGET[tag] ?? DEFAULT_ELEMENT_GZIP_BUDGET)),
  row("import 'relais/guard' (ES)", resolve(dist, 'guard.js')),
  row("import 'relais/share' (ES)", resolve(dist, 'share.js')),
];
