/**
 * End to end: a plain intranet page with only the built script-tag bundle and a strict CSP, a share
 * card and two boards (the ranking, the employee's own progress). The employee shares with the
 * mouse; both boards follow without a reload and the ranking says the new place once; then the
 * period is switched with the keyboard.
 */
import { expect, waitUntil } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import { click, closePage, openPage, type PageWindow } from './helpers.js';

type Board = HTMLElement & { state?: string };

const boards = (win: PageWindow) => [...win.document.querySelectorAll<Board>('ambassador-leaderboard')];
const inBoard = (board: Board, selector: string) => board.shadowRoot?.querySelector<HTMLElement>(selector) ?? null;
const text = (node: Element | null) => (node?.textContent ?? '').replace(/\s+/g, ' ').trim();
const names = (board: Board) => [...(board.shadowRoot?.querySelectorAll('[data-row] .who .data') ?? [])].map((name) => text(name));

describe('<ambassador-leaderboard> from the script-tag bundle', () => {
  beforeEach(() => {
    for (const key of Object.keys(localStorage)) if (key.startsWith('relais')) localStorage.removeItem(key);
  });
  after(() => closePage());

  it('ranks the page’s people, follows a share made on the same page and says the new place, under a strict CSP', async () => {
    const win = await openPage('/test/e2e/pages/leaderboard.html');
    win.open = () => null;
    Object.defineProperty(Object.getPrototypeOf(win.navigator) as object, 'clipboard', { configurable: true, get: () => ({ writeText: () => Promise.resolve() }) });
    const [ranking, personal] = boards(win) as [Board, Board];
    await waitUntil(() => ranking.state === 'ready' && personal.state === 'ready', 'the boards never loaded', { timeout: 5000 });
    expect(names(ranking)).to.deep.equal(['Élodie Marchand', 'Sophie Garnier', 'Ambassadeur', 'Camille Rousseau']);
    expect(text(ranking.shadowRoot!.innerHTML.includes('Thomas') ? ranking : null)).to.equal('');
    // The viewer has not shared yet: no place on the board, not the last one.
    expect(text(inBoard(ranking, '[part~="viewer-row"] [part~="rank"] .sr-only'))).to.equal('pas encore classé');

    const card = win.document.querySelector<HTMLElement & { state?: string }>('share-card')!;
    await waitUntil(() => card.state === 'ready', `the card never opened sharing (${card.state})`, { timeout: 5000 });
    await click(card.shadowRoot!.querySelector<HTMLElement>('[part~="networks"] input[value="x"]')!);
    await click(card.shadowRoot!.querySelector<HTMLElement>('[part~="share-button"]')!);

    await waitUntil(() => text(inBoard(ranking, '[part~="announcement"]')) !== '', 'the ranking never said the new place', { timeout: 5000 });
    expect(text(inBoard(ranking, '[part~="announcement"]'))).to.equal('Vous passez 2e.');
    expect(text(inBoard(ranking, '[part~="viewer-row"] [part~="rank"]'))).to.equal('2e');
    await waitUntil(() => text(inBoard(personal, '[part~="next-tier"]')).includes('Relais'), 'the personal board never followed', { timeout: 5000 });
    expect(text(inBoard(personal, '.figures'))).to.contain('20 points depuis le début');

    // The period, with the keyboard: the select takes focus and the arrow keys choose.
    const select = inBoard(ranking, '[part~="period-select"]') as HTMLSelectElement;
    select.focus();
    await sendKeys({ press: 'ArrowUp' });
    await waitUntil(() => ranking.getAttribute('period') === 'year', `the period did not follow the select (${ranking.getAttribute('period')})`, { timeout: 5000 });
    await waitUntil(() => text(inBoard(ranking, 'caption')) === 'Ambassadeurs, cette année', 'the year’s board never showed', { timeout: 5000 });

    expect(win.cspViolations).to.deep.equal([]);
    expect(win.consoleMessages.filter((message) => message.level === 'error')).to.deep.equal([]);
  });
});
