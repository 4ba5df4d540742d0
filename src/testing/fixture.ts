/**
 * The seed data of the conformance suite: a small data document whose expected leaderboards
 * were worked out by hand (see the tables below). Every test gets a fresh copy.
 */
import type { DataDocumentInput, ShareEvent } from '../model/index.js';
import type { ViewerIdentity } from '../adapters/types.js';

/** "Now" for the suite: Wednesday 18 November 2026, noon UTC. The ISO week began on Monday the 16th. */
export const CONFORMANCE_NOW = '2026-11-18T12:00:00.000Z';

/** The viewer the suite asks adapters to use. They opted out of the leaderboard (see `people`). */
export const CONFORMANCE_VIEWER: ViewerIdentity = { id: 'p-viewer', displayName: 'Camille Martin', team: 'Engineering' };

/** A share-event id (a UUID) for the `n`th event of the fixture. */
export function fixtureShareId(n: number): string {
  return `00000000-0000-4000-8000-${n.toString(16).padStart(12, '0')}`;
}

type Share = [n: number, viewerId: string, shareableId: string, network: ShareEvent['network'], at: string, personalized?: boolean];

/*
 * Expected all-time board (points are each item's points once per person):
 *   rank 1  p-dina    95 pts  5 shares  (Design, opted in, 5 items in her own words)
 *   rank 2  p-leo     60 pts  2 shares  (Legal, opted OUT: anonymous; one item has expired)
 *   rank 3  p-alice   50 pts  3 shares  (shared s-industry-fr twice: counted once)
 *   rank 3  p-bob     50 pts  3 shares  (shared s-culture-en twice)
 *   rank 3  p-chloe   50 pts  3 shares  (opted OUT: anonymous)
 *   rank 6  p-dan     35 pts  2 shares
 *   rank 6  p-eve     35 pts  2 shares
 *   rank 8  p-ghost   20 pts  1 share   (not in people: never opted in, anonymous)
 *   rank 9  p-viewer  10 pts  1 share   (opted OUT, but always sees their own row)
 * November 2026: dina 70/4; alice 50/3, bob 50/3 (rank 2); chloe 25/2 (rank 4);
 *   dan, eve, leo, viewer 10/1 (rank 5).
 * Week of 16 November: alice 50/3 (rank 1), bob 30/1 (rank 2), nobody else shared.
 * Teams, all time: only named contributors count (opted in, with shares): Alice and Bob
 *   (Engineering), Dan and Eve (Sales), Dina (Design); no team has five, so all merge into
 *   "Other teams" 265/15.
 */
const SHARES: Share[] = [
  [1, 'p-alice', 's-industry-fr', 'linkedin', '2026-11-16T10:00:00Z', true],
  [2, 'p-alice', 's-industry-fr', 'x', '2026-11-16T11:00:00Z'],
  [3, 'p-alice', 's-culture-en', 'linkedin', '2026-11-17T09:00:00Z'],
  [4, 'p-bob', 's-industry-fr', 'linkedin', '2026-11-17T10:00:00Z'],
  [5, 'p-bob', 's-culture-en', 'mastodon', '2026-11-02T10:00:00Z'],
  [6, 'p-bob', 's-culture-en', 'bluesky', '2026-11-03T10:00:00Z'],
  [7, 'p-chloe', 's-product-en', 'linkedin', '2026-10-21T10:00:00Z'],
  [8, 'p-chloe', 's-product-fr', 'linkedin', '2026-11-10T10:00:00Z'],
  [9, 'p-chloe', 's-industry-en', 'x', '2026-11-15T10:00:00Z'],
  [10, 'p-dan', 's-product-en', 'linkedin', '2026-10-22T10:00:00Z'],
  [11, 'p-dan', 's-culture-fr', 'linkedin', '2026-11-05T10:00:00Z'],
  [12, 'p-eve', 's-product-en', 'x', '2026-10-25T10:00:00Z'],
  [13, 'p-eve', 's-culture-fr', 'linkedin', '2026-11-06T10:00:00Z'],
  [14, 'p-leo', 's-expired', 'linkedin', '2026-09-10T10:00:00Z'],
  [15, 'p-leo', 's-product-fr', 'linkedin', '2026-11-11T10:00:00Z'],
  [16, 'p-dina', 's-product-fr', 'linkedin', '2026-11-10T08:00:00Z', true],
  [17, 'p-dina', 's-culture-en', 'linkedin', '2026-11-12T10:00:00Z', true],
  [18, 'p-dina', 's-industry-fr', 'bluesky', '2026-11-14T10:00:00Z', true],
  [19, 'p-dina', 's-culture-fr', 'linkedin', '2026-11-02T08:00:00Z', true],
  [20, 'p-dina', 's-product-en', 'mastodon', '2026-10-21T08:00:00Z', true],
  [21, 'p-viewer', 's-culture-fr', 'linkedin', '2026-11-04T10:00:00Z'],
  [22, 'p-ghost', 's-culture-en', 'linkedin', '2025-06-01T10:00:00Z'],
];

function shareable(id: string, category: 'product' | 'culture' | 'industry', lang: string, publishedAt: string, points: number, expiresAt?: string) {
  return {
    id,
    title: `Item ${id}`,
    summary: `Summary of ${id}`,
    url: `https://news.example.com/${id}`,
    category,
    text: { default: `Suggested text for ${id}`, x: `Short text for ${id}` },
    hashtags: [category],
    lang,
    publishedAt,
    points,
    ...(expiresAt ? { expiresAt } : {}),
  };
}

function person(id: string, displayName: string, team: string, leaderboardOptIn: boolean) {
  return { id, displayName, team, leaderboardOptIn };
}

/**
 * A fresh copy of the suite's data document: a charter at version 3, eight shareables across
 * categories and languages (one expired), sixteen people in four teams (some opted out), share
 * history with repeated shares and ties, acknowledgments, tiers and a guard policy.
 */
export function conformanceSeed(): DataDocumentInput {
  return {
    charter: {
      id: 'charter-2026',
      version: 3,
      minAcknowledgedVersion: 2,
      title: 'Social media charter',
      summary: 'Speak in your own name; keep what is confidential to yourself.',
      body: '<h2>Principles</h2><p>Use your real name.</p>',
      url: 'https://intranet.example.com/charter',
      publishedAt: '2026-09-01',
      requireAcknowledgment: true,
      changeNote: 'A new section on personal data.',
    },
    shareables: [
      shareable('s-product-fr', 'product', 'fr-FR', '2026-11-10T09:00:00Z', 10),
      shareable('s-culture-en', 'culture', 'en', '2026-11-12T09:00:00Z', 20),
      // Published at the same instant: their order must stay the same from page to page.
      shareable('s-industry-fr', 'industry', 'fr', '2026-11-14T09:00:00Z', 30),
      shareable('s-industry-en', 'industry', 'en-GB', '2026-11-14T09:00:00Z', 15),
      shareable('s-culture-fr', 'culture', 'fr', '2026-11-01', 10),
      shareable('s-product-en', 'product', 'en', '2026-10-20T08:00:00Z', 25),
      shareable('s-expired', 'industry', 'en', '2026-09-01', 50, '2026-11-01T00:00:00Z'),
      shareable('s-product-ca', 'product', 'fr-CA', '2026-11-17T10:00:00Z', 5, '2026-12-31'),
    ],
    people: [
      person('p-viewer', 'Camille Martin', 'Engineering', false),
      person('p-alice', 'Alice Bernard', 'Engineering', true),
      person('p-bob', 'Bob Durand', 'Engineering', true),
      person('p-chloe', 'Chloé Secret', 'Engineering', false),
      person('p-eng5', 'Enzo Fabre', 'Engineering', true),
      person('p-eng6', 'Emma Roux', 'Engineering', true),
      person('p-dan', 'Dan Moreau', 'Sales', true),
      person('p-eve', 'Eve Laurent', 'Sales', true),
      person('p-sales3', 'Sami Girard', 'Sales', true),
      person('p-sales4', 'Sarah Blanc', 'Sales', false),
      person('p-sales5', 'Simon Henry', 'Sales', true),
      person('p-lea', 'Léa Garnier', 'Legal', true),
      person('p-leo', 'Léo Hidden', 'Legal', false),
      person('p-dina', 'Dina Faure', 'Design', true),
      person('p-dora', 'Dora Perrin', 'Design', true),
      person('p-dim', 'Dimitri Mercier', 'Design', false),
    ],
    shares: SHARES.map(([n, viewerId, shareableId, network, at, personalized = false]) => ({
      id: fixtureShareId(n),
      shareableId,
      viewerId,
      network,
      at,
      personalized,
    })),
    acknowledgments: [
      { viewerId: 'p-viewer', charterId: 'charter-2025', version: 1, at: '2025-03-01T09:00:00Z' },
      { viewerId: 'p-viewer', charterId: 'charter-2026', version: 1, at: '2026-01-15T09:00:00Z' },
      { viewerId: 'p-viewer', charterId: 'charter-2026', version: 2, at: '2026-02-01T09:00:00Z' },
      { viewerId: 'p-alice', charterId: 'charter-2025', version: 1, at: '2025-03-02T09:00:00Z' },
      { viewerId: 'p-bob', charterId: 'charter-2026', version: 3, at: '2026-11-02T09:00:00Z' },
    ],
    tiers: [
      { name: 'Bronze', minPoints: 0 },
      { name: 'Silver', minPoints: 50 },
      { name: 'Gold', minPoints: 100 },
    ],
    guardPolicy: {
      version: 1,
      rules: [
        { id: 'politics', kind: 'term', category: 'polemic', severity: 'warn', terms: ['election'] },
        { id: 'no-email', kind: 'pii', category: 'personal-data', severity: 'block', detector: 'email' },
      ],
      internalDomains: ['intranet.example.com'],
    },
  };
}
