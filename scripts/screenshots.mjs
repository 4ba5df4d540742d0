// `npm run screenshots [pattern]`: renders every element of the list at 1280 and 390 px wide, light
// and dark, into screenshots/ (not committed), with the machine's Chromium — never a downloaded one.
// <charter-banner> is shot in each mode and state, <share-card> in each state and layout, and any
// other element of the list (entries/elements.ts) in its default state; <relais-provider> renders
// nothing of its own. A pattern (a regular expression) keeps the shots whose file name matches.
// `--docs`: the few pictures the README, docs/charter-banner.md and docs/share-card.md show, into docs/images/.
import { elementTags } from './element-list.mjs';
import { screenshotSession, SHOTS_DIR } from './screenshots/session.mjs';

const out = SHOTS_DIR;

const STATES = ['loading', 'error', 'not-configured', 'prompt-first-time', 'prompt-new-version', 'prompt-renewal', 'snoozed', 'last-snooze', 'acknowledged', 'not-required'];
const MODES = ['banner', 'inline', 'dialog'];
const VIEWPORTS = [
  { width: 1280, height: 800 },
  { width: 390, height: 844 },
];
const pattern = process.argv.slice(2).find((arg) => !arg.startsWith('--'));
const only = pattern ? new RegExp(pattern) : undefined;

const session = await screenshotSession();
const { port, browser } = session;

const shots = [];
for (const mode of MODES) {
  for (const state of STATES) shots.push({ mode, state });
  shots.push({ mode, state: 'prompt-first-time', open: 'full-text' });
}
/** <share-card>: every state in each layout; compact and inline also with their dialog open (`dialog`, and the flow's states, which happen in it) and closed after a share (`shared-closed`). */
const CARD_STATES = ['loading', 'error', 'not-configured', 'not-found', 'expired', 'scheduled', 'gated', 'ready', 'personalized', 'blocked', 'too-long', 'mastodon', 'shared', 'long'];
for (const layout of ['card', 'compact', 'inline']) {
  for (const state of layout === 'card' ? CARD_STATES : [...CARD_STATES, 'dialog', 'shared-closed']) shots.push({ element: 'share-card', layout, state });
}
/** <ambassador-leaderboard>: each mode, and the states around them. */
for (const state of ['ranking', 'pinned', 'opted-out', 'tiers', 'teams', 'personal', 'empty', 'long', 'loading', 'error']) shots.push({ element: 'ambassador-leaderboard', state });
/** Every other element of the list: its default state. */
const RENDERS_NOTHING = ['relais-provider'];
for (const tag of elementTags()) {
  if (!RENDERS_NOTHING.includes(tag) && !shots.some(({ element = 'charter-banner' }) => element === tag)) shots.push({ element: tag, state: 'default' });
}
/** The README's and docs' pictures (committed, small): the page's top, or the element alone. */
const DOCS = [
  { file: 'charter-banner-banner.png', mode: 'banner', state: 'prompt-new-version', theme: 'light', width: 1280, clip: 'top' },
  { file: 'charter-banner-banner-phone-dark.png', mode: 'banner', state: 'prompt-renewal', theme: 'dark', width: 390, clip: 'top' },
  { file: 'charter-banner-inline-acknowledged.png', mode: 'inline', state: 'acknowledged', theme: 'light', width: 800, clip: 'element' },
  { file: 'share-card-shared.png', element: 'share-card', layout: 'card', state: 'shared', theme: 'light', width: 800, height: 1300, clip: 'element' },
  { file: 'share-card-gated-phone-dark.png', element: 'share-card', layout: 'card', state: 'gated', theme: 'dark', width: 390, height: 1700, clip: 'element' },
  { file: 'share-card-ready.png', element: 'share-card', layout: 'card', state: 'ready', theme: 'light', width: 800, height: 1300, clip: 'element' },
  { file: 'share-card-gated.png', element: 'share-card', layout: 'card', state: 'gated', theme: 'light', width: 800, height: 1300, clip: 'element' },
  { file: 'share-card-compact.png', element: 'share-card', layout: 'compact', state: 'ready', theme: 'light', width: 800, clip: 'element' },
  { file: 'share-card-compact-dialog.png', element: 'share-card', layout: 'compact', state: 'dialog', theme: 'light', width: 800, height: 780, clip: 'page' },
  { file: 'ambassador-leaderboard-ranking.png', element: 'ambassador-leaderboard', state: 'ranking', theme: 'light', width: 800, height: 1000, clip: 'element' },
  { file: 'ambassador-leaderboard-personal-phone-dark.png', element: 'ambassador-leaderboard', state: 'personal', theme: 'dark', width: 390, height: 900, clip: 'element' },
  // Inline: with the article's text around it, which its title lines up with.
  { file: 'share-card-inline.png', element: 'share-card', layout: 'inline', state: 'ready', theme: 'light', width: 800, clip: 'main' },
];
const docs = process.argv.includes('--docs');

let count = 0;
try {
  const page = await browser.newPage();
  if (docs) {
    for (const shot of DOCS) {
      await page.setViewport({ width: shot.width, height: shot.height ?? 800, deviceScaleFactor: 1 });
      await page.emulateMediaFeatures([{ name: 'prefers-color-scheme', value: shot.theme }]);
      const query = shot.element ? { element: shot.element, ...(shot.layout ? { layout: shot.layout } : {}), state: shot.state, theme: shot.theme } : { mode: shot.mode, state: shot.state, theme: shot.theme };
      await page.goto(`http://127.0.0.1:${port}/scripts/screenshots/harness.html?${new URLSearchParams(query)}`);
      await page.waitForSelector('body[data-ready]', { timeout: 20_000 });
      await new Promise((resolve) => setTimeout(resolve, 50)); // one paint for the dialogs' top layer
      // Runs in the page, not in Node: its globals are the page's.
      const box = await page.evaluate((clip, tag) => {
        const { document, innerWidth, innerHeight } = globalThis;
        if (clip === 'page') return { x: 0, y: 0, width: innerWidth, height: innerHeight };
        const rect = document.querySelector(clip === 'main' ? 'main' : tag).getBoundingClientRect();
        return clip === 'top'
          ? { x: 0, y: 0, width: innerWidth, height: Math.ceil(rect.bottom) + 16 }
          : clip === 'main'
            ? { x: rect.x, y: rect.y, width: rect.width, height: rect.height }
            : { x: rect.x - 16, y: rect.y - 16, width: rect.width + 32, height: rect.height + 32 };
      }, shot.clip, shot.element ?? 'charter-banner');
      await page.screenshot({ path: new URL(`../docs/images/${shot.file}`, import.meta.url).pathname, clip: box });
      count++;
    }
    shots.length = 0;
  }
  for (const { element, layout, mode, state, open } of shots) {
    for (const viewport of VIEWPORTS) {
      for (const theme of ['light', 'dark']) {
        const name = element
          ? `${[element, layout, state].filter(Boolean).join('-')}-${viewport.width}-${theme}`
          : `charter-banner-${mode}-${open ? `${open}-open` : state === 'prompt-first-time' && mode === 'dialog' ? 'dialog-open' : state}-${viewport.width}-${theme}`;
        if (only && !only.test(name)) continue;
        await page.setViewport({ ...viewport, deviceScaleFactor: 1 });
        await page.emulateMediaFeatures([{ name: 'prefers-color-scheme', value: theme }]);
        const query = new URLSearchParams(element ? { element, ...(layout ? { layout } : {}), state, theme } : { mode, state, theme, ...(open ? { open } : {}) });
        // The dev server reloads the page once when it first bundles a dependency: try again then.
        for (let attempt = 1; ; attempt++) {
          try {
            await page.goto(`http://127.0.0.1:${port}/scripts/screenshots/harness.html?${query}`);
            await page.waitForSelector('body[data-ready], body[data-error]', { timeout: 20_000 });
            break;
          } catch (error) {
            if (attempt === 3) throw error;
          }
        }
        const error = await page.evaluate(() => globalThis.document.body.dataset.error);
        if (error) throw new Error(`${name}: ${error}`);
        await new Promise((resolve) => setTimeout(resolve, 50)); // one paint for the dialogs' top layer
        // A share card can be taller than the window: the whole page, so that its buttons show.
        await page.screenshot({ path: `${out}${name}.png`, fullPage: !!element });
        count++;
      }
    }
  }
} finally {
  await session.close();
}
console.log(`${count} screenshots in ${docs ? 'docs/images/' : 'screenshots/'}`);
