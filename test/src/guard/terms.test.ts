import { expect } from '@open-wc/testing';
import fc from 'fast-check';
import { MAX_FINDINGS, compilePolicy } from '../../../src/guard/index.js';
import type { Finding } from '../../../src/guard/index.js';

interface TermRuleOptions {
  terms: string[];
  plurals?: boolean;
  exceptions?: string[];
  suggestion?: string;
}

function termGuard(rule: TermRuleOptions) {
  return compilePolicy({ version: 1, rules: [{ id: 'topic', kind: 'term', category: 'politics', severity: 'block', ...rule }] });
}

/** The passages a check reports, as the text shows them. */
const passages = (text: string, findings: Finding[]) => findings.map((finding) => text.slice(finding.start, finding.end));

describe('guard terms', () => {
  describe('folding', () => {
    const guard = termGuard({ terms: ['élection'] });

    for (const written of ['élection', 'election', 'ELECTION', 'Election', 'ÉLECTION', 'e\u0301lection', 'E\u0301LECTION']) {
      it(`matches "élection" written as ${JSON.stringify(written)}`, () => {
        const text = `Parlons de l'${written} demain.`;
        expect(passages(text, guard.check(text).findings)).to.deep.equal([written]);
      });
    }

    it('matches a term written with accents when the text has none, and the other way round', () => {
      const plain = termGuard({ terms: ['greve'] });
      expect(passages('La grève continue', plain.check('La grève continue').findings)).to.deep.equal(['grève']);
    });

    it('matches œ and æ ligatures against oe and ae', () => {
      const guard = termGuard({ terms: ['oeuvre'] });
      expect(passages('Une œuvre', guard.check('Une œuvre').findings)).to.deep.equal(['œuvre']);
    });

    it('sees through invisible characters and full-width letters', () => {
      const text = 'vote é\u200Blection et ｅｌｅｃｔｉｏｎ';
      expect(passages(text, guard.check(text).findings)).to.deep.equal(['é\u200Blection', 'ｅｌｅｃｔｉｏｎ']);
    });
  });

  describe('invisible characters', () => {
    const guard = termGuard({ terms: ['grève', 'Projet Aurore', 'élection'] });
    const INVISIBLE = /^[\p{Default_Ignorable_Code_Point}\p{Cf}]$/u;
    /** Every default-ignorable or format code point. */
    const invisibles: string[] = [];
    for (let codePoint = 0; codePoint <= 0x10ffff; codePoint++) {
      if (codePoint >= 0xd800 && codePoint <= 0xdfff) continue;
      const char = String.fromCodePoint(codePoint);
      if (INVISIBLE.test(char)) invisibles.push(char);
    }

    for (const [term, written] of [
      ['grève', 'gr\u200Eève'],
      ['Projet Aurore', 'Projet A\u200Eurore'],
      ['grève', 'g\u200Fr\u061Cè\u2062v\u2063e\u2064'.slice(0, -1)],
      ['grève', 'gr\u2066è\u2067v\u2068e'],
      ['grève', 'gr\u2069è\u202Av\u202Ee'],
      ['grève', 'g\u180Er\u3164ève'],
      ['grève', 'gr\uFE00è\uFE0Fve'],
      ['grève', 'gr\u{E0001}è\u{E0041}v\u{E007F}e'],
    ] as const) {
      it(`finds "${term}" written with invisible characters as ${JSON.stringify(written)}`, () => {
        const text = `La ${written} continue`;
        expect(passages(text, guard.check(text).findings)).to.deep.equal([written]);
      });
    }

    it('finds a term whatever default-ignorable or format characters are inserted inside it, with offsets into the original', () => {
      expect(invisibles.length).to.be.greaterThan(4000);
      fc.assert(
        fc.property(
          fc.constantFrom('grève', 'Projet Aurore', 'ÉLECTION'),
          fc.array(fc.tuple(fc.nat(), fc.constantFrom(...invisibles)), { minLength: 1, maxLength: 4 }),
          fc.constantFrom('', 'Vive la ', '« ', '👩‍👩‍👧 '),
          (term, insertions, prefix) => {
            const chars = [...term];
            for (const [at, invisible] of insertions) {
              const cut = 1 + (at % (chars.length - 1)); // inside: never before the first or after the last character
              chars.splice(cut, 0, invisible);
            }
            const written = chars.join('');
            const text = `${prefix}${written} !`;
            const findings = guard.check(text).findings;
            expect(findings.map((finding) => [finding.start, finding.end]), JSON.stringify(text)).to.deep.equal([
              [prefix.length, prefix.length + written.length],
            ]);
          },
        ),
        { numRuns: 300 },
      );
    });
  });

  describe('whole words', () => {
    const guard = termGuard({ terms: ['grève'] });

    it('does not match inside a longer word', () => {
      expect(guard.check('Les grévistes et la grèveuse').findings).to.deep.equal([]);
    });

    it('matches next to punctuation, apostrophes, hyphens, emoji and line ends', () => {
      const text = '(grève) l’grève anti-grève 👍grève\ngrève.';
      expect(guard.check(text).findings).to.have.length(5);
    });

    it('matches a term that begins with a non-word character without a boundary before it', () => {
      const hashtag = termGuard({ terms: ['#greve'] });
      const text = 'Soutien#grève et #Grève';
      expect(passages(text, hashtag.check(text).findings)).to.deep.equal(['#grève', '#Grève']);
    });

    it('matches Han terms inside unspaced text', () => {
      const han = termGuard({ terms: ['選挙'] });
      const text = '明日は選挙です';
      expect(passages(text, han.check(text).findings)).to.deep.equal(['選挙']);
    });
  });

  describe('apostrophes and whitespace in phrases', () => {
    const guard = termGuard({ terms: ["aujourd'hui", 'projet secret'] });

    it('matches straight and typographic apostrophes alike', () => {
      for (const text of ["c'est aujourd'hui", 'c’est aujourd’hui', 'c‘est AUJOURD‘HUI']) {
        expect(guard.check(text).findings, text).to.have.length(1);
      }
    });

    it('matches a phrase across any run of whitespace, including CRLF and no-break spaces', () => {
      const text = 'le projet\r\n  secret, le projet\u00A0secret et le projet\u202F\tsecret';
      expect(passages(text, guard.check(text).findings)).to.deep.equal([
        'projet\r\n  secret',
        'projet\u00A0secret',
        'projet\u202F\tsecret',
      ]);
    });

    it('does not match a phrase whose words are apart', () => {
      expect(guard.check('un projet vraiment secret').findings).to.deep.equal([]);
    });
  });

  describe('plurals', () => {
    it('matches -s and -x plurals only when the rule asks for them', () => {
      const text = 'Des grèves, des bureaux et des projets secrets';
      const strict = termGuard({ terms: ['grève', 'bureau', 'projet secret'] });
      const lenient = termGuard({ terms: ['grève', 'bureau', 'projet secret'], plurals: true });
      expect(strict.check(text).findings).to.deep.equal([]);
      expect(passages(text, lenient.check(text).findings)).to.deep.equal(['grèves', 'bureaux', 'projets secrets']);
    });

    it('still matches the singular and does not invent plurals of plurals', () => {
      const guard = termGuard({ terms: ['prix'], plurals: true });
      expect(passages('le prix et les prixs', guard.check('le prix et les prixs').findings)).to.deep.equal(['prix']);
    });
  });

  describe('offsets', () => {
    const guard = termGuard({ terms: ['élection'] });

    it('maps back to the original text after emoji, combining accents and CRLF', () => {
      const text = '👩‍👩‍👧 Cafe\u0301 🇫🇷\r\n\r\n  l’E\u0301LECTION\u0301 🎉';
      const [finding] = guard.check(text).findings;
      const start = text.indexOf('E\u0301LECTION');
      expect(finding).to.include({ start, end: start + 10 });
      expect(text.slice(finding!.start, finding!.end)).to.equal('E\u0301LECTION\u0301');
      expect(finding!.excerpt).to.equal('E\u0301LECTION\u0301');
    });

    it('reports each occurrence', () => {
      const text = 'élection, élection, ÉLECTION';
      expect(guard.check(text).findings.map((finding) => finding.start)).to.deep.equal([0, 10, 20]);
    });
  });

  describe('exceptions', () => {
    const guard = termGuard({ terms: ['grève'], exceptions: ['grève du zèle'] });

    it('does not report a term inside an exception', () => {
      expect(guard.check('Une GREVE DU ZELE, rien de plus').findings).to.deep.equal([]);
    });

    it('still reports the term elsewhere in the same text', () => {
      const text = 'grève du zèle puis grève générale';
      expect(passages(text, guard.check(text).findings)).to.deep.equal(['grève']);
      expect(guard.check(text).findings[0]!.start).to.equal(19);
    });

    it('applies only to its own rule', () => {
      const guard = compilePolicy({
        version: 1,
        rules: [
          { id: 'a', kind: 'term', category: 'politics', severity: 'warn', terms: ['grève'], exceptions: ['grève du zèle'] },
          { id: 'b', kind: 'term', category: 'politics', severity: 'warn', terms: ['grève'] },
        ],
      });
      expect(guard.check('grève du zèle').findings.map((finding) => finding.ruleId)).to.deep.equal(['b']);
    });
  });

  describe('overlapping terms of one rule', () => {
    it('reports the longest passage once, not each term inside it', () => {
      const guard = termGuard({ terms: ['secret', 'secret défense'] });
      const text = 'classé secret défense';
      expect(passages(text, guard.check(text).findings)).to.deep.equal(['secret défense']);
    });
  });

  describe('nested terms, exceptions and the findings cap', () => {
    const nested = Array.from({ length: 500 }, (_, k) => Array.from({ length: k + 1 }, () => 'a').join(' '));
    const text = 'a '.repeat(10000);

    it('reports one finding per passage and rule, the leftmost longest, for 500 nested terms', () => {
      const report = termGuard({ terms: nested }).check(text);
      expect(report.findings).to.have.length(20);
      expect(report).not.to.have.property('omitted');
      expect(report.findings.map((finding) => finding.start)).to.deep.equal(Array.from({ length: 20 }, (_, k) => k * 1000));
      expect(text.slice(report.findings[0]!.start, report.findings[0]!.end)).to.equal(nested[499]);
    });

    it('lets every nested term through when the same phrases are exceptions', () => {
      expect(termGuard({ terms: nested, exceptions: nested }).check(text)).to.deep.equal({ verdict: 'pass', findings: [] });
    });

    it('reports overlapping terms of one rule once, from the leftmost', () => {
      const guard = termGuard({ terms: ['projet secret', 'secret défense'] });
      const sentence = 'un projet secret défense';
      expect(passages(sentence, guard.check(sentence).findings)).to.deep.equal(['projet secret']);
    });

    it('lists at most MAX_FINDINGS findings, the first by position, and says how many more there are', () => {
      const report = termGuard({ terms: ['a'] }).check(text);
      expect(report.findings).to.have.length(MAX_FINDINGS);
      expect(report.omitted).to.equal(10000 - MAX_FINDINGS);
      expect(report.findings[MAX_FINDINGS - 1]!.start).to.equal(2 * (MAX_FINDINGS - 1));
    });

    it('weighs omitted findings in the verdict', () => {
      const guard = compilePolicy({
        version: 1,
        rules: [
          { id: 'tone', kind: 'term', category: 'tone', severity: 'info', terms: ['a'] },
          { id: 'secret', kind: 'term', category: 'confidential', severity: 'block', terms: ['zéphyr'] },
        ],
      });
      const report = guard.check(`${text}zéphyr`);
      expect(report.findings.map((finding) => finding.ruleId)).not.to.include('secret');
      expect(report.verdict).to.equal('block');
    });

    it('always lists the length finding, even past the cap', () => {
      const report = termGuard({ terms: ['a'] }).check(text, { network: 'x' });
      expect(report.findings).to.have.length(MAX_FINDINGS);
      expect(report.findings.filter((finding) => finding.ruleId === 'length')).to.have.length(1);
      expect(report.omitted).to.equal(10000 - MAX_FINDINGS + 1);
    });
  });

  describe('suggestions', () => {
    const guard = termGuard({ terms: ['grève'], suggestion: 'mouvement social' });

    it('carries the rule suggestion, written in the case of the passage', () => {
      const findings = guard.check('grève, Grève, GRÈVE').findings;
      expect(findings.map((finding) => finding.suggestion)).to.deep.equal([
        'mouvement social',
        'Mouvement social',
        'MOUVEMENT SOCIAL',
      ]);
    });

    it('has no suggestion when the rule has none', () => {
      expect(termGuard({ terms: ['grève'] }).check('grève').findings[0]).not.to.have.property('suggestion');
    });
  });

  describe('scale', () => {
    it('finds terms among thousands, each with its rule', () => {
      const rules = Array.from({ length: 100 }, (_, r) => ({
        id: `r${r}`,
        kind: 'term' as const,
        category: 'confidential',
        severity: 'warn' as const,
        terms: Array.from({ length: 50 }, (_, t) => `code${r}x${t}`),
      }));
      const guard = compilePolicy({ version: 1, rules });
      const findings = guard.check('Voir CODE42x7 et code99x49, pas code100x1.').findings;
      expect(findings.map((finding) => [finding.ruleId, finding.excerpt])).to.deep.equal([
        ['r42', 'CODE42x7'],
        ['r99', 'code99x49'],
      ]);
    });
  });
});
