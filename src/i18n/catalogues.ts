/**
 * The whole catalogue in each shipped language, joined from the parts: every key that
 * `registerLocale` takes (`Partial<Catalogue>`), for the tests that check every string and for
 * translators. No element imports it: each reads its own part (`parts/`), so that a page pays
 * only for the strings of the elements it shows (a layer rule of `.dependency-cruiser.cjs`).
 */
import type { Catalogue } from './catalogue.js';
import { guardMessages } from './guard-messages.js';
import { ambassadorLeaderboardStrings } from './parts/ambassador-leaderboard.js';
import { charterBannerStrings } from './parts/charter-banner.js';
import { commonStrings } from './parts/common.js';
import { postComposerGuardStrings } from './parts/post-composer-guard.js';
import { shareCardStrings } from './parts/share-card.js';

/** English: the reference, which defines every key; every other locale falls back to it. */
export const en: Catalogue = {
  ...commonStrings.en,
  ...charterBannerStrings.en,
  ...shareCardStrings.en,
  ...ambassadorLeaderboardStrings.en,
  ...postComposerGuardStrings.en,
  ...guardMessages.en,
};

/** French, every key. */
export const fr: Catalogue = {
  ...commonStrings.fr,
  ...charterBannerStrings.fr,
  ...shareCardStrings.fr,
  ...ambassadorLeaderboardStrings.fr,
  ...postComposerGuardStrings.fr,
  ...guardMessages.fr,
};
