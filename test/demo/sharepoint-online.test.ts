/**
 * demo/sharepoint-online.html, the modern SharePoint page, on the SharePoint REST test server
 * (seeded with the demo data, as `npm start` serves it): the page keeps its CSP (no inline
 * script runs), the charter banner is in the Top placeholder above the site header, the web
 * parts' elements settle (prefixed `relais-010-…`, as the SPFx package registers them), the page
 * is axe clean, and confirming the charter in the banner writes to the site's list and unlocks
 * the share card.
 */
import { expect, waitUntil } from '@open-wc/testing';
import type { DataDocumentInput } from '../../src/model/index.js';
import { resetSharePoint, sharePointItems } from '../fixtures/sharepoint-server.js';
import { frenchTypographyProblems } from '../src/i18n/french-typography.js';
import { axeIn, describeViolations, pageText, type AxeWindow } from './page-checks.js';

type Settled = HTMLElement & { state?: string; updateComplete?: Promise<unknown> };
type PageWindow = AxeWindow & { inlineRan?: boolean };

const PREFIX = 'relais-010';
let frame: HTMLIFrameElement | undefined;

async function openPage(): Promise<PageWindow> {
  const seed = (await (await fetch('/demo/data/advocacy.json')).json()) as DataDocumentInput;
  const site = await resetSharePoint(seed, new Date());
  frame?.remove();
  frame = document.createElement('iframe');
  frame.title = 'sharepoint-online.html';
  frame.style.cssText = 'width: 1280px; height: 800px; border: 0; position: absolute; top: 0; left: 0';
  const loaded = new Promise((resolve) => frame!.addEventListener('load', resolve, { once: true }));
  frame.src = `/demo/sharepoint-online.html?site=${encodeURIComponent(site)}`;
  document.body.append(frame);
  await loaded;
  const win = frame.contentWindow as PageWindow;
  await waitUntil(
    () => {
      const elements = [...win.document.querySelectorAll<Settled>(`${PREFIX}-charter-banner, ${PREFIX}-share-card, ${PREFIX}-ambassador-leaderboard`)];
      return elements.length === 3 && elements.every((element) => element.state && !['loading', 'not-configured'].includes(element.state));
    },
    'the banner and the web parts never settled',
    { timeout: 8000 },
  );
  return win;
}

const find = (win: Window, name: string) => win.document.querySelector<Settled>(`${PREFIX}-${name}`)!;

describe('demo/sharepoint-online.html', () => {
  before(() => {
    for (const key of Object.keys(localStorage)) if (key.startsWith('relais')) localStorage.removeItem(key);
  });
  after(() => frame?.remove());

  it('runs under its CSP: an inline script is refused, the page’s own scripts run', async () => {
    const win = await openPage();
    expect(win.document.querySelector('meta[http-equiv="Content-Security-Policy"]')?.getAttribute('content')).to.contain("script-src 'self'");
    const refused = new Promise<SecurityPolicyViolationEvent>((resolve) => win.document.addEventListener('securitypolicyviolation', resolve, { once: true }));
    const inline = win.document.createElement('script');
    inline.textContent = 'window.inlineRan = true;';
    win.document.body.append(inline);
    expect((await refused).effectiveDirective).to.equal('script-src-elem');
    expect(win.inlineRan).to.equal(undefined);
  });

  it('shows the banner in the Top placeholder, above the site header, and the web parts’ elements in the page’s section', async () => {
    const win = await openPage();
    const top = win.document.querySelector('#spPageChromeAppDiv > [data-sp-placeholder="Top"]')!;
    expect(top.firstElementChild?.localName).to.equal(`${PREFIX}-charter-banner`);
    expect(top.compareDocumentPosition(win.document.querySelector('[data-automationid="SiteHeader"]')!) & Node.DOCUMENT_POSITION_FOLLOWING).to.not.equal(0);
    // Karim Benali confirmed version 1; version 3 requires at least version 2.
    expect(find(win, 'charter-banner').state).to.equal('prompt');
    const section = win.document.querySelector('main [data-automation-id="CanvasSection"].sp-section--two')!;
    expect([...section.querySelectorAll('.sp-webpart > *')].map((element) => element.localName)).to.deep.equal([`${PREFIX}-share-card`, `${PREFIX}-ambassador-leaderboard`]);
    expect(find(win, 'share-card').state).to.equal('gated');
    const board = find(win, 'ambassador-leaderboard');
    expect(board.state).to.equal('ready');
    expect(board.getAttribute('mode')).to.equal('teams');
    // Nothing unprefixed: the page registers only the prefixed copy, as the SPFx package does.
    expect(win.customElements.get('charter-banner')).to.equal(undefined);
  });

  it('confirming the charter in the banner writes to the site’s list and unlocks the share card', async () => {
    const win = await openPage();
    const banner = find(win, 'charter-banner');
    banner.shadowRoot!.querySelector<HTMLElement>('[part~="checkbox"]')!.click();
    await banner.updateComplete;
    banner.shadowRoot!.querySelector<HTMLElement>('[part~="acknowledge-button"]')!.click();
    const card = find(win, 'share-card');
    await waitUntil(() => card.state === 'ready', `the card stayed ${card.state}`, { timeout: 8000 });
    await waitUntil(async () => (await sharePointItems('Relais Acknowledgments')).some((item) => item.ViewerId === 'p-04' && item.Version === 3), 'no acknowledgment in the list', { timeout: 8000 });
  });

  it('is axe clean, and writes its French properly', async () => {
    const win = await openPage();
    const violations = describeViolations(await axeIn(win));
    expect(violations, violations.join('\n')).to.deep.equal([]);
    expect(frenchTypographyProblems(pageText(win))).to.deep.equal([]);
  });
});
