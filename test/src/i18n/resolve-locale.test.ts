import { expect, fixtureSync, html } from '@open-wc/testing';
import { resolveLocale, supportedLocale } from '../../../src/i18n/index.js';
import { charterBannerStrings, charterBannerStringsFor } from '../../../src/i18n/parts/charter-banner.js';
import { commonStrings } from '../../../src/i18n/parts/common.js';

/** Puts `inner` in an open shadow root of a new host, and returns both. */
function inShadow(inner: string): { host: HTMLElement; root: ShadowRoot } {
  const host = document.createElement('div');
  const root = host.attachShadow({ mode: 'open' });
  root.innerHTML = inner;
  return { host, root };
}

describe('resolveLocale', () => {
  afterEach(() => {
    document.documentElement.lang = 'en';
  });

  it('prefers the element’s own lang over its ancestors’', async () => {
    const outer = fixtureSync(html`<div lang="de"><p lang="fr-CA">x</p></div>`);
    expect(resolveLocale(outer.querySelector('p')!)).to.equal('fr-CA');
  });

  it('takes the nearest ancestor with a lang, not a farther one', async () => {
    const outer = fixtureSync(html`<div lang="de"><section lang="fr"><p><span>x</span></p></section></div>`);
    expect(resolveLocale(outer.querySelector('span')!)).to.equal('fr');
  });

  it('walks out of a shadow root to its host’s ancestors', async () => {
    const { host, root } = inShadow('<p><span>x</span></p>');
    const outer = fixtureSync(html`<div lang="fr"></div>`);
    outer.append(host);
    expect(resolveLocale(root.querySelector('span')!)).to.equal('fr');
  });

  it('prefers a lang inside the shadow root over the host’s ancestors', async () => {
    const { host, root } = inShadow('<section lang="de"><span>x</span></section>');
    const outer = fixtureSync(html`<div lang="fr"></div>`);
    outer.append(host);
    expect(resolveLocale(root.querySelector('span')!)).to.equal('de');
  });

  it('crosses nested shadow roots', async () => {
    const inner = inShadow('<span>x</span>');
    const outerShadow = inShadow('<section lang="fr"></section>');
    outerShadow.root.querySelector('section')!.append(inner.host);
    const page = fixtureSync(html`<div lang="de"></div>`);
    page.append(outerShadow.host);
    expect(resolveLocale(inner.root.querySelector('span')!)).to.equal('fr');
  });

  it('falls back to <html lang> when no ancestor has one', async () => {
    document.documentElement.lang = 'fr';
    const el = fixtureSync(html`<p>x</p>`);
    expect(resolveLocale(el)).to.equal('fr');
  });

  it('uses <html lang> for an element that is not in the document', () => {
    document.documentElement.lang = 'fr-BE';
    expect(resolveLocale(document.createElement('p'))).to.equal('fr-BE');
  });

  it('falls back to the browser’s language when the page has no lang', () => {
    document.documentElement.removeAttribute('lang');
    expect(resolveLocale(document.createElement('p'))).to.equal(Intl.getCanonicalLocales(navigator.language)[0]);
  });

  it('falls back to English when neither the page nor the browser says', () => {
    document.documentElement.removeAttribute('lang');
    Object.defineProperty(navigator, 'language', { value: '', configurable: true });
    try {
      expect(resolveLocale(document.createElement('p'))).to.equal('en');
    } finally {
      delete (navigator as { language?: string }).language;
    }
  });

  it('skips an empty or invalid lang and keeps looking', async () => {
    const outer = fixtureSync(html`<div lang="fr"><p lang=""><span lang="not a tag!">x</span></p></div>`);
    expect(resolveLocale(outer.querySelector('span')!)).to.equal('fr');
  });

  it('returns the canonical form of the tag', async () => {
    const el = fixtureSync(html`<p lang="FR-ca">x</p>`);
    expect(resolveLocale(el)).to.equal('fr-CA');
  });
});

describe('supportedLocale and the strings of a part', () => {
  it('maps a regional tag to its language’s catalogue', () => {
    expect(supportedLocale('fr-CA')).to.equal('fr');
    expect(supportedLocale('fr-BE')).to.equal('fr');
    expect(charterBannerStringsFor('fr-CA')).to.deep.equal({ ...commonStrings.fr, ...charterBannerStrings.fr });
  });

  it('ignores case', () => {
    expect(supportedLocale('FR')).to.equal('fr');
  });

  it('falls back to English for a language with no catalogue', () => {
    expect(supportedLocale('es-ES')).to.equal('en');
    expect(charterBannerStringsFor('es').loading).to.equal('Loading…');
  });

  it('falls back to English for an empty or invalid tag', () => {
    expect(supportedLocale('')).to.equal('en');
    expect(supportedLocale('not a tag!')).to.equal('en');
  });
});
