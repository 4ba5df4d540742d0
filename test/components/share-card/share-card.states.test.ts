/** <share-card>: which item, and every state it can be in, in both languages. */
import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import type { ShareCardElement } from '../../../components/share-card/share-card.js';
import type { RelaisEvent } from '../../../src/events/index.js';
import {
  adapterWith,
  button,
  clientOf,
  ITEM,
  LOCAL_IMAGE,
  mountCard,
  part,
  settled,
  START,
  textOf,
  time,
  withOverrides,
  type ShareableInput,
} from './helpers.js';
import { captureConsole, captureEvents } from '../../fixtures/capture.js';

/** Runs `body` with console.error silenced, and gives back what was logged and the relais-error events. */
async function capturingErrors(body: () => Promise<void>): Promise<{ logged: string[]; events: RelaisEvent<'relais-error'>['detail'][] }> {
  const errors = captureConsole('error');
  const reported = captureEvents('relais-error');
  try {
    await body();
  } finally {
    errors.restore();
    reported.restore();
  }
  return { logged: errors.calls, events: reported.events.map((event) => event.detail) };
}

const item = (overrides: Partial<ShareableInput>): ShareableInput => ({ ...ITEM, ...overrides });

describe('<share-card> states', () => {
  afterEach(() => time.clock.set(START));

  it('shows a skeleton with a loading line while the item is read', async () => {
    const adapter = withOverrides(adapterWith(), { shareable: () => new Promise(() => {}) });
    const provider = await fixture(html`<relais-provider .client=${clientOf(adapter)}><share-card item="rapport-climat" lang="fr"></share-card></relais-provider>`);
    const el = provider.querySelector('share-card')!;
    await el.updateComplete;
    expect(el.state).to.equal('loading');
    expect(textOf(part(el, 'status'))).to.equal('Chargement…');
    expect(part(el, 'card')!.getAttribute('aria-busy')).to.equal('true');
    await expect(el).to.be.accessible();
  });

  it('an unknown id is a clear "not found", in English and in French', async () => {
    for (const [lang, words] of [['en', 'This content cannot be found. It may have been removed.'], ['fr', 'Ce contenu est introuvable. Il a peut-être été retiré.']]) {
      const el = await mountCard(clientOf(), html`<share-card item="nope" lang=${lang}></share-card>`, 'not-found');
      expect(textOf(part(el, 'notice'))).to.equal(words);
      await expect(el).to.be.accessible();
    }
  });

  it('an expired item is shown, not shareable', async () => {
    const el = await mountCard(clientOf(adapterWith({ shareables: [item({ expiresAt: '2026-11-10' })] })), html`<share-card item="rapport-climat" lang="en"></share-card>`, 'expired');
    expect(textOf(part(el, 'title'))).to.equal(ITEM.title);
    expect(textOf(part(el, 'notice'))).to.equal('This content is no longer available.');
    expect(el.shadowRoot!.querySelector('[part~="network-button"], [part~="composer"]')).to.equal(null);
    await expect(el).to.be.accessible();
  });

  it('an item not yet published says from when, and becomes shareable then without a reload; a live one expires on time', async () => {
    const shareables = [item({ publishedAt: '2026-11-25T08:00:00Z', expiresAt: '2026-11-30T08:00:00Z' })];
    const el = await mountCard(clientOf(adapterWith({ shareables })), html`<share-card item="rapport-climat" lang="fr"></share-card>`, 'scheduled');
    expect(textOf(part(el, 'notice'))).to.equal('Ce contenu pourra être partagé à partir du 25 novembre 2026.');
    await expect(el).to.be.accessible();
    time.clock.set(new Date('2026-11-25T08:00:00Z'));
    await settled(el, 'ready');
    time.clock.set(new Date('2026-11-30T08:00:00Z'));
    await settled(el, 'expired');
  });

  it('without an id, shows the newest live item of the category and language (not one scheduled for later)', async () => {
    const shareables = [
      item({ id: 'old', title: 'Ancien', publishedAt: '2026-10-01' }),
      item({ id: 'newest-en', title: 'Newest in English', lang: 'en', publishedAt: '2026-11-20' }),
      item({ id: 'newest-fr', title: 'Le plus récent', publishedAt: '2026-11-15' }),
      item({ id: 'later', title: 'Plus tard', publishedAt: '2026-12-15' }),
      item({ id: 'culture', title: 'Culture', category: 'culture', publishedAt: '2026-11-21' }),
    ];
    const client = clientOf(adapterWith({ shareables }));
    const fr = await mountCard(client, html`<share-card category="industry" lang="fr"></share-card>`, 'ready');
    expect(textOf(part(fr, 'title'))).to.equal('Le plus récent');
    const en = await mountCard(client, html`<share-card category="industry" lang="en"></share-card>`, 'ready');
    expect(textOf(part(en, 'title'))).to.equal('Newest in English');
    const any = await mountCard(client, html`<share-card category="culture"></share-card>`, 'ready');
    expect(textOf(part(any, 'title'))).to.equal('Culture');
    const none = await mountCard(clientOf(adapterWith({ shareables: [item({ publishedAt: '2026-12-15' })] })), html`<share-card category="industry"></share-card>`, 'not-found');
    expect(none.state).to.equal('not-found');
  });

  it('a failed read shows an error and a retry that reads again', async () => {
    const memory = adapterWith();
    let failing = true;
    const adapter = withOverrides(memory, { shareable: (id) => (failing ? Promise.reject(new Error('HTTP 503')) : memory.shareable(id)) });
    let el!: ShareCardElement;
    const { events } = await capturingErrors(async () => {
      el = await mountCard(clientOf(adapter), html`<share-card item="rapport-climat" lang="en"></share-card>`, 'error');
    });
    expect(events.map((event) => event.code)).to.deep.equal(['unavailable']);
    expect(textOf(part(el, 'error'))).to.equal('This could not be loaded.');
    await expect(el).to.be.accessible();
    failing = false;
    part(el, 'retry-button')!.click();
    await settled(el, 'ready');
  });

  it('says "not configured" when the page configured nothing', async () => {
    const { events } = await capturingErrors(async () => {
      const el = await fixture<ShareCardElement>(html`<share-card item="rapport-climat" lang="fr"></share-card>`);
      await settled(el, 'not-configured');
      expect(textOf(part(el, 'status'))).to.not.equal('');
      await expect(el).to.be.accessible();
    });
    expect(events.map((event) => event.code)).to.include('not-configured');
  });

  for (const field of ['url', 'imageUrl'] as const) {
    it(`refuses an item whose ${field} is not http(s), with an error naming the field`, async () => {
      const bad = item({ [field]: 'javascript:alert(document.domain)' });
      let el!: ShareCardElement;
      const { logged, events } = await capturingErrors(async () => {
        el = await mountCard(clientOf(adapterWith({ shareables: [bad] })), html`<share-card item="rapport-climat" lang="en"></share-card>`, 'error');
      });
      expect(events.some((event) => event.code === 'invalid-data' && event.field?.endsWith(field))).to.equal(true);
      expect(logged.join('\n')).to.contain(field);
      expect(textOf(part(el, 'error'))).to.equal('The data received is not valid.');
      expect(el.shadowRoot!.querySelector('a, img, [part~="network-button"]')).to.equal(null);
      await expect(el).to.be.accessible();
    });
  }

  it('no field can inject markup: titles, summaries and texts are text', async () => {
    const hostile = '<img src=x onerror="window.injected=1"><b>bold</b>';
    const el = await mountCard(
      clientOf(adapterWith({ shareables: [item({ title: hostile, summary: hostile, text: { default: hostile }, imageAlt: hostile })] })),
      html`<share-card item="rapport-climat"></share-card>`,
    );
    expect(textOf(part(el, 'title'))).to.equal(hostile);
    expect(el.shadowRoot!.querySelectorAll('img').length).to.equal(1);
    expect(el.shadowRoot!.querySelector('b')).to.equal(null);
    expect((window as unknown as { injected?: number }).injected).to.equal(undefined);
  });

  it('a picture that cannot be shown leaves a quiet placeholder; an item with none has one too', async () => {
    const el = await mountCard(clientOf(adapterWith({ shareables: [item({ imageUrl: new URL('/missing-picture.png', location.href).href })] })));
    await waitUntil(() => !part(el, 'image'), 'the broken picture stayed');
    expect(part(el, 'media')!.classList.contains('placeholder')).to.equal(true);
    const plain = await mountCard(clientOf(adapterWith({ shareables: [item({ imageUrl: undefined })] })));
    expect(part(plain, 'image')).to.equal(null);
    await expect(plain).to.be.accessible();
  });

  it('a picture without alt text is decorative', async () => {
    const el = await mountCard(clientOf(adapterWith({ shareables: [item({ imageAlt: undefined })] })));
    expect(part<HTMLImageElement>(el, 'image')!.getAttribute('alt')).to.equal('');
    await expect(el).to.be.accessible();
  });

  it('speaks French and English, and marks the item’s own language', async () => {
    const fr = await mountCard(clientOf(), html`<share-card item="rapport-climat" lang="fr"></share-card>`);
    expect(textOf(button(fr, 'linkedin'))).to.equal('Partager sur LinkedIn');
    expect(textOf(part(fr, 'prompt'))).to.equal('Écrivez-le avec vos mots : un message qui vous ressemble est davantage lu.');
    expect(textOf(part(fr, 'networks')!.querySelector('legend'))).to.equal('Réseau');
    button(fr, 'email');
    await fr.updateComplete;
    expect(textOf(part(fr, 'share-button'))).to.equal('Envoyer par courriel');
    await expect(fr).to.be.accessible();
    const en = await mountCard(clientOf(), html`<share-card item="rapport-climat" lang="en"></share-card>`);
    expect(textOf(button(en, 'copy'))).to.equal('Copy link');
    expect(textOf(part(en, 'networks')!.querySelector('legend'))).to.equal('Network');
    expect(part(en, 'card')!.getAttribute('lang')).to.equal('fr');
    expect(en.shadowRoot!.querySelector('.share')!.getAttribute('lang')).to.equal('en');
    await expect(en).to.be.accessible();
  });

  it('is clean for axe in light and dark', async () => {
    for (const theme of ['light', 'dark']) {
      const el = await mountCard(clientOf(), html`<share-card item="rapport-climat" theme=${theme}></share-card>`);
      await expect(el).to.be.accessible();
      const gated = await mountCard(clientOf(adapterWith({ acknowledgments: [] })), html`<share-card item="rapport-climat" theme=${theme}></share-card>`, 'gated');
      await expect(gated).to.be.accessible();
    }
  });

  it('asks no host but the page’s before a click', async () => {
    // The test page's own modules can fill the browser's resource timing buffer (250 entries by
    // default), after which no request is recorded at all: start from an empty, larger one.
    performance.clearResourceTimings();
    performance.setResourceTimingBufferSize(2000);
    const start = performance.now();
    const seen: string[] = [];
    const observer = new PerformanceObserver((list) => seen.push(...list.getEntries().map((entry) => entry.name)));
    observer.observe({ type: 'resource', buffered: true });
    // A picture address of this test's own: the earlier tests' copy would come from the memory
    // cache, which records no request, and the check below that requests are seen would fail.
    const shareables = [{ ...ITEM, imageUrl: `${LOCAL_IMAGE}?no-other-host` }];
    const el = await mountCard(clientOf(adapterWith({ acknowledgments: [], shareables })), html`<share-card item="rapport-climat"></share-card>`, 'gated');
    const ready = await mountCard(clientOf(adapterWith({ shareables })), html`<share-card item="rapport-climat" layout="compact"></share-card>`);
    await waitUntil(() => part<HTMLImageElement>(ready, 'image')!.complete);
    const entries = [...seen, ...performance.getEntriesByType('resource').filter((entry) => entry.startTime >= start).map((entry) => entry.name)];
    observer.disconnect();
    expect(entries.some((name) => new URL(name).pathname.endsWith('/pixel.svg')), 'the observer sees the page’s own requests').to.equal(true);
    expect(entries.filter((name) => new URL(name).host !== location.host)).to.deep.equal([]);
    expect(el.state).to.equal('gated');
  });
});
