/**
 * The regular expressions of `pattern` rules, run by the guard's own matcher, in time linear in
 * the text whatever the pattern. JavaScript cannot interrupt a running RegExp, and its engine
 * backtracks: `(?:\w?\w?)+!` blocks a tab for minutes on one long word, `.*.*=` and `\d+\d+x`
 * grow with the square or the cube of the text. So patterns never reach the RegExp engine:
 *
 * - compile: the pattern must be valid for `new RegExp(source, flags + 'u')` (syntax errors in
 *   the engine's words), and use only the syntax below (else {@link UnsafePatternError}):
 *   characters, escapes, classes, `.`, `\d\w\s` and their negations, `\p{…}`, groups (plain,
 *   non-capturing, named), `|`, the quantifiers `* + ? {n} {n,} {n,m}` greedy or lazy, and the
 *   assertions `^ $ \b \B`. Lookarounds, backreferences and inline modifiers are refused.
 *   Written out (counted repetitions copied), the program holds at most
 *   {@link MAX_INSTRUCTIONS} instructions.
 * - a repeated group (at most > 1) must not hold a variable quantifier (`(a+)+`), alternatives
 *   that can start alike (`(a|ab)*`), or be able to match nothing (`(\w?\w?)+`). The matcher
 *   below needs only the last rule; the first two are kept because such patterns hang every
 *   backtracking engine that may read the same policy (a server, an older Relais), and always
 *   have a simpler equivalent.
 * - run: a backtracking matcher that tries alternatives in the order JavaScript does (so
 *   matches are the ones `RegExp` would find), memoising which (instruction, position) pairs
 *   were already explored. An explored pair that is met again can only fail (no loop can match
 *   nothing, there are no backreferences and every assertion depends on the position alone),
 *   so each pair is explored at most once for the whole scan of a text: the cost of finding
 *   every match is at most instructions × (text length + 1) steps.
 *
 * Character tests (classes, `\p{…}`, case-insensitive letters) are delegated to a RegExp of one
 * character, with the rule's own `i` and `s` flags: the same semantics as the engine, at a
 * constant cost per character (and cached).
 */

/** Why a pattern was refused, in words for the policy author. */
export class UnsafePatternError extends Error {
  override readonly name = 'UnsafePatternError';
}

/** Most instructions a pattern may compile to (`\d{3}` counts 3, `(?:ab){2,4}` about 10). */
export const MAX_INSTRUCTIONS = 1000;

/** What a piece of pattern can begin with: some known characters, or anything. */
interface FirstCharacters {
  any: boolean;
  chars: Set<string>;
}

type CharTest = (codePoint: number) => boolean;
type AssertionKind = '^' | '$' | 'b' | 'B';

interface Node {
  kind: 'char' | 'assert' | 'seq' | 'alt' | 'rep';
  test?: CharTest;
  /** The pattern text of a character test (`a`, `[^z]`, `\p{L}`). */
  atom?: string;
  assertion?: AssertionKind;
  items?: Node[];
  body?: Node;
  min?: number;
  max?: number;
  greedy?: boolean;
  /** Holds a quantifier whose number of repetitions can vary and exceed one. */
  variable: boolean;
  /** Holds an alternation whose alternatives can begin with the same character. */
  ambiguous: boolean;
  /** Can match the empty string. */
  nullable: boolean;
  first: FirstCharacters;
  /** Instructions once written out (Infinity past the limit). */
  size: number;
}

const anything = (): FirstCharacters => ({ any: true, chars: new Set() });
const nothing = (): FirstCharacters => ({ any: false, chars: new Set() });
const union = (a: FirstCharacters, b: FirstCharacters): FirstCharacters => ({ any: a.any || b.any, chars: new Set([...a.chars, ...b.chars]) });
function overlaps(a: FirstCharacters, b: FirstCharacters): boolean {
  if (a.any || b.any) return true;
  for (const char of a.chars) if (b.chars.has(char)) return true;
  return false;
}

const refuse = (why: string) => new UnsafePatternError(why);
const HANG = 'a backtracking engine can hang the page on it';

/** A test of one code point against a one-character pattern, with the engine's own semantics. */
function charTest(atom: string, flags: string): CharTest {
  const pattern = new RegExp(`^(?:${atom})$`, flags);
  const ascii = new Uint8Array(128); // 0 unknown, 1 matches, 2 does not
  const others = new Map<number, boolean>();
  return (codePoint) => {
    if (codePoint < 128) {
      let known = ascii[codePoint]!;
      if (known === 0) ascii[codePoint] = known = pattern.test(String.fromCharCode(codePoint)) ? 1 : 2;
      return known === 1;
    }
    let known = others.get(codePoint);
    if (known === undefined) {
      known = pattern.test(String.fromCodePoint(codePoint));
      if (others.size < 4096) others.set(codePoint, known);
    }
    return known;
  };
}

class Parser {
  #source: string;
  #flags: string;
  #ignoreCase: boolean;
  #at = 0;

  constructor(source: string, flags: string) {
    this.#source = source;
    this.#flags = flags;
    this.#ignoreCase = flags.includes('i');
  }

  parse(): Node {
    return this.#alternation();
  }

  #char(atom: string, first: FirstCharacters): Node {
    return { kind: 'char', test: charTest(atom, this.#flags), atom, variable: false, ambiguous: false, nullable: false, first, size: 1 };
  }

  #literal(atom: string, char: string): Node {
    return this.#char(atom, { any: false, chars: new Set([this.#ignoreCase ? char.toLowerCase() : char]) });
  }

  #alternation(): Node {
    const items: Node[] = [this.#sequence()];
    while (this.#source[this.#at] === '|') {
      this.#at++;
      items.push(this.#sequence());
    }
    if (items.length === 1) return items[0]!;
    let ambiguous = items.some((item) => item.ambiguous);
    for (let a = 0; a < items.length && !ambiguous; a++) {
      for (let b = a + 1; b < items.length && !ambiguous; b++) {
        ambiguous = items[a]!.nullable || items[b]!.nullable || overlaps(items[a]!.first, items[b]!.first);
      }
    }
    return {
      kind: 'alt',
      items,
      variable: items.some((item) => item.variable),
      ambiguous,
      nullable: items.some((item) => item.nullable),
      first: items.reduce((first, item) => union(first, item.first), nothing()),
      size: items.reduce((size, item) => size + item.size + 2, -2),
    };
  }

  #sequence(): Node {
    const node: Node = { kind: 'seq', items: [], variable: false, ambiguous: false, nullable: true, first: nothing(), size: 0 };
    for (let char = this.#source[this.#at]; char !== undefined && char !== '|' && char !== ')'; char = this.#source[this.#at]) {
      const item = this.#quantified(this.#atom());
      node.items!.push(item);
      node.variable ||= item.variable;
      node.ambiguous ||= item.ambiguous;
      if (node.nullable) node.first = union(node.first, item.first);
      node.nullable &&= item.nullable;
      node.size += item.size;
    }
    return node;
  }

  #assertion(assertion: AssertionKind): Node {
    return { kind: 'assert', assertion, variable: false, ambiguous: false, nullable: true, first: nothing(), size: 1 };
  }

  #atom(): Node {
    const source = this.#source;
    const start = this.#at;
    const char = source[this.#at++]!;
    if (char === '(') {
      if (source[this.#at] === '?') {
        const next = source[this.#at + 1];
        const after = source[this.#at + 2];
        if (next === ':') this.#at += 2;
        else if (next === '<' && after !== '=' && after !== '!') this.#at = source.indexOf('>', this.#at) + 1;
        else throw refuse('lookarounds such as (?=…), (?!…), (?<=…), (?<!…) and inline flags are not supported in guard patterns');
      }
      const inner = this.#alternation();
      this.#at++; // ")"
      return inner;
    }
    if (char === '^' || char === '$') return this.#assertion(char);
    if (char === '.') return this.#char('.', anything());
    if (char === '[') {
      let simple = source[this.#at] !== '^';
      const chars = new Set<string>();
      while (source[this.#at] !== ']') {
        const inClass = source[this.#at++]!;
        if (inClass === '\\') {
          this.#at++;
          simple = false;
        } else if (inClass === '-' && chars.size > 0 && source[this.#at] !== ']') {
          simple = false;
        } else {
          chars.add(this.#ignoreCase ? inClass.toLowerCase() : inClass);
        }
      }
      this.#at++; // "]"
      return this.#char(source.slice(start, this.#at), simple ? { any: false, chars } : anything());
    }
    if (char === '\\') {
      const escaped = source[this.#at++]!;
      if (escaped === 'b' || escaped === 'B') return this.#assertion(escaped);
      if (escaped === 'k' || (escaped >= '1' && escaped <= '9')) {
        throw refuse('backreferences such as \\1 or \\k<name> are not supported in guard patterns');
      }
      if (escaped === 'p' || escaped === 'P' || (escaped === 'u' && source[this.#at] === '{')) {
        this.#at = source.indexOf('}', this.#at) + 1;
      } else if (escaped === 'u') {
        this.#at += 4;
        // A surrogate pair written as two escapes is one character with the u flag.
        if (/^\\u[dD][c-fC-F]/.test(source.slice(this.#at, this.#at + 4)) && /^[dD][89abAB]/.test(source.slice(start + 2, start + 4))) this.#at += 6;
      } else if (escaped === 'x') this.#at += 2;
      else if (escaped === 'c') this.#at += 1;
      const atom = source.slice(start, this.#at);
      return /[A-Za-z0-9]/.test(escaped) ? this.#char(atom, anything()) : this.#literal(atom, escaped);
    }
    const codePoint = source.codePointAt(start)!;
    if (codePoint > 0xffff) this.#at++;
    return this.#literal(source.slice(start, this.#at), source.slice(start, this.#at));
  }

  #quantified(atom: Node): Node {
    const source = this.#source;
    let min: number;
    let max: number;
    const char = source[this.#at];
    if (char === '*' || char === '+' || char === '?') {
      min = char === '+' ? 1 : 0;
      max = char === '?' ? 1 : Infinity;
      this.#at++;
    } else if (char === '{') {
      const braces = /^\{(\d+)(,(\d*))?\}/.exec(source.slice(this.#at, this.#at + 24));
      if (!braces) throw refuse('a counted repetition {n,m} needs numbers below a billion');
      min = Number(braces[1]);
      max = braces[2] === undefined ? min : braces[3] ? Number(braces[3]) : Infinity;
      this.#at += braces[0].length;
    } else return atom;
    const greedy = source[this.#at] !== '?';
    if (!greedy) this.#at++;
    if (max > 1) {
      if (atom.variable) throw refuse(`a repeated group holds another variable quantifier, as in (a+)+; ${HANG}: write a+`);
      if (atom.ambiguous) throw refuse(`a repeated group holds alternatives that can start alike, as in (a|ab)*; ${HANG}`);
      if (atom.nullable) throw refuse(`a repeated group can match nothing, as in (a?b?)+; ${HANG}: make each repetition match something`);
    }
    const size = min * atom.size + (max === Infinity ? atom.size + 2 : (max - min) * (atom.size + 1));
    return {
      kind: 'rep',
      body: atom,
      min,
      max,
      greedy,
      variable: atom.variable || (max > 1 && min !== max),
      ambiguous: atom.ambiguous,
      nullable: atom.nullable || min === 0,
      first: atom.first,
      size,
    };
  }
}

// Instructions.
const CHAR = 0;
const ASSERT = 1;
const SPLIT = 2; // try `x` first, then `y`
const JUMP = 3;
const MATCH = 4;

const isLineTerminator = (code: number) => code === 0x0a || code === 0x0d || code === 0x2028 || code === 0x2029;

/** A compiled pattern rule: finds matches in linear time. */
export class LinearPattern {
  readonly source: string;
  #op: Uint8Array;
  #x: Int32Array;
  #y: Int32Array;
  #tests: Array<CharTest | undefined>;
  #assertions: Array<AssertionKind | undefined>;
  /** Row of each memoised instruction in the memo table, or -1. */
  #memoRow: Int32Array;
  #memoRows: number;
  #multiline: boolean;
  #isWord: CharTest;
  #memo = new Uint32Array(0);
  #stack = new Int32Array(64);
  /**
   * A RegExp of the characters a match can begin with (`P|[a-z]`), to jump to the next place a
   * match may start; absent when a match may be empty. One character per alternative and no
   * quantifier: the engine finds it in linear time, and much faster than a loop here.
   */
  #starts: RegExp | undefined;

  constructor(source: string, root: Node, flags: string, multiline: boolean) {
    this.source = source;
    const op: number[] = [];
    const x: number[] = [];
    const y: number[] = [];
    const tests: Array<CharTest | undefined> = [];
    const atoms: string[] = [];
    const assertions: Array<AssertionKind | undefined> = [];
    const emit = (code: number, test?: CharTest, assertion?: AssertionKind, atom = '') => {
      atoms.push(atom);
      op.push(code);
      x.push(-1);
      y.push(-1);
      tests.push(test);
      assertions.push(assertion);
      return op.length - 1;
    };
    const write = (node: Node): void => {
      if (node.kind === 'char') emit(CHAR, node.test, undefined, node.atom);
      else if (node.kind === 'assert') emit(ASSERT, undefined, node.assertion);
      else if (node.kind === 'seq') node.items!.forEach(write);
      else if (node.kind === 'alt') {
        const jumps: number[] = [];
        node.items!.forEach((item, index) => {
          if (index === node.items!.length - 1) return write(item);
          const split = emit(SPLIT);
          x[split] = split + 1;
          write(item);
          jumps.push(emit(JUMP));
          y[split] = op.length;
        });
        for (const jump of jumps) x[jump] = op.length;
      } else {
        const body = node.body!;
        const min = node.min!;
        const max = node.max!;
        for (let k = 0; k < min; k++) write(body);
        const splits: number[] = [];
        if (max === Infinity) {
          const split = emit(SPLIT);
          write(body);
          x[emit(JUMP)] = split;
          splits.push(split);
        } else {
          for (let k = min; k < max; k++) {
            splits.push(emit(SPLIT));
            write(body);
          }
        }
        // Greedy: one more repetition first; lazy: leave first.
        for (const split of splits) {
          const again = split + 1;
          x[split] = node.greedy ? again : op.length;
          y[split] = node.greedy ? op.length : again;
        }
      }
    };
    write(root);
    emit(MATCH);

    // Memoise every instruction where paths fork or join: between two of them a path is a
    // straight line, so exploring each memoised pair once bounds the whole work.
    const memoRow = new Int32Array(op.length).fill(-1);
    let rows = 0;
    const memoise = (pc: number) => {
      if (pc >= 0 && memoRow[pc] === -1) memoRow[pc] = rows++;
    };
    op.forEach((code, pc) => {
      if (code === SPLIT) {
        memoise(pc);
        memoise(x[pc]!);
        memoise(y[pc]!);
      } else if (code === JUMP) {
        memoise(x[pc]!);
      }
    });
    // The characters that can begin a match: the tests reached from the first instruction
    // without reading anything (assertions let everything through: a superset is enough).
    const firstAtoms = new Set<string>();
    const reached = new Set<number>();
    let nullable = false;
    const reach = (pc: number): void => {
      if (reached.has(pc)) return;
      reached.add(pc);
      if (op[pc] === CHAR) firstAtoms.add(atoms[pc]!);
      else if (op[pc] === SPLIT) {
        reach(x[pc]!);
        reach(y[pc]!);
      }
      else if (op[pc] === JUMP) reach(x[pc]!);
      else if (op[pc] === ASSERT) reach(pc + 1);
      else nullable = true;
    };
    reach(0);
    this.#starts = nullable ? undefined : new RegExp([...firstAtoms].join('|'), `g${flags}`);
    this.#op = Uint8Array.from(op);
    this.#x = Int32Array.from(x);
    this.#y = Int32Array.from(y);
    this.#tests = tests;
    this.#assertions = assertions;
    this.#memoRow = memoRow;
    this.#memoRows = rows;
    this.#multiline = multiline;
    this.#isWord = charTest('\\w', flags);
  }

  /** Instructions of the compiled program. */
  get size(): number {
    return this.#op.length;
  }

  #holds(assertion: AssertionKind, text: string, at: number): boolean {
    const length = text.length;
    if (assertion === '^') return at === 0 || (this.#multiline && isLineTerminator(text.charCodeAt(at - 1)));
    if (assertion === '$') return at === length || (this.#multiline && isLineTerminator(text.charCodeAt(at)));
    const before = at > 0 && this.#isWord(text.charCodeAt(at - 1));
    const after = at < length && this.#isWord(text.charCodeAt(at));
    return (before !== after) === (assertion === 'b');
  }

  /**
   * Leftmost matches, as `RegExp` with the `g` flag finds them, empty ones skipped: flat
   * [start, end, start, end, …] UTF-16 offsets, at most `limit` matches. `steps`, if given,
   * receives the number of instructions run (for tests of the linear bound).
   */
  findAll(text: string, limit: number, steps?: { count: number }): number[] {
    const length = text.length;
    const width = length + 1;
    const words = (this.#memoRows * width + 31) >>> 5;
    if (this.#memo.length < words) this.#memo = new Uint32Array(words);
    const memo = this.#memo;
    memo.fill(0, 0, words);
    const op = this.#op;
    const xs = this.#x;
    const ys = this.#y;
    const memoRow = this.#memoRow;
    const tests = this.#tests;
    let stack = this.#stack;
    let count = 0;
    const found: number[] = [];

    const nextCodePoint = (at: number) => {
      const code = text.charCodeAt(at);
      const low = text.charCodeAt(at + 1);
      return at + (code >= 0xd800 && code <= 0xdbff && low >= 0xdc00 && low <= 0xdfff ? 2 : 1);
    };

    /** The end of the match starting at `start`, or -1. */
    const run = (start: number): number => {
      let top = 0;
      stack[top++] = 0;
      stack[top++] = start;
      while (top > 0) {
        let at = stack[--top]!;
        let pc = stack[--top]!;
        for (;;) {
          count++;
          const row = memoRow[pc]!;
          if (row >= 0) {
            const bit = row * width + at;
            const mask = 1 << (bit & 31);
            if (memo[bit >>> 5]! & mask) break; // explored already: it failed
            memo[bit >>> 5] = memo[bit >>> 5]! | mask;
          }
          const code = op[pc];
          if (code === CHAR) {
            if (at >= length) break;
            const codePoint = text.codePointAt(at)!;
            if (!tests[pc]!(codePoint)) break;
            at += codePoint > 0xffff ? 2 : 1;
            pc++;
          } else if (code === SPLIT) {
            if (top + 2 > stack.length) {
              const bigger = new Int32Array(stack.length * 2);
              bigger.set(stack);
              this.#stack = stack = bigger;
            }
            stack[top++] = ys[pc]!;
            stack[top++] = at;
            pc = xs[pc]!;
          } else if (code === JUMP) {
            pc = xs[pc]!;
          } else if (code === ASSERT) {
            if (!this.#holds(this.#assertions[pc]!, text, at)) break;
            pc++;
          } else {
            return at;
          }
        }
      }
      return -1;
    };

    let from = 0;
    while (from <= length && found.length < limit * 2) {
      let start = from;
      let end = -1;
      const starts = this.#starts;
      for (; start <= length; start = nextCodePoint(start)) {
        if (starts) {
          starts.lastIndex = start;
          const next = starts.exec(text);
          if (!next) break;
          start = next.index;
        }
        end = run(start);
        if (end >= 0) break;
      }
      if (end < 0) break;
      if (end === start) {
        from = nextCodePoint(start); // an empty match shows nothing
        continue;
      }
      found.push(start, end);
      // The next search starts at `end`: pairs there may lie on the path that matched, which
      // did not fail. Forget them.
      for (let row = 0; row < this.#memoRows; row++) {
        const bit = row * width + end;
        memo[bit >>> 5] = memo[bit >>> 5]! & ~(1 << (bit & 31));
      }
      from = end;
    }
    if (steps) steps.count += count;
    return found;
  }
}

/**
 * Compiles a rule's pattern with its flags (`i`, `m`, `s`; `u` is always on). Throws a
 * `SyntaxError` for an invalid pattern and an {@link UnsafePatternError} for one outside the
 * supported syntax, too large, or with a repeated group that could hang a backtracking engine.
 */
export function compilePattern(source: string, flags = ''): LinearPattern {
  new RegExp(source, [...new Set(`${flags}u`)].join('')); // syntax errors first, in the engine's words
  const testFlags = `u${flags.includes('i') ? 'i' : ''}${flags.includes('s') ? 's' : ''}`;
  const root = new Parser(source, testFlags).parse();
  if (!(root.size < MAX_INSTRUCTIONS)) {
    throw refuse(`the pattern is too large once its counted repetitions are written out (at most ${MAX_INSTRUCTIONS} steps); use shorter counts`);
  }
  return new LinearPattern(source, root, testFlags, flags.includes('m'));
}
