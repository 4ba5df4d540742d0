/**
 * <share-card> loads the guard when it is needed (share-card.lazy-guard.test.ts): a share asked
 * for before any edit, of a suggested text the charter blocks, does not share. In a page of its
 * own, where nothing has imported the guard yet.
 */
import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import type { ShareCardElement } from '../../../components/share-card/share-card.js';
import { adapterWith, clientOf, composerOf, intercept, part, START, time, type Recorded } from './helpers.js';

/** Every resource the page fetched (an observer: the page's timing buffer fills up with the test's own modules). */
const fetched: string[] = [];
new PerformanceObserver((list) => fetched.push(...list.getEntries().map((entry) => entry.name))).observe({ type: 'resource', buffered: true });
/** Whether the page has fetched the guard's engine module (its source file, as the test server serves it). */
const guardFetched = () => fetched.some((name) => /\/src\/guard\/guard\.ts/.test(name));

/** Mounts a card and waits until it shows its item, without touching its text. */
async function mountUntouched(recorded: Recorded, client = clientOf()): Promise<ShareCardElement> {
  const el = document.createElement('share-card');
  el.setAttribute('item', 'rapport-climat');
  el.shareActions = recorded.actions;
  await fixture(html`<relais-provider .client=${client}>${el}</relais-provider>`);
  await waitUntil(() => el.state === 'ready' && composerOf(el)?.state === 'waiting', `expected a ready card with a waiting composer, saw ${el.state} / ${composerOf(el)?.state}`, { timeout: 10000 });
  await el.updateComplete;
  return el;
}

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
