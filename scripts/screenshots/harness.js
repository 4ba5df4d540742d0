/* global customElements, document, location, window, InputEvent */
/**
 * Renders one element for `npm run screenshots`, from the query string: `element` (a tag of the list
 * of elements, `charter-banner` by default) and `theme`; a <charter-banner> in one `mode` and
 * `state`, a <share-card> in one `layout` and `state`, and any other element in its default state
 * inside a provider, on the demo's French data. The clock is a ManualClock: snoozes and renewals
 * are set up by moving it, never by waiting.
 */
import { defineElements } from '../../entries/elements.js';
import { MemoryAdapter } from '../../src/adapters/memory-adapter.js';
import { RelaisClient } from '../../src/client/index.js';
import { ManualClock } from '../../test/fixtures/manual-clock.js';

// Every element of the list, under its plain name: a new element needs no line here.
defineElements();

const DAY = 86_400_000;
const params = new URLSearchParams(location.search);
const mode = params.get('mode') ?? 'banner';
const state = params.get('state') ?? 'prompt-first-time';
if (params.get('theme') === 'dark') document.body.classList.add('dark');
document.documentElement.lang = params.get('lang') ?? 'fr';

const clock = new ManualClock('2026-11-22T09:00:00Z');
const data = await (await fetch('/demo/data/advocacy.json')).json();
const element = params.get('element') ?? 'charter-banner';
if (element !== 'charter-banner') {
  await (element === 'share-card' ? renderShareCard() : element === 'ambassador-leaderboard' ? renderLeaderboard() : renderDefault(element));
  // The page is done: nothing below is for the charter banner.
  await new Promise(() => {});
}

/** The page's header and article, which every element is shown in. */
function hostPage() {
  const header = document.createElement('div');
  header.className = 'site';
  header.textContent = 'Intranet Hélioria';
  const main = document.createElement('main');
  main.innerHTML = `<h1>Notre rapport climat 2026 est publié</h1>
    <p>Pour la troisième année, Hélioria publie un rapport climat vérifié par un tiers.</p>`;
  document.body.append(header, main);
  return main;
}

/**
 * Any element without states of its own here: in its default state (no attribute but its theme),
 * inside a provider on the demo's data, once it has left `loading` (if it has a `state`).
 */
async function renderDefault(tag) {
  if (!customElements.get(tag)) {
    document.body.dataset.error = `<${tag}> is not an element of the list (entries/elements.ts)`;
    return;
  }
  localStorage.clear();
  sessionStorage.clear();
  const client = new RelaisClient(new MemoryAdapter({ data, now: () => clock.now() }), { clock });
  const el = document.createElement(tag);
  el.setAttribute('theme', params.get('theme') === 'dark' ? 'dark' : 'light');
  if (tag === 'relais-provider') {
    el.client = client;
    hostPage().append(el);
  } else {
    const provider = document.createElement('relais-provider');
    provider.client = client;
    provider.append(el);
    hostPage().append(provider);
  }
  for (let i = 0; i < 300 && el.state === 'loading'; i++) await new Promise((r) => setTimeout(r, 10));
  await el.updateComplete;
  document.body.dataset.ready = el.state ?? 'default';
}

/**
 * Renders one <ambassador-leaderboard> in one `state`: a mode (`ranking`, `tiers`, `teams`,
 * `personal`), the viewer outside the top rows (`pinned`), an opted-out viewer (`opted-out`), a
 * period nobody shared in (`empty`), a board of 400 people (`long`), `loading` and `error`.
 */
async function renderLeaderboard() {
  const state = params.get('state') ?? 'ranking';
  const viewerId = data.viewer.id;
  // The demo's pictures, from this page's own server (the data names the demo server's address).
  const ownHost = (url) => new URL(new URL(url).pathname, location.href).href;
  let people = data.people
    .map((person) => (person.avatarUrl ? { ...person, avatarUrl: ownHost(person.avatarUrl) } : person))
    .map((person) => (state === 'opted-out' && person.id === viewerId ? { ...person, leaderboardOptIn: false } : person));
  let shares = data.shares;
  if (state === 'long') {
    const teams = ['Communication', 'R&D', 'Ventes', 'Industrie', 'RH', 'Finance'];
    const extra = Array.from({ length: 400 }, (_, i) => ({ id: `x-${i}`, displayName: `Collègue ${i + 1}`, team: teams[i % teams.length], leaderboardOptIn: i % 4 !== 0 }));
    people = [...people, ...extra];
    shares = [
      ...shares,
      ...extra.flatMap((person, i) =>
        data.shareables.slice(0, 1 + (i % 7)).map((item, k) => ({
          id: `00000000-0000-4000-8000-${String(i * 10 + k).padStart(12, '0')}`,
          shareableId: item.id,
          viewerId: person.id,
          network: 'linkedin',
          at: '2026-11-10T10:00:00Z',
          personalized: false,
        })),
      ),
    ];
  }
  const memory = new MemoryAdapter({ data: { ...data, people, shares: state === 'empty' ? [] : shares, viewer: people.find((person) => person.id === viewerId) }, now: () => clock.now() });
  const adapter =
    state === 'loading'
      ? Object.assign(Object.create(memory), { leaderboard: () => new Promise(() => {}) })
      : state === 'error'
        ? Object.assign(Object.create(memory), { leaderboard: () => Promise.reject(new Error('HTTP 503')) })
        : memory;
  localStorage.clear();
  sessionStorage.clear();
  const main = hostPage();
  const provider = document.createElement('relais-provider');
  provider.client = new RelaisClient(adapter, { clock });
  const board = document.createElement('ambassador-leaderboard');
  const mode = ['tiers', 'teams', 'personal'].includes(state) ? state : 'ranking';
  board.setAttribute('mode', mode);
  if (state === 'pinned') board.setAttribute('limit', '5');
  if (state === 'teams') board.setAttribute('period', 'year');
  if (state === 'personal') board.setAttribute('period', 'quarter');
  if (state === 'long') board.setAttribute('limit', 'all');
  if (state === 'ranking' || state === 'long') board.setAttribute('switchable', '');
  board.setAttribute('theme', params.get('theme') === 'dark' ? 'dark' : 'light');
  provider.append(board);
  main.append(provider);
  for (let i = 0; i < 300 && (board.state === 'loading') !== (state === 'loading'); i++) await new Promise((r) => setTimeout(r, 10));
  await board.updateComplete;
  // Pictures are requested once on screen: give them a moment to arrive.
  await new Promise((r) => setTimeout(r, 100));
  document.body.dataset.ready = board.state;
}

/**
 * Renders one <share-card> in one state (`state`), layout (`layout`) and theme, under the
 * article of the demo, on the demo's data; its picture is served by the page's own host.
 */
async function renderShareCard() {
  const state = params.get('state') ?? 'ready';
  const viewerId = data.viewer.id;
  const charter = { ...data.charter, minAcknowledgedVersion: data.charter.version };
  const others = (data.acknowledgments ?? []).filter((ack) => ack.viewerId !== viewerId);
  const picture = new URL('/scripts/screenshots/share-card-picture.svg', location.href).href;
  const shareables = data.shareables
    .map((item) => (item.imageUrl ? { ...item, imageUrl: picture } : item))
    // Scheduled: the item goes live in a week.
    .map((item) => (state === 'scheduled' && item.id === 'rapport-climat-2026' ? { ...item, publishedAt: '2026-11-29' } : item));
  const acknowledgments = state === 'gated' ? others : [...others, { viewerId, charterId: charter.id, version: charter.version, at: '2026-11-04T09:58:00Z' }];
  const memory = new MemoryAdapter({ data: { ...data, charter, shareables, acknowledgments }, now: () => clock.now() });
  const adapter =
    state === 'loading'
      ? Object.assign(Object.create(memory), { shareable: () => new Promise(() => {}) })
      : state === 'error'
        ? Object.assign(Object.create(memory), { shareable: () => Promise.reject(new Error('HTTP 503')) })
        : memory;
  localStorage.clear();
  sessionStorage.clear();
  window.open = () => null;
  const main = hostPage();
  const provider = document.createElement('relais-provider');
  if (state !== 'not-configured') provider.client = new RelaisClient(adapter, { clock });
  const card = document.createElement('share-card');
  const item = { 'not-found': 'supprime', expired: 'portes-ouvertes-venissieux-2026', long: 'helios-4-pilotage-temps-reel' }[state] ?? 'rapport-climat-2026';
  card.setAttribute('item', item);
  card.setAttribute('layout', params.get('layout') ?? 'card');
  card.setAttribute('theme', params.get('theme') === 'dark' ? 'dark' : 'light');
  provider.append(card);
  // The article goes on under the card: the card keeps its margin, and the inline layout's title lines up with the text.
  const after = Object.assign(document.createElement('p'), { textContent: 'Les chiffres détaillés, site par site, sont dans le rapport complet.' });
  main.append(provider, after);
  for (let i = 0; i < 300 && (card.state === 'loading') !== (state === 'loading'); i++) await new Promise((r) => setTimeout(r, 10));
  await card.updateComplete;
  // Compact and inline: the flow is in the dialog their « Partager » button opens.
  const flow = ['dialog', 'personalized', 'blocked', 'too-long', 'mastodon', 'shared', 'shared-closed', 'long'];
  if (flow.includes(state)) {
    card.shadowRoot.querySelector('[part~="open-button"]')?.click();
    await new Promise((r) => setTimeout(r, 50));
  }
  const composer = card.shadowRoot.querySelector('[part~="composer"]');
  for (let i = 0; i < 300 && composer && composer.state === 'loading'; i++) await new Promise((r) => setTimeout(r, 10));
  if (state === 'blocked' || state === 'personalized') {
    const area = composer.shadowRoot.querySelector('textarea');
    area.value = state === 'blocked' ? 'Le Projet Aurore avance : notre rapport climat 2026 en parle déjà.' : 'Fière de ce rapport : le scope 3 reste notre grand chantier, et on le dit.';
    area.dispatchEvent(new InputEvent('input', { bubbles: true, composed: true }));
    for (let i = 0; i < 300 && card.state !== (state === 'blocked' ? 'blocked' : 'ready'); i++) await new Promise((r) => setTimeout(r, 10));
  }
  // The one network choice, then the one share button.
  const choose = async (network) => {
    card.shadowRoot.querySelector(`[part~="networks"] input[value="${network}"]`).click();
    await card.updateComplete;
  };
  if (state === 'too-long') {
    const area = composer.shadowRoot.querySelector('textarea');
    area.value = `Mon avis sur notre rapport climat : ${'des chiffres vérifiés, scope par scope. '.repeat(9)}`.trim();
    area.dispatchEvent(new InputEvent('input', { bubbles: true, composed: true }));
    await choose('x');
    for (let i = 0; i < 300 && card.state !== 'blocked'; i++) await new Promise((r) => setTimeout(r, 10));
  }
  if (state === 'shared' || state === 'shared-closed') {
    await choose('x');
    card.shadowRoot.querySelector('[part~="share-button"]').click();
    for (let i = 0; i < 300 && card.state !== 'shared'; i++) await new Promise((r) => setTimeout(r, 10));
    for (let i = 0; i < 300 && !card.shadowRoot.querySelector('[part~="confirmation"]').textContent.trim(); i++) await new Promise((r) => setTimeout(r, 10));
  }
  // Compact and inline, once shared: the dialog closed, the card's line says where it was shared.
  if (state === 'shared-closed') card.shadowRoot.querySelector('[part~="close-button"]')?.click();
  if (state === 'mastodon') {
    await choose('mastodon');
    card.shadowRoot.querySelector('[part~="share-button"]').click();
  }
  await card.updateComplete;
  document.body.dataset.ready = card.state;
}
const viewerId = data.viewer.id;
const charter = { ...data.charter, minAcknowledgedVersion: data.charter.version };
const others = (data.acknowledgments ?? []).filter((ack) => ack.viewerId !== viewerId);
const own = (version, at) => [...others, { viewerId, charterId: charter.id, version, at }];

const seeds = {
  'prompt-new-version': { acknowledgments: own(charter.version - 1, '2026-03-10T08:00:00Z') },
  'prompt-renewal': { acknowledgments: own(charter.version, '2025-10-14T08:37:00Z') },
  acknowledged: { acknowledgments: own(charter.version, '2026-11-04T09:58:00Z') },
  'not-required': { charter: { ...charter, requireAcknowledgment: false } },
};
const memory = new MemoryAdapter({ data: { ...data, charter, acknowledgments: others, ...seeds[state] }, now: () => clock.now() });
const adapter =
  state === 'loading'
    ? Object.assign(Object.create(memory), { charter: () => new Promise(() => {}) })
    : state === 'error'
      ? Object.assign(Object.create(memory), { charter: () => Promise.reject(new Error('HTTP 503')) })
      : memory;

localStorage.clear();
sessionStorage.clear();

/**
 * Mounts a banner on a fresh client (a page load), in `parent`.
 * @returns {Promise<import('../../components/charter-banner/charter-banner.js').CharterBannerElement>}
 */
async function mount(parent, modeName, configured = true) {
  const el = document.createElement('charter-banner');
  el.setAttribute('mode', modeName);
  if (configured) {
    const provider = document.createElement('relais-provider');
    provider.client = new RelaisClient(adapter, { clock });
    provider.append(el);
    parent.append(provider);
  } else {
    parent.append(el);
  }
  for (let i = 0; i < 200 && (el.state === 'loading') !== (state === 'loading'); i++) await new Promise((r) => setTimeout(r, 10));
  await el.updateComplete;
  return el;
}

// Earlier page loads, where the viewer chose "remind me later".
const snoozes = state === 'snoozed' ? 1 : state === 'last-snooze' ? 3 : 0;
for (let i = 0; i < snoozes; i++) {
  const scratch = document.createElement('div');
  scratch.hidden = true;
  document.body.append(scratch);
  const earlier = await mount(scratch, 'banner');
  earlier.shadowRoot.querySelector('[part~="snooze-button"]').click();
  scratch.remove();
  if (state === 'last-snooze') clock.advance(4 * DAY);
}

const header = document.createElement('div');
header.className = 'site';
header.textContent = 'Intranet Hélioria';
const main = document.createElement('main');
main.innerHTML = `<h1>Notre rapport climat 2026 est publié</h1>
  <p>Pour la troisième année, Hélioria publie un rapport climat vérifié par un tiers. Il détaille nos émissions et les engagements pris pour 2030.</p>
  <p>Vous souhaitez en parler sur vos réseaux ? Relisez d’abord notre charte.</p>`;
document.body.append(header);
const el = mode === 'banner' ? await mount(document.body, mode, state !== 'not-configured') : undefined;
if (el) document.body.insertBefore(el.closest('relais-provider') ?? el, header.nextSibling);
document.body.append(main);
const target = el ?? (await mount(main, mode, state !== 'not-configured'));
if (mode !== 'banner') main.append(Object.assign(document.createElement('p'), { textContent: 'La version « prêt-à-poster » de cette actualité arrive bientôt.' }));
if (params.get('theme') === 'dark') target.setAttribute('theme', 'dark');
else target.setAttribute('theme', 'light');
await target.updateComplete;

if (params.get('open') === 'full-text') {
  target.shadowRoot.querySelector('[part~="read-button"]')?.click();
}
document.body.dataset.ready = target.state;
