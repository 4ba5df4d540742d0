import { CharterBannerElement } from '../components/charter-banner/charter-banner.js';
import { RelaisProviderElement } from '../components/relais-provider/relais-provider.js';
import { attachContextRoot } from './context/index.js';
import { defineElement } from './define.js';

/** Every Relais element by its tag name. */
export const ELEMENTS = {
  'relais-provider': RelaisProviderElement,
  'charter-banner': CharterBannerElement,
} as const;

export interface DefineElementsOptions {
  /**
   * Registers `PREFIX-charter-banner` and so on instead of the plain names, so that two copies
   * of Relais (two SharePoint web parts bundling different versions) each get their own tags.
   */
  prefix?: string;
  /** The registry to define them in; the page's by default. */
  registry?: CustomElementRegistry;
}

/**
 * Registers every element. Never throws when a tag is taken: it warns once and keeps the first.
 * With a prefix, each element is registered as a subclass, so the same copy can also keep its
 * plain names. Returns the tag names used.
 */
export function defineElements({ prefix, registry = customElements }: DefineElementsOptions = {}): string[] {
  if (prefix !== undefined && !/^[a-z][a-z0-9]*$/.test(prefix)) {
    throw new TypeError(`Relais: the prefix "${prefix}" must be lower-case letters and digits, starting with a letter (e.g. "contoso").`);
  }
  attachContextRoot();
  return Object.entries(ELEMENTS).map(([name, element]: [string, CustomElementConstructor]) => {
    const tag = prefix ? `${prefix}-${name}` : name;
    // A constructor can be registered under one name only: a prefixed tag gets its own subclass.
    defineElement(tag, prefix ? class extends element {} : element, registry);
    return tag;
  });
}
