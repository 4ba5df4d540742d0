/**
 * The guard's own finding messages, used when a rule has no message of its own, and the choice
 * of a language for messages a policy supplies. The built-in texts are the guard's part of the
 * i18n catalogue (`guard…Message` keys, `i18n/guard-messages.ts`): the guard carries them and no
 * element's strings, and a locale added with `registerLocale` translates them too.
 */
import { guardMessagesFor } from '../i18n/guard-messages.js';
import { baseLanguage } from '../i18n/language.js';
import { BRAND_NAMES } from '../i18n/network-names.js';
import type { Detector, LocalizedText, Network } from '../model/index.js';

/** Values a message may quote with `{name}`. */
export interface MessageValues {
  excerpt?: string;
  category?: string;
  network?: string;
  used?: number;
  limit?: number;
  example?: string;
}

/** The messages of `locale`'s language (English when absent or unknown). */
const catalogueFor = (locale: string | undefined) => guardMessagesFor(locale || 'en');

/**
 * Replaces each `{name}` with its value; unknown names are left as written. Numbers are written
 * as `locale` writes them (« 3 760 » in French, as the counter beside the message shows them).
 */
export function fillMessage(template: string, values: MessageValues, locale?: string): string {
  let numbers: Intl.NumberFormat | undefined;
  return template.replace(/\{(\w+)\}/g, (whole, name: string) => {
    const value = Object.hasOwn(values, name) ? values[name as keyof MessageValues] : undefined;
    if (typeof value === 'number') return (numbers ??= numberFormat(locale)).format(value);
    return value === undefined ? whole : value;
  });
}

/** The locale's number format, English when the tag is missing or not one Intl knows. */
function numberFormat(locale: string | undefined): Intl.NumberFormat {
  try {
    return new Intl.NumberFormat(locale || 'en');
  } catch {
    return new Intl.NumberFormat('en');
  }
}

/**
 * Picks the text of a policy message for `locale`: the exact tag, then its base language,
 * then English, then any language given.
 */
export function pickLocalized(text: LocalizedText, locale: string | undefined): string {
  if (typeof text === 'string') return text;
  const wanted = (locale ?? '').toLowerCase();
  const byKey = new Map(Object.entries(text).map(([key, value]) => [key.toLowerCase(), value] as const));
  return byKey.get(wanted) ?? byKey.get(baseLanguage(locale)) ?? byKey.get('en') ?? Object.values(text)[0] ?? '';
}

export function detectorMessage(detector: Detector, locale: string | undefined): string {
  return catalogueFor(locale).guardDetectorMessage(detector);
}

export function categoryMessage(category: string, locale: string | undefined): string {
  const t = catalogueFor(locale);
  return t.guardCategoryMessage(category) ?? t.guardOtherCategoryMessage;
}

export function lengthMessage(locale: string | undefined): string {
  return catalogueFor(locale).guardLengthMessage;
}

export function disclosureMessage(locale: string | undefined): string {
  return catalogueFor(locale).guardDisclosureMessage;
}

/** A network's display name in a built-in message: its brand, else its id (only branded networks have limits). */
export function networkName(network: Network): string {
  return (BRAND_NAMES as Record<string, string>)[network] ?? network;
}
