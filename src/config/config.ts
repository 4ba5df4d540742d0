import { atom, computed } from 'nanostores';
import { MemoryAdapter } from '../adapters/memory-adapter.js';
import { StaticAdapter } from '../adapters/static-adapter.js';
import type { AdvocacyAdapter, ViewerIdentity } from '../adapters/types.js';
import { RelaisClient, type RelaisClientOptions } from '../client/client.js';
import { setPageLocale } from '../i18n/index.js';
import type { DataDocumentInput } from '../model/index.js';

/**
 * Configuration precedence (DESIGN.md): a `<relais-provider>` ancestor, then `Relais.configure`,
 * then the script tag's `data-*` attributes or a `<script type="application/json" id="relais-config">`
 * block, else a "not configured" state. The provider part lives in the elements' ClientController;
 * the page-wide part is here.
 */

export interface RelaisConfig extends RelaisClientOptions {
  /** Where the data comes from. */
  adapter: AdvocacyAdapter;
  /** The page-wide language, used when neither the element nor a `[lang]` ancestor below `<html>` says. */
  locale?: string;
}

/** A declarative configuration, as written on the script tag or in the JSON block. */
export interface DeclarativeConfig {
  /** `static`, `memory`, or any name given to {@link registerAdapterFactory}. */
  adapter: string;
  /** The data document's URL (`static`). */
  src?: string;
  /** The REST endpoint (`rest`). */
  endpoint?: string;
  /** Inline data document (`memory`). */
  data?: unknown;
  lang?: string;
  viewer?: ViewerIdentity;
}

export type AdapterFactory = (config: DeclarativeConfig) => AdvocacyAdapter;

const configuredClient = atom<RelaisClient | undefined>(undefined);
const declaredClient = atom<RelaisClient | undefined>(undefined);
const configuredLocale = atom<string | undefined>(undefined);
const declaredLocale = atom<string | undefined>(undefined);

/** The page-wide client: `Relais.configure` wins over the declarative configuration. */
export const $pageClient = computed([configuredClient, declaredClient], (configured, declared) => configured ?? declared);
/** The page-wide locale from `Relais.configure({ locale })` or `data-lang`. */
export const $pageLocale = computed([configuredLocale, declaredLocale], (configured, declared) => configured ?? declared);
// Elements resolve their language through i18n, which knows nothing of stores: hand it over.
$pageLocale.subscribe((locale) => setPageLocale(locale));

/**
 * The adapters script-tag users can name in `data-adapter`. Built in here, not registered by a
 * module's side effect, so that no bundler can tree-shake them away.
 */
const adapterFactories = new Map<string, AdapterFactory>([
  [
    'static',
    (config) => {
      if (!config.src) throw new TypeError('Relais: data-adapter="static" needs data-src, the URL of the data document.');
      return new StaticAdapter({ src: config.src, viewer: config.viewer });
    },
  ],
  // The inline document is untrusted JSON: MemoryAdapter parses it and names any bad field.
  ['memory', (config) => new MemoryAdapter({ data: config.data as DataDocumentInput, viewer: config.viewer })],
]);

/** Makes `data-adapter="NAME"` available to script-tag users, e.g. for a REST or SharePoint adapter. */
export function registerAdapterFactory(name: string, factory: AdapterFactory): void {
  adapterFactories.set(name, factory);
}

/** Sets the page-wide default client. Returns it, so that the page can act on it too. */
export function configure(config: RelaisConfig): RelaisClient {
  if (!config || typeof config.adapter !== 'object' || config.adapter === null) {
    throw new TypeError('Relais.configure needs an adapter, e.g. Relais.configure({ adapter: new Relais.StaticAdapter({ src: "/advocacy.json" }) })');
  }
  const client = new RelaisClient(config.adapter, config);
  configuredClient.set(client);
  configuredLocale.set(config.locale);
  return client;
}

/** Forgets every page-wide configuration (tests, and pages that swap their source). */
export function resetConfiguration(): void {
  configuredClient.set(undefined);
  declaredClient.set(undefined);
  configuredLocale.set(undefined);
  declaredLocale.set(undefined);
  notConfiguredReported = false;
}

/**
 * Reads the declarative configuration: the script tag's `data-adapter`, `data-src`,
 * `data-endpoint`, `data-lang`, `data-viewer-id`, `data-viewer-name`, `data-viewer-team`, else the
 * JSON block `<script type="application/json" id="relais-config">`. Returns `undefined` when
 * neither is there; throws a TypeError that says what is wrong when one is malformed.
 */
export function readDeclarativeConfig(script: Element | null | undefined, doc: Document = document): DeclarativeConfig | undefined {
  const data = script instanceof HTMLElement ? script.dataset : undefined;
  if (data?.adapter) {
    const viewer = data.viewerId ? { id: data.viewerId, displayName: data.viewerName ?? data.viewerId, team: data.viewerTeam } : undefined;
    return { adapter: data.adapter, src: data.src, endpoint: data.endpoint, lang: data.lang, viewer };
  }
  const block = doc.getElementById('relais-config');
  if (!block) return undefined;
  let parsed: unknown;
  try {
    parsed = JSON.parse(block.textContent ?? '');
  } catch (error) {
    throw new TypeError(`Relais: the #relais-config block is not valid JSON (${(error as Error).message}).`);
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
 * is explained in the console and leaves the elements in their "not configured" state.
 */
export function configureFromDocument(script: Element | null | undefined, doc: Document = document): RelaisClient | undefined {
  try {
    const config = readDeclarativeConfig(script, doc);
    if (!config) return undefined;
    if (config.lang) declaredLocale.set(config.lang);
    const factory = adapterFactories.get(config.adapter);
    if (!factory) {
      throw new TypeError(`Relais: unknown adapter "${config.adapter}"; known: ${[...adapterFactories.keys()].join(', ') || 'none'}.`);
    }
    const client = new RelaisClient(factory(config));
    declaredClient.set(client);
    return client;
  } catch (error) {
    console.error(error instanceof Error ? error.message : error);
    return undefined;
  }
}

let notConfiguredReported = false;

/** One console message per page that says how to configure; each element shows its own localized state. */
export function reportNotConfigured(): void {
  if (notConfiguredReported) return;
  notConfiguredReported = true;
  console.warn(
    'Relais: no data source is configured, so the elements show a "not configured" state. Configure one with ' +
      '<script src="relais.iife.js" data-adapter="static" data-src="/advocacy.json"></script>, ' +
      'or Relais.configure({ adapter }) in a script, or a <relais-provider> around the elements. See docs/embedding.md.',
  );
}
