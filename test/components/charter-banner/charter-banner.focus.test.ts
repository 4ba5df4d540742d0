/** <charter-banner>: where the keyboard goes and what is announced. */
import { expect, html, oneEvent, waitUntil } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import type { CharterBannerElement } from '../../../components/charter-banner/charter-banner.js';
import {
  adapterWith,
  clientOf,
  settled,
  mountBanner,
  part,
  textOf,
  focused,
  acknowledgeWithEnter,
  pageButton,
  blurAll,
} from './helpers.js';


/** A banner in dialog mode, its modal open on a first visit. */
async function mountOpenModal() {
  const el = await mountBanner(clientOf(adapterWith()), () => html`<charter-banner mode="dialog"></charter-banner>`);
  const modal = part<HTMLDialogElement>(el, 'modal')!;
  await waitUntil(() => modal.open);
  return { el, modal };
}

describe('<charter-banner> where the keyboard goes', () => {
  const thanks = 'Thank you, your acknowledgment is recorded.';

  /** The confirmation holds the keyboard, and is read as the focused text only (not live as well). */
  function expectFocusedConfirmation(el: CharterBannerElement, text: string): void {
    const confirmation = part(el, 'confirmation')!;
    expect(focused(el) === confirmation, 'focus on the confirmation').to.equal(true);
    expect(textOf(confirmation)).to.equal(text);
    expect(confirmation.getAttribute('tabindex')).to.equal('-1');
    expect(confirmation.getAttribute('aria-live'), 'not live while focused: read once').to.equal('off');
    expect(confirmation.hasAttribute('role')).to.equal(false);
  }

  it('after acknowledging from the keyboard in banner mode, goes to the confirmation', async () => {
    const el = await mountBanner(clientOf(adapterWith()));
    await acknowledgeWithEnter(el);
    await waitUntil(() => focused(el) === part(el, 'confirmation'), `focus on ${document.activeElement?.localName}`);
    expectFocusedConfirmation(el, thanks);
    await expect(el).to.be.accessible();
  });

  it('after "remind me later" from the keyboard in banner mode, goes to the confirmation', async () => {
    const el = await mountBanner(clientOf(adapterWith()));
    part(el, 'snooze-button')!.focus();
    await sendKeys({ press: 'Enter' });
    await settled(el, 'snoozed');
    await waitUntil(() => focused(el) === part(el, 'confirmation'), `focus on ${document.activeElement?.localName}`);
    expectFocusedConfirmation(el, 'We will remind you on November 25, 2026.');
    await expect(el).to.be.accessible();
  });

  it('after "remind me later" in inline mode, goes to the confirmation', async () => {
    const el = await mountBanner(clientOf(adapterWith()), () => html`<charter-banner mode="inline"></charter-banner>`);
    part(el, 'snooze-button')!.focus();
    await sendKeys({ press: 'Enter' });
    await settled(el, 'snoozed');
    await waitUntil(() => focused(el) === part(el, 'confirmation'));
    expectFocusedConfirmation(el, 'We will remind you on November 25, 2026.');
    await expect(el).to.be.accessible();
  });

  it('is not taken from elsewhere in the page: the confirmation is then announced politely', async () => {
    const el = await mountBanner(clientOf(adapterWith()));
    const outside = pageButton();
    try {
      part(el, 'snooze-button')!.click();
      await settled(el, 'snoozed');
      const confirmation = part(el, 'confirmation')!;
      await waitUntil(() => textOf(confirmation) !== '');
      expect(document.activeElement === outside, `focus on ${document.activeElement?.localName}`).to.equal(true);
      expect(confirmation.getAttribute('role')).to.equal('status');
      expect(confirmation.getAttribute('aria-live')).to.equal('polite');
      expect(textOf(confirmation)).to.equal('We will remind you on November 25, 2026.');
    } finally {
      outside.remove();
    }
  });

  it('in dialog mode, goes back to the page control that had it when the modal closes after acknowledging', async () => {
    const outside = pageButton();
    try {
      const { el, modal } = await mountOpenModal();
      await acknowledgeWithEnter(el);
      expect(modal.open).to.equal(false);
      await waitUntil(() => document.activeElement === outside, `focus on ${document.activeElement?.localName}`);
      // Focus is elsewhere: the confirmation is announced.
      await waitUntil(() => textOf(part(el, 'confirmation')) === thanks);
      expect(part(el, 'confirmation')!.getAttribute('aria-live')).to.equal('polite');
    } finally {
      outside.remove();
    }
  });

  it('in dialog mode, goes to the confirmation when the page had focused nothing before the modal', async () => {
    blurAll();
    const { el } = await mountOpenModal();
    await acknowledgeWithEnter(el);
    await waitUntil(() => focused(el) === part(el, 'confirmation'), `focus on ${document.activeElement?.localName}`);
    expectFocusedConfirmation(el, thanks);
    await expect(el).to.be.accessible();
  });

  it('in dialog mode, dismissed with Escape, goes back to the page control that had it', async () => {
    const outside = pageButton();
    try {
      const { el, modal } = await mountOpenModal();
      expect(focused(el) === part(el, 'read-button')).to.equal(true);
      const closed = oneEvent(modal, 'close');
      await sendKeys({ press: 'Escape' });
      await closed;
      expect(document.activeElement === outside, `focus on ${document.activeElement?.localName}`).to.equal(true);
    } finally {
      outside.remove();
    }
  });

  it('in dialog mode, dismissed with Escape on a page that had focused nothing, goes to the element itself', async () => {
    blurAll();
    const { el, modal } = await mountOpenModal();
    expect(focused(el) === part(el, 'read-button')).to.equal(true);
    const closed = oneEvent(modal, 'close');
    await sendKeys({ press: 'Escape' });
    await closed;
    await el.updateComplete;
    expect(document.activeElement === el, `focus on ${document.activeElement?.localName}`).to.equal(true);
    await expect(el).to.be.accessible();
    // The element gives its temporary tabindex back as the keyboard moves on.
    await sendKeys({ press: 'Tab' });
    expect(el.hasAttribute('tabindex')).to.equal(false);
  });
});
