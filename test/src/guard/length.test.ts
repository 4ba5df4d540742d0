import { expect } from '@open-wc/testing';
import fc from 'fast-check';
import { DEFAULT_LIMITS, compilePolicy, countGraphemes, measureLength } from '../../../src/guard/index.js';

const FAMILY = '👩‍👩‍👧'; // three emoji joined by ZWJ: one grapheme
const FLAG = '🇫🇷'; // two regional indicators: one grapheme
const THUMB_DARK = '👍🏿'; // emoji + skin tone modifier: one grapheme
const E_COMBINING = 'e\u0301'; // e + combining acute: one grapheme

describe('guard length', () => {
  describe('graphemes', () => {
    it('counts plain text one per character, CRLF as one', () => {
      expect(countGraphemes('Bonjour à tous !')).to.equal(16);
      expect(countGraphemes('a\r\nb')).to.equal(3);
    });

    it('counts emoji sequences, flags, modifiers and combining accents once', () => {
      expect(countGraphemes(`${FAMILY}${FLAG}${THUMB_DARK}${E_COMBINING}`)).to.equal(4);
      expect(countGraphemes(`Été ${FAMILY} au café${E_COMBINING} 🎉🚀`)).to.equal(17);
    });

    it('agrees with Intl.Segmenter on mixed scripts', () => {
      const text = `Relais — « ${FAMILY} » 日本語 한국어 हिन्दी ${FLAG}x\u0308 ٠١٢ 🏳️‍🌈`;
      const segmenter = new Intl.Segmenter('en', { granularity: 'grapheme' });
      expect(countGraphemes(text)).to.equal([...segmenter.segment(text)].length);
    });
  });

  describe('graphemes across the segmenter\'s chunks', () => {
    const segmenter = new Intl.Segmenter('en', { granularity: 'grapheme' });
    const boundaries = (text: string) => new Set([...segmenter.segment(text)].map((segment) => segment.index).concat(text.length));
    const FRAGMENTS = [
      '👨‍👩‍👧‍👦', '👩‍❤️‍💋‍👨', '🏳️‍🌈', FAMILY, '🇫🇷', '🇯🇵', '🇫', THUMB_DARK, '🏿', '👍', '\u0301', '\u0308', E_COMBINING, 'e\u0301\u0302\u0303',
      '\r\n', '\r', '\n', 'abc', 'été', ' ', '\u200D', '\uFE0F', '\u0600', '\u1100\u1161\u11A8', 'ก่', 'क्षि', '日本', '😀', 'a\u{1D165}',
    ];
    const mix = fc.array(fc.constantFrom(...FRAGMENTS), { maxLength: 300 }).map((parts) => parts.join(''));

    it('counts 12 and 200 family emoji as 12 and 200, whatever the chunk boundaries', () => {
      const family = '👨‍👩‍👧‍👦';
      expect(countGraphemes(family.repeat(12))).to.equal(12);
      expect(countGraphemes(family.repeat(200))).to.equal(200);
      expect(countGraphemes(`e${'\u0301'.repeat(1000)}x`)).to.equal(2);
    });

    it('counts as Intl.Segmenter does on the whole string, for any mix of sequences, flags, tones, marks and CRLF', () => {
      fc.assert(
        fc.property(mix, (text) => {
          const expected = [...segmenter.segment(text)].length;
          expect(countGraphemes(text), JSON.stringify(text)).to.equal(expected);
          expect(measureLength(text, 'linkedin')).to.equal(expected);
        }),
        { numRuns: 200 },
      );
    });

    it('starts a length finding on a grapheme boundary of the whole string', () => {
      fc.assert(
        fc.property(mix, fc.integer({ min: 1, max: 200 }), (text, limit) => {
          const [finding] = compilePolicy({ version: 1, rules: [], limits: { bluesky: limit } }).check(text, { network: 'bluesky' }).findings;
          if (finding) expect(boundaries(text).has(finding.start), JSON.stringify(text)).to.equal(true);
        }),
        { numRuns: 100 },
      );
    });
  });

  describe('per network', () => {
    it('counts graphemes on LinkedIn, Bluesky and Threads', () => {
      const text = `Fier ${FAMILY} de${E_COMBINING}`;
      for (const network of ['linkedin', 'bluesky', 'threads'] as const) expect(measureLength(text, network)).to.equal(10);
    });

    it('weighs X posts like twitter-text: CJK and emoji 2, Latin 1, a URL 23', () => {
      expect(measureLength('Bonjour', 'x')).to.equal(7);
      expect(measureLength('日本', 'x')).to.equal(4);
      expect(measureLength('👍', 'x')).to.equal(2);
      expect(measureLength(FAMILY, 'x')).to.equal(2);
      expect(measureLength(FLAG, 'x')).to.equal(2);
      expect(measureLength(`caf${E_COMBINING}`, 'x')).to.equal(4);
      expect(measureLength('Lisez https://example.com/un/chemin/tres/long/qui/depasse/23/caracteres', 'x')).to.equal(6 + 23);
      expect(measureLength('Voir relais.dev et www.acme.org/page.', 'x')).to.equal('Voir  et .'.length + 23 * 2);
      // The ellipsis (U+2026) is outside twitter-text's light ranges: it weighs 2.
      expect(measureLength('— “quotes” …', 'x')).to.equal(13);
      // Marks after an emoji are outside twitter-text's emoji: they weigh as characters; © and ®
      // without U+FE0F are text.
      expect(measureLength('👍\u0301', 'x')).to.equal(3);
      expect(measureLength('©\u0301 ®', 'x')).to.equal(4);
      expect(measureLength('©\uFE0F', 'x')).to.equal(2);
    });

    it('counts a URL followed by a long run of dots as 23 plus one per dot on X and Mastodon', () => {
      const text = `Voir https://example.com/page${'.'.repeat(100000)} fin`;
      expect(measureLength(text, 'x')).to.equal(5 + 23 + 100000 + 4);
      expect(measureLength(text, 'mastodon')).to.equal(5 + 23 + 100000 + 4);
      // A URL longer than 4,096 characters is none for X: each character counts.
      expect(measureLength(`relais.dev/a${'.'.repeat(50000)}b`, 'x')).to.equal(50013);
    });

    it('counts many bare hosts in a row as twitter-text does: an unbalanced parenthesis ends a path, the host after it is a URL of its own', () => {
      const text = `a.com/${'(b.com/'.repeat(5000)} fin`;
      // "a.com/", then 5,000 times "(" and the URL "b.com/"; then " fin".
      expect(measureLength(text, 'x')).to.equal(23 + 5000 * (1 + 23) + 4);
    });

    it('counts remote mentions next to many URLs on Mastodon', () => {
      const text = 'https://a.co @al@b.social '.repeat(2000);
      expect(measureLength(text, 'mastodon')).to.equal((23 + ' @al '.length) * 2000);
    });

    it('does not count an e-mail address as a URL on X', () => {
      expect(measureLength('marie@acme.fr', 'x')).to.equal(13);
    });

    it('counts URLs as 23 and remote mentions by their user name on Mastodon', () => {
      expect(measureLength('Voir https://example.com/un/chemin/tres/long/qui/depasse/23/caracteres', 'mastodon')).to.equal(5 + 23);
      expect(measureLength('short https://a.co', 'mastodon')).to.equal(6 + 23);
      expect(measureLength('Merci @alice@mastodon.social !', 'mastodon')).to.equal('Merci @alice !'.length);
      // Mastodon counts only URLs with a scheme.
      expect(measureLength('relais.dev', 'mastodon')).to.equal(10);
    });
  });

  describe('in reports', () => {
    const guard = compilePolicy({ version: 1, rules: [] });

    it('reports length when a network with a limit is given', () => {
      expect(guard.check('Bonjour', { network: 'bluesky' }).length).to.deep.equal({ network: 'bluesky', used: 7, limit: 300 });
      expect(guard.check('Bonjour', { network: 'linkedin' }).length?.limit).to.equal(3000);
    });

    it('has the documented default limits', () => {
      expect(DEFAULT_LIMITS).to.include({ linkedin: 3000, x: 280, mastodon: 500, bluesky: 300, threads: 500 });
    });

    it('has no length without a network, or for a network without a limit', () => {
      expect(guard.check('Bonjour')).not.to.have.property('length');
      expect(guard.check('Bonjour', { network: 'email' })).not.to.have.property('length');
    });

    it('passes at the limit and blocks one past it, covering what is past the limit', () => {
      expect(guard.check('a'.repeat(280), { network: 'x' })).to.deep.equal({
        verdict: 'pass',
        findings: [],
        length: { network: 'x', used: 280, limit: 280 },
      });
      const report = guard.check(`${'a'.repeat(279)}日b`, { network: 'x' });
      expect(report.verdict).to.equal('block');
      expect(report.findings).to.have.length(1);
      expect(report.findings[0]).to.include({ ruleId: 'length', kind: 'length', category: 'length', severity: 'block', start: 279, end: 281 });
    });

    it('starts the overflow at a whole grapheme, after emoji', () => {
      const policy = compilePolicy({ version: 1, rules: [], limits: { bluesky: 3 } });
      const text = `ab${FAMILY}cd`;
      const [finding] = policy.check(text, { network: 'bluesky' }).findings;
      expect(text.slice(finding!.start, finding!.end)).to.equal('cd');
    });

    it('takes the policy’s limits over the defaults', () => {
      const policy = compilePolicy({ version: 1, rules: [], limits: { mastodon: 1000, email: 10 } });
      expect(policy.check('x', { network: 'mastodon' }).length?.limit).to.equal(1000);
      expect(policy.check('Bonjour à tous', { network: 'email' }).verdict).to.equal('block');
    });

    it('explains the overflow in the requested language', () => {
      const text = 'a'.repeat(301);
      expect(guard.check(text, { network: 'bluesky', locale: 'fr' }).findings[0]!.message).to.equal(
        'Trop long pour Bluesky\u00a0: 301\u00a0caractères pour 300 au plus.',
      );
      expect(guard.check(text, { network: 'bluesky', locale: 'en-GB' }).findings[0]!.message).to.equal(
        'Too long for Bluesky: 301 characters, at most 300.',
      );
    });

    it('writes the figures of its message as the language does, as the counter beside it does (« 3 760 », never « 3760 »)', () => {
      const text = 'a'.repeat(3760);
      expect(guard.check(text, { network: 'linkedin', locale: 'fr' }).findings[0]!.message).to.equal(
        'Trop long pour LinkedIn\u00a0: 3\u202f760\u00a0caractères pour 3\u202f000 au plus.',
      );
      expect(guard.check(text, { network: 'linkedin', locale: 'en' }).findings[0]!.message).to.equal('Too long for LinkedIn: 3,760 characters, at most 3,000.');
      expect(guard.check(text, { network: 'linkedin', locale: 'fr' }).findings[0]!.message, 'one format with the counter').to.contain(new Intl.NumberFormat('fr').format(3760));
    });
  });
});
