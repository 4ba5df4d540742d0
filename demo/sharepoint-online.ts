/**
 * demo/sharepoint-online.html: what the Relais SPFx package does on a modern SharePoint page, in
 * the page's own script (the CSP refuses inline scripts). It follows
 * integrations/sharepoint/spfx/src/relais/setup.ts, the web part and the application customizer:
 * the elements registered once under the prefix of this copy (`relais-010-…`), one
 * SharePointAdapter for the site, its viewer from the page context, then the customizer's banner
 * in the Top placeholder and each web part's element in its own DOM.
 *
 * The site is the SharePoint REST test server (test/fixtures/sharepoint-server-plugin.mjs,
 * seeded with demo/data/advocacy.json): `npm start` serves it at /sites/relais on the demo's own
 * origin (vite.config.ts), as SharePoint Online serves a site's /_api. A test passes another
 * local site in `?site=`.
 */
import { configure, defineElements, version } from '../entries/api.js';
import { SharePointAdapter, type SharePointFetch } from '../src/adapters/sharepoint/sharepoint-adapter.js';

/** `relais-010` for Relais 0.1.0, as setup.ts computes it. */
const PREFIX = `relais-${version.toLowerCase().replace(/[^a-z0-9]+/g, '')}`;
const tag = (name: string) => `${PREFIX}-${name}`;

/**
 * SPFx's page context, as `this.context.pageContext` gives it: the site, the signed-in user (here
 * Karim Benali of the demo data, who confirmed a version of the charter older than the one required: the banner asks him to read the current one, and the share card waits for it), the language.
 */
const pageContext = {
  web: { absoluteUrl: siteUrl() },
  user: { loginName: 'p-04', displayName: 'Karim Benali' },
  cultureInfo: { currentUICultureName: document.documentElement.lang === 'fr' ? 'fr-FR' : 'en-US' },
};

/** The site: this origin's /sites/relais, or a local test server named in `?site=`. */
function siteUrl(): string {
  const asked = new URLSearchParams(location.search).get('site');
  if (asked) {
    const url = new URL(asked);
    if (['localhost', '127.0.0.1'].includes(url.hostname) && /^https?:$/.test(url.protocol)) return url.href.replace(/\/+$/, '');
  }
  return new URL('/sites/relais', location.href).href;
}

// setup.ts: the elements once, under the prefix; the page-wide client of the site's lists.
defineElements({ prefix: PREFIX });
// SPFx passes SPHttpClient (the session, SharePoint's headers); a plain page has fetch and its cookies.
const spFetch: SharePointFetch = (url, init) => fetch(url, { ...init, credentials: 'same-origin' });
configure({
  adapter: new SharePointAdapter({
    site: pageContext.web.absoluteUrl,
    viewer: { id: pageContext.user.loginName, displayName: pageContext.user.displayName },
    fetch: spFetch,
  }),
  locale: pageContext.cultureInfo.currentUICultureName,
});

// The application customizer: the banner in the Top placeholder (its default properties: mode banner).
const top = document.querySelector<HTMLElement>('[data-sp-placeholder="Top"]');
// Both take the site theme's colours (themeOf in the SPFx setup): this page's theme is light.
const SITE_THEME = 'light';
const banner = document.createElement(tag('charter-banner'));
banner.setAttribute('theme', SITE_THEME);
top?.replaceChildren(banner);

// The web parts: each `data-relais-show` host gets the element its properties choose (RelaisWebPart._element).
for (const host of document.querySelectorAll<HTMLElement>('[data-relais-show]')) {
  const { relaisShow: show, relaisCategory: category, relaisMode: mode, relaisPeriod: period } = host.dataset;
  let element: HTMLElement;
  if (show === 'leaderboard') {
    element = document.createElement(tag('ambassador-leaderboard'));
    element.setAttribute('mode', mode || 'ranking');
    element.setAttribute('period', period || 'month');
  } else {
    element = document.createElement(tag('share-card'));
    if (category) element.setAttribute('category', category);
  }
  element.setAttribute('theme', SITE_THEME);
  host.replaceChildren(element);
}
