/** <charter-banner> as the page's one charter flow: other elements (a locked share card) ask it to open the charter. */
import { expect, waitUntil } from '@open-wc/testing';
import { charterFlowOf } from '../../../src/charter-banner/flow.js';
import { StorageStub } from '../../src/adapters/storage-stub.js';
import { adapterWith, clientOf, mountBanner, part, settled } from './helpers.js';

const freshClient = () => clientOf(adapterWith(), { storage: { local: new StorageStub(), session: new StorageStub() } });

describe('<charter-banner> as the page’s charter flow', () => {
  it('offers its flow while in the page: a request opens its full text with the acknowledgment step, and the keyboard goes back where asked', async () => {
    const client = freshClient();
    const el = await mountBanner(client);
    await settled(el, 'prompt');
    expect(charterFlowOf(client).$providers.get()).to.equal(1);
    const asker = document.createElement('button');
    asker.textContent = 'Share';
    document.body.append(asker);
    try {
      expect(charterFlowOf(client).request(() => asker)).to.equal(true);
      const dialog = part<HTMLDialogElement>(el, 'dialog')!;
      await waitUntil(() => dialog?.open, 'the full text did not open');
      expect(dialog.querySelector('[part~="checkbox"]'), 'the acknowledgment step is under the text').to.not.equal(null);
      await expect(el).to.be.accessible();
      dialog.querySelector<HTMLElement>('[part~="close-button"]')!.click();
      await waitUntil(() => document.activeElement === asker, 'the keyboard did not go back to the asker');
    } finally {
      asker.remove();
    }
    el.parentElement!.remove();
    expect(charterFlowOf(client).$providers.get(), 'withdrawn once out of the page').to.equal(0);
  });

  it('opens even while the reminder is postponed: the viewer asked for it', async () => {
    const client = freshClient();
    const el = await mountBanner(client);
    await settled(el, 'prompt');
    part(el, 'snooze-button')!.click();
    await settled(el, 'snoozed');
    charterFlowOf(client).request();
    await settled(el, 'prompt');
    const dialog = part<HTMLDialogElement>(el, 'dialog')!;
    await waitUntil(() => dialog.open, 'the full text did not open');
    dialog.querySelector<HTMLInputElement>('[part~="checkbox"]')!.click();
    await el.updateComplete;
    dialog.querySelector<HTMLElement>('[part~="acknowledge-button"]')!.click();
    await settled(el, 'acknowledged');
  });
});
