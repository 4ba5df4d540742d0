/**
 * The French draft and the term policies the benchmarks check: built the same way for the guard
 * engine (Node) and for the composer (Chromium), so their figures compare.
 */
import type { GuardPolicyInput, Rule } from '../../src/model/index.js';
import { DETECTORS } from '../../src/model/index.js';

const PARAGRAPHS = [
  'Très fière de partager avec vous le lancement de notre nouvelle plateforme de services pour les collectivités ! ' +
    'Après dix-huit mois de travail, nos équipes de Lyon, Nantes et Lille ont conçu un outil qui simplifie la vie des agents et des usagers.',
  'Ce projet, c’est d’abord une aventure humaine : des ateliers avec plus de quarante mairies, des tests sur le terrain, ' +
    'et beaucoup d’écoute. Merci à toutes celles et ceux qui ont donné de leur temps pour nous aider à faire mieux.',
  'Concrètement, la plateforme permet de suivre les demandes d’état civil, de prendre rendez-vous en ligne et de recevoir ' +
    'une notification quand un dossier avance. Les premiers retours sont excellents : le délai moyen de traitement a baissé de 30 %.',
  'Pour en savoir plus, rendez-vous sur notre site ou écrivez à l’équipe projet : contact.collectivites@exemple-groupe.fr. ' +
    'Vous pouvez aussi nous appeler au 01 23 45 67 89, du lundi au vendredi.',
  'Nous serons présents au salon des maires à Paris en novembre, stand B42. Venez nous rencontrer, échanger sur vos besoins ' +
    'et découvrir une démonstration en avant-première. L’innovation au service du public, c’est notre fierté !',
  'Un grand bravo aussi à nos partenaires et à nos stagiaires, qui ont apporté un regard neuf. Ensemble, on va plus loin. ' +
    '#collaborateur #innovation #servicepublic #territoires 👏🚀',
];

export function frenchPost(length: number): string {
  let post = '';
  for (let k = 0; post.length < length; k++) post += `${PARAGRAPHS[k % PARAGRAPHS.length]}\n\n`;
  return post.slice(0, length);
}

/** A deterministic pseudo-random generator, so that every run checks the same policy. */
function random(seed: number): () => number {
  let state = seed;
  return () => {
    state = (Math.imul(state, 1664525) + 1013904223) >>> 0;
    return state / 2 ** 32;
  };
}

const SYLLABLES = ['ka', 'ré', 'lo', 'mi', 'tan', 'vor', 'sé', 'bu', 'gri', 'pha', 'zo', 'quen', 'ti', 'dé', 'mon', 'ra'];
// Real words of the post among the terms, so that matches happen as they would in life.
const REAL_TERMS = ['plateforme', 'mairies', 'salon des maires', 'délai moyen', 'stagiaires', 'avant-première'];

export function termPolicy(termCount: number): GuardPolicyInput {
  const next = random(termCount);
  const terms = new Set<string>(REAL_TERMS);
  while (terms.size < termCount) {
    const words = 1 + Math.floor(next() * 2);
    const phrase: string[] = [];
    for (let w = 0; w < words; w++) {
      let word = '';
      const syllables = 2 + Math.floor(next() * 3);
      for (let s = 0; s < syllables; s++) word += SYLLABLES[Math.floor(next() * SYLLABLES.length)];
      phrase.push(word);
    }
    terms.add(phrase.join(' '));
  }
  // Terms split into rules of 50, as a charter's topics would be.
  const list = [...terms];
  const rules: Rule[] = [];
  for (let from = 0; from < list.length; from += 50) {
    rules.push({
      id: `terms-${from / 50}`,
      kind: 'term',
      category: 'confidential',
      severity: 'warn',
      terms: list.slice(from, from + 50),
      plurals: from % 100 === 0,
      exceptions: [],
    });
  }
  for (const detector of DETECTORS) {
    rules.push({ id: `pii-${detector}`, kind: 'pii', category: 'pii', severity: 'block', detector, exceptions: [] });
  }
  rules.push({
    id: 'codename',
    kind: 'pattern',
    category: 'confidential',
    severity: 'warn',
    pattern: '\\bPRJ-\\d{3,5}\\b',
    exceptions: [],
  });
  return {
    version: 1,
    rules,
    internalDomains: ['intranet.exemple-groupe.fr', 'exemple-groupe.local'],
    disclosure: { anyOf: ['#collaborateur', '#salarié'], severity: 'warn' },
  };
}

