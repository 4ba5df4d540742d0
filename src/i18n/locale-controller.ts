import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { formatDate, formatList, formatNumber, formatRelativeDays, warmUpFormats, type DateStyle } from './format.js';
import { onLocalesChanged, resolveLocale, supportedLocale } from './index.js';
import { baseLanguage } from './language.js';

/** The resolved tag when its language has a catalogue (regional formats kept), else the catalogue's tag. */
function speakingLocale(resolved: string): string {
  const served = supportedLocale(resolved);
  return baseLanguage(served) === baseLanguage(resolved) ? resolved : served;
}

type LocaleHost = ReactiveControllerHost & Element;

/*
 * Watching for `lang` changes. A `lang` set on any ancestor — not only the one that currently
 * gives the language — changes an element's locale, so each tree root above a connected host
 * (the document, and every shadow root on the way up) is observed with `subtree`, filtered to
 * the `lang` attribute. One observer serves every controller on the page, so a root is
 * registered once however many elements sit under it: the browser's cost per attribute change
 * grows with registrations, not with the number of elements. `lang` rarely changes, and each
 * controller only re-renders its host when its own locale actually changed.
 */
const refreshers = new Set<() => void>();
const rootCounts = new Map<Node, number>();
const LANG_ONLY: MutationObserverInit = { attributes: true, attributeFilter: ['lang'], subtree: true };
let observer: MutationObserver | undefined;

function notifyAll(): void {
  for (const refresh of refreshers) refresh();
}

/** The document and every shadow root between `element` and it, innermost first. */
function rootsAbove(element: Element): Node[] {
  const roots: Node[] = [];
  let root = element.getRootNode();
  while (root instanceof ShadowRoot) {
    roots.push(root);
    root = root.host.getRootNode();
  }
  roots.push(root);
  return roots;
}

function retainRoot(root: Node): void {
  const count = rootCounts.get(root) ?? 0;
  rootCounts.set(root, count + 1);
  if (count > 0) return;
  observer ??= new MutationObserver(notifyAll);
  observer.observe(root, LANG_ONLY);
}

function releaseRoot(root: Node): void {
  const count = (rootCounts.get(root) ?? 0) - 1;
  if (count > 0) {
    rootCounts.set(root, count);
    return;
  }
  rootCounts.delete(root);
  // A MutationObserver cannot stop watching one node: start over with the roots still in use,
  // delivering first any change it had already seen.
  const pending = observer?.takeRecords() ?? [];
  observer?.disconnect();
  for (const remaining of rootCounts.keys()) observer?.observe(remaining, LANG_ONLY);
  if (pending.length) notifyAll();
}

/**
 * Gives an element its locale and its strings (the lookup of its part, `parts/<element>.ts`:
 * the common strings and its own), and re-renders it when they change: when its own `lang`, an
 * ancestor's `lang` (across shadow roots) or `<html lang>` changes, and when `registerLocale`
 * adds or replaces a catalogue.
 *
 * ```ts
 * class ShareCardElement extends LitElement {
 *   #l10n = new LocaleController(this, shareCardStringsFor);
 *   render() {
 *     const { t } = this.#l10n;
 *     return html`<p>${t.sharePointsEarned(5, this.#l10n.number(5))}</p>`;
 *   }
 * }
 * ```
 */
export class LocaleController<Strings extends object> implements ReactiveController {
  /**
   * The BCP 47 tag the element speaks and formats in: the resolved tag (`fr-CA`) when a catalogue
   * of its language is registered, else the catalogue's own (`en` on a `de` page with no German
   * catalogue), so that text and dates are always in one language.
   */
  locale: string;
  /** The strings for {@link locale} (the French ones for `fr-CA`). */
  t: Strings;

  #host: LocaleHost;
  #strings: (locale: string) => Strings;
  #roots: Node[] = [];
  #stopListening: (() => void) | undefined;

  constructor(host: LocaleHost, strings: (locale: string) => Strings) {
    this.#host = host;
    this.#strings = strings;
    this.locale = speakingLocale(resolveLocale(host));
    this.t = strings(this.locale);
    host.addController(this);
  }

  hostConnected(): void {
    void warmUpFormats(this.locale);
    // Resolved again here: the element may have been created detached, or moved.
    this.#roots = rootsAbove(this.#host);
    this.#roots.forEach(retainRoot);
    refreshers.add(this.#refresh);
    this.#stopListening = onLocalesChanged(this.#refresh);
    this.#refresh();
  }

  hostDisconnected(): void {
    refreshers.delete(this.#refresh);
    this.#stopListening?.();
    this.#stopListening = undefined;
    this.#roots.forEach(releaseRoot);
    this.#roots = [];
  }

  /** Formats a number in the host's locale. */
  number(n: number, options?: Intl.NumberFormatOptions): string {
    return formatNumber(this.locale, n, options);
  }

  /** Formats a calendar date in the host's locale. */
  date(date: Date | string | number, style?: DateStyle): string {
    return formatDate(this.locale, date, style);
  }

  /** A day offset in words in the host's locale ("yesterday", « dans 3 jours »). */
  relativeDays(days: number): string {
    return formatRelativeDays(this.locale, days);
  }

  /** Joins items as a sentence in the host's locale. */
  list(items: Iterable<string>, type?: Intl.ListFormatType): string {
    return formatList(this.locale, items, type);
  }

  #refresh = (): void => {
    const locale = speakingLocale(resolveLocale(this.#host));
    const t = this.#strings(locale);
    if (locale === this.locale && t === this.t) return;
    this.locale = locale;
    this.t = t;
    this.#host.requestUpdate();
  };
}
