/**
 * End to end: a plain news page with only the built script-tag bundle and a strict CSP. The
 * employee opens the charter from the card (the page has no banner: the card holds the page's one
 * charter dialog), acknowledges it, then shares on LinkedIn and on X with the mouse.
 */
import { expect, waitUntil } from '@open-wc/testing';
import { click, closePage, openPage, type PageWindow } from './helpers.js';

type Card = HTMLElement & { state?: string };

function inCard(win: PageWindow, selector: string): HTMLElement | null {
  return win.document.querySelector('share-card')?.shadowRoot?.querySelector<HTMLElement>(selector) ?? null;
}

/** Something inside the charter dialog the card holds for the page. */
function inGate(win: PageWindow, selector: string): HTMLElement | null {
  return inCard(win, '[part~="charter"]')?.shadowRoot?.querySelector<HTMLElement>(selector) ?? null;
}

describe('<share-card> from the script-tag bundle', () => {
  beforeEach(() => {
    for (const key of Object.keys(localStorage)) if (key.startsWith('relais')) localStorage.removeItem(key);
  });
  after(() => closePage());

  it('acknowledges the charter from the card, then shares on LinkedIn (text copied first) and on X, each recorded once', async () => {
    const win = await openPage('/test/e2e/pages/share-card.html');
    const opened: { url: string; features: string | undefined }[] = [];
    const copied: string[] = [];
    win.open = (url?: string | URL, _target?: string, features?: string) => (opened.push({ url: String(url), features }), null);
    Object.defineProperty(Object.getPrototypeOf(win.navigator) as object, 'clipboard', { configurable: true, get: () => ({ writeText: (text: string) => (copied.push(text), Promise.resolve()) }) });
    const card = () => win.document.querySelector('share-card') as Card;
    await waitUntil(() => card()?.state === 'gated', `the card never asked for the charter (${card()?.state})`, { timeout: 5000 });
    expect(inCard(win, '[part~="gate"]')!.textContent).to.contain('charte');

    expect(inCard(win, '[part~="charter"]'), 'no form in the card before it is asked').to.equal(null);
    await click(inCard(win, '[part~="charter-button"]')!);
    await waitUntil(() => inGate(win, '[part~="modal"]') && (inGate(win, '[part~="modal"]') as HTMLDialogElement).open, 'the charter dialog never opened', { timeout: 5000 });
    await waitUntil(() => inGate(win, '[part~="checkbox"]'), 'the charter dialog never showed its step', { timeout: 5000 });
    await click(inGate(win, '[part~="checkbox"]')!);
    await waitUntil(() => (inGate(win, '[part~="checkbox"]') as HTMLInputElement).checked);
    await click(inGate(win, '[part~="acknowledge-button"]')!);
    await waitUntil(() => card().state === 'ready', `sharing never opened (${card().state})`, { timeout: 5000 });

    const shared: { network: string; pointsEarned: number }[] = [];
    win.document.addEventListener('relais-shared', (event) => {
      const { detail } = event as CustomEvent<{ event: { network: string }; pointsEarned: number }>;
      shared.push({ network: detail.event.network, pointsEarned: detail.pointsEarned });
    });
    await click(inCard(win, '[data-network="linkedin"]')!);
    expect(copied).to.have.length(1);
    expect(copied[0]).to.contain('#Climat #Helioria');
    expect(opened).to.have.length(1);
    expect(opened[0]!.features).to.equal('noopener,noreferrer');
    expect(new URL(opened[0]!.url).searchParams.get('url')).to.equal(
      'https://www.helioria.example/actualites/rapport-climat-2026?utm_source=linkedin&utm_medium=employee_advocacy&utm_campaign=rapport-climat-2026',
    );
    await waitUntil(() => shared.length === 1, 'the LinkedIn share was not recorded', { timeout: 5000 });
    await waitUntil(() => inCard(win, '[part~="confirmation"]')!.textContent.includes('Vous avez gagné 20'), 'the points were not said');

    // The one network choice: X, then the one share button, which follows it.
    await click(inCard(win, '[part~="networks"] input[value="x"]')!);
    await waitUntil(() => inCard(win, '[part~="share-button"]')!.dataset.network === 'x', 'the share button did not follow the choice');
    await click(inCard(win, '[part~="share-button"]')!);
    await waitUntil(() => shared.length === 2, 'the X share was not recorded', { timeout: 5000 });
    expect(new URL(opened[1]!.url).host).to.equal('x.com');
    expect(shared).to.deep.equal([
      { network: 'linkedin', pointsEarned: 20 },
      { network: 'x', pointsEarned: 0 },
    ]);
    expect(win.cspViolations).to.deep.equal([]);
    expect(win.consoleMessages.filter((message) => message.level === 'error')).to.deep.equal([]);
  });
});
