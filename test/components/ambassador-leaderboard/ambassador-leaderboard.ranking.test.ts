import { expect, html, waitUntil } from '@open-wc/testing';
import { adapterOf, clientOf, exactText, leaderboardSeed, mountBoard, names, OPTED_OUT, part, parts, tableRows, textOf } from './helpers.js';

describe('<ambassador-leaderboard mode="ranking">', () => {
  it('is a real table: a caption, column headers, and each person’s name as the row header', async () => {
    const el = await mountBoard();
    const table = part(el, 'table')!;
    expect(textOf(table.querySelector('caption'))).to.equal('Ambassadeurs, ce mois-ci');
    expect([...table.querySelectorAll('thead th')].map((th) => [th.getAttribute('scope'), textOf(th)])).to.deep.equal([
      ['col', 'Rang'],
      ['col', 'Nom'],
      ['col', 'Points'],
      ['col', 'Partages'],
      ['col', 'Palier'],
    ]);
    const rowHeaders = [...table.querySelectorAll('tbody tr[data-row] > th')];
    expect(rowHeaders).to.have.length(5);
    expect(rowHeaders.map((th) => th.getAttribute('scope'))).to.deep.equal(['row', 'row', 'row', 'row', 'row']);
  });

  it('gives tied people the same rank and skips the places they share (1er, 1er, 1er, 4e, 5e)', async () => {
    const el = await mountBoard();
    expect(tableRows(el).map((row) => row[0])).to.deep.equal(['1er', '1er', '1er', '4e', '5e']);
    expect(tableRows(el).map((row) => row[2])).to.deep.equal(['30', '30', '30', '10', '5']);
  });

  it('writes ranks as English ordinals in English', async () => {
    const el = await mountBoard(html`<ambassador-leaderboard lang="en"></ambassador-leaderboard>`);
    expect(tableRows(el).map((row) => row[0])).to.deep.equal(['1st', '1st', '1st', '4th', '5th']);
    expect(textOf(part(el, 'title'))).to.equal('Ambassadors');
  });

  it('writes the rows already shown again in the new language when the page’s language changes (ranks, names, the « you » marker)', async () => {
    const el = await mountBoard();
    expect(tableRows(el).map((row) => row[0])).to.deep.equal(['1er', '1er', '1er', '4e', '5e']);
    el.setAttribute('lang', 'en');
    await waitUntil(() => tableRows(el)[0]![0] === '1st', 'the ranks stayed in French', { timeout: 3000 });
    expect(tableRows(el).map((row) => row[0])).to.deep.equal(['1st', '1st', '1st', '4th', '5th']);
    expect(names(el)).to.include('Ambassador');
    expect(textOf(part(el, 'you'))).to.equal('you');
  });

  it('shows the opted-out colleague as « Ambassadeur », with no trace of his name or id anywhere in the element', async () => {
    const el = await mountBoard();
    expect(names(el)).to.deep.equal(['Zoé Dupont', 'Élodie Marchand', 'Ambassadeur', 'Camille Martin', 'Adrien Roux']);
    const everything = el.shadowRoot!.innerHTML + JSON.stringify(el.shadowRoot!.textContent);
    expect(everything).not.to.contain(OPTED_OUT.displayName);
    expect(everything).not.to.contain(OPTED_OUT.id);
    expect(everything).not.to.contain('LB'); // not even his initials
  });

  it('leaves anonymous rows out with hide-anonymous', async () => {
    const el = await mountBoard(html`<ambassador-leaderboard hide-anonymous></ambassador-leaderboard>`);
    expect(names(el)).to.deep.equal(['Zoé Dupont', 'Élodie Marchand', 'Camille Martin', 'Adrien Roux']);
  });

  it('marks the viewer’s row « vous »', async () => {
    const el = await mountBoard();
    const viewerRow = part(el, 'viewer-row')!;
    expect(textOf(viewerRow.querySelector('.who'))).to.equal('CM Camille Martin vous');
    expect(parts(el, 'viewer-row')).to.have.length(1);
  });

  it('pins the viewer below the top rows, under « Votre position », with their real rank', async () => {
    const el = await mountBoard(html`<ambassador-leaderboard limit="2"></ambassador-leaderboard>`);
    const pinned = part(el, 'pinned')!;
    expect(pinned.tagName).to.equal('TBODY');
    expect(textOf(pinned.querySelector('th[scope="rowgroup"]'))).to.equal('Votre position');
    expect(textOf(pinned.querySelector('[part~="rank"]'))).to.equal('4e');
    expect(textOf(pinned)).to.contain('Camille Martin');
    expect(el.shadowRoot!.querySelectorAll('tbody:not([part]) tr[data-row]')).to.have.length(2);
  });

  it('gives a viewer who has not shared in the period no place, rather than the last one', async () => {
    const seed = leaderboardSeed();
    const el = await mountBoard(html`<ambassador-leaderboard limit="2"></ambassador-leaderboard>`, clientOf(adapterOf(leaderboardSeed({ shares: (seed.shares ?? []).filter((event) => event.viewerId !== 'p-1') }))));
    const rank = part(el, 'pinned')!.querySelector('[part~="rank"]')!;
    expect(rank.querySelector('.sr-only')!.textContent).to.equal('pas encore classé');
    expect(rank.querySelector('[aria-hidden="true"]')!.textContent).to.equal('–');
  });

  it('shows each person’s tier from the board’s thresholds', async () => {
    const el = await mountBoard();
    expect(tableRows(el).map((row) => row[4])).to.deep.equal(['Relais', 'Relais', 'Relais', 'Découverte', 'Découverte']);
  });

  it('tells an opted-out viewer that their name is visible to them alone', async () => {
    const people = (leaderboardSeed().people ?? []).map((person) => (person.id === 'p-1' ? { ...person, leaderboardOptIn: false } : person));
    const el = await mountBoard(undefined, clientOf(adapterOf(leaderboardSeed({ people }))));
    expect(exactText(part(el, 'only-you'))).to.equal('Votre nom n’est visible que par vous\u00a0: vos collègues voient «\u202fAmbassadeur\u202f».');
    expect(textOf(part(el, 'viewer-row'))).to.contain('Camille Martin');
  });

  it('says in the footer what is shown and why some people are anonymous', async () => {
    const el = await mountBoard();
    expect(exactText(part(el, 'privacy'))).to.contain('Les collègues qui n’ont pas choisi d’apparaître sous leur nom sont affichés comme «\u202fAmbassadeur\u202f»');
  });

  for (const theme of ['light', 'dark']) {
    it(`passes axe in ${theme}, with the viewer pinned`, async () => {
      const el = await mountBoard(html`<ambassador-leaderboard limit="2" theme=${theme}></ambassador-leaderboard>`);
      await expect(el).to.be.accessible();
    });
  }
});
