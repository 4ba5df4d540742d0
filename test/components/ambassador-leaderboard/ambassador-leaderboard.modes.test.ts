import { expect, html } from '@open-wc/testing';
import { adapterOf, clientOf, exactText, leaderboardSeed, mountBoard, names, OPTED_OUT, part, parts, SALES_TEAM, share, tableRows, textOf } from './helpers.js';

/** The seed with Ventes grown to five contributors (shown on its own) and Louis, opted out, in it. */
function teamsSeed() {
  const seed = leaderboardSeed();
  return leaderboardSeed({
    people: [...(seed.people ?? []).map((person) => (person.id === OPTED_OUT.id ? { ...person, team: 'Ventes' } : person)), ...SALES_TEAM],
    shares: [...(seed.shares ?? []), ...SALES_TEAM.map((person) => share(person.id, 'a'))],
  });
}

describe('<ambassador-leaderboard mode="tiers">', () => {
  it('groups people under each tier’s heading in lists, highest tier first, without ranks', async () => {
    const el = await mountBoard(html`<ambassador-leaderboard mode="tiers"></ambassador-leaderboard>`);
    const groups = parts(el, 'tier-group');
    expect(groups.map((group) => textOf(group.querySelector('[part~="tier-heading"]')))).to.deep.equal(['Relais · à partir de 25 points', 'Découverte']);
    expect(groups[0]!.querySelector('[part~="tier-heading"]')!.getAttribute('role')).to.equal('heading');
    expect(groups[0]!.querySelector('[part~="tier-heading"]')!.getAttribute('aria-level')).to.equal('3');
    expect(groups.every((group) => group.querySelector('ul > li'))).to.equal(true);
    expect(el.shadowRoot!.querySelector('table, [part~="rank"]')).to.equal(null);
  });

  it('lists names alphabetically in the reader’s collation within a tier, anonymous last', async () => {
    const el = await mountBoard(html`<ambassador-leaderboard mode="tiers"></ambassador-leaderboard>`);
    expect(names(el)).to.deep.equal(['Élodie Marchand', 'Zoé Dupont', 'Ambassadeur', 'Adrien Roux', 'Camille Martin']);
    expect(el.shadowRoot!.innerHTML).not.to.contain(OPTED_OUT.displayName);
  });

  it('says how many more people a tier has beyond the limit', async () => {
    const el = await mountBoard(html`<ambassador-leaderboard mode="tiers" limit="1"></ambassador-leaderboard>`);
    expect(parts(el, 'more').map((more) => exactText(more))).to.deep.equal(['et 2\u00a0autres ambassadeurs', 'et 1\u00a0autre ambassadeur']);
  });

  it('passes axe', async () => {
    const el = await mountBoard(html`<ambassador-leaderboard mode="tiers" theme="dark"></ambassador-leaderboard>`);
    await expect(el).to.be.accessible();
  });
});

describe('<ambassador-leaderboard mode="teams">', () => {
  it('shows team totals, contributors and the per-contributor average in a table', async () => {
    const el = await mountBoard(html`<ambassador-leaderboard mode="teams"></ambassador-leaderboard>`, clientOf(adapterOf(teamsSeed())));
    expect(textOf(part(el, 'title'))).to.equal('Équipes');
    expect([...el.shadowRoot!.querySelectorAll('thead th')].map((th) => textOf(th))).to.deep.equal(['Rang', 'Équipe', 'Points', 'Contributeurs', 'Moyenne, points par contributeur']);
    expect(tableRows(el)).to.deep.equal([['1er', 'Ventes', '65', '5', '13']]);
  });

  it('never counts an opted-out member in a team’s total, so no subtraction can reveal his points', async () => {
    const el = await mountBoard(html`<ambassador-leaderboard mode="teams"></ambassador-leaderboard>`, clientOf(adapterOf(teamsSeed())));
    // The ranking of the same people: the named members of Ventes add up to the team's figures exactly.
    const ranking = await mountBoard(html`<ambassador-leaderboard limit="all"></ambassador-leaderboard>`, clientOf(adapterOf(teamsSeed())));
    const named = ['Zoé Dupont', 'Adrien Roux', ...SALES_TEAM.map((person) => person.displayName)];
    const points = tableRows(ranking).filter((row) => named.some((name) => row[1]!.includes(name))).reduce((sum, row) => sum + Number(row[2]), 0);
    expect(tableRows(el)[0]![2]).to.equal(String(points));
    expect(el.shadowRoot!.innerHTML).not.to.contain(OPTED_OUT.displayName).and.not.to.contain(OPTED_OUT.id);
  });

  it('gathers teams below five contributors into « Autres équipes », marked as the viewer’s team when it holds it', async () => {
    const seed = teamsSeed();
    const more = ['Lina Morel', 'Paul Henry', 'Yanis Caron'].map((displayName, k) => ({ id: `c-${k}`, displayName, team: `Équipe ${k}`, leaderboardOptIn: true }));
    const data = leaderboardSeed({ people: [...(seed.people ?? []), ...more], shares: [...(seed.shares ?? []), ...more.map((person) => share(person.id, 'c'))] });
    const el = await mountBoard(html`<ambassador-leaderboard mode="teams"></ambassador-leaderboard>`, clientOf(adapterOf(data)));
    const rows = tableRows(el);
    expect(rows.map((row) => row[1])).to.deep.equal(['Ventes', 'Autres équipes votre équipe']);
    // Camille 10 + Élodie 30 + three colleagues at 5: five contributors.
    expect(rows[1]!.slice(2)).to.deep.equal(['55', '5', '11']);
  });

  it('passes axe', async () => {
    const el = await mountBoard(html`<ambassador-leaderboard mode="teams"></ambassador-leaderboard>`, clientOf(adapterOf(teamsSeed())));
    await expect(el).to.be.accessible();
  });
});

describe('<ambassador-leaderboard mode="personal">', () => {
  it('shows only the viewer’s own figures: points of the period, tier, and what the next tier takes', async () => {
    const el = await mountBoard(html`<ambassador-leaderboard mode="personal"></ambassador-leaderboard>`);
    expect(textOf(part(el, 'title'))).to.equal('Votre progression');
    expect(exactText(el.shadowRoot!.querySelector('.figures'))).to.equal('10\u00a0points ce mois-ci 2\u00a0partages Votre palier\u00a0: Découverte');
    const progress = part<HTMLProgressElement>(el, 'progress')!;
    expect(progress.value).to.equal(40);
    expect(progress.labels[0] && textOf(progress.labels[0])).to.equal('Progression vers le palier Relais');
    expect(exactText(part(el, 'next-tier'))).to.equal('Encore 15\u00a0points pour atteindre le palier Relais.');
    expect(el.shadowRoot!.innerHTML).not.to.contain('Zoé').and.not.to.contain('Élodie');
    expect(el.shadowRoot!.querySelector('table')).to.equal(null);
  });

  it('lists the viewer’s latest shares, newest first, with what each earned', async () => {
    const el = await mountBoard(html`<ambassador-leaderboard mode="personal"></ambassador-leaderboard>`);
    expect([...part(el, 'recent')!.querySelectorAll('li')].map((li) => exactText(li))).to.deep.equal([
      'Contenu A X, le 15 novembre 2026 points déjà gagnés',
      'Contenu A Bluesky, le 14 novembre 2026 +10\u00a0points',
    ]);
  });

  it('says the highest tier is reached when there is no next one', async () => {
    const seed = leaderboardSeed();
    const data = leaderboardSeed({ shares: [...(seed.shares ?? []), share('p-1', 'b'), share('p-1', 'd')] });
    const el = await mountBoard(html`<ambassador-leaderboard mode="personal"></ambassador-leaderboard>`, clientOf(adapterOf(data)));
    expect(part(el, 'progress')).to.equal(null);
    expect(exactText(part(el, 'next-tier'))).to.equal('Vous avez atteint le plus haut palier\u00a0: Porte-voix.');
  });

  it('invites a viewer who has not shared in the period, without shaming them', async () => {
    const el = await mountBoard(html`<ambassador-leaderboard mode="personal" period="week"></ambassador-leaderboard>`);
    expect(textOf(part(el, 'recent'))).to.equal('Vous n’avez encore rien partagé cette semaine.');
  });

  for (const theme of ['light', 'dark']) {
    it(`passes axe in ${theme}`, async () => {
      const el = await mountBoard(html`<ambassador-leaderboard mode="personal" theme=${theme}></ambassador-leaderboard>`);
      await expect(el).to.be.accessible();
    });
  }
});
