/**
 * Sample arguments for every function-valued string of the catalogues, and every value they
 * render: shared by the catalogue tests and the French typography scan.
 */
import type { Catalogue } from '../../../src/i18n/index.js';
import { en } from '../../../src/i18n/catalogues.js';
import { DETECTORS, NETWORKS, PERIODS, SEVERITIES } from '../../../src/model/index.js';

type FunctionKey = {
  [K in keyof Catalogue]: Catalogue[K] extends (...args: never[]) => string | undefined ? K : never;
}[keyof Catalogue];

/**
 * Arguments to call each function-valued string with. Typed so that a new function key fails
 * type checking until it gets samples here; covering 0, 1, many and every enum value.
 */
export const samples: { [K in FunctionKey]: Parameters<Catalogue[K]>[] } = {
  pointsCount: [[0, '0'], [1, '1'], [12, '12']],
  charterSnoozesLeft: [[0, '0'], [1, '1'], [3, '3']],
  charterAcknowledgedOn: [['22/11/2026']],
  charterRenewalDue: [['22/11/2026']],
  charterNewVersion: [[3]],
  charterSnoozed: [['29/11/2026']],
  charterSnoozedUntil: [['29/11/2026']],
  shareOn: [['Mastodon']],
  networkName: NETWORKS.map((network) => [network]),
  shareTextCopied: [['LinkedIn']],
  sharePointsEarned: [[1, '1'], [5, '5']],
  shareShared: [['Bluesky']],
  shareCopyHint: [['LinkedIn et Facebook']],
  shareScheduled: [['3 décembre 2026']],
  shareDone: NETWORKS.map((network) => [network]),
  shareButton: NETWORKS.map((network) => [network]),
  shareTooLong: [['X', '3\u202f760', '280']],
  sharePreviously: NETWORKS.map((network) => [network, '3 novembre 2026']),
  shareMastodonChange: [['piaille.fr']],
  leaderboardNextTier: [[1, '1', 'Gold'], [40, '40', 'Gold']],
  leaderboardTopTier: [['Gold']],
  leaderboardCaption: PERIODS.flatMap((period) => [['people', period] as const, ['teams', period] as const]),
  leaderboardOrdinal: [[1, '1'], [2, '2'], [3, '3'], [4, '4'], [11, '11'], [12, '12'], [13, '13'], [21, '21'], [22, '22'], [101, '101'], [1000, '1\u202f000']],
  leaderboardTierHeading: [['Bronze', 0, '0'], ['Gold', 200, '200']],
  leaderboardMore: [[1, '1'], [25, '25']],
  leaderboardPointsIn: PERIODS.flatMap((period) => [[0, '0', period] as const, [1, '1', period] as const, [120, '120', period] as const]),
  leaderboardSharesCount: [[0, '0'], [1, '1'], [4, '4']],
  leaderboardYourTier: [['Silver']],
  leaderboardProgressTo: [['Gold']],
  leaderboardSharedWhere: [['LinkedIn', '3 décembre 2026']],
  leaderboardEarned: [[0, '0'], [1, '1'], [10, '10']],
  leaderboardEmpty: PERIODS.map((period) => [period]),
  leaderboardNothingYet: PERIODS.map((period) => [period]),
  leaderboardPrivacy: [['ranking'], ['tiers'], ['teams'], ['personal']],
  leaderboardMovedTo: [['4e', false], ['2e', true]],
  leaderboardNowPoints: [[1, '1'], [120, '120']],
  periodName: PERIODS.map((period) => [period]),
  guardVerdict: [['pass'], ['warn'], ['block']],
  guardFindings: [[0, '0'], [1, '1'], [3, '3']],
  guardCounter: [['120', '280']],
  guardCounterLabel: [['120', '280']],
  guardOverLimit: [[1, '1'], [20, '20']],
  guardReplaceWith: [['our customer']],
  severityName: SEVERITIES.map((severity) => [severity]),
  guardDetectorMessage: DETECTORS.map((detector) => [detector]),
  guardCategoryMessage: [['confidential'], ['politics'], ['competitor'], ['profanity'], ['legal'], ['financial']],
  guardCharactersLeft: [[1, '1'], [42, '42']],
  guardShowPassage: [['Projet Aurore']],
  guardEditPassage: [['Projet Aurore']],
  guardMoreFindings: [[1, '1'], [12, '12']],
};

/** Every rendered value of a catalogue: strings as they are, functions called with each sample. */
export function renderedValues(catalogue: Catalogue): Map<string, string> {
  const values = new Map<string, string>();
  for (const key of Object.keys(en) as (keyof Catalogue)[]) {
    const value = catalogue[key];
    if (typeof value === 'string') {
      values.set(key, value);
      continue;
    }
    const calls = (samples as Record<string, unknown[][] | undefined>)[key];
    if (!calls) throw new Error(`catalogue-samples.ts: add sample arguments for "${key}"`);
    calls.forEach((args, i) => values.set(`${key}(${i})`, String((value as (...args: unknown[]) => string | undefined)(...args))));
  }
  return values;
}
