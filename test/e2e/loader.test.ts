/**
 * The loader (`dist/relais.loader.js` and its chunks in `dist/relais/`) on plain HTML pages under
 * a strict CSP with Trusted Types enforced: it registers only the elements a page shows, imports
 * each chunk once, upgrades tags added later, and lets two prefixes live side by side.
 */
import { expect, waitUntil } from '@open-wc/testing';
import { closePage, openPage, type PageWindow } from './helpers.js';

type Decided = HTMLElement & { state?: string };

/** The chunks of the loader's folder the page requested, by file name, with how many times each. */
function chunksRequested(win: PageWindow): Map<string, number> {
  const counts = new Map<string, number>();
  for (const entry of win.performance.getEntriesByType('resource')) {
    const match = /\/dist\/relais\/([^/?#]+\.js)/.exec(entry.name);
    if (match) counts.set(match[1]!, (counts.get(match[1]!) ?? 0) + 1);
  }
  return counts;
}

/** What tells the sanitizers' chunks apart: a key of the Sanitizer API's configuration, and a DOMPurify option. */
const NATIVE_SANITIZER = 'removeElements';
const DOMPURIFY = 'ALLOWED_URI_REGEXP';

/** Whether one of the chunks the page requested holds `marker`. */
async function chunkHolding(win: PageWindow, marker: string): Promise<boolean> {
  const texts = await Promise.all([...chunksRequested(win).keys()].map(async (file) => (await fetch(`/dist/relais/${file}`)).text()));
  return texts.some((text) => text.includes(marker));
}

async function decided(win: PageWindow, selector: string): Promise<Decided> {
  await waitUntil(() => {
    const state = win.document.querySelector<Decided>(selector)?.state;
    return state !== undefined && state !== 'loading';
  }, `${selector} never decided`, { timeout: 8000 });
  return win.document.querySelector(selector) as Decided;
}

describe('the loader on a plain page', () => {
  afterEach(closePage);

  it('registers only the elements the page shows, from their chunks, with zero CSP or Trusted Types violations', async () => {
    const win = await openPage('/test/e2e/pages/loader.html');
    const banner = await decided(win, 'charter-banner');
    // The demo viewer acknowledged version 2 more than a year ago: renewal is due.
    expect(banner.state).to.equal('prompt');
    expect(win.customElements.get('charter-banner'), 'the banner is registered').not.to.equal(undefined);
    expect(win.customElements.get('share-card'), 'no card on the page: not registered').to.equal(undefined);
    expect(win.customElements.get('post-composer-guard'), 'no composer on the page').to.equal(undefined);
    const chunks = chunksRequested(win);
    expect(chunks.get('charter-banner.js')).to.equal(1);
    expect(chunks.get('runtime.js')).to.equal(1);
    expect(chunks.has('share-card.js'), 'the card’s chunk is not fetched').to.equal(false);
    expect(chunks.has('post-composer-guard.js')).to.equal(false);
    expect(win.cspViolations).to.deep.equal([]);
    expect(win.consoleMessages.filter(({ level }) => level === 'error')).to.deep.equal([]);
    // The sanitizer comes when the full text is first opened, and only then: the browser's own
    // (its rules' chunk), and never DOMPurify in a browser that has the HTML Sanitizer API.
    expect(await chunkHolding(win, NATIVE_SANITIZER), 'not before the text is opened').to.equal(false);
    expect(await chunkHolding(win, DOMPURIFY)).to.equal(false);
    banner.shadowRoot!.querySelector<HTMLElement>('[part~="read-button"]')!.click();
    await waitUntil(() => banner.shadowRoot!.querySelector('[part~="body"]')?.textContent?.trim(), 'the charter’s text never showed', { timeout: 5000 });
    expect(await chunkHolding(win, NATIVE_SANITIZER), 'loaded with the text').to.equal(true);
    expect(await chunkHolding(win, DOMPURIFY), 'DOMPurify is not downloaded').to.equal(false);
    expect(win.cspViolations).to.deep.equal([]);
    const failed = win.performance.getEntriesByType('resource').filter((entry) => ((entry as PerformanceResourceTiming).responseStatus ?? 200) >= 400);
    expect(failed.map((entry) => entry.name), 'no request the loader makes fails (nothing asked of the site’s root)').to.deep.equal([]);
  });

  it('in a browser without the HTML Sanitizer API, downloads DOMPurify when the full text is first opened, with zero CSP or Trusted Types violations', async () => {
    const win = await openPage('/test/e2e/pages/loader-no-native-sanitizer.html');
    const banner = await decided(win, 'charter-banner');
    expect(await chunkHolding(win, DOMPURIFY), 'not before the text is opened').to.equal(false);
    banner.shadowRoot!.querySelector<HTMLElement>('[part~="read-button"]')!.click();
    await waitUntil(() => banner.shadowRoot!.querySelector('[part~="body"]')?.textContent?.trim(), 'the charter’s text never showed', { timeout: 5000 });
    expect(await chunkHolding(win, DOMPURIFY), 'loaded with the text').to.equal(true);
    expect(await chunkHolding(win, NATIVE_SANITIZER), 'the native path’s rules are not').to.equal(false);
    expect(win.cspViolations).to.deep.equal([]);
    expect(win.consoleMessages.filter(({ level }) => level === 'error')).to.deep.equal([]);
  });

  it('fetches only the data adapter the page uses: a static page never loads the REST adapter', async () => {
    const win = await openPage('/test/e2e/pages/loader.html');
    await decided(win, 'charter-banner');
    const code = await Promise.all([...chunksRequested(win).keys()].map(async (file) => (await fetch(`/dist/relais/${file}`)).text()));
    expect(code.some((text) => text.includes('relais:outbox-probe')), 'the REST adapter’s code is not among the chunks loaded').to.equal(false);
  });

  it('a share card whose viewer acknowledged the charter never requests the sanitizer (it comes with the charter’s full text), nor the banner', async () => {
    const win = await openPage('/test/e2e/pages/loader-card.html');
    const card = await decided(win, 'share-card');
    expect(card.state).to.equal('ready');
    const code = await Promise.all([...chunksRequested(win).keys()].map(async (file) => (await fetch(`/dist/relais/${file}`)).text()));
    expect(code.some((text) => text.includes('ALLOWED_URI_REGEXP')), 'DOMPurify is not among the chunks loaded').to.equal(false);
    // Nor the charter banner: a card loads it only for a viewer asked to acknowledge, on a page without one.
    expect(chunksRequested(win).has('charter-banner.js')).to.equal(false);
    expect(win.customElements.get('charter-banner'), 'the banner is not registered').to.equal(undefined);
    expect(win.cspViolations).to.deep.equal([]);
  });

  it('upgrades a share card added after the page loaded, and imports its chunk once for two cards', async () => {
    const win = await openPage('/test/e2e/pages/loader.html');
    await decided(win, 'charter-banner');
    const article = win.document.getElementById('article')!;
    article.append(win.document.createElement('share-card'), win.document.createElement('share-card'));
    const card = await decided(win, 'share-card');
    expect(card.shadowRoot, 'upgraded').not.to.equal(null);
    expect(['gated', 'ready', 'shared']).to.include(card.state);
    await waitUntil(() => (win.document.querySelectorAll('share-card')[1] as Decided).state !== undefined, 'the second card is upgraded too');
    expect(chunksRequested(win).get('share-card.js'), 'one request for two cards').to.equal(1);
    expect(win.customElements.get('post-composer-guard'), 'the composer the card holds is registered with it').not.to.equal(undefined);
    expect(win.cspViolations).to.deep.equal([]);
    expect(win.consoleMessages.filter(({ level }) => level === 'error')).to.deep.equal([]);
  });

  it('lets two prefixes live side by side: <charter-banner> and <contoso-charter-banner> from one folder', async () => {
    const win = await openPage('/test/e2e/pages/loader-prefixes.html');
    const plain = await decided(win, '#plain');
    const prefixed = await decided(win, '#prefixed');
    expect(plain.state).to.equal('prompt');
    expect(prefixed.state, 'the same page configuration').to.equal('prompt');
    expect(win.customElements.get('contoso-charter-banner')).not.to.equal(undefined);
    expect(win.customElements.get('contoso-share-card'), 'only what the page shows').to.equal(undefined);
    expect(chunksRequested(win).get('charter-banner.js'), 'one chunk for both prefixes').to.equal(1);
    expect(win.cspViolations).to.deep.equal([]);
    expect(win.consoleMessages.filter(({ level }) => level === 'error')).to.deep.equal([]);
  });
});
