/**
 * The declarative configuration of script-tag users: the script tag's `data-*` attributes, or a
 * `<script type="application/json" id="relais-config">` block. Adapters are named (`data-adapter="static"`)
 * and built by the factories registered here; the script-tag bundle registers the built-in ones
 * (`built-in-adapters.ts`), so that an npm user who never configures declaratively pays for none.
 */
import type { AdvocacyAdapter, ViewerIdentity } from '../adapters/types.js';
import { RelaisClient } from '../client/client.js';
import { reportConfigurationError, setDeclaredConfiguration } from './page-client.js';

/** A declarative configuration, as written on the script tag or in the JSON block. */
export interface DeclarativeConfig {
  /** `static`, `memory`, or any name given to {@link registerAdapterFactory}. */
  adapter: string;
  /** The data document's URL (`static`). */
  src?: string;
  /** The REST endpoint (`rest`). */
  endpoint?: string;
  /** The SharePoint site's URL (`sharepoint`). */
  site?: string;
  /** Inline data document (`memory`). */
  data?: unknown;
  lang?: string;
  viewer?: ViewerIdentity;
  /** The data document's `viewer`, a sample person, stands for whoever looks (`data-viewer="sample"`, `"sampleViewer": true`): demo pages only. */
  sampleViewer?: boolean;
}

export type AdapterFactory = (config: DeclarativeConfig) => AdvocacyAdapter;

const adapterFactories = new Map<string, AdapterFactory>();

/** Makes `data-adapter="NAME"` available to script-tag users, e.g. for a REST or SharePoint adapter. */
export function registerAdapterFactory(name: string, factory: AdapterFactory): void {
  adapterFactories.set(name, factory);
}

/**
 * Reads the declarative configuration: the script tag's `data-adapter`, `data-src`,
 * `data-endpoint`, `data-site`, `data-lang`, `data-viewer-id`, `data-viewer-name`, `data-viewer-team`,
 * `data-viewer="sample"` (the document's sample viewer, for a demo page), else the
 * JSON block `<script type="application/json" id="relais-config">`. Returns `undefined` when
 * neither is there; throws a TypeError that says what is wrong when one is malformed.
 */
export function readDeclarativeConfig(script: Element | null | undefined, doc: Document = document): DeclarativeConfig | undefined {
  const data = script instanceof HTMLElement ? script.dataset : undefined;
  if (data?.adapter) {
    // An empty data-viewer-name is no name: the id stands in, as when the attribute is missing.
    const viewer = data.viewerId ? { id: data.viewerId, displayName: data.viewerName || data.viewerId, team: data.viewerTeam || undefined } : undefined;
    return { adapter: data.adapter, src: data.src, endpoint: data.endpoint, site: data.site, lang: data.lang, viewer, sampleViewer: data.viewer === 'sample' };
  }
  const block = doc.getElementById('relais-config');
  if (!block) return undefined;
  let parsed: unknown;
  try {
    parsed = JSON.parse(block.textContent ?? '');
  } catch (error) {
    throw new TypeError(`Relais: the #relais-config block is not valid JSON (${(error as Error).message}).`, { cause: error });
  }
  if (!parsed || typeof parsed !== 'object' || typeof (parsed as { adapter?: unknown }).adapter !== 'string') {
    throw new TypeError('Relais: the #relais-config block needs an "adapter" name, e.g. { "adapter": "static", "src": "/advocacy.json" }.');
  }
  const config = parsed as DeclarativeConfig;
  if (data?.lang && !config.lang) config.lang = data.lang;
  return config;
}

/**
 * Applies the declarative configuration, for script-tag users. Never throws: a bad configuration
 * is explained in the console (naming the attribute) and the elements show a configuration error.
 */
export function configureFromDocument(script: Element | null | undefined, doc: Document = document): RelaisClient | undefined {
  try {
    const config = readDeclarativeConfig(script, doc);
    if (!config) return undefined;
    setDeclaredConfiguration(undefined, config.lang);
    const factory = adapterFactories.get(config.adapter);
    if (!factory) {
      throw new TypeError(`Relais: unknown adapter "${config.adapter}" (data-adapter); known: ${[...adapterFactories.keys()].join(', ') || 'none'}.`);
    }
    const client = new RelaisClient(factory(config));
    setDeclaredConfiguration(client, undefined);
    return client;
  } catch (error) {
    reportConfigurationError(error instanceof Error ? error.message : String(error));
    return undefined;
  }
}
