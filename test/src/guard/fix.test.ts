/** One-click fixes that read as French and English (issue 19): the corpus, and planFix's rules. */
import { expect } from '@open-wc/testing';
import { compilePolicy } from '../../../src/guard/index.js';
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
