/**
 * Folding of text for term matching: lower case, no accents, one kind of apostrophe, one space
 * for any run of whitespace, no invisible characters (default-ignorable or format). Every folded code unit remembers which
 * passage of the original text it came from, so that a match in the folded text maps back to
 * exact UTF-16 offsets in the original (`text.slice(start, end)`), emoji and CRLF included.
 */

/** A text folded for matching, with the original passage of each folded code unit. */
export interface FoldedText {
  /** Folded UTF-16 code units; only the first `length` are meaningful. */
  readonly units: Uint16Array;
  readonly length: number;
  /** `start[k]`: offset in the original text where folded unit `k` comes from. */
  readonly start: Int32Array;
  /** `end[k]`: end offset (exclusive) in the original text, including dropped marks that follow. */
  readonly end: Int32Array;
}

const SPACE = 0x20;
const APOSTROPHE = 0x27;

/** Folds that Unicode normalisation does not do by itself. */
const SPECIAL_FOLDS = new Map<number, string>([
  // Typographic apostrophes and look-alikes all mean the French elision apostrophe.
  [0x2019, "'"], [0x2018, "'"], [0x02bc, "'"], [0x02b9, "'"], [0x0060, "'"], [0x00b4, "'"],
  [0x2032, "'"], [0xff07, "'"],
  // Hyphens that are not the ASCII one.
  [0x2010, '-'], [0x2011, '-'], [0x2212, '-'],
  // Invisible characters, dropped so that they cannot be used to slip a word past the guard.
  [0x00ad, ''], [0x200b, ''], [0x200c, ''], [0x200d, ''], [0x2060, ''], [0xfeff, ''],
  // Letters that are not decomposed by Unicode but that readers take as accented variants.
  [0x0153, 'oe'], [0x0152, 'oe'], [0x00e6, 'ae'], [0x00c6, 'ae'], [0x00df, 'ss'], [0x1e9e, 'ss'],
  [0x00f8, 'o'], [0x00d8, 'o'], [0x0142, 'l'], [0x0141, 'l'], [0x0111, 'd'], [0x0110, 'd'],
  [0x0131, 'i'],
]);

const MARKS = /\p{M}/gu;
/**
 * Characters that show nothing (or only steer layout): default-ignorable code points and format
 * characters, such as bidi marks and isolates (U+200E, U+2066), invisible operators (U+2062),
 * the Mongolian vowel separator, Hangul fillers, variation selectors and tag characters. They
 * are dropped, so that none can slip a word past the guard.
 */
const INVISIBLE = /^[\p{Default_Ignorable_Code_Point}\p{Cf}]$/u;
const INVISIBLES = /[\p{Default_Ignorable_Code_Point}\p{Cf}]+/gu;

/** A text without its invisible characters, and where each of its UTF-16 units comes from. */
export interface VisibleText {
  readonly text: string;
  /** `offsets[k]`: offset in the original text of unit `k`; absent when nothing was removed. */
  readonly offsets?: Int32Array;
}

/** `text` without default-ignorable and format characters (what pattern rules look at). */
export function withoutInvisibles(text: string): VisibleText {
  INVISIBLES.lastIndex = 0;
  if (!INVISIBLES.test(text)) return { text };
  const offsets = new Int32Array(text.length);
  let visible = '';
  let last = 0;
  const keep = (to: number) => {
    for (let k = last; k < to; k++) offsets[visible.length + k - last] = k;
    visible += text.slice(last, to);
  };
  for (const match of text.matchAll(INVISIBLES)) {
    keep(match.index);
    last = match.index + match[0].length;
  }
  keep(text.length);
  return { text: visible, offsets };
}
const foldCache = new Map<number, string>();

function isWhitespaceCode(code: number): boolean {
  return (
    code === 0x20 ||
    (code >= 0x09 && code <= 0x0d) ||
    code === 0x85 ||
    code === 0xa0 ||
    code === 0x1680 ||
    (code >= 0x2000 && code <= 0x200a) ||
    code === 0x2028 ||
    code === 0x2029 ||
    code === 0x202f ||
    code === 0x205f ||
    code === 0x3000
  );
}

/** The folded form of one non-ASCII code point (possibly empty, possibly several units). */
function foldCodePoint(codePoint: number): string {
  let folded = foldCache.get(codePoint);
  if (folded !== undefined) return folded;
  const special = SPECIAL_FOLDS.get(codePoint);
  if (special !== undefined) folded = special;
  else if (isWhitespaceCode(codePoint)) folded = ' ';
  else if (INVISIBLE.test(String.fromCodePoint(codePoint))) folded = '';
  else {
    // NFKD also undoes full-width and mathematical letters (ｅ, 𝐞), a common way to dodge filters.
    // Twice, because lower-casing can bring marks back (İ → i̇).
    const char = String.fromCodePoint(codePoint);
    folded = char.normalize('NFKD').replace(MARKS, '').toLowerCase().normalize('NFKD').replace(MARKS, '');
    let again = '';
    for (const piece of folded) {
      const code = piece.codePointAt(0) ?? 0;
      again += code >= 0x80 && SPECIAL_FOLDS.has(code) ? SPECIAL_FOLDS.get(code) : isWhitespaceCode(code) ? ' ' : piece;
    }
    folded = again;
  }
  foldCache.set(codePoint, folded);
  return folded;
}

/** Folds `text` for matching and keeps, for every folded unit, its passage in `text`. */
export function foldText(text: string): FoldedText {
  const length = text.length;
  let capacity = length + 16;
  let units = new Uint16Array(capacity);
  let start = new Int32Array(capacity);
  let end = new Int32Array(capacity);
  let n = 0;

  const grow = () => {
    capacity *= 2;
    const nextUnits = new Uint16Array(capacity);
    nextUnits.set(units);
    units = nextUnits;
    const nextStart = new Int32Array(capacity);
    nextStart.set(start);
    start = nextStart;
    const nextEnd = new Int32Array(capacity);
    nextEnd.set(end);
    end = nextEnd;
  };

  const emit = (unit: number, from: number, to: number) => {
    if (unit === SPACE && n > 0 && units[n - 1] === SPACE) {
      // A run of whitespace folds to one space that covers the whole run.
      end[n - 1] = to;
      return;
    }
    if (n === capacity) grow();
    units[n] = unit;
    start[n] = from;
    end[n] = to;
    n++;
  };

  let i = 0;
  while (i < length) {
    const code = text.charCodeAt(i);
    if (code < 0x80) {
      if (code >= 0x41 && code <= 0x5a) emit(code + 0x20, i, i + 1);
      else if (code === 0x20 || (code >= 0x09 && code <= 0x0d)) emit(SPACE, i, i + 1);
      else if (code === 0x60) emit(APOSTROPHE, i, i + 1);
      else emit(code, i, i + 1);
      i++;
      continue;
    }
    let codePoint = code;
    let width = 1;
    if (code >= 0xd800 && code <= 0xdbff && i + 1 < length) {
      const low = text.charCodeAt(i + 1);
      if (low >= 0xdc00 && low <= 0xdfff) {
        codePoint = (code - 0xd800) * 0x400 + (low - 0xdc00) + 0x10000;
        width = 2;
      }
    }
    // Lone surrogates are kept as they are: they never match a term, and never throw.
    const folded = code >= 0xd800 && code <= 0xdfff && width === 1 ? String.fromCharCode(code) : foldCodePoint(codePoint);
    if (folded.length === 0) {
      // A dropped mark or invisible character belongs to the passage of the unit before it.
      if (n > 0) end[n - 1] = i + width;
    } else {
      for (let k = 0; k < folded.length; k++) emit(folded.charCodeAt(k), i, i + width);
    }
    i += width;
  }
  return { units, length: n, start, end };
}

/**
 * The folded form of a term, exception or disclosure phrase, without leading or trailing space.
 * The same folding as {@link foldText}, built as a string: policies hold thousands of phrases.
 */
export function foldPhrase(phrase: string): string {
  let out = '';
  let lastWasSpace = true; // drops leading whitespace
  for (let i = 0; i < phrase.length; i++) {
    const code = phrase.charCodeAt(i);
    let folded: string;
    if (code < 0x80) {
      folded = code >= 0x41 && code <= 0x5a ? String.fromCharCode(code + 0x20) : code === 0x60 ? "'" : phrase[i]!;
      if (code === 0x20 || (code >= 0x09 && code <= 0x0d)) folded = ' ';
    } else if (code >= 0xd800 && code <= 0xdbff && i + 1 < phrase.length && /[\uDC00-\uDFFF]/.test(phrase[i + 1]!)) {
      folded = foldCodePoint(phrase.codePointAt(i)!);
      i++;
    } else if (code >= 0xd800 && code <= 0xdfff) {
      folded = phrase[i]!;
    } else {
      folded = foldCodePoint(code);
    }
    for (const unit of folded) {
      if (unit === ' ') {
        if (!lastWasSpace) out += ' ';
        lastWasSpace = true;
      } else {
        out += unit;
        lastWasSpace = false;
      }
    }
  }
  return lastWasSpace && out.endsWith(' ') ? out.slice(0, -1) : out;
}

// Word characters, for whole-word matching. Han and kana are written without spaces, so each of
// their characters counts as a word of its own (never as part of a longer word).
const WORD_CHAR = /^[\p{L}\p{N}_]$/u;
const UNSPACED_SCRIPT = /^[\p{sc=Han}\p{sc=Hiragana}\p{sc=Katakana}]$/u;
const bmpWordClass = new Uint8Array(0x10000); // 0 unknown, 1 word, 2 not a word
const astralWordClass = new Map<number, boolean>();

function classify(codePoint: number): boolean {
  const char = String.fromCodePoint(codePoint);
  return WORD_CHAR.test(char) && !UNSPACED_SCRIPT.test(char);
}

/** Whether a code point is part of a word (letter, digit or underscore). */
export function isWordCodePoint(codePoint: number): boolean {
  if (codePoint < 0x80) {
    return (
      (codePoint >= 0x61 && codePoint <= 0x7a) ||
      (codePoint >= 0x30 && codePoint <= 0x39) ||
      (codePoint >= 0x41 && codePoint <= 0x5a) ||
      codePoint === 0x5f
    );
  }
  if (codePoint < 0x10000) {
    let known = bmpWordClass[codePoint]!;
    if (known === 0) {
      known = codePoint >= 0xd800 && codePoint <= 0xdfff ? 2 : classify(codePoint) ? 1 : 2;
      bmpWordClass[codePoint] = known;
    }
    return known === 1;
  }
  let known = astralWordClass.get(codePoint);
  if (known === undefined) {
    known = classify(codePoint);
    astralWordClass.set(codePoint, known);
  }
  return known;
}

/** Whether folded unit `k` is part of a word; surrogate halves are judged by their pair. */
export function isWordUnitAt(units: Uint16Array, length: number, k: number): boolean {
  const unit = units[k]!;
  if (unit < 0xd800 || unit > 0xdfff) return isWordCodePoint(unit);
  if (unit <= 0xdbff) {
    const low = k + 1 < length ? units[k + 1]! : 0;
    return low >= 0xdc00 && low <= 0xdfff && isWordCodePoint((unit - 0xd800) * 0x400 + (low - 0xdc00) + 0x10000);
  }
  const high = k > 0 ? units[k - 1]! : 0;
  return high >= 0xd800 && high <= 0xdbff && isWordCodePoint((high - 0xd800) * 0x400 + (unit - 0xdc00) + 0x10000);
}


