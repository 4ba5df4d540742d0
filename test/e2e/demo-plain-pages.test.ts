/**
 * The demo's two pages without a build step, on the built files (`node scripts/build.mjs` first):
 * demo/plain.html loads only the single file (dist/relais.iife.js), demo/loader.html only the loader
 * (dist/relais.loader.js and its chunks). Each page has no module script; each loads with no console
 * warning or error, no uncaught exception and no CSP or Trusted Types violation under its own strict
 * policy, and its elements reach the state its viewer calls for.
 *
 * To hear the console from the first line, the page is opened as a copy (srcdoc) whose head starts
 * with the test pages' watchers; the demo files themselves hold no test script. The same page is
 * also opened at its own address, as a visitor gets it.
 */
import { expect, waitUntil } from '@open-wc/testing';
import { sendMouse } from '@web/test-runner-commands';
import { closePage, openPage, type PageWindow } from './helpers.js';

type Decided = HTMLElement & { state?: string };
type WatchedWindow = PageWindow & { pageErrors: ErrorEvent[] };

let frame: HTMLIFrameElement | undefined;

/** Opens a demo page as a copy with the console, error and CSP watchers first in its head. */
async function openWatched(page: string): Promise<WatchedWindow> {
  closePage();
  frame?.remove();
  const html = await (await fetch(`/demo/${page}`)).text();
  frame = document.createElement('iframe');
  frame.style.cssText = 'width: 1024px; height: 768px; border: 0; position: absolute; top: 0; left: 0';
  const loaded = new Promise((resolve) => frame!.addEventListener('load', resolve, { once: true }));
  // Addresses made absolute as well as a <base>: the preload scanner reads a srcdoc's addresses
  // against the test page before it sees the <base>.
  frame.srcdoc = html
    .replaceAll('data-src="./', `data-src="${location.origin}/demo/`) // Relais checks it against the page's address: about:srcdoc here
    .replaceAll('="./', '="/demo/')
    .replaceAll('="../dist/', '="/dist/')
    .replace('<head>', `<head><base href="/demo/${page}" /><script src="/test/e2e/pages/csp-watch.js"></script><script src="/test/e2e/pages/error-watch.js"></script>`);
  document.body.append(frame);
  await loaded;
  return frame.contentWindow as unknown as WatchedWindow;
}

/** Clicks like a person: a real mouse event at the middle of the element, in the watched page. */
async function click(element: HTMLElement): Promise<void> {
  element.scrollIntoView({ block: 'center' });
  const box = element.getBoundingClientRect();
  const frameBox = frame!.getBoundingClientRect();
  await sendMouse({ type: 'click', position: [Math.round(frameBox.left + box.left + box.width / 2), Math.round(frameBox.top + box.top + box.height / 2)] });
}

async function decided(win: Window, selector: string): Promise<Decided> {
  await waitUntil(
    () => {
      const state = win.document.querySelector<Decided>(selector)?.state;
      return state !== undefined && !['loading', 'not-configured'].includes(state);
    },
    `${selector} never decided`,
    { timeout: 8000 },
  );
  return win.document.querySelector(selector) as Decided;
}

/** The scripts the page requested from dist/, by path. */
const distScripts = (win: Window) =>
  win.performance
    .getEntriesByType('resource')
    .map((entry) => new URL(entry.name).pathname)
    .filter((path) => path.startsWith('/dist/') && path.endsWith('.js'));

/** Everything the page's own scripts said or threw that a visitor would find in the console. */
function consoleProblems(win: WatchedWindow): string[] {
  return [
    ...win.consoleMessages.map(({ level, text }) => `console.${level}: ${text}`),
    ...win.pageErrors.map((event) => `uncaught: ${event.message}`),
    ...win.cspViolations.map((violation) => `CSP: ${violation}`),
  ];
}

describe('the demo pages without a build step, on the built files', () => {
  beforeEach(() => {
    for (const key of Object.keys(localStorage)) if (key.startsWith('relais')) localStorage.removeItem(key);
  });
  after(() => {
    frame?.remove();
    closePage();
  });

  for (const [page, file] of [
    ['plain.html', '../dist/relais.iife.js'],
    ['loader.html', '../dist/relais.loader.js'],
  ] as const) {
    it(`${page} has one classic script, ${file.slice(3)}, and no module script`, async () => {
      const html = await (await fetch(`/demo/${page}`)).text();
      const scripts = [...new DOMParser().parseFromString(html, 'text/html').querySelectorAll('script')];
      // (The test server adds its own web socket script to every page it serves.)
      const own = scripts.filter((script) => !script.getAttribute('src')?.startsWith('/__web-dev-server'));
      expect(own.map((script) => script.getAttribute('src'))).to.deep.equal([file]);
      expect(own[0]!.type, 'a classic script').to.equal('');
      expect(html.replace(/<script[^>]*__web-dev-server[^>]*><\/script>/g, '')).not.to.match(/type="module"|import\s*\(|<script>/);
    });
  }

  it('plain.html: the single file alone, no console message, no violation; the new employee confirms the charter in the banner and the card opens', async () => {
    const win = await openWatched('plain.html');
    const banner = await decided(win, 'charter-banner');
    const card = await decided(win, 'share-card');
    expect(banner.state, `Benoît Caron has not read the charter (${consoleProblems(win).join('; ')})`).to.equal('prompt');
    expect(card.state, 'so the card waits for it').to.equal('gated');
    expect(distScripts(win)).to.deep.equal(['/dist/relais.iife.js']);
    const inBanner = (selector: string) => banner.shadowRoot!.querySelector<HTMLElement>(selector);
    await click(inBanner('[part~="checkbox"]')!);
    await click(inBanner('[part~="acknowledge-button"]')!);
    await waitUntil(() => card.state === 'ready', `the card did not open (state: ${card.state})`, { timeout: 5000 });
    expect(consoleProblems(win)).to.deep.equal([]);
  });

  it('loader.html: the loader and the chunks of what the page shows, no console message, no violation; the card is ready for a viewer who confirmed the charter', async () => {
    const win = await openWatched('loader.html');
    const card = await decided(win, 'share-card');
    const banner = await decided(win, 'charter-banner');
    expect(card.state, `Sophie Garnier confirmed the charter in force (${consoleProblems(win).join('; ')})`).to.equal('ready');
    expect(banner.state).to.equal('acknowledged');
    const scripts = distScripts(win);
    expect(scripts[0]).to.equal('/dist/relais.loader.js');
    expect(scripts, 'never the single file').not.to.include('/dist/relais.iife.js');
    expect(scripts.filter((path) => !path.startsWith('/dist/relais/')), 'everything else from the loader’s folder').to.deep.equal(['/dist/relais.loader.js']);
    expect(new Set(scripts).size, 'each chunk once').to.equal(scripts.length);
    expect(win.customElements.get('post-composer-guard'), 'the composer inside the card').not.to.equal(undefined);
    expect(consoleProblems(win)).to.deep.equal([]);
  });

  it('both pages also work opened at their own address, as a visitor gets them', async () => {
    for (const [page, script] of [
      ['plain.html', '/dist/relais.iife.js'],
      ['loader.html', '/dist/relais.loader.js'],
    ] as const) {
      const win = await openPage(`/demo/${page}`);
      const card = await decided(win, 'share-card');
      await decided(win, 'charter-banner');
      expect(card.shadowRoot, `${page}: the card rendered`).not.to.equal(null);
      expect(distScripts(win)[0], page).to.equal(script);
    }
  });
});
