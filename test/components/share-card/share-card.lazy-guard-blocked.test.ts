/**
 * <share-card> loads the guard when it is needed (share-card.lazy-guard.test.ts): a share asked
 * for before any edit, of a suggested text the charter blocks, does not share. In a page of its
 * own, where nothing has imported the guard yet.
 */
import { expect, waitUntil } from '@open-wc/testing';
import { adapterWith, clientOf, intercept, part, START, time, type Recorded } from './helpers.js';
import { guardFetched, mountUntouched } from './lazy-guard-helpers.js';

describe('<share-card> loads the guard when it is needed: a blocked text', () => {
  let recorded: Recorded;
  beforeEach(() => {
    recorded = intercept();
  });
  afterEach(() => {
    recorded.restore();
    time.clock.set(START);
  });

  it('a share asked for before any edit of a text the charter blocks does not share: the reason stands where the button is', async () => {
    const policy = { version: 1, rules: [{ id: 'projets', kind: 'term' as const, category: 'confidential', severity: 'block' as const, terms: ['rapport climat'] }] };
    const el = await mountUntouched(recorded, clientOf(adapterWith({ guardPolicy: policy })));
    expect(guardFetched(), 'not before the share is asked for').to.equal(false);
    part(el, 'share-button')!.click();
    await waitUntil(() => el.state === 'blocked', `the card never blocked (${el.state})`, { timeout: 5000 });
    await el.updateComplete;
    await waitUntil(() => el.shadowRoot!.activeElement === part(el, 'blocked-reason'), 'the keyboard goes to the reason');
    expect(recorded.calls, 'nothing opens').to.deep.equal([]);
  });
});
