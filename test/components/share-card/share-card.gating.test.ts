/** <share-card>: sharing waits for the charter (the page's one charter flow) and stops on what the guard blocks. */
import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import type { RelaisEvent } from '../../../src/events/index.js';
import type { CharterBannerElement } from '../../../components/charter-banner/charter-banner.js';
import type { ShareCardElement } from '../../../components/share-card/share-card.js';
import { deepActiveElement } from '../../../components/shared/focus.js';
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

/** The elements anywhere in `root` (shadow roots included) that hold an acknowledgment form. */
function formsIn(root: Element | ShadowRoot): number {
  let count = 0;
  for (const node of root.querySelectorAll('*')) {
    if (!node.shadowRoot) continue;
    if (node.shadowRoot.querySelector('[part~="checkbox"]')) count += 1;
    count += formsIn(node.shadowRoot);
  }
  return count;
}

const deepActive = () => deepActiveElement()?.getAttribute('part') ?? deepActiveElement()?.localName;

describe('<share-card> gating', () => {
  let recorded: Recorded;
  beforeEach(() => {
    recorded = intercept();
  });
  afterEach(() => recorded.restore());

  it('without an acknowledgment, shows one line and one button to the page’s charter, never a form of its own', async () => {
    const client = clientOf(adapterWith({ acknowledgments: [] }));
    const el = await mountCard(client, html`<share-card item="rapport-climat" lang="en"></share-card>`, 'gated');
    expect(el.shadowRoot!.querySelector('[part~="network-button"]')).to.equal(null);
    expect(textOf(part(el, 'gate'))).to.equal('To share, first confirm that you have read the charter. Read the charter');
    const open = part(el, 'charter-button')!;
    expect(open.localName).to.equal('button');
    expect(open.classList.contains('primary')).to.equal(true);
    expect(bannerOf(el), 'no banner, no form inside the card').to.equal(null);
    expect(el.shadowRoot!.querySelector('input, [part~="checkbox"]')).to.equal(null);
    await expect(el).to.be.accessible();
  });

  it('in French: « Pour partager, confirmez d’abord avoir lu la charte »', async () => {
    const el = await mountCard(clientOf(adapterWith({ acknowledgments: [] })), html`<share-card item="rapport-climat" lang="fr"></share-card>`, 'gated');
    expect(textOf(part(el, 'gate'))).to.equal('Pour partager, confirmez d’abord avoir lu la charte. Lire la charte');
    await expect(el).to.be.accessible();
  });

  it('opens the page banner’s own charter dialog; acknowledged there, every card unlocks and the keyboard goes on to the share', async () => {
    const client = clientOf(adapterWith({ acknowledgments: [] }));
    const page = await fixture<HTMLElement>(html`<relais-provider .client=${client} lang="en">
      <charter-banner></charter-banner>
      <share-card item="rapport-climat"></share-card>
      <share-card item="recrutement"></share-card>
    </relais-provider>`);
    const banner = page.querySelector<CharterBannerElement>('charter-banner')!;
    const [el, other] = [...page.querySelectorAll<ShareCardElement>('share-card')];
    await settled(el!, 'gated');
    await settled(other!, 'gated');
    await waitUntil(() => banner.state === 'prompt');
    // One acknowledgment form on the page: the banner's.
    expect(formsIn(page)).to.equal(1);

    const acknowledged: RelaisEvent<'relais-acknowledge'>[] = [];
    const onAcknowledge = (event: RelaisEvent<'relais-acknowledge'>) => void acknowledged.push(event);
    document.addEventListener('relais-acknowledge', onAcknowledge);
    try {
      part(el!, 'charter-button')!.focus();
      await sendKeys({ press: 'Enter' });
      const dialog = banner.shadowRoot!.querySelector<HTMLDialogElement>('[part~="dialog"]')!;
      await waitUntil(() => dialog.open, 'the banner’s charter dialog did not open');
      // Its text arrives with the sanitizer, loaded when the text is first opened.
      await waitUntil(() => textOf(dialog.querySelector('[part~="body"]')).includes('Utilisez votre vrai nom.'), 'the charter’s text never showed');
      // Escape: back on the card's button, still locked.
      await sendKeys({ press: 'Escape' });
      await waitUntil(() => !dialog.open);
      await waitUntil(() => el!.shadowRoot!.activeElement === part(el!, 'charter-button'), 'the keyboard did not come back to the card');
      await sendKeys({ press: 'Enter' });
      await waitUntil(() => dialog.open);
      dialog.querySelector<HTMLInputElement>('[part~="checkbox"]')!.focus();
      await sendKeys({ press: 'Space' });
      await banner.updateComplete;
      dialog.querySelector<HTMLElement>('[part~="acknowledge-button"]')!.focus();
      await sendKeys({ press: 'Enter' });
      await settled(el!, 'ready');
      await settled(other!, 'ready');
      await waitUntil(() => acknowledged.length === 1, 'relais-acknowledge did not reach the page');
    } finally {
      document.removeEventListener('relais-acknowledge', onAcknowledge);
    }
    await waitUntil(() => el!.shadowRoot!.activeElement === button(el!, 'linkedin'), `focus is on ${deepActive()}`);
    expect(part(el!, 'gate')).to.equal(null);
    await expect(el!).to.be.accessible();
  });

  it('a page without a banner: the first card asked holds one charter dialog, which every other card opens too', async () => {
    const client = clientOf(adapterWith({ acknowledgments: [] }));
    const page = await fixture<HTMLElement>(html`<relais-provider .client=${client} lang="en">
      <share-card item="rapport-climat"></share-card>
      <share-card item="recrutement"></share-card>
    </relais-provider>`);
    const [el, other] = [...page.querySelectorAll<ShareCardElement>('share-card')];
    await settled(el!, 'gated');
    await settled(other!, 'gated');
    expect(formsIn(page)).to.equal(0);

    part(other!, 'charter-button')!.click();
    await waitUntil(() => bannerOf(other!)?.state === 'prompt', 'the card did not open a charter dialog');
    const banner = bannerOf(other!)!;
    expect(banner.getAttribute('mode')).to.equal('dialog');
    const modal = banner.shadowRoot!.querySelector<HTMLDialogElement>('[part~="modal"]')!;
    await waitUntil(() => modal.open, 'the charter dialog did not open');
    expect(formsIn(page)).to.equal(1);
    await expect(other!).to.be.accessible();
    modal.querySelector<HTMLElement>('[part~="close-button"]')!.click();
    await waitUntil(() => !modal.open);

    // The other card opens the same dialog again: still one on the page.
    part(el!, 'charter-button')!.click();
    await waitUntil(() => modal.open, 'the held dialog did not open again');
    expect(bannerOf(el!)).to.equal(null);
    expect(formsIn(page)).to.equal(1);
    modal.querySelector<HTMLInputElement>('[part~="checkbox"]')!.click();
    await banner.updateComplete;
    modal.querySelector<HTMLElement>('[part~="acknowledge-button"]')!.click();
    await settled(el!, 'ready');
    await settled(other!, 'ready');
    await waitUntil(() => !modal.open);
    await expect(el!).to.be.accessible();
    await expect(other!).to.be.accessible();
  });

  for (const layout of ['compact', 'inline']) {
    it(`${layout}: locked cards point to the page’s one banner; acknowledged there, each shows « Share » and the keyboard goes on to it`, async () => {
      const client = clientOf(adapterWith({ acknowledgments: [] }));
      const page = await fixture<HTMLElement>(html`<relais-provider .client=${client} lang="en">
        <charter-banner></charter-banner>
        <share-card item="rapport-climat" layout=${layout}></share-card>
        <share-card item="recrutement" layout=${layout}></share-card>
      </relais-provider>`);
      const banner = page.querySelector<CharterBannerElement>('charter-banner')!;
      const [el, other] = [...page.querySelectorAll<ShareCardElement>('share-card')];
      await settled(el!, 'gated');
      await settled(other!, 'gated');
      await waitUntil(() => banner.state === 'prompt');
      expect(formsIn(page)).to.equal(1);
      expect(part(el!, 'open-button'), 'no « Share » while locked').to.equal(null);
      part(el!, 'charter-button')!.focus();
      await sendKeys({ press: 'Enter' });
      const dialog = banner.shadowRoot!.querySelector<HTMLDialogElement>('[part~="dialog"]')!;
      await waitUntil(() => dialog.open, 'the banner’s charter dialog did not open');
      dialog.querySelector<HTMLInputElement>('[part~="checkbox"]')!.click();
      await banner.updateComplete;
      dialog.querySelector<HTMLElement>('[part~="acknowledge-button"]')!.click();
      await settled(el!, 'ready');
      await settled(other!, 'ready');
      expect(textOf(part(other!, 'open-button'))).to.equal('Share');
      await waitUntil(() => el!.shadowRoot!.activeElement === part(el!, 'open-button'), `focus is on ${deepActive()}`);
      await expect(el!).to.be.accessible();
    });
  }

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

  it('a blocking passage stops sharing, with the reason where the button is, the button still real, until it is fixed', async () => {
    const el = await mountCard(clientOf(adapterWith({ guardPolicy: POLICY })), html`<share-card item="rapport-climat" lang="en"></share-card>`);
    await typeText(el, 'Le Projet Aurore avance bien.');
    await settled(el, 'blocked');
    const x = button(el, 'x')!;
    await el.updateComplete;
    // No disabled primary button (GOV.UK): it stays real and says why.
    expect(x.hasAttribute('aria-disabled')).to.equal(false);
    expect(x.hasAttribute('disabled')).to.equal(false);
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
  it('says why with a retry in the gate (no banner inside the card), and opens once the charter is read', async () => {
    const memory = adapterWith();
    let failing = true;
    const adapter = withOverrides(memory, { charter: () => (failing ? Promise.reject(new Error('HTTP 503')) : memory.charter()) });
    const original = console.error;
    console.error = () => {};
    try {
      const el = await mountCard(clientOf(adapter), html`<share-card item="rapport-climat" lang="en"></share-card>`, 'gated');
      expect(el.shadowRoot!.querySelector('[part~="network-button"]'), 'no share without knowing the charter').to.equal(null);
      expect(bannerOf(el)).to.equal(null);
      await expect(el).to.be.accessible();
      failing = false;
      part(el, 'gate')!.querySelector<HTMLElement>('[part~="retry-button"]')!.click();
      await settled(el, 'ready');
    } finally {
      console.error = original;
    }
  });
});
