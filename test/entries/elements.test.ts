import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import { unsafeStatic, html as staticHtml } from 'lit/static-html.js';
import '../../entries/index.js';
import { MemoryAdapter } from '../../src/adapters/memory-adapter.js';
import { CharterBannerElement } from '../../components/charter-banner/charter-banner.js';
import { defineElements, ELEMENTS } from '../../entries/elements.js';
import { makeSeed, viewer } from '../fixtures/seed.js';

/** Runs `body` with console.warn captured. */
function capturingWarnings(body: () => void): unknown[] {
  const warnings: unknown[] = [];
  const original = console.warn;
  console.warn = (...args: unknown[]) => warnings.push(args[0]);
  try {
    body();
  } finally {
    console.warn = original;
  }
  return warnings;
}

describe('defineElements', () => {
  it('registers every element under its plain name when Relais is imported', () => {
    for (const [tag, element] of Object.entries(ELEMENTS)) expect(customElements.get(tag), tag).to.equal(element);
  });

  it('registers prefixed tags as subclasses, next to the plain ones, and they work end to end', async () => {
    const tags = defineElements({ prefix: 'contoso' });
    expect(tags).to.deep.equal(Object.keys(ELEMENTS).map((tag) => `contoso-${tag}`));
    const Prefixed = customElements.get('contoso-charter-banner')!;
    expect(Prefixed).to.not.equal(CharterBannerElement);
    expect(Prefixed.prototype).to.be.instanceOf(CharterBannerElement);

    const adapter = new MemoryAdapter({ data: makeSeed(), viewer, now: new Date('2026-11-22T10:00:00Z') });
    const provider = await fixture(
      staticHtml`<${unsafeStatic('contoso-relais-provider')} .adapter=${adapter}><${unsafeStatic('contoso-charter-banner')} mode="inline" lang="en"></${unsafeStatic('contoso-charter-banner')}></${unsafeStatic('contoso-relais-provider')}>`,
    );
    const banner = provider.querySelector('contoso-charter-banner') as CharterBannerElement;
    await waitUntil(() => banner.state === 'prompt', `state stayed ${banner.state}`);
    expect(banner.shadowRoot!.querySelector('[part~="summary"]')!.textContent).to.contain('Parlez en votre nom');
  });

  it('a prefixed share card holds the prefixed composer and charter banner, not the plain ones', async () => {
    defineElements({ prefix: 'fabrikam' });
    const adapter = new MemoryAdapter({ data: makeSeed(), viewer, now: new Date('2026-11-22T10:00:00Z') });
    const provider = await fixture(
      staticHtml`<${unsafeStatic('fabrikam-relais-provider')} .adapter=${adapter}><${unsafeStatic('fabrikam-share-card')} item="rapport-climat" lang="en"></${unsafeStatic('fabrikam-share-card')}></${unsafeStatic('fabrikam-relais-provider')}>`,
    );
    const card = provider.querySelector('fabrikam-share-card') as HTMLElement & { state: string };
    await waitUntil(() => card.state === 'gated', `state stayed ${card.state}`);
    expect(card.shadowRoot!.querySelector('[part~="composer"]')!.localName).to.equal('fabrikam-post-composer-guard');
    // No banner on the page: asked, the card holds the page's charter dialog, under the prefix.
    card.shadowRoot!.querySelector<HTMLElement>('[part~="charter-button"]')!.click();
    await waitUntil(() => card.shadowRoot!.querySelector('[part~="charter"]'), 'the card never held the charter dialog');
    expect(card.shadowRoot!.querySelector('[part~="charter"]')!.localName).to.equal('fabrikam-charter-banner');
  });

  it('warns once and keeps the first definition when a tag is already taken by another copy', () => {
    class OtherCopy extends HTMLElement {}
    customElements.define('acme-charter-banner', OtherCopy);
    const warnings = capturingWarnings(() => {
      defineElements({ prefix: 'acme' });
      defineElements({ prefix: 'acme' });
    });
    expect(customElements.get('acme-charter-banner')).to.equal(OtherCopy);
    expect(warnings.filter((warning) => String(warning).includes('<acme-charter-banner>'))).to.have.length(1);
    expect(customElements.get('acme-relais-provider')).to.not.equal(undefined);
  });

  it('says the page itself took a tag, not another copy of Relais, when the page defined it', () => {
    class PagesOwnBanner extends HTMLElement {}
    customElements.define('intranet-charter-banner', PagesOwnBanner);
    const warnings = capturingWarnings(() => defineElements({ prefix: 'intranet' }));
    const warning = String(warnings.find((message) => String(message).includes('<intranet-charter-banner>')));
    expect(warning).to.contain('the page itself').and.contain('PagesOwnBanner').and.not.contain('another copy of Relais');
  });

  it('says another copy of Relais took a tag, with its version, when one did', () => {
    defineElements({ prefix: 'webpart' });
    class NewerCopy extends CharterBannerElement {}
    const warnings = capturingWarnings(() => NewerCopy.define('webpart-charter-banner'));
    expect(String(warnings[0])).to.contain('another copy of Relais (version');
  });

  it('takes a prefix in any case and with hyphens, an empty one as none', () => {
    expect(defineElements({ prefix: 'Big-Co' })).to.include('big-co-charter-banner');
    expect(defineElements({ prefix: '' })).to.deep.equal(Object.keys(ELEMENTS));
  });

  it('refuses a prefix that cannot start a custom element name, saying what it may be', () => {
    expect(() => defineElements({ prefix: 'Contoso Corp' })).to.throw(TypeError, /letters, digits and single hyphens/);
    expect(() => defineElements({ prefix: '1co' })).to.throw(TypeError, /starting with a letter/);
  });

  it('keeps working fixtures for the plain tag after prefixing', async () => {
    const el = await fixture(html`<charter-banner></charter-banner>`);
    expect(el).to.be.instanceOf(CharterBannerElement);
  });
});
