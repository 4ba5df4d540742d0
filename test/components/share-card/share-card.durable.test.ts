/**
 * <share-card> and durable first (issue 20): the share reaches the data source before anything
 * else the card or its client asks for, and the card says a share is done only once the source
 * holds it (kept on the device or confirmed), never while it is still in flight.
 */
import { expect, waitUntil } from '@open-wc/testing';
import type { ShareEvent } from '../../../src/model/index.js';
import { adapterWith, button, clientOf, confirmation, intercept, mountCard, part, textOf, withOverrides, type Recorded } from './helpers.js';

describe('<share-card> durable first', () => {
  let recorded: Recorded;
  beforeEach(() => {
    recorded = intercept();
  });
  afterEach(() => recorded.restore());

  it('hands the share to the source before any read, and says "shared" only once the source holds it', async () => {
    const memory = adapterWith();
    const calls: string[] = [];
    let hold!: () => void;
    const held = new Promise<void>((resolve) => (hold = resolve));
    const adapter = withOverrides(memory, {
      leaderboard: (query) => (calls.push('leaderboard'), memory.leaderboard(query)),
      shareable: (id) => (calls.push('shareable'), memory.shareable(id)),
      recordShare: async (event: ShareEvent) => {
        calls.push('recordShare');
        // The source is slow to keep it (a busy IndexedDB): the card must wait.
        await held;
        await memory.recordShare(event);
      },
    });
    const el = await mountCard(clientOf(adapter));
    calls.length = 0;
    button(el, 'x')!.click();
    await waitUntil(() => calls.length > 0, 'nothing was asked of the source');
    expect(calls[0], `calls: ${calls.join(', ')}`).to.equal('recordShare');
    // Held: nothing said yet, the card is not "shared".
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(textOf(part(el, 'confirmation'))).to.not.match(/Shared on/);
    expect(el.state).to.not.equal('shared');
    hold();
    await confirmation(el, 'Shared on X');
    expect(el.state).to.equal('shared');
  });
});
