// `node scripts/screenshots-sharepoint.mjs`: demo/sharepoint-online.html (the modern SharePoint
// page) at 1280 and 390 px wide, light and dark, into screenshots/ (not committed), with the
// machine's Chromium. The page runs as under `npm start`: the demo's Vite config, whose dev server
// serves the SharePoint REST test server at /sites/relais, seeded with the demo data. Each shot is
// the whole page once the banner and the web parts' elements have settled; `-top` the first screen.
import { screenshotSession, SHOTS_DIR } from './screenshots/session.mjs';

const out = SHOTS_DIR;
const VIEWPORTS = [
  { width: 1280, height: 800 },
  { width: 390, height: 844 },
];

const session = await screenshotSession({ hmr: false });
const { port, browser } = session;
const problems = [];
let count = 0;
try {
  const page = await browser.newPage();
  page.on('pageerror', (error) => problems.push(error.message));
  for (const viewport of VIEWPORTS) {
    for (const theme of ['light', 'dark']) {
      await page.setViewport({ ...viewport, deviceScaleFactor: 1 });
      await page.emulateMediaFeatures([{ name: 'prefers-color-scheme', value: theme }]);
      await page.goto(`http://127.0.0.1:${port}/demo/sharepoint-online.html`);
      await page.waitForFunction(
        // Runs in the page, not in Node: its globals are the page's.
        () => {
          const { document } = globalThis;
          const elements = [...document.querySelectorAll('relais-010-charter-banner, relais-010-share-card, relais-010-ambassador-leaderboard')];
          return elements.length === 3 && elements.every((element) => element.state && !['loading', 'not-configured'].includes(element.state));
        },
        { timeout: 20_000 },
      );
      await new Promise((resolve) => setTimeout(resolve, 100)); // fonts and one paint
      const name = `sharepoint-online-${viewport.width}-${theme}`;
      await page.screenshot({ path: `${out}${name}.png`, fullPage: true });
      await page.screenshot({ path: `${out}${name}-top.png` });
      count += 2;
    }
  }
} finally {
  await session.close();
}
if (problems.length) {
  console.error(`screenshots-sharepoint: the page threw:\n  ${problems.join('\n  ')}`);
  process.exit(1);
}
console.log(`screenshots-sharepoint: ${count} screenshots in screenshots/.`);
