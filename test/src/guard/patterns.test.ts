import { expect } from '@open-wc/testing';
import fc from 'fast-check';
import { compilePolicy } from '../../../src/guard/index.js';
import { MAX_INSTRUCTIONS, UnsafePatternError, compilePattern } from '../../../src/guard/patterns.js';
import { RelaisDataError } from '../../../src/model/index.js';
import type { GuardPolicyInput } from '../../../src/model/index.js';
import { HOSTILE_PATTERNS } from '../../fixtures/pathological-inputs.js';

/** Matches of `source` as RegExp with `g` finds them, empty ones skipped: the reference. */
function nativeMatches(source: string, flags: string, text: string, limit = 200): number[] {
  const pattern = new RegExp(source, [...new Set(`${flags}gu`)].join(''));
  const found: number[] = [];
  for (let match = pattern.exec(text); match && found.length < limit * 2; match = pattern.exec(text)) {
    if (match[0].length === 0) {
      const code = text.charCodeAt(pattern.lastIndex);
      pattern.lastIndex += code >= 0xd800 && code <= 0xdbff ? 2 : 1;
      if (pattern.lastIndex > text.length) break;
      continue;
    }
    found.push(match.index, match.index + match[0].length);
  }
  return found;
}

function refusal(pattern: string, index = 1): RelaisDataError {
  const policy: GuardPolicyInput = {
    version: 1,
    rules: [
      { id: 'fine', kind: 'pattern', category: 'x', severity: 'warn', pattern: 'PRJ-\\d+' },
      { id: 'bad', kind: 'pattern', category: 'x', severity: 'warn', pattern },
    ],
  };
  try {
    compilePolicy(policy);
  } catch (error) {
    expect(error).to.be.instanceOf(RelaisDataError);
    expect((error as RelaisDataError).field).to.equal(`rules[${index}].pattern`);
    return error as RelaisDataError;
  }
  throw new Error(`expected ${pattern} to be refused`);
}

/** Random patterns with nested, adjacent, lazy and counted quantifiers, groups and alternatives. */
const ATOMS = ['a', 'b', 'x', '!', '=', '\\d', '\\w', '\\s', '.', '[ab]', '[^a]', '\\b', '^', '$'];
const QUANTIFIERS = ['', '', '*', '+', '?', '*?', '+?', '{2}', '{1,3}', '{2,}', '{0,2}?'];
const anyPattern = fc.letrec<Record<string, string>>((tie) => ({
  atom: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    fc.constantFrom(...ATOMS),
    fc.tuple(tie('alternation'), fc.constantFrom('(?:', '(')).map(([inner, open]) => `${open}${inner})`),
  ),
  item: fc.tuple(tie('atom'), fc.constantFrom(...QUANTIFIERS)).map(([atom, quantifier]) => `${atom}${quantifier}`),
  sequence: fc.array(tie('item'), { minLength: 1, maxLength: 4 }).map((items) => items.join('')),
  alternation: fc.array(tie('sequence'), { minLength: 1, maxLength: 3 }).map((items) => items.join('|')),
  pattern: tie('alternation'),
})).pattern!;
/** Texts over the characters the patterns use, so that partial matches happen everywhere. */
const textOf = (maxLength: number, minLength = 0) =>
  fc.string({ unit: fc.constantFrom('a', 'b', 'x', '!', '=', '1', ' ', '\n', 'é', '😀'), minLength, maxLength });

/** Compiles, or returns undefined when the pattern is refused (either way without a hang). */
function compileOrRefuse(source: string) {
  try {
    return compilePattern(source);
  } catch (error) {
    expect(error, source).to.satisfy((e: unknown) => e instanceof UnsafePatternError || e instanceof SyntaxError);
    return undefined;
  }
}

describe('guard patterns', () => {
  describe('refusals, naming rules[i].pattern', () => {
    for (const pattern of ['(?:\\w?\\w?)+!', '(a?b?)*c', '(?:a?)+x', '(?:\\b)*x', '(?:a?){2,}']) {
      it(`refuses ${pattern}, a repeated group that can match nothing`, () => {
        expect(refusal(pattern).message).to.match(/can match nothing/);
      });
    }

    for (const pattern of ['(?=a)b', 'a(?!b)', '(?<=a)b', '(?<!a)b']) {
      it(`refuses the lookaround in ${pattern}`, () => {
        expect(refusal(pattern).message).to.match(/lookarounds/);
      });
    }

    for (const pattern of ['(a)\\1', '(?<x>a)\\k<x>']) {
      it(`refuses the backreference in ${pattern}`, () => {
        expect(refusal(pattern).message).to.match(/backreferences/);
      });
    }

    it('refuses a pattern too large once its counts are written out, saying the limit', () => {
      expect(refusal(`a{${MAX_INSTRUCTIONS}}`).message).to.contain(String(MAX_INSTRUCTIONS));
      expect(refusal('(?:a{100}){100}').message).to.match(/too large/);
    });
  });

  describe('accepted syntax, with the matches RegExp would find', () => {
    const cases: Array<[string, string, string]> = [
      ['\\bPRJ-\\d{3}\\b', '', 'PRJ-123 et PRJ-456, pas PRJ-12 ni PRJ-1234.'],
      ['PRJ-\\d+', 'i', 'prj-123 PRJ-9'],
      ['.*.*=', '', 'ab=cd=e'],
      ['\\d+\\d+\\d+\\d+x', '', '12345x 123x'],
      ['a+?b|a{2,4}?', '', 'aaab aaaaa'],
      ['^\\w+$', 'm', 'ab\ncd\r\nef'],
      ['.+', 's', 'a\nb'],
      ['.+', '', 'a\nb\u2028c'],
      ['é|ß', 'i', 'É é ẞ ss'],
      ['\\p{Lu}+', '', 'ABC déf GHÏ'],
      ['[\\u{1F600}-\\u{1F64F}]+|\\uD83D\\uDE80', '', 'hi 😀😃 🚀'],
      ['(?<year>\\d{4})-\\d\\d', '', 'le 2024-05'],
      ['\\bk\\b', 'i', 'a \u212A b k'],
      ['\\B..\\B', '', 'hello world'],
      ['(?:a|b)*?c', '', 'ababc'],
    ];
    for (const [source, flags, text] of cases) {
      it(`finds what RegExp finds for /${source}/${flags}`, () => {
        expect(compilePattern(source, flags).findAll(text, 200)).to.deep.equal(nativeMatches(source, flags, text));
      });
    }
  });

  describe('properties', () => {
    it('finds exactly the matches of RegExp for every accepted random pattern', () => {
      fc.assert(
        fc.property(anyPattern, fc.constantFrom('', 'i', 'm', 's'), textOf(30), (source, flags, text) => {
          // The reference is a backtracking engine: keep it to a few quantifiers, or it may hang.
          if ((source.match(/[*+?{]/g) ?? []).length > 3) return;
          let pattern;
          try {
            pattern = compilePattern(source, flags);
          } catch {
            return; // refused: nothing runs
          }
          expect(pattern.findAll(text, 200), `/${source}/${flags} on ${JSON.stringify(text)}`).to.deep.equal(nativeMatches(source, flags, text));
        }),
        { numRuns: 400 },
      );
    });

    it('either refuses a random pattern or checks a 3,000-character text in steps linear in the text', () => {
      fc.assert(
        fc.property(anyPattern, textOf(8), textOf(3000, 3000), (source, unit, noise) => {
          const pattern = compileOrRefuse(source);
          if (!pattern) return;
          // A repeated unit is what makes backtracking engines blow up; or random text. 3,000
          // characters (an emoji counts one character, two UTF-16 units).
          const text = unit.length > 0 ? [...unit.repeat(3000)].slice(0, 3000).join('') : noise;
          const steps = { count: 0 };
          pattern.findAll(text, 200, steps);
          // Each (instruction, position) pair is explored once; entering one costs at most
          // three steps (from a split, a jump or the instruction before it); each of the at
          // most 200 matches re-opens one position.
          expect(steps.count, source).to.be.at.most(3 * pattern.size * (text.length + 2) + 200 * pattern.size);
        }),
        { numRuns: 300 },
      );
    });
  });

  describe('the hostile patterns of issue 8', () => {
    for (const [source, text] of HOSTILE_PATTERNS) {
      it(`refuses ${source} or checks ${text.length} characters of ${JSON.stringify(text.slice(0, 12))}… in linear steps`, () => {
        const pattern = compileOrRefuse(source);
        if (!pattern) return;
        const steps = { count: 0 };
        pattern.findAll(text, 200, steps);
        expect(steps.count).to.be.at.most(3 * pattern.size * (text.length + 2) + 200 * pattern.size);
      });
    }

    it('refuses the pattern that blocked a tab for 75 s, and accepts the adjacent quantifiers', () => {
      expect(() => compilePattern('(?:\\w?\\w?)+!')).to.throw(UnsafePatternError, /can match nothing/);
      expect(() => compilePattern('.*.*=')).not.to.throw();
      expect(() => compilePattern('\\d+\\d+\\d+\\d+x')).not.to.throw();
    });

    it('does at most twice the work on twice the text', () => {
      for (const [source, text] of [
        ['.*.*=', 'a'.repeat(3000)],
        ['\\d+\\d+\\d+\\d+x', '1'.repeat(3000)],
        ['a[^z]+z', 'a'.repeat(3000)],
      ] as const) {
        const pattern = compilePattern(source);
        const once = { count: 0 };
        pattern.findAll(text, 200, once);
        const twice = { count: 0 };
        pattern.findAll(text + text, 200, twice);
        expect(twice.count, source).to.be.at.most(2 * once.count + 3 * pattern.size);
      }
    });
  });
});
