/** <charter-banner>: acknowledging the charter. */
import { expect, fixture, html, oneEvent, waitUntil } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import type { CharterBannerElement } from '../../../components/charter-banner/charter-banner.js';
import { charterStandingOf } from '../../../src/charter-banner/status.js';
import type { RelaisEvent } from '../../../src/events/index.js';
import {
  START,
  adapterWith,
  clientOf,
  settled,
  mountBanner,
  part,
  textOf,
  focused,
  expectFocusOn,
  focusBefore,
  tab,
  recordStates,
  captureConsole,
  viewer,
  withOverrides,
} from './helpers.js';

describe('<charter-banner> acknowledging', () => {
  it('« I confirm » is a real button: pressed before the box is ticked, it records nothing, says why under the checkbox and moves the keyboard there', async () => {
    const adapter = adapterWith();
    const el = await mountBanner(clientOf(adapter));
    const button = part<HTMLButtonElement>(el, 'acknowledge-button')!;
    expect(button.disabled, 'never disabled (GOV.UK)').to.equal(false);
    expect(button.hasAttribute('aria-disabled')).to.equal(false);
    expect(part(el, 'checkbox-error'), 'no error before it is pressed').to.equal(null);
    button.click();
    await el.updateComplete;
    // An acknowledgment that started would show at once: a busy button (as checked below).
    expect(el.state).to.equal('prompt');
    expect(button.hasAttribute('aria-busy')).to.equal(false);
    expect(await adapter.acknowledgment(viewer.id)).to.equal(undefined);
    const checkbox = part<HTMLInputElement>(el, 'checkbox')!;
    const error = part(el, 'checkbox-error')!;
    expect(textOf(error)).to.equal('Tick the box to confirm that you have read and understood the charter.');
    expect(checkbox.getAttribute('aria-describedby')).to.equal(error.id);
    expect(checkbox.getAttribute('aria-invalid')).to.equal('true');
    await waitUntil(() => focused(el) === checkbox, 'the keyboard moves to the checkbox');
    await expect(el).to.be.accessible();

    checkbox.click();
    await el.updateComplete;
    expect(part(el, 'checkbox-error'), 'ticking the box answers the error').to.equal(null);
    expect(checkbox.hasAttribute('aria-invalid')).to.equal(false);
    button.click();
    await el.updateComplete;
    expect(part(el, 'acknowledge-button')?.getAttribute('aria-busy')).to.equal('true');
  });

  it('in French, the error under the checkbox reads « Cochez la case… », also in the full text’s footer', async () => {
    const el = await mountBanner(clientOf(adapterWith()), () => html`<charter-banner lang="fr"></charter-banner>`);
    part(el, 'read-button')!.click();
    await waitUntil(() => part<HTMLDialogElement>(el, 'dialog')?.open, 'the full text opens');
    const dialog = part<HTMLDialogElement>(el, 'dialog')!;
    const footerButton = dialog.querySelector<HTMLButtonElement>('[part~="acknowledge-button"]')!;
    footerButton.click();
    await el.updateComplete;
    const error = dialog.querySelector('[part~="checkbox-error"]')!;
    expect(textOf(error)).to.equal('Cochez la case pour confirmer que vous avez lu et compris la charte.');
    const checkbox = dialog.querySelector<HTMLInputElement>('[part~="checkbox"]')!;
    expect(checkbox.getAttribute('aria-describedby')).to.equal(error.id);
    await waitUntil(() => focused(el) === checkbox, 'the keyboard moves to the footer’s checkbox');
    expect(el.shadowRoot!.querySelectorAll('[part~="checkbox-error"]').length, 'only where it was pressed').to.equal(1);
  });

  it('works with the keyboard alone: Tab, Space on the checkbox, Enter on the button; records, fires, announces and collapses', async () => {
    const adapter = adapterWith();
    const el = await mountBanner(clientOf(adapter));
    const liveRegion = part(el, 'confirmation')!;
    expect(liveRegion.getAttribute('aria-live')).to.equal('polite');
    expect(textOf(liveRegion), 'empty before').to.equal('');
    await focusBefore(el);

    await tab();
    expectFocusOn(el, 'read-button');
    await tab();
    expectFocusOn(el, 'checkbox');
    await sendKeys({ press: 'Space' });
    await el.updateComplete;
    expect(part<HTMLInputElement>(el, 'checkbox')!.checked).to.equal(true);
    await tab();
    expectFocusOn(el, 'acknowledge-button');
    const acknowledged = oneEvent<RelaisEvent<'relais-acknowledge'>>(el, 'relais-acknowledge');
    await sendKeys({ press: 'Enter' });
    const event = await acknowledged;

    expect(event.bubbles && event.composed).to.equal(true);
    expect(event.detail.acknowledgment).to.deep.equal({ viewerId: viewer.id, charterId: 'charte-reseaux', version: 2, at: START.toISOString() });
    expect(await adapter.acknowledgment(viewer.id)).to.deep.equal(event.detail.acknowledgment);
    await settled(el, 'acknowledged');
    expect(part(el, 'banner'), 'collapsed').to.equal(null);
    expect(part(el, 'confirmation'), 'the same live region, which existed before the text').to.equal(liveRegion);
    expect(textOf(liveRegion)).to.equal('Thank you, your acknowledgment is recorded.');
    await expect(el).to.be.accessible();
  });

  it('shows a visible focus ring from --relais-focus-ring', async () => {
    const el = await mountBanner(clientOf(adapterWith()));
    el.style.setProperty('--relais-focus-ring', '4px solid rgb(255, 0, 0)');
    await focusBefore(el);
    await tab();
    const style = getComputedStyle(part(el, 'read-button')!);
    expect(style.outlineStyle).to.equal('solid');
    expect(style.outlineWidth).to.equal('4px');
    expect(style.outlineColor).to.equal('rgb(255, 0, 0)');
  });

  it('in inline mode, leaves the keyboard on "read it again" after acknowledging', async () => {
    const el = await mountBanner(clientOf(adapterWith()), () => html`<charter-banner mode="inline"></charter-banner>`);
    part<HTMLInputElement>(el, 'checkbox')!.click();
    await el.updateComplete;
    part(el, 'acknowledge-button')!.click();
    await settled(el, 'acknowledged');
    await waitUntil(() => focused(el) === part(el, 'reread-button'));
    expect(textOf(part(el, 'acknowledged'))).to.contain('You acknowledged the charter on November 22, 2026.');
  });

  it('shares the charter status: acknowledging in one banner hides another on the same client at once, before the write is confirmed', async () => {
    let confirmWrite!: () => void;
    const memory = adapterWith();
    const adapter = withOverrides(memory, {
      acknowledge: (acknowledgment) => new Promise<void>((resolve) => (confirmWrite = () => void memory.acknowledge(acknowledgment).then(resolve))),
    });
    const client = clientOf(adapter);
    const provider = await fixture(html`<relais-provider .client=${client}><charter-banner id="top"></charter-banner><charter-banner id="card" mode="inline"></charter-banner></relais-provider>`);
    const top = await settled(provider.querySelector<CharterBannerElement>('#top')!);
    const card = await settled(provider.querySelector<CharterBannerElement>('#card')!);
    expect([top.state, card.state]).to.deep.equal(['prompt', 'prompt']);

    part<HTMLInputElement>(top, 'checkbox')!.click();
    await top.updateComplete;
    part(top, 'acknowledge-button')!.click();
    await settled(card, 'acknowledged');
    // The banner that acknowledges keeps its prompt, busy, until its own write settles (its
    // button must not vanish and come back if the write fails).
    expect(top.state).to.equal('prompt');
    expect(part(top, 'acknowledge-button')!.getAttribute('aria-busy')).to.equal('true');
    expect(confirmWrite, 'the write is still pending').to.be.a('function');
    confirmWrite();
    await settled(top, 'acknowledged');
    expect(await memory.acknowledgment(viewer.id)).not.to.equal(undefined);
  });

  it('says so, keeps the banner and fires relais-error when the acknowledgment cannot be saved', async () => {
    const adapter = withOverrides(adapterWith(), { acknowledge: () => Promise.reject(new Error('HTTP 503')) });
    const el = await mountBanner(clientOf(adapter));
    const errors = captureConsole('error');
    try {
      part<HTMLInputElement>(el, 'checkbox')!.click();
      await el.updateComplete;
      const failed = oneEvent<RelaisEvent<'relais-error'>>(el, 'relais-error');
      part(el, 'acknowledge-button')!.click();
      expect((await failed).detail).to.include({ code: 'unavailable', message: 'HTTP 503' });
      await waitUntil(() => part(el, 'error') !== null);
    } finally {
      errors.restore();
    }
    expect(el.state).to.equal('prompt');
    expect(textOf(part(el, 'error'))).to.equal('Your acknowledgment could not be saved. Please try again.');
    expect(errors.calls).to.have.length(1);
    await expect(el).to.be.accessible();
  });
});

describe('<charter-banner> a failed acknowledgment', () => {
  it('keeps the prompt and the keyboard on the busy button while saving, then announces the failure there', async () => {
    let failWrite!: (error: Error) => void;
    const adapter = withOverrides(adapterWith(), { acknowledge: () => new Promise<void>((_, reject) => (failWrite = reject)) });
    const client = clientOf(adapter);
    const el = await mountBanner(client);
    part<HTMLInputElement>(el, 'checkbox')!.click();
    await el.updateComplete;
    const button = part(el, 'acknowledge-button')!;
    button.focus();
    const states = recordStates(el);
    const errors = captureConsole('error');
    try {
      await sendKeys({ press: 'Enter' });
      // The shared status moved at once (other elements unlock), and this banner did not follow it.
      await waitUntil(() => charterStandingOf(client).get().value?.status === 'acknowledged', 'the optimistic update');
      await el.updateComplete;
      expect(el.state).to.equal('prompt');
      expect(part(el, 'acknowledge-button') === button, 'the same button').to.equal(true);
      expect(button.getAttribute('aria-busy')).to.equal('true');
      expect(button.getAttribute('aria-disabled')).to.equal('true');
      expect(textOf(button)).to.equal('Saving…');
      expect(focused(el) === button, 'still on the button while saving').to.equal(true);
      await expect(el).to.be.accessible();

      const failed = oneEvent(el, 'relais-error');
      failWrite(new Error('HTTP 503'));
      await failed;
      await waitUntil(() => part(el, 'error') !== null);
      await el.updateComplete;
    } finally {
      errors.restore();
    }
    expect(states.length, 'rendered while saving and after').to.be.greaterThan(1);
    expect(states.every((state) => state === 'prompt'), `states: ${states.join(', ')}`).to.equal(true);
    expect(part(el, 'acknowledge-button') === button, 'never re-created').to.equal(true);
    expect(focused(el) === button, 'the keyboard stayed on the button').to.equal(true);
    expect(button.hasAttribute('aria-busy')).to.equal(false);
    const error = part(el, 'error')!;
    expect(error.getAttribute('role'), 'announced as it appears').to.equal('alert');
    expect(textOf(error)).to.equal('Your acknowledgment could not be saved. Please try again.');
    await expect(el).to.be.accessible();
  });

  it('announces a load error that appears after loading', async () => {
    let failLoad!: (error: Error) => void;
    const adapter = withOverrides(adapterWith(), { charter: () => new Promise((_, reject) => (failLoad = reject)) });
    const provider = await fixture(html`<relais-provider .client=${clientOf(adapter)}><charter-banner></charter-banner></relais-provider>`);
    const el = provider.querySelector('charter-banner')!;
    await waitUntil(() => failLoad !== undefined, 'the charter was never asked for');
    await el.updateComplete;
    expect(el.state).to.equal('loading');
    const errors = captureConsole('error');
    try {
      failLoad(new Error('HTTP 500'));
      await settled(el, 'error');
    } finally {
      errors.restore();
    }
    expect(part(el, 'error')!.getAttribute('role')).to.equal('alert');
    await expect(el).to.be.accessible();
  });
});
