import { expect, html, waitUntil } from '@open-wc/testing';
import { withOverrides } from '../../fixtures/seed.js';
import { adapterOf, clientOf, exactText, leaderboardSeed, mountBoard, names, part, settled, tableRows, textOf } from './helpers.js';

describe('<ambassador-leaderboard> live, period and states', () => {
  it('updates without a reload when the viewer shares through the same client, and says their new place once', async () => {
    const client = clientOf();
    const el = await mountBoard(html`<ambassador-leaderboard></ambassador-leaderboard>`, client);
    const region = part(el, 'announcement')!;
    expect(region.getAttribute('aria-live')).to.equal('polite');
    expect(textOf(region)).to.equal('');
    await client.recordShare({ shareableId: 'b', network: 'linkedin', personalized: true });
    await waitUntil(() => textOf(region) !== '', 'nothing was announced', { timeout: 3000 });
    expect(textOf(region)).to.equal('Vous passez 1er.');
    expect(textOf(part(el, 'viewer-row')!.querySelector('[part~="rank"]'))).to.equal('1er');
    expect(textOf(part(el, 'viewer-row'))).to.contain('30');
    // A later render (a display change) does not say it again.
    el.hideAnonymous = true;
    await el.updateComplete;
    await new Promise((resolve) => requestAnimationFrame(resolve));
    expect(textOf(region)).to.equal('Vous passez 1er.');
  });

  it('says the viewer’s new points in the personal view', async () => {
    const client = clientOf();
    const el = await mountBoard(html`<ambassador-leaderboard mode="personal"></ambassador-leaderboard>`, client);
    await client.recordShare({ shareableId: 'c', network: 'x', personalized: false });
    await waitUntil(() => textOf(part(el, 'announcement')) !== '', 'nothing was announced', { timeout: 3000 });
    expect(exactText(part(el, 'announcement'))).to.equal('Vous avez maintenant 15\u00a0points.');
  });

  it('offers a labelled native period switcher with switchable, reflected in the period attribute', async () => {
    const el = await mountBoard(html`<ambassador-leaderboard switchable></ambassador-leaderboard>`);
    const select = part<HTMLSelectElement>(el, 'period-select')!;
    expect(select.labels[0] && textOf(select.labels[0])).to.contain('Période');
    expect([...select.options].map((option) => option.textContent)).to.deep.equal(['Cette semaine', 'Ce mois-ci', 'Ce trimestre', 'Cette année', 'Depuis le début']);
    expect(select.value).to.equal('month');
    select.value = 'all';
    select.dispatchEvent(new Event('change'));
    await waitUntil(() => textOf(el.shadowRoot!.querySelector('caption')) === 'Ambassadeurs, depuis le début', 'the all-time board never showed', { timeout: 3000 });
    expect(el.getAttribute('period')).to.equal('all');
    // All time: Adrien's October share counts too (5 + 30).
    expect(tableRows(el).find((row) => row[1]!.includes('Adrien'))![2]).to.equal('35');
    await expect(el).to.be.accessible();
  });

  it('counts every period: the week, the month, the quarter, the year and all time', async () => {
    // Adrien: 5 points on 16 November (this week), 30 more on 2 October (this quarter, not this month).
    const expected = { week: '5', month: '5', quarter: '35', year: '35', all: '35' };
    const captions = { week: 'cette semaine', month: 'ce mois-ci', quarter: 'ce trimestre', year: 'cette année', all: 'depuis le début' };
    for (const period of ['week', 'month', 'quarter', 'year', 'all'] as const) {
      const el = await mountBoard(html`<ambassador-leaderboard period=${period}></ambassador-leaderboard>`);
      expect(textOf(el.shadowRoot!.querySelector('caption'))).to.equal(`Ambassadeurs, ${captions[period]}`);
      const adrien = names(el).indexOf('Adrien Roux');
      expect(tableRows(el)[adrien]![2], period).to.equal(expected[period]);
    }
  });

  it('shows the period as text when it cannot be switched', async () => {
    const el = await mountBoard(html`<ambassador-leaderboard period="quarter"></ambassador-leaderboard>`);
    expect(part(el, 'period-select')).to.equal(null);
    expect(textOf(part(el, 'period'))).to.equal('Ce trimestre');
  });

  it('reads an unknown period or mode as the default rather than failing', async () => {
    const el = await mountBoard(html`<ambassador-leaderboard period="decade" mode="podium"></ambassador-leaderboard>`);
    expect(el.state).to.equal('ready');
    expect(textOf(part(el, 'period'))).to.equal('Ce mois-ci');
    expect(part(el, 'table')).not.to.equal(null);
  });

  it('invites the first share when nobody shared in the period', async () => {
    const el = await mountBoard(html`<ambassador-leaderboard period="week"></ambassador-leaderboard>`, clientOf(adapterOf(leaderboardSeed({ shares: [] }))), 'empty');
    expect(exactText(part(el, 'empty'))).to.equal('Aucun partage cette semaine pour l’instant\u00a0: soyez la première ou le premier à partager cette semaine.');
    expect(part(el, 'table')).to.equal(null);
    await expect(el).to.be.accessible();
  });

  it('shows an error with « Réessayer » and a relais-error event when the board cannot be read, then the board', async () => {
    const adapter = adapterOf();
    let fail = true;
    const client = clientOf(withOverrides(adapter, { leaderboard: (query) => (fail ? Promise.reject(new Error('HTTP 503')) : adapter.leaderboard(query)) }));
    const errors: Event[] = [];
    const listener = (event: Event) => errors.push(event);
    document.addEventListener('relais-error', listener);
    try {
      const el = await mountBoard(html`<ambassador-leaderboard></ambassador-leaderboard>`, client, 'error');
      expect(part(el, 'error')!.getAttribute('role')).to.equal('alert');
      await waitUntil(() => errors.length > 0, 'no relais-error', { timeout: 3000 });
      await expect(el).to.be.accessible();
      fail = false;
      part<HTMLButtonElement>(el, 'retry-button')!.click();
      await settled(el, 'ready');
      expect(tableRows(el)).to.have.length(5);
    } finally {
      document.removeEventListener('relais-error', listener);
    }
  });

  it('says it is loading while the board is read', async () => {
    const adapter = adapterOf();
    const client = clientOf(withOverrides(adapter, { leaderboard: () => new Promise(() => {}) }));
    const el = await mountBoard(html`<ambassador-leaderboard></ambassador-leaderboard>`, client, 'loading');
    expect(textOf(part(el, 'status'))).to.equal('Chargement…');
    await expect(el).to.be.accessible();
  });

  it('says it is not configured without a client', async () => {
    const { fixture } = await import('@open-wc/testing');
    const el = await fixture<HTMLElement & { state: string; updateComplete: Promise<boolean> }>(html`<ambassador-leaderboard lang="fr"></ambassador-leaderboard>`);
    await waitUntil(() => el.state === 'not-configured', 'expected not-configured', { timeout: 3000 });
    await el.updateComplete;
    expect(textOf(part(el, 'status'))).not.to.equal('');
    await expect(el).to.be.accessible();
  });
});
