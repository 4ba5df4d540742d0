/**
 * A guard policy parsed a rule at a time (`parseGuardPolicyInSlices`): the value and the errors of
 * `GuardPolicySchema`, with pauses between slices so that a policy of thousands of terms never
 * holds the page; parsed once, by the validating boundary, and taken as it is by the guard's
 * sliced compile. Time is the test's own clock, moved by the test.
 */
import { expect } from '@open-wc/testing';
import { validatingAdapter } from '../../../src/adapters/validating-adapter.js';
import type { AdvocacyAdapter } from '../../../src/adapters/types.js';
import { compilePolicyInSlices } from '../../../src/guard/index.js';
import { parseGuardPolicyInSlices } from '../../../src/model/guard-policy-parse.js';
import { GuardPolicySchema, RelaisDataError, parseOrThrow } from '../../../src/model/index.js';
import { termPolicy } from '../../bench/bench-texts.js';

/** A clock that moves 1 ms each time it is read, pauses that count themselves, and the longest stretch between two pauses. */
function steppedClock() {
  let time = 0;
  let pauses = 0;
  let pausedAt = 0;
  let longest = 0;
  return {
    now: () => ++time,
    pause: async () => {
      pauses++;
      longest = Math.max(longest, time - pausedAt);
      pausedAt = time;
    },
    pauses: () => pauses,
    longest: () => longest,
  };
}

const VALID: unknown[] = [
  termPolicy(300),
  // Defaults left out: exceptions, plurals, internal domains.
  { version: 'v2', rules: [{ id: 'a', kind: 'term', category: 'confidential', severity: 'block', terms: ['Projet Aurore'], suggestion: { text: 'un projet en cours', gender: 'm', number: 's' } }] },
  {
    version: 3,
    rules: [
      { id: 'p', kind: 'pattern', category: 'figures', severity: 'warn', pattern: '\\d+ ?%', flags: 'i', message: { fr: 'Chiffre', en: 'Figure' } },
      { id: 'mail', kind: 'pii', category: 'pii', severity: 'block', detector: 'email', exceptions: ['presse@example.com'] },
    ],
    limits: { linkedin: 2000, bluesky: 300 },
    disclosure: { anyOf: ['#collaborateur'], severity: 'warn' },
    internalDomains: ['intranet.example.com'],
  },
  { version: 1 },
];

const REFUSED: unknown[] = [
  { version: 1, rules: [{ id: 'a', kind: 'term', category: 'x', severity: 'warn', terms: ['ok'] }, { id: 'b', kind: 'term', category: 'x', severity: 'fatal', terms: ['x'] }] },
  { version: 1, rules: [{ id: 'a', kind: 'term', category: 'x', severity: 'warn', terms: [] }] },
  { version: 1, rules: [{ id: 'a', kind: 'pattern', category: 'x', severity: 'warn', pattern: 'a', flags: 'g' }] },
  { version: 1, rules: [], disclosure: { anyOf: [], severity: 'warn' } },
  { version: 1, rules: [], limits: { x: -1 } },
  { version: 1.5, rules: [] },
  { rules: [] },
  { version: 1, rules: 'none' },
  null,
  'policy',
];

async function refusal(parse: () => Promise<unknown>): Promise<RelaisDataError> {
  try {
    await parse();
  } catch (error) {
    return error as RelaisDataError;
  }
  throw new Error('not refused');
}

describe('parsing a guard policy in slices', () => {
  it('gives the value GuardPolicySchema gives, defaults filled in', async () => {
    for (const policy of VALID) {
      const clock = steppedClock();
      expect(await parseGuardPolicyInSlices(policy, { now: clock.now, pause: clock.pause, sliceMs: 2 }), JSON.stringify(policy).slice(0, 80)).to.deep.equal(GuardPolicySchema.parse(policy));
    }
  });

  it('refuses what GuardPolicySchema refuses, naming the same field with the same message', async () => {
    for (const policy of REFUSED) {
      let expected: RelaisDataError | undefined;
      try {
        parseOrThrow(GuardPolicySchema, policy, 'guard policy');
      } catch (error) {
        expected = error as RelaisDataError;
      }
      expect(expected, JSON.stringify(policy)).to.be.instanceOf(RelaisDataError);
      const refused = await refusal(() => parseGuardPolicyInSlices(policy, { pause: async () => {} }));
      expect(refused, JSON.stringify(policy)).to.be.instanceOf(RelaisDataError);
      expect(refused.field).to.equal(expected!.field);
      expect(refused.message).to.equal(expected!.message);
    }
  });

  it('pauses between slices of a 5,000-term policy, no stretch longer than the slice', async () => {
    const clock = steppedClock();
    await parseGuardPolicyInSlices(termPolicy(5000), { now: clock.now, pause: clock.pause, sliceMs: 4 });
    expect(clock.pauses()).to.be.greaterThan(10);
    // The clock moves 1 ms per reading, and a slice ends at the first reading past 4 ms.
    expect(clock.longest()).to.be.at.most(5);
  });

  it('returns a policy it parsed as it is, and the guard’s sliced compile does not parse it again', async () => {
    const raw = termPolicy(5000);
    const parsed = await parseGuardPolicyInSlices(raw, { pause: async () => {} });
    expect(await parseGuardPolicyInSlices(parsed, { pause: async () => {} })).to.equal(parsed);
    const fromRaw = steppedClock();
    await compilePolicyInSlices(raw, { now: fromRaw.now, pause: fromRaw.pause, sliceMs: 2 });
    const fromParsed = steppedClock();
    await compilePolicyInSlices(parsed, { now: fromParsed.now, pause: fromParsed.pause, sliceMs: 2 });
    // Parsing a rule reads the clock once: 100 rules fewer readings, so fewer pauses.
    expect(fromParsed.pauses()).to.be.lessThan(fromRaw.pauses());
  });

  it('is how the validating boundary parses a policy from an adapter it does not trust', async () => {
    const raw = termPolicy(2000);
    const adapter = { guardPolicy: async () => structuredClone(raw) } as unknown as AdvocacyAdapter;
    const policy = await validatingAdapter(adapter).guardPolicy();
    expect(policy).to.deep.equal(GuardPolicySchema.parse(raw));
    // Marked as parsed: the guard takes it as it is.
    expect(await parseGuardPolicyInSlices(policy, { pause: async () => {} })).to.equal(policy);
    const bad = { guardPolicy: async () => ({ version: 1, rules: [{ id: 'a', kind: 'term', category: 'x', severity: 'fatal', terms: ['x'] }] }) } as unknown as AdvocacyAdapter;
    const refused = await refusal(() => validatingAdapter(bad).guardPolicy());
    expect(refused).to.be.instanceOf(RelaisDataError);
    expect(refused.field).to.equal('rules[0].severity');
  });
});
