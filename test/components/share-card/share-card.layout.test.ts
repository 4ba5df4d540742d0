/** <share-card>: each layout from 280 px to 800 px, with long data, never wider than its box. */
import { expect, fixture, html } from '@open-wc/testing';
import type { ShareCardElement } from '../../../components/share-card/share-card.js';
import { adapterWith, clientOf, expectNoOverflow, ITEM, part, settled, type ShareableInput } from './helpers.js';

const LONG_TITLE = `${'Autoconsommation collective, flexibilité et stockage : '.repeat(6)}fin`;
const LONG_WORD = 'https://www.helioria.example/' + 'tres-long-chemin-sans-espace-'.repeat(12);
const long: ShareableInput = { ...ITEM, title: LONG_TITLE, summary: `${LONG_WORD} ${'Un résumé détaillé. '.repeat(20)}`, text: { default: `${LONG_WORD} ${'Un texte suggéré. '.repeat(30)}` } };

async function mountAt(width: number, layout: string, gated = false): Promise<ShareCardElement> {
  const client = clientOf(adapterWith({ shareables: [long], ...(gated ? { acknowledgments: [] } : {}) }));
  const box = await fixture(html`<div style="width: ${width}px"><relais-provider .client=${client}><share-card item="rapport-climat" layout=${layout}></share-card></relais-provider></div>`);
  return settled(box.querySelector('share-card')!, gated ? 'gated' : 'ready');
}

describe('<share-card> layouts', () => {
  for (const layout of ['card', 'compact', 'inline']) {
    for (const width of [280, 800]) {
      it(`${layout} at ${width} px: nothing overflows, the long title is cut to a few lines, the buttons fit`, async () => {
        const el = await mountAt(width, layout);
        expect(el.getBoundingClientRect().width).to.equal(width);
        expectNoOverflow(el);
        const title = part(el, 'title')!;
        expect(title.scrollHeight, 'the long title is truncated visually').to.be.greaterThan(title.clientHeight);
        const lineHeight = parseFloat(getComputedStyle(title).lineHeight);
        expect(title.clientHeight / lineHeight).to.be.at.most(3.1);
        for (const button of el.shadowRoot!.querySelectorAll<HTMLElement>('[part~="network-button"]')) {
          const box = button.getBoundingClientRect();
          expect(box.right, `${button.dataset.network} inside the card`).to.be.at.most(el.getBoundingClientRect().right + 0.5);
          expect(box.height, 'one height').to.be.at.least(24);
        }
        await expect(el).to.be.accessible();
      });
    }
    it(`${layout} at 280 px while the charter waits: nothing overflows`, async () => {
      const el = await mountAt(280, layout, true);
      expectNoOverflow(el);
    });
  }

  it('card: the picture goes beside the title from 36rem on, above it below', async () => {
    const narrow = await mountAt(400, 'card');
    const wide = await mountAt(800, 'card');
    const [narrowMedia, narrowHead] = [part(narrow, 'media')!, narrow.shadowRoot!.querySelector('.head')!].map((node) => node.getBoundingClientRect());
    expect(narrowHead!.top).to.be.at.least(narrowMedia!.bottom - 0.5);
    const [wideMedia, wideHead] = [part(wide, 'media')!, wide.shadowRoot!.querySelector('.head')!].map((node) => node.getBoundingClientRect());
    expect(wideHead!.left).to.be.at.least(wideMedia!.right - 0.5);
  });

  for (const layout of ['compact', 'inline']) {
    it(`${layout}: one share button, named in words for the chosen network`, async () => {
      const el = await mountAt(800, layout);
      const share = part(el, 'share-button')!;
      expect(share.textContent.replace(/\s+/g, ' ').trim()).to.equal('Share on LinkedIn');
      expect(el.shadowRoot!.querySelectorAll('.primary')).to.have.length(1);
      el.shadowRoot!.querySelector<HTMLInputElement>('[part~="networks"] input[value="x"]')!.click();
      await el.updateComplete;
      expect(share.textContent.replace(/\s+/g, ' ').trim()).to.equal('Share on X');
      await expect(el).to.be.accessible();
    });
  }
});
