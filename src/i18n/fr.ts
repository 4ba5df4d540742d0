/**
 * French. Typography as French readers expect it: a no-break space before « : » and a narrow
 * no-break space before « ; ! ? » and inside guillemets, so that the sign never starts a line;
 * the typographic apostrophe ’; the ellipsis character ….
 */
import type { Network, Period, Severity, Verdict } from '../model/index.js';
import { BRAND_NAMES } from './network-names.js';
import type { Catalogue } from './catalogue.js';
import { guardMessages } from './guard-messages.js';
import { pluralCategory } from './format.js';
import { NBSP, NNBSP } from './typography.js';


const networkNames: Record<Network, string> = {
  ...BRAND_NAMES,
  email: 'Courriel',
  copy: 'Copier le lien',
  native: 'Partager…',
};

const periodNames: Record<Period, string> = {
  week: 'Cette semaine',
  month: 'Ce mois-ci',
  quarter: 'Ce trimestre',
  year: 'Cette année',
  all: 'Depuis le début',
};

/** A period inside a sentence. */
const periodPhrases: Record<Period, string> = {
  week: 'cette semaine',
  month: 'ce mois-ci',
  quarter: 'ce trimestre',
  year: 'cette année',
  all: 'depuis le début',
};

const privacyNotes = {
  ranking: `Les points ne comptent qu’une fois par contenu. Les collègues qui n’ont pas choisi d’apparaître sous leur nom sont affichés comme «${NNBSP}Ambassadeur${NNBSP}»${NNBSP}; la participation est libre et seules les personnes qui ont partagé sont listées.`,
  tiers: `Les paliers saluent chaque personne qui partage, sans classement. Les collègues qui n’ont pas choisi d’apparaître sous leur nom sont affichés comme «${NNBSP}Ambassadeur${NNBSP}».`,
  teams: `Les équipes ne comptent que les partages des collègues qui ont choisi d’apparaître sous leur nom${NNBSP}; les petites équipes sont réunies sous «${NNBSP}Autres équipes${NNBSP}», pour que personne ne puisse être identifié.`,
  personal: `Ces chiffres sont les vôtres${NBSP}: ils ne sont visibles que par vous.`,
} as const;

const severityNames: Record<Severity, string> = {
  block: 'Bloquant',
  warn: 'Avertissement',
  info: 'Remarque',
};

const verdicts: Record<Verdict, string> = {
  pass: `Rien à signaler${NBSP}: votre texte respecte la charte.`,
  warn: 'Relisez les passages surlignés avant de publier.',
  block: `Ce texte ne peut pas être publié en l’état${NBSP}: corrigez les passages marqués comme bloquants.`,
};

// French plurals: 0 and 1 take the singular (`one`), and round millions take « de »
// (« 1 000 000 de points »), which CLDR calls `many`.
function plural(n: number, one: string, other: string, many = other): string {
  const category = pluralCategory('fr', n);
  return category === 'one' ? one : category === 'many' ? many : other;
}

export const fr: Catalogue = {
  // Common
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
    plural(points, `${formatted} point`, `${formatted} points`, `${formatted} de points`),
  willSync: 'Enregistré sur cet appareil, sera synchronisé',

  // <charter-banner>
  charterTitlePrefix: 'Charte des réseaux sociaux',
  charterFirstTime: 'Merci de la lire et de confirmer que vous l’avez comprise.',
  charterRead: 'Lire la charte',
  charterClose: 'Fermer',
  charterUnderstood: 'J’ai lu et compris la charte',
  charterAcknowledge: 'Je confirme',
  charterAcknowledging: 'Enregistrement…',
  charterTickFirst: 'Cochez la case pour confirmer que vous avez lu et compris la charte.',
  charterRemindLater: 'Me le rappeler plus tard',
  charterSnoozesLeft: (count, formatted) =>
    count === 0
      ? 'Ce rappel ne peut plus être reporté.'
      : count === 1
        ? 'Vous pourrez encore reporter une fois.'
        : `Vous pourrez encore reporter ${formatted}${NBSP}fois.`,
  charterNoMoreSnoozes: 'Ce rappel ne peut plus être reporté.',
  charterSnoozedUntil: (date) => `Rappel reporté au ${date}.`,
  charterSummaryToggle: 'Résumé',
  charterSummaryAndChanges: 'Résumé, nouveautés',
  charterAcknowledgedOn: (date) => `Vous avez pris connaissance de la charte le ${date}.`,
  charterReread: 'La relire',
  charterWhatChanged: 'Ce qui a changé',
  charterThanks: 'Merci, votre prise de connaissance est enregistrée.',
  charterThanksWillSync: 'Merci. Enregistrée sur cet appareil, elle sera transmise plus tard.',
  charterRenewalDue: (date) => `Votre engagement du ${date} est à renouveler${NBSP}: merci de la relire.`,
  charterNewVersion: (version) => `Nouvelle version ${version}${NBSP}: merci de la lire et de confirmer à nouveau.`,
  charterSnoozed: (date) => `Nous vous le rappellerons le ${date}.`,
  charterAcknowledgeFailed: 'Votre prise de connaissance n’a pas pu être enregistrée. Merci de réessayer.',

  // <share-card>
  shareOn: (network) => `Partager sur ${network}`,
  networkName: (network) => networkNames[network],
  shareEditText: 'Modifiez votre texte',
  shareOwnWords: `Écrivez-le avec vos mots${NBSP}: un message qui vous ressemble est davantage lu.`,
  shareTextCopied: (network) => `Votre texte est copié dans le presse-papiers${NBSP}: collez-le dans ${network}.`,
  shareCopyHint: (networks) => `Sur ${networks}, votre texte est d’abord copié${NBSP}: collez-le dans votre publication.`,
  sharePointsEarned: (points, formatted) =>
    plural(
      points,
      `Vous avez gagné ${formatted} point.`,
      `Vous avez gagné ${formatted} points.`,
      `Vous avez gagné ${formatted} de points.`,
    ),
  shareShared: (network) => `Partagé sur ${network}. Merci${NNBSP}!`,
  shareDone: (network) =>
    network === 'copy'
      ? 'Lien copié.'
      : network === 'email'
        ? `Envoyé par courriel. Merci${NNBSP}!`
        : network === 'native'
          ? `Partagé. Merci${NNBSP}!`
          : `Partagé sur ${networkNames[network]}. Merci${NNBSP}!`,
  shareNeedsCharter: 'Pour partager, confirmez d’abord avoir lu la charte.',
  shareButton: (network) => (network === 'email' ? 'Envoyer par courriel' : network === 'copy' || network === 'native' ? networkNames[network] : `Partager sur ${networkNames[network]}`),
  shareTooLong: (network, used, limit) => `Trop long pour ${network} (${used} sur ${limit})${NBSP}: raccourcissez votre texte ou choisissez un autre réseau.`,
  shareChoiceLabel: 'Réseau',
  shareBlockedByGuard: `Un passage de votre texte ne peut pas être publié${NBSP}: modifiez-le, puis partagez.`,
  shareUnavailable: 'Ce contenu n’est plus disponible.',
  shareNetworksLabel: 'Partager sur',
  shareOwnWordsThanks: `Écrit avec vos mots${NBSP}: merci, c’est ce qui est lu.`,
  shareNotFound: 'Ce contenu est introuvable. Il a peut-être été retiré.',
  shareScheduled: (date) => `Ce contenu pourra être partagé à partir du ${date}.`,
  shareRecordFailed: `Votre partage n’a pas pu être enregistré${NBSP}: il ne compte pas encore dans vos points.`,
  shareCopyFailed: `Le texte n’a pas pu être copié${NBSP}: sélectionnez-le et copiez-le vous-même.`,
  sharePreviously: (network, date) =>
    network === 'email'
      ? `Vous l’avez envoyé par courriel le ${date}.`
      : network === 'native'
        ? `Vous l’avez partagé le ${date}.`
        : `Vous l’avez partagé sur ${networkNames[network]} le ${date}.`,
  shareMastodonLabel: 'Votre serveur Mastodon',
  shareMastodonHint: `Par exemple mastodon.social, ou l’adresse de votre profil${NBSP}: le serveur est retenu dans ce navigateur.`,
  shareMastodonInvalid: `Ce n’est pas un nom de serveur${NBSP}: écrivez-le comme mastodon.social.`,
  shareMastodonChange: (host) => `Changer de serveur (${host})`,
  shareMastodonChooser: 'Ou choisissez votre serveur sur la page de partage de Mastodon',
  shareCancel: 'Annuler',
  shareOpen: 'Partager',
  shareClose: 'Fermer',

  // <ambassador-leaderboard>
  leaderboardTitle: 'Ambassadeurs',
  leaderboardTeamsTitle: 'Équipes',
  leaderboardCaption: (scope, period) => `${scope === 'teams' ? 'Équipes' : 'Ambassadeurs'}, ${periodPhrases[period]}`,
  leaderboardRank: 'Rang',
  leaderboardName: 'Nom',
  leaderboardTeam: 'Équipe',
  leaderboardPoints: 'Points',
  leaderboardShares: 'Partages',
  leaderboardTier: 'Palier',
  leaderboardMembers: 'Contributeurs',
  leaderboardAverage: 'Moyenne',
  leaderboardAverageOf: 'points par contributeur',
  // « 1er », « 2e », « 3e » (l’Imprimerie nationale ; jamais « 2ème »).
  leaderboardOrdinal: (rank, formatted) => `${formatted}${rank === 1 ? 'er' : 'e'}`,
  leaderboardNotRanked: 'pas encore classé',
  leaderboardYou: 'vous',
  leaderboardYourTeam: 'votre équipe',
  leaderboardAnonymous: 'Ambassadeur',
  leaderboardOtherTeams: 'Autres équipes',
  leaderboardYourRow: 'Votre position',
  leaderboardPeriodLabel: 'Période',
  periodName: (period) => periodNames[period],
  leaderboardTierHeading: (tier, minPoints, formatted) => (minPoints === 0 ? tier : `${tier} · à partir de ${formatted}${NBSP}points`),
  leaderboardNoTier: 'Premiers pas',
  leaderboardMore: (count, formatted) =>
    plural(count, `et ${formatted}${NBSP}autre ambassadeur`, `et ${formatted}${NBSP}autres ambassadeurs`, `et ${formatted} d’autres ambassadeurs`),
  leaderboardProgress: 'Votre progression',
  leaderboardPointsIn: (points, formatted, period) => `${plural(points, `${formatted}${NBSP}point`, `${formatted}${NBSP}points`, `${formatted} de points`)} ${periodPhrases[period]}`,
  leaderboardSharesCount: (shares, formatted) => plural(shares, `${formatted}${NBSP}partage`, `${formatted}${NBSP}partages`, `${formatted} de partages`),
  leaderboardYourTier: (tier) => `Votre palier${NBSP}: ${tier}`,
  leaderboardProgressTo: (tier) => `Progression vers le palier ${tier}`,
  leaderboardNextTier: (points, formatted, tier) =>
    plural(
      points,
      `Encore ${formatted}${NBSP}point pour atteindre le palier ${tier}.`,
      `Encore ${formatted}${NBSP}points pour atteindre le palier ${tier}.`,
      `Encore ${formatted} de points pour atteindre le palier ${tier}.`,
    ),
  leaderboardTopTier: (tier) => `Vous avez atteint le plus haut palier${NBSP}: ${tier}.`,
  leaderboardRecent: 'Vos derniers partages',
  leaderboardSharedWhere: (network, date) => `${network}, le ${date}`,
  leaderboardEarned: (points, formatted) =>
    points === 0 ? 'points déjà gagnés' : plural(points, `+${formatted}${NBSP}point`, `+${formatted}${NBSP}points`, `+${formatted} de points`),
  leaderboardUntitled: 'Un contenu qui n’est plus proposé',
  leaderboardOnlyYou: `Votre nom n’est visible que par vous${NBSP}: vos collègues voient «${NNBSP}Ambassadeur${NNBSP}».`,
  leaderboardEmpty: (period) => `Aucun partage ${periodPhrases[period]} pour l’instant${NBSP}: soyez la première ou le premier à partager ${periodPhrases[period]}.`,
  leaderboardNothingYet: (period) => `Vous n’avez encore rien partagé ${periodPhrases[period]}.`,
  leaderboardPrivacy: (mode) => privacyNotes[mode],
  leaderboardMovedTo: (rank, team) => (team ? `Votre équipe passe ${rank}.` : `Vous passez ${rank}.`),
  leaderboardNowPoints: (points, formatted) =>
    plural(points, `Vous avez maintenant ${formatted}${NBSP}point.`, `Vous avez maintenant ${formatted}${NBSP}points.`, `Vous avez maintenant ${formatted} de points.`),
  leaderboardScroll: 'Tous les ambassadeurs (faites défiler pour voir la suite)',

  // <post-composer-guard>
  guardTextLabel: 'Votre publication',
  guardVerdict: (verdict) => verdicts[verdict],
  guardFindings: (count, formatted) =>
    count === 0
      ? 'Aucun point à vérifier'
      : plural(
          count,
          `${formatted} point à vérifier`,
          `${formatted} points à vérifier`,
          `${formatted} de points à vérifier`,
        ),
  guardCounter: (used, limit) => `${used} / ${limit}`,
  guardCounterLabel: (used, limit) => `Longueur${NBSP}: ${used} sur ${limit}`,
  guardOverLimit: (over, formatted) =>
    plural(over, `${formatted} caractère de trop`, `${formatted} caractères de trop`, `${formatted} de caractères de trop`),
  guardApplySuggestion: 'Appliquer la suggestion',
  guardReplaceWith: (suggestion) => `Remplacer par «${NNBSP}${suggestion}${NNBSP}»`,
  guardRemovePassage: 'Retirer le passage',
  guardPreviewLabel: `Devient${NBSP}:`,
  guardNoOneClickFix: `Pas de correction en un clic ici, elle pourrait mal se lire${NBSP}: reformulez le passage vous-même.`,
  guardEdit: 'Modifier',
  guardEditPassage: (excerpt) => `Modifier «${NNBSP}${excerpt}${NNBSP}» dans le texte`,
  severityName: (severity) => severityNames[severity],
  guardNetworkLabel: 'Réseau',
  guardChecking: 'Vérification du texte…',
  guardCheckedWhenEdited: 'Votre texte sera vérifié selon la charte dès que vous le modifiez.',
  guardPrivacyNote: `Vérifié sur cet appareil${NBSP}: votre texte n’est jamais envoyé.`,
  guardFindingsHeading: 'Avant de publier',
  guardCharactersLeft: (left, formatted) =>
    plural(left, `Encore ${formatted}${NBSP}caractère`, `Encore ${formatted}${NBSP}caractères`, `Encore ${formatted} de caractères`),
  guardShowPassage: (excerpt) => `Montrer «${NNBSP}${excerpt}${NNBSP}» dans le texte`,
  guardMoreFindings: (count, formatted) =>
    plural(
      count,
      `${formatted} autre point n’est pas listé${NBSP}: corrigez d’abord ceux ci-dessus.`,
      `${formatted} autres points ne sont pas listés${NBSP}: corrigez d’abord ceux ci-dessus.`,
      `${formatted} d’autres points ne sont pas listés${NBSP}: corrigez d’abord ceux ci-dessus.`,
    ),
  guardSubmitBlocked: 'Corrigez les passages bloquants avant d’envoyer, s’il vous plaît.',
  guardValueMissing: 'Écrivez votre publication, s’il vous plaît.',

  // relais/guard's finding messages
  ...guardMessages.fr,
};
