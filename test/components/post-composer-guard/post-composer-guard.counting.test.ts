/** <post-composer-guard>: the counter, per network, and the network picker. */
import { expect, html } from '@open-wc/testing';
import { clientOf, adapterWith, mount, part, parts, textOf, typeInto } from './helpers.js';

describe('<post-composer-guard> counting', () => {
  it('counts as LinkedIn does, and warns near the limit', async () => {
    const el = await mount(html`<post-composer-guard></post-composer-guard>`, clientOf(adapterWith({ version: 1, rules: [], limits: { linkedin: 20 } })));
    await typeInto(el, '👩‍👩‍👧 café');
    expect(textOf(part(el, 'counter'))).to.contain('LinkedIn 6 / 20');
    expect(part(el, 'counter')!.classList.contains('ok')).to.equal(true);
    await typeInto(el, 'x'.repeat(19));
    expect(part(el, 'counter')!.classList.contains('near')).to.equal(true);
    expect(textOf(part(el, 'counter'))).to.contain('1 character left');
    await typeInto(el, 'x'.repeat(23));
    expect(part(el, 'counter')!.classList.contains('over')).to.equal(true);
    expect(textOf(part(el, 'counter'))).to.contain('3 characters over the limit');
    expect(el.state).to.equal('block');
    await expect(el).to.be.accessible();
  });

  it('weighs as X does: a URL is 23, an emoji and a CJK character 2', async () => {
    const el = await mount(html`<post-composer-guard network="x"></post-composer-guard>`);
    await typeInto(el, 'Voir https://example.com/une/adresse/longue 🚀 日本');
    expect(el.report?.length).to.deep.equal({ network: 'x', used: 5 + 23 + 1 + 2 + 1 + 4, limit: 280 });
    expect(textOf(part(el, 'counter'))).to.contain('X 36 / 280');
  });

  it('lets the viewer pick the network, and counts for it', async () => {
    const el = await mount(html`<post-composer-guard networks="linkedin x mastodon" network="mastodon"></post-composer-guard>`);
    await typeInto(el, 'a'.repeat(290));
    const radios = parts<HTMLInputElement>(el, 'networks').flatMap((fieldset) => [...fieldset.querySelectorAll('input')]);
    expect(radios.map((radio) => radio.checked)).to.deep.equal([false, false, true]);
    expect(el.report?.length?.limit).to.equal(500);
    radios[1]!.click();
    await el.updateComplete;
    expect(el.network).to.equal('x');
    expect(el.report?.length).to.deep.equal({ network: 'x', used: 290, limit: 280 });
    expect(el.state).to.equal('block');
    await expect(el).to.be.accessible();
  });
});
