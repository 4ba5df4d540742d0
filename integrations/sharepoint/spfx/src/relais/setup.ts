/**
 * What the web part and the application customizer share: one copy of Relais (both are in the
 * one "relais" bundle of config/config.json), its elements registered under a prefix that carries
 * its version, and one SharePointAdapter per site.
 *
 * The prefix: a page may hold two solutions that each bundle a different Relais (this package and
 * a later one, or another team's). Each registers `relais-<version>-share-card` and so on, so each
 * element runs the code it was built with and neither takes the other's tag.
 */
import type { ServiceScope } from '@microsoft/sp-core-library';
import { ThemeProvider } from '@microsoft/sp-component-base';
import type { PageContext } from '@microsoft/sp-page-context';
import { SPHttpClient } from '@microsoft/sp-http';
import { configure, defineElements, RelaisClient, version } from 'relais/api';
import { SharePointAdapter, type SharePointFetch } from 'relais/adapters/sharepoint';

/** `relais-010` for Relais 0.1.0: letters and digits of the version, so a valid tag prefix. */
export const PREFIX: string = `relais-${version.toLowerCase().replace(/[^a-z0-9]+/g, '')}`;

/** The tag of a Relais element under this copy's prefix, e.g. `relais-010-share-card`. */
export function tag(name: 'share-card' | 'ambassador-leaderboard' | 'post-composer-guard' | 'charter-banner' | 'relais-provider'): string {
  return `${PREFIX}-${name}`;
}

let defined = false;
const clients = new Map<string, RelaisClient>();
let pageSite: string | undefined;

/** Where the Relais lists are: the site the component names, else the current site. */
function siteOf(context: SPContext, siteUrl: string | undefined): string {
  const site = (siteUrl ?? '').trim() || context.pageContext.web.absoluteUrl;
  return site.replace(/\/+$/, '');
}

/** The part of an SPFx context that Relais needs (the web part's and the customizer's both have it). */
export interface SPContext {
  pageContext: PageContext;
  spHttpClient: SPHttpClient;
  serviceScope: ServiceScope;
}

/**
 * The site's colours, not the reader's system: a SharePoint page stays light when the reader's
 * system is dark, so the elements follow the site theme (dark only for an inverted theme) rather
 * than `prefers-color-scheme`.
 */
export function themeOf(context: SPContext): 'light' | 'dark' {
  const theme = context.serviceScope.consume(ThemeProvider.serviceKey).tryGetTheme();
  return theme?.isInverted ? 'dark' : 'light';
}

/**
 * Registers the elements once, and returns the client for the site that holds the lists. The
 * first site asked for (usually the banner's, which loads first) gets the page-wide default client
 * (`configure`), with the page's language; a component whose lists are on another site gets that
 * site's client through a `<relais-provider>` around its element (see {@link mount}).
 */
export function relaisFor(context: SPContext, siteUrl?: string): { client: RelaisClient; isPageDefault: boolean } {
  if (!defined) {
    defineElements({ prefix: PREFIX });
    defined = true;
  }
  const site = siteOf(context, siteUrl);
  let client = clients.get(site);
  if (!client) {
    const { user, cultureInfo } = context.pageContext;
    // SPHttpClient carries the user's session and SharePoint's own headers; the adapter adds
    // `Accept: application/json;odata=nometadata` and its digest.
    const spFetch: SharePointFetch = (url, init) => context.spHttpClient.fetch(url, SPHttpClient.configurations.v1, init);
    const adapter = new SharePointAdapter({
      site,
      viewer: { id: user.loginName, displayName: user.displayName },
      fetch: spFetch,
    });
    const locale = cultureInfo.currentUICultureName || undefined;
    if (pageSite === undefined) {
      pageSite = site;
      client = configure({ adapter, locale });
    } else {
      client = new RelaisClient(adapter);
    }
    clients.set(site, client);
  }
  return { client, isPageDefault: site === pageSite };
}

/**
 * Puts `element` in `host`: directly when its lists are the page default's, else inside a
 * prefixed `<relais-provider>` holding that site's client.
 */
export function mount(host: HTMLElement, element: HTMLElement, relais: { client: RelaisClient; isPageDefault: boolean }): void {
  host.replaceChildren();
  if (relais.isPageDefault) {
    host.append(element);
    return;
  }
  const provider = document.createElement(tag('relais-provider')) as HTMLElement & { client?: RelaisClient };
  provider.client = relais.client;
  provider.append(element);
  host.append(provider);
}
