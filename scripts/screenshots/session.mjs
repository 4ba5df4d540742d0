// What both screenshot scripts start with: the demo's Vite dev server on a free port, and the
// machine's Chromium (never a downloaded one) that reaches no host but this one.
import { mkdirSync } from 'node:fs';
import { createServer } from 'vite';
import puppeteer from 'puppeteer-core';
import { findChrome } from '../find-chrome.mjs';

/** The folder the shots go to (screenshots/, not committed), made if missing. */
export const SHOTS_DIR = new URL('../../screenshots/', import.meta.url).pathname;

/** Starts the server and the browser; `close()` stops both. */
export async function screenshotSession({ hmr = true } = {}) {
  mkdirSync(SHOTS_DIR, { recursive: true });
  const server = await createServer({ logLevel: 'error', server: { port: 0, host: '127.0.0.1', ...(hmr ? {} : { hmr: false }) } });
  await server.listen();
  const { port } = server.httpServer.address();
  const browser = await puppeteer.launch({
    executablePath: findChrome(),
    headless: true,
    args: ['--no-sandbox', '--disable-gpu', '--host-resolver-rules=MAP * ~NOTFOUND , EXCLUDE localhost , EXCLUDE 127.0.0.1'],
  });
  return {
    server,
    port,
    browser,
    close: async () => {
      await browser.close();
      await server.close();
    },
  };
}
