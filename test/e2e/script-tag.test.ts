/**
 * End to end: the built script-tag bundle (dist/relais.iife.js, built by `npm test` before the
 * browser tests) in plain HTML pages with a strict Content-Security-Policy, clicked through with
 * real mouse and keyboard events.
 */
import { expect, waitUntil } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import { CONFORMANCE_NOW, conformanceSeed } from '../../src/testing/fixture.js';
import { injectFaults, proxiedRequests, queryServer, resetRestServer, startRestServer } from '../fixtures/rest-server.js';
import { click, closePage, inBanner, openPage, waitFor } from './helpers.js';

describe('script-tag bundle in a plain HTML page', () => {
  beforeEach(() => {
    for (const key of Object.keys(localStorage)) if (key.startsWith('relais')) localStorage.removeItem(key);
  });
  after(() => closePage());

  it('exposes window.Relais with configure, the adapters, the guard and the version', async () => {
    const win = await openPage('/test/e2e/pages/script-tag.html');
    for (const name of ['configure', 'MemoryAdapter', 'StaticAdapter', 'RestAdapter', 'compilePolicy', 'checkPost', 'registerLocale', 'shareIntent', 'defineElements']) {
      expect(typeof win.Relais[name], name).to.equal('function');
    }
    expect(win.Relais.version).to.match(/^\d+\.\d+\.\d+/);
    const policy = { version: 1, rules: [{ id: 'projets', kind: 'term', category: 'confidential', severity: 'block', terms: ['Projet Aurore'] }] };
    expect(win.Relais.checkPost('On lance le projet aurore demain', policy).verdict).to.equal('block');
    expect(win.Relais.checkPost('Belle journée à Lyon', policy).verdict).to.equal('pass');
  });

  it('renews the charter acknowledgment with the mouse, under a strict CSP, and remembers it after a reload', async () => {
    let win = await openPage('/test/e2e/pages/script-tag.html');
    // The demo viewer acknowledged version 2 more than a year ago: renewal is due.
    const acknowledge = await waitFor(win, '[part~="acknowledge-button"]');
    expect(acknowledge.hasAttribute('disabled'), 'a real button, never disabled').to.equal(false);
    // Pressed too early, it says why, next to the checkbox.
    await click(acknowledge);
    await waitUntil(() => inBanner(win, '[part~="checkbox-error"]'), 'pressed before the box is ticked, it never said why');
    expect(inBanner(win, '[part~="checkbox"]')!.getAttribute('aria-describedby')).to.equal(inBanner(win, '[part~="checkbox-error"]')!.id);
    await click(inBanner(win, '[part~="checkbox"]')!);
    await waitUntil(() => !inBanner(win, '[part~="checkbox-error"]'), 'ticking the box did not answer the error');
    const acknowledged = new Promise((resolve) => win.document.addEventListener('relais-acknowledge', resolve, { once: true }));
    await click(acknowledge);
    await acknowledged;
    await waitUntil(() => inBanner(win, '[part~="confirmation"]')?.textContent?.trim(), 'no confirmation was announced');
    expect(win.cspViolations).to.deep.equal([]);

    win = await openPage('/test/e2e/pages/script-tag.html');
    // The banner decides once the data document and the stored acknowledgment are read.
    const banner = () => win.document.querySelector('charter-banner') as (HTMLElement & { state?: string }) | null;
    await waitUntil(() => banner()?.state !== undefined && !['loading', 'not-configured'].includes(banner()!.state!), 'the banner never decided');
    expect(banner()!.state).to.equal('acknowledged');
    expect(inBanner(win, '[part~="acknowledge-button"]')).to.equal(null);
    expect(win.cspViolations).to.deep.equal([]);
  });

  it('with no viewer on the page, acknowledges as an anonymous id kept on the device, never as the data document’s sample viewer; data-viewer="sample" asks for that one', async () => {
    const acknowledgeOn = async (path: string) => {
      const win = await openPage(path);
      const acknowledge = await waitFor(win, '[part~="acknowledge-button"]');
      await click(inBanner(win, '[part~="checkbox"]')!);
      const acknowledged = new Promise<CustomEvent>((resolve) => win.document.addEventListener('relais-acknowledge', resolve as EventListener, { once: true }));
      await click(acknowledge);
      const event = await acknowledged;
      expect(win.cspViolations).to.deep.equal([]);
      return { win, viewerId: (event.detail as { acknowledgment: { viewerId: string } }).acknowledgment.viewerId };
    };
    const anonymous = await acknowledgeOn('/test/e2e/pages/anonymous-viewer.html');
    const kept = localStorage.getItem('relais:viewer-id');
    expect(kept).to.match(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(anonymous.viewerId).to.equal(kept);
    // No name said anywhere: the sample person's least of all.
    expect(anonymous.win.document.querySelector('charter-banner')!.shadowRoot!.textContent).not.to.contain('Camille');
    // Kept on the device: after a reload, the same id, whose acknowledgment stands.
    const reloaded = await openPage('/test/e2e/pages/anonymous-viewer.html');
    const banner = () => reloaded.document.querySelector('charter-banner') as (HTMLElement & { state?: string }) | null;
    await waitUntil(() => banner()?.state !== undefined && !['loading', 'not-configured'].includes(banner()!.state!), 'the banner never decided');
    expect(banner()!.state).to.equal('acknowledged');
    expect(localStorage.getItem('relais:viewer-id')).to.equal(kept);
    for (const key of Object.keys(localStorage)) if (key.startsWith('relais')) localStorage.removeItem(key);
    const sample = await acknowledgeOn('/test/e2e/pages/sample-viewer.html');
    expect(sample.viewerId).to.equal('p-07');
    expect(localStorage.getItem('relais:viewer-id'), 'no anonymous id made').to.equal(null);
  });

  it('opens the full charter from the keyboard and returns focus to the button that opened it', async () => {
    const win = await openPage('/test/e2e/pages/script-tag.html');
    const read = await waitFor(win, '[part~="read-button"]');
    read.focus();
    await sendKeys({ press: 'Enter' });
    const dialog = await waitFor(win, 'dialog[open]');
    expect(dialog.textContent).to.contain('Charte');
    await sendKeys({ press: 'Escape' });
    await waitUntil(() => !inBanner(win, 'dialog[open]'), 'Escape did not close the dialog');
    const banner = win.document.querySelector('charter-banner')!;
    const active = banner.shadowRoot!.activeElement;
    expect(active === read, `focus is on ${active?.getAttribute('part') ?? 'nothing'}`).to.equal(true);
  });

  it('reads a JSON configuration block placed after the script tag, in the page language', async () => {
    const win = await openPage('/test/e2e/pages/json-config.html');
    const summary = await waitFor(win, '[part~="summary"]');
    expect(summary.textContent?.length).to.be.greaterThan(10);
    // This viewer acknowledged version 1, below minAcknowledgedVersion: what changed is shown.
    expect(inBanner(win, '[part~="change-note"]')?.textContent).to.match(/\w{5}/);
    await waitUntil(() => inBanner(win, '[part~="acknowledge-button"]')?.textContent?.trim());
    expect(inBanner(win, '[part~="read-button"]')!.textContent).to.match(/charter/i);
    expect(win.cspViolations).to.deep.equal([]);
  });

  it('shows a localized "not configured" state and says once in the console how to configure', async () => {
    const win = await openPage('/test/e2e/pages/not-configured.html');
    // The loading and not-configured states are different nodes: read the status afresh.
    const statusText = () => inBanner(win, '[part~="status"]')?.textContent ?? '';
    await waitUntil(() => /configuré/.test(statusText()), `the not-configured state never showed (status: "${statusText()}")`, { timeout: 5000 });
    const howTo = win.consoleMessages.filter((message) => message.text.includes('Relais.configure'));
    expect(howTo).to.have.length(1);
  });

  it('keeps two copies apart on one page: data-prefix gives the second its own tags and its own configuration', async () => {
    const win = await openPage('/test/e2e/pages/two-copies.html');
    type Banner = HTMLElement & { state?: string };
    const first = win.document.getElementById('first') as Banner;
    const second = win.document.getElementById('second') as Banner;
    const decided = (banner: Banner) => banner.state !== undefined && !['loading', 'not-configured'].includes(banner.state);
    await waitUntil(() => decided(first) && decided(second), `states: ${first.state} / ${second.state}`, { timeout: 5000 });
    // p-07's acknowledgment is due for renewal; p-03 acknowledged the current version.
    expect(first.state).to.equal('prompt');
    expect(second.state).to.equal('acknowledged');
    expect(win.customElements.get('contoso-charter-banner')).to.not.equal(win.customElements.get('charter-banner'));
    expect(win.consoleMessages.filter((message) => message.text.includes('already defined'))).to.deep.equal([]);
    expect(win.cspViolations).to.deep.equal([]);
  });

  describe('with data-adapter="rest" data-endpoint', () => {
    before(async function () {
      this.timeout(180_000);
      await startRestServer();
    });

    it('reads the charter from the REST API and acknowledges it there, under a strict CSP', async () => {
      const endpoint = await resetRestServer(conformanceSeed(), CONFORMANCE_NOW, { id: 'p-alice', name: 'Alice Bernard', team: 'Engineering', roles: '' });
      const win = await openPage(`/test/e2e/pages/script-tag-rest.html?endpoint=${encodeURIComponent(endpoint)}`);
      // Alice acknowledged only last year's charter: the server says acknowledgment is asked.
      const acknowledge = await waitFor(win, '[part~="acknowledge-button"]');
      await click(inBanner(win, '[part~="checkbox"]')!);
      await waitUntil(() => (inBanner(win, '[part~="checkbox"]') as HTMLInputElement).checked);
      const acknowledged = new Promise((resolve) => win.document.addEventListener('relais-acknowledge', resolve, { once: true }));
      await click(acknowledge);
      await acknowledged;
      await waitUntil(async () => (await queryServer("SELECT 1 FROM acknowledgments WHERE viewer_id = 'p-alice' AND version = 3")).length === 1, 'the server holds the acknowledgment');
      expect(win.cspViolations).to.deep.equal([]);
    });

    it("Relais.beforeSignOut(): a shared computer's sign-out says what stays kept for the employee; their next page sends it", async () => {
      const endpoint = await resetRestServer(conformanceSeed(), CONFORMANCE_NOW, { id: 'p-alice', name: 'Alice Bernard', team: 'Engineering', roles: '' });
      const win = await openPage(`/test/e2e/pages/script-tag-rest.html?endpoint=${encodeURIComponent(endpoint)}`);
      const acknowledge = await waitFor(win, '[part~="acknowledge-button"]');
      const relais = (win as unknown as { Relais: { beforeSignOut(options?: { discard?: boolean }): Promise<unknown> } }).Relais;
      // The server cannot take the acknowledgment: it is kept on the device.
      await injectFaults({ kind: 'down', only: 'POST /acknowledgments', times: 1000 });
      await click(inBanner(win, '[part~="checkbox"]')!);
      await waitUntil(() => !acknowledge.hasAttribute('disabled'));
      const acknowledged = new Promise((resolve) => win.document.addEventListener('relais-acknowledge', resolve, { once: true }));
      await click(acknowledge);
      await acknowledged;
      await waitUntil(async () => (await proxiedRequests()).some((request) => request.method === 'POST' && request.fault === 'down'), 'the first attempt');
      expect(await queryServer("SELECT 1 FROM acknowledgments WHERE viewer_id = 'p-alice' AND version = 3")).to.have.length(0);
      // Alice signs out: the page tries at once; the server still cannot take it, so it stays for her.
      expect(await relais.beforeSignOut()).to.deep.equal({ delivered: 0, kept: 1, discarded: 0 });
      expect(await queryServer("SELECT 1 FROM acknowledgments WHERE viewer_id = 'p-alice' AND version = 3")).to.have.length(0);
      // She leaves; on her next visit, the server back, the new page sends it.
      closePage();
      await injectFaults();
      await openPage(`/test/e2e/pages/script-tag-rest.html?endpoint=${encodeURIComponent(endpoint)}`);
      await waitUntil(async () => (await queryServer("SELECT 1 FROM acknowledgments WHERE viewer_id = 'p-alice' AND version = 3")).length === 1, 'delivered by her next page', { timeout: 10_000 });
    });
  });
});
