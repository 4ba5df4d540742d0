import { aTimeout, expect, fixture, html, oneEvent, waitUntil } from '@open-wc/testing';
import { emulateMedia, sendKeys } from '@web/test-runner-commands';
import type { TemplateResult } from 'lit';
import '../../../components/charter-banner/charter-banner.define.js';
import '../../../components/relais-provider/relais-provider.define.js';
import type { CharterBannerElement, CharterBannerState } from '../../../components/charter-banner/charter-banner.js';
import type { AdvocacyAdapter } from '../../../src/adapters/types.js';
import { MemoryAdapter } from '../../../src/adapters/memory-adapter.js';
import { RelaisClient } from '../../../src/client/index.js';
import { configure, resetConfiguration } from '../../../src/config/index.js';
import type { RelaisEvent } from '../../../src/events/index.js';
import type { DataDocumentInput } from '../../../src/model/index.js';
import { makeSeed, viewer, withOverrides } from '../../fixtures/seed.js';

const DAY = 24 * 60 * 60 * 1000;
const START = new Date('2026-11-22T09:00:00Z');
/** The clock of every client in these tests; tests move it forward to end snoozes. */
let clock = START;

function adapterWith(overrides: Partial<DataDocumentInput> = {}): MemoryAdapter {
  return new MemoryAdapter({ data: makeSeed(overrides), viewer, now: () => clock });
}

function clientOf(adapter: AdvocacyAdapter): RelaisClient {
  return new RelaisClient(adapter, { now: () => clock });
}

/** An acknowledgment by the seed's viewer of the seed's charter. */
const ack = (version: number, at: string) => ({ viewerId: viewer.id, charterId: 'charte-reseaux', version, at });

async function settled(el: CharterBannerElement, state?: CharterBannerState): Promise<CharterBannerElement> {
  await waitUntil(() => (state ? el.state === state : el.state !== 'loading'), `expected ${state ?? 'a loaded state'}, saw ${el.state}`, { timeout: 3000 });
  await el.updateComplete;
  return el;
}

/** Mounts one banner reading `client` (through a provider) and waits until it has loaded. */
async function mountBanner(client: RelaisClient, banner: (client: RelaisClient) => TemplateResult = () => html`<charter-banner></charter-banner>`) {
  const provider = await fixture(html`<relais-provider .client=${client}>${banner(client)}</relais-provider>`);
  return settled(provider.querySelector('charter-banner')!);
}

const part = <T extends Element = HTMLElement>(el: CharterBannerElement, name: string) => el.shadowRoot!.querySelector<T>(`[part~="${name}"]`);
const textOf = (node: Node | null | undefined) => (node?.textContent ?? '').replace(/\s+/g, ' ').trim();
const focused = (el: CharterBannerElement) => el.shadowRoot!.activeElement;

/** Ticks "I have read and understood", then presses Enter on the acknowledge button, and waits for the result. */
async function acknowledgeWithEnter(el: CharterBannerElement): Promise<void> {
  part<HTMLInputElement>(el, 'checkbox')!.click();
  await el.updateComplete;
  part(el, 'acknowledge-button')!.focus();
  await sendKeys({ press: 'Enter' });
  await settled(el, 'acknowledged');
}

/**
 * Asserts that the keyboard is on the element's `name` part. Compares identities and reports the
 * focused part's name: chai's diff of two DOM nodes can stall the runner instead of failing.
 */
function expectFocusOn(el: CharterBannerElement, name: string): void {
  const active = focused(el);
  expect(active === part(el, name), `focus is on ${active?.getAttribute('part') ?? active?.localName ?? 'nothing'}, not ${name}`).to.equal(true);
}
/** Only our keys: test files running in parallel tabs share localStorage. */
const snoozeKeys = () => Object.keys(localStorage).filter((key) => key.startsWith('relais:charter-snooze'));

/** Puts the keyboard on a button before the banner, so that Tab enters the banner from the page. */
async function focusBefore(el: Element): Promise<void> {
  const before = document.createElement('button');
  before.textContent = 'Before';
  el.closest('relais-provider')?.before(before) ?? el.before(before);
  before.focus();
}

async function tab(times = 1): Promise<void> {
  for (let i = 0; i < times; i++) await sendKeys({ press: 'Tab' });
}

/** Every state the element rendered, in order (its `updated` hook, wrapped on this instance). */
function recordStates(el: CharterBannerElement): CharterBannerState[] {
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

type Schedule = (callback: () => void, delay: number) => () => void;
interface FakeTimer {
  callback: () => void;
  delay: number;
  cancelled: boolean;
}
let restoreSchedule: (() => void) | undefined;

/** Replaces the element's timer seam, so that no test waits on real time for a snooze to end. */
function fakeSchedule(): { pending: () => FakeTimer[] } {
  const Banner = customElements.get('charter-banner') as unknown as { schedule: Schedule };
  const original = Banner.schedule;
  const timers: FakeTimer[] = [];
  Banner.schedule = (callback, delay) => {
    const timer = { callback, delay, cancelled: false };
    timers.push(timer);
    return () => void (timer.cancelled = true);
  };
  restoreSchedule = () => (Banner.schedule = original);
  return { pending: () => timers.filter((timer) => !timer.cancelled) };
}

/** A control of the host page, holding the keyboard. */
function pageButton(label = 'Page'): HTMLButtonElement {
  const button = document.createElement('button');
  button.textContent = label;
  document.body.append(button);
  button.focus();
  return button;
}

// Focus checks compare identities (`a === b`): a failed deep comparison of two DOM nodes makes
// the runner serialize them, which can hang the browser instead of reporting the failure.

/** Nothing focused, as on a page just loaded. */
function blurAll(): void {
  (document.activeElement as HTMLElement | null)?.blur();
}

function captureConsole(method: 'error' | 'warn') {
  const calls: string[] = [];
  const original = console[method];
  console[method] = (...args: unknown[]) => void calls.push(args.map(String).join(' '));
  return { calls, restore: () => (console[method] = original) };
}

afterEach(() => {
  restoreSchedule?.();
  restoreSchedule = undefined;
  clock = START;
  // Our keys only: other test files may be running in parallel tabs of the same origin.
  for (const key of snoozeKeys()) localStorage.removeItem(key);
  sessionStorage.clear();
  resetConfiguration();
  document.documentElement.style.removeProperty('scroll-padding-top');
});

describe('<charter-banner> showing the charter', () => {
  it('on a first visit shows a region with the title, the summary, the read button and a disabled acknowledge button', async () => {
    const el = await mountBanner(clientOf(adapterWith()));
    expect(el.state).to.equal('prompt');
    const banner = part(el, 'banner')!;
    expect(banner.getAttribute('role')).to.equal('region');
    expect(textOf(el.shadowRoot!.getElementById(banner.getAttribute('aria-labelledby')!))).to.equal('Social media charter');
    expect(textOf(part(el, 'title'))).to.equal('Charte des réseaux sociaux');
    expect(textOf(part(el, 'summary'))).to.equal('Parlez en votre nom, gardez le confidentiel pour vous.');
    expect(textOf(part(el, 'read-button'))).to.equal('Read the charter');
    expect(part<HTMLButtonElement>(el, 'acknowledge-button')!.disabled).to.equal(true);
    expect(textOf(part(el, 'snooze-hint'))).to.equal('You can postpone this 3 more times.');
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
    expect(textOf(part(el, 'reason'))).to.contain('A new version of the charter (version 2)');
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
    expect(textOf(part(el, 'reason'))).to.equal('You last acknowledged the charter on November 1, 2025. Please read it again and renew your acknowledgment.');
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
    expect(textOf(part(el, 'acknowledge-button'))).to.equal('Valider');
    expect(textOf(part(el, 'snooze-button'))).to.equal('Me le rappeler plus tard');
    expect(textOf(part(el, 'reason'))).to.contain('le 1 novembre 2025');
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

describe('<charter-banner> acknowledging', () => {
  it('keeps the acknowledge button disabled until "I have read and understood" is checked', async () => {
    const adapter = adapterWith();
    const el = await mountBanner(clientOf(adapter));
    part(el, 'acknowledge-button')!.click();
    await el.updateComplete;
    // An acknowledgment that started would show at once: a busy button (as checked below).
    expect(el.state).to.equal('prompt');
    expect(part(el, 'acknowledge-button')!.hasAttribute('aria-busy')).to.equal(false);
    expect(await adapter.acknowledgment(viewer.id)).to.equal(undefined);
    part<HTMLInputElement>(el, 'checkbox')!.click();
    await el.updateComplete;
    expect(part<HTMLButtonElement>(el, 'acknowledge-button')!.disabled).to.equal(false);
    part(el, 'acknowledge-button')!.click();
    await el.updateComplete;
    expect(part(el, 'acknowledge-button')?.getAttribute('aria-busy')).to.equal('true');
  });

  it('works with the keyboard alone: Tab, Space on the checkbox, Enter on the button; records, fires, announces and collapses', async () => {
    const adapter = adapterWith();
    const el = await mountBanner(clientOf(adapter));
    const liveRegion = part(el, 'confirmation')!;
    expect(liveRegion.getAttribute('aria-live')).to.equal('polite');
    expect(textOf(liveRegion), 'empty before').to.equal('');
    await focusBefore(el);

    await tab();
    expectFocusOn(el, 'read-button');
    await tab();
    expectFocusOn(el, 'checkbox');
    await sendKeys({ press: 'Space' });
    await el.updateComplete;
    expect(part<HTMLInputElement>(el, 'checkbox')!.checked).to.equal(true);
    await tab();
    expectFocusOn(el, 'acknowledge-button');
    const acknowledged = oneEvent(el, 'relais-acknowledge') as Promise<RelaisEvent<'relais-acknowledge'>>;
    await sendKeys({ press: 'Enter' });
    const event = await acknowledged;

    expect(event.bubbles && event.composed).to.equal(true);
    expect(event.detail.acknowledgment).to.deep.equal({ viewerId: viewer.id, charterId: 'charte-reseaux', version: 2, at: START.toISOString() });
    expect(await adapter.acknowledgment(viewer.id)).to.deep.equal(event.detail.acknowledgment);
    await settled(el, 'acknowledged');
    expect(part(el, 'banner'), 'collapsed').to.equal(null);
    expect(part(el, 'confirmation'), 'the same live region, which existed before the text').to.equal(liveRegion);
    expect(textOf(liveRegion)).to.equal('Thank you, your acknowledgment is recorded.');
    await expect(el).to.be.accessible();
  });

  it('shows a visible focus ring from --relais-focus-ring', async () => {
    const el = await mountBanner(clientOf(adapterWith()));
    el.style.setProperty('--relais-focus-ring', '4px solid rgb(255, 0, 0)');
    await focusBefore(el);
    await tab();
    const style = getComputedStyle(part(el, 'read-button')!);
    expect(style.outlineStyle).to.equal('solid');
    expect(style.outlineWidth).to.equal('4px');
    expect(style.outlineColor).to.equal('rgb(255, 0, 0)');
  });

  it('in inline mode, leaves the keyboard on "read it again" after acknowledging', async () => {
    const el = await mountBanner(clientOf(adapterWith()), () => html`<charter-banner mode="inline"></charter-banner>`);
    part<HTMLInputElement>(el, 'checkbox')!.click();
    await el.updateComplete;
    part(el, 'acknowledge-button')!.click();
    await settled(el, 'acknowledged');
    await waitUntil(() => focused(el) === part(el, 'reread-button'));
    expect(textOf(part(el, 'acknowledged'))).to.contain('You acknowledged the charter on November 22, 2026.');
  });

  it('shares the charter status: acknowledging in one banner hides another on the same client at once, before the write is confirmed', async () => {
    let confirmWrite!: () => void;
    const memory = adapterWith();
    const adapter = withOverrides(memory, {
      acknowledge: (acknowledgment) => new Promise<void>((resolve) => (confirmWrite = () => void memory.acknowledge(acknowledgment).then(resolve))),
    });
    const client = clientOf(adapter);
    const provider = await fixture(html`<relais-provider .client=${client}><charter-banner id="top"></charter-banner><charter-banner id="card" mode="inline"></charter-banner></relais-provider>`);
    const top = await settled(provider.querySelector<CharterBannerElement>('#top')!);
    const card = await settled(provider.querySelector<CharterBannerElement>('#card')!);
    expect([top.state, card.state]).to.deep.equal(['prompt', 'prompt']);

    part<HTMLInputElement>(top, 'checkbox')!.click();
    await top.updateComplete;
    part(top, 'acknowledge-button')!.click();
    await settled(card, 'acknowledged');
    // The banner that acknowledges keeps its prompt, busy, until its own write settles (its
    // button must not vanish and come back if the write fails).
    expect(top.state).to.equal('prompt');
    expect(part(top, 'acknowledge-button')!.getAttribute('aria-busy')).to.equal('true');
    expect(confirmWrite, 'the write is still pending').to.be.a('function');
    confirmWrite();
    await settled(top, 'acknowledged');
    expect(await memory.acknowledgment(viewer.id)).not.to.equal(undefined);
  });

  it('says so, keeps the banner and fires relais-error when the acknowledgment cannot be saved', async () => {
    const adapter = withOverrides(adapterWith(), { acknowledge: () => Promise.reject(new Error('HTTP 503')) });
    const el = await mountBanner(clientOf(adapter));
    const errors = captureConsole('error');
    try {
      part<HTMLInputElement>(el, 'checkbox')!.click();
      await el.updateComplete;
      const failed = oneEvent(el, 'relais-error') as Promise<RelaisEvent<'relais-error'>>;
      part(el, 'acknowledge-button')!.click();
      expect((await failed).detail).to.include({ code: 'unavailable', message: 'HTTP 503' });
      await waitUntil(() => part(el, 'error') !== null);
    } finally {
      errors.restore();
    }
    expect(el.state).to.equal('prompt');
    expect(textOf(part(el, 'error'))).to.equal('Your acknowledgment could not be saved. Please try again.');
    expect(errors.calls).to.have.length(1);
    await expect(el).to.be.accessible();
  });
});

describe('<charter-banner> remind me later', () => {
  it('hides the banner for snooze-days, fires relais-snooze, and remembers it across page loads', async () => {
    const client = clientOf(adapterWith());
    const el = await mountBanner(client, () => html`<charter-banner snooze-days="5"></charter-banner>`);
    const snoozed = oneEvent(el, 'relais-snooze') as Promise<RelaisEvent<'relais-snooze'>>;
    part(el, 'snooze-button')!.click();
    const event = await snoozed;
    expect(event.detail).to.deep.equal({ until: new Date(START.getTime() + 5 * DAY).toISOString(), snoozesLeft: 2 });
    await settled(el, 'snoozed');
    expect(part(el, 'banner')).to.equal(null);
    await expect(el).to.be.accessible();
    expect(textOf(part(el, 'confirmation'))).to.equal('We will remind you on November 27, 2026.');
    expect(snoozeKeys()).to.deep.equal([`relais:charter-snooze:${viewer.id}:charte-reseaux:2`]);

    // A later page load, still within the snooze.
    clock = new Date(START.getTime() + 4 * DAY);
    const reloaded = await mountBanner(clientOf(adapterWith()), () => html`<charter-banner snooze-days="5"></charter-banner>`);
    expect(reloaded.state).to.equal('snoozed');

    // Once the snooze ends, the banner is back with one snooze fewer.
    clock = new Date(START.getTime() + 5 * DAY);
    const back = await mountBanner(clientOf(adapterWith()), () => html`<charter-banner snooze-days="5"></charter-banner>`);
    expect(back.state).to.equal('prompt');
    expect(textOf(part(back, 'snooze-hint'))).to.equal('You can postpone this 2 more times.');
    await expect(back).to.be.accessible();
  });

  it('comes back by itself when the snooze ends while the page stays open', async () => {
    const timers = fakeSchedule();
    const el = await mountBanner(clientOf(adapterWith()), () => html`<charter-banner snooze-days="2"></charter-banner>`);
    part(el, 'snooze-button')!.click();
    await settled(el, 'snoozed');
    const [wake, ...others] = timers.pending();
    expect(others, 'one wake-up').to.deep.equal([]);
    expect(wake!.delay, 'when the snooze ends').to.equal(2 * DAY);
    clock = new Date(START.getTime() + 2 * DAY);
    wake!.callback();
    await settled(el, 'prompt');
    expect(part(el, 'banner')).not.to.equal(null);
  });

  it('is gone after max-snoozes snoozes', async () => {
    const page = () => html`<charter-banner max-snoozes="2" snooze-days="1"></charter-banner>`;
    for (const left of [2, 1]) {
      const el = await mountBanner(clientOf(adapterWith()), page);
      expect(textOf(part(el, 'snooze-hint'))).to.equal(left === 2 ? 'You can postpone this 2 more times.' : 'You can postpone this once more.');
      const snoozed = oneEvent(el, 'relais-snooze') as Promise<RelaisEvent<'relais-snooze'>>;
      part(el, 'snooze-button')!.click();
      expect((await snoozed).detail.snoozesLeft).to.equal(left - 1);
      clock = new Date(clock.getTime() + DAY);
    }
    const el = await mountBanner(clientOf(adapterWith()), page);
    expect(el.state).to.equal('prompt');
    expect(part(el, 'snooze-button')).to.equal(null);
    expect(part(el, 'snooze-hint')).to.equal(null);
    await expect(el).to.be.accessible();
  });

  it('offers no snooze with max-snoozes="0"', async () => {
    const el = await mountBanner(clientOf(adapterWith()), () => html`<charter-banner max-snoozes="0"></charter-banner>`);
    expect(part(el, 'snooze-button')).to.equal(null);
  });

  it('still snoozes for the page when the browser storage refuses to keep it', async () => {
    const el = await mountBanner(clientOf(adapterWith()));
    const setItem = Storage.prototype.setItem;
    Storage.prototype.setItem = () => {
      throw new DOMException('full', 'QuotaExceededError');
    };
    try {
      part(el, 'snooze-button')!.click();
      await settled(el, 'snoozed');
    } finally {
      Storage.prototype.setItem = setItem;
    }
    expect(snoozeKeys()).to.deep.equal([]);
  });

  it('starts the snoozes afresh after an acknowledgment (next year’s renewal)', async () => {
    const adapter = adapterWith();
    const el = await mountBanner(clientOf(adapter));
    part(el, 'snooze-button')!.click();
    await settled(el, 'snoozed');
    clock = new Date(START.getTime() + 3 * DAY);
    const again = await mountBanner(clientOf(adapter));
    part<HTMLInputElement>(again, 'checkbox')!.click();
    await again.updateComplete;
    part(again, 'acknowledge-button')!.click();
    await settled(again, 'acknowledged');
    clock = new Date(START.getTime() + 400 * DAY);
    const renewal = await mountBanner(clientOf(adapter));
    expect(renewal.state).to.equal('prompt');
    expect(textOf(part(renewal, 'snooze-hint'))).to.equal('You can postpone this 3 more times.');
  });
});

describe('<charter-banner> the full text in a dialog', () => {
  it('opens with the keyboard, starts on the text, closes with Escape and gives focus back to its opener', async () => {
    const el = await mountBanner(clientOf(adapterWith()));
    await focusBefore(el);
    await tab();
    await sendKeys({ press: 'Enter' });
    const dialog = part<HTMLDialogElement>(el, 'dialog')!;
    expect(dialog.open).to.equal(true);
    expect(dialog.matches(':modal')).to.equal(true);
    expectFocusOn(el, 'body');
    expect(part(el, 'body')!.querySelector('h2')?.textContent).to.equal('Principes');
    expect(textOf(el.shadowRoot!.getElementById(dialog.getAttribute('aria-labelledby')!))).to.equal('Charte des réseaux sociaux');
    await expect(el).to.be.accessible();

    await sendKeys({ press: 'Escape' });
    await waitUntil(() => !dialog.open);
    await waitUntil(() => focused(el) === part(el, 'read-button'), 'focus back on the opener');
  });

  it('closes with its close button, from the keyboard, and gives focus back', async () => {
    const el = await mountBanner(clientOf(adapterWith()));
    part(el, 'read-button')!.focus();
    await sendKeys({ press: 'Enter' });
    const dialog = part<HTMLDialogElement>(el, 'dialog')!;
    await tab();
    expect(textOf(focused(el))).to.equal('Close');
    await sendKeys({ press: 'Enter' });
    await waitUntil(() => !dialog.open);
    await waitUntil(() => focused(el) === part(el, 'read-button'), 'focus back on the opener');
  });

  it('is a modal first-visit dialog in dialog mode: focus inside, Escape closes it for the session', async () => {
    const el = await mountBanner(clientOf(adapterWith()), () => html`<charter-banner mode="dialog"></charter-banner>`);
    const modal = part<HTMLDialogElement>(el, 'modal')!;
    await waitUntil(() => modal.open);
    expect(modal.matches(':modal')).to.equal(true);
    expectFocusOn(el, 'read-button');
    expect(textOf(el.shadowRoot!.getElementById(modal.getAttribute('aria-labelledby')!))).to.equal('Charte des réseaux sociaux');
    await expect(el).to.be.accessible();

    const closed = oneEvent(modal, 'close');
    await sendKeys({ press: 'Escape' });
    await closed;
    expect(modal.open).to.equal(false);
    expect(el.state, 'closing is not a snooze').to.equal('prompt');
    expect(snoozeKeys()).to.deep.equal([]);

    const nextPage = await mountBanner(clientOf(adapterWith()), () => html`<charter-banner mode="dialog"></charter-banner>`);
    // Settled in the prompt, rendered: the modal opens in that very update when it opens at all.
    expect(nextPage.state).to.equal('prompt');
    expect(part<HTMLDialogElement>(nextPage, 'modal')!.open, 'not again in this session').to.equal(false);
  });

  it('in dialog mode, reads the charter over the modal and acknowledges from the keyboard, then closes', async () => {
    const el = await mountBanner(clientOf(adapterWith()), () => html`<charter-banner mode="dialog"></charter-banner>`);
    const modal = part<HTMLDialogElement>(el, 'modal')!;
    await waitUntil(() => modal.open);
    await sendKeys({ press: 'Enter' });
    const dialog = part<HTMLDialogElement>(el, 'dialog')!;
    expect(dialog.open).to.equal(true);
    await expect(el).to.be.accessible();
    await sendKeys({ press: 'Escape' });
    await waitUntil(() => !dialog.open);
    expect(modal.open, 'Escape closes the top dialog only').to.equal(true);
    expectFocusOn(el, 'read-button');

    await tab();
    await sendKeys({ press: 'Space' });
    await el.updateComplete;
    await tab();
    const acknowledged = oneEvent(el, 'relais-acknowledge');
    await sendKeys({ press: 'Enter' });
    await acknowledged;
    await settled(el, 'acknowledged');
    expect(modal.open).to.equal(false);
    expect(textOf(part(el, 'confirmation'))).to.equal('Thank you, your acknowledgment is recorded.');
  });
});

describe('<charter-banner> loading, errors and configuration', () => {
  it('shows a localized loading state', async () => {
    let asked = false;
    const adapter = withOverrides(adapterWith(), {
      charter: () => {
        asked = true;
        return new Promise(() => {});
      },
    });
    const provider = await fixture(html`<relais-provider .client=${clientOf(adapter)}><charter-banner></charter-banner></relais-provider>`);
    const el = provider.querySelector('charter-banner')!;
    // The element has its client and asked for the charter: loading for the right reason.
    await waitUntil(() => asked, 'the charter was never asked for');
    await el.updateComplete;
    expect(el.state).to.equal('loading');
    expect(textOf(part(el, 'status'))).to.equal('Loading…');
    await expect(el).to.be.accessible();
  });

  it('on a failed load shows an error with a retry that loads again, and reports it once', async () => {
    const memory = adapterWith();
    let failing = true;
    const adapter = withOverrides(memory, { charter: () => (failing ? Promise.reject(new Error('HTTP 500')) : memory.charter()) });
    const errors = captureConsole('error');
    const events: RelaisEvent<'relais-error'>[] = [];
    const listener = (event: RelaisEvent<'relais-error'>) => void events.push(event);
    document.addEventListener('relais-error', listener);
    let el: CharterBannerElement;
    try {
      el = await mountBanner(clientOf(adapter));
      expect(el.state).to.equal('error');
      el.requestUpdate();
      await el.updateComplete;
      await aTimeout(20);
    } finally {
      errors.restore();
      document.removeEventListener('relais-error', listener);
    }
    expect(events.map((event) => event.detail.code)).to.deep.equal(['unavailable']);
    expect(events[0]!.detail.message).to.equal('HTTP 500');
    expect(errors.calls).to.have.length(1);
    expect(textOf(part(el, 'error'))).to.equal('This could not be loaded.');
    await expect(el).to.be.accessible();

    failing = false;
    part(el, 'retry-button')!.click();
    await settled(el, 'prompt');
  });

  it('keeps the keyboard at the element when "Try again" is pressed and the error gives way', async () => {
    const memory = adapterWith();
    let failing = true;
    const adapter = withOverrides(memory, { charter: () => (failing ? Promise.reject(new Error('HTTP 503')) : memory.charter()) });
    const errors = captureConsole('error');
    let el: CharterBannerElement;
    try {
      el = await mountBanner(clientOf(adapter));
      await settled(el, 'error');
    } finally {
      errors.restore();
    }
    failing = false;
    part(el, 'retry-button')!.focus();
    await sendKeys({ press: 'Enter' });
    await settled(el, 'prompt');
    // Not lost to <body>: the next Tab continues from the element's place in the page.
    const focusOnHost = document.activeElement === el;
    expect(focusOnHost, `focus is on ${document.activeElement?.localName}`).to.equal(true);
    await sendKeys({ press: 'Tab' });
    const firstControl = el.shadowRoot!.activeElement === part(el, 'read-button');
    expect(firstControl, 'Tab goes to the first control of the prompt').to.equal(true);
  });

  it('on invalid data says so, names the field in one console error and in relais-error', async () => {
    const adapter = withOverrides(adapterWith(), { charter: async () => ({ ...makeSeed().charter, version: 'two' }) as never });
    const errors = captureConsole('error');
    let el: CharterBannerElement;
    let detail: RelaisEvent<'relais-error'>['detail'] | undefined;
    const listener = (event: RelaisEvent<'relais-error'>) => (detail = event.detail);
    document.addEventListener('relais-error', listener);
    try {
      el = await mountBanner(clientOf(adapter));
      await aTimeout(20);
    } finally {
      errors.restore();
      document.removeEventListener('relais-error', listener);
    }
    expect(el.state).to.equal('error');
    expect(textOf(part(el, 'error'))).to.equal('The data received is not valid.');
    expect(detail).to.include({ code: 'invalid-data', field: 'version' });
    expect(errors.calls).to.have.length(1);
    expect(errors.calls[0]).to.contain('version');
  });

  it('shows a localized "not configured" state when no source is configured', async () => {
    const warnings = captureConsole('warn');
    let el: CharterBannerElement;
    try {
      el = await settled(await fixture<CharterBannerElement>(html`<charter-banner lang="fr"></charter-banner>`), 'not-configured');
    } finally {
      warnings.restore();
    }
    expect(textOf(part(el, 'status'))).to.contain('Relais n’est pas configuré.');
    expect(warnings.calls.filter((message) => message.includes('no data source is configured'))).to.have.length(1);
    await expect(el).to.be.accessible();
  });

  it('reads the page-wide client from Relais.configure', async () => {
    configure({ adapter: adapterWith(), now: () => clock });
    const el = await settled(await fixture<CharterBannerElement>(html`<charter-banner mode="banner"></charter-banner>`));
    expect(el.state).to.equal('prompt');
  });
});

describe('<charter-banner> theming and layout', () => {
  afterEach(() => emulateMedia({ colorScheme: 'light' }));

  it('meets contrast in the forced dark theme', async () => {
    const el = await mountBanner(clientOf(adapterWith({ acknowledgments: [ack(1, '2026-10-01T08:00:00Z')] })), () => html`<charter-banner theme="dark"></charter-banner>`);
    expect(getComputedStyle(part(el, 'banner')!).backgroundColor).to.equal('rgb(28, 37, 53)');
    await expect(el).to.be.accessible();
  });

  it('follows prefers-color-scheme: dark unless forced light', async () => {
    await emulateMedia({ colorScheme: 'dark' });
    const el = await mountBanner(clientOf(adapterWith()), () => html`<charter-banner mode="inline"></charter-banner>`);
    expect(getComputedStyle(part(el, 'banner')!).backgroundColor).to.equal('rgb(28, 37, 53)');
    await expect(el).to.be.accessible();
    el.theme = 'light';
    await el.updateComplete;
    expect(getComputedStyle(part(el, 'banner')!).backgroundColor).to.equal('rgb(234, 241, 251)');
  });

  it('when sticky, makes room with scroll-padding-top while shown and removes it once hidden', async () => {
    const el = await mountBanner(clientOf(adapterWith()), () => html`<charter-banner sticky></charter-banner>`);
    expect(getComputedStyle(el).position).to.equal('sticky');
    const padding = () => document.documentElement.style.getPropertyValue('scroll-padding-top');
    await waitUntil(() => padding() === `${Math.ceil(el.getBoundingClientRect().height)}px`);
    part<HTMLInputElement>(el, 'checkbox')!.click();
    await el.updateComplete;
    part(el, 'acknowledge-button')!.click();
    await settled(el, 'acknowledged');
    expect(padding()).to.equal('');
  });

  it('exposes its state to CSS as a custom state', async () => {
    const el = await mountBanner(clientOf(adapterWith()));
    expect(el.matches(':state(prompt)')).to.equal(true);
    expect(el.matches(':state(acknowledged)')).to.equal(false);
  });
});

describe('<charter-banner> a failed acknowledgment', () => {
  it('keeps the prompt and the keyboard on the busy button while saving, then announces the failure there', async () => {
    let failWrite!: (error: Error) => void;
    const adapter = withOverrides(adapterWith(), { acknowledge: () => new Promise<void>((_, reject) => (failWrite = reject)) });
    const client = clientOf(adapter);
    const el = await mountBanner(client);
    part<HTMLInputElement>(el, 'checkbox')!.click();
    await el.updateComplete;
    const button = part(el, 'acknowledge-button')!;
    button.focus();
    const states = recordStates(el);
    const errors = captureConsole('error');
    try {
      await sendKeys({ press: 'Enter' });
      // The shared status moved at once (other elements unlock), and this banner did not follow it.
      await waitUntil(() => client.$charterStatus.get() === 'acknowledged', 'the optimistic update');
      await el.updateComplete;
      expect(el.state).to.equal('prompt');
      expect(part(el, 'acknowledge-button') === button, 'the same button').to.equal(true);
      expect(button.getAttribute('aria-busy')).to.equal('true');
      expect(button.getAttribute('aria-disabled')).to.equal('true');
      expect(textOf(button)).to.equal('Saving…');
      expect(focused(el) === button, 'still on the button while saving').to.equal(true);
      await expect(el).to.be.accessible();

      const failed = oneEvent(el, 'relais-error');
      failWrite(new Error('HTTP 503'));
      await failed;
      await waitUntil(() => part(el, 'error') !== null);
      await el.updateComplete;
    } finally {
      errors.restore();
    }
    expect(states.length, 'rendered while saving and after').to.be.greaterThan(1);
    expect(states.every((state) => state === 'prompt'), `states: ${states.join(', ')}`).to.equal(true);
    expect(part(el, 'acknowledge-button') === button, 'never re-created').to.equal(true);
    expect(focused(el) === button, 'the keyboard stayed on the button').to.equal(true);
    expect(button.hasAttribute('aria-busy')).to.equal(false);
    const error = part(el, 'error')!;
    expect(error.getAttribute('role'), 'announced as it appears').to.equal('alert');
    expect(textOf(error)).to.equal('Your acknowledgment could not be saved. Please try again.');
    await expect(el).to.be.accessible();
  });

  it('announces a load error that appears after loading', async () => {
    let failLoad!: (error: Error) => void;
    const adapter = withOverrides(adapterWith(), { charter: () => new Promise((_, reject) => (failLoad = reject)) });
    const provider = await fixture(html`<relais-provider .client=${clientOf(adapter)}><charter-banner></charter-banner></relais-provider>`);
    const el = provider.querySelector('charter-banner')!;
    await waitUntil(() => failLoad !== undefined, 'the charter was never asked for');
    await el.updateComplete;
    expect(el.state).to.equal('loading');
    const errors = captureConsole('error');
    try {
      failLoad(new Error('HTTP 500'));
      await settled(el, 'error');
    } finally {
      errors.restore();
    }
    expect(part(el, 'error')!.getAttribute('role')).to.equal('alert');
    await expect(el).to.be.accessible();
  });
});

describe('<charter-banner> where the keyboard goes', () => {
  const thanks = 'Thank you, your acknowledgment is recorded.';

  /** The confirmation holds the keyboard, and is read as the focused text only (not live as well). */
  function expectFocusedConfirmation(el: CharterBannerElement, text: string): void {
    const confirmation = part(el, 'confirmation')!;
    expect(focused(el) === confirmation, 'focus on the confirmation').to.equal(true);
    expect(textOf(confirmation)).to.equal(text);
    expect(confirmation.getAttribute('tabindex')).to.equal('-1');
    expect(confirmation.getAttribute('aria-live'), 'not live while focused: read once').to.equal('off');
    expect(confirmation.hasAttribute('role')).to.equal(false);
  }

  it('after acknowledging from the keyboard in banner mode, goes to the confirmation', async () => {
    const el = await mountBanner(clientOf(adapterWith()));
    await acknowledgeWithEnter(el);
    await waitUntil(() => focused(el) === part(el, 'confirmation'), `focus on ${document.activeElement?.localName}`);
    expectFocusedConfirmation(el, thanks);
    await expect(el).to.be.accessible();
  });

  it('after "remind me later" from the keyboard in banner mode, goes to the confirmation', async () => {
    const el = await mountBanner(clientOf(adapterWith()));
    part(el, 'snooze-button')!.focus();
    await sendKeys({ press: 'Enter' });
    await settled(el, 'snoozed');
    await waitUntil(() => focused(el) === part(el, 'confirmation'), `focus on ${document.activeElement?.localName}`);
    expectFocusedConfirmation(el, 'We will remind you on November 25, 2026.');
    await expect(el).to.be.accessible();
  });

  it('after "remind me later" in inline mode, goes to the confirmation', async () => {
    const el = await mountBanner(clientOf(adapterWith()), () => html`<charter-banner mode="inline"></charter-banner>`);
    part(el, 'snooze-button')!.focus();
    await sendKeys({ press: 'Enter' });
    await settled(el, 'snoozed');
    await waitUntil(() => focused(el) === part(el, 'confirmation'));
    expectFocusedConfirmation(el, 'We will remind you on November 25, 2026.');
    await expect(el).to.be.accessible();
  });

  it('is not taken from elsewhere in the page: the confirmation is then announced politely', async () => {
    const el = await mountBanner(clientOf(adapterWith()));
    const outside = pageButton();
    try {
      part(el, 'snooze-button')!.click();
      await settled(el, 'snoozed');
      const confirmation = part(el, 'confirmation')!;
      await waitUntil(() => textOf(confirmation) !== '');
      expect(document.activeElement === outside, `focus on ${document.activeElement?.localName}`).to.equal(true);
      expect(confirmation.getAttribute('role')).to.equal('status');
      expect(confirmation.getAttribute('aria-live')).to.equal('polite');
      expect(textOf(confirmation)).to.equal('We will remind you on November 25, 2026.');
    } finally {
      outside.remove();
    }
  });

  it('in dialog mode, goes back to the page control that had it when the modal closes after acknowledging', async () => {
    const outside = pageButton();
    try {
      const el = await mountBanner(clientOf(adapterWith()), () => html`<charter-banner mode="dialog"></charter-banner>`);
      const modal = part<HTMLDialogElement>(el, 'modal')!;
      await waitUntil(() => modal.open);
      await acknowledgeWithEnter(el);
      expect(modal.open).to.equal(false);
      await waitUntil(() => document.activeElement === outside, `focus on ${document.activeElement?.localName}`);
      // Focus is elsewhere: the confirmation is announced.
      await waitUntil(() => textOf(part(el, 'confirmation')) === thanks);
      expect(part(el, 'confirmation')!.getAttribute('aria-live')).to.equal('polite');
    } finally {
      outside.remove();
    }
  });

  it('in dialog mode, goes to the confirmation when the page had focused nothing before the modal', async () => {
    blurAll();
    const el = await mountBanner(clientOf(adapterWith()), () => html`<charter-banner mode="dialog"></charter-banner>`);
    const modal = part<HTMLDialogElement>(el, 'modal')!;
    await waitUntil(() => modal.open);
    await acknowledgeWithEnter(el);
    await waitUntil(() => focused(el) === part(el, 'confirmation'), `focus on ${document.activeElement?.localName}`);
    expectFocusedConfirmation(el, thanks);
    await expect(el).to.be.accessible();
  });

  it('in dialog mode, dismissed with Escape, goes back to the page control that had it', async () => {
    const outside = pageButton();
    try {
      const el = await mountBanner(clientOf(adapterWith()), () => html`<charter-banner mode="dialog"></charter-banner>`);
      const modal = part<HTMLDialogElement>(el, 'modal')!;
      await waitUntil(() => modal.open);
      expect(focused(el) === part(el, 'read-button')).to.equal(true);
      const closed = oneEvent(modal, 'close');
      await sendKeys({ press: 'Escape' });
      await closed;
      expect(document.activeElement === outside, `focus on ${document.activeElement?.localName}`).to.equal(true);
    } finally {
      outside.remove();
    }
  });

  it('in dialog mode, dismissed with Escape on a page that had focused nothing, goes to the element itself', async () => {
    blurAll();
    const el = await mountBanner(clientOf(adapterWith()), () => html`<charter-banner mode="dialog"></charter-banner>`);
    const modal = part<HTMLDialogElement>(el, 'modal')!;
    await waitUntil(() => modal.open);
    expect(focused(el) === part(el, 'read-button')).to.equal(true);
    const closed = oneEvent(modal, 'close');
    await sendKeys({ press: 'Escape' });
    await closed;
    await el.updateComplete;
    expect(document.activeElement === el, `focus on ${document.activeElement?.localName}`).to.equal(true);
    await expect(el).to.be.accessible();
    // The element gives its temporary tabindex back as the keyboard moves on.
    await sendKeys({ press: 'Tab' });
    expect(el.hasAttribute('tabindex')).to.equal(false);
  });
});

describe('<charter-banner> the live region', () => {
  it('announces the same words twice: the region goes empty in between', async () => {
    fakeSchedule();
    const outside = pageButton();
    try {
      const el = await mountBanner(clientOf(adapterWith()), () => html`<charter-banner snooze-days="0.1"></charter-banner>`);
      const region = part(el, 'confirmation')!;
      const texts: string[] = [];
      new MutationObserver(() => texts.push(textOf(region))).observe(region, { childList: true, characterData: true, subtree: true });
      const message = 'We will remind you on November 22, 2026.';
      part(el, 'snooze-button')!.click();
      await settled(el, 'snoozed');
      await waitUntil(() => textOf(region) === message);
      // The snooze is over, and the page renders again before the wake-up timer (as a throttled
      // background tab may): the prompt is back, the old confirmation still in the region.
      clock = new Date(START.getTime() + DAY / 10 + 1000);
      el.requestUpdate();
      await settled(el, 'prompt');
      expect(textOf(region)).to.equal(message);
      part(el, 'snooze-button')!.click();
      await settled(el, 'snoozed');
      await waitUntil(() => {
        const first = texts.indexOf(message);
        const cleared = texts.indexOf('', first);
        return first >= 0 && cleared > first && texts.indexOf(message, cleared) > cleared;
      }, `texts: ${JSON.stringify(texts)}`);
      expect(region.getAttribute('aria-live')).to.equal('polite');
    } finally {
      outside.remove();
    }
  });
});

describe('<charter-banner> configured a little late', () => {
  const configureLater: [string, () => Promise<unknown>][] = [
    ['in a microtask', () => Promise.resolve()],
    ['after a setTimeout(0)', () => aTimeout(0)],
  ];
  for (const [when, later] of configureLater) {
    it(`never says "not configured" (nor warns) when Relais.configure() comes ${when} after the element connected`, async () => {
      const warnings = captureConsole('warn');
      const el = document.createElement('charter-banner');
      const states = recordStates(el);
      try {
        document.body.append(el);
        await later();
        configure({ adapter: adapterWith(), now: () => clock });
        await settled(el, 'prompt');
      } finally {
        warnings.restore();
        el.remove();
      }
      expect(states[0], 'rendered before the client came').to.equal('loading');
      expect(states).not.to.include('not-configured');
      expect(warnings.calls.filter((message) => message.includes('no data source is configured'))).to.deep.equal([]);
    });
  }

  it('with nothing configured, shows loading, then "not configured" with exactly one warning', async () => {
    const warnings = captureConsole('warn');
    const el = document.createElement('charter-banner');
    const states = recordStates(el);
    try {
      document.body.append(el);
      await settled(el, 'not-configured');
    } finally {
      warnings.restore();
      el.remove();
    }
    expect(states[0]).to.equal('loading');
    expect(states.at(-1)).to.equal('not-configured');
    expect(warnings.calls.filter((message) => message.includes('no data source is configured'))).to.have.length(1);
  });
});

describe('<charter-banner> privacy of the full text', () => {
  it('puts the body in the page only when it is opened, with lazy images, and takes it out when closed', async () => {
    const body = '<h2>Principes</h2><p><img src="https://third-party.example/pixel.png" alt="Logo du réseau"></p>';
    const el = await mountBanner(clientOf(adapterWith({ charter: { ...makeSeed().charter, body } })));
    expect(el.shadowRoot!.querySelector('img') === null, 'no image before the viewer asks').to.equal(true);
    expect(textOf(part(el, 'body'))).to.equal('');

    part(el, 'read-button')!.click();
    const dialog = part<HTMLDialogElement>(el, 'dialog')!;
    expect(dialog.open).to.equal(true);
    const img = el.shadowRoot!.querySelector('img')!;
    expect(img.getAttribute('loading')).to.equal('lazy');
    expect(img.getAttribute('alt')).to.equal('Logo du réseau');
    expect(textOf(part(el, 'body'))).to.contain('Principes');
    await expect(el).to.be.accessible();

    dialog.querySelector<HTMLElement>('[part~="close-button"]')!.click();
    await waitUntil(() => el.shadowRoot!.querySelector('img') === null, 'the body stayed after closing');
    part(el, 'read-button')!.click();
    expect(textOf(part(el, 'body')), 'opens again').to.contain('Principes');
  });
});

describe('<charter-banner> sticky scroll padding', () => {
  const padding = () => document.documentElement.style.getPropertyValue('scroll-padding-top');

  it('puts back the scroll-padding-top the page had once hidden', async () => {
    document.documentElement.style.setProperty('scroll-padding-top', '40px');
    const el = await mountBanner(clientOf(adapterWith()), () => html`<charter-banner sticky></charter-banner>`);
    await waitUntil(() => padding() === `${Math.ceil(el.getBoundingClientRect().height)}px`);
    part<HTMLInputElement>(el, 'checkbox')!.click();
    await el.updateComplete;
    part(el, 'acknowledge-button')!.click();
    await settled(el, 'acknowledged');
    expect(padding()).to.equal('40px');
  });

  it('with two sticky banners, pads for the taller and lets the last one out restore the page’s value', async () => {
    document.documentElement.style.setProperty('scroll-padding-top', '2rem', 'important');
    const page = await fixture(html`<div>
      <relais-provider .client=${clientOf(adapterWith())}><charter-banner sticky id="a"></charter-banner></relais-provider>
      <relais-provider .client=${clientOf(adapterWith())}><charter-banner sticky id="b" heading-level="3"></charter-banner></relais-provider>
    </div>`);
    const a = await settled(page.querySelector<CharterBannerElement>('#a')!, 'prompt');
    const b = await settled(page.querySelector<CharterBannerElement>('#b')!, 'prompt');
    const height = (el: Element) => Math.ceil(el.getBoundingClientRect().height);
    await waitUntil(() => padding() === `${Math.max(height(a), height(b))}px`, `padding ${padding()}`);
    a.remove();
    expect(padding(), 'the other one still covers the top').to.equal(`${height(b)}px`);
    b.remove();
    expect(padding()).to.equal('2rem');
    expect(document.documentElement.style.getPropertyPriority('scroll-padding-top')).to.equal('important');
  });
});

describe('<charter-banner> custom states in older browsers', () => {
  type StateSetMethod = (this: CustomStateSet, name: string) => unknown;
  const proto = CustomStateSet.prototype as unknown as { add: StateSetMethod; delete: StateSetMethod };
  const { add, delete: remove } = proto;
  afterEach(() => {
    proto.add = add;
    proto.delete = remove;
  });

  it('falls back to "--" names where only those are accepted (Chromium before 125)', async () => {
    const added: string[] = [];
    const dashedOnly = (name: string) => {
      if (!name.startsWith('--')) throw new DOMException(`'${name}' is not a valid custom state`, 'SyntaxError');
    };
    proto.add = function (name) {
      dashedOnly(name);
      added.push(name);
      return this;
    };
    proto.delete = function (name) {
      dashedOnly(name);
      return true;
    };
    const el = await mountBanner(clientOf(adapterWith()));
    expect(el.state).to.equal('prompt');
    expect(part(el, 'banner')).not.to.equal(null);
    expect(added).to.include('--prompt');
  });

  it('keeps updating where custom states cannot be set at all (Firefox before 126, Safari before 17.4)', async () => {
    proto.add = () => {
      throw new TypeError('states.add is not a function');
    };
    const el = await mountBanner(clientOf(adapterWith()));
    expect(el.state).to.equal('prompt');
    part<HTMLInputElement>(el, 'checkbox')!.click();
    await el.updateComplete;
    part(el, 'acknowledge-button')!.click();
    await settled(el, 'acknowledged');
    expect(part(el, 'banner')).to.equal(null);
  });
});
