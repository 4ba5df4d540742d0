/** <charter-banner>: what the banner shows and in which language. */
import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import {
  adapterWith,
  clientOf,
  ack,
  settled,
  mountBanner,
  part,
  textOf,
  makeSeed,
} from './helpers.js';

describe('<charter-banner> showing the charter', () => {
  it('on a first visit shows a region with the title, the summary, the read button and the acknowledge button', async () => {
    const el = await mountBanner(clientOf(adapterWith()));
    expect(el.state).to.equal('prompt');
    const banner = part(el, 'banner')!;
    expect(banner.getAttribute('role')).to.equal('region');
    expect(textOf(el.shadowRoot!.getElementById(banner.getAttribute('aria-labelledby')!))).to.equal('Social media charter');
    expect(textOf(part(el, 'title'))).to.equal('Charte des réseaux sociaux');
    expect(textOf(part(el, 'summary'))).to.equal('Parlez en votre nom, gardez le confidentiel pour vous.');
    expect(textOf(part(el, 'read-button'))).to.equal('Read the charter');
    expect(part<HTMLButtonElement>(el, 'acknowledge-button')!.disabled, 'a real button, never disabled').to.equal(false);
    expect(textOf(part(el, 'snooze-hint'))).to.equal('You can postpone it 3 more times.');
    expect(part(el, 'change-note'), 'no change note for a first acknowledgment').to.equal(null);
    expect(part(el, 'reason')).to.equal(null);
    await expect(el).to.be.accessible();
  });

  it('sits in the flow of the page, not fixed over its content', async () => {
    const el = await mountBanner(clientOf(adapterWith()));
    expect(getComputedStyle(el).position).to.equal('static');
    expect(el.getBoundingClientRect().height).to.be.greaterThan(0);
  });

  it('after a new version that asks everyone again, says so and shows what changed', async () => {
    const el = await mountBanner(clientOf(adapterWith({ acknowledgments: [ack(1, '2026-10-01T08:00:00Z')] })));
    expect(el.state).to.equal('prompt');
    expect(textOf(part(el, 'reason'))).to.equal('New version 2: please read it and confirm again.');
    const note = part(el, 'change-note')!;
    expect(textOf(note.firstElementChild)).to.equal('What changed');
    expect(textOf(note.lastElementChild)).to.equal('Nouvelle section sur les données personnelles.');
    await expect(el).to.be.accessible();
  });

  it('asks no one again after a wording fix that leaves minAcknowledgedVersion alone', async () => {
    const charter = { ...makeSeed().charter, version: 3, minAcknowledgedVersion: 2 };
    const el = await mountBanner(clientOf(adapterWith({ charter, acknowledgments: [ack(2, '2026-10-01T08:00:00Z')] })));
    expect(el.state).to.equal('acknowledged');
  });

  it('asks for the annual renewal once the acknowledgment is older than renewalDays, with its date', async () => {
    const el = await mountBanner(clientOf(adapterWith({ acknowledgments: [ack(2, '2025-11-01T08:00:00Z')] })));
    expect(el.state).to.equal('prompt');
    expect(textOf(part(el, 'reason'))).to.equal('You last acknowledged it on November 1, 2025: please read it again and renew your acknowledgment.');
    expect(part(el, 'change-note'), 'same version: nothing changed').to.equal(null);
    await expect(el).to.be.accessible();
  });

  it('shows the change note on a renewal when the viewer acknowledged an earlier version that still counts', async () => {
    const charter = { ...makeSeed().charter, version: 3, minAcknowledgedVersion: 2, changeNote: 'Reformulation de la section 2.' };
    const el = await mountBanner(clientOf(adapterWith({ charter, acknowledgments: [ack(2, '2025-10-01T08:00:00Z')] })));
    expect(textOf(part(el, 'change-note'))).to.contain('Reformulation de la section 2.');
  });

  it('once acknowledged, renders nothing in banner mode', async () => {
    const el = await mountBanner(clientOf(adapterWith({ acknowledgments: [ack(2, '2026-11-01T08:00:00Z')] })));
    expect(el.state).to.equal('acknowledged');
    expect(part(el, 'banner')).to.equal(null);
    expect(textOf(el.shadowRoot)).to.equal('');
    expect(el.getBoundingClientRect().height).to.equal(0);
    await expect(el).to.be.accessible();
  });

  it('once acknowledged, shows one line "acknowledged on <date> — read it again" in inline mode', async () => {
    const el = await mountBanner(clientOf(adapterWith({ acknowledgments: [ack(2, '2026-11-01T08:00:00Z')] })), () => html`<charter-banner mode="inline"></charter-banner>`);
    expect(textOf(part(el, 'acknowledged'))).to.equal('You acknowledged the charter on November 1, 2026. — Read it again');
    part(el, 'reread-button')!.click();
    expect(part<HTMLDialogElement>(el, 'dialog')!.open).to.equal(true);
    await expect(el).to.be.accessible();
  });

  it('renders nothing when the charter asks for no acknowledgment', async () => {
    const el = await mountBanner(clientOf(adapterWith({ charter: { ...makeSeed().charter, requireAcknowledgment: false } })));
    expect(el.state).to.equal('not-required');
    expect(part(el, 'banner')).to.equal(null);
  });

  it('offers to read a charter that asks for no acknowledgment, in inline mode', async () => {
    const charter = { ...makeSeed().charter, requireAcknowledgment: false };
    const el = await mountBanner(clientOf(adapterWith({ charter })), () => html`<charter-banner mode="inline"></charter-banner>`);
    expect(textOf(part(el, 'acknowledged'))).to.equal('Charte des réseaux sociaux — Read the charter');
    expect(part(el, 'checkbox')).to.equal(null);
    await expect(el).to.be.accessible();
  });

  it('speaks French in a French page, dates included', async () => {
    const client = clientOf(adapterWith({ acknowledgments: [ack(2, '2025-11-01T08:00:00Z')] }));
    // The language comes from an ancestor: the provider here, the page in real life.
    const provider = await fixture(html`<relais-provider lang="fr" .client=${client}><charter-banner></charter-banner></relais-provider>`);
    const el = await settled(provider.querySelector('charter-banner')!);
    expect(textOf(part(el, 'read-button'))).to.equal('Lire la charte');
    expect(textOf(el.shadowRoot!.querySelector('label'))).to.equal('J’ai lu et compris la charte');
    expect(textOf(part(el, 'acknowledge-button'))).to.equal('Je confirme');
    expect(textOf(part(el, 'snooze-button'))).to.equal('Me le rappeler plus tard');
    expect(textOf(part(el, 'reason'))).to.equal('Votre engagement du 1er novembre 2025 est à renouveler : merci de la relire.');
    expect(part(el, 'reason')!.textContent, 'a no-break space before the colon').to.contain('\u00a0:');
    expect(textOf(el.shadowRoot!.getElementById('charter-eyebrow'))).to.equal('Charte des réseaux sociaux');
    await expect(el).to.be.accessible();
  });

  it('follows a change of language on the page', async () => {
    const client = clientOf(adapterWith());
    const provider = await fixture(html`<relais-provider lang="en" .client=${client}><charter-banner></charter-banner></relais-provider>`);
    const el = await settled(provider.querySelector('charter-banner')!);
    expect(textOf(part(el, 'read-button'))).to.equal('Read the charter');
    provider.setAttribute('lang', 'fr');
    await waitUntil(() => textOf(part(el, 'read-button')) === 'Lire la charte');
  });

  it('offers a heading level that fits the page outline', async () => {
    const el = await mountBanner(clientOf(adapterWith()), () => html`<charter-banner heading-level="3"></charter-banner>`);
    expect(part(el, 'title')!.getAttribute('aria-level')).to.equal('3');
  });
});
