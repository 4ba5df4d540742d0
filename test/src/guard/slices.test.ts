/**
 * Compiling in slices (`compilePolicyInSlices`): the same guard as `compilePolicy`, built with
 * pauses between slices of work, so that a policy of thousands of terms never holds the page.
 * Time is the test's own clock, moved by the test: nothing here depends on the machine's speed.
 */
import { expect } from '@open-wc/testing';
import fc from 'fast-check';
import { compilePolicy, compilePolicyInSlices } from '../../../src/guard/index.js';
import { RelaisDataError } from '../../../src/model/index.js';
import type { GuardPolicyInput } from '../../../src/model/index.js';
import { frenchPost, termPolicy } from '../../bench/bench-texts.js';

/** A clock that moves 1 ms each time it is read, and pauses that count themselves. */
function steppedClock() {
  let time = 0;
  let pauses = 0;
  return {
    now: () => ++time,
    pause: async () => void pauses++,
    pauses: () => pauses,
  };
}

describe('compiling a policy in slices', () => {
  it('gives the guard compilePolicy gives: the same reports on the same texts', async () => {
    const policy = termPolicy(2000);
    const clock = steppedClock();
    const sliced = await compilePolicyInSlices(policy, { now: clock.now, pause: clock.pause, sliceMs: 4 });
    const whole = compilePolicy(policy);
    const post = frenchPost(3000);
    // The policy's real words are found (`plateforme`, `délai moyen`…): the reports compared are not empty.
    expect(whole.check(post).findings.map((finding) => finding.excerpt.toLowerCase())).to.include.members(['plateforme', 'délai moyen']);
    for (const network of ['linkedin', 'x'] as const) {
      expect(sliced.check(post, { network, locale: 'fr' })).to.deep.equal(whole.check(post, { network, locale: 'fr' }));
    }
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 2900 }), fc.integer({ min: 1, max: 100 }), (from, size) => {
        const text = post.slice(from, from + size);
        expect(sliced.check(text, { locale: 'fr' })).to.deep.equal(whole.check(text, { locale: 'fr' }));
      }),
      { seed: 19, numRuns: 100 },
    );
  });

  it('pauses between slices of a large policy, more often for shorter slices', async () => {
    const policy = termPolicy(5000);
    const long = steppedClock();
    await compilePolicyInSlices(policy, { now: long.now, pause: long.pause, sliceMs: 1000 });
    const short = steppedClock();
    await compilePolicyInSlices(policy, { now: short.now, pause: short.pause, sliceMs: 2 });
    // Every rule, every 64 terms and every step of the automaton is a chance to pause.
    expect(short.pauses()).to.be.greaterThan(100);
    expect(long.pauses()).to.be.lessThan(short.pauses() / 10);
  });

  it('refuses what compilePolicy refuses, naming the same field', async () => {
    const bad: GuardPolicyInput[] = [
      { version: 1, rules: [{ id: 'a', kind: 'term', category: 'x', severity: 'warn', terms: ['ok'] }, { id: 'b', kind: 'term', category: 'x', severity: 'fatal', terms: ['x'] }] } as unknown as GuardPolicyInput,
      { version: 1, rules: [{ id: 'length', kind: 'term', category: 'x', severity: 'warn', terms: ['x'] }] },
      { version: 1, rules: [{ id: 'a', kind: 'term', category: 'x', severity: 'warn', terms: ['ok', ' \u0301 '] }] },
      { version: 1, rules: [{ id: 'a', kind: 'pattern', category: 'x', severity: 'warn', pattern: '(a+)+$' }] },
      { version: 1, rules: 'none' } as unknown as GuardPolicyInput,
      null as unknown as GuardPolicyInput,
    ];
    for (const policy of bad) {
      let expected: RelaisDataError | undefined;
      try {
        compilePolicy(policy);
      } catch (error) {
        expected = error as RelaisDataError;
      }
      expect(expected, JSON.stringify(policy)).to.be.instanceOf(RelaisDataError);
      let refused: unknown;
      try {
        await compilePolicyInSlices(policy, { pause: async () => {} });
      } catch (error) {
        refused = error;
      }
      expect(refused, JSON.stringify(policy)).to.be.instanceOf(RelaisDataError);
      expect((refused as RelaisDataError).field).to.equal(expected!.field);
      expect((refused as RelaisDataError).message).to.equal(expected!.message);
    }
  });
});
