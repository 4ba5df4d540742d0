/**
 * URLs as X finds them (src/guard/urls.ts): what every answer holds, and answers on texts built
 * to be slow (the differential test with twitter-text itself is x-length.test.ts).
 */
import { expect } from '@open-wc/testing';
import fc from 'fast-check';
import { measureLength } from '../../../src/guard/index.js';
import { findUrls } from '../../../src/guard/urls.js';
import { xText } from '../../fixtures/x-length-cases.js';

const urls = (text: string, withoutScheme = true) => findUrls(text, withoutScheme).map(({ start, end }) => text.slice(start, end));

describe('guard URLs', () => {
  it('finds sorted ranges of the text that do not overlap, each with a dot', () => {
    fc.assert(
      fc.property(xText, (text) => {
        let previous = 0;
        for (const { start, end } of findUrls(text, true)) {
          expect(start).to.be.at.least(previous);
          expect(end).to.be.above(start).and.at.most(text.length);
          expect(text.slice(start, end)).to.include('.');
          previous = end;
        }
      }),
    );
  });

  it('finds, without the URLs that have no scheme, the same URLs with a scheme (Mastodon)', () => {
    fc.assert(
      fc.property(xText, (text) => {
        const withScheme = findUrls(text, true).filter(({ start }) => /^https?:\/\//i.test(text.slice(start)));
        expect(findUrls(text, false)).to.deep.equal(withScheme);
      }),
    );
  });

  it('finds a URL in a text that is not in NFC, as a range of that text', () => {
    expect(urls('Voir cafe\u0301.fr/me\u0301nu ok')).to.deep.equal(['cafe\u0301.fr/me\u0301nu']);
    expect(urls('www.exemple.fr\u0301 ok')).to.deep.equal([]);
    // A URL may start with a mark that NFC leaves alone: the range starts at that mark.
    expect(urls(')\u0301vermt.co/paris\u0301[io')).to.deep.equal(['\u0301vermt.co/paris\u0301[io']);
  });

  it('reads long chains of labels, runs of letters and parentheses once (each of these took seconds when read again from each start)', () => {
    expect(measureLength(`${'a.'.repeat(50000)}x`, 'x')).to.equal(100001);
    expect(measureLength('1.2.3.4.'.repeat(10000), 'x')).to.equal(80000);
    expect(urls(`${'é'.repeat(50000)}.${'b'.repeat(50000)}`)).to.deep.equal([]);
    expect(urls(`${'x.fr'}${'é.a'.repeat(20000)}_b.com`)).to.deep.equal(['x.fr']);
    expect(urls(`https://exemple.fr/${'(a)'.repeat(1000)} fin`)).to.deep.equal([`https://exemple.fr/${'(a)'.repeat(1000)}`]);
    // Longer than 4,096 characters: no URL for X.
    expect(urls(`https://exemple.fr/${'(a)'.repeat(20000)} fin`)).to.deep.equal([]);
    expect(urls(`${'日本'.repeat(30000)}exemple.com`)).to.deep.equal([]);
  });
});
