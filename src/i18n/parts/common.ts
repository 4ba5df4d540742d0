/**
 * The strings more than one element shows (loading, errors, "not configured", people, the names
 * of the networks, « Lire la charte »), in the shipped languages, and `elementStrings`, which
 * joins them to an element's own part. Every element's chunk shares this one; an element's own
 * strings are in its part beside this file, so that a page pays only for the strings of the
 * elements it shows.
 *
 * English is the reference: it defines every key, and a locale registered with `registerLocale`
 * falls back to it for the keys it leaves out. French is set as French readers expect it: a
 * no-break space before « : » and a narrow no-break space before « ; ! ? » and inside guillemets
 * (`NBSP`, `NNBSP`), so that the sign never starts a line; the typographic apostrophe ’; the
 * ellipsis character ….
 */
import type { Network } from '../../model/index.js';
import type { CommonStrings, ElementStrings } from '../catalogue.js';
import { BRAND_NAMES } from '../network-names.js';
import { englishPlural, frenchPlural } from '../plurals.js';
import { partLookup, type BuiltInStrings } from '../registry.js';

/** The networks' names, and those of the copy and native share actions, in each shipped language. */
export const networkNames: BuiltInStrings<Record<Network, string>> = {
  en: { ...BRAND_NAMES, email: 'E-mail', copy: 'Copy link', native: 'Share…' },
  fr: { ...BRAND_NAMES, email: 'Courriel', copy: 'Copier le lien', native: 'Partager…' },
};

export const commonStrings: BuiltInStrings<CommonStrings> = {
  en: {
    loading: 'Loading…',
    error: 'This could not be loaded.',
    invalidData: 'The data received is not valid.',
    invalidConfiguration: 'This feature is not set up correctly on this page.',
    retry: 'Try again',
    notConfigured: 'This feature is not configured yet.',
    you: 'You',
    anonymous: 'Anonymous',
    otherTeams: 'Other teams',
    pointsCount: (points, formatted) => englishPlural(points, `${formatted} point`, `${formatted} points`),
    willSync: 'Saved on this device, will sync',
    networkName: (network) => networkNames.en[network],
    charterRead: 'Read the charter',
  },
  fr: {
    loading: 'Chargement…',
    error: 'Le chargement a échoué.',
    invalidData: 'Les données reçues ne sont pas valides.',
    invalidConfiguration: 'Cette fonction n’est pas correctement installée sur cette page.',
    retry: 'Réessayer',
    notConfigured: 'Cette fonction n’est pas encore configurée.',
    you: 'Vous',
    anonymous: 'Anonyme',
    otherTeams: 'Autres équipes',
    pointsCount: (points, formatted) =>
      frenchPlural(points, `${formatted} point`, `${formatted} points`, `${formatted} de points`),
    willSync: 'Enregistré sur cet appareil, sera synchronisé',
    networkName: (network) => networkNames.fr[network],
    charterRead: 'Lire la charte',
  },
};

/**
 * An element's strings: the common ones and its own part, for a BCP 47 tag (a registered
 * locale's keys over English, see `partLookup`). The element's `LocaleController` reads them.
 */
export function elementStrings<T extends object>(own: BuiltInStrings<T>): (locale: string) => ElementStrings<T> {
  return partLookup<ElementStrings<T>>({
    en: { ...commonStrings.en, ...own.en },
    fr: { ...commonStrings.fr, ...own.fr },
  });
}
