/**
 * Compiling the regular expressions of `pattern` rules, and refusing those that could hang the
 * page. JavaScript cannot interrupt a running regular expression, so a pattern prone to
 * catastrophic backtracking must be refused before it ever runs. The check is conservative:
 *
 * - a repeated group must not contain a quantifier of variable length (`(a+)+`, `(\w+\s?)*`,
 *   `(a{1,3}){2,}`): the text can then be split between iterations in exponentially many ways;
 * - under a repeat, the alternatives of a group must not be able to start with the same
 *   character (`(a|a)*`, `(a|ab)+`, `(\d|x)*`), for the same reason.
 *
 * Some harmless patterns are refused too (`(\s|x)*`); the error says why, and the author can
 * write the pattern another way. Polynomial backtracking from quantifiers side by side (`.*.*=`)
 * is not detected: with posts of a few thousand characters it stays in milliseconds for two.
 */

/** Why a pattern was refused, in words for the policy author. */
export class UnsafePatternError extends Error {
  override readonly name = 'UnsafePatternError';
}

/** What a piece of pattern can begin with: some known characters, or anything. */
interface FirstCharacters {
  any: boolean;
  chars: Set<string>;
}

interface Shape {
  /** Holds a quantifier whose number of repetitions can vary and exceed one. */
  variableRepeat: boolean;
  /** Holds an alternation whose alternatives can begin with the same character. */
  ambiguousAlternation: boolean;
  /** Can match the empty string. */
  nullable: boolean;
  first: FirstCharacters;
}

const anything = (): FirstCharacters => ({ any: true, chars: new Set() });
const nothing = (): FirstCharacters => ({ any: false, chars: new Set() });

function overlaps(a: FirstCharacters, b: FirstCharacters): boolean {
  if (a.any || b.any) return true;
  for (const char of a.chars) if (b.chars.has(char)) return true;
  return false;
}

function union(a: FirstCharacters, b: FirstCharacters): FirstCharacters {
  return { any: a.any || b.any, chars: new Set([...a.chars, ...b.chars]) };
}

class PatternShapeReader {
  #source: string;
  #ignoreCase: boolean;
  #at = 0;

  constructor(source: string, ignoreCase: boolean) {
    this.#source = source;
    this.#ignoreCase = ignoreCase;
  }

  read(): void {
    this.#alternation();
  }

  #peek(): string | undefined {
    return this.#source[this.#at];
  }

  #literal(char: string): Shape {
    const chars = new Set([this.#ignoreCase ? char.toLowerCase() : char]);
    return { variableRepeat: false, ambiguousAlternation: false, nullable: false, first: { any: false, chars } };
  }

  #alternation(): Shape {
    const alternatives: Shape[] = [this.#sequence()];
    while (this.#peek() === '|') {
      this.#at++;
      alternatives.push(this.#sequence());
    }
    let ambiguous = alternatives.some((shape) => shape.ambiguousAlternation);
    for (let a = 0; a < alternatives.length && !ambiguous; a++) {
      for (let b = a + 1; b < alternatives.length && !ambiguous; b++) {
        const left = alternatives[a]!;
        const right = alternatives[b]!;
        ambiguous = left.nullable || right.nullable || overlaps(left.first, right.first);
      }
    }
    return {
      variableRepeat: alternatives.some((shape) => shape.variableRepeat),
      ambiguousAlternation: ambiguous,
      nullable: alternatives.some((shape) => shape.nullable),
      first: alternatives.reduce((first, shape) => union(first, shape.first), nothing()),
    };
  }

  #sequence(): Shape {
    const shape: Shape = { variableRepeat: false, ambiguousAlternation: false, nullable: true, first: nothing() };
    for (let char = this.#peek(); char !== undefined && char !== '|' && char !== ')'; char = this.#peek()) {
      const term = this.#quantified(this.#atom());
      shape.variableRepeat ||= term.variableRepeat;
      shape.ambiguousAlternation ||= term.ambiguousAlternation;
      if (shape.nullable) shape.first = union(shape.first, term.first);
      shape.nullable &&= term.nullable;
    }
    return shape;
  }

  #atom(): Shape {
    const source = this.#source;
    const char = source[this.#at++]!;
    if (char === '(') {
      let lookaround = false;
      if (source.startsWith('?:', this.#at)) this.#at += 2;
      else if (source.startsWith('?=', this.#at) || source.startsWith('?!', this.#at)) (this.#at += 2), (lookaround = true);
      else if (source.startsWith('?<=', this.#at) || source.startsWith('?<!', this.#at)) (this.#at += 3), (lookaround = true);
      else if (source.startsWith('?<', this.#at)) this.#at = source.indexOf('>', this.#at) + 1;
      const inner = this.#alternation();
      this.#at++; // ")"
      return lookaround ? { ...inner, nullable: true, first: nothing() } : inner;
    }
    if (char === '[') return this.#characterClass();
    if (char === '\\') return this.#escape();
    if (char === '.') return { variableRepeat: false, ambiguousAlternation: false, nullable: false, first: anything() };
    if (char === '^' || char === '$') return { variableRepeat: false, ambiguousAlternation: false, nullable: true, first: nothing() };
    const code = char.charCodeAt(0);
    if (code >= 0xd800 && code <= 0xdbff && this.#at < source.length) return this.#literal(char + source[this.#at++]!);
    return this.#literal(char);
  }

  #characterClass(): Shape {
    const source = this.#source;
    let simple = source[this.#at] !== '^';
    const chars = new Set<string>();
    while (this.#at < source.length && source[this.#at] !== ']') {
      const char = source[this.#at++]!;
      if (char === '\\') {
        this.#at++;
        simple = false;
      } else if (char === '-' && chars.size > 0 && source[this.#at] !== ']') {
        simple = false;
      } else {
        chars.add(this.#ignoreCase ? char.toLowerCase() : char);
      }
    }
    this.#at++; // "]"
    return { variableRepeat: false, ambiguousAlternation: false, nullable: false, first: simple ? { any: false, chars } : anything() };
  }

  #escape(): Shape {
    const source = this.#source;
    const char = source[this.#at++] ?? '';
    const assertion: Shape = { variableRepeat: false, ambiguousAlternation: false, nullable: true, first: nothing() };
    const anyOne: Shape = { variableRepeat: false, ambiguousAlternation: false, nullable: false, first: anything() };
    if (char === 'b' || char === 'B') return assertion;
    if ('pP'.includes(char) && source[this.#at] === '{') this.#at = source.indexOf('}', this.#at) + 1;
    else if (char === 'u' && source[this.#at] === '{') this.#at = source.indexOf('}', this.#at) + 1;
    else if (char === 'u') this.#at += 4;
    else if (char === 'x') this.#at += 2;
    else if (char === 'c') this.#at += 1;
    else if (char === 'k' && source[this.#at] === '<') this.#at = source.indexOf('>', this.#at) + 1;
    else if (/[1-9]/.test(char)) {
      while (/\d/.test(source[this.#at] ?? '')) this.#at++;
      return { ...anyOne, nullable: true };
    } else if (!'dDwWsS'.includes(char) && !/[a-zA-Z0-9]/.test(char)) return this.#literal(char);
    return char === 'k' ? { ...anyOne, nullable: true } : anyOne;
  }

  #quantified(atom: Shape): Shape {
    const source = this.#source;
    let min: number;
    let max: number;
    const char = source[this.#at];
    if (char === '*') (min = 0), (max = Infinity), this.#at++;
    else if (char === '+') (min = 1), (max = Infinity), this.#at++;
    else if (char === '?') (min = 0), (max = 1), this.#at++;
    else if (char === '{') {
      const braces = /^\{(\d+)(,(\d*))?\}/.exec(source.slice(this.#at));
      if (!braces) return atom;
      min = Number(braces[1]);
      max = braces[2] === undefined ? min : braces[3] ? Number(braces[3]) : Infinity;
      this.#at += braces[0].length;
    } else return atom;
    if (source[this.#at] === '?') this.#at++; // lazy: same backtracking, other order
    if (max > 1) {
      if (atom.variableRepeat) {
        throw new UnsafePatternError('a repeated group holds another variable quantifier, as in (a+)+; this can hang the page');
      }
      if (atom.ambiguousAlternation) {
        throw new UnsafePatternError('a repeated group holds alternatives that can start alike, as in (a|ab)*; this can hang the page');
      }
    }
    return {
      variableRepeat: atom.variableRepeat || (max > 1 && min !== max),
      ambiguousAlternation: atom.ambiguousAlternation,
      nullable: atom.nullable || min === 0,
      first: atom.first,
    };
  }
}

/**
 * Compiles a rule's pattern with the flags the guard needs (`g` to find every match, `u` for
 * real Unicode) plus the rule's own. Throws a `SyntaxError` for an invalid pattern and an
 * {@link UnsafePatternError} for one that could backtrack catastrophically.
 */
export function compilePattern(source: string, flags = ''): RegExp {
  const allFlags = [...new Set(`${flags}gu`)].join('');
  const pattern = new RegExp(source, allFlags); // syntax errors first, in the engine's words
  new PatternShapeReader(source, allFlags.includes('i')).read();
  return pattern;
}
