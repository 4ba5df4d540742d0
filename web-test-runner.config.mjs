// Runs every test in headless Debian Chromium; never downloads a browser.
import { esbuildPlugin } from '@web/dev-server-esbuild';
import { chromeLauncher } from '@web/test-runner-chrome';
import { fileURLToPath } from 'node:url';
import { defaultReporter } from '@web/test-runner';
import { existsSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { findChrome } from './scripts/find-chrome.mjs';
import { restServerPlugin } from './test/fixtures/rest-server-plugin.mjs';
import { sharePointServerPlugin } from './test/fixtures/sharepoint-server-plugin.mjs';
import { referencePlugin } from './test/fixtures/reference-plugin.mjs';
import { esBuildPlugin } from './test/fixtures/es-build-plugin.mjs';

const executablePath = findChrome();

// The end-to-end tests load dist/relais.iife.js: `npm test` builds it first; warn when a direct
// run of the test runner would test a missing or stale bundle.
const bundle = new URL('./dist/relais.iife.js', import.meta.url);
const newestSource = Math.max(
  ...['src', 'components', 'entries'].flatMap((folder) =>
    readdirSync(new URL(`./${folder}/`, import.meta.url), { recursive: true, withFileTypes: true })
      .filter((entry) => entry.isFile())
      .map((entry) => statSync(join(entry.parentPath, entry.name)).mtimeMs),
  ),
);
if (!existsSync(bundle) || statSync(bundle).mtimeMs < newestSource) {
  console.warn('\n⚠ dist/relais.iife.js is missing or older than the sources: the end-to-end tests need `npm run build` first (npm test does it).\n');
}
/** Counts passed and failed tests so that `npm test` can end on a plain "N passed, N failed" line. */
function countingReporter() {
  return {
    onTestRunFinished({ sessions }) {
      let passed = 0;
      let failed = 0;
      const walk = (suite) => {
        for (const test of suite.tests) {
          if (test.skipped) continue;
          if (test.passed) passed++;
          else failed++;
        }
        suite.suites.forEach(walk);
      };
      for (const session of sessions) {
        if (session.testResults) walk(session.testResults);
        // A file that failed to load, or failed outside any test, is a failure too.
        if (!session.passed && (session.errors?.length || !session.testResults)) failed++;
      }
      const file = process.env.RELAIS_COUNTS_FILE;
      if (file) writeFileSync(file, JSON.stringify({ passed, failed }));
    },
  };
}

export default {
  reporters: [defaultReporter(), countingReporter()],
  nodeResolve: true,
  files: ['test/**/*.test.ts'],
  // One page at a time: a page in a background tab gets no animation frames (fixture() waits
  // for one) and no focus (keyboard and dialog tests need it), however fast the machine is.
  concurrency: 1,
  browserStartTimeout: 60_000,
  testsFinishTimeout: 300_000,
  testFramework: { config: { timeout: 10_000 } },
  // An old intranet: test pages named `*windows-1252.html` are served in windows-1252, and a
  // script asked for with `?decoded-as=windows-1252` arrives as a browser that decodes scripts in
  // the page's encoding reads it (Firefox and Safari do, for a script served with no charset;
  // Chromium guesses UTF-8, so the test could not see the problem otherwise).
  middleware: [
    async (context, next) => {
      await next();
      if (context.path.endsWith('windows-1252.html')) context.set('Content-Type', 'text/html; charset=windows-1252');
      if (context.path.endsWith('.js') && context.query['decoded-as'] === 'windows-1252') {
        const body = context.body;
        const chunks = [];
        if (body && typeof body.pipe === 'function') for await (const chunk of body) chunks.push(Buffer.from(chunk));
        else chunks.push(Buffer.from(body ?? ''));
        context.body = new TextDecoder('windows-1252').decode(Buffer.concat(chunks));
        context.set('Content-Type', 'text/javascript; charset=utf-8');
      }
    },
  ],
  plugins: [
    // The reference server (PGlite in memory) behind a fault-injecting proxy, for the RestAdapter's
    // tests; started on the first test that asks for it, so other runs pay nothing.
    restServerPlugin(),
    // A SharePoint REST test server for SharePointAdapter (started on the first command).
    sharePointServerPlugin(),
    // Reference implementations the guard is compared with (twitter-text), bundled on demand.
    referencePlugin(),
    // A static server of its own for the ES build's page with an import map (nothing rewritten).
    esBuildPlugin(),
    esbuildPlugin({
      ts: true,
      tsconfig: fileURLToPath(new URL('./tsconfig.json', import.meta.url)),
      // 'auto': TypeScript is compiled, JavaScript is served as it is (with a fixed target, every
      // .js file went through esbuild too — the built bundles included, so the end-to-end tests
      // did not test the bytes users get).
      target: 'auto',
    }),
  ],
  browsers: [
    chromeLauncher({
      launchOptions: {
        executablePath,
        headless: true,
        args: [
          '--no-sandbox',
          '--disable-gpu',
          '--disable-background-networking',
          '--disable-component-update',
          '--disable-sync',
          '--no-first-run',
          '--disable-background-timer-throttling',
          '--disable-renderer-backgrounding',
          '--host-resolver-rules=MAP * ~NOTFOUND , EXCLUDE localhost , EXCLUDE 127.0.0.1',
        ],
      },
    }),
  ],
  // nanostores reads process.env.NODE_ENV; give the test page one.
  testRunnerHtml: (testFramework) => `<!doctype html>
<html lang="en">
  <head><script>window.process = { env: { NODE_ENV: 'development' } };</script></head>
  <body><script type="module" src="${testFramework}"></script></body>
</html>`,
};
