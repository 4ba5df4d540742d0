/**
 * Localization: which locale an element speaks, its strings, and `Intl` formatting.
 *
 * Why our own small catalogue rather than `@lit/localize`: that library needs either a build
 * step (transform mode) or loading locale modules at run time (runtime mode). We want French
 * and English inside the one-file script-tag bundle, usable with no build and no extra request,
 * at about zero cost: two plain objects and a few functions. Everything `Intl` can do (numbers,
 * dates, lists, plural rules) is left to `Intl`.
 */
import type { Catalogue } from './catalogue.js';
import { en } from './en.js';
import { fr } from './fr.js';
import { baseLanguage } from './language.js';

export type { Catalogue, CharterStrings, CommonStrings, GuardStrings, LeaderboardStrings, ShareStrings } from './catalogue.js';
export type { DateStyle } from './format.js';
export { formatDate, formatList, formatNumber, formatRelativeDays, pluralCategory } from './format.js';
export { en, fr };
export { baseLanguage };

/** The locale used when nothing else is known, and the catalogue every other falls back to. */
export const FALLBACK_LOCALE = 'en';

/** Registered catalogues, complete (already merged with English), by lower-cased canonical tag. */
const catalogues = new Map<string, { code: string; catalogue: Catalogue }>([
  ['en', { code: 'en', catalogue: en }],
  ['fr', { code: 'fr', catalogue: fr }],
]);

const listeners = new Set<() => void>();

/** A valid BCP 47 tag in its canonical form (`fr-ca` → `fr-CA`), or `undefined` if `Intl` rejects it. */
function canonical(tag: string | null | undefined): string | undefined {
  if (!tag) return undefined;
  try {
    return Intl.getCanonicalLocales(tag.trim())[0];
  } catch {
    return undefined;
  }
}

/** The page-wide language from `Relais.configure({ locale })` or the script tag's `data-lang`. */
let pageLocale: string | undefined;

/**
 * Sets (or clears) the page-wide language. It ranks below any `lang` inside the page and above
 * `<html lang>`: an editor who configures Relais in French on an English-tagged intranet means it,
 * while a `lang` on a section or on the element itself is more specific still.
 */
export function setPageLocale(locale: string | undefined): void {
  const next = canonical(locale);
  if (next === pageLocale) return;
  pageLocale = next;
  for (const listener of listeners) listener();
}

/**
 * The locale an element speaks: its own `lang`, else the nearest ancestor's `lang` — walking out
 * of shadow roots to their hosts, so an element inside another component inherits the page's
 * language — below `<html>`; else the page-wide language of {@link setPageLocale}; else
 * `<html lang>`, else the browser's language, else English.
 *
 * Returns the full canonical tag (`fr-CA`), which `Intl` uses for regional formats; pass it to
 * {@link getCatalogue} for the strings. An empty or invalid `lang` is skipped, not trusted.
 */
export function resolveLocale(element: Element): string {
  const root = element.ownerDocument.documentElement;
  let node: Element | null = element;
  while (node && node !== root) {
    const lang = canonical(node.getAttribute('lang'));
    if (lang) return lang;
    const parent: Node | null = node.parentNode;
    node = parent instanceof ShadowRoot ? parent.host : node.parentElement;
  }
  // A detached element, or one whose tree has no `lang`: the configured, the page's, the browser's.
  return (
    pageLocale ??
    canonical(root.getAttribute('lang')) ??
    canonical(globalThis.navigator?.language) ??
    FALLBACK_LOCALE
  );
}

/**
 * The code of the registered catalogue that serves a BCP 47 tag: the tag itself if registered
 * (`pt-BR`), else its language (`fr-CA` → `fr`), else English.
 */
export function supportedLocale(tag: string): string {
  const full = canonical(tag);
  if (!full) return FALLBACK_LOCALE;
  const exact = catalogues.get(full.toLowerCase());
  if (exact) return exact.code;
  return catalogues.get(baseLanguage(full))?.code ?? FALLBACK_LOCALE;
}

/** The complete catalogue for a BCP 47 tag, following {@link supportedLocale}. */
export function getCatalogue(locale: string): Catalogue {
  return catalogues.get(supportedLocale(locale).toLowerCase())!.catalogue;
}

/**
 * Adds (or replaces) the strings of a locale. Keys left out fall back to English, so a
 * translation can be partial and grow; registering a code again replaces its catalogue
 * entirely. Elements already on the page re-render in the new strings.
 *
 * @throws RangeError if `code` is not a valid BCP 47 tag.
 */
export function registerLocale(code: string, catalogue: Partial<Catalogue>): void {
  const tag = canonical(code);
  if (!tag) throw new RangeError(`Relais: "${code}" is not a valid BCP 47 language tag.`);
  // An explicit `undefined` must not hide the English fallback.
  const defined = Object.fromEntries(Object.entries(catalogue).filter(([, value]) => value !== undefined));
  catalogues.set(tag.toLowerCase(), { code: tag, catalogue: { ...en, ...defined } });
  for (const listener of listeners) listener();
}

/**
 * Calls `listener` after every {@link registerLocale} and {@link setPageLocale}; returns the
 * function that stops it.
 * For controllers that must re-render when strings change.
 */
export function onLocalesChanged(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}
