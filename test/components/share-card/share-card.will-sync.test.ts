/** <share-card> on a data source that keeps writes on the device until its server confirms them (a RestAdapter's outbox). */
import { expect, html, waitUntil } from '@open-wc/testing';
import { adapterWith, button, clientOf, intercept, mountCard, part, textOf, withOverrides, type Recorded } from './helpers.js';

/** A source whose shares wait on the device: `onUnsynced` tells the count, as RestAdapter's outbox does. */
function outboxAdapter() {
  const memory = adapterWith();
  const listeners = new Set<(count: number) => void>();
  let waiting = 0;
  const tell = (count: number) => {
    waiting = count;
    for (const listener of listeners) listener(count);
  };
  const adapter = withOverrides(memory, {
    recordShare: async (event) => {
      await memory.recordShare(event);
      tell(waiting + 1);
    },
    onUnsynced: (listener) => {
      listeners.add(listener);
      listener(waiting);
      return () => listeners.delete(listener);
    },
  });
  return { adapter, delivered: () => tell(0) };
}

describe('<share-card> with writes waiting on the device', () => {
  let recorded: Recorded;
  beforeEach(() => {
    recorded = intercept();
  });
  afterEach(() => recorded.restore());

  it('says "saved on this device, will sync" once shared until the source confirms, and stays accessible', async () => {
    const source = outboxAdapter();
    const el = await mountCard(clientOf(source.adapter));
    expect(part(el, 'will-sync'), 'nothing waits before a share').to.equal(null);
    button(el, 'x')!.click();
    await waitUntil(() => part(el, 'will-sync'), 'the mark after the share');
    expect(textOf(part(el, 'will-sync'))).to.equal('Saved on this device, will sync');
    await expect(el).to.be.accessible();
    source.delivered();
    await waitUntil(() => !part(el, 'will-sync'), 'the mark goes once the source confirmed');
  });

  it('says it in French', async () => {
    const source = outboxAdapter();
    const el = await mountCard(clientOf(source.adapter), html`<share-card item="rapport-climat" lang="fr"></share-card>`);
    button(el, 'x')!.click();
    await waitUntil(() => part(el, 'will-sync'));
    expect(textOf(part(el, 'will-sync'))).to.equal('Enregistré sur cet appareil, sera synchronisé');
  });
});
