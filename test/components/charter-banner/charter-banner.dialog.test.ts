/** <charter-banner>: the full text, in its dialog. */
import { expect, html, oneEvent, waitUntil } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import {
  adapterWith,
  clientOf,
  settled,
  mountBanner,
  part,
  textOf,
  focused,
  expectFocusOn,
  snoozeKeys,
  focusBefore,
  tab,
  makeSeed,
} from './helpers.js';

describe('<charter-banner> the full text in a dialog', () => {
  it('opens with the keyboard, starts on the text, closes with Escape and gives focus back to its opener', async () => {
    const el = await mountBanner(clientOf(adapterWith()));
    await focusBefore(el);
    await tab();
    await sendKeys({ press: 'Enter' });
    const dialog = part<HTMLDialogElement>(el, 'dialog')!;
    expect(dialog.open).to.equal(true);
    expect(dialog.matches(':modal')).to.equal(true);
    expectFocusOn(el, 'body');
    // The sanitizer is loaded when the text is first opened: the dialog is open meanwhile, busy.
    await waitUntil(() => !part(el, 'body')!.hasAttribute('aria-busy'), 'the text never arrived');
    expect(part(el, 'body')!.querySelector('h2')?.textContent).to.equal('Principes');
    expect(textOf(el.shadowRoot!.getElementById(dialog.getAttribute('aria-labelledby')!))).to.equal('Charte des réseaux sociaux');
    await expect(el).to.be.accessible();

    await sendKeys({ press: 'Escape' });
    await waitUntil(() => !dialog.open);
    await waitUntil(() => focused(el) === part(el, 'read-button'), 'focus back on the opener');
  });

  it('closes with its close button, from the keyboard, and gives focus back', async () => {
    const el = await mountBanner(clientOf(adapterWith()));
    part(el, 'read-button')!.focus();
    await sendKeys({ press: 'Enter' });
    const dialog = part<HTMLDialogElement>(el, 'dialog')!;
    await tab();
    expect(textOf(focused(el))).to.equal('Close');
    await sendKeys({ press: 'Enter' });
    await waitUntil(() => !dialog.open);
    await waitUntil(() => focused(el) === part(el, 'read-button'), 'focus back on the opener');
  });

  it('is a modal first-visit dialog in dialog mode: focus inside, Escape closes it for the session', async () => {
    const el = await mountBanner(clientOf(adapterWith()), () => html`<charter-banner mode="dialog"></charter-banner>`);
    const modal = part<HTMLDialogElement>(el, 'modal')!;
    await waitUntil(() => modal.open);
    expect(modal.matches(':modal')).to.equal(true);
    expectFocusOn(el, 'read-button');
    expect(textOf(el.shadowRoot!.getElementById(modal.getAttribute('aria-labelledby')!))).to.equal('Charte des réseaux sociaux');
    await expect(el).to.be.accessible();

    const closed = oneEvent(modal, 'close');
    await sendKeys({ press: 'Escape' });
    await closed;
    expect(modal.open).to.equal(false);
    expect(el.state, 'closing is not a snooze').to.equal('prompt');
    expect(snoozeKeys()).to.deep.equal([]);

    const nextPage = await mountBanner(clientOf(adapterWith()), () => html`<charter-banner mode="dialog"></charter-banner>`);
    // Settled in the prompt, rendered: the modal opens in that very update when it opens at all.
    expect(nextPage.state).to.equal('prompt');
    expect(part<HTMLDialogElement>(nextPage, 'modal')!.open, 'not again in this session').to.equal(false);
  });

  it('in dialog mode, reads the charter over the modal and acknowledges from the keyboard, then closes', async () => {
    const el = await mountBanner(clientOf(adapterWith()), () => html`<charter-banner mode="dialog"></charter-banner>`);
    const modal = part<HTMLDialogElement>(el, 'modal')!;
    await waitUntil(() => modal.open);
    await sendKeys({ press: 'Enter' });
    const dialog = part<HTMLDialogElement>(el, 'dialog')!;
    expect(dialog.open).to.equal(true);
    await expect(el).to.be.accessible();
    await sendKeys({ press: 'Escape' });
    await waitUntil(() => !dialog.open);
    expect(modal.open, 'Escape closes the top dialog only').to.equal(true);
    expectFocusOn(el, 'read-button');

    await tab();
    await sendKeys({ press: 'Space' });
    await el.updateComplete;
    await tab();
    const acknowledged = oneEvent(el, 'relais-acknowledge');
    await sendKeys({ press: 'Enter' });
    await acknowledged;
    await settled(el, 'acknowledged');
    expect(modal.open).to.equal(false);
    expect(textOf(part(el, 'confirmation'))).to.equal('Thank you, your acknowledgment is recorded.');
  });
});

describe('<charter-banner> privacy of the full text', () => {
  it('puts the body in the page only when it is opened, with lazy images, and takes it out when closed', async () => {
    const body = '<h2>Principes</h2><p><img src="https://third-party.example/pixel.png" alt="Logo du réseau"></p>';
    const el = await mountBanner(clientOf(adapterWith({ charter: { ...makeSeed().charter, body } })));
    expect(el.shadowRoot!.querySelector('img') === null, 'no image before the viewer asks').to.equal(true);
    expect(textOf(part(el, 'body'))).to.equal('');

    part(el, 'read-button')!.click();
    const dialog = part<HTMLDialogElement>(el, 'dialog')!;
    expect(dialog.open).to.equal(true);
    await waitUntil(() => el.shadowRoot!.querySelector('img'), 'the text never arrived');
    const img = el.shadowRoot!.querySelector('img')!;
    expect(img.getAttribute('loading')).to.equal('lazy');
    expect(img.getAttribute('alt')).to.equal('Logo du réseau');
    expect(textOf(part(el, 'body'))).to.contain('Principes');
    await expect(el).to.be.accessible();

    dialog.querySelector<HTMLElement>('[part~="close-button"]')!.click();
    await waitUntil(() => el.shadowRoot!.querySelector('img') === null, 'the body stayed after closing');
    part(el, 'read-button')!.click();
    expect(textOf(part(el, 'body')), 'opens again').to.contain('Principes');
  });
});
