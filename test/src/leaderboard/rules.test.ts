import { expect } from '@open-wc/testing';
import fc from 'fast-check';
import { competitionRanks, computeLeaderboard, periodRange, type LeaderboardInput } from '../../../src/leaderboard/rules.js';
import type { Person, ShareEvent } from '../../../src/model/index.js';

const DAY = 24 * 60 * 60 * 1000;
const iso = (ms: number) => new Date(ms).toISOString();

describe('periodRange', () => {
  it('starts the week on Monday 00:00 UTC, also when now is a Sunday night', () => {
    expect(periodRange('week', new Date('2026-11-22T23:59:59Z'))).to.deep.equal({ start: Date.parse('2026-11-16'), end: Date.parse('2026-11-23') });
    expect(periodRange('week', new Date('2026-11-23T00:00:00Z'))?.start).to.equal(Date.parse('2026-11-23'));
  });

  it('gives the calendar month, quarter and year, across a year end', () => {
    const now = new Date('2026-12-31T12:00:00Z');
    expect(periodRange('month', now)).to.deep.equal({ start: Date.parse('2026-12-01'), end: Date.parse('2027-01-01') });
    expect(periodRange('quarter', now)).to.deep.equal({ start: Date.parse('2026-10-01'), end: Date.parse('2027-01-01') });
    expect(periodRange('year', now)).to.deep.equal({ start: Date.parse('2026-01-01'), end: Date.parse('2027-01-01') });
    expect(periodRange('all', now)).to.equal(undefined);
  });

  it('always contains now, starts at midnight UTC, and weeks last seven days from a Monday', () => {
    fc.assert(
      fc.property(fc.date({ min: new Date('2000-01-01'), max: new Date('2100-01-01'), noInvalidDate: true }), fc.constantFrom('week', 'month', 'quarter', 'year' as const), (now, period) => {
        const range = periodRange(period, now)!;
        expect(range.start).to.be.at.most(now.getTime());
        expect(range.end).to.be.greaterThan(now.getTime());
        expect(range.start % DAY).to.equal(0);
        if (period === 'week') {
          expect(new Date(range.start).getUTCDay()).to.equal(1);
          expect(range.end - range.start).to.equal(7 * DAY);
        } else {
          expect(new Date(range.start).getUTCDate()).to.equal(1);
        }
      }),
    );
  });
});

describe('competitionRanks', () => {
  it('gives ties the same rank and skips the places they take', () => {
    expect(competitionRanks([50, 40, 40, 30, 30, 30, 10], (points) => points)).to.deep.equal([1, 2, 2, 4, 4, 4, 7]);
  });

  it('ranks every row at its place or at the rank of the equal row above it', () => {
    fc.assert(
      fc.property(fc.array(fc.nat(20)), (values) => {
        const sorted = [...values].sort((a, b) => b - a);
        const ranks = competitionRanks(sorted, (value) => value);
        sorted.forEach((value, index) => {
          const firstEqual = sorted.indexOf(value);
          expect(ranks[index]).to.equal(firstEqual + 1);
        });
      }),
    );
  });
});

// A small world for property tests: 6 people, 3 items, shares in 2026.
const PEOPLE: Person[] = [
  { id: 'u1', displayName: 'One', team: 'Red', leaderboardOptIn: true },
  { id: 'u2', displayName: 'Two', team: 'Red', leaderboardOptIn: false },
  { id: 'u3', displayName: 'Three', team: 'Blue', leaderboardOptIn: true },
  { id: 'u4', displayName: 'Four', team: 'Blue', leaderboardOptIn: false },
  { id: 'u5', displayName: 'Five', team: 'Green', leaderboardOptIn: false },
  { id: 'u6', displayName: 'Six', leaderboardOptIn: true },
];
const ITEMS = [
  { id: 'i1', points: 10, category: 'product' as const },
  { id: 'i2', points: 20, category: 'culture' as const },
  { id: 'i3', points: 5, category: 'industry' as const },
];
const NOW = new Date('2026-11-18T12:00:00Z');

const shareArbitrary = fc.record({
  viewerId: fc.constantFrom('u1', 'u2', 'u3', 'u4', 'u5', 'u6', 'stranger'),
  shareableId: fc.constantFrom('i1', 'i2', 'i3', 'gone'),
  network: fc.constantFrom('linkedin' as const, 'x' as const),
  at: fc.integer({ min: Date.parse('2026-01-01'), max: Date.parse('2026-11-30') }).map(iso),
  personalized: fc.boolean(),
});
const sharesArbitrary = fc.array(shareArbitrary, { maxLength: 40 }).map((shares) =>
  shares.map((share, index): ShareEvent => ({ ...share, id: `00000000-0000-4000-8000-${String(index).padStart(12, '0')}` })),
);

function board(shares: ShareEvent[], overrides: Partial<LeaderboardInput> = {}) {
  return computeLeaderboard({
    period: 'all',
    scope: 'people',
    now: NOW,
    viewer: { id: 'u2', displayName: 'Two (me)', leaderboardOptIn: false },
    people: PEOPLE,
    shareables: ITEMS,
    shares,
    minTeamSize: 2,
    ...overrides,
  });
}

describe('computeLeaderboard', () => {
  it('never shows the id, name or team of someone who did not opt in, except to themselves', () => {
    fc.assert(
      fc.property(sharesArbitrary, fc.constantFrom('week', 'month', 'all' as const), (shares, period) => {
        const text = JSON.stringify(board(shares, { period }).entries.filter((entry) => !entry.isViewer));
        for (const secret of ['u4', 'Four', 'u5', 'Five', 'Green', 'stranger', 'u2', 'Two']) expect(text).not.to.contain(secret);
      }),
    );
  });

  it('has exactly one viewer row and distinct ids', () => {
    fc.assert(
      fc.property(sharesArbitrary, fc.option(fc.integer({ min: 1, max: 4 }), { nil: undefined }), (shares, limit) => {
        const entries = board(shares, { ...(limit ? { limit } : {}) }).entries;
        expect(entries.filter((entry) => entry.isViewer)).to.have.length(1);
        expect(new Set(entries.map((entry) => entry.id)).size).to.equal(entries.length);
      }),
    );
  });

  it("caps each person's points at the sum of the distinct items they shared", () => {
    fc.assert(
      fc.property(sharesArbitrary, (shares) => {
        for (const entry of board(shares).entries.filter((row) => !row.anonymous)) {
          const items = new Set(shares.filter((share) => share.viewerId === entry.id).map((share) => share.shareableId));
          const cap = ITEMS.filter((item) => items.has(item.id)).reduce((sum, item) => sum + item.points, 0);
          expect(entry.points).to.equal(cap);
          expect(entry.shares).to.equal(shares.filter((share) => share.viewerId === entry.id).length);
        }
      }),
    );
  });

  it('counts a copied link as nothing: no share, no points, no badge, whether marked copy-link or an older copy event', () => {
    fc.assert(
      fc.property(sharesArbitrary, fc.boolean(), (shares, legacy) => {
        const copies = shares.map((share, index): ShareEvent => ({
          ...share,
          id: `11111111-0000-4000-8000-${String(index).padStart(12, '0')}`,
          network: 'copy',
          ...(legacy ? {} : { kind: 'copy-link' as const }),
        }));
        expect(board([...shares, ...copies])).to.deep.equal(board(shares));
      }),
    );
  });

  it('does not depend on the order of people or shares (nothing leaks through input order)', () => {
    fc.assert(
      fc.property(sharesArbitrary, fc.constantFrom('people', 'teams' as const), (shares, scope) => {
        const reversed = board([...shares].reverse(), { scope, people: [...PEOPLE].reverse() });
        expect(reversed).to.deep.equal(board(shares, { scope }));
      }),
    );
  });

  it("adds up only the named contributors' points (opted in, shared), and leaves out people with no team", () => {
    const cappedPoints = (shares: ShareEvent[], personId: string) => {
      const items = new Set(shares.filter((share) => share.viewerId === personId).map((share) => share.shareableId));
      return ITEMS.filter((item) => items.has(item.id)).reduce((sum, item) => sum + item.points, 0);
    };
    fc.assert(
      fc.property(sharesArbitrary, (shares) => {
        const teams = board(shares, { scope: 'teams', minTeamSize: 1 }).entries;
        // u1 (Red) and u3 (Blue) opted in; u2, u4 and u5 did not: their shares are in no team total.
        const contributors = ['u1', 'u3'].filter((id) => shares.some((share) => share.viewerId === id));
        const expected = contributors.reduce((sum, id) => sum + cappedPoints(shares, id), 0);
        expect(teams.reduce((sum, entry) => sum + entry.points, 0)).to.equal(expected);
        expect(teams.map((entry) => entry.id).sort()).to.deep.equal(contributors.map((id) => (id === 'u1' ? 'Red' : 'Blue')).sort());
      }),
    );
  });

  it('never lets a team total be told apart from its named rows: team minus named members is zero (issue 20)', () => {
    fc.assert(
      fc.property(sharesArbitrary, fc.constantFrom('week', 'month', 'all' as const), (shares, period) => {
        const people = board(shares, { period }).entries;
        for (const team of board(shares, { period, scope: 'teams', minTeamSize: 1 }).entries) {
          const named = people.filter((entry) => !entry.anonymous && entry.team === team.id && PEOPLE.some((person) => person.id === entry.id && person.leaderboardOptIn));
          expect(team.points).to.equal(named.reduce((sum, entry) => sum + entry.points, 0));
          expect(team.shares).to.equal(named.reduce((sum, entry) => sum + entry.shares, 0));
        }
      }),
    );
  });

  it('appends the viewer after the top rows with their true rank', () => {
    const shares: ShareEvent[] = ['u1', 'u3', 'u4'].map((viewerId, index) => ({
      id: `00000000-0000-4000-8000-00000000000${index}`,
      viewerId,
      shareableId: 'i2',
      network: 'x',
      at: '2026-11-10T00:00:00Z',
      personalized: false,
    }));
    const entries = board(shares, { limit: 2 }).entries;
    expect(entries.map((entry) => [entry.id, entry.rank])).to.deep.equal([
      ['u1', 1],
      ['u3', 1],
      ['u2', 4],
    ]);
  });

  it('numbers anonymous rows by their place, named rows first among equals', () => {
    const shares: ShareEvent[] = ['u5', 'u4', 'u1'].map((viewerId, index) => ({
      id: `00000000-0000-4000-8000-00000000001${index}`,
      viewerId,
      shareableId: 'i1',
      network: 'x',
      at: '2026-11-10T00:00:00Z',
      personalized: false,
    }));
    const entries = board(shares).entries;
    expect(entries.map((entry) => [entry.id, entry.displayName, entry.rank])).to.deep.equal([
      ['u1', 'One', 1],
      ['anonymous-1', undefined, 1],
      ['anonymous-2', undefined, 1],
      ['u2', 'Two (me)', 4],
    ]);
  });

  it('counts points of an item no longer in the catalogue as zero, but counts the share', () => {
    const entries = board([{ id: '00000000-0000-4000-8000-000000000099', viewerId: 'u1', shareableId: 'gone', network: 'x', at: '2026-11-10T00:00:00Z', personalized: false }]).entries;
    expect(entries.find((entry) => entry.id === 'u1')).to.include({ points: 0, shares: 1 });
  });

  it('returns the tiers sorted by minimum points', () => {
    const tiers = board([], { tiers: [{ name: 'Gold', minPoints: 100 }, { name: 'Bronze', minPoints: 0 }] }).tiers;
    expect(tiers?.map((tier) => tier.name)).to.deep.equal(['Bronze', 'Gold']);
  });

  it('awards ten-shares for ten different items, not ten shares of one', () => {
    const many = Array.from({ length: 10 }, (_, index): ShareEvent => ({ id: `00000000-0000-4000-8000-0000000002${String(index).padStart(2, '0')}`, viewerId: 'u1', shareableId: 'i1', network: 'x', at: '2026-11-10T00:00:00Z', personalized: true }));
    expect(board(many).entries.find((entry) => entry.id === 'u1')?.badges).to.deep.equal(['first-share']);
    const catalogue = Array.from({ length: 10 }, (_, index) => ({ id: `item-${index}`, points: 1, category: 'culture' as const }));
    const distinct = many.map((share, index) => ({ ...share, shareableId: `item-${index}` }));
    expect(board(distinct, { shareables: catalogue }).entries.find((entry) => entry.id === 'u1')?.badges).to.deep.equal(['first-share', 'ten-shares', 'own-words']);
  });

  describe('avatars, team members and the viewer\'s recent shares', () => {
    const at = (day: number, hour = 9) => iso(Date.UTC(2026, 10, day, hour));
    let next = 0;
    const share = (viewerId: string, shareableId: string, when: string, extra: Partial<ShareEvent> = {}): ShareEvent => ({
      id: `00000000-0000-4000-8000-0000000003${String(next++).padStart(2, '0')}`,
      viewerId,
      shareableId,
      network: 'linkedin',
      at: when,
      personalized: false,
      ...extra,
    });
    const withAvatars: Person[] = PEOPLE.map((person) => ({ ...person, avatarUrl: `https://example.com/${person.id}.png` }));
    const titled = ITEMS.map((item) => ({ ...item, title: `Title ${item.id}` }));

    it("gives a named row the person's avatar, the viewer's included, and never an anonymous row", () => {
      const shares = ['u1', 'u2', 'u4', 'u5', 'stranger'].map((viewerId) => share(viewerId, 'i1', at(10)));
      const entries = board(shares, { people: withAvatars }).entries;
      expect(entries.find((entry) => entry.id === 'u1')?.avatarUrl).to.equal('https://example.com/u1.png');
      expect(entries.find((entry) => entry.isViewer)?.avatarUrl, 'the viewer opted out but sees their own picture').to.equal('https://example.com/u2.png');
      const anonymous = entries.filter((entry) => entry.anonymous);
      expect(anonymous).to.have.length(3);
      for (const entry of anonymous) expect(entry).not.to.have.property('avatarUrl');
      expect(JSON.stringify(entries.filter((entry) => !entry.isViewer))).not.to.contain('u4.png');
    });

    it('leaves the avatar out when the people list has none', () => {
      const entries = board([share('u1', 'i1', at(10))]).entries;
      expect(entries.find((entry) => entry.id === 'u1')).not.to.have.property('avatarUrl');
    });

    it('says on a team row how many named contributors it gathers, other-teams included', () => {
      const people: Person[] = [
        { id: 'r1', displayName: 'R1', team: 'Red', leaderboardOptIn: true },
        { id: 'r2', displayName: 'R2', team: 'Red', leaderboardOptIn: true },
        { id: 'r3', displayName: 'R3', team: 'Red', leaderboardOptIn: false },
        { id: 'r4', displayName: 'R4', team: 'Red', leaderboardOptIn: true },
        { id: 'b1', displayName: 'B1', team: 'Blue', leaderboardOptIn: true },
        { id: 'g1', displayName: 'G1', team: 'Green', leaderboardOptIn: true },
      ];
      // r4 shared nothing: not a contributor. r3 opted out: never counted.
      const shares = ['r1', 'r2', 'r3', 'b1', 'g1'].map((viewerId) => share(viewerId, 'i1', at(10)));
      const entries = board(shares, { scope: 'teams', people, viewer: { id: 'r1', leaderboardOptIn: true }, minTeamSize: 2 }).entries;
      expect(entries.map((entry) => [entry.id, entry.members])).to.deep.equal([
        ['Red', 2],
        ['other-teams', 2],
      ]);
      for (const entry of entries) expect(entry).not.to.have.property('recentShares');
    });

    it("carries the viewer's latest shares on their row only, newest first, with title, network, time and points", () => {
      const shares = [
        share('u2', 'i1', at(2)),
        share('u2', 'i2', at(3), { network: 'x' }),
        share('u1', 'i3', at(4)),
        share('u2', 'gone', at(5)),
      ];
      const entries = board(shares, { shareables: titled }).entries;
      const viewerRow = entries.find((entry) => entry.isViewer);
      expect(viewerRow?.recentShares).to.deep.equal([
        { shareableId: 'gone', network: 'linkedin', at: at(5), points: 0 },
        { shareableId: 'i2', title: 'Title i2', network: 'x', at: at(3), points: 20 },
        { shareableId: 'i1', title: 'Title i1', network: 'linkedin', at: at(2), points: 10 },
      ]);
      for (const entry of entries.filter((row) => !row.isViewer)) expect(entry).not.to.have.property('recentShares');
    });

    it('keeps at most five, the newest', () => {
      const shares = Array.from({ length: 8 }, (_, index) => share('u2', ITEMS[index % 3]!.id, at(1 + index)));
      const recent = board(shares).entries.find((entry) => entry.isViewer)?.recentShares ?? [];
      expect(recent.map((entry) => entry.at)).to.deep.equal([at(8), at(7), at(6), at(5), at(4)]);
    });

    it('keeps only the shares of the period, and says nothing of copied links', () => {
      const shares = [
        share('u2', 'i1', iso(Date.UTC(2026, 9, 30))), // October: before this month
        share('u2', 'i2', at(16)), // Monday of the week of NOW
        share('u2', 'i3', at(17), { network: 'copy', kind: 'copy-link' }),
      ];
      const month = board(shares, { period: 'month' }).entries.find((entry) => entry.isViewer)?.recentShares;
      expect(month?.map((entry) => entry.shareableId)).to.deep.equal(['i2']);
      const all = board(shares, { period: 'all' }).entries.find((entry) => entry.isViewer)?.recentShares;
      expect(all?.map((entry) => entry.shareableId)).to.deep.equal(['i2', 'i1']);
      const none = board([share('u2', 'i1', '2025-06-01T00:00:00.000Z')], { period: 'week' }).entries.find((entry) => entry.isViewer)?.recentShares;
      expect(none).to.deep.equal([]);
    });

    it('gives a repeat share 0 points: the item earned once, at its first share ever, even before the period', () => {
      const shares = [
        share('u2', 'i1', iso(Date.UTC(2026, 9, 30))), // October: earned then
        share('u2', 'i1', at(10), { network: 'x' }), // November repeat
        share('u2', 'i2', at(11)),
        share('u2', 'i2', at(12), { network: 'x' }),
      ];
      const recent = board(shares, { period: 'month' }).entries.find((entry) => entry.isViewer)?.recentShares;
      expect(recent?.map((entry) => [entry.shareableId, entry.points])).to.deep.equal([
        ['i2', 0],
        ['i2', 20],
        ['i1', 0],
      ]);
    });
  });
});
