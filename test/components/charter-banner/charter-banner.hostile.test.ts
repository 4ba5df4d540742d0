/** <charter-banner>: hostile strings in the data never break the page's layout or reading order. */
import { expect, fixture, html } from '@open-wc/testing';
import type { CharterBannerElement } from '../../../components/charter-banner/charter-banner.js';
import { ack, adapterWith, clientOf, makeSeed, part, settled } from './helpers.js';

const LONG_WORD = 'Anticonstitutionnellement'.repeat(120); // 3,000 characters, no break opportunity
const LONG_URL = `https://intranet.example/${'dossier/'.repeat(40)}charte-des-reseaux-sociaux-version-definitive.pdf`;

/** A charter whose every string is hostile to layout. */
const hostileCharter = () => ({
  ...makeSeed().charter,
  version: 3,
  minAcknowledgedVersion: 3,
  title: LONG_WORD,
  summary: `Lisez ${LONG_URL} avant de publier.`,
  changeNote: `Voir ${LONG_URL}`,
  body: `<h2>${LONG_WORD}</h2><p>${LONG_URL}</p>`,
});

/** Mounts a banner in a box `width` pixels wide. */
async function inBox(width: number, mode: string, overrides: Parameters<typeof adapterWith>[0] = {}) {
  const client = clientOf(adapterWith({ charter: hostileCharter(), acknowledgments: [ack(2, '2026-10-01T08:00:00Z')], ...overrides }));
  const box = await fixture<HTMLDivElement>(html`<div style="width: ${width}px"><relais-provider .client=${client}><charter-banner mode=${mode}></charter-banner></relais-provider></div>`);
  const el = await settled(box.querySelector<CharterBannerElement>('charter-banner')!);
  return { box, el };
}

/** Nothing inside `root` is wider than `width`: no horizontal overflow anywhere. */
function widestBox(root: ParentNode): number {
  let widest = 0;
  for (const node of root.querySelectorAll('*')) widest = Math.max(widest, node.scrollWidth, Math.ceil(node.getBoundingClientRect().width));
  return widest;
}

describe('<charter-banner> with hostile strings', () => {
  for (const mode of ['banner', 'inline']) {
    it(`in ${mode} mode at 280 px, wraps a 3,000-character title and long URLs instead of widening the page`, async () => {
      const { box, el } = await inBox(280, mode);
      expect(el.state).to.equal('prompt');
      expect(part(el, 'change-note'), 'the change note is shown').not.to.equal(null);
      expect(box.scrollWidth, 'the box').to.be.at.most(280);
      expect(el.scrollWidth, 'the element').to.be.at.most(280);
      expect(widestBox(el.shadowRoot!), 'every part').to.be.at.most(280);
    });
  }

  it('in dialog mode at 280 px, keeps the modal within the viewport', async () => {
    const { el } = await inBox(280, 'dialog');
    const modal = part<HTMLDialogElement>(el, 'modal')!;
    expect(modal.open).to.equal(true);
    expect(modal.scrollWidth, 'no horizontal scrolling inside the modal').to.be.at.most(modal.clientWidth);
    expect(modal.getBoundingClientRect().right).to.be.at.most(window.innerWidth);
    modal.close();
  });

  it('wraps the full text in its dialog, long words and URLs included', async () => {
    const { el } = await inBox(280, 'inline');
    part(el, 'read-button')!.click();
    const body = part(el, 'body')!;
    expect(body.scrollWidth, 'no horizontal scrolling in the text').to.be.at.most(body.clientWidth);
    part<HTMLDialogElement>(el, 'dialog')!.close();
  });

  it('isolates a title with an unclosed right-to-left override: what follows keeps its order', async () => {
    const client = clientOf(adapterWith({ charter: { ...makeSeed().charter, title: 'Charte \u202Eabc', requireAcknowledgment: false } }));
    const box = await fixture<HTMLDivElement>(html`<div style="width: 600px"><relais-provider .client=${client}><charter-banner mode="inline" lang="en"></charter-banner></relais-provider></div>`);
    const el = await settled(box.querySelector<CharterBannerElement>('charter-banner')!, 'not-required');
    const line = part(el, 'acknowledged')!;
    const title = line.querySelector('bdi')!;
    const button = part(el, 'reread-button')!;
    // Left to right as the page reads: the title, then the dash, then the button.
    expect(button.getBoundingClientRect().left, 'the button comes after the title').to.be.greaterThan(title.getBoundingClientRect().right - 1);
    for (const data of el.shadowRoot!.querySelectorAll('.data')) expect(getComputedStyle(data).unicodeBidi, data.localName).to.equal('isolate');
  });

  it('gives the summary and title their own direction, so a right-to-left charter reads right', async () => {
    const { el } = await inBox(600, 'inline', { charter: { ...makeSeed().charter, title: 'ميثاق الشبكات الاجتماعية', summary: 'تحدث باسمك' }, acknowledgments: [] });
    expect(getComputedStyle(part(el, 'title')!).direction).to.equal('rtl');
    expect(getComputedStyle(part(el, 'summary')!).direction).to.equal('rtl');
    expect(getComputedStyle(part(el, 'read-button')!).direction, 'our own controls stay in the page direction').to.equal('ltr');
  });
});
