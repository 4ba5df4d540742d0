import { expect } from '@open-wc/testing';
import fc from 'fast-check';
import { compilePolicy } from '../../../src/guard/index.js';
import type { Finding } from '../../../src/guard/index.js';
import { DETECTOR_FUNCTIONS, internalLinkPattern } from '../../../src/guard/detectors.js';
import { foldPhrase } from '../../../src/guard/normalize.js';
import { DETECTORS, NETWORKS } from '../../../src/model/index.js';
import type { GuardPolicyInput, Rule } from '../../../src/model/index.js';

const INTERNAL_DOMAINS = ['intranet.acme.com'];

const policy: GuardPolicyInput = {
  version: 1,
  internalDomains: INTERNAL_DOMAINS,
  disclosure: { anyOf: ['#collaborateur'], severity: 'warn' },
  rules: [
    { id: 'politics', kind: 'term', category: 'politics', severity: 'block', terms: ['élection', 'grève', 'projet secret'], plurals: true, exceptions: ['grève du zèle'] },
    { id: 'tone', kind: 'term', category: 'tone', severity: 'info', terms: ["aujourd'hui", '#buzz', 'œuvre'] },
    { id: 'code-name', kind: 'pattern', category: 'confidential', severity: 'warn', pattern: 'PRJ-\\d{3}' },
    ...DETECTORS.map((detector) => ({ id: `pii-${detector}`, kind: 'pii' as const, category: 'pii', severity: 'block' as const, detector })),
  ],
};
const guard = compilePolicy(policy);

/** Every folded form each term rule may report (terms and their plurals, written out by hand). */
const TERM_FORMS: Record<string, string[]> = {
  politics: ['election', 'elections', 'greve', 'greves', 'projet secret', 'projets secret', 'projet secrets', 'projets secrets'],
  tone: ["aujourd'hui", '#buzz', 'oeuvre'],
};

/** Pieces that trigger rules, mixed with arbitrary text so that findings actually happen. */
const FRAGMENTS = [
  'élection', 'ÉLECTIONS', 'E\u0301lection', 'grève', 'GRÈVES', 'grève du zèle', 'projets\r\nsecrets', 'aujourd’hui', '#Buzz', 'œuvre',
  'PRJ-123', 'marie@acme.fr', '06 12 34 56 78', '+33 6 12 34 56 78', 'FR76 3000 6000 0112 3456 7890 189', '4111 1111 1111 1111',
  '1 84 12 76 451 089 46', '732 829 320 00074', 'https://intranet.acme.com/rh', '#collaborateur',
  ' ', '\n', '\r\n', ', ', '. ', '’', '-', '@', '0', '👩‍👩‍👧', '🇫🇷', '\u0301', '\u200D', '\uD83D', '\uDE00', '日本',
];

const anyUtf16Unit = fc.integer({ min: 0, max: 0xffff }).map((code) => String.fromCharCode(code));
/** Arbitrary strings: full Unicode, raw UTF-16 (lone surrogates), graphemes, and rule-triggering mixes. */
const anyText = fc.oneof(
  fc.string({ unit: 'binary', maxLength: 200 }),
  fc.string({ unit: anyUtf16Unit, maxLength: 200 }),
  fc.string({ unit: 'grapheme', maxLength: 100 }),
  fc.array(fc.oneof(fc.constantFrom(...FRAGMENTS), fc.string({ unit: 'binary', maxLength: 8 })), { maxLength: 30 }).map((parts) => parts.join('')),
);
const anyOptions = fc.record(
  { network: fc.constantFrom(...NETWORKS), locale: fc.constantFrom('fr', 'en', 'fr-CA', 'de', '') },
  { requiredKeys: [] },
);

const rulesById = new Map<string, Rule>(
  (policy.rules ?? []).map((rule) => [rule.id, rule as Rule]),
);
const detectorContext = { internalLink: internalLinkPattern(INTERNAL_DOMAINS) };

/** Whether `finding` is a true report of its rule on `text`. */
function sliceMatchesRule(text: string, finding: Finding): boolean {
  const passage = text.slice(finding.start, finding.end);
  if (finding.kind === 'length') return finding.end === text.length;
  if (finding.kind === 'disclosure') return finding.start === 0 && finding.end === 0;
  const rule = rulesById.get(finding.ruleId)!;
  if (rule.kind === 'term') return TERM_FORMS[rule.id]!.includes(foldPhrase(passage));
  if (rule.kind === 'pattern') return new RegExp(`^(?:${rule.pattern})$`, 'u').test(passage);
  const alone = DETECTOR_FUNCTIONS[rule.detector](passage, detectorContext);
  return alone.length === 1 && alone[0]!.start === 0 && alone[0]!.end === passage.length;
}

const isLowSurrogate = (code: number) => code >= 0xdc00 && code <= 0xdfff;
const isHighSurrogate = (code: number) => code >= 0xd800 && code <= 0xdbff;

describe('guard properties', () => {
  it('never throws and always returns a well-formed report, whatever the text', () => {
    fc.assert(
      fc.property(anyText, anyOptions, (text, options) => {
        const report = guard.check(text, options);
        expect(['pass', 'warn', 'block']).to.include(report.verdict);
        for (let k = 1; k < report.findings.length; k++) {
          expect(report.findings[k]!.start).to.be.at.least(report.findings[k - 1]!.start);
        }
      }),
      { numRuns: 400 },
    );
  });

  it('reports offsets in range, on whole characters, slicing to a true match of the rule', () => {
    fc.assert(
      fc.property(anyText, anyOptions, (text, options) => {
        for (const finding of guard.check(text, options).findings) {
          expect(finding.start, 'start').to.be.within(0, text.length);
          expect(finding.end, 'end').to.be.within(finding.start, text.length);
          // A finding never cuts a surrogate pair in two.
          const pairCut = (at: number) => at > 0 && at < text.length && isHighSurrogate(text.charCodeAt(at - 1)) && isLowSurrogate(text.charCodeAt(at));
          expect(pairCut(finding.start) || pairCut(finding.end), 'cuts a pair').to.equal(false);
          expect(sliceMatchesRule(text, finding), `${finding.ruleId}: ${JSON.stringify(text.slice(finding.start, finding.end))}`).to.equal(true);
        }
      }),
      { numRuns: 400 },
    );
  });

  it('shifts every finding by exactly the length of unrelated text inserted before it', () => {
    const unrelated = fc
      .array(fc.constantFrom('Bonjour ', 'à tous ', '🎉 ', 'été ', 'e\u0301te\u0301 ', 'リレー ', '\r\n', 'mer\u00A0', '« merci » '), { minLength: 1, maxLength: 6 })
      .map((parts) => parts.join(''));
    // Length and disclosure depend on the whole text: leave them out of this property.
    const local = compilePolicy({ ...policy, disclosure: undefined });
    fc.assert(
      fc.property(unrelated, anyText, (prefix, text) => {
        const before = local.check(text).findings;
        const after = local.check(prefix + text).findings;
        expect(after).to.deep.equal(before.map((finding) => ({ ...finding, start: finding.start + prefix.length, end: finding.end + prefix.length })));
      }),
      { numRuns: 300 },
    );
  });

  it('gives the verdict of the worst finding', () => {
    fc.assert(
      fc.property(anyText, (text) => {
        const { verdict, findings } = guard.check(text);
        const severities = new Set(findings.map((finding) => finding.severity));
        expect(verdict).to.equal(severities.has('block') ? 'block' : severities.has('warn') ? 'warn' : 'pass');
      }),
      { numRuns: 200 },
    );
  });
});
