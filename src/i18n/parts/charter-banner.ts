/** The strings of `<charter-banner>` in the shipped languages (the typography of `common.ts`). */
import type { CharterStrings } from '../catalogue.js';
import { englishPlural } from '../plurals.js';
import type { BuiltInStrings } from '../registry.js';
import { NBSP } from '../typography.js';
import { elementStrings } from './common.js';

export const charterBannerStrings: BuiltInStrings<CharterStrings> = {
  en: {
    charterTitlePrefix: 'Social media charter',
    charterFirstTime: 'Please read it and confirm that you have understood it.',
    charterClose: 'Close',
    charterUnderstood: 'I have read and understood the charter',
    charterAcknowledge: 'I confirm',
    charterAcknowledging: 'Saving…',
    charterTickFirst: 'Tick the box to confirm that you have read and understood the charter.',
    charterRemindLater: 'Remind me later',
    charterSnoozesLeft: (count, formatted) =>
      count === 0
        ? 'This reminder can no longer be postponed.'
        : englishPlural(count, 'You can postpone it once more.', `You can postpone it ${formatted} more times.`),
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
  },
  fr: {
    charterTitlePrefix: 'Charte des réseaux sociaux',
    charterFirstTime: 'Merci de la lire et de confirmer que vous l’avez comprise.',
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
  },
};

/** What `<charter-banner>` shows, for a BCP 47 tag: the common strings and its own. */
export const charterBannerStringsFor = elementStrings(charterBannerStrings);
