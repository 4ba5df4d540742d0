/** What the two lazy-guard test files share: whether the guard's code was fetched, and a card mounted without touching its text. */
import { fixture, html, waitUntil } from '@open-wc/testing';
import type { ShareCardElement } from '../../../components/share-card/share-card.js';
import { clientOf, composerOf, type Recorded } from './helpers.js';

/** Every resource the page fetched (an observer: the page's timing buffer fills up with the test's own modules). */
const fetched: string[] = [];
new PerformanceObserver((list) => fetched.push(...list.getEntries().map((entry) => entry.name))).observe({ type: 'resource', buffered: true });

/** Whether the page has fetched the guard's engine module (its source file, as the test server serves it). */
export const guardFetched = () => fetched.some((name) => /\/src\/guard\/guard\.ts/.test(name));

/** Mounts a card and waits until it shows its item, without touching its text: its composer waits for the guard. */
export async function mountUntouched(recorded: Recorded, client = clientOf()): Promise<ShareCardElement> {
  const el = document.createElement('share-card');
  el.setAttribute('item', 'rapport-climat');
  el.shareActions = recorded.actions;
  await fixture(html`<relais-provider .client=${client}>${el}</relais-provider>`);
  await waitUntil(() => el.state === 'ready' && composerOf(el)?.state === 'waiting', 'expected a ready card whose composer waits for the guard', { timeout: 10000 });
  await el.updateComplete;
  return el;
}
