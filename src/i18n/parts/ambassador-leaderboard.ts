/** The strings of `<ambassador-leaderboard>` in the shipped languages (the typography of `common.ts`). */
import type { Period } from '../../model/index.js';
import type { LeaderboardStrings } from '../catalogue.js';
import { englishPlural, frenchPlural } from '../plurals.js';
import type { BuiltInStrings } from '../registry.js';
import { NBSP, NNBSP } from '../typography.js';
import { elementStrings } from './common.js';

const periodNames: BuiltInStrings<Record<Period, string>> = {
  en: {
    week: 'This week',
    month: 'This month',
    quarter: 'This quarter',
    year: 'This year',
    all: 'All time',
  },
  fr: {
    week: 'Cette semaine',
    month: 'Ce mois-ci',
    quarter: 'Ce trimestre',
    year: 'Cette année',
    all: 'Depuis le début',
  },
};

/** A period inside a sentence. */
const periodPhrases: BuiltInStrings<Record<Period, string>> = {
  en: {
    week: 'this week',
    month: 'this month',
    quarter: 'this quarter',
    year: 'this year',
    all: 'so far',
  },
  fr: {
    week: 'cette semaine',
    month: 'ce mois-ci',
    quarter: 'ce trimestre',
    year: 'cette année',
    all: 'depuis le début',
  },
};

type PrivacyNotes = Record<'ranking' | 'tiers' | 'teams' | 'personal', string>;
const privacyNotes: BuiltInStrings<PrivacyNotes> = {
  en: {
    ranking:
      'Points count once per item. Colleagues who did not choose to appear by name are shown as “Ambassador”; taking part is voluntary, and only people who shared are listed.',
    tiers:
      'Tiers recognise everyone who shares, without ranks. Colleagues who did not choose to appear by name are shown as “Ambassador”.',
    teams:
      'Teams count only the shares of colleagues who chose to appear by name; small teams are gathered under “Other teams”, so that no one can be singled out.',
    personal: 'These figures are yours: only you see them here.',
  },
  fr: {
    ranking: `Les points ne comptent qu’une fois par contenu. Les collègues qui n’ont pas choisi d’apparaître sous leur nom sont affichés comme «${NNBSP}Ambassadeur${NNBSP}»${NNBSP}; la participation est libre et seules les personnes qui ont partagé sont listées.`,
    tiers: `Les paliers saluent chaque personne qui partage, sans classement. Les collègues qui n’ont pas choisi d’apparaître sous leur nom sont affichés comme «${NNBSP}Ambassadeur${NNBSP}».`,
    teams: `Les équipes ne comptent que les partages des collègues qui ont choisi d’apparaître sous leur nom${NNBSP}; les petites équipes sont réunies sous «${NNBSP}Autres équipes${NNBSP}», pour que personne ne puisse être identifié.`,
    personal: `Ces chiffres sont les vôtres${NBSP}: ils ne sont visibles que par vous.`,
  },
};

// "1st", "2nd", "3rd", "4th", "11th", "21st": CLDR's ordinal categories for English.
const ordinalSuffixes: Partial<Record<Intl.LDMLPluralRule, string>> = { one: 'st', two: 'nd', few: 'rd', other: 'th' };
let ordinals: Intl.PluralRules | undefined;
const ordinalRules = (): Intl.PluralRules => (ordinals ??= new Intl.PluralRules('en', { type: 'ordinal' }));

export const ambassadorLeaderboardStrings: BuiltInStrings<LeaderboardStrings> = {
  en: {
    leaderboardTitle: 'Ambassadors',
    leaderboardTeamsTitle: 'Teams',
    leaderboardCaption: (scope, period) => `${scope === 'teams' ? 'Teams' : 'Ambassadors'}, ${periodPhrases.en[period]}`,
    leaderboardRank: 'Rank',
    leaderboardName: 'Name',
    leaderboardTeam: 'Team',
    leaderboardPoints: 'Points',
    leaderboardShares: 'Shares',
    leaderboardTier: 'Tier',
    leaderboardMembers: 'Contributors',
    leaderboardAverage: 'Average',
    leaderboardAverageOf: 'points per contributor',
    leaderboardOrdinal: (rank, formatted) => `${formatted}${ordinalSuffixes[ordinalRules().select(rank)] ?? 'th'}`,
    leaderboardNotRanked: 'not ranked yet',
    leaderboardYou: 'you',
    leaderboardYourTeam: 'your team',
    leaderboardAnonymous: 'Ambassador',
    leaderboardOtherTeams: 'Other teams',
    leaderboardYourRow: 'Your position',
    leaderboardPeriodLabel: 'Period',
    periodName: (period) => periodNames.en[period],
    leaderboardTierHeading: (tier, minPoints, formatted) => (minPoints === 0 ? tier : `${tier} · from ${formatted} points`),
    leaderboardNoTier: 'First steps',
    leaderboardMore: (count, formatted) => englishPlural(count, `and ${formatted} more ambassador`, `and ${formatted} more ambassadors`),
    leaderboardProgress: 'Your progress',
    leaderboardPointsIn: (points, formatted, period) => `${englishPlural(points, `${formatted} point`, `${formatted} points`)} ${periodPhrases.en[period]}`,
    leaderboardSharesCount: (shares, formatted) => englishPlural(shares, `${formatted} share`, `${formatted} shares`),
    leaderboardYourTier: (tier) => `Your tier: ${tier}`,
    leaderboardProgressTo: (tier) => `Progress towards ${tier}`,
    leaderboardNextTier: (points, formatted, tier) =>
      englishPlural(points, `${formatted} more point to reach ${tier}.`, `${formatted} more points to reach ${tier}.`),
    leaderboardTopTier: (tier) => `You reached the highest tier: ${tier}.`,
    leaderboardRecent: 'Your latest shares',
    leaderboardSharedWhere: (network, date) => `${network}, ${date}`,
    leaderboardEarned: (points, formatted) => (points === 0 ? 'points already earned' : englishPlural(points, `+${formatted} point`, `+${formatted} points`)),
    leaderboardUntitled: 'An item no longer listed',
    leaderboardOnlyYou: 'Only you see your name: colleagues see “Ambassador”.',
    leaderboardEmpty: (period) => `No shares yet ${periodPhrases.en[period]}: be the first to share ${periodPhrases.en[period]}.`,
    leaderboardNothingYet: (period) => `You have not shared anything ${periodPhrases.en[period]} yet.`,
    leaderboardPrivacy: (mode) => privacyNotes.en[mode],
    leaderboardMovedTo: (rank, team) => (team ? `Your team moves to ${rank}.` : `You move to ${rank}.`),
    leaderboardNowPoints: (points, formatted) => englishPlural(points, `You now have ${formatted} point.`, `You now have ${formatted} points.`),
    leaderboardScroll: 'Every ambassador (scroll to see more)',
  },
  fr: {
    leaderboardTitle: 'Ambassadeurs',
    leaderboardTeamsTitle: 'Équipes',
    leaderboardCaption: (scope, period) => `${scope === 'teams' ? 'Équipes' : 'Ambassadeurs'}, ${periodPhrases.fr[period]}`,
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
    periodName: (period) => periodNames.fr[period],
    leaderboardTierHeading: (tier, minPoints, formatted) => (minPoints === 0 ? tier : `${tier} · à partir de ${formatted}${NBSP}points`),
    leaderboardNoTier: 'Premiers pas',
    leaderboardMore: (count, formatted) =>
      frenchPlural(count, `et ${formatted}${NBSP}autre ambassadeur`, `et ${formatted}${NBSP}autres ambassadeurs`, `et ${formatted} d’autres ambassadeurs`),
    leaderboardProgress: 'Votre progression',
    leaderboardPointsIn: (points, formatted, period) => `${frenchPlural(points, `${formatted}${NBSP}point`, `${formatted}${NBSP}points`, `${formatted} de points`)} ${periodPhrases.fr[period]}`,
    leaderboardSharesCount: (shares, formatted) => frenchPlural(shares, `${formatted}${NBSP}partage`, `${formatted}${NBSP}partages`, `${formatted} de partages`),
    leaderboardYourTier: (tier) => `Votre palier${NBSP}: ${tier}`,
    leaderboardProgressTo: (tier) => `Progression vers le palier ${tier}`,
    leaderboardNextTier: (points, formatted, tier) =>
      frenchPlural(
        points,
        `Encore ${formatted}${NBSP}point pour atteindre le palier ${tier}.`,
        `Encore ${formatted}${NBSP}points pour atteindre le palier ${tier}.`,
        `Encore ${formatted} de points pour atteindre le palier ${tier}.`,
      ),
    leaderboardTopTier: (tier) => `Vous avez atteint le plus haut palier${NBSP}: ${tier}.`,
    leaderboardRecent: 'Vos derniers partages',
    leaderboardSharedWhere: (network, date) => `${network}, le ${date}`,
    leaderboardEarned: (points, formatted) =>
      points === 0 ? 'points déjà gagnés' : frenchPlural(points, `+${formatted}${NBSP}point`, `+${formatted}${NBSP}points`, `+${formatted} de points`),
    leaderboardUntitled: 'Un contenu qui n’est plus proposé',
    leaderboardOnlyYou: `Votre nom n’est visible que par vous${NBSP}: vos collègues voient «${NNBSP}Ambassadeur${NNBSP}».`,
    leaderboardEmpty: (period) => `Aucun partage ${periodPhrases.fr[period]} pour l’instant${NBSP}: soyez la première ou le premier à partager ${periodPhrases.fr[period]}.`,
    leaderboardNothingYet: (period) => `Vous n’avez encore rien partagé ${periodPhrases.fr[period]}.`,
    leaderboardPrivacy: (mode) => privacyNotes.fr[mode],
    leaderboardMovedTo: (rank, team) => (team ? `Votre équipe passe ${rank}.` : `Vous passez ${rank}.`),
    leaderboardNowPoints: (points, formatted) =>
      frenchPlural(points, `Vous avez maintenant ${formatted}${NBSP}point.`, `Vous avez maintenant ${formatted}${NBSP}points.`, `Vous avez maintenant ${formatted} de points.`),
    leaderboardScroll: 'Tous les ambassadeurs (faites défiler pour voir la suite)',
  },
};

/** What `<ambassador-leaderboard>` shows, for a BCP 47 tag: the common strings and its own. */
export const ambassadorLeaderboardStringsFor = elementStrings(ambassadorLeaderboardStrings);
