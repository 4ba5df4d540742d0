/**
 * Localization: which locale an element speaks, its strings, and `Intl` formatting.
 *
 * Why our own small catalogue rather than `@lit/localize`: that library needs either a build
 * step (transform mode) or loading locale modules at run time (runtime mode). We want French
 * and English inside the one-file script-tag bundle, usable with no build and no extra request,
 * at about zero cost: plain objects and a few functions, one part per element (`parts/`) so that
 * a page pays only for the strings of the elements it shows. Everything `Intl` can do (numbers,
 * dates, lists, plural rules) is left to `Intl`.
 */
import { baseLanguage } from './language.js';
import { canonical, FALLBACK_LOCALE, notifyLocalesChanged } from './registry.js';

export type { Catalogue, CharterStrings, CommonStrings, GuardMessageStrings, GuardStrings, LeaderboardStrings, ShareStrings } from './catalogue.js';
export { FALLBACK_LOCALE, onLocalesChanged, registerLocale, supportedLocale } from './registry.js';
export type { DateStyle } from './format.js';
export { formatDate, formatList, formatNumber, formatRelativeDays, pluralCategory } from './format.js';
export { baseLanguage };

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
  notifyLocalesChanged();
}

/**
 * The locale an element speaks: its own `lang`, else the nearest ancestor's `lang` — walking out
 * of shadow roots to their hosts, so an element inside another component inherits the page's
 * language — below `<html>`; else the page-wide language of {@link setPageLocale}; else
 * `<html lang>`, else the browser's language, else English.
 *
 * Returns the full canonical tag (`fr-CA`), which `Intl` uses for regional formats; pass it to
 * an element's strings lookup (`parts/`) for its strings. An empty or invalid `lang` is skipped, not trusted.
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
