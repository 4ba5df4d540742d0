/**
 * The script-tag bundle: `<script src="relais.iife.js" data-adapter="static" data-src="/advocacy.json">`.
 * Registers the elements, exposes `window.Relais`, and applies the script tag's (or the
 * `#relais-config` block's) declarative configuration.
 */
import { configureFromDocument } from './config/index.js';
import { defineElements } from './elements.js';

// Only readable while this script runs for the first time.
const script = document.currentScript;

// `data-prefix="contoso"` registers <contoso-charter-banner>…, for a page that holds two copies.
try {
  defineElements({ prefix: script instanceof HTMLElement ? script.dataset.prefix : undefined });
} catch (error) {
  console.error(error instanceof Error ? error.message : error);
}

function applyDeclarativeConfig(): void {
  configureFromDocument(script);
}

// The JSON block may sit after the script tag: wait for the document when it is still loading.
if (document.readyState === 'loading' && !(script instanceof HTMLElement && script.dataset.adapter)) {
  document.addEventListener('DOMContentLoaded', applyDeclarativeConfig, { once: true });
} else {
  applyDeclarativeConfig();
}

export {
  configure,
  resetConfiguration,
  registerLocale,
  registerAdapterFactory,
  MemoryAdapter,
  StaticAdapter,
  validatingAdapter,
  RelaisClient,
  RelaisDataError,
  defineElement,
  defineElements,
  version,
} from './api.js';
export { compilePolicy, checkPost } from './guard/index.js';
