/**
 * End to end: the built script-tag bundle (dist/relais.iife.js) on pages that enforce Trusted
 * Types (`require-trusted-types-for 'script'` with a list of allowed policy names) and a strict
 * CSP, alone, next to the page's own DOMPurify, and as two copies. See docs/security.md.
 */
import { expect, waitUntil } from '@open-wc/testing';
import { closePage, openPage as openTrustedPage } from './helpers.js';

type Banner = HTMLElement & { state?: string };

interface PageWindow extends Window {
  cspViolations: string[];
  consoleMessages: { level: string; text: string }[];
  pageErrors?: ErrorEvent[];
  hostFirst?: string;
  hostSanitize: () => string;
}

const openPage = (path: string) => openTrustedPage<PageWindow>(path);

function decided(banner: Banner | null): boolean {
  return !!banner && banner.state !== undefined && !['loading', 'not-configured'].includes(banner.state);
}

/** Opens the full charter text of `banner` and returns its body part once the dialog is open. */
async function openCharterText(banner: Banner): Promise<HTMLElement> {
  await waitUntil(() => banner.shadowRoot?.querySelector('[part~="read-button"]'), `no read button in <${banner.localName}> (state ${banner.state})`, { timeout: 5000 });
  banner.shadowRoot!.querySelector<HTMLElement>('[part~="read-button"]')!.click();
  await waitUntil(() => banner.shadowRoot!.querySelector('dialog[part~="dialog"][open]'), 'the charter dialog did not open');
  return banner.shadowRoot!.querySelector<HTMLElement>('dialog[open] [part~="body"]')!;
}

const HOST_SANITIZED = '<p>Bonjour <b>intranet</b></p>';

describe('script-tag bundle under strict Trusted Types', () => {
  beforeEach(() => {
    for (const key of Object.keys(localStorage)) if (key.startsWith('relais')) localStorage.removeItem(key);
  });
  after(() => closePage());

  it('shows the charter text on a page whose own DOMPurify sanitized first, without taking its "dompurify" policy', async () => {
    const win = await openPage('/test/e2e/pages/tt-host-dompurify.html?host-first');
    expect(win.hostFirst).to.equal(HOST_SANITIZED);
    const body = await openCharterText(win.document.querySelector<Banner>('charter-banner')!);
    expect(body.querySelector('h2')?.textContent).to.equal('Pourquoi cette charte');
    // The page's DOMPurify keeps working for the rest of its life.
    expect(win.hostSanitize()).to.equal(HOST_SANITIZED);
    expect(win.cspViolations).to.deep.equal([]);
  });

  it('leaves the page’s own DOMPurify working after Relais sanitized the charter first', async () => {
    const win = await openPage('/test/e2e/pages/tt-host-dompurify.html');
    const body = await openCharterText(win.document.querySelector<Banner>('charter-banner')!);
    expect(body.querySelector('h2')?.textContent).to.equal('Pourquoi cette charte');
    expect(win.hostSanitize()).to.equal(HOST_SANITIZED);
    expect(win.cspViolations).to.deep.equal([]);
  });

  it('shows the text all the same when the page refuses the "relais" policy, in a browser with the HTML Sanitizer API (setHTML needs no policy)', async () => {
    const win = await openPage('/test/e2e/pages/tt-refused-native.html');
    const banner = win.document.querySelector<Banner>('charter-banner')!;
    const errors: Event[] = [];
    win.document.addEventListener('relais-error', (event) => errors.push(event));
    const body = await openCharterText(banner);
    await waitUntil(() => body.querySelector('h2, p'), 'the charter’s text never showed', { timeout: 5000 });
    expect(body.querySelector('[part~="error"]')).to.equal(null);
    expect(errors).to.deep.equal([]);
    expect(win.cspViolations).to.deep.equal([]);
  });

  it('in a browser without the HTML Sanitizer API, shows an error rather than an empty text, fires relais-error and says what to add to the CSP when the page refuses the "relais" policy', async () => {
    const win = await openPage('/test/e2e/pages/tt-refused.html');
    const banner = win.document.querySelector<Banner>('charter-banner')!;
    const errors: CustomEvent<{ code: string }>[] = [];
    win.document.addEventListener('relais-error', (event) => errors.push(event as CustomEvent<{ code: string }>));
    const body = await openCharterText(banner);
    const alert = body.querySelector('[part~="error"][role="alert"]');
    expect(alert?.textContent?.trim()).to.match(/\w{5}/);
    expect(errors.map((event) => event.detail.code)).to.deep.equal(['unavailable']);
    expect(errors[0]?.target).to.equal(banner);
    const advice = win.consoleMessages.filter((message) => message.level === 'error' && /trusted-types/.test(message.text));
    expect(advice, JSON.stringify(win.consoleMessages)).to.have.length(1);
    expect(advice[0]?.text).to.contain('relais');
    // Opening it again says it again on the page, but does not ask the browser (and its report endpoint) again.
    win.document.querySelector('charter-banner')!.shadowRoot!.querySelector<HTMLElement>('[part~="close-button"]')!.click();
    const reports = win.cspViolations.length;
    const again = await openCharterText(banner);
    expect(again.querySelector('[part~="error"]')).to.not.equal(null);
    expect(win.cspViolations.length).to.equal(reports);
  });

  for (const [page, path] of [['word-paste', 'the browser’s sanitizer'], ['word-paste-no-native-sanitizer', 'DOMPurify, in a browser without the HTML Sanitizer API']]) {
    it(`strips the inline styles and handlers of a charter pasted from a word processor without a single CSP violation report (${path})`, async () => {
      const win = await openPage(`/test/e2e/pages/${page}.html`);
      expect(typeof (win as unknown as { Element: { prototype: { setHTML?: unknown } } }).Element.prototype.setHTML).to.equal(page === 'word-paste' ? 'function' : 'undefined');
      const body = await openCharterText(win.document.querySelector<Banner>('charter-banner')!);
      expect(body.querySelector('h2')?.textContent).to.equal('Pourquoi cette charte');
      expect(body.textContent).to.contain('choix libre');
      expect(body.querySelectorAll('td')).to.have.length(2);
      const link = body.querySelector('a')!;
      expect(link.getAttribute('href')).to.equal('https://intranet.helioria.example/charte');
      expect(link.rel).to.equal('noopener noreferrer');
      // Attribute values and text that merely mention style= or onclick= are left as written.
      expect(body.querySelector('p[title]')?.getAttribute('title')).to.equal('style="x" onclick="y"');
      expect(body.textContent).to.contain('garder <b style="x">ce texte</b> tel quel');
      for (const element of body.querySelectorAll('*')) {
        const inline = element.getAttributeNames().filter((name) => name === 'style' || name.startsWith('on'));
        expect(inline, element.localName).to.deep.equal([]);
      }
      await new Promise((resolve) => requestAnimationFrame(() => setTimeout(resolve)));
      expect(win.cspViolations).to.deep.equal([]);
    });
  }

  it('styles its shadow root with constructable style sheets only (no <style> element, no style attribute), as docs/security.md says', async () => {
    const win = await openPage('/test/e2e/pages/word-paste.html');
    const banner = win.document.querySelector<Banner>('charter-banner')!;
    await openCharterText(banner);
    const root = banner.shadowRoot!;
    expect(root.adoptedStyleSheets.length).to.be.greaterThan(0);
    expect(root.querySelectorAll('style, [style], link')).to.have.length(0);
    expect(win.getComputedStyle(root.querySelector('[part~="body"]')!).contain).to.equal('layout paint');
    expect(win.cspViolations).to.deep.equal([]);
  });

  it('second copy without \'allow-duplicates\': nothing thrown uncaught, one console error saying what to add, the first copy still works', async () => {
    const win = await openPage('/test/e2e/pages/two-copies-trusted-types.html');
    const first = win.document.getElementById('first') as Banner;
    await waitUntil(() => decided(first), `state ${first.state}`, { timeout: 5000 });
    expect(first.state).to.equal('prompt');
    expect((await openCharterText(first)).querySelector('h2')?.textContent).to.equal('Pourquoi cette charte');
    const uncaught = win.pageErrors!.filter((event) => !event.defaultPrevented).map((event) => event.message);
    expect(uncaught).to.deep.equal([]);
    const advice = win.consoleMessages.filter((message) => message.level === 'error' && message.text.includes("'allow-duplicates'"));
    expect(advice, JSON.stringify(win.consoleMessages)).to.have.length(1);
    expect(advice[0]?.text).to.contain('trusted-types lit-html relais');
  });

  it('two copies with the documented \'allow-duplicates\' directive both render and both show the charter text', async () => {
    const win = await openPage('/test/e2e/pages/two-copies-allow-duplicates.html');
    const first = win.document.getElementById('first') as Banner;
    const second = win.document.getElementById('second') as Banner;
    await waitUntil(() => decided(first) && decided(second), `states: ${first.state} / ${second.state}`, { timeout: 5000 });
    for (const banner of [first, second]) {
      expect((await openCharterText(banner)).querySelector('h2')?.textContent, banner.localName).to.equal('Pourquoi cette charte');
      banner.shadowRoot!.querySelector<HTMLElement>('[part~="close-button"]')!.click();
    }
    expect(win.pageErrors!.map((event) => event.message)).to.deep.equal([]);
    expect(win.consoleMessages.filter((message) => message.level === 'error')).to.deep.equal([]);
    expect(win.cspViolations).to.deep.equal([]);
  });
});
