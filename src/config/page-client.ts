/**
 * The page-wide default client and language. Configuration precedence (DESIGN.md): a
 * `<relais-provider>` ancestor, then `Relais.configure`, then the script tag's `data-*` attributes
 * or a `<script type="application/json" id="relais-config">` block (`declarative.ts`), else a
 * "not configured" state. The provider part lives in the elements' ClientController.
 *
 * This module imports no adapter: an element that reads the page client pays for none.
 */
import { atom, computed, type ReadableAtom } from 'nanostores';
import type { AdvocacyAdapter } from '../adapters/types.js';
import { RelaisClient, type RelaisClientOptions } from '../client/client.js';
import type { RelaisErrorInfo } from '../client/errors.js';
import { setPageLocale } from '../i18n/index.js';

export interface RelaisConfig extends RelaisClientOptions {
  /** Where the data comes from. */
  adapter: AdvocacyAdapter;
  /** The page-wide language, used when neither the element nor a `[lang]` ancestor below `<html>` says. */
  locale?: string;
}

const configuredClient = atom<RelaisClient | undefined>(undefined);
const declaredClient = atom<RelaisClient | undefined>(undefined);
const configuredLocale = atom<string | undefined>(undefined);
const declaredLocale = atom<string | undefined>(undefined);
const configurationError = atom<RelaisErrorInfo | undefined>(undefined);

/**
 * What is wrong with the page's declarative configuration, if anything: elements with no client
 * show it as an error state (not as "not configured", which would hide the mistake).
 */
export const $configurationError: ReadableAtom<RelaisErrorInfo | undefined> = configurationError;

/** Reports a mistake in the page's configuration: one console error, and the elements say so. */
export function reportConfigurationError(message: string): void {
  console.error(message);
  configurationError.set({ code: 'invalid-configuration', message });
}

/** The page-wide client: `Relais.configure` wins over the declarative configuration. */
export const $pageClient = computed([configuredClient, declaredClient], (configured, declared) => configured ?? declared);
/** The page-wide locale from `Relais.configure({ locale })` or `data-lang`. */
export const $pageLocale = computed([configuredLocale, declaredLocale], (configured, declared) => configured ?? declared);
// Elements resolve their language through i18n, which knows nothing of stores: hand it over.
$pageLocale.subscribe((locale) => setPageLocale(locale));

/** Sets the page-wide default client. Returns it, so that the page can act on it too. */
export function configure(config: RelaisConfig): RelaisClient {
  if (!config || typeof config.adapter !== 'object' || config.adapter === null) {
    throw new TypeError('Relais.configure needs an adapter, e.g. Relais.configure({ adapter: new Relais.StaticAdapter({ src: "/advocacy.json" }) })');
  }
  const client = new RelaisClient(config.adapter, config);
  configurationError.set(undefined);
  configuredClient.set(client);
  configuredLocale.set(config.locale);
  return client;
}

/**
 * The declarative configuration's client and language, below `configure`'s.
 * @internal For `declarative.ts`.
 */
export function setDeclaredConfiguration(client: RelaisClient | undefined, locale: string | undefined): void {
  if (locale) declaredLocale.set(locale);
  if (client) declaredClient.set(client);
}

/** Forgets every page-wide configuration (tests, and pages that swap their source). */
export function resetConfiguration(): void {
  configuredClient.set(undefined);
  declaredClient.set(undefined);
  configuredLocale.set(undefined);
  declaredLocale.set(undefined);
  configurationError.set(undefined);
  notConfiguredReported = false;
}

let notConfiguredReported = false;

/**
 * "Not configured", for developers: what the console says once per page, and what each element's
 * `relais-error` (code `not-configured`) carries. Employees see a short neutral sentence instead.
 */
export const NOT_CONFIGURED: RelaisErrorInfo = {
  code: 'not-configured',
  message:
    'Relais: no data source is configured, so the elements show a "not configured" state. Configure one with ' +
    '<script src="relais.iife.js" data-adapter="static" data-src="/advocacy.json"></script>, ' +
    'or Relais.configure({ adapter }) in a script, or a <relais-provider> around the elements. See docs/embedding.md.',
};

/** One console message per page that says how to configure; each element shows its own localized state. */
export function reportNotConfigured(): void {
  if (notConfiguredReported) return;
  notConfiguredReported = true;
  console.warn(NOT_CONFIGURED.message);
}
