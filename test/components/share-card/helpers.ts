/** What every `<share-card>` test file shares: a data source, a movable clock, the card's share actions recorded, and ways to read the card. */
import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import { render, type TemplateResult } from 'lit';
import type { ShareActions } from '../../../components/shared/share-actions.js';
import '../../../components/share-card/share-card.define.js';
import '../../../components/relais-provider/relais-provider.define.js';
import type { ShareCardElement, ShareCardState } from '../../../components/share-card/share-card.js';
import type { PostComposerGuardElement } from '../../../components/post-composer-guard/post-composer-guard.js';
import type { CharterBannerElement } from '../../../components/charter-banner/charter-banner.js';
import type { AdvocacyAdapter } from '../../../src/adapters/types.js';
import { MemoryAdapter } from '../../../src/adapters/memory-adapter.js';
import { RelaisClient } from '../../../src/client/index.js';
import type { DataDocumentInput, Shareable } from '../../../src/model/index.js';

/** An item as an editor writes it (defaults may be left out). */
export type ShareableInput = Omit<Shareable, 'hashtags' | 'points'> & Partial<Pick<Shareable, 'hashtags' | 'points'>>;
import { ManualClock } from '../../fixtures/manual-clock.js';
import { makeSeed, viewer } from '../../fixtures/seed.js';
import { StorageStub } from '../../src/adapters/storage-stub.js';

export { makeSeed, viewer, withOverrides } from '../../fixtures/seed.js';

export const START = new Date('2026-11-22T09:00:00Z');
export const time = { clock: new ManualClock(START) };

/** An image on the test page's own origin: the card may show it without asking any other host. */
export const LOCAL_IMAGE = new URL('/test/components/share-card/pixel.svg', location.href).href;

/** The item most tests share: per-network variants, hashtags, a local picture. */
export const ITEM: ShareableInput = {
  id: 'rapport-climat',
  title: 'Notre rapport climat 2026',
  summary: 'Nos émissions sur les trois scopes, vérifiées par un tiers.',
  url: 'https://www.helioria.example/actualites/rapport-climat-2026?source=intranet#chiffres',
  imageUrl: LOCAL_IMAGE,
  imageAlt: 'Courbe des émissions de 2020 à 2026',
  category: 'industry',
  text: { default: 'Notre rapport climat 2026 est en ligne.', x: 'Rapport climat 2026 : en ligne !', mastodon: 'Le rapport climat 2026 est publié.' },
  hashtags: ['climat', 'Helioria'],
  lang: 'fr',
  publishedAt: '2026-11-01',
  points: 10,
  campaign: 'rapport-2026',
};

/** A seed where the viewer has acknowledged the charter (sharing is open), unless `overrides` say otherwise. */
export function seedWith(overrides: Partial<DataDocumentInput> = {}): DataDocumentInput {
  return makeSeed({
    shareables: [ITEM, ...(makeSeed().shareables as ShareableInput[]).filter((item) => item.id !== ITEM.id)],
    acknowledgments: [{ viewerId: viewer.id, charterId: 'charte-reseaux', version: 2, at: '2026-11-20T09:00:00Z' }],
    ...overrides,
  });
}

export function adapterWith(overrides: Partial<DataDocumentInput> = {}): MemoryAdapter {
  return new MemoryAdapter({ data: seedWith(overrides), viewer, now: () => time.clock.now() });
}

export function clientOf(adapter: AdvocacyAdapter = adapterWith()): RelaisClient {
  // Each test's own storage: past shares and the Mastodon server do not leak between tests.
  return new RelaisClient(adapter, { clock: time.clock, storage: { local: new StorageStub(), session: new StorageStub() } });
}

export async function settled(el: ShareCardElement, state?: ShareCardState): Promise<ShareCardElement> {
  await waitUntil(() => (state ? el.state === state : el.state !== 'loading'), `expected ${state ?? 'a loaded state'}, saw ${el.state}`, { timeout: 3000 });
  await el.updateComplete;
  const composer = composerOf(el);
  if (composer) await waitUntil(() => composer.state !== 'loading', 'the composer never loaded its policy', { timeout: 3000 });
  // The composer loads the guard with the first edit (share-card.lazy-guard.test.ts tests that):
  // the other tests start from a card whose text the guard has judged.
  if (composer?.state === 'waiting') await composer.check();
  await el.updateComplete;
  return el;
}

/** Mounts one card under a provider of `client` and waits until it has loaded. */
export async function mountCard(
  client: RelaisClient = clientOf(),
  card: TemplateResult = html`<share-card item="rapport-climat"></share-card>`,
  state?: ShareCardState,
): Promise<ShareCardElement> {
  // Rendered first out of the page, so that the card has its share actions before its first update.
  const holder = document.createElement('div');
  render(card, holder);
  const el = holder.querySelector<ShareCardElement>('share-card')!;
  if (activeRecorder) el.shareActions = activeRecorder.actions;
  const provider = await fixture(html`<relais-provider .client=${client}>${[...holder.childNodes]}</relais-provider>`);
  return settled(provider.querySelector('share-card')!, state);
}

export const part = <T extends Element = HTMLElement>(el: ShareCardElement, name: string) => el.shadowRoot!.querySelector<T>(`[part~="${name}"]`);
/** The control that shares on `network` now: for a network of the card's one choice, the share button, once that network is chosen (as a click on it does); else the action's own button. */
export function button(el: ShareCardElement, network: string): HTMLButtonElement | null {
  const choice = el.shadowRoot!.querySelector<HTMLInputElement>(`[part~="networks"] input[value="${network}"]`);
  if (choice && !choice.checked) choice.click();
  if (choice) return el.shadowRoot!.querySelector<HTMLButtonElement>('[part~="share-button"]');
  return el.shadowRoot!.querySelector<HTMLButtonElement>(`[part~="network-button"][data-network="${network}"]`);
}
export const composerOf = (el: ShareCardElement) => el.shadowRoot!.querySelector<PostComposerGuardElement>('[part~="composer"]');
export const bannerOf = (el: ShareCardElement) => el.shadowRoot!.querySelector<CharterBannerElement>('[part~="charter"]');
export const textOf = (node: Node | null | undefined) => (node?.textContent ?? '').replace(/\s+/g, ' ').trim();

/** The textarea inside the card's composer. */
export function textareaOf(el: ShareCardElement): HTMLTextAreaElement {
  return composerOf(el)!.shadowRoot!.querySelector('textarea')!;
}

/** Types into the composer's textarea as a person would (an input event per change). */
export async function typeText(el: ShareCardElement, text: string): Promise<void> {
  const area = textareaOf(el);
  area.focus();
  area.value = text;
  area.dispatchEvent(new InputEvent('input', { bubbles: true, composed: true }));
  await composerOf(el)!.updateComplete;
  if (composerOf(el)!.state === 'waiting') await composerOf(el)!.check();
  await el.updateComplete;
}

/** Every call the card made, in order: windows opened, text copied, share sheets opened. */
export interface Recorded {
  calls: { kind: 'open' | 'copy' | 'share'; value: string }[];
  /** The share actions that record them: cards mounted with `mountCard` while the recorder is active get them. */
  actions: ShareActions;
  restore(): void;
}

/** The recorder cards mounted now get instead of the browser's own share actions. */
let activeRecorder: Recorded | undefined;

/** Records what a card opens, copies and hands to the share sheet, for one test (through the card's `shareActions`). */
export function intercept(options: { share?: 'accept' | 'cancel' } = {}): Recorded {
  const calls: Recorded['calls'] = [];
  const recorder: Recorded = {
    calls,
    actions: {
      open: (href) => void calls.push({ kind: 'open', value: href }),
      copy: (text) => (calls.push({ kind: 'copy', value: text }), Promise.resolve(true)),
      canShare: () => !!options.share,
      share: (data) => (calls.push({ kind: 'share', value: JSON.stringify(data) }), options.share === 'accept' ? Promise.resolve() : Promise.reject(new DOMException('Share canceled', 'AbortError'))),
    },
    restore() {
      if (activeRecorder === recorder) activeRecorder = undefined;
    },
  };
  activeRecorder = recorder;
  return recorder;
}

/** The decoded query parameters of an address. */
export const paramsOf = (href: string) => Object.fromEntries(new URL(href).searchParams);

/** Waits until the card's confirmation says something containing `words`. */
export async function confirmation(el: ShareCardElement, words: string): Promise<string> {
  await waitUntil(() => textOf(part(el, 'confirmation')).includes(words), `the confirmation never said "${words}" (it says "${textOf(part(el, 'confirmation'))}")`, { timeout: 3000 });
  return textOf(part(el, 'confirmation'));
}

export function expectNoOverflow(el: ShareCardElement): void {
  const overflowing = [el, ...el.shadowRoot!.querySelectorAll<HTMLElement>('*')].filter(
    (node) => node.scrollWidth > node.clientWidth + 1 && getComputedStyle(node).overflowX === 'visible' && node.clientWidth > 0,
  );
  expect(
    overflowing.map((node) => `${node.localName}${node.getAttribute('part') ? `[${node.getAttribute('part')}]` : ''} ${node.scrollWidth}>${node.clientWidth}`),
    'elements wider than their box',
  ).to.deep.equal([]);
  expect(el.scrollWidth, 'the card is wider than its box').to.be.at.most(el.clientWidth);
}
