/**
 * <share-card>: each layout from 280 px to 800 px, with long data, never wider than its box; what
 * each layout holds (compact and inline: one « Partager » button, the flow in a dialog), the locked
 * state of each, the margin between cards and the inset that lines a card up with its container.
 */
import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import type { ShareCardElement } from '../../../components/share-card/share-card.js';
import { adapterWith, clientOf, expectNoOverflow, ITEM, part, settled, textOf, type ShareableInput } from './helpers.js';

/** The buttons a person sees (a closed dialog's are not). */
const visibleButtons = (el: ShareCardElement) => [...el.shadowRoot!.querySelectorAll<HTMLElement>('button')].filter((node) => node.getClientRects().length > 0);

const LONG_TITLE = `${'Autoconsommation collective, flexibilité et stockage : '.repeat(6)}fin`;
const LONG_WORD = 'https://www.helioria.example/' + 'tres-long-chemin-sans-espace-'.repeat(12);
const long: ShareableInput = { ...ITEM, title: LONG_TITLE, summary: `${LONG_WORD} ${'Un résumé détaillé. '.repeat(20)}`, text: { default: `${LONG_WORD} ${'Un texte suggéré. '.repeat(30)}` } };

async function mountAt(width: number, layout: string, gated = false, theme = 'light'): Promise<ShareCardElement> {
  const client = clientOf(adapterWith({ shareables: [long], ...(gated ? { acknowledgments: [] } : {}) }));
  const box = await fixture(html`<div style="width: ${width}px"><relais-provider .client=${client} lang="en"><share-card item="rapport-climat" layout=${layout} theme=${theme}></share-card></relais-provider></div>`);
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
        for (const button of visibleButtons(el)) {
          const box = button.getBoundingClientRect();
          expect(box.right, `${button.getAttribute('part')} inside the card`).to.be.at.most(el.getBoundingClientRect().right + 0.5);
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
    it(`${layout}: one « Partager » button opens the whole flow in a modal dialog; Escape closes it and the keyboard comes back`, async () => {
      const el = await mountAt(800, layout);
      // In the page: the title and one button, nothing else to act on.
      const open = part(el, 'open-button')!;
      expect(visibleButtons(el)).to.deep.equal([open]);
      expect(textOf(open)).to.equal('Share');
      expect(open.getAttribute('aria-haspopup')).to.equal('dialog');
      expect(open.classList.contains('primary'), 'filled in compact, outlined in a line of text').to.equal(layout === 'compact');
      const dialog = part<HTMLDialogElement>(el, 'dialog')!;
      expect(dialog.localName).to.equal('dialog');
      expect(dialog.open).to.equal(false);
      open.focus();
      await sendKeys({ press: 'Enter' });
      await waitUntil(() => dialog.open, 'the dialog did not open');
      expect(dialog.matches(':modal')).to.equal(true);
      expect(textOf(el.shadowRoot!.getElementById(dialog.getAttribute('aria-labelledby')!)), 'named by the item’s title').to.equal(textOf(part(el, 'title')));
      // The keyboard is in the dialog, on the chosen network.
      const active = el.shadowRoot!.activeElement as HTMLInputElement;
      expect(dialog.contains(active)).to.equal(true);
      expect(active.value).to.equal('linkedin');
      // One primary action in the dialog, named for the chosen network, following the choice.
      expect(dialog.querySelectorAll('.primary')).to.have.length(1);
      const share = part(el, 'share-button')!;
      expect(dialog.contains(share)).to.equal(true);
      expect(textOf(share)).to.equal('Share on LinkedIn');
      dialog.querySelector<HTMLInputElement>('[part~="networks"] input[value="x"]')!.click();
      await el.updateComplete;
      expect(textOf(share)).to.equal('Share on X');
      expect(dialog.querySelector('[part~="composer"]'), 'the text is edited in the dialog').to.not.equal(null);
      await expect(el).to.be.accessible();
      await sendKeys({ press: 'Escape' });
      await waitUntil(() => !dialog.open, 'Escape did not close the dialog');
      await waitUntil(() => el.shadowRoot!.activeElement === open, 'the keyboard did not come back to « Partager »');
      // The close button too.
      open.click();
      await waitUntil(() => dialog.open);
      part(el, 'close-button')!.click();
      await waitUntil(() => !dialog.open && el.shadowRoot!.activeElement === open);
    });

    it(`${layout}: locked, one line and one button to the charter, starting where the card’s content starts`, async () => {
      for (const width of [390, 800]) {
        const el = await mountAt(width, layout, true);
        const gate = part(el, 'gate')!;
        expect(textOf(gate)).to.equal('To share, first confirm that you have read the charter. Read the charter');
        expect(visibleButtons(el)).to.deep.equal([part(el, 'charter-button')]);
        expect(part(el, 'dialog'), 'no flow behind a locked card').to.equal(null);
        expect(part(el, 'composer')).to.equal(null);
        // Never pushed to the right: the line starts where the title starts.
        const line = gate.querySelector('p')!.getBoundingClientRect();
        const title = part(el, 'title')!.getBoundingClientRect();
        expect(Math.abs(line.left - title.left), `${width} px: the gate starts at the title’s left edge`).to.be.below(1);
        const button = part(el, 'charter-button')!.getBoundingClientRect();
        expect(button.left - title.left).to.be.at.least(-0.5);
        expect(el.getBoundingClientRect().right - button.right, `${width} px: the button is not pushed against the right edge`).to.be.above(8);
      }
    });
  }

  it('inline: its text lines up with the paragraphs around it, in one line when there is room', async () => {
    const client = clientOf(adapterWith());
    const box = await fixture(html`<div style="width: 800px; padding: 0 24px"><p>Avant.</p><relais-provider .client=${client}><share-card item="rapport-climat" layout="inline"></share-card></relais-provider><p>Après.</p></div>`);
    const el = await settled(box.querySelector('share-card')!, 'ready');
    const paragraph = box.querySelector('p')!.getBoundingClientRect();
    const title = part(el, 'title')!.getBoundingClientRect();
    expect(Math.abs(title.left - paragraph.left)).to.be.below(1);
    const open = part(el, 'open-button')!.getBoundingClientRect();
    expect(open.top, 'the button on the title’s line').to.be.below(title.bottom);
    expect(open.left).to.be.above(title.right);
  });

  for (const layout of ['card', 'compact', 'inline']) {
    it(`${layout}: cards one under another keep a margin between them`, async () => {
      const client = clientOf(adapterWith());
      const box = await fixture(html`<div style="width: 600px"><relais-provider .client=${client}>
        <share-card item="rapport-climat" layout=${layout}></share-card><share-card item="rapport-climat" layout=${layout}></share-card>
      </relais-provider></div>`);
      const [first, second] = [...box.querySelectorAll<ShareCardElement>('share-card')];
      await settled(first!, 'ready');
      await settled(second!, 'ready');
      const gap = second!.getBoundingClientRect().top - first!.getBoundingClientRect().bottom;
      expect(gap).to.be.at.least(layout === 'inline' ? 8 : 16);
    });

    it(`${layout}: --relais-inset lines the content up with the container’s padding`, async () => {
      const client = clientOf(adapterWith());
      const box = await fixture(html`<div style="width: 700px; --relais-inset: 40px"><relais-provider .client=${client}><share-card item="rapport-climat" layout=${layout}></share-card></relais-provider></div>`);
      const el = await settled(box.querySelector('share-card')!, 'ready');
      const host = el.getBoundingClientRect();
      const border = layout === 'inline' ? 0 : 1;
      const first = part(el, layout === 'inline' ? 'title' : 'media')!.getBoundingClientRect();
      expect(first.left - host.left).to.be.closeTo(40 + border, 1);
      const last = part(el, layout === 'card' ? 'composer' : 'open-button')!.getBoundingClientRect();
      if (layout !== 'inline') expect(host.right - last.right).to.be.closeTo(40 + border, 1);
    });
  }

  for (const layout of ['compact', 'inline']) {
    it(`${layout} without a data source: the sentence takes the card’s width (never squeezed into the picture’s column)`, async () => {
      const box = await fixture(html`<div style="width: 390px"><share-card item="rapport-climat" layout=${layout} lang="fr"></share-card></div>`);
      const el = box.querySelector<ShareCardElement>('share-card')!;
      await waitUntil(() => el.state === 'not-configured');
      await el.updateComplete;
      const status = part(el, 'status')!;
      expect(textOf(status)).to.contain('pas encore configurée');
      expect(status.getBoundingClientRect().width).to.be.above(300);
      expect(status.getBoundingClientRect().height, 'one or two lines').to.be.below(60);
    });
  }

  for (const theme of ['light', 'dark']) {
    it(`compact and inline are clean for axe in ${theme}: ready, locked, the dialog open, expired`, async () => {
      for (const layout of ['compact', 'inline']) {
        const ready = await mountAt(390, layout, false, theme);
        await expect(ready).to.be.accessible();
        part(ready, 'open-button')!.click();
        await waitUntil(() => part<HTMLDialogElement>(ready, 'dialog')!.open);
        await expect(ready).to.be.accessible();
        await expect(await mountAt(390, layout, true, theme)).to.be.accessible();
        const client = clientOf(adapterWith({ shareables: [{ ...ITEM, expiresAt: '2026-11-10' }] }));
        const box = await fixture(html`<div style="width: 390px"><relais-provider .client=${client}><share-card item="rapport-climat" layout=${layout} theme=${theme}></share-card></relais-provider></div>`);
        await expect(await settled(box.querySelector('share-card')!, 'expired')).to.be.accessible();
      }
    });
  }
});
