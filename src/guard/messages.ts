/**
 * Built-in finding messages in French and English, used when a rule has no message of its own,
 * and the choice of a language for messages a policy supplies.
 */
import { BRAND_NAMES } from '../i18n/network-names.js';
import type { Detector, LocalizedText, Network } from '../model/index.js';

type Language = 'fr' | 'en';

/** Values a message may quote with `{name}`. */
export interface MessageValues {
  excerpt?: string;
  category?: string;
  network?: string;
  used?: number;
  limit?: number;
  example?: string;
}

interface MessageTable {
  detectors: Record<Detector, string>;
  categories: Record<string, string>;
  /** Any other category. */
  defaultCategory: string;
  length: string;
  disclosure: string;
}

const MESSAGES: Record<Language, MessageTable> = {
  fr: {
    detectors: {
      email: 'Une adresse e-mail est une donnée personnelle : ne la publiez pas sans l’accord de la personne.',
      phone: 'Un numéro de téléphone est une donnée personnelle : retirez-le de la publication.',
      iban: 'Un IBAN est une donnée bancaire confidentielle : ne le publiez jamais.',
      card: 'Un numéro de carte bancaire ne doit jamais être publié.',
      'fr-nir': 'Un numéro de sécurité sociale est une donnée sensible : ne le publiez jamais.',
      siret: 'Un numéro SIRET identifie un établissement : vérifiez qu’il peut être rendu public.',
      'internal-link': 'Ce lien mène à un site interne : vos lecteurs ne pourront pas l’ouvrir et il en révèle l’adresse.',
    },
    categories: {
      confidential: '« {excerpt} » relève d’une information confidentielle.',
      politics: '« {excerpt} » touche à la politique : la charte demande de ne pas engager l’entreprise sur ce sujet.',
      competitor: '« {excerpt} » cite un concurrent : restez factuel et bienveillant.',
      profanity: '« {excerpt} » est un terme grossier ou blessant.',
      legal: '« {excerpt} » peut engager l’entreprise juridiquement : demandez l’avis du service juridique.',
      financial: '« {excerpt} » relève d’une information financière non publique.',
    },
    defaultCategory: '« {excerpt} » est à éviter selon la charte ({category}).',
    length: 'Trop long pour {network} : {used} caractères pour {limit} au plus.',
    disclosure: 'Indiquez que vous travaillez pour l’entreprise, par exemple avec « {example} ».',
  },
  en: {
    detectors: {
      email: 'An e-mail address is personal data: do not publish it without the person’s consent.',
      phone: 'A phone number is personal data: remove it from the post.',
      iban: 'An IBAN is confidential banking data: never publish it.',
      card: 'A payment card number must never be published.',
      'fr-nir': 'A social security number is sensitive data: never publish it.',
      siret: 'A SIRET number identifies a business site: check that it may be made public.',
      'internal-link': 'This link points to an internal site: your readers cannot open it, and it reveals its address.',
    },
    categories: {
      confidential: '“{excerpt}” is confidential information.',
      politics: '“{excerpt}” is political: the charter asks you not to commit the company on this topic.',
      competitor: '“{excerpt}” names a competitor: stay factual and fair.',
      profanity: '“{excerpt}” is a rude or hurtful word.',
      legal: '“{excerpt}” may commit the company legally: ask the legal team first.',
      financial: '“{excerpt}” is non-public financial information.',
    },
    defaultCategory: '“{excerpt}” is best avoided under the charter ({category}).',
    length: 'Too long for {network}: {used} characters, at most {limit}.',
    disclosure: 'Say that you work for the company, for example with “{example}”.',
  },
};


/** The base language of a BCP 47 tag, lower case: `fr-CA` → `fr`. */
export function baseLanguage(locale: string | undefined): string {
  return (locale ?? 'en').trim().toLowerCase().split(/[-_]/)[0] || 'en';
}

const builtInLanguage = (locale: string | undefined): Language => (baseLanguage(locale) === 'fr' ? 'fr' : 'en');

/** Replaces each `{name}` with its value; unknown names are left as written. */
export function fillMessage(template: string, values: MessageValues): string {
  return template.replace(/\{(\w+)\}/g, (whole, name: string) => {
    const value = Object.hasOwn(values, name) ? values[name as keyof MessageValues] : undefined;
    return value === undefined ? whole : String(value);
  });
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
  return MESSAGES[builtInLanguage(locale)].detectors[detector];
}

export function categoryMessage(category: string, locale: string | undefined): string {
  const table = MESSAGES[builtInLanguage(locale)];
  return Object.hasOwn(table.categories, category) ? table.categories[category]! : table.defaultCategory;
}

export function lengthMessage(locale: string | undefined): string {
  return MESSAGES[builtInLanguage(locale)].length;
}

export function disclosureMessage(locale: string | undefined): string {
  return MESSAGES[builtInLanguage(locale)].disclosure;
}

/** A network's display name in a built-in message: its brand, else its id (only branded networks have limits). */
export function networkName(network: Network): string {
  return (BRAND_NAMES as Record<string, string>)[network] ?? network;
}
