// Runs one `*.browser.bench.ts` in headless Chromium: bundles it for the browser with esbuild,
// serves it on 127.0.0.1 from a throwaway folder, opens it, passes the page's console through and
// returns its exit code (`window.benchResult`). Uses the Chrome that the tests use (never downloads
// one), through puppeteer-core.
//
// The browser starts without its frame-rate limit and vsync: an animation frame then follows the
// page's work at once, so "to the next frame" measures the work and the paint rather than the
// wait for the display's next 16.7 ms tick.
import { build } from 'esbuild';
import { createServer } from 'node:http';
import { readFileSync, writeFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import puppeteer from 'puppeteer-core';
import { findChrome, installHelp } from './find-chrome.mjs';

const root = fileURLToPath(new URL('..', import.meta.url));

/** @returns {Promise<number>} 0 when the bench ran and met its budget. */
export async function runBrowserBench(entry, outDir) {
  const executablePath = findChrome();
  if (!executablePath) {
    console.error(installHelp);
    return 1;
  }
  const script = `${basename(entry, '.ts')}.js`;
  await build({
    entryPoints: [entry],
    outfile: join(outDir, script),
    bundle: true,
    platform: 'browser',
    format: 'esm',
    target: 'es2022',
    tsconfig: join(root, 'tsconfig.json'),
    define: { 'process.env.NODE_ENV': '"production"' },
    logLevel: 'warning',
  });
  const page = `<!doctype html><html lang="fr"><head><meta charset="utf-8"><title>bench</title></head>
<body style="font-family: system-ui, sans-serif"><script type="module" src="./${script}"></script></body></html>`;
  writeFileSync(join(outDir, 'index.html'), page);

  const server = createServer((request, response) => {
    const name = request.url === '/' ? 'index.html' : request.url.slice(1).split('?')[0];
    try {
      const body = readFileSync(join(outDir, basename(name)));
      response.setHeader('Content-Type', name.endsWith('.js') ? 'text/javascript; charset=utf-8' : 'text/html; charset=utf-8');
      response.end(body);
    } catch {
      response.statusCode = 404;
      response.end();
    }
  });
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  const browser = await puppeteer.launch({
    executablePath,
    headless: true,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-frame-rate-limit',
      '--disable-gpu-vsync',
      '--disable-background-timer-throttling',
      '--disable-renderer-backgrounding',
      '--host-resolver-rules=MAP * ~NOTFOUND , EXCLUDE localhost , EXCLUDE 127.0.0.1',
    ],
  });
  try {
    const tab = await browser.newPage();
    await tab.setViewport({ width: 1280, height: 900 });
    tab.on('console', (message) => console.log(message.text()));
    tab.on('pageerror', (error) => console.log(`page error: ${error.message}`));
    // RELAIS_BENCH_TRACE=trace.json: a Chromium performance trace of the run, to open in DevTools
    // (Performance panel) and see where a frame's time goes (script, style, layout, paint);
    // RELAIS_BENCH_TRACE_CATEGORIES=toplevel,devtools.timeline,blink.user_timing a lighter one, whose
    // tasks' thread times hold even on a loaded machine. RELAIS_BENCH_PROFILE=run.cpuprofile: V8's
    // CPU profile of the run (sampled every 50 µs), to open in DevTools as well.
    const trace = process.env.RELAIS_BENCH_TRACE;
    if (trace) await tab.tracing.start({ path: trace, categories: process.env.RELAIS_BENCH_TRACE_CATEGORIES?.split(',') ?? ['devtools.timeline', 'blink.user_timing', 'disabled-by-default-devtools.timeline'] });
    const profile = process.env.RELAIS_BENCH_PROFILE;
    const cdp = profile ? await tab.createCDPSession() : undefined;
    if (cdp) {
      await cdp.send('Profiler.enable');
      await cdp.send('Profiler.setSamplingInterval', { interval: 50 });
      await cdp.send('Profiler.start');
    }
    await tab.goto(`http://127.0.0.1:${server.address().port}/`);
    await tab.waitForFunction(() => 'benchResult' in globalThis, { timeout: 60_000 });
    const result = await tab.evaluate(() => globalThis.benchResult);
    if (cdp) writeFileSync(profile, JSON.stringify((await cdp.send('Profiler.stop')).profile));
    if (trace) {
      await tab.tracing.stop();
      console.log(`trace written to ${trace}`);
    }
    return result;
  } finally {
    await browser.close();
    server.close();
  }
}
