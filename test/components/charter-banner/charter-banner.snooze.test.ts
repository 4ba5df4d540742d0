/** <charter-banner>: "remind me later". */
import { expect, fixture, html, oneEvent } from '@open-wc/testing';
import type { CharterBannerElement } from '../../../components/charter-banner/charter-banner.js';
import { snoozeReminder } from '../../../src/charter-banner/snooze.js';
import { LocalState } from '../../../src/client/local-state.js';
import type { RelaisEvent } from '../../../src/events/index.js';
import { FullStorage } from '../../src/adapters/storage-stub.js';
import {
  DAY,
  START,
  daysAfterStart,
  time,
  adapterWith,
  clientOf,
  settled,
  mountBanner,
  part,
  textOf,
  snoozeKeys,
  viewer,
} from './helpers.js';

describe('<charter-banner> remind me later', () => {
  it('hides the banner for snooze-days, fires relais-snooze, and remembers it across page loads', async () => {
    const client = clientOf(adapterWith());
    const el = await mountBanner(client, () => html`<charter-banner snooze-days="5"></charter-banner>`);
    const snoozed = oneEvent<RelaisEvent<'relais-snooze'>>(el, 'relais-snooze');
    part(el, 'snooze-button')!.click();
    const event = await snoozed;
    expect(event.detail).to.deep.equal({ until: new Date(START.getTime() + 5 * DAY).toISOString(), snoozesLeft: 2 });
    await settled(el, 'snoozed');
    expect(part(el, 'banner')).to.equal(null);
    await expect(el).to.be.accessible();
    expect(textOf(part(el, 'confirmation'))).to.equal('We will remind you on November 27, 2026.');
    expect(snoozeKeys()).to.deep.equal([`relais:charter-snooze:${viewer.id}:charte-reseaux:2`]);

    // A later page load, still within the snooze.
    time.clock.set(daysAfterStart(4));
    const reloaded = await mountBanner(clientOf(adapterWith()), () => html`<charter-banner snooze-days="5"></charter-banner>`);
    expect(reloaded.state).to.equal('snoozed');

    // Once the snooze ends, the banner is back with one snooze fewer.
    time.clock.set(daysAfterStart(5));
    const back = await mountBanner(clientOf(adapterWith()), () => html`<charter-banner snooze-days="5"></charter-banner>`);
    expect(back.state).to.equal('prompt');
    expect(textOf(part(back, 'snooze-hint'))).to.equal('You can postpone it 2 more times.');
    await expect(back).to.be.accessible();
  });

  it('comes back by itself when the snooze ends while the page stays open', async () => {
    const el = await mountBanner(clientOf(adapterWith()), () => html`<charter-banner snooze-days="2"></charter-banner>`);
    part(el, 'snooze-button')!.click();
    await settled(el, 'snoozed');
    expect(time.clock.pending.map((timer) => timer.at.getTime()), 'one wake-up, when the snooze ends').to.deep.equal([daysAfterStart(2).getTime()]);
    time.clock.advance(2 * DAY - 1);
    await el.updateComplete;
    expect(el.state).to.equal('snoozed');
    time.clock.advance(1);
    await settled(el, 'prompt');
    expect(part(el, 'banner')).not.to.equal(null);
    expect(textOf(part(el, 'confirmation')), 'the stale "we will remind you" is gone').to.equal('');
  });

  it('is gone after max-snoozes snoozes', async () => {
    const page = () => html`<charter-banner max-snoozes="2" snooze-days="1"></charter-banner>`;
    for (const left of [2, 1]) {
      const el = await mountBanner(clientOf(adapterWith()), page);
      expect(textOf(part(el, 'snooze-hint'))).to.equal(left === 2 ? 'You can postpone it 2 more times.' : 'You can postpone it once more.');
      const snoozed = oneEvent<RelaisEvent<'relais-snooze'>>(el, 'relais-snooze');
      part(el, 'snooze-button')!.click();
      expect((await snoozed).detail.snoozesLeft).to.equal(left - 1);
      time.clock.advance(DAY);
    }
    const el = await mountBanner(clientOf(adapterWith()), page);
    expect(el.state).to.equal('prompt');
    expect(part(el, 'snooze-button')).to.equal(null);
    // Not a button that silently disappears: the banner says why it is gone.
    expect(textOf(part(el, 'snooze-hint'))).to.equal('This reminder can no longer be postponed.');
    await expect(el).to.be.accessible();
  });

  it('offers no snooze with max-snoozes="0"', async () => {
    const el = await mountBanner(clientOf(adapterWith()), () => html`<charter-banner max-snoozes="0"></charter-banner>`);
    expect(part(el, 'snooze-button')).to.equal(null);
    expect(part(el, 'snooze-hint'), 'never postponable: nothing to say about it').to.equal(null);
  });

  it('still snoozes for the page when the browser storage refuses to keep it', async () => {
    // The page's localStorage, full: it reads, and refuses to keep what the client writes.
    const el = await mountBanner(clientOf(adapterWith(), { storage: { local: new FullStorage(localStorage) } }));
    part(el, 'snooze-button')!.click();
    await settled(el, 'snoozed');
    expect(snoozeKeys()).to.deep.equal([]);
  });

  it('starts the snoozes afresh after an acknowledgment (next year’s renewal)', async () => {
    const adapter = adapterWith();
    const el = await mountBanner(clientOf(adapter));
    part(el, 'snooze-button')!.click();
    await settled(el, 'snoozed');
    time.clock.set(daysAfterStart(3));
    const again = await mountBanner(clientOf(adapter));
    part<HTMLInputElement>(again, 'checkbox')!.click();
    await again.updateComplete;
    part(again, 'acknowledge-button')!.click();
    await settled(again, 'acknowledged');
    time.clock.set(daysAfterStart(400));
    const renewal = await mountBanner(clientOf(adapter));
    expect(renewal.state).to.equal('prompt');
    expect(textOf(part(renewal, 'snooze-hint'))).to.equal('You can postpone it 3 more times.');
  });

  it('two banners on one client agree: snoozing one hides the other at once, and both show :state(snoozed)', async () => {
    const client = clientOf(adapterWith());
    const page = await fixture(html`<relais-provider .client=${client}>
      <charter-banner id="a"></charter-banner>
      <charter-banner id="b" mode="inline"></charter-banner>
    </relais-provider>`);
    const a = await settled(page.querySelector<CharterBannerElement>('#a')!, 'prompt');
    const b = await settled(page.querySelector<CharterBannerElement>('#b')!, 'prompt');
    part(a, 'snooze-button')!.click();
    await settled(a, 'snoozed');
    await b.updateComplete;
    expect(b.state).to.equal('snoozed');
    expect(part(b, 'banner'), 'B no longer shows its prompt').to.equal(null);
    expect(b.matches(':state(snoozed)') && !b.matches(':state(prompt)'), 'B exposes the state it shows').to.equal(true);
    expect(a.matches(':state(snoozed)')).to.equal(true);
  });

  it('follows a snooze made in another tab of the same viewer', async () => {
    const el = await mountBanner(clientOf(adapterWith()));
    expect(el.state).to.equal('prompt');
    // Another browsing context of this origin (a same-origin frame, as another tab would be)
    // writes the viewer's snooze: its own Storage object, so this page hears a `storage` event.
    const frame = document.createElement('iframe');
    document.body.append(frame);
    try {
      const otherTab = new LocalState({ local: frame.contentWindow!.localStorage, session: frame.contentWindow!.sessionStorage });
      const subject = { viewerId: viewer.id, charterId: 'charte-reseaux', version: 2 };
      expect(snoozeReminder(otherTab, subject, time.clock.now(), { snoozeDays: 3, maxSnoozes: 3 })).to.include({ persisted: true });
      await settled(el, 'snoozed');
      expect(part(el, 'banner')).to.equal(null);
      // When the snooze ends, the reminder is back here too.
      time.clock.set(daysAfterStart(3));
      await settled(el, 'prompt');
      expect(textOf(part(el, 'snooze-hint'))).to.equal('You can postpone it 2 more times.');
    } finally {
      frame.remove();
    }
  });
});
