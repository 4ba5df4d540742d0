/** <share-card layout="compact|inline">: the share flow in its dialog, used as a person would. */
import { expect, html, waitUntil } from '@open-wc/testing';
import { sendKeys, setViewport } from '@web/test-runner-commands';
import { clientOf, confirmation, intercept, mountCard, part, textOf, type Recorded } from './helpers.js';

describe('<share-card> compact and inline: the share dialog', () => {
  let recorded: Recorded;
  beforeEach(() => {
    recorded = intercept();
  });
  afterEach(() => recorded.restore());

  for (const layout of ['compact', 'inline']) {
    it(`${layout}: shares from the dialog; closed, the card’s line says where it was shared`, async () => {
      const el = await mountCard(clientOf(), html`<share-card item="rapport-climat" layout=${layout} lang="fr"></share-card>`);
      const dialog = part<HTMLDialogElement>(el, 'dialog')!;
      part(el, 'open-button')!.click();
      await waitUntil(() => dialog.open);
      dialog.querySelector<HTMLInputElement>('[part~="networks"] input[value="x"]')!.click();
      await el.updateComplete;
      part(el, 'share-button')!.click();
      expect(recorded.calls.map((call) => call.kind)).to.deep.equal(['open']);
      expect(new URL(recorded.calls[0]!.value).host).to.equal('x.com');
      // Said in the dialog, where the employee is.
      await confirmation(el, 'Partagé sur X');
      expect(dialog.contains(part(el, 'confirmation'))).to.equal(true);
      part(el, 'close-button')!.click();
      await waitUntil(() => !dialog.open);
      expect(textOf(part(el, 'history'))).to.match(/^Vous l’avez partagé sur X le /);
      expect(part(el, 'history')!.getClientRects().length, 'shown beside « Partager »').to.be.above(0);
      await expect(el).to.be.accessible();
    });

    it(`${layout}: Escape in the Mastodon form closes the form only; the next Escape closes the dialog`, async () => {
      const el = await mountCard(clientOf(), html`<share-card item="rapport-climat" layout=${layout} lang="en"></share-card>`);
      const dialog = part<HTMLDialogElement>(el, 'dialog')!;
      part(el, 'open-button')!.focus();
      await sendKeys({ press: 'Enter' });
      await waitUntil(() => dialog.open);
      dialog.querySelector<HTMLInputElement>('[part~="networks"] input[value="mastodon"]')!.click();
      await el.updateComplete;
      part(el, 'share-button')!.click();
      await waitUntil(() => el.shadowRoot!.activeElement?.id === 'mastodon-instance', 'the server field did not get the keyboard');
      await sendKeys({ press: 'Escape' });
      await waitUntil(() => !part(el, 'mastodon-form'));
      expect(dialog.open, 'the dialog stays open').to.equal(true);
      await waitUntil(() => el.shadowRoot!.activeElement === part(el, 'share-button'), 'the keyboard did not come back to the share button');
      await sendKeys({ press: 'Escape' });
      await waitUntil(() => !dialog.open);
      await waitUntil(() => el.shadowRoot!.activeElement === part(el, 'open-button'));
      expect(recorded.calls).to.deep.equal([]);
    });
  }

  it('on a small phone, the share button stays in view at the bottom of the dialog, whose text scrolls', async () => {
    await setViewport({ width: 390, height: 520 });
    try {
      const el = await mountCard(clientOf(), html`<share-card item="rapport-climat" layout="compact" lang="fr"></share-card>`);
      const dialog = part<HTMLDialogElement>(el, 'dialog')!;
      part(el, 'open-button')!.click();
      await waitUntil(() => dialog.open);
      const scroller = dialog.querySelector<HTMLElement>('.share')!;
      expect(scroller.scrollHeight, 'the flow is taller than the dialog').to.be.above(scroller.clientHeight);
      const within = () => {
        const box = dialog.getBoundingClientRect();
        const share = part(el, 'share-button')!.getBoundingClientRect();
        return share.top >= box.top && share.bottom <= box.bottom && box.bottom <= innerHeight;
      };
      expect(within(), 'before scrolling').to.equal(true);
      scroller.scrollTop = scroller.scrollHeight;
      expect(within(), 'scrolled to the end').to.equal(true);
    } finally {
      await setViewport({ width: 800, height: 600 });
    }
  });
});
