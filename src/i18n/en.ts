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
  leaderboardCaption: 'Ambassadors',
  leaderboardRank: 'Rank',
  leaderboardName: 'Name',
  leaderboardTeam: 'Team',
  leaderboardPoints: 'Points',
  leaderboardShares: 'Shares',
  leaderboardBadges: 'Badges',
  leaderboardYourRow: 'Your position',
  leaderboardTiers: 'Tiers',
  leaderboardProgress: 'Your progress',
  leaderboardNextTier: (points, formatted, tier) =>
    plural(points, `${formatted} more point to reach ${tier}.`, `${formatted} more points to reach ${tier}.`),
  leaderboardTopTier: (tier) => `You reached the highest tier: ${tier}.`,
  periodName: (period) => periodNames[period],
  leaderboardYouAreAnonymous: 'You appear anonymously to others.',
  leaderboardEmpty: 'No shares yet for this period.',

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
