/**
 * The SQL leaderboard against `computeLeaderboard` (src/leaderboard/rules.ts): the same
 * inputs through both, the same board out, on hand-picked cases and on generated ones.
 */
import assert from 'node:assert/strict';
import { before, describe, it } from 'node:test';
import fc from 'fast-check';
import { computeLeaderboard } from '../../src/leaderboard/rules.js';
import { CATEGORIES, DataDocumentSchema, PERIODS, type Person, type Shareable, type ShareEvent, type Viewer } from '../../src/model/index.js';
import { CONFORMANCE_NOW, CONFORMANCE_VIEWER, conformanceSeed } from '../../src/testing/fixture.js';
import { leaderboard, replaceWithSeed } from '../store/index.js';
import { testDatabase } from './harness.js';

const CHARTER = conformanceSeed().charter;
const TIERS = [
  { name: 'Gold', minPoints: 100 },
  { name: 'Bronze', minPoints: 0 },
];

interface Case {
  people: Person[];
  shareables: Shareable[];
  shares: ShareEvent[];
  viewer: Viewer;
  now: Date;
  period: (typeof PERIODS)[number];
  scope: 'people' | 'teams';
  limit?: number;
  minTeamSize: number;
}

/** Stores the case's data (read-only cases may share one seeding: `seeded`). */
async function seed(input: Pick<Case, 'people' | 'shareables' | 'shares'>) {
  await replaceWithSeed(await testDatabase(), { charter: CHARTER, people: input.people, shareables: input.shareables, shares: input.shares, tiers: TIERS });
}

async function bothWays(input: Case, { seeded = false } = {}) {
  const db = await testDatabase();
  if (!seeded) await seed(input);
  const fromSql = await leaderboard(db, input);
  // The rules run on the events as the server holds them: `at` is the instant, in UTC with
  // milliseconds (a plain date is its midnight), which is what `recentShares` carries back.
  const stored = input.shares.map((event) => ({ ...event, at: new Date(Date.parse(event.at)).toISOString() }));
  const fromTs = computeLeaderboard({ ...input, shares: stored, tiers: TIERS });
  // Compared as they travel, in JSON: a key set to undefined is no key at all.
  return { fromSql: asJson(fromSql), fromTs: asJson(fromTs) };
}

describe('leaderboard: SQL parity with computeLeaderboard', () => {
  const source = DataDocumentSchema.parse(conformanceSeed());
  const viewer: Viewer = { ...CONFORMANCE_VIEWER, leaderboardOptIn: false };

  describe('on the conformance seed', () => {
    before(() => seed(source));
    for (const scope of ['people', 'teams'] as const) {
      for (const period of PERIODS) {
        for (const limit of [undefined, 0, 1, 3]) {
          it(`${scope}, ${period}, limit ${limit ?? 'none'}`, async () => {
            const { fromSql, fromTs } = await bothWays({ ...source, viewer, now: new Date(CONFORMANCE_NOW), period, scope, ...(limit !== undefined ? { limit } : {}), minTeamSize: 5 }, { seeded: true });
            assert.deepEqual(fromSql, fromTs);
          });
        }
      }
    }
  });

  it('period edges: the first and the last millisecond of an ISO week, month, quarter and year (UTC)', async () => {
    const people: Person[] = [{ id: 'p1', displayName: 'Ann', leaderboardOptIn: true }];
    const shareables = [item('i1', 10)];
    // Monday 2026-03-30 00:00 opens a week and Q2 is two days away; 2026-12-31T23:59:59.999 closes a year.
    const instants = ['2026-03-29T23:59:59.999Z', '2026-03-30T00:00:00.000Z', '2026-03-31T23:59:59.999Z', '2026-04-01T00:00:00.000Z', '2026-12-31T23:59:59.999Z', '2027-01-01T00:00:00.000Z'];
    for (const at of instants) {
      const shares = [share(1, 'p1', 'i1', at)];
      await seed({ people, shareables, shares });
      for (const now of instants) {
        for (const period of PERIODS) {
          const { fromSql, fromTs } = await bothWays({ people, shareables, shares, viewer: { id: 'v', leaderboardOptIn: false }, now: new Date(now), period, scope: 'people', minTeamSize: 5 }, { seeded: true });
          assert.deepEqual(fromSql, fromTs, `share at ${at}, now ${now}, ${period}`);
        }
      }
    }
  });

  it('generated histories: people, teams, opt-outs, avatars, unknown people and items, repeats, ties, limits, the viewer\'s recent shares', async () => {
    const names = fc.stringMatching(/^[aBéÉz Z]{1,3}$/);
    const teams = fc.constantFrom('Ops', 'Équipe', 'ops', 'Zeta');
    const personArb = (id: string) =>
      fc.record({ displayName: names, team: fc.option(teams, { nil: undefined }), leaderboardOptIn: fc.boolean(), avatar: fc.boolean() }).map(
        ({ team, avatar, ...rest }): Person => ({ id, ...rest, ...(team ? { team } : {}), ...(avatar ? { avatarUrl: `https://example.com/avatars/${id}.png` } : {}) }),
      );
    const start = Date.parse('2025-12-01T00:00:00Z');
    const end = Date.parse('2027-01-15T00:00:00Z');
    const caseArb = fc
      .record({
        peopleCount: fc.integer({ min: 0, max: 10 }),
        itemPoints: fc.array(fc.integer({ min: 0, max: 40 }), { minLength: 1, maxLength: 6 }),
        itemCategories: fc.array(fc.constantFrom(...CATEGORIES), { minLength: 6, maxLength: 6 }),
        itemTitles: fc.array(names, { minLength: 6, maxLength: 6 }),
        events: fc.array(
          fc.record({
            person: fc.integer({ min: 0, max: 12 }), // 10..12: people not in the list
            // One event in four is the viewer's: their recent shares overflow the cap.
            byViewer: fc.integer({ min: 0, max: 3 }).map((n) => n === 0),
            item: fc.integer({ min: 0, max: 6 }), // 6: an item not in the catalogue
            // A few instants come back: ties on the instant are ordered by id.
            at: fc.oneof(fc.integer({ min: start, max: end }), fc.constantFrom(Date.parse('2026-03-02T10:00:00Z'), Date.parse('2026-11-18T12:00:00Z'))),
            plainDate: fc.boolean(),
            personalized: fc.boolean(),
          }),
          { maxLength: 40 },
        ),
        viewerPick: fc.integer({ min: 0, max: 11 }),
        viewerName: fc.option(names, { nil: undefined }),
        viewerTeam: fc.option(teams, { nil: undefined }),
        now: fc.integer({ min: start, max: end }),
        period: fc.constantFrom(...PERIODS),
        scope: fc.constantFrom('people' as const, 'teams' as const),
        limit: fc.option(fc.integer({ min: 0, max: 6 }), { nil: undefined }),
        minTeamSize: fc.integer({ min: 1, max: 4 }),
      })
      .chain((shape) =>
        fc.tuple(...Array.from({ length: shape.peopleCount }, (_, index) => personArb(`p${index}`))).map((people) => ({ shape, people })),
      );

    await fc.assert(
      fc.asyncProperty(caseArb, async ({ shape, people }) => {
        const shareables = shape.itemPoints.map((points, index) => item(`i${index}`, points, shape.itemCategories[index], shape.itemTitles[index]));
        const shares = shape.events.map((event, index) => {
          const at = new Date(event.at).toISOString();
          const person = event.byViewer ? shape.viewerPick : event.person;
          return share(index, `p${person}`, `i${event.item}`, event.plainDate ? at.slice(0, 10) : at, event.personalized);
        });
        const viewer: Viewer = {
          id: `p${shape.viewerPick}`,
          ...(shape.viewerName ? { displayName: shape.viewerName } : {}),
          ...(shape.viewerTeam ? { team: shape.viewerTeam } : {}),
          leaderboardOptIn: false,
        };
        const { fromSql, fromTs } = await bothWays({
          people,
          shareables,
          shares,
          viewer,
          now: new Date(shape.now),
          period: shape.period,
          scope: shape.scope,
          ...(shape.limit !== undefined ? { limit: shape.limit } : {}),
          minTeamSize: shape.minTeamSize,
        });
        assert.deepEqual(fromSql, fromTs);
      }),
      { numRuns: Number(process.env.RELAIS_PARITY_RUNS ?? 100) },
    );
  });
});

function item(id: string, points: number, category: Shareable['category'] = 'product', title = id): Shareable {
  return { id, title, url: `https://example.com/${id}`, category, text: { default: id }, hashtags: [], lang: 'en', publishedAt: '2025-01-01T00:00:00Z', points };
}

function share(n: number, viewerId: string, shareableId: string, at: string, personalized = false): ShareEvent {
  // One event in five copies the link (no share: no points, not counted), as the card records it.
  const copy = n % 5 === 4;
  // Ids in no particular order against the events' (a permutation of 0..65535): ties on the instant go by id.
  return { id: `dddddddd-0000-4000-8000-${((n * 7919) % 65536).toString(16).padStart(12, '0')}`, viewerId, shareableId, network: copy ? 'copy' : 'linkedin', ...(copy ? { kind: 'copy-link' as const } : {}), at, personalized };
}

function asJson(value: unknown): unknown {
  return JSON.parse(JSON.stringify(value));
}
