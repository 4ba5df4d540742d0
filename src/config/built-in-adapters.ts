import { deferredAdapter } from '../adapters/deferred.js';
import type { DataDocumentInput } from '../model/index.js';
import { registerAdapterFactory } from './declarative.js';

/**
 * `true` in the single file `relais.iife.js` only (Vite's `define` in its build): it leaves out the
 * adapters a plain page has no use for, so that the single file does not grow by them.
 */
declare const __RELAIS_SINGLE_FILE__: boolean | undefined;
const SINGLE_FILE = typeof __RELAIS_SINGLE_FILE__ !== 'undefined' && __RELAIS_SINGLE_FILE__;

/** The URL as the adapter will resolve it; a TypeError naming the attribute when it is not one. */
function checkedUrl(value: string, attribute: string): void {
  try {
    new URL(value, globalThis.location?.href);
  } catch (error) {
    throw new TypeError(`Relais: ${attribute}="${value}" is not a valid URL (${(error as Error).message}).`, { cause: error });
  }
}

/**
 * Makes `data-adapter="static"`, `data-adapter="rest"`, `data-adapter="memory"` and
 * `data-adapter="sharepoint"` (the loader only; `data-site`, the site's URL) available. The
 * script-tag bundle and the loader call this; an npm user who configures with
 * `configure({ adapter })` never needs it. Each adapter's code is imported when the page uses it
 * (the loader fetches only that one; the single file holds them all). The attributes are checked
 * at once, so that a mistake is reported while the page configures.
 */
export function registerBuiltInAdapters(): void {
  registerAdapterFactory('static', (config) => {
    const src = config.src;
    if (!src) throw new TypeError('Relais: data-adapter="static" needs data-src, the URL of the data document.');
    checkedUrl(src, 'data-src');
    // The document's sample viewer only where the page asks for it: else everyone would be that person.
    return deferredAdapter(async () => {
      const { StaticAdapter } = await import('../adapters/static-adapter.js');
      return new StaticAdapter({ src, viewer: config.viewer, sampleViewer: config.sampleViewer === true });
    });
  });
  // Who the viewer is comes from the server (the intranet's session cookie goes along), never from the page.
  registerAdapterFactory('rest', (config) => {
    const endpoint = config.endpoint;
    if (!endpoint) throw new TypeError('Relais: data-adapter="rest" needs data-endpoint, the base URL of the REST API (e.g. /relais/api/v1).');
    checkedUrl(endpoint, 'data-endpoint');
    return deferredAdapter(async () => {
      const { RestAdapter } = await import('../adapters/rest/rest-adapter.js');
      return new RestAdapter({ endpoint, credentials: 'include' });
    });
  });
  // SharePoint modern pages run no script tags: the adapter is for the loader on a classic page, or
  // for npm (an SPFx web part). The single file says so rather than carry it.
  registerAdapterFactory('sharepoint', (config) => {
    if (SINGLE_FILE) {
      throw new TypeError(
        'Relais: data-adapter="sharepoint" is not in the single file relais.iife.js. Use relais.loader.js with the same attributes, or import { SharePointAdapter } from "relais/adapters/sharepoint" (npm, SPFx); see docs/sharepoint.md.',
      );
    }
    const site = config.site;
    if (!site) throw new TypeError('Relais: data-adapter="sharepoint" needs data-site, the SharePoint site\'s URL (e.g. https://contoso.sharepoint.com/sites/intranet).');
    checkedUrl(site, 'data-site');
    return deferredAdapter(async () => {
      const { SharePointAdapter } = await import('../adapters/sharepoint/sharepoint-adapter.js');
      return new SharePointAdapter({ site, viewer: config.viewer });
    });
  });
  // The inline document is untrusted JSON: MemoryAdapter parses it and names any bad field.
  registerAdapterFactory('memory', (config) =>
    deferredAdapter(async () => {
      const { MemoryAdapter } = await import('../adapters/memory-adapter.js');
      return new MemoryAdapter({ data: config.data as DataDocumentInput, viewer: config.viewer, sampleViewer: config.sampleViewer === true });
    }),
  );
}
