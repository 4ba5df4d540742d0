/**
 * The one registry of languages: which locales have strings, `registerLocale`, and the lookup
 * that every part of the catalogue goes through. It holds no strings itself, so that a part of
 * Relais pays only for the strings it uses: each element looks up the common strings and its own
 * part (`parts/`), `relais/guard` only its finding messages (`guard-messages.ts`), and a locale
 * registered here, one flat object of any keys, translates them all.
 */
import type { Catalogue } from './catalogue.js';
import { baseLanguage } from './language.js';

/** The locale used when nothing else is known, and the strings every other falls back to. */
export const FALLBACK_LOCALE = 'en';

/** The languages Relais ships strings for. */
export type BuiltInLocale = 'en' | 'fr';

/** A part of the catalogue (or the whole of it) in each built-in language. */
export type BuiltInStrings<T> = Readonly<Record<BuiltInLocale, T>>;

/** A language that has strings: built in, or registered with {@link registerLocale} (`strings`). */
interface LocaleEntry {
  readonly code: string;
  /** What `registerLocale` was given; absent for a built-in language. */
  readonly strings?: Partial<Catalogue>;
}

/** By lower-cased canonical tag. */
const entries = new Map<string, LocaleEntry>([
  ['en', { code: 'en' }],
  ['fr', { code: 'fr' }],
]);

const listeners = new Set<() => void>();

/** A valid BCP 47 tag in its canonical form (`fr-ca` → `fr-CA`), or `undefined` if `Intl` rejects it. */
export function canonical(tag: string | null | undefined): string | undefined {
  if (!tag) return undefined;
  try {
    return Intl.getCanonicalLocales(tag.trim())[0];
  } catch {
    return undefined;
  }
}

/** The entry serving a tag: the tag itself if registered, else its language, else English. */
function entryFor(tag: string): LocaleEntry {
  const full = canonical(tag);
  const fallback = () => entries.get(FALLBACK_LOCALE)!;
  if (!full) return fallback();
  return entries.get(full.toLowerCase()) ?? entries.get(baseLanguage(full)) ?? fallback();
}

/**
 * The code of the registered catalogue that serves a BCP 47 tag: the tag itself if registered
 * (`pt-BR`), else its language (`fr-CA` → `fr`), else English.
 */
export function supportedLocale(tag: string): string {
  return entryFor(tag).code;
}

/**
 * A lookup of one part of the catalogue: the built-in strings of a shipped language, or a
 * registered locale's strings over the English ones: the part takes its own keys from the
 * registered catalogue, and those it leaves out fall back to English. Each registered locale's
 * merge is made once, on first use.
 */
export function partLookup<T extends object>(builtIn: BuiltInStrings<T>): (locale: string) => T {
  const merged = new WeakMap<LocaleEntry, T>();
  return (locale) => {
    const entry = entryFor(locale);
    const registered: Partial<Record<string, unknown>> | undefined = entry.strings;
    if (!registered) return builtIn[entry.code as BuiltInLocale];
    let strings = merged.get(entry);
    if (!strings) {
      strings = { ...builtIn.en };
      for (const key of Object.keys(strings)) {
        if (Object.hasOwn(registered, key)) (strings as Record<string, unknown>)[key] = registered[key];
      }
      merged.set(entry, strings);
    }
    return strings;
  };
}

/**
 * Adds (or replaces) the strings of a locale. Keys left out fall back to English, so a
 * translation can be partial and grow; registering a code again replaces its catalogue
 * entirely. Elements already on the page re-render in the new strings, and the guard's
 * finding messages follow too.
 *
 * @throws RangeError if `code` is not a valid BCP 47 tag.
 */
export function registerLocale(code: string, catalogue: Partial<Catalogue>): void {
  const tag = canonical(code);
  if (!tag) throw new RangeError(`Relais: "${code}" is not a valid BCP 47 language tag.`);
  // An explicit `undefined` must not hide the English fallback.
  const defined = Object.fromEntries(Object.entries(catalogue).filter(([, value]) => value !== undefined));
  entries.set(tag.toLowerCase(), { code: tag, strings: defined });
  notifyLocalesChanged();
}

/**
 * Calls `listener` after every {@link registerLocale} and every change of the page's language;
 * returns the function that stops it. For controllers that must re-render when strings change.
 */
export function onLocalesChanged(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

/** Tells the listeners of {@link onLocalesChanged}. */
export function notifyLocalesChanged(): void {
  for (const listener of listeners) listener();
}
