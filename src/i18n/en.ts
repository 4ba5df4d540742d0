/**
 * English: the reference catalogue. It defines every key, and every other locale falls back to
 * it for the keys it lacks.
 */
import type { Network, Period, Severity, Verdict } from '../model/index.js';
import { BRAND_NAMES } from './network-names.js';
import type { Catalogue } from './catalogue.js';
import { guardMessages } from './guard-messages.js';

const networkNames: Record<Network, string> = {
  ...BRAND_NAMES,
  email: 'E-mail',
  copy: 'Copy link',
  native: 'Share…',
};

const periodNames: Record<Period, string> = {
  week: 'This week',
  month: 'This month',
  quarter: 'This quarter',
  year: 'This year',
  all: 'All time',
};

/** A period inside a sentence. */
const periodPhrases: Record<Period, string> = {
  week: 'this week',
  month: 'this month',
  quarter: 'this quarter',
  year: 'this year',
  all: 'so far',
};

const privacyNotes = {
  ranking:
    'Points count once per item. Colleagues who did not choose to appear by name are shown as “Ambassador”; taking part is voluntary, and only people who shared are listed.',
  tiers:
    'Tiers recognise everyone who shares, without ranks. Colleagues who did not choose to appear by name are shown as “Ambassador”.',
  teams:
    'Teams count only the shares of colleagues who chose to appear by name; small teams are gathered under “Other teams”, so that no one can be singled out.',
  personal: 'These figures are yours: only you see them here.',
} as const;

// "1st", "2nd", "3rd", "4th", "11th", "21st": CLDR's ordinal categories for English.
const ordinalSuffixes: Partial<Record<Intl.LDMLPluralRule, string>> = { one: 'st', two: 'nd', few: 'rd', other: 'th' };
let ordinals: Intl.PluralRules | undefined;
const ordinalRules = (): Intl.PluralRules => (ordinals ??= new Intl.PluralRules('en', { type: 'ordinal' }));

const severityNames: Record<Severity, string> = {
  block: 'Blocking',
  warn: 'Warning',
  info: 'Note',
};

const verdicts: Record<Verdict, string> = {
  pass: 'Nothing to report: your text follows the charter.',
  warn: 'Please review the highlighted passages before you publish.',
  block: 'This text cannot be published as it is: please fix the passages marked as blocking.',
};

// English plurals only distinguish 1 from everything else (0 included).
const plural = (n: number, one: string, other: string) => (n === 1 ? one : other);

export const en: Catalogue = {
  // Common
  loading: 'Loading…',
  error: 'This could not be loaded.',
  invalidData: 'The data received is not valid.',
  invalidConfiguration: 'This feature is not set up correctly on this page.',
  retry: 'Try again',
  notConfigured: 'This feature is not configured yet.',
  you: 'You',
  anonymous: 'Anonymous',
  otherTeams: 'Other teams',
  pointsCount: (points, formatted) => plural(points, `${formatted} point`, `${formatted} points`),
  willSync: 'Saved on this device, will sync',

  // <charter-banner>
  charterTitlePrefix: 'Social media charter',
  charterFirstTime: 'Please read it and confirm that you have understood it.',
  charterRead: 'Read the charter',
  charterClose: 'Close',
  charterUnderstood: 'I have read and understood the charter',
  charterAcknowledge: 'I confirm',
  charterAcknowledging: 'Saving…',
  charterTickFirst: 'Tick the box to confirm that you have read and understood the charter.',
  charterRemindLater: 'Remind me later',
  charterSnoozesLeft: (count, formatted) =>
    count === 0
      ? 'This reminder can no longer be postponed.'
      : plural(count, 'You can postpone it once more.', `You can postpone it ${formatted} more times.`),
  charterNoMoreSnoozes: 'This reminder can no longer be postponed.',
  charterSnoozedUntil: (date) => `Reminder postponed until ${date}.`,
  charterSummaryToggle: 'Summary',
  charterSummaryAndChanges: 'Summary, changes',
  charterAcknowledgedOn: (date) => `You acknowledged the charter on ${date}.`,
  charterReread: 'Read it again',
  charterWhatChanged: 'What changed',
  charterThanks: 'Thank you, your acknowledgment is recorded.',
  charterThanksWillSync: 'Thank you. Saved on this device, it will be sent later.',
  charterRenewalDue: (date) => `You last acknowledged it on ${date}: please read it again and renew your acknowledgment.`,
  charterNewVersion: (version) => `New version ${version}: please read it and confirm again.`,
  charterSnoozed: (date) => `We will remind you on ${date}.`,
  charterAcknowledgeFailed: 'Your acknowledgment could not be saved. Please try again.',

  // <share-card>
  shareOn: (network) => `Share on ${network}`,
  networkName: (network) => networkNames[network],
  shareEditText: 'Edit your text',
  shareOwnWords: 'Write it in your own words: a post that sounds like you is read more.',
  shareTextCopied: (network) => `Your text is copied to the clipboard: paste it in ${network}.`,
  shareCopyHint: (networks) => `On ${networks}, your text is copied first: paste it into your post.`,
  sharePointsEarned: (points, formatted) =>
    plural(points, `You earned ${formatted} point.`, `You earned ${formatted} points.`),
  shareShared: (network) => `Shared on ${network}. Thank you!`,
  shareDone: (network) =>
    network === 'copy' ? 'Link copied.' : network === 'email' ? 'Sent by email. Thank you!' : network === 'native' ? 'Shared. Thank you!' : `Shared on ${networkNames[network]}. Thank you!`,
  shareNeedsCharter: 'To share, first confirm that you have read the charter.',
  shareButton: (network) => (network === 'email' ? 'Send by email' : network === 'copy' || network === 'native' ? networkNames[network] : `Share on ${networkNames[network]}`),
  shareTooLong: (network, used, limit) => `Too long for ${network} (${used} of ${limit}): shorten your text or choose another network.`,
  shareChoiceLabel: 'Network',
  shareBlockedByGuard: 'A passage of your text cannot be published: change it, then share.',
  shareUnavailable: 'This content is no longer available.',
  shareNetworksLabel: 'Share on',
  shareOwnWordsThanks: 'Written in your own words: thank you, that is what gets read.',
  shareNotFound: 'This content cannot be found. It may have been removed.',
  shareScheduled: (date) => `This content can be shared from ${date}.`,
  shareRecordFailed: 'Your share could not be recorded: it does not count in your points yet.',
  shareCopyFailed: 'The text could not be copied: select it and copy it yourself.',
  sharePreviously: (network, date) =>
    network === 'email' ? `You sent it by email on ${date}.` : network === 'native' ? `You shared it on ${date}.` : `You shared it on ${networkNames[network]} on ${date}.`,
  shareMastodonLabel: 'Your Mastodon server',
  shareMastodonHint: 'For example mastodon.social, or the address of your profile: the server is remembered in this browser.',
  shareMastodonInvalid: 'This is not a server name: write it like mastodon.social.',
  shareMastodonChange: (host) => `Change server (${host})`,
  shareMastodonChooser: 'Or choose your server on Mastodon’s share page',
  shareCancel: 'Cancel',
  shareOpen: 'Share',
  shareClose: 'Close',

  // <ambassador-leaderboard>
  leaderboardTitle: 'Ambassadors',
  leaderboardTeamsTitle: 'Teams',
  leaderboardCaption: (scope, period) => `${scope === 'teams' ? 'Teams' : 'Ambassadors'}, ${periodPhrases[period]}`,
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
  periodName: (period) => periodNames[period],
  leaderboardTierHeading: (tier, minPoints, formatted) => (minPoints === 0 ? tier : `${tier} · from ${formatted} points`),
  leaderboardNoTier: 'First steps',
  leaderboardMore: (count, formatted) => plural(count, `and ${formatted} more ambassador`, `and ${formatted} more ambassadors`),
  leaderboardProgress: 'Your progress',
  leaderboardPointsIn: (points, formatted, period) => `${plural(points, `${formatted} point`, `${formatted} points`)} ${periodPhrases[period]}`,
  leaderboardSharesCount: (shares, formatted) => plural(shares, `${formatted} share`, `${formatted} shares`),
  leaderboardYourTier: (tier) => `Your tier: ${tier}`,
  leaderboardProgressTo: (tier) => `Progress towards ${tier}`,
  leaderboardNextTier: (points, formatted, tier) =>
    plural(points, `${formatted} more point to reach ${tier}.`, `${formatted} more points to reach ${tier}.`),
  leaderboardTopTier: (tier) => `You reached the highest tier: ${tier}.`,
  leaderboardRecent: 'Your latest shares',
  leaderboardSharedWhere: (network, date) => `${network}, ${date}`,
  leaderboardEarned: (points, formatted) => (points === 0 ? 'points already earned' : plural(points, `+${formatted} point`, `+${formatted} points`)),
  leaderboardUntitled: 'An item no longer listed',
  leaderboardOnlyYou: 'Only you see your name: colleagues see “Ambassador”.',
  leaderboardEmpty: (period) => `No shares yet ${periodPhrases[period]}: be the first to share ${periodPhrases[period]}.`,
  leaderboardNothingYet: (period) => `You have not shared anything ${periodPhrases[period]} yet.`,
  leaderboardPrivacy: (mode) => privacyNotes[mode],
  leaderboardMovedTo: (rank, team) => (team ? `Your team moves to ${rank}.` : `You move to ${rank}.`),
  leaderboardNowPoints: (points, formatted) => plural(points, `You now have ${formatted} point.`, `You now have ${formatted} points.`),
  leaderboardScroll: 'Every ambassador (scroll to see more)',

  // <post-composer-guard>
  guardTextLabel: 'Your post',
  guardVerdict: (verdict) => verdicts[verdict],
  guardFindings: (count, formatted) =>
    count === 0 ? 'No findings' : plural(count, `${formatted} finding`, `${formatted} findings`),
  guardCounter: (used, limit) => `${used} / ${limit}`,
  guardCounterLabel: (used, limit) => `Length: ${used} out of ${limit}`,
  guardOverLimit: (over, formatted) =>
    plural(over, `${formatted} character over the limit`, `${formatted} characters over the limit`),
  guardApplySuggestion: 'Apply suggestion',
  guardReplaceWith: (suggestion) => `Replace with “${suggestion}”`,
  guardRemovePassage: 'Remove the passage',
  guardPreviewLabel: 'Becomes:',
  guardNoOneClickFix: 'No one-click fix here, it could read badly: rewrite the passage yourself.',
  guardEdit: 'Edit',
  guardEditPassage: (excerpt) => `Edit “${excerpt}” in the text`,
  severityName: (severity) => severityNames[severity],
  guardNetworkLabel: 'Network',
  guardChecking: 'Checking your text…',
  guardCheckedWhenEdited: 'Your text is checked against the charter as soon as you edit it.',
  guardPrivacyNote: 'Checked on this device: your text is never sent.',
  guardFindingsHeading: 'Before you publish',
  guardCharactersLeft: (left, formatted) => plural(left, `${formatted} character left`, `${formatted} characters left`),
  guardShowPassage: (excerpt) => `Show “${excerpt}” in the text`,
  guardMoreFindings: (count, formatted) =>
    plural(count, `${formatted} more finding is not listed: fix the ones above first.`, `${formatted} more findings are not listed: fix the ones above first.`),
  guardSubmitBlocked: 'Please fix the passages marked as blocking before sending.',
  guardValueMissing: 'Please write your post.',

  // relais/guard's finding messages
  ...guardMessages.en,
};
