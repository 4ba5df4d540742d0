import { expect } from '@open-wc/testing';
import fc from 'fast-check';
import { safeParseLeaderboard } from '../../../src/model/leaderboard-parse.js';
import { LeaderboardSchema } from '../../../src/model/schemas.js';

/** Values a field may take: right, wrong, missing, of the wrong type. */
const anyText = fc.oneof(fc.constant(''), fc.string({ minLength: 1, maxLength: 6 }), fc.integer(), fc.constant(null), fc.constant(undefined));
const anyCount = fc.oneof(fc.nat(1000), fc.integer({ min: -3, max: 3 }), fc.double(), fc.constant(Number.MAX_SAFE_INTEGER + 2), fc.constant('12'), fc.constant(undefined), fc.constant(-0));
const anyBoolean = fc.oneof(fc.boolean(), fc.constant(undefined), fc.constant('true'), fc.constant(0));
const anyUrl = fc.oneof(fc.constant(undefined), fc.constant('https://intranet.example/p.png'), fc.constant('http://x.example/a'), fc.constant('javascript:alert(1)'), fc.constant('not a url'), fc.constant(''), fc.constant(42));

/** An entry as a data source might send it, every field possibly wrong or absent, unknown fields too. */
const entry = fc.record(
  {
    id: anyText,
    displayName: anyText,
    team: anyText,
    points: anyCount,
    shares: anyCount,
    badges: fc.oneof(fc.constant(undefined), fc.array(anyText, { maxLength: 3 }), fc.constant('first-share')),
    rank: fc.oneof(fc.integer({ min: -1, max: 50 }), fc.double(), fc.constant(undefined)),
    isViewer: anyBoolean,
    anonymous: anyBoolean,
    avatarUrl: anyUrl,
    members: fc.oneof(fc.constant(undefined), fc.integer({ min: -1, max: 9 })),
    recentShares: fc.oneof(
      fc.constant(undefined),
      fc.constant([{ shareableId: 'a', network: 'x', at: '2026-11-15T10:00:00Z', points: 0 }]),
      fc.constant([{ shareableId: '', network: 'fax', at: 'yesterday', points: -1 }]),
    ),
    extra: fc.oneof(fc.constant(undefined), fc.string()),
  },
  { requiredKeys: [] },
);

/** Mostly valid entries, each field now and then just over a boundary, so that boards that parse are common and every rule is met at its edge. */
const sometimes = <T, U>(valid: fc.Arbitrary<T>, ...edges: U[]) => fc.oneof({ arbitrary: valid, weight: 6 }, { arbitrary: fc.constantFrom(...edges), weight: 1 });
const validEntry = fc.record(
  {
    id: sometimes(fc.string({ minLength: 1, maxLength: 5 }), ''),
    displayName: sometimes(fc.string({ minLength: 1, maxLength: 5 }), '', undefined),
    team: sometimes(fc.string({ minLength: 1, maxLength: 5 }), ''),
    points: sometimes(fc.nat(500), -1, 0.5, -0),
    shares: sometimes(fc.nat(50), -1, 2.5),
    rank: sometimes(fc.integer({ min: 1, max: 100 }), 0, -1, 1.5),
    isViewer: sometimes(fc.boolean(), 'yes'),
    anonymous: sometimes(fc.boolean(), 1),
    badges: sometimes(fc.array(fc.constantFrom('first-share', 'own-words'), { maxLength: 2 }), [''], ['a', 3]),
    avatarUrl: sometimes(fc.constantFrom('https://intranet.example/p.png', 'http://x.example/a'), 'javascript:alert(1)', 'ftp://x.example/a'),
    members: sometimes(fc.constant(undefined), 0, 3),
  },
  { requiredKeys: ['id', 'points', 'shares', 'rank'] },
);

const board = fc.record(
  {
    period: fc.constantFrom('month', 'week', 'decade'),
    entries: fc.oneof(fc.array(fc.oneof(entry, validEntry, validEntry), { maxLength: 6 }), fc.constant('none')),
    tiers: fc.oneof(fc.constant(undefined), fc.constant([{ name: 'Relais', minPoints: 25 }]), fc.constant([{ name: '', minPoints: -1 }])),
  },
  { requiredKeys: ['period'] },
);

describe('parseLeaderboard, the schema’s rules made fast for big boards', () => {
  it('gives exactly what LeaderboardSchema gives, for any board: the same value, or a refusal with the same issues', () => {
    fc.assert(
      fc.property(fc.oneof(board, fc.anything()), (value) => {
        const fast = safeParseLeaderboard(value);
        const schema = LeaderboardSchema.safeParse(value);
        expect(fast.success).to.equal(schema.success);
        if (fast.success && schema.success) expect(fast.data).to.deep.equal(schema.data);
        if (!fast.success && !schema.success) expect(fast.error.issues).to.deep.equal(schema.error.issues);
      }),
      { numRuns: 3000 },
    );
  });

  it('accepts a board of 10,000 plain entries, defaults filled, unknown fields dropped', () => {
    const entries = Array.from({ length: 10_000 }, (_, index) => ({ id: `p-${index}`, displayName: `P ${index}`, points: 10_000 - index, shares: 1, rank: index + 1, unknown: true }));
    const parsed = safeParseLeaderboard({ period: 'all', entries });
    expect(parsed.success).to.equal(true);
    expect(parsed.data!.entries[9_999]).to.deep.equal({ id: 'p-9999', displayName: 'P 9999', points: 1, shares: 1, badges: [], rank: 10_000, isViewer: false, anonymous: false });
  });
});
