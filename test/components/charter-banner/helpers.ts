/** What every `<charter-banner>` test file shares: a data source, a movable clock, and ways to drive and read the element. */
import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import type { TemplateResult } from 'lit';
import '../../../components/charter-banner/charter-banner.define.js';
import '../../../components/relais-provider/relais-provider.define.js';
import type { CharterBannerElement, CharterBannerState } from '../../../components/charter-banner/charter-banner.js';
import type { AdvocacyAdapter } from '../../../src/adapters/types.js';
import { MemoryAdapter } from '../../../src/adapters/memory-adapter.js';
import { RelaisClient, type RelaisClientOptions } from '../../../src/client/index.js';
import { resetConfiguration } from '../../../src/config/index.js';
import type { DataDocumentInput } from '../../../src/model/index.js';
import { ManualClock } from '../../fixtures/manual-clock.js';
import { makeSeed, viewer } from '../../fixtures/seed.js';

export { makeSeed, viewer, withOverrides } from '../../fixtures/seed.js';

export const DAY = 24 * 60 * 60 * 1000;
export const START = new Date('2026-11-22T09:00:00Z');

/** The clock of every client and adapter in these tests: tests move it (`time.clock.advance`), nothing sleeps. */
export const time = { clock: new ManualClock(START) };

/** `START` plus some days. */
export const daysAfterStart = (days: number) => new Date(START.getTime() + days * DAY);

export function adapterWith(overrides: Partial<DataDocumentInput> = {}): MemoryAdapter {
  return new MemoryAdapter({ data: makeSeed(overrides), viewer, now: () => time.clock.now() });
}

/** A client on the shared manual clock; `options` adds to it (a storage, for instance). */
export function clientOf(adapter: AdvocacyAdapter, options: RelaisClientOptions = {}): RelaisClient {
  return new RelaisClient(adapter, { clock: time.clock, ...options });
}

/** An acknowledgment by the seed's viewer of the seed's charter. */
export const ack = (version: number, at: string) => ({ viewerId: viewer.id, charterId: 'charte-reseaux', version, at });

export async function settled(el: CharterBannerElement, state?: CharterBannerState): Promise<CharterBannerElement> {
  await waitUntil(() => (state ? el.state === state : el.state !== 'loading'), `expected ${state ?? 'a loaded state'}, saw ${el.state}`, { timeout: 3000 });
  await el.updateComplete;
  return el;
}

/** Mounts one banner reading `client` (through a provider) and waits until it has loaded. */
export async function mountBanner(client: RelaisClient, banner: (client: RelaisClient) => TemplateResult = () => html`<charter-banner></charter-banner>`) {
  const provider = await fixture(html`<relais-provider .client=${client}>${banner(client)}</relais-provider>`);
  return settled(provider.querySelector('charter-banner')!);
}

export const part = <T extends Element = HTMLElement>(el: CharterBannerElement, name: string) => el.shadowRoot!.querySelector<T>(`[part~="${name}"]`);
export const textOf = (node: Node | null | undefined) => (node?.textContent ?? '').replace(/\s+/g, ' ').trim();
export const focused = (el: CharterBannerElement) => el.shadowRoot!.activeElement;

/** Ticks "I have read and understood", then presses Enter on the acknowledge button, and waits for the result. */
export async function acknowledgeWithEnter(el: CharterBannerElement): Promise<void> {
  part<HTMLInputElement>(el, 'checkbox')!.click();
  await el.updateComplete;
  part(el, 'acknowledge-button')!.focus();
  await sendKeys({ press: 'Enter' });
  await settled(el, 'acknowledged');
}

/** Ticks the checkbox and clicks the acknowledge button. */
export async function acknowledgeWithClicks(el: CharterBannerElement): Promise<void> {
  part<HTMLInputElement>(el, 'checkbox')!.click();
  await el.updateComplete;
  part(el, 'acknowledge-button')!.click();
  await settled(el, 'acknowledged');
}

/**
 * Asserts that the keyboard is on the element's `name` part. Compares identities and reports the
 * focused part's name: chai's diff of two DOM nodes can stall the runner instead of failing.
 */
export function expectFocusOn(el: CharterBannerElement, name: string): void {
  const active = focused(el);
  expect(active === part(el, name), `focus is on ${active?.getAttribute('part') ?? active?.localName ?? 'nothing'}, not ${name}`).to.equal(true);
}

/** Only our keys: other test files may share this origin's localStorage. */
export const snoozeKeys = () => Object.keys(localStorage).filter((key) => key.startsWith('relais:charter-snooze'));

/** Puts the keyboard on a button before the banner, so that Tab enters the banner from the page. */
export async function focusBefore(el: Element): Promise<void> {
  const before = document.createElement('button');
  before.textContent = 'Before';
  const provider = el.closest('relais-provider');
  if (provider) provider.before(before);
  else el.before(before);
  before.focus();
}

export async function tab(times = 1): Promise<void> {
  for (let i = 0; i < times; i++) await sendKeys({ press: 'Tab' });
}

/** Lets the event loop run one task (not a sleep: no time is waited for). */
export const nextTask = () => new Promise<void>((resolve) => setTimeout(resolve));

/** Every state the element rendered, in order (its `updated` hook, wrapped on this instance). */
export function recordStates(el: CharterBannerElement): CharterBannerState[] {
  const seen: CharterBannerState[] = [];
  const updated = (el as unknown as { updated(changed: unknown): void }).updated;
  Object.assign(el, {
    updated(this: CharterBannerElement, changed: unknown) {
      updated.call(this, changed);
      seen.push(this.state);
    },
  });
  return seen;
}

/** A control of the host page, holding the keyboard. */
export function pageButton(label = 'Page'): HTMLButtonElement {
  const button = document.createElement('button');
  button.textContent = label;
  document.body.append(button);
  button.focus();
  return button;
}

/** Nothing focused, as on a page just loaded. */
export function blurAll(): void {
  (document.activeElement as HTMLElement | null)?.blur();
}

export { captureConsole, captureEvents } from '../../fixtures/capture.js';

afterEach(() => {
  time.clock = new ManualClock(START);
  for (const key of snoozeKeys()) localStorage.removeItem(key);
  sessionStorage.clear();
  resetConfiguration();
  document.documentElement.style.removeProperty('scroll-padding-top');
});
