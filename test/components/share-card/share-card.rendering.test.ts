import { expect, html } from '@open-wc/testing';
import { clientOf, composerOf, ITEM, mountCard, part, textareaOf, textOf } from './helpers.js';

describe('<share-card> rendering', () => {
  it('shows the picture with its alt text, the site, the title, the summary and the suggested text with its hashtags', async () => {
    const el = await mountCard();
    expect(el.state).to.equal('ready');
    const image = part<HTMLImageElement>(el, 'image')!;
    expect(image.alt).to.equal(ITEM.imageAlt);
    expect(textOf(part(el, 'source'))).to.equal('helioria.example');
    expect(textOf(part(el, 'title'))).to.equal(ITEM.title);
    expect(textOf(part(el, 'summary'))).to.equal(ITEM.summary);
    // LinkedIn, first of the choice: the default text (the item has no LinkedIn variant).
    expect(textareaOf(el).value).to.equal('Notre rapport climat 2026 est en ligne.\n\n#climat #Helioria');
    expect(composerOf(el)!.network).to.equal('linkedin');
    await expect(el).to.be.accessible();
  });

  it('has one network choice and one share button named for the chosen network; copying the link stays quiet beside it', async () => {
    const el = await mountCard(clientOf(), html`<share-card item="rapport-climat" lang="en"></share-card>`);
    const choices = [...el.shadowRoot!.querySelectorAll<HTMLInputElement>('[part~="networks"] input[type="radio"]')].map((input) => input.value);
    expect(choices).to.deep.equal(['linkedin', 'x', 'facebook', 'mastodon', 'bluesky', 'email']);
    const primary = el.shadowRoot!.querySelectorAll('.primary');
    expect(primary, 'one primary action').to.have.length(1);
    expect(textOf(primary[0])).to.equal('Share on LinkedIn');
    expect(primary[0]!.querySelector('svg')).to.not.equal(null);
    expect([...el.shadowRoot!.querySelectorAll('[part~="network-button"]')].map((node) => textOf(node))).to.deep.equal(['Share on LinkedIn', 'Copy link']);
    expect(el.shadowRoot!.querySelector('[data-network="copy"]')!.classList.contains('tertiary')).to.equal(true);
    expect(composerOf(el)!.shadowRoot!.querySelectorAll('input[type="radio"]'), 'no second list in the composer').to.have.length(0);
    await expect(el).to.be.accessible();
  });
});
