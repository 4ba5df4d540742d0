import { expect } from '@open-wc/testing';
import { checkPost, compilePolicy } from '../../../src/guard/index.js';
import { DETECTORS, RelaisDataError } from '../../../src/model/index.js';
import type { GuardPolicyInput } from '../../../src/model/index.js';
import { HOSTILE_PASTES, LONGEST_POST, PATHOLOGICAL_INPUTS } from '../../fixtures/pathological-inputs.js';

/** The RelaisDataError thrown by compiling `policy`. */
function compileError(policy: unknown): RelaisDataError {
  try {
    compilePolicy(policy as GuardPolicyInput);
  } catch (error) {
    expect(error).to.be.instanceOf(RelaisDataError);
    return error as RelaisDataError;
  }
  throw new Error('expected the policy to be refused');
}

const patternPolicy = (pattern: string, flags?: string): GuardPolicyInput => ({
  version: 1,
  rules: [{ id: 'code-name', kind: 'pattern', category: 'confidential', severity: 'warn', pattern, ...(flags ? { flags } : {}) }],
});

describe('guard policy', () => {
  describe('validation', () => {
    it('names the offending field of an invalid policy', () => {
      const error = compileError({ version: 1, rules: [{ id: 'a', kind: 'term', category: 'x', severity: 'fatal', terms: ['x'] }] });
      expect(error.field).to.equal('rules[0].severity');
      expect(error.entity).to.equal('guard policy');
    });

    it('refuses a term rule without terms, naming the field', () => {
      expect(compileError({ version: 1, rules: [{ id: 'a', kind: 'term', category: 'x', severity: 'warn', terms: [] }] }).field).to.equal(
        'rules[0].terms',
      );
    });

    it('refuses a term that has nothing left to match once folded', () => {
      const error = compileError({ version: 1, rules: [{ id: 'a', kind: 'term', category: 'x', severity: 'warn', terms: ['ok', ' \u0301 '] }] });
      expect(error.field).to.equal('rules[0].terms[1]');
    });

    it('refuses duplicate and reserved rule ids', () => {
      const rule = { kind: 'term', category: 'x', severity: 'warn', terms: ['x'] } as const;
      expect(compileError({ version: 1, rules: [{ id: 'a', ...rule }, { id: 'a', ...rule }] }).field).to.equal('rules[1].id');
      expect(compileError({ version: 1, rules: [{ id: 'length', ...rule }] }).field).to.equal('rules[0].id');
    });

    it('refuses an unknown detector and a limit that is not a positive integer', () => {
      expect(compileError({ version: 1, rules: [{ id: 'a', kind: 'pii', category: 'pii', severity: 'block', detector: 'ssn' }] }).field).to.equal(
        'rules[0].detector',
      );
      expect(compileError({ version: 1, rules: [], limits: { x: 0 } }).field).to.equal('limits.x');
    });

    it('accepts a minimal policy and fills its defaults', () => {
      expect(compilePolicy({ version: '2026-11' }).check('anything')).to.deep.equal({ verdict: 'pass', findings: [] });
    });
  });

  describe('pattern rules', () => {
    it('reports each match of the rule’s regular expression', () => {
      const guard = compilePolicy(patternPolicy('\\bPRJ-\\d{3}\\b'));
      const text = 'Les projets PRJ-123 et PRJ-456, pas PRJ-12.';
      expect(guard.check(text).findings.map((finding) => text.slice(finding.start, finding.end))).to.deep.equal(['PRJ-123', 'PRJ-456']);
    });

    it('honours the rule’s flags', () => {
      const text = 'prj-123';
      expect(compilePolicy(patternPolicy('PRJ-\\d+')).check(text).findings).to.have.length(0);
      expect(compilePolicy(patternPolicy('PRJ-\\d+', 'i')).check(text).findings).to.have.length(1);
    });

    it('refuses an invalid expression with an error naming the rule and the field', () => {
      const error = compileError(patternPolicy('PRJ-(\\d+'));
      expect(error.field).to.equal('rules[0].pattern');
      expect(error.message).to.contain('code-name');
    });

    for (const pattern of ['(a+)+$', '(a*)*b', '(a|a)*c', '(a|ab)+$', '^(\\w+\\s?)*$', '(?:x{1,5}){2,}', '((a|a)b)*$', '(.*a){3,}']) {
      it(`refuses ${pattern}, which could hang the page`, () => {
        const error = compileError(patternPolicy(pattern));
        expect(error.field).to.equal('rules[0].pattern');
        expect(error.message).to.match(/hang/);
      });
    }

    for (const pattern of ['(foo|bar)+', '\\d{2}(?:[ .]?\\d{2}){4}', '(?:https?|ftp)://\\S+', '[A-Z]{3}-\\d+', '(ab)+c', '(\\d{3} ?)+']) {
      it(`accepts the safe pattern ${pattern}`, () => {
        expect(() => compilePolicy(patternPolicy(pattern))).not.to.throw();
      });
    }

    it('matches through invisible characters, with offsets into the original text', () => {
      const guard = compilePolicy(patternPolicy('\\bPRJ-\\d{3}\\b'));
      const text = 'Voir \u200BP\u200ERJ-12\u{E0041}3\u2066 et PRJ-4\u00AD56.';
      expect(guard.check(text).findings.map((finding) => text.slice(finding.start, finding.end))).to.deep.equal([
        'P\u200ERJ-12\u{E0041}3',
        'PRJ-4\u00AD56',
      ]);
    });

    it('skips empty matches without looping', () => {
      const guard = compilePolicy(patternPolicy('x*'));
      const text = '👍ab xx';
      expect(guard.check(text).findings.map((finding) => text.slice(finding.start, finding.end))).to.deep.equal(['xx']);
    });
  });

  describe('exceptions on any kind of rule', () => {
    it('lets an allowed address through a PII rule', () => {
      const guard = compilePolicy({
        version: 1,
        rules: [{ id: 'mail', kind: 'pii', category: 'pii', severity: 'block', detector: 'email', exceptions: ['presse@acme.fr'] }],
      });
      const text = 'Contact : Presse@Acme.fr ou marie@acme.fr';
      expect(guard.check(text).findings.map((finding) => finding.excerpt)).to.deep.equal(['marie@acme.fr']);
    });
  });

  describe('disclosure', () => {
    const guard = compilePolicy({ version: 1, rules: [], disclosure: { anyOf: ['#collaborateur', 'je travaille chez Acme'], severity: 'warn' } });

    it('reports a missing disclosure as a finding that covers nothing', () => {
      const report = guard.check('Super lancement aujourd’hui !', { locale: 'fr' });
      expect(report.verdict).to.equal('warn');
      expect(report.findings).to.deep.equal([
        {
          ruleId: 'disclosure',
          kind: 'disclosure',
          category: 'disclosure',
          severity: 'warn',
          start: 0,
          end: 0,
          excerpt: '',
          message: 'Indiquez que vous travaillez pour l’entreprise, par exemple avec «\u202f#collaborateur\u202f».',
        },
      ]);
    });

    it('accepts any listed phrase or hashtag, folded like terms', () => {
      expect(guard.check('Lancement ! #Collaborateur').findings).to.deep.equal([]);
      expect(guard.check('Je  TRAVAILLE chez ACME, et voici…').findings).to.deep.equal([]);
    });

    it('does not take a longer hashtag for the disclosure', () => {
      expect(guard.check('Lancement ! #collaborateurs2026').findings).to.have.length(1);
    });

    it('asks nothing of an empty draft', () => {
      expect(guard.check('  \n ').findings).to.deep.equal([]);
    });

    it('uses the policy’s own message when it has one', () => {
      const custom = compilePolicy({
        version: 1,
        disclosure: { anyOf: ['#ad'], severity: 'block', message: { fr: 'Ajoutez #ad.', en: 'Add #ad.' } },
      });
      expect(custom.check('Hello', { locale: 'en' }).findings[0]!.message).to.equal('Add #ad.');
      expect(custom.check('Hello', { locale: 'en' }).verdict).to.equal('block');
    });
  });

  describe('messages', () => {
    const rule = { id: 'pol', kind: 'term' as const, category: 'politics', severity: 'warn' as const, terms: ['élection'] };

    it('picks the requested base language of a localized rule message, then English, then any', () => {
      const guard = compilePolicy({ version: 1, rules: [{ ...rule, message: { fr: 'Sujet politique : « {excerpt} »', en: 'Political: {excerpt}' } }] });
      expect(guard.check('Élection', { locale: 'fr-CA' }).findings[0]!.message).to.equal('Sujet politique : « Élection »');
      expect(guard.check('Élection', { locale: 'de' }).findings[0]!.message).to.equal('Political: Élection');
      expect(guard.check('Élection').findings[0]!.message).to.equal('Political: Élection');
      const onlyGerman = compilePolicy({ version: 1, rules: [{ ...rule, message: { de: 'Politik' } }] });
      expect(onlyGerman.check('élection', { locale: 'fr' }).findings[0]!.message).to.equal('Politik');
    });

    it('uses a plain string message in every language', () => {
      const guard = compilePolicy({ version: 1, rules: [{ ...rule, message: 'Non.' }] });
      expect(guard.check('élection', { locale: 'fr' }).findings[0]!.message).to.equal('Non.');
    });

    it('falls back to a built-in message for the category in French and English', () => {
      const guard = compilePolicy({ version: 1, rules: [rule, { ...rule, id: 'other', category: 'jargon', terms: ['synergie'] }] });
      const [political, jargon] = guard.check('élection synergie', { locale: 'fr' }).findings;
      expect(political!.message).to.equal('«\u202félection\u202f» touche à la politique\u00a0: la charte demande de ne pas engager l’entreprise sur ce sujet.');
      expect(jargon!.message).to.equal('«\u202fsynergie\u202f» est à éviter selon la charte (jargon).');
      expect(guard.check('synergie', { locale: 'en' }).findings[0]!.message).to.equal('“synergie” is best avoided under the charter (jargon).');
    });

    it('does not take a category named like an Object property for a built-in one', () => {
      const guard = compilePolicy({ version: 1, rules: [{ ...rule, category: 'constructor' }] });
      expect(guard.check('élection', { locale: 'en' }).findings[0]!.message).to.equal('“élection” is best avoided under the charter (constructor).');
    });
  });

  describe('verdict and order', () => {
    const policy: GuardPolicyInput = {
      version: 1,
      rules: [
        { id: 'info', kind: 'term', category: 'tone', severity: 'info', terms: ['super'] },
        { id: 'warn', kind: 'term', category: 'tone', severity: 'warn', terms: ['concurrent'] },
        { id: 'block', kind: 'term', category: 'confidential', severity: 'block', terms: ['projet x'] },
      ],
    };
    const guard = compilePolicy(policy);

    it('passes with no finding or only info findings', () => {
      expect(guard.check('Rien à signaler').verdict).to.equal('pass');
      expect(guard.check('super').verdict).to.equal('pass');
    });

    it('warns when the worst finding warns, blocks when any blocks', () => {
      expect(guard.check('super concurrent').verdict).to.equal('warn');
      expect(guard.check('super concurrent et projet X').verdict).to.equal('block');
    });

    it('sorts findings by position, whatever the rule order', () => {
      const findings = guard.check('projet X, concurrent, super').findings;
      expect(findings.map((finding) => finding.ruleId)).to.deep.equal(['block', 'warn', 'info']);
      expect(findings.map((finding) => finding.start)).to.deep.equal([0, 10, 22]);
    });

    it('gives the one-shot checkPost the same report as a compiled guard', () => {
      const text = 'projet X et concurrent';
      expect(checkPost(text, policy, { locale: 'fr' })).to.deep.equal(guard.check(text, { locale: 'fr' }));
    });

    it('shortens long excerpts without splitting an emoji', () => {
      const long = compilePolicy(patternPolicy('a[^z]+z'));
      const text = `a${'b'.repeat(98)}👍${'c'.repeat(20)}z`;
      const [finding] = long.check(text).findings;
      expect(finding!.end - finding!.start).to.equal(text.length);
      expect(finding!.excerpt).to.equal(`a${'b'.repeat(98)}…`);
    });
  });

  describe('robustness', () => {
    const guard = compilePolicy({
      version: 1,
      rules: [{ id: 'mail', kind: 'pii', category: 'pii', severity: 'block', detector: 'email' }],
      disclosure: { anyOf: ['#ad'], severity: 'warn' },
    });

    it('treats a non-string text from an untyped caller as empty instead of throwing', () => {
      for (const value of [undefined, null, 42, {}]) {
        expect(guard.check(value as never).verdict).to.equal('pass');
      }
    });

    it('ignores an unknown network and a non-string locale', () => {
      const report = guard.check('Hello #ad', { network: 'myspace' as never, locale: 42 as never });
      expect(report).to.deep.equal({ verdict: 'pass', findings: [] });
    });

    it('checks pathological 3,000-character inputs to the end and reports on them (their speed is in the bench)', () => {
      const everything = compilePolicy({
        version: 1,
        internalDomains: ['intranet.acme.com'],
        rules: DETECTORS.map((detector) => ({ id: detector, kind: 'pii' as const, category: 'pii', severity: 'block' as const, detector })),
      });
      for (const text of PATHOLOGICAL_INPUTS) {
        const report = everything.check(text, { network: 'x' });
        const label = text.slice(0, 20);
        expect(report.length?.used, label).to.be.greaterThan(0);
        for (const finding of report.findings) {
          expect(finding.start, label).to.be.at.least(0);
          expect(finding.end, label).to.be.at.most(text.length);
        }
        const expected = report.findings.some((f) => f.severity === 'block') ? 'block' : report.findings.some((f) => f.severity === 'warn') ? 'warn' : 'pass';
        expect(report.verdict, label).to.equal(expected);
      }
    });

    it('checks hostile 63,206-character pastes to the end, with findings in range (their speed is in the bench)', () => {
      const everything = compilePolicy({
        version: 1,
        internalDomains: ['intranet.acme.com'],
        rules: [
          ...DETECTORS.map((detector) => ({ id: detector, kind: 'pii' as const, category: 'pii', severity: 'block' as const, detector })),
          { id: 'greve', kind: 'term', category: 'politics', severity: 'warn', terms: ['grève', 'a a a'], exceptions: ['a a a a'] },
          { id: 'code', kind: 'pattern', category: 'confidential', severity: 'warn', pattern: '\\d+\\d+x|.*.*=' },
        ],
      });
      for (const [name, text] of Object.entries(HOSTILE_PASTES)) {
        expect(text.length, name).to.equal(LONGEST_POST);
        for (const network of ['x', 'mastodon', 'facebook'] as const) {
          const report = everything.check(text, { network });
          expect(report.length?.used, name).to.be.greaterThan(0);
          expect(report.findings.length, name).to.be.at.most(200);
          for (const finding of report.findings) {
            expect(finding.start, name).to.be.within(0, text.length);
            expect(finding.end, name).to.be.within(finding.start, text.length);
          }
        }
      }
    });

    it('checks lone surrogates and control characters without throwing', () => {
      expect(() => guard.check('\uD800a@b.fr\uDFFF\u0000\r')).not.to.throw();
    });
  });
});
