/**
 * The shape of the translation catalogue. English defines every key; other locales must provide
 * the same keys (French) or may provide some of them (`registerLocale`), the rest falling back to
 * English.
 *
 * Every value is either a string or a function of typed parameters: a function when the text
 * interpolates a value or depends on a number (plurals). Numbers arrive twice, as the number
 * (to choose the plural form) and already formatted for the reader's locale (to display), so
 * that a catalogue never formats on its own and `fr-CA` readers get `fr-CA` digits.
 *
 * Keys are grouped by the element (or, for the guard's messages, the module) that uses them; a
 * group is its own interface so that an element's author adds keys in one place, and its strings
 * are one part (`parts/<element>.ts`, the guard's `guard-messages.ts`) that only that element
 * loads. A key more than one element shows is in `CommonStrings`, the part every element shares.
 * Keys are prefixed by their group (`charter…`, `share…`) so that `Partial<Catalogue>` stays a
 * flat, one-level override that each part takes its own keys from.
 */
import type { Detector, Network, Period, Severity, Verdict } from '../model/index.js';

/** What more than one element shows: loading, errors, not configured, people, networks, the charter's link. */
export interface CommonStrings {
  /** Shown while data loads. */
  loading: string;
  /** A load failed; shown with the retry button. */
  error: string;
  /** The data from the adapter did not have the expected shape. */
  invalidData: string;
  /** The page set Relais up wrongly (the console says how); shown to employees, so no jargon. */
  invalidConfiguration: string;
  /** The button that loads again after an error. */
  retry: string;
  /**
   * No data source is configured: a short neutral sentence for employees (developers get the
   * how-to in the console and in the `relais-error` event).
   */
  notConfigured: string;
  /** The viewer, in lists of people ("You"). */
  you: string;
  /** A person who opted out of being named. */
  anonymous: string;
  /** The group where teams too small to be shown on their own are counted together. */
  otherTeams: string;
  /** "1 point", "12 points". */
  pointsCount: (points: number, formatted: string) => string;
  /**
   * A discreet mark while the viewer's shares or acknowledgment wait on this device for the
   * server (`RelaisClient.$unsynced` is not zero): nothing is lost, nothing to do.
   */
  willSync: string;
  /** The display name of a network, or of the copy and native share actions (the card, the composer and the leaderboard name them). */
  networkName: (network: Network) => string;
  /** Opens the full text of the charter (the banner, and the card that waits for it). */
  charterRead: string;
}

/** `<charter-banner>`. */
export interface CharterStrings {
  /** The name of the banner's region (read by screen readers; not shown, the charter's title is). */
  charterTitlePrefix: string;
  /** The banner's one sentence on a first acknowledgment. */
  charterFirstTime: string;
  /** Closes the dialog or the banner. */
  charterClose: string;
  /** The label of the explicit "read and understood" checkbox. */
  charterUnderstood: string;
  /** The button that records the acknowledgment: it follows the checkbox, and says what it does. */
  charterAcknowledge: string;
  /** Shown while the acknowledgment is being recorded. */
  charterAcknowledging: string;
  /** « I confirm » pressed before the box was ticked: under the checkbox, and read with it. */
  charterTickFirst: string;
  /** Postpones the reminder. */
  charterRemindLater: string;
  /** How many more times the reminder may be postponed. */
  charterSnoozesLeft: (count: number, formatted: string) => string;
  /** Where "remind me later" was, once the last snooze is used. */
  charterNoMoreSnoozes: string;
  /** Inline mode, snoozed: the one line left in the article; `date` is already formatted. */
  charterSnoozedUntil: (date: string) => string;
  /** The disclosure that shows the summary. */
  charterSummaryToggle: string;
  /** The disclosure that shows the summary and what changed. */
  charterSummaryAndChanges: string;
  /** The state once acknowledged; `date` is already formatted. */
  charterAcknowledgedOn: (date: string) => string;
  /** Reopens the charter after it was acknowledged. */
  charterReread: string;
  /** The heading of the change note of a new version. */
  charterWhatChanged: string;
  /** The short confirmation after acknowledging. */
  charterThanks: string;
  /** The confirmation after acknowledging while the server could not be reached: kept on this device, sent later. */
  charterThanksWillSync: string;
  /** The last acknowledgment is older than the renewal period; `date` is already formatted. */
  charterRenewalDue: (date: string) => string;
  /** A new version asks everyone again. */
  charterNewVersion: (version: number) => string;
  /** After "remind me later"; `date` (when the reminder comes back) is already formatted. */
  charterSnoozed: (date: string) => string;
  /** The acknowledgment could not be recorded; shown next to the acknowledge button. */
  charterAcknowledgeFailed: string;
}

/** `<share-card>`. */
export interface ShareStrings {
  /** The accessible name of a network button; `network` is the display name. */
  shareOn: (network: string) => string;
  /** The label of the editable suggested text. */
  shareEditText: string;
  /** The invitation to personalise the suggested text. */
  shareOwnWords: string;
  /** Said before a click, under the buttons: these networks (already joined as a list) get the text by the clipboard. */
  shareCopyHint: (networks: string) => string;
  /** For networks that ignore prefilled text; `network` is the display name. */
  shareTextCopied: (network: string) => string;
  /** The points a share earned. */
  sharePointsEarned: (points: number, formatted: string) => string;
  /** After a share was recorded; `network` is the display name. */
  shareShared: (network: string) => string;
  /**
   * What an action did, named from this one list, never from a button's label: « Partagé sur
   * LinkedIn. Merci ! », « Envoyé par courriel. Merci ! », « Lien copié. » (not a share: no thanks, no points).
   */
  shareDone: (network: Network) => string;
  /** The charter requires an acknowledgment first. */
  shareNeedsCharter: string;
  /** The one share button, for the chosen network: « Partager sur LinkedIn », « Envoyer par courriel ». */
  shareButton: (network: Network) => string;
  /** Where the share button is, when the text is too long for the chosen network; `used` and `limit` already formatted. */
  shareTooLong: (network: string, used: string, limit: string) => string;
  /** The label of the one network choice. */
  shareChoiceLabel: string;
  /** The guard found something that must not be published. */
  shareBlockedByGuard: string;
  /** The item has expired. */
  shareUnavailable: string;
  /** The label of the group of network buttons. */
  shareNetworksLabel: string;
  /** The prompt once the employee has written their own words. */
  shareOwnWordsThanks: string;
  /** No item has this id, or none matches the category and language. */
  shareNotFound: string;
  /** The item is not published yet; `date` is already formatted. */
  shareScheduled: (date: string) => string;
  /** The share could not be recorded. */
  shareRecordFailed: string;
  /** The clipboard refused: the employee copies by hand. */
  shareCopyFailed: string;
  /** An earlier share of this item by the viewer (« Vous l’avez envoyé par courriel le … »); `date` already formatted. */
  sharePreviously: (network: Network, date: string) => string;
  /** The label of the Mastodon server field. */
  shareMastodonLabel: string;
  /** The hint under it. */
  shareMastodonHint: string;
  /** The field holds something that is not a server name. */
  shareMastodonInvalid: string;
  /** Gives another Mastodon server; `host` is the remembered one. */
  shareMastodonChange: (host: string) => string;
  /** Shares through Mastodon's own share page instead, which asks for the server. */
  shareMastodonChooser: string;
  /** Closes the Mastodon server form. */
  shareCancel: string;
  /** Compact and inline layouts: the one button that opens the share flow in a dialog. */
  shareOpen: string;
  /** Closes the share dialog. */
  shareClose: string;
}

/** `<ambassador-leaderboard>`. */
export interface LeaderboardStrings {
  /** The element's heading. */
  leaderboardTitle: string;
  /** The element's heading in teams mode. */
  leaderboardTeamsTitle: string;
  /** The table caption of a ranking (people, or teams), with the period. */
  leaderboardCaption: (scope: 'people' | 'teams', period: Period) => string;
  leaderboardRank: string;
  leaderboardName: string;
  leaderboardTeam: string;
  leaderboardPoints: string;
  leaderboardShares: string;
  leaderboardTier: string;
  /** Teams: named contributors counted in a team's figures. */
  leaderboardMembers: string;
  /** Teams: points per contributor, the column's short visible header… */
  leaderboardAverage: string;
  /** …and what it averages, read by screen readers after it. */
  leaderboardAverageOf: string;
  /** A rank as an ordinal: « 1er », « 2e »; "1st", "2nd". */
  leaderboardOrdinal: (rank: number, formatted: string) => string;
  /** The rank cell of a viewer who has not shared in the period: no place, not the last one. */
  leaderboardNotRanked: string;
  /** Marks the viewer's row, after their name. */
  leaderboardYou: string;
  /** Marks the viewer's team. */
  leaderboardYourTeam: string;
  /** An opted-out person's row. */
  leaderboardAnonymous: string;
  /** The row that gathers teams below the minimum size. */
  leaderboardOtherTeams: string;
  /** Before the viewer's row when it is pinned below the top rows. */
  leaderboardYourRow: string;
  /** The label of the period switcher. */
  leaderboardPeriodLabel: string;
  /** The name of a period, for the switcher and the captions. */
  periodName: (period: Period) => string;
  /** A tier's heading in the tiers view: its name and threshold. */
  leaderboardTierHeading: (tier: string, minPoints: number, formatted: string) => string;
  /** The group of people below the lowest tier. */
  leaderboardNoTier: string;
  /** People a tier's list leaves out (`limit`). */
  leaderboardMore: (count: number, formatted: string) => string;
  /** The heading of the personal progress view. */
  leaderboardProgress: string;
  /** The viewer's points in the period. */
  leaderboardPointsIn: (points: number, formatted: string, period: Period) => string;
  /** The viewer's shares in the period. */
  leaderboardSharesCount: (shares: number, formatted: string) => string;
  /** The viewer's tier. */
  leaderboardYourTier: (tier: string) => string;
  /** The progress bar's label. */
  leaderboardProgressTo: (tier: string) => string;
  /** Points still needed to reach the next tier. */
  leaderboardNextTier: (points: number, formatted: string, tier: string) => string;
  /** The viewer reached the highest tier. */
  leaderboardTopTier: (tier: string) => string;
  /** The heading of the viewer's latest shares. */
  leaderboardRecent: string;
  /** Where and when the viewer shared one of their latest shares (after its title). */
  leaderboardSharedWhere: (network: string, date: string) => string;
  /** Points a share earned: « +10 points », or that it earned none (an item shared again). */
  leaderboardEarned: (points: number, formatted: string) => string;
  /** An item whose title the source no longer has. */
  leaderboardUntitled: string;
  /** The viewer opted out: their row is theirs alone. */
  leaderboardOnlyYou: string;
  /** Nobody shared in the period. */
  leaderboardEmpty: (period: Period) => string;
  /** The viewer has not shared in the period (personal view). */
  leaderboardNothingYet: (period: Period) => string;
  /** The footer: what is shown, and why some people are anonymous. */
  leaderboardPrivacy: (mode: 'ranking' | 'tiers' | 'teams' | 'personal') => string;
  /** The live announcement after the viewer shared: their new place. */
  leaderboardMovedTo: (rank: string, team: boolean) => string;
  /** The live announcement after the viewer shared: their new points, in the same place. */
  leaderboardNowPoints: (points: number, formatted: string) => string;
  /** The label of a long board's scrolling region. */
  leaderboardScroll: string;
}

/** `<post-composer-guard>`. */
export interface GuardStrings {
  /** The label of the rendered textarea. */
  guardTextLabel: string;
  /** One summary per verdict. */
  guardVerdict: (verdict: Verdict) => string;
  /** "No findings", "1 finding", "3 findings". */
  guardFindings: (count: number, formatted: string) => string;
  /** The visual length counter; both numbers already formatted. */
  guardCounter: (used: string, limit: string) => string;
  /** The counter's accessible text; both numbers already formatted. */
  guardCounterLabel: (used: string, limit: string) => string;
  /** How far the text is over the network's limit. */
  guardOverLimit: (over: number, formatted: string) => string;
  /** The button that applies a finding's suggestion. */
  guardApplySuggestion: string;
  /** The accessible name of that button, with the replacement text. */
  guardReplaceWith: (suggestion: string) => string;
  /** The fix button of a suggestion that removes the passage. */
  guardRemovePassage: string;
  /** Before the sentence as a finding's fix will leave it: "Becomes:". */
  guardPreviewLabel: string;
  /** Said where a fix cannot be applied in one click (the result could read badly). */
  guardNoOneClickFix: string;
  /** The button that selects the passage for the employee to rewrite it, where no one-click fix is safe. */
  guardEdit: string;
  /** The accessible name of that button; `excerpt` is the passage. */
  guardEditPassage: (excerpt: string) => string;
  /** The name of a finding's severity. */
  severityName: (severity: Severity) => string;
  /** The label of the network picker. */
  guardNetworkLabel: string;
  /** Says plainly where the check runs. */
  /** A lazy composer fetching the guard's code to check the text. */
  guardChecking: string;
  /** A lazy composer before its text is edited: no verdict yet, and when there will be one. */
  guardCheckedWhenEdited: string;
  guardPrivacyNote: string;
  /** The heading of the list of findings. */
  guardFindingsHeading: string;
  /** The counter close to the limit: how many characters are left. */
  guardCharactersLeft: (left: number, formatted: string) => string;
  /** The button that selects a finding's passage in the text; `excerpt` is the passage. */
  guardShowPassage: (excerpt: string) => string;
  /** Findings found but not listed (past the cap). */
  guardMoreFindings: (count: number, formatted: string) => string;
  /** Why the enclosing form cannot be sent (a blocking finding): the control's validation message. */
  guardSubmitBlocked: string;
  /** The rendered textarea is `required` and empty. */
  guardValueMissing: string;
}

/**
 * The guard's own finding messages (`relais/guard`), used when a policy rule gives none. They are
 * templates: the guard fills `{excerpt}`, `{category}`, `{network}`, `{used}`, `{limit}` and
 * `{example}`. Their texts live apart (`guard-messages.ts`), so that the guard carries no other
 * strings.
 */
export interface GuardMessageStrings {
  /** Why a built-in detector's finding is a problem. */
  guardDetectorMessage: (detector: Detector) => string;
  /** Why a term of a well-known category is a problem (`{excerpt}`); `undefined` for other categories. */
  guardCategoryMessage: (category: string) => string | undefined;
  /** Why a term of any other category is a problem (`{excerpt}`, `{category}`). */
  guardOtherCategoryMessage: string;
  /** The post is too long (`{network}`, `{used}`, `{limit}`). */
  guardLengthMessage: string;
  /** The post does not say the author works for the company (`{example}`). */
  guardDisclosureMessage: string;
}

/** What an element reads (`this.l10n.t`): the common strings and its own group (`ElementStrings<ShareStrings>`). */
export type ElementStrings<Own> = CommonStrings & Own;

/** Every string of every element, and the guard's messages. */
export interface Catalogue extends CommonStrings, CharterStrings, ShareStrings, LeaderboardStrings, GuardStrings, GuardMessageStrings {}
