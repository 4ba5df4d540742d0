/**
 * The corpus of one-click fixes (issue 19): each sentence, and the exact text once every finding
 * with a fix has been fixed, one after the other, first by position. `null`: no one-click fix
 * may be offered (the composer shows a preview and « Modifier » instead).
 */
import { planFix } from '../../../src/guard/index.js';
import type { CompiledGuard } from '../../../src/guard/index.js';
import type { GuardPolicyInput } from '../../../src/model/index.js';

/** Fixes every finding that has a safe fix, first by position; `null` when one has none. */
export function fixAll(guard: CompiledGuard, text: string, lang: string): string | null {
  for (let round = 0; round < 20; round++) {
    const findings = guard.check(text, { locale: lang }).findings.filter((finding) => finding.suggestion !== undefined);
    const finding = findings[0];
    if (!finding) return text;
    const plan = planFix(text, finding, { lang });
    if (!plan || plan.unsafe) return null;
    text = plan.text;
  }
  throw new Error(`fixes do not converge on ${JSON.stringify(text)}`);
}

export const FRENCH_POLICY: GuardPolicyInput = {
  version: 1,
  internalDomains: ['intranet.helioria.example'],
  rules: [
    { id: 'projets', kind: 'term', category: 'confidential', severity: 'block', terms: ['Projet Aurore', 'Zéphyr'], suggestion: { text: 'un projet en cours' } },
    { id: 'clients', kind: 'term', category: 'confidential', severity: 'block', terms: ['Verrerie Solvane', 'Groupe Ravenel', 'Acme'], suggestion: { text: 'Un grand client industriel' } },
    { id: 'nom-de-code', kind: 'term', category: 'confidential', severity: 'block', terms: ['Nébuleuse'], suggestion: { text: 'projet interne', gender: 'm', number: 's' } },
    { id: 'site', kind: 'term', category: 'confidential', severity: 'block', terms: ['Site Delta'], suggestion: { text: 'usine', gender: 'f' } },
    { id: 'offre', kind: 'term', category: 'confidential', severity: 'block', terms: ['Dossier Orion'], suggestion: { text: 'la nouvelle offre' } },
    { id: 'hotel', kind: 'term', category: 'confidential', severity: 'warn', terms: ['Castel Brume'], suggestion: { text: 'hôtel partenaire', gender: 'm' } },
    { id: 'grace', kind: 'term', category: 'tone', severity: 'info', terms: ['grâce à'], suggestion: { text: 'avec l’aide de' } },
    { id: 'partenaires', kind: 'term', category: 'confidential', severity: 'block', terms: ['Atlas Corp'], suggestion: { text: 'des partenaires' } },
    { id: 'sans-genre', kind: 'term', category: 'confidential', severity: 'block', terms: ['Opale'], suggestion: { text: 'programme pilote' } },
    { id: 'retirer', kind: 'term', category: 'confidential', severity: 'warn', terms: ['Opération Tigre'], suggestion: { text: '' } },
    { id: 'ca', kind: 'pattern', category: 'financial', severity: 'block', pattern: "chiffre d['’]affaires\\s(?:de\\s)?\\d+", flags: 'i', suggestion: { text: 'une belle croissance' } },
    { id: 'hausse', kind: 'pattern', category: 'financial', severity: 'block', pattern: 'hausse de \\d+', suggestion: { text: 'une nette hausse' } },
    { id: 'budget', kind: 'pattern', category: 'financial', severity: 'block', pattern: 'budget de \\d+', suggestion: { text: 'un budget important' } },
    { id: 'effectif', kind: 'pattern', category: 'financial', severity: 'warn', pattern: '\\d+ salariés', suggestion: { text: 'de nombreux salariés' } },
    { id: 'courriel', kind: 'pii', category: 'personal-data', severity: 'warn', detector: 'email', suggestion: { text: 'en message privé' } },
    { id: 'telephone', kind: 'pii', category: 'personal-data', severity: 'warn', detector: 'phone', suggestion: { text: 'en message privé' } },
    { id: 'lien', kind: 'pii', category: 'confidential', severity: 'block', detector: 'internal-link', suggestion: { text: 'https://www.helioria.example' } },
  ],
};

export const ENGLISH_POLICY: GuardPolicyInput = {
  version: 1,
  rules: [
    { id: 'project', kind: 'term', category: 'confidential', severity: 'block', terms: ['Project Dawn'], suggestion: { text: 'an ongoing project', lang: 'en' } },
    { id: 'client', kind: 'term', category: 'confidential', severity: 'block', terms: ['Acme Corp'], suggestion: { text: 'A major industrial client', lang: 'en' } },
    { id: 'offer', kind: 'term', category: 'confidential', severity: 'block', terms: ['Orion'], suggestion: { text: 'upcoming offer', lang: 'en' } },
    { id: 'unit', kind: 'term', category: 'confidential', severity: 'block', terms: ['Falcon'], suggestion: { text: 'unit', lang: 'en' } },
    { id: 'drop', kind: 'term', category: 'confidential', severity: 'warn', terms: ['Operation Tiger'], suggestion: { text: '', lang: 'en' } },
    { id: 'revenue', kind: 'pattern', category: 'financial', severity: 'block', pattern: 'revenue of \\$?\\d+', flags: 'i', suggestion: { text: 'strong growth', lang: 'en' } },
    { id: 'email', kind: 'pii', category: 'personal-data', severity: 'warn', detector: 'email', suggestion: { text: 'by private message', lang: 'en' } },
    { id: 'partners', kind: 'term', category: 'confidential', severity: 'block', terms: ['Atlas Group'], suggestion: { text: 'our partners', number: 'p', lang: 'en' } },
  ],
};

export const FRENCH: ReadonlyArray<readonly [string, string | null]> = [
  // Determiners that the suggestion replaces
  ['Le Projet Aurore avance.', 'Un projet en cours avance.'],
  ['Nous lançons le Projet Aurore demain.', 'Nous lançons un projet en cours demain.'],
  ['Nous lançons notre Projet Aurore.', 'Nous lançons un projet en cours.'],
  ['Voici ce Projet Aurore.', 'Voici un projet en cours.'],
  ['Votre Projet Aurore progresse.', 'Un projet en cours progresse.'],
  ['Leurs équipes aiment leur Projet Aurore.', 'Leurs équipes aiment un projet en cours.'],
  ['Avec la Verrerie Solvane, tout va bien.', 'Avec un grand client industriel, tout va bien.'],
  ['Nous signons avec les Verrerie Solvane.', 'Nous signons avec un grand client industriel.'],
  ['Zéphyr entre en phase pilote.', 'Un projet en cours entre en phase pilote.'],
  ['Bravo à toute l’équipe Zéphyr !', null],
  // Contraction with the word before
  ['Bravo au Projet Aurore !', 'Bravo à un projet en cours !'],
  ['La fin du Projet Aurore approche.', 'La fin d’un projet en cours approche.'],
  ['Merci aux Groupe Ravenel.', 'Merci à un grand client industriel.'],
  ['Nous parlons de Zéphyr.', 'Nous parlons d’un projet en cours.'],
  ['Nous parlons de la Verrerie Solvane.', 'Nous parlons d’un grand client industriel.'],
  ['Je pense à Zéphyr.', 'Je pense à un projet en cours.'],
  ['Le lancement du Dossier Orion est prévu.', 'Le lancement de la nouvelle offre est prévu.'],
  ['Nous pensons au Dossier Orion.', 'Nous pensons à la nouvelle offre.'],
  ['Tout dépend de Dossier Orion.', 'Tout dépend de la nouvelle offre.'],
  ['La liste des Atlas Corp est longue.', 'La liste des partenaires est longue.'],
  ['Nous parlons de Atlas Corp.', 'Nous parlons de partenaires.'],
  ['Nous écrivons aux Atlas Corp.', 'Nous écrivons à des partenaires.'],
  // Elision with the word after the suggestion
  ['Nous avançons grâce à Hélène.', 'Nous avançons avec l’aide d’Hélène.'],
  ['Nous avançons grâce à Marc.', 'Nous avançons avec l’aide de Marc.'],
  ['Grâce à Isabelle, tout va bien.', 'Avec l’aide d’Isabelle, tout va bien.'],
  ['Nous avançons grâce à Acme.', 'Nous avançons avec l’aide d’un grand client industriel.'],
  // A plural in place of a singular subject: the verb would have to agree
  ['Atlas Corp signe le contrat.', null],
  ['Nous savons que Atlas Corp signe.', null],
  ['Le contrat est prêt et Atlas Corp signe demain.', null],
  ['Atlas Corp et nous signons.', 'Des partenaires et nous signons.'],
  ['Les Atlas Corp signent.', 'Des partenaires signent.'],
  ['Atlas Corp, enfin !', 'Des partenaires, enfin !'],
  ['Nous remercions Atlas Corp.', 'Nous remercions des partenaires.'],
  // Elision with the word before
  ['Fiers d’annoncer que le Projet Aurore avance.', 'Fiers d’annoncer qu’un projet en cours avance.'],
  ['Il dit que Zéphyr avance.', 'Il dit qu’un projet en cours avance.'],
  ['Il dit qu’Acme signe.', 'Il dit qu’un grand client industriel signe.'],
  ['Le retour d’Acme est bon.', 'Le retour d’un grand client industriel est bon.'],
  ['Le retour d’Acme est bon, dit-il.', 'Le retour d’un grand client industriel est bon, dit-il.'],
  ['Nous parlons d’Opale.', 'Nous parlons de programme pilote.'],
  ['Jusqu’à la Verrerie Solvane.', 'Jusqu’à un grand client industriel.'],
  ['Lorsque le Projet Aurore sera prêt, nous le dirons.', 'Lorsqu’un projet en cours sera prêt, nous le dirons.'],
  ['Puisque Zéphyr avance, nous recrutons.', 'Puisqu’un projet en cours avance, nous recrutons.'],
  ['Nous remercions Acme et le Groupe Ravenel.', 'Nous remercions un grand client industriel.'],
  // A determiner kept and agreed with the suggestion's gender
  ['Nous lançons la Nébuleuse.', 'Nous lançons le projet interne.'],
  ['Nous lançons une Nébuleuse.', 'Nous lançons un projet interne.'],
  ['Nous lançons cette Nébuleuse.', 'Nous lançons ce projet interne.'],
  ['Nous lançons notre Nébuleuse.', 'Nous lançons notre projet interne.'],
  ['Nous lançons sa Nébuleuse.', 'Nous lançons son projet interne.'],
  ['La Nébuleuse avance.', 'Le projet interne avance.'],
  ['Merci à la Nébuleuse.', 'Merci au projet interne.'],
  ['Merci à Nébuleuse.', 'Merci à projet interne.'],
  ['La fin de la Nébuleuse approche.', 'La fin du projet interne approche.'],
  ['Le nom de la Nébuleuse est secret.', 'Le nom du projet interne est secret.'],
  ['Nous visitons le Site Delta.', 'Nous visitons l’usine.'],
  ['Nous visitons ce Site Delta.', 'Nous visitons cette usine.'],
  ['Nous visitons un Site Delta.', 'Nous visitons une usine.'],
  ['Nous visitons son Site Delta.', 'Nous visitons son usine.'],
  ['Nous partons du Site Delta.', 'Nous partons de l’usine.'],
  ['Nous allons au Site Delta.', 'Nous allons à l’usine.'],
  ['Le Site Delta ouvre.', 'L’usine ouvre.'],
  ['Nous dormons au Castel Brume.', 'Nous dormons à l’hôtel partenaire.'],
  ['Nous dormons dans le Castel Brume.', 'Nous dormons dans l’hôtel partenaire.'],
  ['Nous dormons dans la Castel Brume.', 'Nous dormons dans l’hôtel partenaire.'],
  ['Nous partons de Castel Brume.', 'Nous partons d’hôtel partenaire.'],
  // No gender given where the determiner must agree: no one-click fix
  ['Nous lançons la Opale.', null],
  ['Nous lançons une Opale.', null],
  ['Nous lançons les Opale.', null],
  ['Nous lançons Opale.', 'Nous lançons programme pilote.'],
  // Capitals: at the start of a sentence, none inside one, whatever the suggestion's case
  ['Acme signe. Le Groupe Ravenel aussi.', 'Un grand client industriel signe. Un grand client industriel aussi.'],
  ['Nous remercions Acme.', 'Nous remercions un grand client industriel.'],
  ['Quelle année ! Zéphyr est lancé.', 'Quelle année ! Un projet en cours est lancé.'],
  ['Quelle année\u202f! Zéphyr est lancé.', 'Quelle année\u202f! Un projet en cours est lancé.'],
  ['Bilan :\nZéphyr est lancé.', 'Bilan :\nUn projet en cours est lancé.'],
  ['« Zéphyr est lancé », dit-elle.', '« Un projet en cours est lancé », dit-elle.'],
  ['«\u202fZéphyr est lancé\u202f», dit-elle.', '«\u202fUn projet en cours est lancé\u202f», dit-elle.'],
  ['Elle a dit «\u202fle Projet Aurore\u202f».', 'Elle a dit «\u202fun projet en cours\u202f».'],
  ['Elle a dit « le Projet Aurore ».', 'Elle a dit « un projet en cours ».'],
  ['Elle cite "Zéphyr".', 'Elle cite "un projet en cours".'],
  ['(Zéphyr est lancé.)', '(Un projet en cours est lancé.)'],
  ['LE PROJET AURORE avance.', 'Un projet en cours avance.'],
  // A noun repeated in front of the passage
  ['Le projet Zéphyr avance.', 'Un projet en cours avance.'],
  ['Nous aimons le projet Zéphyr.', 'Nous aimons un projet en cours.'],
  // Figures with their unit or scale: no fragment left
  ['Notre chiffre d’affaires de 48 millions le montre.', 'Une belle croissance le montre.'],
  ['Avec un chiffre d’affaires de 12 millions d’euros, nous grandissons.', 'Avec une belle croissance, nous grandissons.'],
  ['Le chiffre d’affaires de 3,5 M€ est atteint.', 'Une belle croissance est atteint.'],
  ['Nous visons un chiffre d’affaires de 12 k€.', 'Nous visons une belle croissance.'],
  ['Nous visons un chiffre d’affaires de 12 345 €.', 'Nous visons une belle croissance.'],
  ['Nous affichons une hausse de 40 % cette année.', 'Nous affichons une nette hausse cette année.'],
  ['Nous affichons une hausse de 40\u202f% cette année.', 'Nous affichons une nette hausse cette année.'],
  ['Nous affichons une hausse de 12,5 points.', 'Nous affichons une nette hausse.'],
  ['Un budget de 3,5 M€ est voté.', 'Un budget important est voté.'],
  ['Avec un budget de 2 milliards, tout change.', 'Avec un budget important, tout change.'],
  ['Le site compte 250 salariés.', 'Le site compte de nombreux salariés.'],
  ['Avec 250 salariés, le site grandit.', 'Avec de nombreux salariés, le site grandit.'],
  // A preposition the suggestion replaces, and the same suggestion joined by « ou », « et » or a comma
  ['Écrivez à camille.martin@helioria.example pour en savoir plus.', 'Écrivez en message privé pour en savoir plus.'],
  ['Écrivez à camille.martin@helioria.example, 06 12 34 56 78.', 'Écrivez en message privé.'],
  ['Écrivez-moi à camille.martin@helioria.example ou au 06 12 34 56 78.', 'Écrivez-moi en message privé.'],
  ['Appelez le 06 12 34 56 78 ou écrivez à camille.martin@helioria.example.', 'Appelez en message privé ou écrivez en message privé.'],
  ['Contactez camille.martin@helioria.example et 06 12 34 56 78 !', 'Contactez en message privé !'],
  ['Détails sur https://intranet.helioria.example/projets/aurore demain.', 'Détails sur https://www.helioria.example demain.'],
  // Removals at the start and the end of a sentence
  ['Opération Tigre. Nous avançons.', 'Nous avançons.'],
  ['Nous avançons. Opération Tigre.', 'Nous avançons.'],
  ['Nous avançons sur Opération Tigre.', 'Nous avançons.'],
  ['Nous avançons, Opération Tigre.', 'Nous avançons.'],
  ['Nous avançons sur le dossier et Opération Tigre.', 'Nous avançons sur le dossier.'],
  ['Opération Tigre avance bien.', null],
  ['Nous lançons Opération Tigre demain.', null],
  // Spaces: no double space, no space before a comma, no doubled word
  ['Avec  la Verrerie Solvane  , tout va bien.', 'Avec un grand client industriel, tout va bien.'],
  ['Écrivez en camille.martin@helioria.example.', 'Écrivez en message privé.'],
  ['Merci à Zéphyr et à Zéphyr.', 'Merci à un projet en cours.'],
  // Part of a word: never
  ['Le mot Zéphyrine est un prénom.', 'Le mot Zéphyrine est un prénom.'],
];

export const ENGLISH: ReadonlyArray<readonly [string, string | null]> = [
  ['Project Dawn is live.', 'An ongoing project is live.'],
  ['We launch Project Dawn today.', 'We launch an ongoing project today.'],
  ['We launch the Project Dawn today.', 'We launch an ongoing project today.'],
  ['We launch our Project Dawn today.', 'We launch an ongoing project today.'],
  ['Their Project Dawn grows.', 'An ongoing project grows.'],
  ['Thanks to Acme Corp for the trust.', 'Thanks to a major industrial client for the trust.'],
  ['Acme Corp signed. Great news!', 'A major industrial client signed. Great news!'],
  ['We met the Acme Corp team.', 'We met a major industrial client team.'],
  ['Great news! Acme Corp signed.', 'Great news! A major industrial client signed.'],
  ['“Acme Corp signed,” she said.', '“A major industrial client signed,” she said.'],
  ['She said “the Project Dawn”.', 'She said “an ongoing project”.'],
  ['We prepare the Orion launch.', 'We prepare the upcoming offer launch.'],
  ['We prepare an Orion.', 'We prepare an upcoming offer.'],
  ['We prepare a Orion.', 'We prepare an upcoming offer.'],
  ['We visit an Falcon.', 'We visit a unit.'],
  ['We visit a Falcon.', 'We visit a unit.'],
  ['We visit the Falcon.', 'We visit the unit.'],
  ['Falcon opens today.', 'Unit opens today.'],
  ['Our revenue of 12 million shows it.', 'Our strong growth shows it.'],
  ['Revenue of $4bn is ahead.', 'Strong growth is ahead.'],
  ['With revenue of 40 %, we grow.', 'With strong growth, we grow.'],
  ['We hit revenue of 3.5 million dollars.', 'We hit strong growth.'],
  ['Write to camille@helioria.example for details.', 'Write by private message for details.'],
  ['Write to camille@helioria.example or to sam@helioria.example.', 'Write by private message.'],
  ['Write at camille@helioria.example, sam@helioria.example.', 'Write by private message.'],
  ['Operation Tiger. We move on.', 'We move on.'],
  ['We move on. Operation Tiger.', 'We move on.'],
  ['We work on Operation Tiger.', 'We work.'],
  ['We move on, Operation Tiger.', 'We move on.'],
  ['Operation Tiger starts now.', null],
  ['Thanks to Project Dawn and Project Dawn.', 'Thanks to an ongoing project.'],
  ['PROJECT DAWN is live.', 'An ongoing project is live.'],
  // A plural in place of a singular subject: the verb would have to agree
  ['Atlas Group signs today.', null],
  ['We know that Atlas Group signs.', null],
  ['We thank Atlas Group.', 'We thank our partners.'],
  ['Atlas Group and we sign.', 'Our partners and we sign.'],
];
