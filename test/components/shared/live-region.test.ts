import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import { LitElement } from 'lit';
import { LiveRegionController } from '../../../components/shared/live-region.js';

/** A minimal element with a live region, as every Relais element has one. */
class LiveRegionProbe extends LitElement {
  readonly live = new LiveRegionController(this, 'confirmation');
  override render() {
    return this.live.render();
  }
}
customElements.define('live-region-probe', LiveRegionProbe);

const regionOf = (el: LiveRegionProbe) => el.shadowRoot!.querySelector<HTMLElement>('[part~="confirmation"]')!;

describe('LiveRegionController', () => {
  it('announces the same words twice: the region goes empty for a frame in between', async () => {
    const el = await fixture<LiveRegionProbe>(html`<live-region-probe></live-region-probe>`);
    const region = regionOf(el);
    const texts: string[] = [];
    new MutationObserver(() => texts.push(region.textContent ?? '')).observe(region, { childList: true, characterData: true, subtree: true });
    await el.live.announce('Merci.');
    await el.updateComplete;
    await el.live.announce('Merci.');
    await el.updateComplete;
    await waitUntil(() => texts.filter((text) => text === 'Merci.').length === 2, `texts: ${JSON.stringify(texts)}`);
    const first = texts.indexOf('Merci.');
    expect(texts.indexOf('', first), 'emptied between the two').to.be.greaterThan(first);
    expect(region.getAttribute('role')).to.equal('status');
    expect(region.getAttribute('aria-live')).to.equal('polite');
  });

  it('a newer message wins over an older one still waiting for its frame', async () => {
    const el = await fixture<LiveRegionProbe>(html`<live-region-probe></live-region-probe>`);
    await el.live.announce('Premier.');
    const older = el.live.announce('Deuxième.');
    const newer = el.live.announce('Troisième.');
    await Promise.all([older, newer]);
    await el.updateComplete;
    expect(regionOf(el).textContent).to.equal('Troisième.');
  });

  it('said as focused text, it holds the keyboard and is not live (read once, not twice)', async () => {
    const el = await fixture<LiveRegionProbe>(html`<live-region-probe></live-region-probe>`);
    await el.live.sayFocused('Merci.');
    const region = regionOf(el);
    expect(el.shadowRoot!.activeElement === region, 'focused').to.equal(true);
    expect(region.getAttribute('aria-live')).to.equal('off');
    expect(region.hasAttribute('role')).to.equal(false);
    el.live.clear();
    await el.updateComplete;
    expect(region.textContent).to.equal('');
    expect(region.getAttribute('aria-live')).to.equal('polite');
  });
});
