import { attachContextRoot } from '../../src/context/index.js';
import { VERSION } from '../../src/version.js';

/** Marks the constructors Relais registers, across copies (a global symbol), with their version. */
const RELAIS_VERSION = Symbol.for('relais.version');
type Marked = CustomElementConstructor & { [RELAIS_VERSION]?: string };

const warned = new Set<string>();

/**
 * Registers a custom element, never throwing when the tag is already taken: it warns once, says
 * what took it (another copy of Relais, or the page itself), and keeps the first definition.
 * Every element's `static define()` goes through here.
 */
export function defineElement(tag: string, constructor: CustomElementConstructor, registry: CustomElementRegistry = customElements): void {
  // Elements may upgrade before their provider (script tags in any order): a ContextRoot replays their requests.
  attachContextRoot();
  const existing: Marked | undefined = registry.get(tag);
  if (!existing) {
    // Own property, so that a prefixed subclass is marked too, and a class the page derived from ours is not.
    Object.defineProperty(constructor, RELAIS_VERSION, { value: VERSION });
    registry.define(tag, constructor);
    return;
  }
  if (existing === constructor || warned.has(tag)) return;
  warned.add(tag);
  const owner = Object.hasOwn(existing, RELAIS_VERSION)
    ? `another copy of Relais (version ${existing[RELAIS_VERSION]})`
    : `the page itself, or another library (class ${existing.name || 'anonymous'}), not by Relais`;
  console.warn(
    `Relais: <${tag}> is already defined by ${owner}; keeping that definition. ` +
      "Give this copy its own prefix with data-prefix=\"contoso\" or defineElements({ prefix: 'contoso' }) to use both. See docs/embedding.md.",
  );
}
