import { expect } from '@open-wc/testing';
import {
  formatDate,
  formatList,
  formatNumber,
  formatRelativeDays,
  pluralCategory,
} from '../../../src/i18n/index.js';

describe('Intl helpers', () => {
  it('formats French numbers with a narrow no-break space and a decimal comma', () => {
    expect(formatNumber('fr', 1234.5)).to.equal('1\u202f234,5');
  });

  it('formats English numbers with a comma and a point', () => {
    expect(formatNumber('en', 1234.5)).to.equal('1,234.5');
  });

  it('keeps the region for formatting: fr-CA groups with a plain no-break space', () => {
    expect(formatNumber('fr-CA', 1234.5)).to.equal('1\u00a0234,5');
  });

  it('passes number options through', () => {
    expect(formatNumber('fr', 0.25, { style: 'percent' })).to.equal('25\u00a0%');
  });

  it('falls back to English for an invalid locale instead of throwing', () => {
    expect(formatNumber('not a tag!', 1234.5)).to.equal('1,234.5');
    expect(formatDate('not a tag!', '2026-11-22')).to.equal('November 22, 2026');
  });

  it('builds each formatter once per locale and options', () => {
    const Original = Intl.NumberFormat;
    let built = 0;
    Intl.NumberFormat = new Proxy(Original, {
      construct(target, args: ConstructorParameters<typeof Intl.NumberFormat>) {
        built++;
        return new target(...args);
      },
    });
    try {
      formatNumber('fr-LU', 1);
      formatNumber('fr-LU', 2);
      formatNumber('fr-LU', 3, { style: 'percent' });
      formatNumber('fr-LU', 4, { style: 'percent' });
    } finally {
      Intl.NumberFormat = Original;
    }
    expect(built).to.equal(2);
  });

  it('formats dates in words by default, in each language', () => {
    expect(formatDate('fr', '2026-11-22')).to.equal('22 novembre 2026');
    expect(formatDate('en', '2026-11-22')).to.equal('November 22, 2026');
  });

  it('writes the first of the month as an ordinal in French, « 1er décembre », when the month is in words', () => {
    expect(formatDate('fr', '2026-12-01')).to.equal('1er décembre 2026');
    expect(formatDate('fr', '2026-12-01', 'full')).to.equal('mardi 1er décembre 2026');
    expect(formatDate('fr', '2026-12-01', 'medium')).to.equal('1er déc. 2026');
    expect(formatDate('fr-CA', '2026-12-01')).to.equal('1er décembre 2026');
    expect(formatDate('fr', '2026-12-01', 'short')).to.equal('01/12/2026');
    expect(formatDate('fr', '2026-12-11')).to.equal('11 décembre 2026');
    expect(formatDate('fr', '2026-12-21')).to.equal('21 décembre 2026');
    expect(formatDate('en', '2026-12-01')).to.equal('December 1, 2026');
  });

  it('reads a plain ISO date as that calendar day, whatever the time zone', () => {
    // Built from local parts, so the check holds in any time zone the browser runs in.
    const local = new Date(2026, 0, 5);
    expect(formatDate('fr', '2026-01-05', 'short')).to.equal(formatDate('fr', local, 'short'));
    expect(formatDate('fr', '2026-01-05', 'short')).to.equal('05/01/2026');
  });

  it('accepts a date-time string, a Date and a timestamp', () => {
    const date = new Date(2026, 10, 22, 12);
    expect(formatDate('en', date.toISOString(), 'medium')).to.equal('Nov 22, 2026');
    expect(formatDate('en', date, 'medium')).to.equal('Nov 22, 2026');
    expect(formatDate('en', date.getTime(), 'medium')).to.equal('Nov 22, 2026');
  });

  it('gives an empty string for an invalid date instead of throwing', () => {
    expect(formatDate('fr', 'not a date')).to.equal('');
  });

  it('says relative days in words', () => {
    expect(formatRelativeDays('fr', -1)).to.equal('hier');
    expect(formatRelativeDays('fr', 3)).to.equal('dans 3 jours');
    expect(formatRelativeDays('en', 0)).to.equal('today');
    expect(formatRelativeDays('en', -30)).to.equal('30 days ago');
  });

  it('joins lists the way each language does', () => {
    expect(formatList('fr', ['LinkedIn', 'X', 'Mastodon'])).to.equal('LinkedIn, X et Mastodon');
    expect(formatList('en', ['LinkedIn', 'X', 'Mastodon'])).to.equal('LinkedIn, X, and Mastodon');
    expect(formatList('fr', ['LinkedIn', 'X'], 'disjunction')).to.equal('LinkedIn ou X');
  });

  it('gives CLDR plural categories: French 0 is singular, English 0 is not', () => {
    expect(pluralCategory('fr', 0)).to.equal('one');
    expect(pluralCategory('fr', 1.5)).to.equal('one');
    expect(pluralCategory('fr', 2)).to.equal('other');
    expect(pluralCategory('fr', 1_000_000)).to.equal('many');
    expect(pluralCategory('en', 0)).to.equal('other');
    expect(pluralCategory('en', 1)).to.equal('one');
  });
});
