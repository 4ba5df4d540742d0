/** <charter-banner>: what a first run with real-world data and pages brings (issue « First run »). */
import { expect, fixture, html } from '@open-wc/testing';
import type { CharterBannerElement } from '../../../components/charter-banner/charter-banner.js';
import { ack, adapterWith, captureConsole, captureEvents, clientOf, makeSeed, part, settled, textOf } from './helpers.js';

describe('<charter-banner> on a first run', () => {
  afterEach(() => {
    document.documentElement.lang = 'en';
  });

  it('marks the charter’s own language on its content, inside a page in another language', async () => {
    const client = clientOf(adapterWith({ charter: { ...makeSeed().charter, lang: 'fr' } }));
    const provider = await fixture(html`<relais-provider .client=${client}><charter-banner mode="inline" lang="en"></charter-banner></relais-provider>`);
    const el = await settled(provider.querySelector<CharterBannerElement>('charter-banner')!, 'prompt');
    expect(part(el, 'title')!.getAttribute('lang')).to.equal('fr');
    expect(part(el, 'summary')!.getAttribute('lang')).to.equal('fr');
    expect(part(el, 'read-button')!.closest('[lang]'), 'our own controls are in the page’s language').to.equal(null);
    expect(part(el, 'body')!.getAttribute('lang')).to.equal('fr');
    await expect(el).to.be.accessible();
  });

  it('shows the charter when one shareable of the document is invalid, and reports that item as a warning', async () => {
    const seed = makeSeed();
    const badItem = { ...seed.shareables![0]!, id: 'piege', url: 'javascript:alert(1)' };
    const errors = captureConsole('error');
    const { events, restore } = captureEvents('relais-error');
    let el: CharterBannerElement;
    try {
      const client = clientOf(adapterWith({ shareables: [...seed.shareables!, badItem] }));
      const provider = await fixture(html`<relais-provider .client=${client}><charter-banner></charter-banner></relais-provider>`);
      el = await settled(provider.querySelector<CharterBannerElement>('charter-banner')!, 'prompt');
      // The client reads the shareables once something asks: the charter does not need them.
      await client.adapter.shareables();
      await el.updateComplete;
      el.requestUpdate();
      await el.updateComplete;
    } finally {
      restore();
      errors.restore();
    }
    expect(el.state).to.equal('prompt');
    expect(errors.calls.filter((message) => message.includes('piege') || message.includes(`shareables[${seed.shareables!.length}].url`)), JSON.stringify(errors.calls)).to.have.length(1);
    const warnings = events.filter((event) => event.detail.severity === 'warning');
    expect(warnings.map((event) => event.detail.field)).to.deep.equal([`shareables[${seed.shareables!.length}].url`]);
  });

  it('speaks and dates in one language on a German page with no German strings', async () => {
    document.documentElement.lang = 'de';
    const client = clientOf(adapterWith({ acknowledgments: [ack(2, '2025-11-01T08:00:00Z')] }));
    const provider = await fixture(html`<relais-provider .client=${client}><charter-banner></charter-banner></relais-provider>`);
    const el = await settled(provider.querySelector<CharterBannerElement>('charter-banner')!, 'prompt');
    const reason = textOf(part(el, 'reason'));
    expect(reason).to.contain('November 1, 2025');
    expect(reason).not.to.contain('November 2025').and.not.to.match(/\d\. November/);
  });
});
