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

/** The query parameter and the session key that remember the choice. */
export const VIEWER_PARAM = 'viewer';
const STORAGE_KEY = 'relais-demo:viewer';

function remembered() {
  try {
    return sessionStorage.getItem(STORAGE_KEY);
  } catch {
    return null; // storage refused (private mode, sandbox): the choice lasts one page
  }
}

/**
 * The person the demo is viewed as: `?viewer=ID` in the address, else the choice made earlier in
 * this tab, else the new employee (a first visit). The choice is remembered for the tab.
 */
export function demoViewer(location = globalThis.location) {
  const asked = new URLSearchParams(location.search).get(VIEWER_PARAM) ?? remembered();
  const viewer = DEMO_VIEWERS.find((candidate) => candidate.id === asked) ?? DEMO_VIEWERS[0];
  try {
    sessionStorage.setItem(STORAGE_KEY, viewer.id);
  } catch {
    // as above
  }
  return viewer;
}

/** Forgets the choice: the next page is a first visit again. */
export function forgetDemoViewer() {
  try {
    sessionStorage.removeItem(STORAGE_KEY);
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
 * a form to view the page as someone else (it reloads the page with `?viewer=ID`).
 */
export function showDemoToolbar(viewer = demoViewer(), doc = document) {
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

  bar.append(who, label, select, button);
  doc.body.prepend(bar);
  return bar;
}
