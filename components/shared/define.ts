import { attachContextRoot } from '../../src/context/index.js';

const warned = new Set<string>();

/**
 * Registers a custom element, never throwing when the tag is already taken (two copies of
 * Relais on one page): it warns once and keeps the first definition. Every element's
 * `static define()` goes through here.
 */
export function defineElement(tag: string, constructor: CustomElementConstructor, registry: CustomElementRegistry = customElements): void {
  // Elements may upgrade before their provider (script tags in any order): a ContextRoot replays their requests.
  attachContextRoot();
  const existing = registry.get(tag);
  if (!existing) {
    registry.define(tag, constructor);
    return;
  }
  if (existing === constructor || warned.has(tag)) return;
  warned.add(tag);
  console.warn(
    `Relais: <${tag}> is already defined by another copy of Relais; keeping the first one. ` +
      "Give each copy its own prefix with defineElements({ prefix: 'contoso' }) to use both. See docs/embedding.md.",
  );
}
