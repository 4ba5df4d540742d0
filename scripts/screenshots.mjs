// `npm run screenshots`: renders every state of every element at 1280 and 390 px wide, light and
// dark, into screenshots/ (not committed), with the machine's Chromium — never a downloaded one.
// <relais-provider> renders nothing of its own; <charter-banner> is shot in each mode.
import { mkdirSync } from 'node:fs';
import { createServer } from 'vite';
import puppeteer from 'puppeteer-core';
import { findChrome } from './find-chrome.mjs';

const out = new URL('../screenshots/', import.meta.url).pathname;
mkdirSync(out, { recursive: true });

const STATES = ['loading', 'error', 'not-configured', 'prompt-first-time', 'prompt-new-version', 'prompt-renewal', 'snoozed', 'last-snooze', 'acknowledged', 'not-required'];
const MODES = ['banner', 'inline', 'dialog'];
const VIEWPORTS = [
  { width: 1280, height: 800 },
  { width: 390, height: 844 },
];
const only = process.argv[2] ? new RegExp(process.argv[2]) : undefined;

const server = await createServer({ logLevel: 'error', server: { port: 0, host: '127.0.0.1' } });
await server.listen();
const { port } = server.httpServer.address();
const browser = await puppeteer.launch({
  executablePath: findChrome(),
  headless: true,
  args: ['--no-sandbox', '--disable-gpu', '--host-resolver-rules=MAP * ~NOTFOUND , EXCLUDE localhost , EXCLUDE 127.0.0.1'],
});

const shots = [];
for (const mode of MODES) {
  for (const state of STATES) shots.push({ mode, state });
  shots.push({ mode, state: 'prompt-first-time', open: 'full-text' });
}
let count = 0;
try {
  const page = await browser.newPage();
  for (const { mode, state, open } of shots) {
    for (const viewport of VIEWPORTS) {
      for (const theme of ['light', 'dark']) {
        const name = `charter-banner-${mode}-${open ? `${open}-open` : state === 'prompt-first-time' && mode === 'dialog' ? 'dialog-open' : state}-${viewport.width}-${theme}`;
        if (only && !only.test(name)) continue;
        await page.setViewport({ ...viewport, deviceScaleFactor: 1 });
        await page.emulateMediaFeatures([{ name: 'prefers-color-scheme', value: theme }]);
        const query = new URLSearchParams({ mode, state, theme, ...(open ? { open } : {}) });
        await page.goto(`http://127.0.0.1:${port}/scripts/screenshots/harness.html?${query}`);
        await page.waitForSelector('body[data-ready]', { timeout: 20_000 });
        await new Promise((resolve) => setTimeout(resolve, 50)); // one paint for the dialogs' top layer
        await page.screenshot({ path: `${out}${name}.png` });
        count++;
      }
    }
  }
} finally {
  await browser.close();
  await server.close();
}
console.log(`${count} screenshots in screenshots/`);
