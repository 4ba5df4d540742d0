import { expect, html } from '@open-wc/testing';
import { button, clientOf, composerOf, ITEM, mountCard, part, textareaOf, textOf } from './helpers.js';

describe('<share-card> rendering', () => {
  it('shows the picture with its alt text, the site, the title, the summary and the suggested text with its hashtags', async () => {
    const el = await mountCard();
    expect(el.state).to.equal('ready');
    const image = part<HTMLImageElement>(el, 'image')!;
    expect(image.alt).to.equal(ITEM.imageAlt);
    expect(textOf(part(el, 'source'))).to.equal('helioria.example');
    expect(textOf(part(el, 'title'))).to.equal(ITEM.title);
    expect(textOf(part(el, 'summary'))).to.equal(ITEM.summary);
    expect(textareaOf(el).value).to.equal('Rapport climat 2026 : en ligne !\n\n#climat #Helioria');
    expect(composerOf(el)!.network).to.equal('x');
    await expect(el).to.be.accessible();
  });

  it('has the default buttons, each named for what it does', async () => {
    const el = await mountCard(clientOf(), html`<share-card item="rapport-climat" lang="en"></share-card>`);
    const names = [...el.shadowRoot!.querySelectorAll('[part~="network-button"]')].map((node) => node.getAttribute('aria-label'));
    expect(names).to.deep.equal(['Share on LinkedIn', 'Share on X', 'Share on Facebook', 'Share on Mastodon', 'Share on Bluesky', 'E-mail', 'Copy link']);
    expect(button(el, 'linkedin')!.querySelector('svg')).to.not.equal(null);
  });
});
