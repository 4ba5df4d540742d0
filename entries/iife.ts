/**
 * The script-tag bundle: `<script src="relais.iife.js" data-adapter="static" data-src="/advocacy.json">`.
 * Registers the elements, exposes `window.Relais`, and applies the script tag's (or the
 * `#relais-config` block's) declarative configuration.
 */
// First: it must run before the bundled Lit creates its Trusted Types policy.
import { releaseLitPolicyGuard } from './lit-policy-guard.js';
import { registerBuiltInAdapters } from '../src/config/built-in-adapters.js';
import { configureFromDocument } from '../src/config/declarative.js';
import { $pageClient, reportConfigurationError } from '../src/config/page-client.js';
import type { SignOutOutcome } from '../src/adapters/types.js';
import { defineElements } from './elements.js';

// Only readable while this script runs for the first time.
const script = document.currentScript;

registerBuiltInAdapters();

// `data-prefix="contoso"` registers <contoso-charter-banner>…, for a page that holds two copies.
// A prefix that cannot start a tag name is reported, and the plain tags are used instead:
// something on the page works, and the console says what to fix.
try {
  defineElements({ prefix: script instanceof HTMLElement ? script.dataset.prefix : undefined });
} catch (error) {
  reportConfigurationError(`${error instanceof Error ? error.message : String(error)} (data-prefix) The plain tag names are used instead.`);
  defineElements();
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
releaseLitPolicyGuard();

/**
 * `await Relais.beforeSignOut()` in a shared computer's sign-out handler: sends the viewer's
 * shares and acknowledgments kept on this device (data-adapter="rest") while their session
 * holds; `{ discard: true }` deletes what cannot go now (docs/security.md, "Shared computers").
 */
export async function beforeSignOut(options: { discard?: boolean } = {}): Promise<SignOutOutcome> {
  return (await $pageClient.get()?.beforeSignOut(options)) ?? { delivered: 0, kept: 0, discarded: 0 };
}

export { configure, resetConfiguration } from '../src/config/page-client.js';
export { registerAdapterFactory } from '../src/config/declarative.js';
export { registerLocale } from '../src/i18n/index.js';
export { MemoryAdapter } from '../src/adapters/memory-adapter.js';
export { StaticAdapter } from '../src/adapters/static-adapter.js';
export { RestAdapter } from '../src/adapters/rest/rest-adapter.js';
export { RelaisClient } from '../src/client/client.js';
export { RelaisDataError } from '../src/model/index.js';
export { compilePolicy, checkPost } from '../src/guard/index.js';
export { shareIntent } from '../src/share/index.js';
export { defineElements } from './elements.js';
export { VERSION as version } from '../src/version.js';
