/**
 * The guard's own finding messages in the shipped languages: the one part of the catalogue that
 * `relais/guard` needs, kept apart so that it carries these and no element's strings. The whole
 * catalogues (`catalogues.ts`) include them, and a locale registered with `registerLocale`
 * translates them (`guardMessagesFor`).
 */
import type { Detector } from '../model/index.js';
import type { GuardMessageStrings } from './catalogue.js';
import { partLookup, type BuiltInStrings } from './registry.js';
import { NBSP, NNBSP } from './typography.js';

const detectorMessagesEn: Record<Detector, string> = {
  email: 'An e-mail address is personal data: do not publish it without the person’s consent.',
  phone: 'A phone number is personal data: remove it from the post.',
  iban: 'An IBAN is confidential banking data, never published: remove it before you publish.',
  card: 'This number looks like a payment card number: remove it before you publish.',
  'fr-nir': 'A social security number is sensitive data: remove it before you publish.',
  siret: 'A SIRET number identifies a business site: check that it may be made public.',
  'internal-link': 'This link points to an internal site: your readers cannot open it, and it reveals its address.',
};

const categoryMessagesEn: Record<string, string> = {
  confidential: '“{excerpt}” is confidential information.',
  politics: '“{excerpt}” is political: the charter asks you not to commit the company on this topic.',
  competitor: '“{excerpt}” names a competitor: stay factual and fair.',
  profanity: '“{excerpt}” may shock or hurt: choose another word.',
  legal: '“{excerpt}” may commit the company legally: ask the legal team first.',
  financial: '“{excerpt}” is non-public financial information.',
};

const detectorMessagesFr: Record<Detector, string> = {
  email: `Une adresse e-mail est une donnée personnelle${NBSP}: ne la publiez pas sans l’accord de la personne.`,
  phone: `Un numéro de téléphone est une donnée personnelle${NBSP}: retirez-le de la publication.`,
  iban: `Un IBAN est une donnée bancaire confidentielle, qui ne se publie jamais${NBSP}: retirez-le avant de publier.`,
  card: `Ce nombre ressemble à un numéro de carte bancaire${NBSP}: retirez-le avant de publier.`,
  'fr-nir': `Un numéro de sécurité sociale est une donnée sensible${NBSP}: retirez-le avant de publier.`,
  siret: `Un numéro SIRET identifie un établissement${NBSP}: vérifiez qu’il peut être rendu public.`,
  'internal-link': `Ce lien mène à un site interne${NBSP}: vos lecteurs ne pourront pas l’ouvrir et il en révèle l’adresse.`,
};

const categoryMessagesFr: Record<string, string> = {
  confidential: `«${NNBSP}{excerpt}${NNBSP}» relève d’une information confidentielle.`,
  politics: `«${NNBSP}{excerpt}${NNBSP}» touche à la politique${NBSP}: la charte demande de ne pas engager l’entreprise sur ce sujet.`,
  competitor: `«${NNBSP}{excerpt}${NNBSP}» cite un concurrent${NBSP}: restez factuel et bienveillant.`,
  profanity: `«${NNBSP}{excerpt}${NNBSP}» peut choquer ou blesser${NBSP}: choisissez un autre mot.`,
  legal: `«${NNBSP}{excerpt}${NNBSP}» peut engager l’entreprise juridiquement${NBSP}: demandez l’avis du service juridique.`,
  financial: `«${NNBSP}{excerpt}${NNBSP}» relève d’une information financière non publique.`,
};

/** A category's message, only for the categories listed (not for `toString` and the like). */
const byCategory = (messages: Record<string, string>) => (category: string) =>
  Object.hasOwn(messages, category) ? messages[category] : undefined;

export const guardMessages: BuiltInStrings<GuardMessageStrings> = {
  en: {
    guardDetectorMessage: (detector) => detectorMessagesEn[detector],
    guardCategoryMessage: byCategory(categoryMessagesEn),
    guardOtherCategoryMessage: '“{excerpt}” is best avoided under the charter ({category}).',
    guardLengthMessage: 'Too long for {network}: {used} characters, at most {limit}.',
    guardDisclosureMessage: 'Say that you work for the company, for example with “{example}”.',
  },
  fr: {
    guardDetectorMessage: (detector) => detectorMessagesFr[detector],
    guardCategoryMessage: byCategory(categoryMessagesFr),
    guardOtherCategoryMessage: `«${NNBSP}{excerpt}${NNBSP}» est à éviter selon la charte ({category}).`,
    guardLengthMessage: `Trop long pour {network}${NBSP}: {used}${NBSP}caractères pour {limit} au plus.`,
    guardDisclosureMessage: `Indiquez que vous travaillez pour l’entreprise, par exemple avec «${NNBSP}{example}${NNBSP}».`,
  },
};

/** The guard's messages for a BCP 47 tag: a registered locale's, else its language's, else English. */
export const guardMessagesFor: (locale: string) => GuardMessageStrings = partLookup(guardMessages);
