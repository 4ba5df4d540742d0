/** <share-card>: sharing waits for the charter (acknowledged in place) and stops on what the guard blocks. */
import { expect, html, waitUntil } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import type { RelaisEvent } from '../../../src/events/index.js';
import {
  adapterWith,
  bannerOf,
  button,
  clientOf,
  composerOf,
  intercept,
  mountCard,
  part,
  settled,
  textOf,
  typeText,
  withOverrides,
  type Recorded,
} from './helpers.js';

const POLICY = {
  version: 1,
  rules: [
    { id: 'projets', kind: 'term' as const, category: 'confidential', severity: 'block' as const, terms: ['Projet Aurore'], message: { en: 'This code name is internal.', fr: 'Ce nom de code est interne.' } },
    { id: 'politique', kind: 'term' as const, category: 'politics', severity: 'warn' as const, terms: ['élection'] },
  ],
};

describe('<share-card> gating', () => {
  let recorded: Recorded;
  beforeEach(() => {
    recorded = intercept();
  });
  afterEach(() => recorded.restore());

  it('without an acknowledgment, replaces the buttons with one sentence and the charter, read and acknowledged in place; sharing opens at once', async () => {
    const client = clientOf(adapterWith({ acknowledgments: [] }));
    const el = await mountCard(client, html`<share-card item="rapport-climat" lang="en"></share-card>`, 'gated');
    expect(el.shadowRoot!.querySelector('[part~="network-button"]')).to.equal(null);
    expect(textOf(part(el, 'gate'))).to.equal('Please acknowledge the social media charter before sharing.');
    const banner = bannerOf(el)!;
    expect(banner.localName).to.equal('charter-banner');
    expect(banner.getAttribute('mode')).to.equal('inline');
    await waitUntil(() => banner.state === 'prompt');
    await expect(el).to.be.accessible();

    const acknowledged: RelaisEvent<'relais-acknowledge'>[] = [];
    const onAcknowledge = (event: RelaisEvent<'relais-acknowledge'>) => void acknowledged.push(event);
    document.addEventListener('relais-acknowledge', onAcknowledge);
    try {
      // Keyboard only: read the charter in its dialog, tick, confirm.
      const read = banner.shadowRoot!.querySelector<HTMLElement>('[part~="read-button"]')!;
      read.focus();
      await sendKeys({ press: 'Enter' });
      const dialog = banner.shadowRoot!.querySelector<HTMLDialogElement>('[part~="dialog"]')!;
      await waitUntil(() => dialog.open, 'the charter dialog did not open');
      expect(textOf(dialog.querySelector('[part~="body"]'))).to.contain('Utilisez votre vrai nom.');
      await sendKeys({ press: 'Escape' });
      await waitUntil(() => !dialog.open);
      banner.shadowRoot!.querySelector<HTMLInputElement>('[part~="checkbox"]')!.focus();
      await sendKeys({ press: 'Space' });
      await banner.updateComplete;
      banner.shadowRoot!.querySelector<HTMLElement>('[part~="acknowledge-button"]')!.focus();
      await sendKeys({ press: 'Enter' });
      await settled(el, 'ready');
      await waitUntil(() => acknowledged.length === 1, 'relais-acknowledge did not reach the page');
    } finally {
      document.removeEventListener('relais-acknowledge', onAcknowledge);
    }
    // No reload: the buttons are there, the keyboard on the first one, the banner reduced to its line.
    await waitUntil(() => el.shadowRoot!.activeElement === button(el, 'linkedin'), `focus is on ${el.shadowRoot!.activeElement?.getAttribute('part')}`);
    expect(part(el, 'gate')).to.equal(null);
    await waitUntil(() => banner.state === 'acknowledged');
    expect(banner.shadowRoot!.querySelector('[part~="acknowledged"]')).to.not.equal(null);
    await sendKeys({ press: 'Enter' });
    expect(recorded.calls.map((call) => call.kind)).to.deep.equal(['copy', 'open']);
    await expect(el).to.be.accessible();
  });

  it('a charter acknowledged elsewhere on the page unlocks every card at once', async () => {
    const client = clientOf(adapterWith({ acknowledgments: [] }));
    const el = await mountCard(client, html`<share-card item="rapport-climat"></share-card>`, 'gated');
    const other = document.createElement('share-card');
    other.setAttribute('item', 'recrutement');
    el.parentElement!.append(other);
    await settled(other, 'gated');
    await client.acknowledge();
    await settled(el, 'ready');
    await settled(other, 'ready');
  });

  it('a charter that asks for nothing shows the buttons and no banner', async () => {
    const base = adapterWith({ acknowledgments: [] });
    const charter = await base.charter();
    const el = await mountCard(clientOf(adapterWith({ acknowledgments: [], charter: { ...charter, requireAcknowledgment: false } })));
    expect(el.state).to.equal('ready');
    expect(bannerOf(el)).to.equal(null);
  });

  it('a blocking passage disables sharing, with the reason visible and reachable, until it is fixed', async () => {
    const el = await mountCard(clientOf(adapterWith({ guardPolicy: POLICY })), html`<share-card item="rapport-climat" lang="en"></share-card>`);
    await typeText(el, 'Le Projet Aurore avance bien.');
    await settled(el, 'blocked');
    const x = button(el, 'x')!;
    expect(x.getAttribute('aria-disabled')).to.equal('true');
    expect(x.getAttribute('aria-describedby')).to.equal('blocked-reason');
    expect(textOf(part(el, 'blocked-reason'))).to.equal('A passage of your text cannot be published: change it, then share.');
    // The composer lists the finding itself.
    expect(textOf(composerOf(el)!.shadowRoot!.querySelector('[part~="findings"]'))).to.contain('This code name is internal.');
    x.focus();
    await sendKeys({ press: 'Enter' });
    expect(recorded.calls).to.deep.equal([]);
    expect(el.shadowRoot!.activeElement, 'the keyboard goes to the reason').to.equal(part(el, 'blocked-reason'));
    await expect(el).to.be.accessible();
    await typeText(el, 'Notre projet avance bien.');
    await settled(el, 'ready');
    expect(button(el, 'x')!.hasAttribute('aria-disabled')).to.equal(false);
    button(el, 'x')!.click();
    expect(recorded.calls).to.have.length(1);
  });

  it('a passage to review lets sharing through, with the findings shown', async () => {
    const el = await mountCard(clientOf(adapterWith({ guardPolicy: POLICY })), html`<share-card item="rapport-climat" lang="fr"></share-card>`);
    await typeText(el, 'Avant l’élection, notre rapport climat.');
    await waitUntil(() => composerOf(el)!.state === 'warn');
    await el.updateComplete;
    expect(el.state).to.equal('ready');
    expect(composerOf(el)!.shadowRoot!.querySelector('[part~="finding"]')).to.not.equal(null);
    button(el, 'bluesky')!.click();
    expect(recorded.calls).to.have.length(1);
    await expect(el).to.be.accessible();
  });
});

describe('<share-card> gating, when the charter cannot be read', () => {
  it('waits with the charter banner’s own error and retry, and opens once the charter is read', async () => {
    const memory = adapterWith();
    let failing = true;
    const adapter = withOverrides(memory, { charter: () => (failing ? Promise.reject(new Error('HTTP 503')) : memory.charter()) });
    const original = console.error;
    console.error = () => {};
    try {
      const el = await mountCard(clientOf(adapter), html`<share-card item="rapport-climat" lang="en"></share-card>`, 'gated');
      const banner = bannerOf(el)!;
      await waitUntil(() => banner.state === 'error');
      expect(el.shadowRoot!.querySelector('[part~="network-button"]'), 'no share without knowing the charter').to.equal(null);
      failing = false;
      banner.shadowRoot!.querySelector<HTMLElement>('[part~="retry-button"]')!.click();
      await settled(el, 'ready');
      expect(banner.getAttribute('mode')).to.equal('inline');
      expect(banner.shadowRoot!.querySelector('[role="region"]'), 'inline, the banner is part of the card, not a landmark').to.equal(null);
    } finally {
      console.error = original;
    }
  });
});
