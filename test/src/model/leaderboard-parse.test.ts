import { expect } from '@open-wc/testing';
import fc from 'fast-check';
import { safeParseLeaderboard } from '../../../src/model/leaderboard-parse.js';
import { LeaderboardSchema } from '../../../src/model/schemas.js';

/** Values a field may take: right, wrong, missing, of the wrong type. */
const anyText = fc.oneof(fc.constant(''), fc.string({ minLength: 1, maxLength: 6 }), fc.integer(), fc.constant(null), fc.constant(undefined));
const anyCount = fc.oneof(fc.nat(1000), fc.integer({ min: -3, max: 3 }), fc.double(), fc.constant(Number.MAX_SAFE_INTEGER + 2), fc.constant('12'), fc.constant(undefined), fc.constant(-0));
const anyBoolean = fc.oneof(fc.boolean(), fc.constant(undefined), fc.constant('true'), fc.constant(0), fc.constant(null));
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

/** A value's text with what JSON leaves out kept: a key set to undefined, and -0. */
const exactly = (value: unknown) => JSON.stringify(value, (_key, field: unknown) => (field === undefined ? '(undefined)' : Object.is(field, -0) ? '(-0)' : field));

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

  it('reading a board again, reuses each entry of the previous reading that did not change, and gives exactly what LeaderboardSchema gives', () => {
    /** A change to one entry of the next reading: none, a field set to any value (null too), a field left out, an unknown field, or swapped with the next entry. */
    const change = fc.oneof(
      { arbitrary: fc.constant({ kind: 'none' as const }), weight: 4 },
      fc.record({
        kind: fc.constant('set' as const),
        key: fc.constantFrom('id', 'displayName', 'team', 'points', 'shares', 'rank', 'isViewer', 'anonymous', 'badges', 'avatarUrl', 'members', 'recentShares'),
        value: fc.oneof(anyText, anyCount, anyBoolean, anyUrl, fc.constantFrom(null, 0, -0, 1), fc.constantFrom([], ['first-share'], ['own-words'], ['first-share', 'own-words'])),
      }),
      fc.record({ kind: fc.constant('delete' as const), key: fc.constantFrom('displayName', 'team', 'badges', 'isViewer', 'anonymous', 'avatarUrl', 'id') }),
      fc.constant({ kind: 'unknown' as const }),
      fc.constant({ kind: 'swap' as const }),
    );
    // Boards where zero points, two badges and a lone badge are common, so that -0 and a shorter list meet them.
    const previousEntry = fc.record(
      {
        id: fc.string({ minLength: 1, maxLength: 3 }),
        displayName: fc.oneof(fc.string({ minLength: 1, maxLength: 3 }), fc.constant(undefined)),
        team: fc.string({ minLength: 1, maxLength: 3 }),
        points: fc.oneof(fc.nat(50), fc.constantFrom(0, -0)),
        shares: fc.oneof(fc.nat(5), fc.constantFrom(0, -0)),
        rank: fc.integer({ min: 1, max: 9 }),
        isViewer: fc.boolean(),
        anonymous: fc.boolean(),
        badges: fc.constantFrom([], ['first-share'], ['first-share', 'own-words']),
        avatarUrl: fc.constantFrom('https://intranet.example/p.png', undefined),
      },
      { requiredKeys: ['id', 'points', 'shares', 'rank'] },
    );
    const reading = fc.array(previousEntry, { minLength: 1, maxLength: 8 }).chain((entries) =>
      fc.tuple(fc.constant(entries), fc.array(change, { minLength: entries.length, maxLength: entries.length })),
    );
    fc.assert(
      fc.property(reading, ([entries, changes]) => {
        const first = safeParseLeaderboard({ period: 'month', entries });
        fc.pre(first.success);
        const next: Record<string, unknown>[] = entries.map((entry) => ({ ...entry }));
        changes.forEach((change, index) => {
          const entry = next[index]!;
          if (change.kind === 'set') entry[change.key] = change.value;
          if (change.kind === 'delete') delete entry[change.key];
          if (change.kind === 'unknown') entry['extra'] = 'field';
          if (change.kind === 'swap' && index + 1 < next.length) [next[index], next[index + 1]] = [next[index + 1]!, entry];
        });
        const value = { period: 'month', entries: next };
        const again = safeParseLeaderboard(value, first.data);
        const schema = LeaderboardSchema.safeParse(value);
        expect(again.success).to.equal(schema.success);
        if (!again.success || !schema.success) {
          if (!again.success && !schema.success) expect(again.error.issues).to.deep.equal(schema.error.issues);
          return;
        }
        expect(again.data).to.deep.equal(schema.data);
        // Every entry equal to the previous reading's at its place is that same object.
        again.data.entries.forEach((entry, index) => {
          const before = first.data.entries[index];
          const plain = before && !('members' in before) && !('recentShares' in before);
          if (plain && exactly(entry) === exactly(before) && ('members' in next[index]!) === false) expect(entry, `entry ${index}`).to.equal(before);
        });
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
