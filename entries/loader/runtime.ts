/**
 * The loader's runtime: the one ES module every element chunk shares. `relais.loader.js` starts it
 * with its own `<script>` element (the same `data-*` configuration as the single file), imports an
 * element's chunk (which exports the class as `element`) and registers it here with its prefix.
 * Two loaders of one folder share this module: the first one's configuration, each its own tags.
 */
import { registerBuiltInAdapters } from '../../src/config/built-in-adapters.js';
import { configureFromDocument } from '../../src/config/declarative.js';
import { reportConfigurationError } from '../../src/config/page-client.js';

/** What an element chunk registers: a Relais element class and the elements it renders inside. */
type LoadableElement = (new () => HTMLElement) & {
  define(tag?: string, registry?: CustomElementRegistry): void;
  dependencies?: Readonly<Record<string, unknown>>;
};

let started = false;
const defined = new Set<string>();

/** Called by the loader, with its script element, before any element is registered; the first call configures the page. */
export function start(script: HTMLScriptElement | null): void {
  if (started) return;
  started = true;
  registerBuiltInAdapters();
  // The JSON block may sit after the script tag: wait for the document when it is still loading.
  if (document.readyState === 'loading' && !script?.dataset['adapter']) {
    document.addEventListener('DOMContentLoaded', () => configureFromDocument(script), { once: true });
  } else {
    configureFromDocument(script);
  }
}

/**
 * Registers `element` as `name` (with `prefix`), and the elements it renders inside, once each. With a prefix the class is registered as a subclass, as `defineElements` does.
 */
export function defineLoaded(name: string, element: LoadableElement, prefix: string | undefined): void {
  const tag = prefix ? `${prefix}-${name}` : name;
  if (defined.has(tag)) return;
  defined.add(tag);
  for (const [dependency, dependencyElement] of Object.entries(element.dependencies ?? {})) defineLoaded(dependency, dependencyElement as LoadableElement, prefix);
  // A constructor can be registered under one name only: a prefixed tag gets its own subclass.
  const registered: LoadableElement = prefix ? class extends element {} : element;
  try {
    registered.define(tag);
  } catch (error) {
    reportConfigurationError(error instanceof Error ? error.message : String(error));
  }
}
