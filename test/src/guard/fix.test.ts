/** One-click fixes that read as French and English (issue 19): the corpus, and planFix's rules. */
import { expect } from '@open-wc/testing';
import { compilePolicy, planFix } from '../../../src/guard/index.js';
import { RelaisDataError } from '../../../src/model/index.js';
import type { GuardPolicyInput } from '../../../src/model/index.js';
import { ENGLISH, ENGLISH_POLICY, FRENCH, FRENCH_POLICY, fixAll } from './fix-corpus.js';

describe('guard one-click fixes', () => {
  for (const [lang, corpus, policy] of [['fr', FRENCH, FRENCH_POLICY], ['en', ENGLISH, ENGLISH_POLICY]] as const) {
    describe(`corpus (${lang}, ${corpus.length} sentences)`, () => {
      const guard = compilePolicy(policy);
      for (const [text, expected] of corpus) {
        it(`${JSON.stringify(text)} → ${expected === null ? 'no one-click fix' : JSON.stringify(expected)}`, () => {
          expect(fixAll(guard, text, lang)).to.equal(expected);
        });
      }
    });
  }
});

describe('suggestions written with their grammar', () => {
  const withSuggestion = (suggestion: unknown) => ({
    version: 1,
    rules: [{ id: 'code', kind: 'term', category: 'confidential', severity: 'block', terms: ['Zéphyr'] }, { id: 'client', kind: 'term', category: 'confidential', severity: 'block', terms: ['Acme'], suggestion }],
  }) as GuardPolicyInput;

  for (const [suggestion, problem] of [
    [{ text: 'une usine', gender: 'm' }, 'begins with « une », which is feminine, but "gender" says "m"'],
    [{ text: 'des clients', number: 's' }, 'begins with « des », which is plural, but "number" says "s"'],
    [{ text: 'au client' }, 'begins with « au », which holds a preposition'],
    [{ text: 'un client\nindustriel' }, 'must fit on one line'],
    [{ text: 'un client', lang: 'de' }, 'has lang "de"'],
    [{ text: '', gender: 'f' }, 'removes the passage'],
  ] as const) {
    it(`refuses ${JSON.stringify(suggestion)}, naming rules[1].suggestion`, () => {
      let error: unknown;
      try {
        compilePolicy(withSuggestion(suggestion));
      } catch (caught) {
        error = caught;
      }
      expect(error).to.be.instanceOf(RelaisDataError);
      expect((error as RelaisDataError).field).to.equal('rules[1].suggestion');
      expect((error as Error).message).to.contain(problem);
    });
  }

  it('refuses a suggestion that is neither a string nor { text }, naming the field', () => {
    expect(() => compilePolicy(withSuggestion({ gender: 'm' }))).to.throw(RelaisDataError, /rules\[1\]\.suggestion/);
    expect(() => compilePolicy(withSuggestion({ text: 'un client', gender: 'x' }))).to.throw(RelaisDataError, /rules\[1\]\.suggestion/);
  });

  it('accepts plain strings, { text }, gender and number that agree, English and removals', () => {
    for (const suggestion of ['un client', { text: 'un client', gender: 'm', number: 's' }, { text: 'l’usine', gender: 'f' }, { text: 'a client', lang: 'en' }, { text: '' }]) {
      expect(() => compilePolicy(withSuggestion(suggestion)), JSON.stringify(suggestion)).not.to.throw();
    }
  });

  it('carries the grammar on the finding, and the text (in the passage’s case) as its suggestion', () => {
    const [finding] = compilePolicy(withSuggestion({ text: 'un grand client', gender: 'm' })).check('ACME signe.').findings;
    expect(finding!.suggestion).to.equal('UN GRAND CLIENT');
    expect(finding!.grammar).to.deep.equal({ text: 'un grand client', gender: 'm' });
    expect(compilePolicy(withSuggestion('un client')).check('Acme').findings[0]).not.to.have.property('grammar');
  });

  it('fits a plain-string suggestion to the sentence as it fits { text }: never « au Un grand client »', () => {
    const text = 'Bravo au Acme !';
    const [finding] = compilePolicy(withSuggestion('un grand client')).check(text).findings;
    expect(planFix(text, finding!)).to.deep.include({ unsafe: false, text: 'Bravo à un grand client !', start: 6, end: 13, replacement: 'à un grand client' });
    const [again] = compilePolicy(withSuggestion('un projet en cours')).check('Le projet Acme avance.').findings;
    expect(planFix('Le projet Acme avance.', again!)).to.deep.include({ unsafe: false, text: 'Un projet en cours avance.' });
  });

  it('offers no one-click fix for a plain-string suggestion where the sentence needs its gender, only the sentence as it would read', () => {
    const text = 'Nous lançons la Acme.';
    const [finding] = compilePolicy(withSuggestion('client industriel')).check(text).findings;
    expect(planFix(text, finding!)).to.deep.include({ unsafe: true, preview: 'Nous lançons la client industriel.' });
  });

  it('fits a suggestion in the language of its determiner or preposition, whatever the page’s language', () => {
    const text = 'Bravo au Acme !';
    const [finding] = compilePolicy(withSuggestion('un grand client')).check(text).findings;
    expect(planFix(text, finding!, { lang: 'en' })).to.deep.include({ unsafe: false, text: 'Bravo à un grand client !' });
    const english = 'We thank Acme for its trust.';
    const [other] = compilePolicy(withSuggestion('a major client')).check(english).findings;
    expect(planFix(english, other!, { lang: 'fr' })).to.deep.include({ unsafe: false, text: 'We thank a major client for its trust.' });
  });

  it('puts a URL suggestion in place of the passage as written, even at the start of a sentence', () => {
    const text = 'https://intranet.helioria.example/rh est en ligne.';
    const policy = { version: 1, internalDomains: ['intranet.helioria.example'], rules: [{ id: 'lien', kind: 'pii' as const, category: 'x', severity: 'block' as const, detector: 'internal-link' as const, suggestion: 'https://www.helioria.example' }] };
    const [finding] = compilePolicy(policy).check(text).findings;
    expect(planFix(text, finding!)).to.deep.include({ unsafe: false, text: 'https://www.helioria.example est en ligne.' });
  });

  it('keeps a suggestion in capitals, as the passage was written, in capitals', () => {
    const text = 'BRAVO AU ACME !';
    const [finding] = compilePolicy(withSuggestion('un grand client')).check(text).findings;
    expect(planFix(text, finding!)).to.deep.include({ unsafe: false, text: 'BRAVO à UN GRAND CLIENT !' });
  });

  it('plans nothing for a finding without a suggestion or passage', () => {
    const [finding] = compilePolicy(withSuggestion('x')).check('Zéphyr').findings;
    expect(planFix('Zéphyr', finding!)).to.equal(undefined);
  });

  it('says what is replaced, and the sentence as it will read', () => {
    const text = 'Première phrase. Nous parlons du Acme demain. Dernière phrase.';
    const [finding] = compilePolicy(withSuggestion({ text: 'un grand client' })).check(text).findings;
    const plan = planFix(text, finding!);
    expect(plan).to.deep.equal({
      unsafe: false,
      text: 'Première phrase. Nous parlons d’un grand client demain. Dernière phrase.',
      start: 30,
      end: 37,
      replacement: 'd’un grand client',
      preview: 'Nous parlons d’un grand client demain.',
    });
  });

  it('shows an unsafe removal with one space where the passage was', () => {
    const text = 'Merci à Acme pour tout.';
    const [finding] = compilePolicy(withSuggestion({ text: '' })).check(text).findings;
    expect(planFix(text, finding!)).to.deep.include({ unsafe: true, preview: 'Merci à pour tout.' });
  });

  it('shows the sentence without a one-click fix where the determiner cannot agree', () => {
    const text = 'Nous lançons la Acme.';
    const [finding] = compilePolicy(withSuggestion({ text: 'client industriel' })).check(text).findings;
    const plan = planFix(text, finding!)!;
    expect(plan.unsafe).to.equal(true);
    expect(plan.preview).to.equal('Nous lançons la client industriel.');
  });
});
