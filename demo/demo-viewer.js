/**
 * Whose eyes the demo looks through. A real page says who the viewer is (the script tag's
 * `data-viewer-id`, or an adapter's `viewer` option); the demo lets a visitor choose among a few
 * people of the demo data, each in a different situation, and says on every page whose view it is.
 *
 * Plain JavaScript with no import, so that the page that uses only the script-tag bundle can load
 * it too, and so that scripts/make-demo-data.mjs can check that the data holds these people.
 * Nothing here touches the page until a function is called.
 */

/**
 * The people a visitor can view the demo as, first the one a first visit shows. Their situation
 * is what the demo data gives them (scripts/make-demo-data.mjs and test/src/model/demo-viewers.test.ts
 * keep the two in step).
 */
export const DEMO_VIEWERS = [
  {
    id: 'p-28',
    displayName: 'Benoît Caron',
    team: 'Production',
    situation: 'new',
    label: 'nouvel arrivant, n’a pas encore lu la charte',
  },
  {
    id: 'p-04',
    displayName: 'Karim Benali',
    team: 'R&D',
    situation: 'old-version',
    label: 'a confirmé une ancienne version de la charte (version 1)',
  },
  {
    id: 'p-07',
    displayName: 'Camille Rousseau',
    team: 'Communication',
    situation: 'renewal',
    label: 'a confirmé la charte il y a plus d’un an',
  },
  {
    id: 'p-03',
    displayName: 'Sophie Garnier',
    team: 'Communication',
    situation: 'up-to-date',
    label: 'à jour, a confirmé la version en vigueur',
  },
  {
    id: 'p-02',
    displayName: 'Thomas Lefebvre',
    team: 'Communication',
    situation: 'opted-out',
    label: 'à jour, ne souhaite pas apparaître dans le classement',
  },
];

/**
 * Where the demo pages read and write (demo.ts builds the adapter): the reference server, so that
 * shares and acknowledgments persist across browsers (`npm start` runs it), or the data file alone.
 */
export const DEMO_SOURCES = [
  { id: 'rest', label: 'serveur de référence (REST)\u00a0: partagé entre navigateurs' },
  { id: 'static', label: 'fichier statique\u00a0: vos actions restent dans ce navigateur' },
  { id: 'memory', label: 'mémoire\u00a0: tout est oublié au rechargement' },
];

/** The query parameters and the session keys that remember the choices. */
export const VIEWER_PARAM = 'viewer';
export const SOURCE_PARAM = 'source';
const STORAGE_KEY = 'relais-demo:viewer';
const SOURCE_KEY = 'relais-demo:source';

function remembered(key = STORAGE_KEY) {
  try {
    return sessionStorage.getItem(key);
  } catch {
    return null; // storage refused (private mode, sandbox): the choice lasts one page
  }
}

function remember(key, value) {
  try {
    sessionStorage.setItem(key, value);
  } catch {
    // as above
  }
}

/**
 * The person the demo is viewed as: `?viewer=ID` in the address, else the choice made earlier in
 * this tab, else the new employee (a first visit). The choice is remembered for the tab.
 */
export function demoViewer(location = globalThis.location) {
  const asked = new URLSearchParams(location.search).get(VIEWER_PARAM) ?? remembered();
  const viewer = DEMO_VIEWERS.find((candidate) => candidate.id === asked) ?? DEMO_VIEWERS[0];
  remember(STORAGE_KEY, viewer.id);
  return viewer;
}

/**
 * Whether `npm start` runs the reference server (scripts/start.mjs tells Vite, which serves it on
 * the demo's own origin, under /api). Elsewhere (the test runner, a static copy of demo/), no.
 */
export function demoServerRuns() {
  return Boolean(import.meta.env?.VITE_RELAIS_DEMO_SERVER);
}

/**
 * The data source the demo reads: `?source=rest|static|memory`, else the choice made earlier in
 * this tab, else `fallback` (the reference server when `npm start` runs one, the file otherwise).
 */
export function demoSource(fallback = 'static', location = globalThis.location) {
  const asked = new URLSearchParams(location.search).get(SOURCE_PARAM) ?? remembered(SOURCE_KEY);
  const source = DEMO_SOURCES.find((candidate) => candidate.id === asked) ?? DEMO_SOURCES.find((candidate) => candidate.id === fallback);
  remember(SOURCE_KEY, source.id);
  return source;
}

/** Forgets the choice: the next page is a first visit again. */
export function forgetDemoViewer() {
  try {
    sessionStorage.removeItem(STORAGE_KEY);
    sessionStorage.removeItem(SOURCE_KEY);
  } catch {
    // as above
  }
}

/** The viewer identity that Relais takes (`StaticAdapter({ viewer })`). */
export function viewerIdentity(viewer) {
  return { id: viewer.id, displayName: viewer.displayName, team: viewer.team };
}

/**
 * Puts the demo toolbar first in the page, outside every Relais element: whose view this is, and
 * a form to view the page as someone else (it reloads the page with `?viewer=ID`); with
 * `options.source`, also which data source the page reads (`?source=…`), and `options.notice`,
 * a sentence about it (the reference server is not running…).
 */
export function showDemoToolbar(viewer = demoViewer(), doc = document, options = {}) {
  const bar = doc.createElement('form');
  bar.className = 'demo-toolbar';
  bar.method = 'get';
  bar.lang = 'fr';
  bar.setAttribute('aria-label', 'Démo');

  const who = doc.createElement('p');
  who.className = 'demo-toolbar-who';
  const name = doc.createElement('strong');
  name.textContent = viewer.displayName;
  who.append('Démo\u00a0: vous voyez cette page comme ', name, ` (${viewer.team}), ${viewer.label}.`);

  const label = doc.createElement('label');
  label.htmlFor = 'demo-viewer';
  label.textContent = 'Voir la page comme';
  const select = doc.createElement('select');
  select.id = 'demo-viewer';
  select.name = VIEWER_PARAM;
  for (const candidate of DEMO_VIEWERS) {
    const option = new Option(`${candidate.displayName}, ${candidate.label}`, candidate.id, false, candidate.id === viewer.id);
    select.append(option);
  }
  const button = doc.createElement('button');
  button.type = 'submit';
  button.textContent = 'Recharger avec cette personne';

  const controls = [label, select];
  if (options.source) {
    const sourceLabel = doc.createElement('label');
    sourceLabel.htmlFor = 'demo-source';
    sourceLabel.textContent = 'Données';
    const sources = doc.createElement('select');
    sources.id = 'demo-source';
    sources.name = SOURCE_PARAM;
    for (const candidate of DEMO_SOURCES) sources.append(new Option(candidate.label, candidate.id, false, candidate.id === options.source.id));
    controls.push(sourceLabel, sources);
  }
  button.textContent = options.source ? 'Recharger avec ces choix' : button.textContent;
  bar.append(who, ...controls, button);
  if (options.notice) {
    const notice = doc.createElement('p');
    notice.className = 'demo-toolbar-notice';
    notice.setAttribute('role', 'status');
    notice.textContent = options.notice;
    bar.append(notice);
  }
  doc.body.prepend(bar);
  return bar;
}
