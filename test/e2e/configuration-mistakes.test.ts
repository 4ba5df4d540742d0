/**
 * End to end: what a careless page editor's script tag does with the built bundle. Each mistake
 * is named in the console and shown on the page; nothing stays blank, nothing throws.
 */
import { expect, waitUntil } from '@open-wc/testing';
import { closePage, openPage, type PageWindow } from './helpers.js';

type Banner = HTMLElement & { state?: string };

function bannerOf(win: PageWindow, tag = 'charter-banner'): Banner {
  return win.document.querySelector(tag) as Banner;
}

async function decided(banner: Banner): Promise<string> {
  await waitUntil(() => banner.state !== undefined && banner.state !== 'loading', `the banner never decided (state ${banner.state})`, { timeout: 5000 });
  return banner.state!;
}

const consoleErrors = (win: PageWindow) => win.consoleMessages.filter((message) => message.level === 'error').map((message) => message.text);

describe('script-tag configuration mistakes', () => {
  beforeEach(() => {
    for (const key of Object.keys(localStorage)) if (key.startsWith('relais')) localStorage.removeItem(key);
  });
  after(() => closePage());

  it('takes data-prefix="Contoso" as the tags the page writes: <contoso-charter-banner> works', async () => {
    const win = await openPage('/test/e2e/pages/prefix-case.html');
    expect(await decided(bannerOf(win, 'contoso-charter-banner'))).to.equal('prompt');
    expect(consoleErrors(win)).to.deep.equal([]);
  });

  it('accepts a prefix with a hyphen, and an empty one as none', async () => {
    const win = await openPage('/test/e2e/pages/not-configured.html');
    const define = win.Relais.defineElements as (options: { prefix?: string }) => string[];
    expect(define({ prefix: 'my-co' })).to.include('my-co-charter-banner');
    expect(win.customElements.get('my-co-charter-banner')).to.not.equal(undefined);
    expect(define({ prefix: '' })).to.include('charter-banner');
  });

  it('reports a data-prefix that cannot start a tag name, names the attribute, and keeps the plain tags working', async () => {
    const win = await openPage('/test/e2e/pages/prefix-invalid.html');
    expect(await decided(bannerOf(win))).to.equal('prompt');
    expect(consoleErrors(win).some((text) => text.includes('"1co"') && text.includes('data-prefix'))).to.equal(true);
  });

  it('shows an unknown data-adapter as a configuration error, not "not configured", and lists the known adapters', async () => {
    const win = await openPage('/test/e2e/pages/unknown-adapter.html');
    const banner = bannerOf(win);
    expect(await decided(banner)).to.equal('error');
    const error = banner.shadowRoot!.querySelector('[part~="error"]')!;
    expect(error.textContent).to.contain('not set up correctly');
    expect(banner.shadowRoot!.querySelector('[part~="retry-button"]'), 'trying again cannot help').to.equal(null);
    const message = consoleErrors(win).find((text) => text.includes('graphql'));
    expect(message).to.contain('data-adapter').and.contain('static').and.contain('memory');
    expect(win.consoleMessages.filter((entry) => entry.text.includes('no data source is configured'))).to.deep.equal([]);
  });

  it('data-adapter="sharepoint" in the single file: a configuration error pointing to the loader and npm (the single file does not carry the adapter)', async () => {
    const win = await openPage('/test/e2e/pages/sharepoint-single-file.html');
    expect(await decided(bannerOf(win))).to.equal('error');
    const message = consoleErrors(win).find((text) => text.includes('data-adapter="sharepoint"'));
    expect(message).to.contain('relais.loader.js').and.contain('relais/adapters/sharepoint');
  });

  it('says which attribute is wrong when data-src is not a URL', async () => {
    const win = await openPage('/test/e2e/pages/bad-src.html');
    expect(await decided(bannerOf(win))).to.equal('error');
    expect(consoleErrors(win).some((text) => text.includes('data-src="http://[::1"') && text.includes('not a valid URL'))).to.equal(true);
  });

  it('falls back to the viewer id when data-viewer-name is empty, instead of failing the whole banner', async () => {
    const win = await openPage('/test/e2e/pages/empty-viewer-name.html');
    expect(await decided(bannerOf(win))).to.equal('prompt');
    expect(consoleErrors(win)).to.deep.equal([]);
  });

  it('reads right on a page in windows-1252: the bundle is ASCII-only, its French shows no mojibake', async () => {
    const win = await openPage('/test/e2e/pages/windows-1252.html');
    expect(win.document.characterSet).to.equal('windows-1252');
    const banner = bannerOf(win);
    expect(await decided(banner)).to.equal('prompt');
    const text = banner.shadowRoot!.textContent ?? '';
    expect(text).to.contain('Charte des réseaux sociaux').and.contain('J’ai lu');
    expect(text).not.to.match(/Ã|â€/);
    // The share card too: its own French, and the item's text from the (UTF-8) data in its composer.
    const card = win.document.querySelector('share-card') as HTMLElement & { state?: string };
    await waitUntil(() => card.state === 'ready' || card.state === 'gated', `the card never loaded (state ${card.state})`, { timeout: 5000 });
    const composer = card.shadowRoot!.querySelector<HTMLElement & { value: string }>('[part~="composer"]')!;
    expect(card.shadowRoot!.textContent).to.contain('Écrivez-le avec vos mots').and.not.match(/Ã|â€/);
    expect(composer.shadowRoot!.textContent).to.contain('Modifiez votre texte').and.contain('Vérifié sur cet appareil').and.not.match(/Ã|â€/);
    expect(composer.value).to.contain('Publier ses émissions, c’est accepter d’être comparé').and.not.match(/Ã|â€/);
  });
});
