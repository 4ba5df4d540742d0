/** The strings of `<share-card>` in the shipped languages (the typography of `common.ts`). */
import type { ShareStrings } from '../catalogue.js';
import { englishPlural, frenchPlural } from '../plurals.js';
import type { BuiltInStrings } from '../registry.js';
import { NBSP, NNBSP } from '../typography.js';
import { elementStrings, networkNames } from './common.js';

export const shareCardStrings: BuiltInStrings<ShareStrings> = {
  en: {
    shareOn: (network) => `Share on ${network}`,
    shareEditText: 'Edit your text',
    shareOwnWords: 'Write it in your own words: a post that sounds like you is read more.',
    shareTextCopied: (network) => `Your text is copied to the clipboard: paste it in ${network}.`,
    shareCopyHint: (networks) => `On ${networks}, your text is copied first: paste it into your post.`,
    sharePointsEarned: (points, formatted) =>
      englishPlural(points, `You earned ${formatted} point.`, `You earned ${formatted} points.`),
    shareShared: (network) => `Shared on ${network}. Thank you!`,
    shareDone: (network) =>
      network === 'copy' ? 'Link copied.' : network === 'email' ? 'Sent by email. Thank you!' : network === 'native' ? 'Shared. Thank you!' : `Shared on ${networkNames.en[network]}. Thank you!`,
    shareNeedsCharter: 'To share, first confirm that you have read the charter.',
    shareButton: (network) => (network === 'email' ? 'Send by email' : network === 'copy' || network === 'native' ? networkNames.en[network] : `Share on ${networkNames.en[network]}`),
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
      network === 'email' ? `You sent it by email on ${date}.` : network === 'native' ? `You shared it on ${date}.` : `You shared it on ${networkNames.en[network]} on ${date}.`,
    shareMastodonLabel: 'Your Mastodon server',
    shareMastodonHint: 'For example mastodon.social, or the address of your profile: the server is remembered in this browser.',
    shareMastodonInvalid: 'This is not a server name: write it like mastodon.social.',
    shareMastodonChange: (host) => `Change server (${host})`,
    shareMastodonChooser: 'Or choose your server on Mastodon’s share page',
    shareCancel: 'Cancel',
    shareOpen: 'Share',
    shareClose: 'Close',
  },
  fr: {
    shareOn: (network) => `Partager sur ${network}`,
    shareEditText: 'Modifiez votre texte',
    shareOwnWords: `Écrivez-le avec vos mots${NBSP}: un message qui vous ressemble est davantage lu.`,
    shareTextCopied: (network) => `Votre texte est copié dans le presse-papiers${NBSP}: collez-le dans ${network}.`,
    shareCopyHint: (networks) => `Sur ${networks}, votre texte est d’abord copié${NBSP}: collez-le dans votre publication.`,
    sharePointsEarned: (points, formatted) =>
      frenchPlural(
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
            : `Partagé sur ${networkNames.fr[network]}. Merci${NNBSP}!`,
    shareNeedsCharter: 'Pour partager, confirmez d’abord avoir lu la charte.',
    shareButton: (network) => (network === 'email' ? 'Envoyer par courriel' : network === 'copy' || network === 'native' ? networkNames.fr[network] : `Partager sur ${networkNames.fr[network]}`),
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
          : `Vous l’avez partagé sur ${networkNames.fr[network]} le ${date}.`,
    shareMastodonLabel: 'Votre serveur Mastodon',
    shareMastodonHint: `Par exemple mastodon.social, ou l’adresse de votre profil${NBSP}: le serveur est retenu dans ce navigateur.`,
    shareMastodonInvalid: `Ce n’est pas un nom de serveur${NBSP}: écrivez-le comme mastodon.social.`,
    shareMastodonChange: (host) => `Changer de serveur (${host})`,
    shareMastodonChooser: 'Ou choisissez votre serveur sur la page de partage de Mastodon',
    shareCancel: 'Annuler',
    shareOpen: 'Partager',
    shareClose: 'Fermer',
  },
};

/** What `<share-card>` shows, for a BCP 47 tag: the common strings and its own. */
export const shareCardStringsFor = elementStrings(shareCardStrings);
