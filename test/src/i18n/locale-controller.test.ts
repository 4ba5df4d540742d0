import { expect, fixture, fixtureSync, html } from '@open-wc/testing';
import { LitElement, type TemplateResult } from 'lit';
import { registerLocale } from '../../../src/i18n/index.js';
import { LocaleController } from '../../../src/i18n/locale-controller.js';
import { charterBannerStringsFor } from '../../../src/i18n/parts/charter-banner.js';

/** A minimal element that renders one localized string and counts its renders. */
class LocalizedProbe extends LitElement {
  l10n = new LocaleController(this, charterBannerStringsFor);
  renders = 0;

  override render() {
    this.renders++;
    return html`<p>${this.l10n.t.loading}</p>`;
  }

  get text(): string {
    return this.shadowRoot!.querySelector('p')!.textContent;
  }
}
customElements.define('localized-probe', LocalizedProbe);

declare global {
  interface HTMLElementTagNameMap {
    'localized-probe': LocalizedProbe;
  }
}

/** Mounts a template holding a probe, and waits for the probe's first render. */
async function mountProbe(template: TemplateResult): Promise<{ wrapper: HTMLElement; el: LocalizedProbe }> {
  const wrapper = fixtureSync<HTMLElement>(template);
  const el = wrapper.querySelector('localized-probe')!;
  await el.updateComplete;
  return { wrapper, el };
}

/** Lets the mutation observer run, then any update it requested. */
async function settle(el: LitElement): Promise<void> {
  // One task: mutation observers run before it ends (a yield, not a sleep).
  await new Promise((resolve) => setTimeout(resolve));
  await el.updateComplete;
}

describe('LocaleController', () => {
  afterEach(() => {
    document.documentElement.lang = 'en';
  });

  it('renders in the page’s language', async () => {
    const el = await fixture<LocalizedProbe>(html`<localized-probe></localized-probe>`);
    expect(el.l10n.locale).to.equal('en');
    expect(el.text).to.equal('Loading…');
  });

  it('renders in the nearest ancestor’s language from the first render', async () => {
    const { el } = await mountProbe(html`<div lang="fr-CA"><localized-probe></localized-probe></div>`);
    expect(el.l10n.locale).to.equal('fr-CA');
    expect(el.text).to.equal('Chargement…');
    expect(el.renders).to.equal(1);
  });

  it('re-renders when the element’s own lang changes', async () => {
    const el = await fixture<LocalizedProbe>(html`<localized-probe></localized-probe>`);
    el.setAttribute('lang', 'fr');
    await settle(el);
    expect(el.text).to.equal('Chargement…');
  });

  it('re-renders when <html lang> changes', async () => {
    const el = await fixture<LocalizedProbe>(html`<localized-probe></localized-probe>`);
    document.documentElement.lang = 'fr';
    await settle(el);
    expect(el.l10n.locale).to.equal('fr');
    expect(el.text).to.equal('Chargement…');
  });

  it('re-renders when the ancestor that gives the language changes it', async () => {
    const { wrapper, el } = await mountProbe(html`<div lang="en"><section><localized-probe></localized-probe></section></div>`);
    expect(el.text).to.equal('Loading…');
    wrapper.setAttribute('lang', 'fr');
    await settle(el);
    expect(el.text).to.equal('Chargement…');
  });

  it('re-renders when an ancestor without a lang gains one', async () => {
    const { wrapper, el } = await mountProbe(html`<div lang="en"><section><localized-probe></localized-probe></section></div>`);
    expect(el.text).to.equal('Loading…');
    wrapper.querySelector('section')!.setAttribute('lang', 'fr');
    await settle(el);
    expect(el.text).to.equal('Chargement…');
  });

  it('re-renders when a lang changes outside the shadow root it lives in', async () => {
    const wrapper = fixtureSync(html`<div lang="en"></div>`);
    const host = document.createElement('div');
    const root = host.attachShadow({ mode: 'open' });
    root.innerHTML = '<section><localized-probe></localized-probe></section>';
    wrapper.append(host);
    const el = root.querySelector('localized-probe')!;
    await el.updateComplete;
    expect(el.text).to.equal('Loading…');

    wrapper.setAttribute('lang', 'fr');
    await settle(el);
    expect(el.text).to.equal('Chargement…');

    // And a lang set inside that shadow root wins over the page again.
    root.querySelector('section')!.setAttribute('lang', 'en');
    await settle(el);
    expect(el.text).to.equal('Loading…');
  });

  it('does not re-render when a lang change leaves its locale as it was', async () => {
    const { wrapper, el } = await mountProbe(
      html`<div><div lang="fr"><localized-probe></localized-probe></div><p lang="en">elsewhere</p></div>`,
    );
    const before = el.renders;
    wrapper.querySelector('p')!.setAttribute('lang', 'de');
    document.documentElement.lang = 'de';
    await settle(el);
    expect(el.renders).to.equal(before);
  });

  it('stops watching once disconnected, and catches up when connected again', async () => {
    const { wrapper, el } = await mountProbe(html`<div><localized-probe></localized-probe></div>`);
    expect(el.text).to.equal('Loading…');
    el.remove();
    const before = el.renders;
    document.documentElement.lang = 'fr';
    await settle(el);
    expect(el.renders).to.equal(before);

    wrapper.append(el);
    await settle(el);
    expect(el.text).to.equal('Chargement…');
  });

  it('keeps other elements watching after one is removed', async () => {
    const wrapper = fixtureSync(html`<div><localized-probe id="a"></localized-probe><localized-probe id="b"></localized-probe></div>`);
    const [a, b] = [...wrapper.querySelectorAll('localized-probe')];
    await Promise.all([a!.updateComplete, b!.updateComplete]);
    expect(b!.text).to.equal('Loading…');
    a!.remove();
    document.documentElement.lang = 'fr';
    await settle(b!);
    expect(b!.text).to.equal('Chargement…');
  });

  it('keeps watching the page after the last element of a shadow root is removed', async () => {
    const { wrapper, el: inPage } = await mountProbe(html`<div><localized-probe></localized-probe></div>`);
    const host = document.createElement('div');
    host.attachShadow({ mode: 'open' }).innerHTML = '<localized-probe></localized-probe>';
    wrapper.append(host);
    await host.shadowRoot!.querySelector('localized-probe')!.updateComplete;
    host.remove(); // no element watches that shadow root any more
    document.documentElement.lang = 'fr';
    await settle(inPage);
    expect(inPage.text).to.equal('Chargement…');
  });

  it('re-renders when the catalogue of its locale is registered', async () => {
    const el = await fixture<LocalizedProbe>(html`<localized-probe lang="it"></localized-probe>`);
    expect(el.text).to.equal('Loading…');
    registerLocale('it', { loading: 'Caricamento…' });
    await el.updateComplete;
    expect(el.text).to.equal('Caricamento…');
  });

  it('makes the first number format of its locale in idle time, before any render shows a figure (the browser loads locale data then)', async () => {
    const made: string[] = [];
    const NumberFormat = Intl.NumberFormat;
    // A locale no other test formats in, so that the format is not made already.
    const spy = function (this: unknown, locales?: string | string[], options?: Intl.NumberFormatOptions) {
      made.push(String(locales));
      return new NumberFormat(locales, options);
    } as unknown as typeof Intl.NumberFormat;
    Intl.NumberFormat = spy;
    try {
      const el = await fixture<LocalizedProbe>(html`<localized-probe lang="fr-LU"></localized-probe>`);
      expect(el.l10n.locale).to.equal('fr-LU');
      await new Promise((resolve) => requestIdleCallback(resolve, { timeout: 3000 }));
      await new Promise((resolve) => setTimeout(resolve));
      expect(made).to.include('fr-LU');
    } finally {
      Intl.NumberFormat = NumberFormat;
    }
  });

  it('formats with the resolved regional locale', async () => {
    const el = await fixture<LocalizedProbe>(html`<localized-probe lang="fr-CA"></localized-probe>`);
    expect(el.l10n.number(1234.5)).to.equal('1\u00a0234,5');
    expect(el.l10n.date('2026-11-22')).to.equal('22 novembre 2026');
    expect(el.l10n.relativeDays(1)).to.equal('demain');
    expect(el.l10n.list(['a', 'b'])).to.equal('a et b');
  });

  it('speaks and formats in one language: on a German page with no German catalogue, English text gets English dates', async () => {
    document.documentElement.lang = 'de';
    const el = await fixture<LocalizedProbe>(html`<localized-probe></localized-probe>`);
    expect(el.text).to.equal('Loading…');
    expect(el.l10n.locale).to.equal('en');
    expect(el.l10n.date('2026-11-22')).to.equal('November 22, 2026');
    registerLocale('de', { loading: 'Wird geladen…' });
    await el.updateComplete;
    expect(el.text).to.equal('Wird geladen…');
    expect(el.l10n.date('2026-11-22'), 'German once German is spoken').to.equal('22. November 2026');
  });
});
