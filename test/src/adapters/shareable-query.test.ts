import { expect } from '@open-wc/testing';
import fc from 'fast-check';
import { queryShareables, sameBaseLanguage } from '../../../src/adapters/shareable-query.js';
import { isExpired } from '../../../src/model/index.js';
import type { Shareable } from '../../../src/model/index.js';

const NOW = new Date('2026-11-18T12:00:00Z');

function item(id: string, publishedAt: string, extra: Partial<Shareable> = {}): Shareable {
  return { id, title: id, url: `https://example.com/${id}`, category: 'culture', text: { default: id }, hashtags: [], lang: 'en', publishedAt, points: 10, ...extra };
}

describe('sameBaseLanguage', () => {
  it('matches on the base language, whatever the region and case', () => {
    expect(sameBaseLanguage('fr', 'fr-FR')).to.equal(true);
    expect(sameBaseLanguage('FR-ca', 'fr_BE')).to.equal(true);
    expect(sameBaseLanguage('fr', 'en')).to.equal(false);
    expect(sameBaseLanguage('fr', 'fur')).to.equal(false);
  });
});

describe('isExpired', () => {
  it('expires a date-time at that instant and a plain date at the end of that day (UTC)', () => {
    expect(isExpired({ expiresAt: '2026-11-18T12:00:00Z' }, NOW)).to.equal(true);
    expect(isExpired({ expiresAt: '2026-11-18T12:00:01Z' }, NOW)).to.equal(false);
    expect(isExpired({ expiresAt: '2026-11-18' }, NOW)).to.equal(false);
    expect(isExpired({ expiresAt: '2026-11-17' }, NOW)).to.equal(true);
    expect(isExpired({}, NOW)).to.equal(false);
  });
});

describe('queryShareables', () => {
  it('returns every item exactly once, newest first, whatever the page size', () => {
    const catalogueArbitrary = fc.uniqueArray(
      fc.record({ id: fc.string({ minLength: 1, maxLength: 6 }), day: fc.integer({ min: 1, max: 5 }) }),
      { selector: (entry) => entry.id, maxLength: 25 },
    );
    fc.assert(
      fc.property(catalogueArbitrary, fc.integer({ min: 1, max: 30 }), (entries, limit) => {
        const catalogue = entries.map(({ id, day }) => item(id, `2026-11-0${day}`));
        const seen: Shareable[] = [];
        let cursor: string | undefined;
        let pages = 0;
        do {
          expect((pages += 1), 'pages walked').to.be.at.most(catalogue.length + 1);
          const page = queryShareables(catalogue, { limit, ...(cursor ? { cursor } : {}) }, NOW);
          expect(page.items.length).to.be.at.most(limit);
          seen.push(...page.items);
          cursor = page.nextCursor;
        } while (cursor);
        expect(seen.map((entry) => entry.id).sort()).to.deep.equal(catalogue.map((entry) => entry.id).sort());
        seen.forEach((entry, index) => {
          if (index > 0) expect(Date.parse(seen[index - 1]!.publishedAt)).to.be.at.least(Date.parse(entry.publishedAt));
        });
      }),
    );
  });

  it('gives no nextCursor when the last page is exactly full', () => {
    const catalogue = [item('a', '2026-11-01'), item('b', '2026-11-02')];
    expect(queryShareables(catalogue, { limit: 2 }, NOW).nextCursor).to.equal(undefined);
    expect(queryShareables(catalogue, { limit: 1 }, NOW).nextCursor).to.be.a('string');
  });

  it('makes cursors that survive ids with accents and symbols', () => {
    const catalogue = [item('élan/été+ü', '2026-11-02'), item('b', '2026-11-01')];
    const first = queryShareables(catalogue, { limit: 1 }, NOW);
    expect(first.nextCursor).to.match(/^[A-Za-z0-9_-]+$/);
    expect(queryShareables(catalogue, { limit: 1, cursor: first.nextCursor! }, NOW).items.map((entry) => entry.id)).to.deep.equal(['b']);
  });

  it('uses pages of 20 by default', () => {
    const catalogue = Array.from({ length: 25 }, (_, index) => item(`i${index}`, '2026-11-01'));
    const page = queryShareables(catalogue, {}, NOW);
    expect(page.items).to.have.length(20);
    expect(page.nextCursor).to.be.a('string');
  });
});
