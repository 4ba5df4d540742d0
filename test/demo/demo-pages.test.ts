/**
 * The demo pages as a visitor gets them: each page loaded whole in a frame, its Relais elements
 * settled, then axe-core run on the page's own document — host content, the demo toolbar and the
 * elements' shadow roots — in light and in dark. Also checks the pages' own French typography.
 *
 * The pages without a build step load the built files (`node scripts/build.mjs` first, as `npm test`
 * does): plain.html dist/relais.iife.js, loader.html dist/relais.loader.js. The other pages import the sources through demo.ts, which a bundler (Vite, for
 * `npm start`) gives `process.env.NODE_ENV`: here the frame gets it from a first script instead.
 */
import { expect, waitUntil } from '@open-wc/testing';
import { emulateMedia } from '@web/test-runner-commands';
import { DEMO_VIEWERS } from '../../demo/demo-viewer.js';
import { frenchTypographyProblems } from '../src/i18n/french-typography.js';
import { axeIn, describeViolations, pageText, type AxeWindow } from './page-checks.js';

const PAGES = ['index.html', 'intranet-news.html', 'ready-to-post.html', 'sharepoint.html', 'cms.html', 'plain.html', 'loader.html'];
/** Whose view each page shows at a first visit: the new employee, unless the page names its viewer. */
const FIRST_VIEWER: Record<string, { name: string; situation: string }> = { 'loader.html': { name: 'Sophie Garnier', situation: 'an employee who confirmed the charter' } };
const firstViewer = (page: string) => FIRST_VIEWER[page] ?? { name: 'Benoît Caron', situation: 'the new employee' };

type Banner = HTMLElement & { state?: string };

let frame: HTMLIFrameElement | undefined;

async function openDemoPage(page: string): Promise<AxeWindow> {
  frame?.remove();
  frame = document.createElement('iframe');
  frame.title = page;
  frame.style.cssText = 'width: 1024px; height: 768px; border: 0; position: absolute; top: 0; left: 0';
  const loaded = new Promise((resolve) => frame!.addEventListener('load', resolve, { once: true }));
  const url = `/demo/${page}`;
  const html = await (await fetch(url)).text();
  if (html.includes('src="./demo.ts"')) {
    // Addresses made absolute as well as a <base>: the preload scanner reads a srcdoc's
    // addresses against the test page before it sees the <base>.
    frame.srcdoc = html
      .replaceAll('="./', '="/demo/')
      .replace('<head>', `<head><base href="${url}" /><script>window.process = { env: { NODE_ENV: 'development' } };</script>`);
  } else if (html.includes('http-equiv="Content-Security-Policy"')) {
    // axe is added to the page as a script, which the page's own policy (Trusted Types enforced)
    // refuses: axe runs on a copy without the policy (test/e2e/demo-plain-pages.test.ts holds the
    // pages to it). data-src absolute: Relais checks it against the page's address, about:srcdoc.
    frame.srcdoc = html
      .replace(/<meta http-equiv="Content-Security-Policy"[^>]*>/, '')
      .replaceAll('data-src="./', `data-src="${location.origin}/demo/`)
      .replaceAll('="./', '="/demo/')
      .replaceAll('="../dist/', '="/dist/')
      .replace('<head>', `<head><base href="${url}" />`);
  } else {
    frame.src = url;
  }
  document.body.append(frame);
  await loaded;
  const win = frame.contentWindow as AxeWindow;
  // Every element has decided what to show (not loading, configured).
  await waitUntil(
    () => [...win.document.querySelectorAll<Banner>('charter-banner')].every((banner) => banner.state && !['loading', 'not-configured'].includes(banner.state)),
    `${page}: a <charter-banner> never settled`,
    { timeout: 5000 },
  );
  await waitUntil(
    () => [...win.document.querySelectorAll<Banner>('share-card')].every((card) => card.state && !['loading', 'not-configured'].includes(card.state)),
    `${page}: a <share-card> never settled`,
    { timeout: 5000 },
  );
  return win;
}


describe('demo pages', () => {
  beforeEach(() => {
    for (const key of Object.keys(localStorage)) if (key.startsWith('relais')) localStorage.removeItem(key);
    sessionStorage.clear();
  });
  after(async () => {
    frame?.remove();
    await emulateMedia({ colorScheme: 'light' });
  });

  for (const scheme of ['light', 'dark'] as const) {
    for (const page of PAGES) {
      it(`${page} has no axe violations in ${scheme} (first visit: ${firstViewer(page).situation})`, async () => {
        await emulateMedia({ colorScheme: scheme });
        const win = await openDemoPage(page);
        expect(win.matchMedia('(prefers-color-scheme: dark)').matches).to.equal(scheme === 'dark');
        expect(win.document.querySelector('.demo-toolbar')?.textContent, 'the toolbar says whose view it is').to.contain(firstViewer(page).name);
        const violations = describeViolations(await axeIn(win));
        expect(violations, violations.join('\n')).to.deep.equal([]);
      });
    }
  }

  for (const viewer of DEMO_VIEWERS.slice(1)) {
    it(`intranet-news.html has no axe violations viewed as ${viewer.displayName} (${viewer.situation})`, async () => {
      sessionStorage.setItem('relais-demo:viewer', viewer.id);
      const win = await openDemoPage('intranet-news.html');
      expect(win.document.querySelector('.demo-toolbar')?.textContent).to.contain(viewer.displayName);
      const violations = describeViolations(await axeIn(win));
      expect(violations, violations.join('\n')).to.deep.equal([]);
    });
  }

  it('ready-to-post.html shows a new employee exactly one acknowledgment form, and every card unlocks after it', async () => {
    const win = await openDemoPage('ready-to-post.html');
    const holders = (root: Document | ShadowRoot): Element[] =>
      [...root.querySelectorAll('*')].flatMap((node) => (node.shadowRoot ? [...(node.shadowRoot.querySelector('[part~="checkbox"]') ? [node] : []), ...holders(node.shadowRoot)] : []));
    const forms = holders(win.document);
    expect(forms.map((node) => node.localName)).to.deep.equal(['charter-banner']);
    const cards = [...win.document.querySelectorAll<Banner>('share-card')];
    const live = cards.filter((card) => card.state === 'gated');
    expect(live.length, 'the live cards wait for the charter').to.be.greaterThan(2);
    for (const card of live) expect(card.shadowRoot!.querySelector('[part~="charter-button"]'), 'each points to the charter').to.not.equal(null);
    const banner = forms[0]!.shadowRoot!;
    banner.querySelector<HTMLElement>('[part~="checkbox"]')!.click();
    await (forms[0] as HTMLElement & { updateComplete: Promise<unknown> }).updateComplete;
    banner.querySelector<HTMLElement>('[part~="acknowledge-button"]')!.click();
    await waitUntil(() => live.every((card) => card.state === 'ready'), `cards still locked: ${live.map((card) => card.state).join(', ')}`, { timeout: 5000 });
  });

  for (const page of PAGES) {
    it(`${page} writes its own French properly`, async () => {
      const win = await openDemoPage(page);
      expect(frenchTypographyProblems(pageText(win, 'code, script, style, select'))).to.deep.equal([]);
    });
  }
});
