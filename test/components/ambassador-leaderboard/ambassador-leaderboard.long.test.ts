import { expect, html, waitUntil } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import type { Leaderboard } from '../../../src/model/index.js';
import { withOverrides } from '../../fixtures/seed.js';
import { PICTURE } from '../../fixtures/leaderboard-seed.js';
import { adapterOf, clientOf, mountBoard, names, part, tableRows, textOf } from './helpers.js';

/** A board of `count` people, ten per score, the viewer at place `viewerAt`. */
function bigBoard(count: number, viewerAt: number): Leaderboard {
  return {
    period: 'month',
    tiers: [{ name: 'Découverte', minPoints: 0 }],
    entries: Array.from({ length: count }, (_, index) => ({
      id: index === viewerAt ? 'p-1' : `x-${index}`,
      displayName: index === viewerAt ? 'Camille Martin' : `Collègue ${index + 1}`,
      points: 10_000 - Math.floor(index / 10) * 10,
      shares: 3,
      badges: [],
      rank: Math.floor(index / 10) * 10 + 1,
      isViewer: index === viewerAt,
      anonymous: false,
    })),
  };
}

/** Presses a key in the focused scroller and waits until its (animated) scrolling has stopped for three frames. */
async function pressAndSettle(scroller: HTMLElement, key: string): Promise<void> {
  await sendKeys({ press: key });
  let last = -1;
  for (let still = 0; still < 3; ) {
    await new Promise((resolve) => requestAnimationFrame(resolve));
    if (scroller.scrollTop === last) still++;
    else [still, last] = [0, scroller.scrollTop];
  }
}

const boardClient = (board: Leaderboard) => {
  const adapter = adapterOf();
  return clientOf(withOverrides(adapter, { leaderboard: () => Promise.resolve(structuredClone(board)) }));
};

describe('<ambassador-leaderboard> with a long board', () => {
  it('renders only the rows in view of 1,000, in a scrolling region the keyboard reaches, with the table’s true row count', async () => {
    const el = await mountBoard(html`<ambassador-leaderboard limit="all"></ambassador-leaderboard>`, boardClient(bigBoard(1000, 700)));
    const scroller = part(el, 'scroller')!;
    expect(scroller.getAttribute('tabindex')).to.equal('0');
    expect(scroller.getAttribute('role')).to.equal('region');
    expect(scroller.getAttribute('aria-label')).to.contain('Tous les ambassadeurs');
    expect(part(el, 'table')!.getAttribute('aria-rowcount')).to.equal('1001');
    const rendered = tableRows(el).length;
    expect(rendered).to.be.greaterThan(5).and.lessThan(100);
    expect(el.shadowRoot!.querySelector('tbody tr[data-row]')!.getAttribute('aria-rowindex')).to.equal('2');
    await expect(el).to.be.accessible();
  });

  it('lets the keyboard reach every row: End brings the last one into view, Home the first again', async function () {
    this.timeout(90_000);
    const el = await mountBoard(html`<ambassador-leaderboard limit="all"></ambassador-leaderboard>`, boardClient(bigBoard(1000, 150)));
    const scroller = part(el, 'scroller')!;
    scroller.focus();
    // Keyboard scrolling is animated: each key waits for the scrolling to stop (a loaded machine takes longer, never fails).
    await pressAndSettle(scroller, 'End');
    await waitUntil(() => names(el).at(-1) === 'Collègue 1000', 'the last row never rendered', { timeout: 20_000 });
    const last = [...el.shadowRoot!.querySelectorAll('tbody tr[data-row]')].at(-1)!;
    expect(last.getAttribute('aria-rowindex')).to.equal('1001');
    expect(last.getBoundingClientRect().bottom).to.be.at.most(scroller.getBoundingClientRect().bottom + 1);
    await pressAndSettle(scroller, 'Home');
    await waitUntil(() => names(el)[0] === 'Collègue 1', 'the first row never came back', { timeout: 20_000 });
    // Page by page, a row in the middle (the viewer's, 151st) is reached as well.
    for (let page = 0; page < 300 && !part(el, 'viewer-row'); page++) await pressAndSettle(scroller, 'PageDown');
    expect(textOf(part(el, 'viewer-row')!.querySelector('[part~="rank"]'))).to.equal('151e');
  });

  it('renders a short board whole, without a scrolling region, so that find-in-page reaches every row', async () => {
    const el = await mountBoard(html`<ambassador-leaderboard limit="all"></ambassador-leaderboard>`, boardClient(bigBoard(80, 3)));
    expect(part(el, 'scroller')).to.equal(null);
    expect(tableRows(el)).to.have.length(80);
  });
});

describe('<ambassador-leaderboard> avatars', () => {
  it('shows initials on a colour for people without a picture, and a neutral mark for anonymous rows', async () => {
    const el = await mountBoard();
    const avatars = [...el.shadowRoot!.querySelectorAll('tbody [part~="avatar"]')];
    expect(avatars.map((avatar) => textOf(avatar))).to.deep.equal(['ZD', 'ÉM', '', 'CM', 'AR']);
    expect(avatars.every((avatar) => avatar.getAttribute('aria-hidden') === 'true')).to.equal(true);
    expect(avatars[2]!.classList.contains('anonymous')).to.equal(true);
    expect(getComputedStyle(avatars[0]!).backgroundColor).not.to.equal('rgba(0, 0, 0, 0)');
  });

  it('requests a picture only once its row is on screen, sized so that nothing moves when it arrives', async () => {
    const spacer = document.createElement('div');
    spacer.style.height = '5000px';
    document.body.prepend(spacer);
    try {
      const el = await mountBoard();
      const picture = el.shadowRoot!.querySelector<HTMLImageElement>('img[data-picture]')!;
      expect(picture.dataset['picture']).to.equal(PICTURE);
      expect(picture.getAttribute('width')).to.equal('32');
      expect(picture.getAttribute('height')).to.equal('32');
      await new Promise((resolve) => requestAnimationFrame(() => setTimeout(resolve, 50)));
      expect(picture.hasAttribute('src')).to.equal(false);
      const before = picture.closest('tr')!.getBoundingClientRect().height;
      el.scrollIntoView();
      await waitUntil(() => picture.getAttribute('src') === PICTURE, 'the picture was never requested', { timeout: 3000 });
      await waitUntil(() => picture.complete, 'the picture never loaded', { timeout: 3000 });
      expect(picture.closest('tr')!.getBoundingClientRect().height).to.equal(before);
    } finally {
      spacer.remove();
    }
  });
});
