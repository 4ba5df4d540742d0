/**
 * The strings of `<post-composer-guard>` in the shipped languages (the typography of `common.ts`).
 * The guard's own finding messages are `relais/guard`'s, in `../guard-messages.ts`.
 */
import type { Severity, Verdict } from '../../model/index.js';
import type { GuardStrings } from '../catalogue.js';
import { englishPlural, frenchPlural } from '../plurals.js';
import type { BuiltInStrings } from '../registry.js';
import { NBSP, NNBSP } from '../typography.js';
import { elementStrings } from './common.js';

const severityNames: BuiltInStrings<Record<Severity, string>> = {
  en: {
    block: 'Blocking',
    warn: 'Warning',
    info: 'Note',
  },
  fr: {
    block: 'Bloquant',
    warn: 'Avertissement',
    info: 'Remarque',
  },
};

const verdicts: BuiltInStrings<Record<Verdict, string>> = {
  en: {
    pass: 'Nothing to report: your text follows the charter.',
    warn: 'Please review the highlighted passages before you publish.',
    block: 'This text cannot be published as it is: please fix the passages marked as blocking.',
  },
  fr: {
    pass: `Rien à signaler${NBSP}: votre texte respecte la charte.`,
    warn: 'Relisez les passages surlignés avant de publier.',
    block: `Ce texte ne peut pas être publié en l’état${NBSP}: corrigez les passages marqués comme bloquants.`,
  },
};

export const postComposerGuardStrings: BuiltInStrings<GuardStrings> = {
  en: {
    guardTextLabel: 'Your post',
    guardVerdict: (verdict) => verdicts.en[verdict],
    guardFindings: (count, formatted) =>
      count === 0 ? 'No findings' : englishPlural(count, `${formatted} finding`, `${formatted} findings`),
    guardCounter: (used, limit) => `${used} / ${limit}`,
    guardCounterLabel: (used, limit) => `Length: ${used} out of ${limit}`,
    guardOverLimit: (over, formatted) =>
      englishPlural(over, `${formatted} character over the limit`, `${formatted} characters over the limit`),
    guardApplySuggestion: 'Apply suggestion',
    guardReplaceWith: (suggestion) => `Replace with “${suggestion}”`,
    guardRemovePassage: 'Remove the passage',
    guardPreviewLabel: 'Becomes:',
    guardNoOneClickFix: 'No one-click fix here, it could read badly: rewrite the passage yourself.',
    guardEdit: 'Edit',
    guardEditPassage: (excerpt) => `Edit “${excerpt}” in the text`,
    severityName: (severity) => severityNames.en[severity],
    guardNetworkLabel: 'Network',
    guardChecking: 'Checking your text…',
    guardCheckedWhenEdited: 'Your text is checked against the charter as soon as you edit it.',
    guardPrivacyNote: 'Checked on this device: your text is never sent.',
    guardFindingsHeading: 'Before you publish',
    guardCharactersLeft: (left, formatted) => englishPlural(left, `${formatted} character left`, `${formatted} characters left`),
    guardShowPassage: (excerpt) => `Show “${excerpt}” in the text`,
    guardMoreFindings: (count, formatted) =>
      englishPlural(count, `${formatted} more finding is not listed: fix the ones above first.`, `${formatted} more findings are not listed: fix the ones above first.`),
    guardSubmitBlocked: 'Please fix the passages marked as blocking before sending.',
    guardValueMissing: 'Please write your post.',
  },
  fr: {
    guardTextLabel: 'Votre publication',
    guardVerdict: (verdict) => verdicts.fr[verdict],
    guardFindings: (count, formatted) =>
      count === 0
        ? 'Aucun point à vérifier'
        : frenchPlural(
            count,
            `${formatted} point à vérifier`,
            `${formatted} points à vérifier`,
            `${formatted} de points à vérifier`,
          ),
    guardCounter: (used, limit) => `${used} / ${limit}`,
    guardCounterLabel: (used, limit) => `Longueur${NBSP}: ${used} sur ${limit}`,
    guardOverLimit: (over, formatted) =>
      frenchPlural(over, `${formatted} caractère de trop`, `${formatted} caractères de trop`, `${formatted} de caractères de trop`),
    guardApplySuggestion: 'Appliquer la suggestion',
    guardReplaceWith: (suggestion) => `Remplacer par «${NNBSP}${suggestion}${NNBSP}»`,
    guardRemovePassage: 'Retirer le passage',
    guardPreviewLabel: `Devient${NBSP}:`,
    guardNoOneClickFix: `Pas de correction en un clic ici, elle pourrait mal se lire${NBSP}: reformulez le passage vous-même.`,
    guardEdit: 'Modifier',
    guardEditPassage: (excerpt) => `Modifier «${NNBSP}${excerpt}${NNBSP}» dans le texte`,
    severityName: (severity) => severityNames.fr[severity],
    guardNetworkLabel: 'Réseau',
    guardChecking: 'Vérification du texte…',
    guardCheckedWhenEdited: 'Votre texte sera vérifié selon la charte dès que vous le modifiez.',
    guardPrivacyNote: `Vérifié sur cet appareil${NBSP}: votre texte n’est jamais envoyé.`,
    guardFindingsHeading: 'Avant de publier',
    guardCharactersLeft: (left, formatted) =>
      frenchPlural(left, `Encore ${formatted}${NBSP}caractère`, `Encore ${formatted}${NBSP}caractères`, `Encore ${formatted} de caractères`),
    guardShowPassage: (excerpt) => `Montrer «${NNBSP}${excerpt}${NNBSP}» dans le texte`,
    guardMoreFindings: (count, formatted) =>
      frenchPlural(
        count,
        `${formatted} autre point n’est pas listé${NBSP}: corrigez d’abord ceux ci-dessus.`,
        `${formatted} autres points ne sont pas listés${NBSP}: corrigez d’abord ceux ci-dessus.`,
        `${formatted} d’autres points ne sont pas listés${NBSP}: corrigez d’abord ceux ci-dessus.`,
      ),
    guardSubmitBlocked: 'Corrigez les passages bloquants avant d’envoyer, s’il vous plaît.',
    guardValueMissing: 'Écrivez votre publication, s’il vous plaît.',
  },
};

/** What `<post-composer-guard>` shows, for a BCP 47 tag: the common strings and its own. */
export const postComposerGuardStringsFor = elementStrings(postComposerGuardStrings);
