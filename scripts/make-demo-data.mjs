#!/usr/bin/env node
// Writes demo/data/advocacy.json: the data document of "Hélioria", an invented energy-tech
// company in Lyon, for the demo pages and the tests. Plain Node, no dependencies.
//
// Everything random comes from one seeded PRNG, so running this twice gives the same file byte
// for byte: a diff of the JSON then shows only what someone changed on purpose here.
//
//   node scripts/make-demo-data.mjs          write the file
//   node scripts/make-demo-data.mjs --check  fail if the committed file is not what this script makes
//
// The script checks its own figures (counts, dates, lengths, a tie, capped points); the schema
// test (test/src/model/schemas.test.ts) validates the file against DataDocumentSchema.
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { DEMO_VIEWERS } from '../demo/demo-viewer.js';

const OUT = fileURLToPath(new URL('../demo/data/advocacy.json', import.meta.url));
const SEED = 0x4e11a;
/** The demo's "today": every date below is relative to it. */
const NOW = Date.parse('2026-11-22T10:00:00Z');
/** The first item was published on 23 June. */
const HISTORY_START = Date.parse('2026-06-23T09:00:00Z');
const HISTORY_END = Date.parse('2026-11-21T18:00:00Z');
const DAY = 86_400_000;

// ---------------------------------------------------------------------------------------------
// Seeded randomness

/** mulberry32: small, fast, and good enough for demo data. */
function mulberry32(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
const random = mulberry32(SEED);
const int = (min, max) => min + Math.floor(random() * (max - min + 1));
const chance = (p) => random() < p;

/** Picks a key of `weights` with probability proportional to its weight. */
function weighted(weights) {
  const entries = Object.entries(weights);
  let roll = random() * entries.reduce((sum, [, w]) => sum + w, 0);
  for (const [key, w] of entries) {
    roll -= w;
    if (roll < 0) return key;
  }
  return entries[entries.length - 1][0];
}

/** A version 4 UUID (RFC 9562) from the seeded PRNG: version nibble 4, variant bits 10. */
function uuidV4() {
  const bytes = Array.from({ length: 16 }, () => int(0, 255));
  bytes[6] = (bytes[6] & 0x0f) | 0x40;
  bytes[8] = (bytes[8] & 0x3f) | 0x80;
  const hex = bytes.map((b) => b.toString(16).padStart(2, '0')).join('');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

/** ISO 8601 in UTC to the minute, the way a server would store it. */
const iso = (ms) => new Date(ms).toISOString().replace(/:\d\d\.\d{3}Z$/, ':00Z');

/**
 * A moment when an employee in Lyon would plausibly share: mostly weekdays, 07:00–19:00 Paris
 * time (05:00–17:00 UTC covers summer and winter time well enough for a demo).
 */
function workMoment(from, to) {
  for (let attempt = 0; attempt < 20; attempt++) {
    const day = from + Math.floor(random() * Math.max(1, (to - from) / DAY)) * DAY;
    const date = new Date(day);
    const weekend = date.getUTCDay() === 0 || date.getUTCDay() === 6;
    if (weekend && !chance(0.15)) continue;
    date.setUTCHours(int(5, 17), int(0, 59), 0, 0);
    const ms = date.getTime();
    if (ms >= from && ms <= to) return ms;
  }
  return from + Math.floor(random() * (to - from));
}

// ---------------------------------------------------------------------------------------------
// Company

const SITE = 'https://www.helioria.example';
const MEDIA = 'https://media.helioria.example/partage';

const charter = {
  id: 'charte-reseaux-sociaux',
  version: 3,
  title: "Charte d'utilisation des réseaux sociaux",
  summary:
    "Parler d'Hélioria sur les réseaux sociaux est un choix libre, et nous sommes heureux quand vous le faites. " +
    'Cette charte rappelle ce qui peut être partagé, ce qui reste confidentiel et comment parler en votre nom propre, ' +
    'dans le respect des autres et de votre devoir de loyauté.',
  body: `<h2>Pourquoi cette charte</h2>
<p>Vous êtes nombreux à parler de votre métier et d'Hélioria sur LinkedIn, Mastodon, Bluesky ou ailleurs. Ces prises de parole comptent : elles montrent une entreprise vivante, faite de personnes. Cette charte a été écrite par les équipes Communication, Ressources humaines, Juridique, Systèmes d'information et Production, et validée par le comité de direction. Elle vous donne des repères, pas des interdits de principe.</p>
<p><strong>Participer est volontaire.</strong> Personne n'est tenu de partager quoi que ce soit, ni de lier son compte personnel à son activité professionnelle. Celles et ceux qui préfèrent garder leurs réseaux pour leur vie privée ont toute notre compréhension.</p>

<h2>Qui peut parler, et comment</h2>
<ul>
  <li>Chaque collaboratrice et chaque collaborateur peut partager les contenus publics d'Hélioria et parler de son métier.</li>
  <li>Vous parlez <strong>sous votre vrai nom</strong>, jamais sous un pseudonyme ni depuis un faux compte, et vous indiquez que vous travaillez chez Hélioria (par exemple avec <em>#ambassadeur</em> ou <em>#Helioria</em>).</li>
  <li>Vous parlez en votre nom : précisez qu'il s'agit de votre avis personnel lorsque vous donnez une opinion. Seule l'équipe Communication s'exprime au nom de l'entreprise.</li>
  <li>Les contenus « prêts à poster » sont des points de départ : reformulez-les, ajoutez votre regard. Des messages identiques publiés par tout le monde au même moment paraissent artificiels.</li>
</ul>

<h2>Ce qui reste confidentiel</h2>
<p>Ne publiez rien qui n'ait déjà été rendu public par Hélioria. En particulier :</p>
<ul>
  <li>les projets en cours et leurs noms de code, les feuilles de route, les prototypes et les photos prises dans les zones d'essai ;</li>
  <li>les noms de nos clients et de nos partenaires, sauf s'ils figurent dans une référence publiée sur notre site ;</li>
  <li>les chiffres non publiés : chiffre d'affaires, marges, carnet de commandes, prix, volumes de production ;</li>
  <li>les documents internes et les liens vers l'intranet ou vers SharePoint, y compris les captures d'écran ;</li>
  <li>les informations sur les personnes : organigrammes, absences, évaluations, situations individuelles.</li>
</ul>
<p>En cas de doute, ne publiez pas et posez la question : une réponse arrive en général dans la journée.</p>

<h2>Le ton et les sujets</h2>
<h3>Pas de contenu politique ni polémique</h3>
<p>Au nom d'Hélioria ou en lien avec votre activité chez Hélioria, évitez les prises de position politiques, les sujets polémiques et les débats qui pourraient nuire à l'image de l'entreprise ou de vos collègues. Votre liberté d'expression de citoyen reste entière sur vos comptes personnels, dans les limites fixées par la loi.</p>
<h3>Respect des autres</h3>
<ul>
  <li>Respectez les données personnelles : pas de photo d'un collègue, d'un client ou d'un visiteur sans son accord, pas d'adresse e-mail, de numéro de téléphone ou de coordonnées bancaires dans une publication.</li>
  <li>Respectez le droit d'auteur : citez vos sources, ne reprenez pas une image ou un texte sans en avoir le droit. Les visuels fournis par l'équipe Communication sont libres de droits pour vos partages.</li>
  <li>Les contenus créés avec une IA générative doivent être relus par vous et signalés comme tels s'il s'agit d'images.</li>
</ul>

<h2>Loyauté et liberté d'expression</h2>
<p>Comme tout salarié, vous avez un devoir de loyauté envers l'entreprise : ne dénigrez pas Hélioria, ses produits ou vos collègues en public. Ce devoir va de pair avec votre liberté d'expression, que cette charte ne restreint pas. Un désaccord se règle en interne, avec votre manager, les RH ou vos représentants du personnel.</p>

<h2>Vos paramètres de confidentialité</h2>
<p>Prenez quelques minutes pour régler vos paramètres : qui voit vos publications, qui peut vous identifier, quelles informations de profil sont publiques. Le guide pas à pas pour LinkedIn, Mastodon et Bluesky est sur l'intranet, rubrique « Vie pratique ».</p>

<h2>À qui poser vos questions</h2>
<p>L'équipe Communication répond à toutes vos questions à l'adresse <a href="mailto:reseaux-sociaux@helioria.example">reseaux-sociaux@helioria.example</a>. Pour une situation délicate (un commentaire hostile, une erreur publiée, une sollicitation d'un journaliste), écrivez-nous avant de répondre : nous vous aidons, sans jugement.</p>

<h2>Rappels, pas sanctions</h2>
<p>Si une publication pose problème, nous vous contacterons pour en parler et, si besoin, vous demander de la modifier ou de la retirer. L'objectif est d'apprendre ensemble. La charte est remise à chaque nouvel arrivant et nous vous demandons de la relire et de la confirmer une fois par an.</p>`,
  url: 'https://intranet.helioria.example/vie-pratique/charte-reseaux-sociaux',
  publishedAt: '2026-09-15',
  renewalDays: 365,
  requireAcknowledgment: true,
  minAcknowledgedVersion: 2,
  changeNote:
    'Version 3 : précisions sur les liens internes (intranet, SharePoint) et les captures d\'écran, ' +
    'nouvelle section sur les contenus créés avec une IA générative, Mastodon et Bluesky cités en exemple, ' +
    'nouvelle adresse de contact reseaux-sociaux@helioria.example. Pas de nouvelle obligation : ' +
    'une confirmation de la version 2 reste valable jusqu\'à son renouvellement annuel.',
};

/** Published dates are spread over the five months before NOW; one event page has expired. */
const shareables = [
  // ---- product (4 of 19, about 20 %) ----
  {
    id: 'helios-4-pilotage-temps-reel',
    title: "HéliOS 4 : le pilotage énergétique d'un site industriel, en temps réel",
    summary:
      'La nouvelle version de notre plateforme réunit production solaire, stockage et consommation sur un seul tableau de bord, avec des alertes pensées pour les équipes de maintenance.',
    url: `${SITE}/produits/helios-4-pilotage-energetique-temps-reel`,
    imageUrl: `${MEDIA}/helios-4-tableau-de-bord.jpg`,
    imageAlt: "Tableau de bord HéliOS 4 : courbes de production solaire et de consommation d'un site sur 24 heures",
    category: 'product',
    text: {
      default:
        "HéliOS 4 est en ligne : la production solaire, le stockage et la consommation d'un site industriel réunis sur un seul tableau de bord, avec des alertes que les équipes de maintenance comprennent du premier coup d'œil. Une belle étape pour toute l'équipe.",
      linkedin:
        "Une belle étape pour nous : HéliOS 4 est en ligne.\n\nConcrètement, un responsable énergie voit désormais sur un seul écran ce que produit la toiture solaire, ce que stockent les batteries et ce que consomme chaque atelier, minute par minute. Les alertes sont rédigées pour les équipes de maintenance, pas pour les ingénieurs qui ont écrit le code — et c'est ce qui me plaît le plus dans ce projet.\n\nVous pilotez l'énergie d'un site industriel ? Dites-moi ce qui vous manque le plus dans vos outils actuels.",
      x: "HéliOS 4 est en ligne : solaire, stockage et consommation d'un site industriel sur un seul écran, minute par minute. Une belle étape pour l'équipe !",
      mastodon:
        "HéliOS 4 est en ligne : production solaire, stockage et consommation d'un site industriel sur un seul tableau de bord, minute par minute, avec des alertes lisibles par les équipes de maintenance. L'article détaille ce qui change.",
    },
    hashtags: ['Helioria', 'EfficacitéÉnergétique', 'Industrie'],
    lang: 'fr',
    publishedAt: '2026-10-06T07:30:00Z',
    points: 20,
    campaign: 'Forum Énergie Lyon 2026',
  },
  {
    id: 'heliobloc-batteries-seconde-vie',
    title: 'Héliobloc : du stockage sur site avec des batteries de seconde vie',
    summary:
      'Notre module de stockage Héliobloc donne une deuxième vie à des batteries de véhicules électriques, testées et reconditionnées à Vénissieux.',
    url: `${SITE}/produits/heliobloc-stockage-batteries-seconde-vie`,
    imageUrl: `${MEDIA}/heliobloc-atelier-venissieux.jpg`,
    imageAlt: "Deux techniciennes contrôlent un module Héliobloc ouvert dans l'atelier de Vénissieux",
    category: 'product',
    text: {
      default:
        "Des batteries de voitures électriques qui stockent l'énergie solaire d'une usine pendant dix ans de plus : c'est Héliobloc, notre module de stockage de seconde vie, testé et reconditionné dans notre atelier de Vénissieux.",
      linkedin:
        "Une batterie de voiture électrique garde souvent plus de 70 % de sa capacité quand elle quitte la route. La recycler tout de suite, c'est gâcher une ressource.\n\nAvec Héliobloc, nous testons ces batteries une à une dans notre atelier de Vénissieux, nous les reconditionnons et nous les installons sur des sites industriels pour stocker leur production solaire.\n\nVoir les premiers modules sortir de l'atelier, c'est le genre de projet qui donne du sens à notre travail. Qu'en pensez-vous ?",
      x: "Des batteries de voitures électriques qui stockent le solaire d'une usine pendant dix ans de plus : c'est Héliobloc, reconditionné à Vénissieux.",
      mastodon:
        "Héliobloc : des batteries de véhicules électriques testées une à une, reconditionnées à Vénissieux, puis installées sur des sites industriels pour stocker leur production solaire. La seconde vie avant le recyclage.",
    },
    hashtags: ['Helioria', 'Stockage', 'ÉconomieCirculaire'],
    lang: 'fr',
    publishedAt: '2026-07-15T08:00:00Z',
    points: 30,
  },
  {
    id: 'appli-maintenance-terrain',
    title: 'Une appli mobile pour nos techniciens de maintenance',
    summary:
      'Plans, historiques d\'intervention et mesures en direct : notre nouvelle application accompagne les techniciens sur les toitures et dans les locaux techniques, même sans réseau.',
    url: `${SITE}/produits/application-maintenance-terrain`,
    imageUrl: `${MEDIA}/appli-maintenance-toiture.jpg`,
    imageAlt: 'Un technicien consulte une tablette sur une toiture équipée de panneaux solaires',
    category: 'product',
    text: {
      default:
        "Sur une toiture ou dans un local technique, pas toujours de réseau. Notre nouvelle appli de maintenance fonctionne hors ligne et donne aux techniciens les plans, l'historique et les mesures du site. Conçue avec eux, testée avec eux.",
      x: 'Notre nouvelle appli de maintenance marche hors ligne, sur les toitures comme dans les locaux techniques. Conçue avec nos techniciens, testée avec eux.',
    },
    hashtags: ['Helioria', 'Maintenance', 'Solaire'],
    lang: 'fr',
    publishedAt: '2026-08-27T07:00:00Z',
    points: 15,
  },
  {
    id: 'helios-open-api',
    title: 'HéliOS now has an open API for energy data',
    summary:
      'Customers can now pull their production, storage and consumption data from HéliOS into their own tools through a documented REST API.',
    url: `${SITE}/en/products/helios-open-api-energy-data`,
    imageUrl: `${MEDIA}/helios-api-schema.png`,
    imageAlt: 'Diagram: HéliOS sends energy data to spreadsheets, dashboards and building management systems',
    category: 'product',
    text: {
      default:
        "Your energy data belongs to you. HéliOS now comes with a documented open API, so sites can pull their solar production, storage and consumption data into the tools they already use.",
      linkedin:
        "Your energy data belongs to you.\n\nHéliOS now comes with a documented, open REST API: industrial sites can pull their solar production, storage and consumption data into their own dashboards, spreadsheets or building management systems, with no export by hand.\n\nIf you integrate energy data for a living, I'd love to hear what you think of it.",
      x: 'Your energy data belongs to you: HéliOS now has a documented open API to pull solar, storage and consumption data into your own tools.',
    },
    hashtags: ['Helioria', 'OpenData', 'EnergyManagement'],
    lang: 'en',
    publishedAt: '2026-09-22T08:30:00Z',
    points: 15,
  },

  // ---- culture (5 of 19, about 30 %) ----
  {
    id: 'portes-ouvertes-venissieux-2026',
    title: 'Portes ouvertes de notre atelier de Vénissieux, le 4 juillet',
    summary:
      "Visites de l'atelier de reconditionnement, démonstrations et rencontres avec les équipes : venez en famille le samedi 4 juillet.",
    url: `${SITE}/actualites/portes-ouvertes-atelier-venissieux-2026`,
    imageUrl: `${MEDIA}/portes-ouvertes-venissieux.jpg`,
    imageAlt: "Visiteurs et salariés autour d'un banc de test de batteries dans l'atelier de Vénissieux",
    category: 'culture',
    text: {
      default:
        "Le samedi 4 juillet, notre atelier de Vénissieux ouvre ses portes : visites, démonstrations de reconditionnement de batteries et rencontres avec les équipes. Venez en famille, on vous fera visiter !",
      x: "Samedi 4 juillet, l'atelier Hélioria de Vénissieux ouvre ses portes : visites, démos, rencontres. Venez en famille !",
      mastodon:
        "Samedi 4 juillet, portes ouvertes à l'atelier Hélioria de Vénissieux : visites, démonstrations de reconditionnement de batteries, rencontres avec les équipes. Entrée libre, en famille.",
    },
    hashtags: ['Helioria', 'PortesOuvertes', 'Lyon'],
    lang: 'fr',
    publishedAt: '2026-06-23T09:00:00Z',
    expiresAt: '2026-07-04T18:00:00Z',
    points: 10,
  },
  {
    id: 'rentree-alternants-2026',
    title: 'Rentrée des alternants : 14 nouveaux visages chez Hélioria',
    summary:
      'Ingénierie, maintenance, commerce, finance : quatorze alternantes et alternants nous ont rejoints en septembre, chacun avec un tuteur ou une tutrice.',
    url: `${SITE}/carrieres/rentree-alternants-2026`,
    imageUrl: `${MEDIA}/rentree-alternants-2026.jpg`,
    imageAlt: 'Photo de groupe des quatorze alternants devant le siège lyonnais, sous une ombrière solaire',
    category: 'culture',
    text: {
      default:
        "Bienvenue aux 14 alternantes et alternants qui nous ont rejoints cette rentrée, en ingénierie, maintenance, commerce et finance ! Chacun a son tuteur ou sa tutrice, et beaucoup de choses à nous apprendre aussi.",
      linkedin:
        "Cette semaine, 14 alternantes et alternants ont rejoint Hélioria, en ingénierie, maintenance, commerce et finance.\n\nOn se souvient tous de nos premières semaines dans une entreprise : beaucoup de nouveaux mots, beaucoup de questions, et l'envie de bien faire. Chacun a un tuteur ou une tutrice pour l'accompagner.\n\nBienvenue à vous, et bonne année chez nous !",
      x: 'Bienvenue aux 14 alternantes et alternants qui nous ont rejoints cette rentrée, en ingénierie, maintenance, commerce et finance !',
    },
    hashtags: ['Helioria', 'Alternance', 'Bienvenue'],
    lang: 'fr',
    publishedAt: '2026-09-08T07:00:00Z',
    points: 15,
    campaign: 'Rentrée Hélioria 2026',
  },
  {
    id: 'recrutement-techniciens-photovoltaique',
    title: 'Nous recrutons des techniciennes et techniciens de maintenance photovoltaïque',
    summary:
      'Huit postes en CDI à Lyon, Grenoble et Saint-Étienne, avec formation aux habilitations électriques et au travail en hauteur.',
    url: `${SITE}/carrieres/techniciens-maintenance-photovoltaique`,
    imageUrl: `${MEDIA}/recrutement-techniciens.jpg`,
    imageAlt: 'Une technicienne harnachée vérifie un onduleur sur une toiture industrielle',
    category: 'culture',
    text: {
      default:
        "Hélioria recrute huit techniciennes et techniciens de maintenance photovoltaïque en CDI, à Lyon, Grenoble et Saint-Étienne. Habilitations et travail en hauteur : on vous forme. Vous connaissez quelqu'un que ça pourrait intéresser ?",
      linkedin:
        "Nous recrutons huit techniciennes et techniciens de maintenance photovoltaïque en CDI, à Lyon, Grenoble et Saint-Étienne.\n\nCe que j'apprécie chez nos équipes de maintenance : on travaille en binôme, on prend le temps de former, et la sécurité passe avant le planning. Habilitations électriques et travail en hauteur sont pris en charge.\n\nSi quelqu'un de votre entourage cherche un métier concret et utile, n'hésitez pas à lui transmettre l'annonce.",
      x: 'On recrute 8 techniciennes et techniciens de maintenance photovoltaïque en CDI (Lyon, Grenoble, Saint-Étienne). On vous forme !',
      mastodon:
        "Hélioria recrute huit techniciennes et techniciens de maintenance photovoltaïque en CDI à Lyon, Grenoble et Saint-Étienne, formation aux habilitations comprise. Partages bienvenus !",
    },
    hashtags: ['Helioria', 'Recrutement', 'Emploi', 'Solaire'],
    lang: 'fr',
    publishedAt: '2026-10-13T06:30:00Z',
    points: 20,
    campaign: 'Rentrée Hélioria 2026',
  },
  {
    id: 'journee-solidaire-2026',
    title: 'Journée solidaire : 60 collègues sur le terrain avec une association de Vaulx-en-Velin',
    summary:
      "Rénovation d'un local, ateliers d'éco-gestes et réparation de vélos : notre journée solidaire annuelle, sur le temps de travail.",
    url: `${SITE}/actualites/journee-solidaire-vaulx-en-velin`,
    imageUrl: `${MEDIA}/journee-solidaire.jpg`,
    imageAlt: "Des collègues repeignent les murs d'un local associatif",
    category: 'culture',
    text: {
      default:
        "Journée solidaire réussie : 60 collègues ont repeint un local associatif, animé des ateliers d'éco-gestes et réparé une trentaine de vélos à Vaulx-en-Velin. Sur le temps de travail, et avec des souvenirs pour longtemps.",
      x: "Journée solidaire à Vaulx-en-Velin : 60 collègues, un local repeint, des ateliers d'éco-gestes et une trentaine de vélos réparés.",
    },
    hashtags: ['Helioria', 'Solidarité', 'RSE'],
    lang: 'fr',
    publishedAt: '2026-07-02T15:00:00Z',
    points: 10,
  },
  {
    id: 'challenge-mobilite-velo',
    title: 'Challenge mobilité : 12 000 km à vélo en septembre',
    summary: 'Trajets domicile-travail à vélo, à pied ou en transports en commun : le bilan de notre challenge de septembre.',
    url: `${SITE}/actualites/challenge-mobilite-septembre-2026`,
    category: 'culture',
    text: {
      default:
        "12 000 km à vélo en un mois pour aller travailler : c'est le bilan de notre challenge mobilité de septembre. Bravo à toutes celles et ceux qui ont laissé la voiture au garage, même sous la pluie !",
      x: '12 000 km à vélo en un mois pour aller travailler : joli bilan pour notre challenge mobilité de septembre. Bravo à tous les participants !',
      mastodon:
        "12 000 km à vélo en septembre pour les trajets domicile-travail des équipes Hélioria. Bravo à celles et ceux qui ont pédalé, même sous la pluie lyonnaise.",
    },
    hashtags: ['Helioria', 'MobilitéDouce', 'Vélo'],
    lang: 'fr',
    publishedAt: '2026-10-01T10:00:00Z',
    points: 5,
  },

  // ---- industry (10 of 19, about 50 %) ----
  {
    // The intranet news article of the demo (demo/intranet-news.html) shows this one under it.
    id: 'rapport-climat-2026',
    title: 'Notre rapport climat 2026 est publié',
    summary:
      "Pour la troisième année, un rapport vérifié par un tiers : nos émissions sur les trois scopes, les progrès des sites de Lyon et de Grenoble, et des engagements chiffrés pour 2030.",
    url: `${SITE}/actualites/rapport-climat-2026`,
    imageUrl: `${MEDIA}/rapport-climat-2026-couverture.jpg`,
    imageAlt: 'Couverture du rapport climat 2026 : une toiture solaire au-dessus du site de Grenoble, au lever du jour',
    category: 'industry',
    text: {
      default:
        "Notre rapport climat 2026 est publié, vérifié par un tiers pour la troisième année. On y trouve nos émissions sur les trois scopes, ce qui a progressé sur nos sites de Lyon et de Grenoble, et ce qui reste à faire d'ici 2030.",
      linkedin:
        "Publier ses émissions, c'est accepter d'être comparé. Pour la troisième année, notre rapport climat est vérifié par un tiers, scopes 1, 2 et 3 compris.\n\nCe que j'en retiens : les progrès viennent des sites où les équipes ont mesuré avant d'agir, et le scope 3 reste notre plus gros chantier.\n\nVous publiez aussi un bilan climat ? Je serais curieux de savoir ce qui a le plus aidé vos équipes.",
      x: "Notre rapport climat 2026 est publié : émissions des trois scopes vérifiées par un tiers, et des engagements chiffrés pour 2030.",
      mastodon:
        "Notre rapport climat 2026 est publié, vérifié par un tiers : émissions sur les trois scopes, progrès site par site et engagements pour 2030. Le scope 3 reste le plus gros chantier, et le rapport le dit.",
      bluesky: "Rapport climat 2026 : nos émissions sur les trois scopes, vérifiées par un tiers, et ce qui reste à faire d'ici 2030.",
    },
    hashtags: ['Helioria', 'Climat', 'RSE'],
    lang: 'fr',
    publishedAt: '2026-11-03T08:00:00Z',
    points: 25,
    campaign: 'rapport-climat-2026',
  },
  {
    id: 'autoconsommation-collective-zones-activite',
    title: "Autoconsommation collective : ce qui change pour les zones d'activité",
    summary:
      "Partager l'électricité d'une toiture solaire entre plusieurs entreprises voisines devient plus simple. Nos experts font le point.",
    url: `${SITE}/blog/autoconsommation-collective-zones-activite`,
    imageUrl: `${MEDIA}/zone-activite-toitures.jpg`,
    imageAlt: "Vue aérienne d'une zone d'activité dont plusieurs toitures sont couvertes de panneaux solaires",
    category: 'industry',
    text: {
      default:
        "Partager l'électricité d'une toiture solaire entre entreprises voisines : l'autoconsommation collective devient plus simple pour les zones d'activité. Un bon résumé de ce qui change, et des questions à se poser avant de se lancer.",
      linkedin:
        "L'autoconsommation collective, c'est la possibilité pour plusieurs entreprises voisines de partager l'électricité produite sur un toit.\n\nPour les zones d'activité, c'est une vraie piste : une toiture bien orientée peut alimenter l'atelier d'à côté, et tout le monde y gagne en prix et en visibilité sur ses coûts.\n\nCet article résume ce qui change et les questions à se poser avant de se lancer. Vous avez déjà monté une opération de ce type ? J'aimerais beaucoup avoir votre retour.",
      x: "Partager l'électricité d'une toiture solaire entre entreprises voisines : l'autoconsommation collective devient plus simple. Le point sur ce qui change.",
      mastodon:
        "Autoconsommation collective dans les zones d'activité : partager l'électricité d'une toiture solaire entre entreprises voisines devient plus simple. Ce qui change, et les questions à se poser.",
    },
    hashtags: ['Helioria', 'Autoconsommation', 'TransitionÉnergétique'],
    lang: 'fr',
    publishedAt: '2026-06-24T07:00:00Z',
    points: 15,
  },
  {
    id: 'flexibilite-sites-industriels-reseau',
    title: 'Flexibilité : quand les sites industriels soulagent le réseau électrique',
    summary:
      "Décaler une consommation de quelques heures, lisser un pic : la flexibilité devient une source de revenus pour l'industrie.",
    url: `${SITE}/blog/flexibilite-sites-industriels-reseau-electrique`,
    imageUrl: `${MEDIA}/flexibilite-courbe-charge.png`,
    imageAlt: "Graphique : une courbe de consommation industrielle dont le pic de 18 heures est déplacé vers l'après-midi",
    category: 'industry',
    text: {
      default:
        "Décaler un four de deux heures, lisser un pic de consommation : la flexibilité des sites industriels aide le réseau électrique, et devient une source de revenus. Un article clair pour comprendre comment ça marche.",
      linkedin:
        "On parle beaucoup de production d'électricité, moins de la façon dont on la consomme.\n\nUn site industriel qui décale un four de deux heures ou lisse son pic de fin de journée rend un vrai service au réseau électrique. Et ce service est désormais rémunéré.\n\nL'article explique simplement comment ça marche et quels sites peuvent en profiter. Votre entreprise a-t-elle déjà regardé ce que pèse sa flexibilité ?",
      x: 'Décaler un four de deux heures, lisser un pic : la flexibilité des sites industriels soulage le réseau, et devient une source de revenus.',
    },
    hashtags: ['Helioria', 'Flexibilité', 'RéseauÉlectrique'],
    lang: 'fr',
    publishedAt: '2026-07-08T07:30:00Z',
    points: 20,
  },
  {
    id: 'agrivoltaisme-retours-terrain',
    title: "Agrivoltaïsme : ce que disent les premiers retours de terrain",
    summary:
      'Ombrage des cultures, bien-être des troupeaux, revenus des exploitations : un tour d\'horizon des études publiées cette année.',
    url: `${SITE}/blog/agrivoltaisme-premiers-retours-terrain`,
    imageUrl: `${MEDIA}/agrivoltaisme-vignes.jpg`,
    imageAlt: 'Panneaux solaires surélevés au-dessus de rangs de vigne dans le Beaujolais',
    category: 'industry',
    text: {
      default:
        "Des panneaux au-dessus des vignes ou des prairies : que disent vraiment les premiers retours de terrain sur l'agrivoltaïsme ? Ombrage, rendements, bien-être animal, revenus : un tour d'horizon nuancé des études de l'année.",
      x: "Agrivoltaïsme : que disent vraiment les premiers retours de terrain ? Ombrage, rendements, bien-être animal : un tour d'horizon nuancé.",
      mastodon:
        "Agrivoltaïsme : un tour d'horizon nuancé des études publiées cette année — ombrage des cultures, rendements, bien-être des troupeaux, revenus des exploitations.",
    },
    hashtags: ['Helioria', 'Agrivoltaïsme', 'Agriculture'],
    lang: 'fr',
    publishedAt: '2026-07-29T06:45:00Z',
    points: 15,
  },
  {
    id: 'decret-tertiaire-echeance-2030',
    title: "Décret tertiaire : l'échéance de 2030 se prépare maintenant",
    summary:
      "Moins 40 % de consommation d'énergie en 2030 pour les bâtiments tertiaires de plus de 1 000 m² : où en sont les entreprises, et par où commencer.",
    url: `${SITE}/blog/decret-tertiaire-echeance-2030`,
    category: 'industry',
    text: {
      default:
        "Moins 40 % de consommation d'énergie d'ici 2030 pour les bâtiments tertiaires de plus de 1 000 m² : l'échéance paraît lointaine, mais les travaux se décident maintenant. Un guide pratique pour savoir par où commencer.",
      x: "Décret tertiaire : -40 % de consommation d'énergie en 2030. L'échéance paraît lointaine, mais les travaux se décident maintenant.",
    },
    hashtags: ['Helioria', 'DécretTertiaire', 'Bâtiment'],
    lang: 'fr',
    publishedAt: '2026-08-19T07:00:00Z',
    points: 10,
  },
  {
    id: 'recyclage-panneaux-solaires-filiere',
    title: 'Recyclage des panneaux solaires : une filière qui se structure',
    summary:
      "Verre, aluminium, silicium, argent : plus de 90 % d'un panneau se recycle déjà. Comment la filière se prépare aux volumes des années 2030.",
    url: `${SITE}/blog/recyclage-panneaux-solaires-filiere`,
    imageUrl: `${MEDIA}/recyclage-panneaux.jpg`,
    imageAlt: 'Panneaux solaires en fin de vie empilés sur des palettes dans un centre de tri',
    category: 'industry',
    text: {
      default:
        "« Et les panneaux solaires, on les recycle ? » C'est la question qu'on me pose le plus. Réponse : oui, plus de 90 % d'un panneau se recycle déjà, et la filière se prépare aux volumes des années 2030. Un article pour y voir clair.",
      linkedin:
        "« Et les panneaux solaires, on les recycle ? »\n\nC'est sans doute la question qu'on me pose le plus souvent. La réponse courte : oui. Verre, aluminium, cuivre, silicium, argent : plus de 90 % de la masse d'un panneau se recycle déjà.\n\nLa réponse longue est dans cet article : comment la filière s'organise pour les volumes qui arriveront dans les années 2030, et ce qui reste à améliorer. À garder sous le coude pour le prochain dîner de famille !",
      x: "« Et les panneaux solaires, on les recycle ? » Oui : plus de 90 % d'un panneau se recycle déjà. Comment la filière se prépare pour 2030.",
      mastodon:
        "Plus de 90 % de la masse d'un panneau solaire se recycle déjà : verre, aluminium, cuivre, silicium, argent. Comment la filière se structure pour les volumes des années 2030.",
    },
    hashtags: ['Helioria', 'Recyclage', 'Solaire'],
    lang: 'fr',
    publishedAt: '2026-09-15T07:00:00Z',
    points: 15,
  },
  {
    id: 'etude-pme-suivi-energie',
    title: "Étude : 7 PME industrielles sur 10 veulent mieux suivre leur consommation d'énergie",
    summary:
      "Notre enquête menée auprès de 400 dirigeants de PME d'Auvergne-Rhône-Alpes : attentes, freins et priorités pour 2027.",
    url: `${SITE}/blog/etude-pme-industrielles-suivi-energie-2026`,
    imageUrl: `${MEDIA}/etude-pme-infographie.png`,
    imageAlt: 'Infographie : 7 PME sur 10 veulent mieux suivre leur consommation, 4 sur 10 ont un outil de mesure',
    category: 'industry',
    text: {
      default:
        "7 PME industrielles sur 10 veulent mieux suivre leur consommation d'énergie, mais seulement 4 sur 10 ont un outil pour le faire. Les résultats de notre enquête auprès de 400 dirigeants d'Auvergne-Rhône-Alpes.",
      linkedin:
        "7 PME industrielles sur 10 veulent mieux suivre leur consommation d'énergie. Seulement 4 sur 10 disposent d'un outil pour le faire.\n\nC'est l'un des enseignements de l'enquête que nous avons menée auprès de 400 dirigeants de PME d'Auvergne-Rhône-Alpes. Le premier frein cité n'est pas le coût, mais le temps : personne n'a le loisir d'éplucher des factures.\n\nJe trouve ce résultat parlant. Et vous, dans votre entreprise, qui regarde la facture d'énergie ?",
      x: "7 PME industrielles sur 10 veulent mieux suivre leur consommation d'énergie, 4 sur 10 seulement ont un outil. Notre enquête auprès de 400 dirigeants.",
      mastodon:
        "Enquête auprès de 400 dirigeants de PME industrielles d'Auvergne-Rhône-Alpes : 7 sur 10 veulent mieux suivre leur consommation d'énergie, 4 sur 10 ont un outil. Premier frein cité : le temps.",
    },
    hashtags: ['Helioria', 'PME', 'Énergie', 'Étude'],
    lang: 'fr',
    publishedAt: '2026-10-20T06:30:00Z',
    points: 25,
    campaign: 'Forum Énergie Lyon 2026',
  },
  {
    id: 'behind-the-meter-storage-europe',
    title: 'Why behind-the-meter storage is taking off in Europe',
    summary:
      'Falling battery prices, volatile power prices and grid connection queues: three reasons why more factories store their own energy.',
    url: `${SITE}/en/blog/behind-the-meter-storage-europe`,
    imageUrl: `${MEDIA}/storage-europe-map.png`,
    imageAlt: 'Map of Europe shaded by the number of industrial battery installations per country',
    category: 'industry',
    text: {
      default:
        "Falling battery prices, volatile power prices and long queues for grid connections: three reasons why more European factories now store their own energy. A clear read on behind-the-meter storage.",
      x: 'Cheaper batteries, volatile power prices, long grid queues: why more European factories now store their own energy.',
      mastodon:
        "Why behind-the-meter storage is taking off in European industry: cheaper batteries, volatile power prices and long grid connection queues.",
    },
    hashtags: ['Helioria', 'EnergyStorage', 'Industry'],
    lang: 'en',
    publishedAt: '2026-11-03T08:00:00Z',
    points: 15,
  },
  {
    id: 'ppa-pme-achat-electricite',
    title: "Contrats d'achat d'électricité (PPA) : plus seulement pour les grands groupes",
    summary:
      "Acheter directement l'électricité d'une centrale solaire sur dix ou quinze ans devient possible pour des entreprises de taille moyenne. Mode d'emploi.",
    url: `${SITE}/blog/ppa-contrats-achat-electricite-pme`,
    imageUrl: `${MEDIA}/ppa-centrale-solaire.jpg`,
    imageAlt: 'Centrale solaire au sol au lever du soleil, avec des moutons entre les rangées',
    category: 'industry',
    text: {
      default:
        "Acheter l'électricité d'une centrale solaire à prix fixe pendant dix ou quinze ans : les contrats PPA ne sont plus réservés aux grands groupes. Un mode d'emploi clair pour les entreprises de taille moyenne.",
      linkedin:
        "Pendant longtemps, les contrats d'achat direct d'électricité (PPA) ont été réservés aux très grands consommateurs.\n\nCe n'est plus le cas : des offres regroupées permettent désormais à des entreprises de taille moyenne d'acheter l'électricité d'une centrale solaire à prix fixe, sur dix ou quinze ans.\n\nCet article explique les étapes, les pièges à éviter et les bonnes questions à poser. Utile si votre entreprise cherche de la visibilité sur ses coûts d'énergie.",
      x: "Acheter l'électricité d'une centrale solaire à prix fixe sur 10 ou 15 ans : les PPA ne sont plus réservés aux grands groupes. Mode d'emploi.",
    },
    hashtags: ['Helioria', 'PPA', 'Énergie'],
    lang: 'fr',
    publishedAt: '2026-11-10T07:15:00Z',
    points: 15,
  },
  {
    id: 'table-ronde-chaleur-renouvelable',
    title: "Forum Énergie Lyon : table ronde sur la chaleur renouvelable dans l'industrie",
    summary:
      "Le 3 décembre, nos experts débattent avec des industriels de la région des solutions pour décarboner la chaleur des procédés.",
    url: `${SITE}/evenements/forum-energie-lyon-2026-chaleur-renouvelable`,
    imageUrl: `${MEDIA}/forum-energie-lyon-2026.jpg`,
    imageAlt: "Affiche de la table ronde « Décarboner la chaleur industrielle », le 3 décembre à Lyon",
    category: 'industry',
    text: {
      default:
        "La chaleur représente une grande part de l'énergie consommée par l'industrie, et c'est souvent la plus difficile à décarboner. Rendez-vous le 3 décembre au Forum Énergie Lyon pour une table ronde sur la chaleur renouvelable. Vous y serez ?",
      linkedin:
        "Quand on parle de décarboner l'industrie, on pense électricité. Pourtant, c'est la chaleur des procédés — fours, séchage, vapeur — qui pèse le plus lourd, et c'est souvent la plus difficile à remplacer.\n\nLe 3 décembre, au Forum Énergie Lyon, nos experts en débattent avec des industriels de la région : pompes à chaleur haute température, solaire thermique, récupération de chaleur fatale.\n\nSi vous venez, passez voir l'équipe après la table ronde.",
      x: 'Décarboner la chaleur industrielle : table ronde le 3 décembre au Forum Énergie Lyon. Vous y serez ?',
      mastodon:
        "Table ronde le 3 décembre au Forum Énergie Lyon : décarboner la chaleur des procédés industriels (pompes à chaleur haute température, solaire thermique, chaleur fatale).",
    },
    hashtags: ['Helioria', 'ForumÉnergieLyon', 'ChaleurRenouvelable', 'Industrie'],
    lang: 'fr',
    publishedAt: '2026-11-17T08:00:00Z',
    points: 30,
    campaign: 'Forum Énergie Lyon 2026',
  },
];

// ---------------------------------------------------------------------------------------------
// People and their activity

/**
 * Activity profiles: a few very active ambassadors, a handful of regulars, many occasional
 * sharers, and some who never share (participation is voluntary).
 */
const PROFILES = {
  champion: { shares: [38, 50], personalized: 0.6 },
  regular: { shares: [12, 20], personalized: 0.45 },
  occasional: { shares: [2, 7], personalized: 0.3 },
  never: { shares: [0, 0], personalized: 0 },
  twin: { shares: [0, 0], personalized: 0.5 }, // the tie pair, generated separately below
};

// [id, displayName, team, leaderboardOptIn, profile]
const PEOPLE = [
  ['p-01', 'Élodie Marchand', 'Communication', true, 'regular'],
  ['p-02', 'Thomas Lefebvre', 'Communication', false, 'champion'],
  ['p-03', 'Sophie Garnier', 'Communication', true, 'champion'],
  ['p-04', 'Karim Benali', 'R&D', true, 'occasional'],
  ['p-05', 'Julie Fontaine', 'Commercial', true, 'regular'],
  ['p-06', 'Nicolas Perrin', 'Production', true, 'occasional'],
  ['p-07', 'Camille Rousseau', 'Communication', true, 'regular'],
  ['p-08', 'Antoine Mercier', 'R&D', true, 'regular'],
  ['p-09', 'Inès Haddad', 'R&D', false, 'occasional'],
  ['p-10', 'Mathieu Girard', 'Commercial', true, 'occasional'],
  ['p-11', 'Claire Dubois', 'R&D', true, 'champion'],
  ['p-12', 'Hugo Lambert', 'Production', true, 'twin'],
  ['p-13', 'Léa Morel', 'RH', true, 'occasional'],
  ['p-14', 'Pierre-Yves Le Gall', 'Commercial', true, 'occasional'],
  ['p-15', 'Amandine Roux', 'Finance', true, 'never'],
  ['p-16', 'Yannick Moreau', 'Commercial', true, 'champion'],
  ['p-17', 'Fatou Diallo', 'Production', true, 'occasional'],
  ['p-18', 'Guillaume Chevalier', 'R&D', true, 'occasional'],
  ['p-19', 'Manon Faure', 'Communication', true, 'regular'],
  ['p-20', 'Sébastien Blanc', 'Finance', false, 'never'],
  ['p-21', 'Aurélie Bertrand', 'RH', true, 'occasional'],
  ['p-22', 'Maxime André', 'Commercial', true, 'occasional'],
  ['p-23', 'Nadia Belkacem', 'R&D', true, 'regular'],
  ['p-24', 'Olivier Lemoine', 'Production', false, 'occasional'],
  ['p-25', 'Chloé Gauthier', 'Finance', true, 'occasional'],
  ['p-26', 'Romain Masson', 'R&D', true, 'twin'],
  ['p-27', 'Laure Picard', 'Finance', true, 'never'],
  ['p-28', 'Benoît Caron', 'Production', true, 'never'],
  ['p-29', 'Sarah Cohen', 'RH', false, 'occasional'],
  ['p-30', 'Jérôme Vidal', 'Finance', true, 'never'],
];

/**
 * A few opted-in people have a picture: abstract placeholders in demo/avatars/, at the address
 * `npm start` serves the demo on (an avatarUrl must be an absolute http(s) URL). Elsewhere (another
 * port, the tests) the picture fails and the initials show, as they do for everyone else.
 */
const DEMO_ORIGIN = 'http://localhost:5173';
const WITH_PICTURE = new Set(['p-03', 'p-08', 'p-11', 'p-19']);
const people = PEOPLE.map(([id, displayName, team, leaderboardOptIn]) => ({
  id,
  displayName,
  team,
  ...(WITH_PICTURE.has(id) ? { avatarUrl: `${DEMO_ORIGIN}/demo/avatars/${id}.svg` } : {}),
  leaderboardOptIn,
}));

/** LinkedIn first, as in real advocacy programmes; the others for variety. */
const NETWORK_WEIGHTS = {
  linkedin: 44,
  x: 11,
  teams: 8,
  mastodon: 7,
  email: 6,
  copy: 6,
  bluesky: 5,
  whatsapp: 4,
  facebook: 4,
  threads: 2,
  native: 2,
  telegram: 1,
};

const window_ = (item) => {
  const from = Math.max(Date.parse(item.publishedAt), HISTORY_START);
  const to = Math.min(item.expiresAt ? Date.parse(item.expiresAt) : Infinity, HISTORY_END);
  return [from, to];
};

/**
 * What someone shares at a given moment: one of the items live then, most likely a fresh one
 * (shares come in the days after publication), French more than English, campaign items more.
 */
function pickItem(at) {
  const live = shareables.filter((item) => {
    const [from, to] = window_(item);
    return from <= at && at <= to;
  });
  const weights = Object.fromEntries(
    live.map((item) => {
      const ageDays = (at - Date.parse(item.publishedAt)) / DAY;
      const appeal = (item.lang === 'fr' ? 3 : 1) * (item.campaign ? 1.5 : 1) * (item.points / 10 + 1);
      return [item.id, appeal * (0.15 + Math.exp(-ageDays / 12))];
    }),
  );
  const id = weighted(weights);
  return live.find((item) => item.id === id);
}

function shareEvent(personId, item, personalized, network = weighted(NETWORK_WEIGHTS), at) {
  const [from, to] = window_(item);
  return {
    id: uuidV4(),
    shareableId: item.id,
    viewerId: personId,
    network,
    at: iso(at ?? workMoment(from, to)),
    personalized,
  };
}

const shares = [];
for (const [id, , , , profileName] of PEOPLE) {
  const profile = PROFILES[profileName];
  const n = int(profile.shares[0], profile.shares[1]);
  for (let i = 0; i < n; i++) {
    const at = workMoment(HISTORY_START, HISTORY_END);
    shares.push(shareEvent(id, pickItem(at), chance(profile.personalized), undefined, at));
  }
}

// The tie: two colleagues share the same three items (once each, different networks and moments),
// so that they have exactly the same points whatever the period or the capping rule.
const twinItems = ['flexibilite-sites-industriels-reseau', 'recyclage-panneaux-solaires-filiere', 'etude-pme-suivi-energie'];
for (const personId of ['p-12', 'p-26']) {
  for (const itemId of twinItems) {
    const item = shareables.find((s) => s.id === itemId);
    const [from] = window_(item);
    shares.push(shareEvent(personId, item, chance(0.5), undefined, workMoment(from, from + 6 * DAY)));
  }
}

// An occasional sharer who shares the same item twice on the same network, a week apart:
// capping must keep that to the item's points once.
{
  const item = shareables.find((s) => s.id === 'recrutement-techniciens-photovoltaique');
  const first = Date.parse('2026-10-14T07:42:00Z');
  shares.push(shareEvent('p-22', item, false, 'linkedin', first));
  shares.push(shareEvent('p-22', item, true, 'linkedin', first + 7 * DAY + 3_600_000));
}

shares.sort((a, b) => a.at.localeCompare(b.at) || a.id.localeCompare(b.id));

// ---------------------------------------------------------------------------------------------
// Acknowledgments: about half the people; versions 1 (too old to count), 2 and 3; some older
// than the 365-day renewal. p-07 (the document's `viewer`) confirmed version 2 over a year ago,
// so a page that takes the viewer from the document shows the banner asking to renew. The demo
// pages choose their viewer (demo/demo-viewer.js): a first visit is p-28, a newcomer with no
// acknowledgment; p-04 has only version 1, p-03 and p-02 (off the leaderboard) are up to date.

const acknowledgments = [
  ['p-04', 1, '2024-02-05T09:12:00Z'],
  ['p-10', 1, '2024-06-11T14:03:00Z'],
  ['p-17', 1, '2024-09-30T07:55:00Z'],
  ['p-11', 2, '2025-04-30T08:20:00Z'],
  ['p-03', 2, '2025-05-20T12:41:00Z'],
  ['p-23', 2, '2025-06-20T10:05:00Z'],
  ['p-07', 2, '2025-10-14T08:37:00Z'],
  ['p-05', 2, '2025-11-03T16:22:00Z'],
  ['p-01', 2, '2026-01-12T09:48:00Z'],
  ['p-21', 2, '2026-02-02T13:15:00Z'],
  ['p-08', 2, '2026-03-18T07:30:00Z'],
  ['p-13', 3, '2026-09-15T09:02:00Z'],
  ['p-03', 3, '2026-09-16T07:11:00Z'],
  ['p-02', 3, '2026-09-18T15:47:00Z'],
  ['p-11', 3, '2026-09-22T08:05:00Z'],
  ['p-16', 3, '2026-10-02T11:26:00Z'],
  ['p-19', 3, '2026-11-04T09:58:00Z'],
].map(([viewerId, version, at]) => ({ viewerId, charterId: charter.id, version, at }));

// ---------------------------------------------------------------------------------------------
// Recognition and guard policy

// Steps of taking part, not medals (VISUAL.md: no podium, no gold-silver-bronze).
const tiers = [
  { name: 'Découverte', minPoints: 0 },
  { name: 'Relais', minPoints: 50 },
  { name: 'Moteur', minPoints: 150 },
  { name: 'Porte-voix', minPoints: 250 },
];

const guardPolicy = {
  version: 1,
  internalDomains: ['intranet.helioria.example', 'helioria.sharepoint.com'],
  limits: { x: 280, mastodon: 500, bluesky: 300, threads: 500, linkedin: 3000 },
  disclosure: {
    anyOf: ['#ambassadeur', '#helioria', 'avis personnel'],
    severity: 'info',
    message: {
      fr: "Indiquez que vous travaillez chez Hélioria, par exemple avec #Helioria ou #ambassadeur : c'est plus honnête pour vos lecteurs.",
      en: 'Say that you work at Hélioria, for example with #Helioria or #ambassadeur: it is fairer to your readers.',
    },
  },
  rules: [
    {
      id: 'projets-confidentiels',
      kind: 'term',
      category: 'confidentialité',
      severity: 'block',
      terms: ['Projet Aurore', 'Zéphyr', 'Nébuleuse'],
      message: {
        fr: "Ce nom de code désigne un projet interne qui n'a pas été annoncé.",
        en: 'This code name refers to an internal project that has not been announced.',
      },
      suggestion: { text: 'un projet en cours', gender: 'm', number: 's', lang: 'fr' },
    },
    {
      id: 'clients-confidentiels',
      kind: 'term',
      category: 'confidentialité',
      severity: 'block',
      terms: ['Aciéries Bressandes', 'Groupe Ravenel', 'Verrerie Solvane', 'Laiterie du Haut-Vallon'],
      message: {
        fr: "Ce client n'a pas autorisé Hélioria à le citer publiquement.",
        en: 'This customer has not allowed Hélioria to name it in public.',
      },
      suggestion: { text: 'un grand client industriel', gender: 'm', number: 's', lang: 'fr' },
    },
    {
      id: 'sujets-politiques',
      kind: 'term',
      category: 'ton',
      severity: 'warn',
      terms: ['élection', 'grève', 'syndicat', 'parti politique', 'manifestation', 'ministre', 'gouvernement'],
      plurals: true,
      exceptions: ['grève du zèle', 'manifestation culturelle'],
      message: {
        fr: "Ce sujet peut être perçu comme politique ou polémique : la charte demande de l'éviter quand vous parlez d'Hélioria.",
        en: 'This topic may read as political or controversial: the charter asks you to avoid it when you speak about Hélioria.',
      },
    },
    {
      id: 'chiffre-affaires-non-publie',
      kind: 'pattern',
      category: 'chiffres',
      severity: 'block',
      pattern: "chiffre d['’]affaires\\s(?:de\\s|d['’]environ\\s)?\\d+",
      message: {
        fr: "Les chiffres financiers ne sont publics qu'après leur publication officielle.",
        en: 'Financial figures are public only once officially published.',
      },
      suggestion: { text: 'une belle croissance', gender: 'f', number: 's', lang: 'fr' },
    },
    {
      id: 'resultats-non-publies',
      kind: 'pattern',
      category: 'chiffres',
      severity: 'block',
      pattern: '(?:EBITDA|résultat net|carnet de commandes)\\s(?:de\\s)?\\d+',
      message: {
        fr: "Résultats et carnet de commandes restent confidentiels jusqu'à leur publication officielle.",
        en: 'Results and order book stay confidential until they are officially published.',
      },
    },
    {
      id: 'pii-email',
      kind: 'pii',
      category: 'données personnelles',
      severity: 'warn',
      detector: 'email',
      message: {
        fr: 'Une adresse e-mail dans une publication publique attire le spam et peut exposer un collègue.',
        en: 'An e-mail address in a public post attracts spam and may expose a colleague.',
      },
      suggestion: { text: 'en message privé', lang: 'fr' },
    },
    {
      id: 'pii-telephone',
      kind: 'pii',
      category: 'données personnelles',
      severity: 'warn',
      detector: 'phone',
      message: {
        fr: 'Un numéro de téléphone est une donnée personnelle : ne le publiez pas.',
        en: 'A phone number is personal data: do not publish it.',
      },
      suggestion: { text: 'en message privé', lang: 'fr' },
    },
    {
      id: 'pii-iban',
      kind: 'pii',
      category: 'données personnelles',
      severity: 'block',
      detector: 'iban',
      message: {
        fr: 'Ce texte contient un IBAN : des coordonnées bancaires ne se publient jamais.',
        en: 'This text contains an IBAN: bank details are never published.',
      },
    },
    {
      id: 'pii-carte',
      kind: 'pii',
      category: 'données personnelles',
      severity: 'block',
      detector: 'card',
      message: {
        fr: 'Ce texte semble contenir un numéro de carte bancaire.',
        en: 'This text seems to contain a payment card number.',
      },
    },
    {
      id: 'pii-nir',
      kind: 'pii',
      category: 'données personnelles',
      severity: 'block',
      detector: 'fr-nir',
      message: {
        fr: 'Ce texte contient un numéro de sécurité sociale : retirez-le.',
        en: 'This text contains a French social security number: remove it.',
      },
    },
    {
      id: 'pii-siret',
      kind: 'pii',
      category: 'confidentialité',
      severity: 'warn',
      detector: 'siret',
      message: {
        fr: "Un numéro SIRET peut identifier un client ou un fournisseur : vérifiez qu'il peut être cité.",
        en: 'A SIRET number may identify a customer or a supplier: check that it may be named.',
      },
      suggestion: { text: 'une entreprise partenaire', gender: 'f', number: 's', lang: 'fr' },
    },
    {
      id: 'lien-interne',
      kind: 'pii',
      category: 'confidentialité',
      severity: 'block',
      detector: 'internal-link',
      message: {
        fr: "Ce lien mène à l'intranet ou à SharePoint : il ne s'ouvrira pas pour vos lecteurs et révèle des informations internes.",
        en: 'This link leads to the intranet or SharePoint: it will not open for your readers and reveals internal information.',
      },
      suggestion: { text: 'https://www.helioria.example', lang: 'fr' },
    },
  ],
};

const viewerPerson = people.find((person) => person.id === 'p-07');
const viewer = {
  id: viewerPerson.id,
  displayName: viewerPerson.displayName,
  team: viewerPerson.team,
  locale: 'fr-FR',
  leaderboardOptIn: true,
};

const document = { lang: 'fr', charter, shareables, people, shares, acknowledgments, tiers, guardPolicy, viewer };

// ---------------------------------------------------------------------------------------------
// French typography (shared/VISUAL.md): the texts above are typed with a plain keyboard; what
// the demo publishes is set the way a French reader expects it. Run once over every French
// string of the document: the charter, French items (an item in another language keeps its own
// rules), the guard policy's French messages. Ids, URLs, dates and patterns are not text.

const NBSP = '\u00a0'; // before :, %, and between a number and its unit
const NNBSP = '\u202f'; // before ; ! ?, inside « », between groups of digits

/** Sets one plain-text French string: ’, « », no-break spaces. Idempotent. */
function typeset(text) {
  return text
    .replace(/'/g, '’')
    .replace(/\.\.\./g, '…')
    .replace(/«[ \u00a0\u202f]*/g, `«${NNBSP}`)
    .replace(/[ \u00a0\u202f]*»/g, `${NNBSP}»`)
    .replace(/(?<=\S)[ \u00a0]?([;!?])/g, (match, sign, offset, whole) =>
      // `?!` stays together; a URL's query is not punctuation.
      /[!?]$/.test(whole.slice(0, offset)) || /https?:\/\/\S*$/.test(whole.slice(0, offset)) ? match : `${NNBSP}${sign}`,
    )
    .replace(/(?<=\S)[ \u202f]?:(?!\/\/)/g, (match, offset, whole) =>
      /\d$/.test(whole.slice(0, offset)) && /^\d/.test(whole.slice(offset + match.length)) ? match : `${NBSP}:`,
    )
    .replace(/(\d) (?=\d{3}(?!\d))/g, `$1${NNBSP}`)
    .replace(/(\d)[ \u202f]?%/g, `$1${NBSP}%`)
    .replace(/(\d) (?=(?:km|m²|kWh|MWh|MW|h)\b)/g, `$1${NBSP}`);
}

/** Sets HTML: only the text between tags, never an attribute. */
const typesetHtml = (html) => html.replace(/(^|>)([^<]+)/g, (_, open, text) => `${open}${typeset(text)}`);

const NOT_TEXT = new Set(['id', 'url', 'imageUrl', 'avatarUrl', 'publishedAt', 'expiresAt', 'at', 'network', 'lang', 'locale', 'charterId', 'viewerId', 'shareableId', 'kind', 'severity', 'detector', 'pattern', 'flags', 'internalDomains']);

function typesetFrench(node) {
  if (Array.isArray(node)) {
    node.forEach((item, i) => {
      if (typeof item === 'string') node[i] = typeset(item);
      else typesetFrench(item);
    });
    return;
  }
  if (!node || typeof node !== 'object') return;
  // Another language keeps its own spacing rules; its apostrophes are typographic too.
  if (typeof node.lang === 'string' && !node.lang.startsWith('fr')) return typesetApostrophes(node);
  for (const [key, value] of Object.entries(node)) {
    if (key === 'en' || NOT_TEXT.has(key)) continue;
    if (typeof value === 'string') node[key] = key === 'body' ? typesetHtml(value) : typeset(value);
    else typesetFrench(value);
  }
}
function typesetApostrophes(node) {
  for (const [key, value] of Object.entries(node)) {
    if (NOT_TEXT.has(key)) continue;
    if (typeof value === 'string') node[key] = value.replace(/'/g, '’');
    else if (value && typeof value === 'object') typesetApostrophes(value);
  }
}

typesetFrench(document);

// ---------------------------------------------------------------------------------------------
// Self-checks: the figures the demo and the tests rely on.

function assert(condition, message) {
  if (!condition) {
    console.error(`make-demo-data: ${message}`);
    process.exit(1);
  }
}

const byCategory = (category) => shareables.filter((s) => s.category === category).length;
assert(shareables.length >= 14, 'at least 14 shareables');
assert(new Set(shareables.map((s) => s.id)).size === shareables.length, 'shareable ids are unique');
assert(byCategory('product') / shareables.length <= 0.25, 'about 20 % product');
assert(byCategory('industry') / shareables.length >= 0.45, 'about 50 % industry');
assert(shareables.filter((s) => s.lang === 'en').length === 2, 'two items in English');
assert(shareables.some((s) => s.expiresAt && Date.parse(s.expiresAt) < NOW), 'one expired item');
for (const s of shareables) {
  assert(s.points >= 5 && s.points <= 30, `${s.id}: points between 5 and 30`);
  const published = Date.parse(s.publishedAt);
  assert(published <= NOW && published >= Date.parse('2026-06-22T00:00:00Z'), `${s.id}: published in the last five months`);
  // X counts a URL as 23 and a hashtag with its "#": the suggested text must leave room for both.
  const x = s.text.x ?? s.text.default;
  const tags = s.hashtags.map((tag) => ` #${tag}`).join('');
  assert([...`${x} `].length + 23 + [...tags].length <= 280, `${s.id}: X text fits in 280 with URL and hashtags`);
}
assert(people.length === 30, '30 people');
const teamSizes = {};
for (const person of people) (teamSizes[person.team] ??= []).push(person);
assert(Object.keys(teamSizes).length >= 5, 'at least five teams');
assert(Object.values(teamSizes).some((members) => members.length < 5), 'one team smaller than five people');
assert(people.filter((p) => !p.leaderboardOptIn).length === 5, 'five people opted out');
assert(shares.length >= 200, 'at least 200 shares');
assert(new Set(shares.map((s) => s.id)).size === shares.length, 'share ids are unique');
const months = new Set(shares.map((s) => s.at.slice(0, 7)));
assert(months.size >= 5, 'shares over at least five months');
for (const share of shares) {
  const item = shareables.find((s) => s.id === share.shareableId);
  const at = Date.parse(share.at);
  assert(at >= Date.parse(item.publishedAt), `${share.id}: shared after publication`);
  assert(!item.expiresAt || at <= Date.parse(item.expiresAt), `${share.id}: shared before expiry`);
  assert(at < NOW, `${share.id}: in the past`);
}
const sharesPerPerson = new Map(people.map((p) => [p.id, shares.filter((s) => s.viewerId === p.id)]));
assert([...sharesPerPerson.values()].filter((list) => list.length === 0).length >= 4, 'some never share');
assert([...sharesPerPerson.values()].filter((list) => list.length >= 30).length >= 3, 'a few very active ambassadors');
// Capped points: one item counts once per person, however often it is shared.
const capped = new Map(
  [...sharesPerPerson].map(([id, list]) => {
    const items = new Set(list.map((s) => s.shareableId));
    return [id, [...items].reduce((sum, itemId) => sum + shareables.find((s) => s.id === itemId).points, 0)];
  }),
);
const repeats = [...sharesPerPerson.values()].filter((list) => new Set(list.map((s) => s.shareableId)).size < list.length);
assert(repeats.length >= 3, 'several people share the same item twice');
const totals = [...capped.values()].filter((points) => points > 0);
assert(new Set(totals).size < totals.length, 'at least one exact tie in capped points');
assert(Math.max(...totals) >= tiers[tiers.length - 1].minPoints, 'the top tier is reachable');
// The suggested texts must pass the demo's own guard: a ready-to-post item that the composer
// guard flags would teach people to ignore it. (A rough check: whole words, accents folded.)
const fold = (text) => text.normalize('NFD').replace(/\p{M}/gu, '').replace(/’/g, "'").toLowerCase();
for (const item of shareables) {
  for (const text of Object.values(item.text)) {
    const folded = ` ${fold(text).replace(/[^\p{L}\p{N}']+/gu, ' ')} `;
    for (const rule of guardPolicy.rules) {
      if (rule.kind === 'term') {
        for (const term of rule.terms) {
          const word = fold(term);
          const hit = [word, ...(rule.plurals ? [`${word}s`, `${word}x`] : [])].some((w) => folded.includes(` ${w} `));
          assert(!hit, `${item.id}: its text contains "${term}" (rule ${rule.id})`);
        }
      }
      if (rule.kind === 'pattern') assert(!new RegExp(rule.pattern, 'iu').test(text), `${item.id}: its text matches rule ${rule.id}`);
    }
    assert(!/@|intranet\.|sharepoint\./i.test(text), `${item.id}: no e-mail address or internal link in its text`);
  }
}
const ackPeople = new Set(acknowledgments.map((a) => a.viewerId));
assert(ackPeople.size >= 13 && ackPeople.size <= 17, 'about half the people acknowledged');
// The people the demo toolbar offers (demo/demo-viewer.js) must be in the situation it says.
for (const demo of DEMO_VIEWERS) {
  const person = people.find((p) => p.id === demo.id);
  assert(person && person.displayName === demo.displayName && person.team === demo.team, `demo viewer ${demo.id} is one of the people`);
  const latest = acknowledgments.filter((a) => a.viewerId === demo.id).sort((a, b) => b.version - a.version || b.at.localeCompare(a.at))[0];
  const counts = latest && latest.version >= charter.minAcknowledgedVersion;
  const current = counts && Date.parse(latest.at) + charter.renewalDays * DAY > NOW;
  const situation = !latest
    ? 'new'
    : !counts
      ? 'old-version'
      : !current
        ? 'renewal'
        : person.leaderboardOptIn
          ? 'up-to-date'
          : 'opted-out';
  assert(situation === demo.situation, `demo viewer ${demo.id} is "${demo.situation}" in the toolbar, "${situation}" in the data`);
  if (demo.situation === 'new') assert(!shares.some((s) => s.viewerId === demo.id), `the new employee ${demo.id} has not shared yet`);
}

// ---------------------------------------------------------------------------------------------
// Output

const json = `${JSON.stringify(document, null, 2)}\n`;
if (process.argv.includes('--check')) {
  let committed = '';
  try {
    committed = readFileSync(OUT, 'utf8');
  } catch {
    // missing file: reported below
  }
  assert(committed === json, `${OUT} is out of date: run node scripts/make-demo-data.mjs`);
  console.log('make-demo-data: demo/data/advocacy.json is up to date');
} else {
  mkdirSync(dirname(OUT), { recursive: true });
  writeFileSync(OUT, json);
  const distribution = [...sharesPerPerson.values()].map((list) => list.length).sort((a, b) => b - a);
  console.log(
    `make-demo-data: wrote ${OUT}\n` +
      `  ${shareables.length} shareables (${byCategory('product')} product, ${byCategory('culture')} culture, ${byCategory('industry')} industry), ` +
      `${people.length} people in ${Object.keys(teamSizes).length} teams, ${shares.length} shares over ${months.size} months, ` +
      `${acknowledgments.length} acknowledgments by ${ackPeople.size} people\n` +
      `  shares per person: ${distribution.join(' ')}`,
  );
}
