import { expect, fixtureSync, html } from '@open-wc/testing';
import type { RelaisEvent, RelaisShareDetail } from '../../../src/events/index.js';
import { emit, RELAIS_EVENTS } from '../../../src/events/index.js';
import type { Network } from '../../../src/model/index.js';

const shareDetail: RelaisShareDetail = {
  item: {
    id: 'item-1',
    title: 'Notre nouveau rapport',
    url: 'https://example.com/news/1',
    category: 'industry',
    text: { default: 'Notre nouveau rapport est en ligne.' },
    hashtags: [],
    lang: 'fr',
    publishedAt: '2026-11-01',
    points: 10,
  },
  shareableId: 'item-1',
  network: 'mastodon',
  text: 'Notre nouveau rapport est en ligne.',
  personalized: true,
  url: 'https://example.com/news/1?utm_source=mastodon',
};

/** A page element with an element inside its shadow root: where Relais elements dispatch from. */
async function shadowedSource(): Promise<{ page: HTMLElement; host: HTMLElement; inner: HTMLElement }> {
  const page = fixtureSync<HTMLElement>(html`<div><span></span></div>`);
  const host = page.querySelector('span')!;
  const inner = document.createElement('button');
  host.attachShadow({ mode: 'open' }).append(inner);
  return { page, host, inner };
}

describe('emit', () => {
  it('passes the detail through unchanged', async () => {
    const { page, inner } = await shadowedSource();
    let received: unknown;
    page.addEventListener('relais-share', (event) => (received = event.detail));
    emit(inner, 'relais-share', shareDetail);
    expect(received).to.equal(shareDetail);
  });

  it('bubbles out of shadow roots to the document (composed), retargeted to the host', async () => {
    const { host, inner } = await shadowedSource();
    let seen: Event | undefined;
    let targetAtDocument: EventTarget | null = null;
    const listener = (event: Event) => {
      seen = event;
      targetAtDocument = event.target;
    };
    document.addEventListener('relais-error', listener);
    try {
      emit(inner, 'relais-error', { code: 'invalid-data', message: 'Invalid charter: version', field: 'version' });
    } finally {
      document.removeEventListener('relais-error', listener);
    }
    expect(seen).to.be.instanceOf(CustomEvent);
    expect(seen!.type).to.equal('relais-error');
    expect(seen!.bubbles).to.equal(true);
    expect(seen!.composed).to.equal(true);
    expect(targetAtDocument).to.equal(host);
  });

  it('makes relais-share cancelable, and reports a preventDefault as false', async () => {
    const { page, inner } = await shadowedSource();
    page.addEventListener('relais-share', (event) => event.preventDefault(), { once: true });
    expect(emit(inner, 'relais-share', shareDetail)).to.equal(false);
  });

  it('returns true for a cancelable event nobody cancels', async () => {
    const { page, inner } = await shadowedSource();
    let cancelable: boolean | undefined;
    page.addEventListener('relais-share', (event) => (cancelable = event.cancelable), { once: true });
    expect(emit(inner, 'relais-share', shareDetail)).to.equal(true);
    expect(cancelable).to.equal(true);
  });

  it('ignores preventDefault on an event that is not cancelable', async () => {
    const { page, inner } = await shadowedSource();
    page.addEventListener('relais-snooze', (event) => event.preventDefault(), { once: true });
    expect(emit(inner, 'relais-snooze', { until: '2026-11-29T09:00:00Z', snoozesLeft: 2 })).to.equal(true);
  });

  it('lets the caller choose whether an event is cancelable', async () => {
    const { page, inner } = await shadowedSource();
    page.addEventListener('relais-error', (event) => event.preventDefault());
    page.addEventListener('relais-share', (event) => event.preventDefault());
    expect(emit(inner, 'relais-error', { code: 'unavailable', message: 'offline' }, { cancelable: true })).to.equal(false);
    expect(emit(inner, 'relais-share', shareDetail, { cancelable: false })).to.equal(true);
  });

  it('works on a target that is not in the document', () => {
    const detached = document.createElement('div');
    let heard = false;
    detached.addEventListener('relais-guard', () => (heard = true));
    emit(detached, 'relais-guard', { report: { verdict: 'pass', findings: [] } });
    expect(heard).to.equal(true);
  });

  it('lists every event, only relais-share being cancelable', () => {
    expect(Object.keys(RELAIS_EVENTS).sort()).to.deep.equal(
      ['relais-acknowledge', 'relais-error', 'relais-guard', 'relais-share', 'relais-shared', 'relais-snooze'],
    );
    const cancelable = Object.entries(RELAIS_EVENTS).filter(([, { cancelable }]) => cancelable).map(([name]) => name);
    expect(cancelable).to.deep.equal(['relais-share']);
  });
});

// Compile-time checks: listeners on elements, the document and the window get typed events.
// `tsc` fails if the global event map entries are missing or wrong.
function typedListeners(element: HTMLElement): void {
  element.addEventListener('relais-share', (event: RelaisEvent<'relais-share'>) => {
    const network: Network = event.detail.network;
    void network;
  });
  document.addEventListener('relais-acknowledge', (event) => {
    const version: number = event.detail.acknowledgment.version;
    void version;
  });
  window.addEventListener('relais-shared', (event) => {
    const points: number = event.detail.pointsEarned;
    void points;
  });
}
void typedListeners;
