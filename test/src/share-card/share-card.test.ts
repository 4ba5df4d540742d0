import { expect, waitUntil } from '@open-wc/testing';
import fc from 'fast-check';
import { MemoryAdapter } from '../../../src/adapters/memory-adapter.js';
import { RelaisClient } from '../../../src/client/index.js';
import {
  DEFAULT_NETWORKS,
  isPersonalized,
  MASTODON_KEY,
  normalizeForComparison,
  shareCard,
  suggestionFor,
  type ShareCardView,
} from '../../../src/share-card/share-card.js';
import type { Shareable } from '../../../src/model/index.js';
import { RelaisDataError } from '../../../src/model/index.js';
import { ManualClock } from '../../fixtures/manual-clock.js';
import { makeSeed, viewer } from '../../fixtures/seed.js';
import { StorageStub } from '../adapters/storage-stub.js';

const START = new Date('2026-11-22T09:00:00Z');

const ITEM: Shareable = {
  id: 'rapport-climat',
  title: 'Notre rapport climat 2026',
  url: 'https://www.helioria.example/actualites/rapport-climat-2026',
  category: 'industry',
  text: { default: 'Notre rapport climat est en ligne.', x: 'Rapport climat : en ligne ! #climat' },
  hashtags: ['climat', 'Helioria'],
  lang: 'fr',
  publishedAt: '2026-11-01',
  points: 10,
};

function setUp(options: { acknowledged?: boolean; native?: boolean } = {}) {
  const clock = new ManualClock(START);
  const data = makeSeed({
    shareables: [ITEM],
    acknowledgments: options.acknowledged === false ? [] : [{ viewerId: viewer.id, charterId: 'charte-reseaux', version: 2, at: '2026-11-20T09:00:00Z' }],
  });
  const client = new RelaisClient(new MemoryAdapter({ data, viewer, now: () => clock.now() }), { clock, storage: { local: new StorageStub(), session: new StorageStub() } });
  const card = shareCard(client, { item: ITEM.id, ...(options.native ? { canShareNatively: () => true } : {}) });
  const views: ShareCardView[] = [];
  const stop = card.$view.subscribe((view) => views.push(view));
  const ready = async () => {
    await waitUntil(() => card.$view.get().state === 'ready', `never ready: ${card.$view.get().state}`);
    return card.$view.get() as Extract<ShareCardView, { state: 'ready' }>;
  };
  return { client, card, clock, views, stop, ready };
}

describe('shareCard (model)', () => {
  it('suggests the network’s own variant, else the default, with the hashtags not already in it', () => {
    expect(suggestionFor(ITEM, 'x')).to.equal('Rapport climat : en ligne ! #climat\n\n#Helioria');
    expect(suggestionFor(ITEM, 'linkedin')).to.equal('Notre rapport climat est en ligne.\n\n#climat #Helioria');
    expect(suggestionFor({ ...ITEM, hashtags: [] }, 'linkedin')).to.equal('Notre rapport climat est en ligne.');
  });

  it('offers the default networks, and the share sheet only where the device accepts the data', async () => {
    const plain = setUp();
    expect((await plain.ready()).networks).to.deep.equal([...DEFAULT_NETWORKS]);
    const native = setUp({ native: true });
    expect((await native.ready()).networks).to.deep.equal([...DEFAULT_NETWORKS, 'native']);
    native.card.setNetworks(['x', 'native', 'copy']);
    expect((native.card.$view.get() as { networks: string[] }).networks).to.deep.equal(['x', 'native', 'copy']);
    plain.card.setNetworks(['x', 'native']);
    expect((plain.card.$view.get() as { networks: string[] }).networks).to.deep.equal(['x']);
    plain.stop();
    native.stop();
  });

  it('gates on the charter, and opens as soon as the client acknowledges', async () => {
    const { client, card, ready, stop } = setUp({ acknowledged: false });
    expect((await ready()).gate).to.equal('charter');
    expect(card.begin('x')).to.deep.equal({ refused: 'gated' });
    await client.acknowledge();
    expect((card.$view.get() as { gate: string }).gate).to.equal('open');
    expect('intent' in card.begin('x')).to.equal(true);
    stop();
  });

  it('gates on a blocking verdict only', async () => {
    const { card, ready, stop } = setUp();
    await ready();
    card.setVerdict('warn');
    expect((card.$view.get() as { gate: string }).gate).to.equal('open');
    card.setVerdict('block');
    expect((card.$view.get() as { gate: string }).gate).to.equal('guard');
    expect(card.begin('x')).to.deep.equal({ refused: 'gated' });
    stop();
  });

  it('prepares one share at a time, and records it once with the personalised flag', async () => {
    const { card, client, ready, stop } = setUp();
    await ready();
    card.setText('Mon avis sur ce rapport.');
    const first = card.begin('bluesky');
    expect(card.begin('bluesky')).to.deep.equal({ refused: 'busy' });
    if ('refused' in first) throw new Error('refused');
    expect(first.personalized).to.equal(true);
    expect(first.url).to.equal('https://www.helioria.example/actualites/rapport-climat-2026?utm_source=bluesky&utm_medium=employee_advocacy&utm_campaign=rapport-climat');
    const result = await card.record(first);
    expect(result!.event).to.deep.include({ network: 'bluesky', personalized: true, shareableId: ITEM.id, viewerId: viewer.id });
    expect(result!.pointsEarned).to.equal(10);
    expect(await card.record(first), 'recording the same preparation again records nothing').to.equal(undefined);
    const view = card.$view.get() as Extract<ShareCardView, { state: 'ready' }>;
    expect(view.lastShare).to.deep.equal({ network: 'bluesky', status: 'recorded', pointsEarned: 10 });
    expect(view.pastShares.map((share) => share.network)).to.deep.equal(['bluesky']);
    const board = await client.adapter.leaderboard({ period: 'all', scope: 'people' });
    expect(board.entries.find((entry) => entry.isViewer)?.shares).to.equal(1);
    stop();
  });

  it('asks for the Mastodon server first; keeps only a valid one', async () => {
    const { card, client, ready, stop } = setUp();
    await ready();
    expect(card.begin('mastodon')).to.deep.equal({ refused: 'mastodon-instance' });
    expect(() => card.setMastodonInstance('javascript:alert(1)')).to.throw(RelaisDataError);
    expect(client.localState.read('local', MASTODON_KEY)).to.equal(null);
    expect(card.setMastodonInstance('https://Piaille.fr/')).to.equal('piaille.fr');
    const share = card.begin('mastodon');
    expect('intent' in share && share.intent.href!.startsWith('https://piaille.fr/share?text=')).to.equal(true);
    card.cancel();
    card.forgetMastodonInstance();
    expect(card.begin('mastodon')).to.deep.equal({ refused: 'mastodon-instance' });
    stop();
  });

  it('past shares in storage that another script wrote are read with care', async () => {
    const { card, client, ready, stop } = setUp();
    client.localState.write('local', `relais.shares.${viewer.id}.${ITEM.id}`, JSON.stringify([{ network: 'evil', at: 'x' }, { network: 'x', at: '2026-11-02T10:00:00Z' }, 3]));
    expect((await ready()).pastShares).to.deep.equal([{ network: 'x', at: '2026-11-02T10:00:00Z' }]);
    client.localState.write('local', `relais.shares.${viewer.id}.${ITEM.id}`, '{not json');
    expect((card.$view.get() as { pastShares: unknown[] }).pastShares).to.deep.equal([]);
    stop();
  });
});

describe('personalised (properties)', () => {
  const suggestion = 'Notre rapport climat 2026 est en ligne : lisez-le ! #climat';

  it('re-spacing, re-casing or re-punctuating a suggestion is not personalising it', () => {
    const noise = fc.array(fc.constantFrom(' ', '\n', '\t', '\u00a0', '.', ',', '!', '?', '«', '»', '…', '—', '-', ':', ';'), { maxLength: 3 });
    fc.assert(
      fc.property(fc.array(noise, { minLength: suggestion.length + 1, maxLength: suggestion.length + 1 }), fc.boolean(), (gaps, upper) => {
        const words = suggestion.replace(/[\s\p{P}]/gu, '');
        let text = gaps[0]!.join('');
        [...words].forEach((char, index) => (text += (upper ? char.toUpperCase() : char) + gaps[index + 1]!.join('')));
        expect(isPersonalized(text, [suggestion])).to.equal(false);
      }),
    );
  });

  it('adding or changing any letter, digit or emoji is personalising it', () => {
    fc.assert(
      fc.property(fc.nat(suggestion.length), fc.constantFrom('a', 'z', '7', '🌍', 'é', 'Q'), (at, extra) => {
        const text = suggestion.slice(0, at) + extra + suggestion.slice(at);
        expect(isPersonalized(text, [suggestion])).to.equal(normalizeForComparison(text) !== normalizeForComparison(suggestion));
        expect(normalizeForComparison(text)).to.not.equal(normalizeForComparison(suggestion));
      }),
    );
  });
});
