/**
 * The one list of Relais elements. Registration, the prefix and the public API (`relais/api`
 * re-exports this file) follow it here; the Vite entries, the package's export paths, the size
 * budgets and the screenshots follow it through `scripts/element-list.mjs`, which reads the tag
 * names of `ELEMENTS` with the TypeScript parser. An element is imported, its module's public names
 * (the class and its types) re-exported, and listed, all in this file.
 */
import { AmbassadorLeaderboardElement } from '../components/ambassador-leaderboard/ambassador-leaderboard.js';
import { CharterBannerElement } from '../components/charter-banner/charter-banner.js';
import { PostComposerGuardElement } from '../components/post-composer-guard/post-composer-guard.js';
import { RelaisProviderElement } from '../components/relais-provider/relais-provider.js';
import { ShareCardElement } from '../components/share-card/share-card.js';

export * from '../components/ambassador-leaderboard/ambassador-leaderboard.js';
export * from '../components/charter-banner/charter-banner.js';
export * from '../components/post-composer-guard/post-composer-guard.js';
export * from '../components/relais-provider/relais-provider.js';
export * from '../components/share-card/share-card.js';

/** Every Relais element class by its tag name. */
export const ELEMENTS = {
  'relais-provider': RelaisProviderElement,
  'charter-banner': CharterBannerElement,
  'post-composer-guard': PostComposerGuardElement,
  'share-card': ShareCardElement,
  'ambassador-leaderboard': AmbassadorLeaderboardElement,
} as const;

/** What every element class offers: `static define(tag?, registry?)`, never throwing when the tag is taken. */
interface RelaisElementClass {
  new (): HTMLElement;
  define(tag?: string, registry?: CustomElementRegistry): void;
}

/** The tag names of the Relais elements. */
export type RelaisTagName = keyof typeof ELEMENTS;

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
 * The prefix as tags use it: HTML tag names ignore case (`Contoso` is `contoso`), and an empty
 * prefix is no prefix. Throws a TypeError that says what a prefix may be when it cannot start a
 * custom element name.
 */
function normalizePrefix(prefix: string | undefined): string | undefined {
  const normalized = prefix?.trim().toLowerCase();
  if (!normalized) return undefined;
  if (!/^[a-z][a-z0-9]*(?:-[a-z0-9]+)*$/.test(normalized)) {
    throw new TypeError(
      `Relais: the prefix "${prefix}" cannot start a tag name: use letters, digits and single hyphens, starting with a letter (e.g. "contoso" or "my-co").`,
    );
  }
  return normalized;
}

/**
 * Registers every element. Never throws when a tag is taken: it warns once and keeps the first.
 * With a prefix, each element is registered as a subclass, so the same copy can also keep its
 * plain names. Returns the tag names used. Throws a TypeError for a prefix that cannot start a
 * tag name (see {@link normalizePrefix}).
 */
export function defineElements({ prefix: requested, registry = customElements }: DefineElementsOptions = {}): string[] {
  const prefix = normalizePrefix(requested);
  return Object.entries(ELEMENTS).map(([name, element]: [string, RelaisElementClass]) => {
    const tag = prefix ? `${prefix}-${name}` : name;
    // A constructor can be registered under one name only: a prefixed tag gets its own subclass.
    (prefix ? class extends element {} : element).define(tag, registry);
    return tag;
  });
}
