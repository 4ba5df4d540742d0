/**
 * URLs as X finds them: twitter-text's extractUrlsWithIndices (X's reference code; Mastodon's
 * server uses the same grammar for URLs with a scheme), ported rule by rule so that a URL starts
 * and ends where X starts and ends it. Its one regular expression, read from left to right:
 *
 * 1. a character that may come before a URL (anything but an ASCII letter or digit, @ $ # and
 *    their full-width forms), or the text's start;
 * 2. `http://` or `https://`, optional;
 * 3. a host: labels of anything but punctuation and spaces (`_` in subdomains only, `-` inside),
 *    the last one a top-level domain of its list (./top-level-domains.ts) or punycode, followed by
 *    nothing that could continue it (an ASCII letter or digit, @ + -);
 * 4. a port, a path (balanced parentheses one level deep), a query, each optional.
 *
 * A match is a URL when its host encodes to IDNA labels of 1–63 characters and it holds at most
 * 4,096 characters (with `https://` counted when it has no scheme); without a scheme, when what
 * comes before it is not - _ . / and only its ASCII hosts count (`日本example.com` → `example.com`),
 * the last one with the port, path and query. A match that is not a URL is passed over all the
 * same: the next one starts after it.
 *
 * twitter-text's regular expression backtracks for a time that grows as a power of the length of
 * some pastes; these are scans that look at each character a bounded number of times.
 */
import { isTopLevelDomain } from './top-level-domains.js';

export interface Range {
  start: number;
  end: number;
}

const SCHEME = /https?:\/\//iy;
const PUNYCODE = /xn--[-0-9a-z]+/iy;
const NON_ASCII = /[^\0-\x7F]/;
const JOINED = /[\p{M}\u1161-\u1175\u11A8-\u11C2]*/uy;

// Character classes of twitter-text's patterns (its regexp/ folder), as bits, for each UTF-16 code
// unit as its regular expressions read them.
/** May come before a URL (`validUrlPrecedingChars`). */
const BEFORE = 1;
/** May be in a host (`validDomainChars`: no punctuation, space, invalid character or directional mark). */
const HOST = 2;
/** May be in an ASCII host (`validAsciiDomain`: ASCII letters, digits, - and Latin accents). */
const ASCII_HOST = 4;
/** May be in a path (`validGeneralUrlPathChars`), may end it (`validUrlPathEndingChars`). */
const PATH = 8;
const PATH_END = 16;
/** May be in a query (`validUrlQueryChars`), may end it (`validUrlQueryEndingChars`). */
const QUERY = 32;
const QUERY_END = 64;
/** What cannot follow a top-level domain (the look-ahead that ends `validGTLD` and `validCCTLD`). */
const NOT_AFTER_TOP_LEVEL = 128;
/** May be in a label of a host: a host character, - or _. */
const LABEL = 256;
const LETTER = 512;
/** twitter-text's Latin accented letters and marks (`latinAccentChars`), then its Cyrillic, then what a host cannot hold. */
const LATIN_ACCENTS = '\\xC0-\\xD6\\xD8-\\xF6\\xF8-\\u024F\\u0253\\u0254\\u0256\\u0257\\u0259\\u025B\\u0263\\u0268\\u026F\\u0272\\u0289\\u028B\\u02BB\\u0300-\\u036F\\u1E00-\\u1EFF';
const CYRILLIC = '\\u0400-\\u04FF';
const NOT_HOST = "!#$%&'()*+,\\-./:;<=>?@[\\\\\\]^_{|}~\\t-\\r \\x85\\xA0\\u1680\\u180E\\u2000-\\u200A\\u2028\\u2029\\u202F\\u205F\\u3000\\uFEFF\\uFFFE\\uFFFF\\u202A-\\u202E\\u061C\\u200E\\u200F\\u2066-\\u2069";
const BEFORE_CHARS = '[^A-Za-z0-9@＠$#＃\\uFEFF\\uFFFE\\uFFFF]';
const HOST_CHARS = `[^${NOT_HOST}]`;
const CLASSES: ReadonlyArray<readonly [number, string]> = [
  [BEFORE, BEFORE_CHARS],
  [HOST, HOST_CHARS],
  [LABEL, `[-_]|${HOST_CHARS}`],
  [ASCII_HOST, `[-a-z0-9${LATIN_ACCENTS}]`],
  [PATH, `[a-z0-9!*';:=+,.$/%#[\\]\\-\\u2013_~@|&${CYRILLIC}${LATIN_ACCENTS}]`],
  [PATH_END, `[+\\-a-z0-9=_#/${CYRILLIC}${LATIN_ACCENTS}]`],
  [QUERY, "[a-z0-9!?*'@();:&=+$/%#[\\]\\-_.,~|]"],
  [QUERY_END, '[a-z0-9\\-_&=#/]'],
  [NOT_AFTER_TOP_LEVEL, '[0-9a-z@+-]'],
  [LETTER, '[a-z]'],
];
/** A URL of X's own shortener: nothing of its path after the slug (`validTcoUrl`). */
const SHORT_URL = /^https?:\/\/t\.co\/([a-z0-9]+)(?:\?[a-z0-9!?*'@();:&=+$/%#[\]\-_.,~|]*[a-z0-9\-_&=#/])?/i;
/** A character that may come before a URL followed by one of a host: where a match may start (its `lastIndex`). */
const START = new RegExp(`${BEFORE_CHARS}(?=${HOST_CHARS})`, 'gi');

/** The classes of each code unit met so far: ASCII in an array, the others in a map. */
const asciiClasses: number[] = [];
const otherClasses = new Map<number, number>();
function classOf(code: number): number {
  let bits = code < 128 ? asciiClasses[code] : otherClasses.get(code);
  if (bits === undefined) {
    const char = String.fromCharCode(code);
    bits = 0;
    for (const [bit, chars] of CLASSES) if (new RegExp(chars, 'i').test(char)) bits |= bit;
    if (code < 128) asciiClasses[code] = bits;
    else otherClasses.set(code, bits);
  }
  return bits;
}
/** Whether `text[at]` is of class `bit` (false past the end). */
const is = (text: string, at: number, bit: number) => at < text.length && (classOf(text.charCodeAt(at)) & bit) !== 0;

/**
 * The length of the top-level domain at `text[at]`, reading no further than `limit`: one of the
 * list (ASCII letters not followed by an ASCII letter or digit, @ + -) or punycode; 0 if none.
 */
function topLevelDomainLength(text: string, at: number, limit: number): number {
  let end = at;
  while (end < limit && is(text, end, LETTER)) end++;
  if (end > at + 1 && !(end < limit && is(text, end, NOT_AFTER_TOP_LEVEL)) && isTopLevelDomain(text.slice(at, end).toLowerCase())) return end - at;
  if (end !== at + 2 || (text[at] !== 'x' && text[at] !== 'X')) return 0;
  PUNYCODE.lastIndex = at;
  const length = PUNYCODE.test(text) ? Math.min(PUNYCODE.lastIndex, limit) - at : 0;
  return length > 4 ? length : 0;
}

/**
 * A reader of chains of labels: for a label's start, the end of the host that the host pattern
 * would read from there, with its greedy subdomains: up to the last top-level domain of the
 * chain; -1 if there is none. `label(at)` reads the label at `at`: -1 when the chain stops there,
 * else `end * 2 + 1` when a top-level domain may follow it and `end * 2` when only another label
 * may (its `end` is a dot). Starts come in order: the last chain read answers every start inside
 * it, so that each chain is read once however many starts it has.
 */
function chainReader(label: (at: number) => number, topLevel: (at: number) => number): (at: number) => number {
  let from = 1;
  let to = 0;
  let last = -1;
  let end = -1;
  return (at) => {
    if (at < from || at > to) {
      from = to = at;
      last = end = -1;
      for (let read = label(at); read >= 0; read = label(to)) {
        to = (read >> 1) + 1;
        const length = read & 1 ? topLevel(to) : 0;
        if (length > 0) end = (last = to) + length;
      }
    }
    return at < last ? end : -1;
  };
}

/** The adaptation of punycode's bias (RFC 3492, 6.1). */
function adapt(delta: number, points: number, first: boolean): number {
  delta = first ? Math.floor(delta / 700) : delta >> 1;
  delta += Math.floor(delta / points);
  let k = 0;
  for (; delta > 455; k += 36) delta = Math.floor(delta / 35);
  return Math.floor(k + (36 * delta) / (delta + 38));
}

/** The length of `label` encoded by punycode's toASCII (`xn--…` when it is not ASCII), as twitter-text checks it. */
function asciiLabelLength(label: string): number {
  if (!NON_ASCII.test(label)) return label.length;
  let length = 0;
  for (const part of label.split(/[\u3002\uFF0E\uFF61]/)) {
    length += part.length + 1; // the dot that joins the parts, one too many at the end
    if (!NON_ASCII.test(part)) continue;
    const points = Array.from(part, (char) => char.codePointAt(0)!);
    // A label past 63 characters is refused whatever its encoding, which is at least this long.
    if (points.length > 63) return 64;
    const basic = points.filter((point) => point < 0x80).length;
    length += 4 + (basic ? 1 : 0) - points.length + basic; // xn--, the basic points and their hyphen
    let n = 128;
    let delta = 0;
    let bias = 72;
    for (let handled = basic; handled < points.length; delta++, n++) {
      const next = Math.min(...points.filter((point) => point >= n));
      delta += (next - n) * (handled + 1);
      n = next;
      for (const point of points) {
        if (point < n) delta++;
        if (point !== n) continue;
        // The delta as a variable-length integer: one character per digit.
        for (let q = delta, k = 36; ; k += 36, length++) {
          const threshold = k <= bias ? 1 : k >= bias + 26 ? 26 : k - bias;
          if (q < threshold) break;
          q = Math.floor((q - threshold) / (36 - threshold));
        }
        length++;
        bias = adapt(delta, handled + 1, handled === basic);
        delta = 0;
        handled++;
      }
    }
  }
  return length - 1;
}

/**
 * The end of a run of path characters from `at`, for {@link pathEnd}: `(…)` counts when its
 * parentheses are balanced, one level deep at most (`validUrlBalancedParens`); -1 otherwise.
 */
function balancedParensEnd(text: string, at: number): number {
  let k = at + 1;
  const run = (from: number) => {
    let end = from;
    while (is(text, end, PATH)) end++;
    return end;
  };
  const inner = run(k);
  if (text[inner] === ')' && inner > k) return inner + 1;
  if (text[inner] !== '(') return -1;
  k = inner + 1;
  const nested = run(k);
  if (nested === k || text[nested] !== ')') return -1;
  const after = run(nested + 1);
  return text[after] === ')' ? after + 1 : -1;
}

/**
 * The end of a URL's path starting at `at` (just after its `/`). twitter-text's path is a run of
 * pieces, each either path characters and balanced parentheses ending with a character a path
 * may end with, or balanced parentheses alone (its `validUrlPathEndingChars` holds them as an
 * alternative, which its path pattern does not group). So: up to the last such character of the
 * run of path characters and balanced parentheses, then the balanced parentheses right after it.
 */
function pathEnd(text: string, at: number): number {
  let end = at;
  for (let k = at; ; ) {
    const close = text[k] === '(' ? balancedParensEnd(text, k) : -1;
    if (close > 0) k = close;
    else if (is(text, k, PATH)) {
      if (is(text, k++, PATH_END)) end = k;
    } else break;
  }
  for (let close = end; close > 0; close = text[end] === '(' ? balancedParensEnd(text, end) : -1) end = close;
  return end;
}

/**
 * Where the match of a URL whose host ends at `at` ends: after its port, path and query as
 * twitter-text reads them (`:8080`, `/chemin`, `?q=1`); and whether it has a path.
 */
function urlTail(text: string, at: number): { end: number; path: boolean } {
  let end = at;
  if (text[end] === ':') {
    let digits = end + 1;
    while (digits < text.length && text.charCodeAt(digits) >= 48 && text.charCodeAt(digits) <= 57) digits++;
    if (digits > end + 1) end = digits;
  }
  const path = text[end] === '/';
  if (path) end = pathEnd(text, end + 1);
  if (text[end] === '?') {
    let last = -1;
    for (let k = end + 1; is(text, k, QUERY); k++) if (is(text, k, QUERY_END)) last = k + 1;
    if (last > 0) end = last;
  }
  return { end, path };
}

/**
 * The URLs of `text` as twitter-text finds them, sorted and not overlapping; those without a
 * scheme only when `withoutScheme` (X counts them, Mastodon does not). twitter-text reads the text
 * in NFC (`y` + U+0301 is `ý`, a letter that ends no top-level domain): so does this, and its
 * URLs are given back as ranges of `text`.
 */
export function findUrls(text: string, withoutScheme: boolean): Range[] {
  if (!text.includes('.')) return [];
  const normal = text.normalize('NFC');
  if (normal === text) return findUrlsInNfc(text, withoutScheme);
  // Where each piece of `text` starts in `normal`: a piece starts at each character that NFC
  // never joins to what comes before it (all but marks, Hangul vowels and finals).
  const starts: Array<[raw: number, normal: number]> = [];
  for (let raw = 0, at = 0; raw < text.length; raw = JOINED.lastIndex) {
    JOINED.lastIndex = raw + (text.codePointAt(raw)! > 0xffff ? 2 : 1);
    JOINED.test(text);
    starts.push([raw, at]);
    at += text.slice(raw, JOINED.lastIndex).normalize('NFC').length;
  }
  starts.push([text.length, normal.length]);
  let piece = 0;
  /**
   * The position in `text` of `at` in `normal`: the same place in its piece when NFC left the
   * piece as it was, else the piece's start, or its end when `after` and `at` is inside it.
   */
  const toRaw = (at: number, after: boolean) => {
    while (starts[piece + 1] && starts[piece + 1]![1] <= at) piece++;
    const [raw, from] = starts[piece]!;
    const next = starts[piece + 1] ?? [text.length, normal.length];
    if (next[0] - raw === next[1] - from) return raw + at - from;
    return at > from && after ? next[0] : raw;
  };
  return findUrlsInNfc(normal, withoutScheme).map(({ start, end }) => ({ start: toRaw(start, false), end: toRaw(end, true) }));
}

function findUrlsInNfc(text: string, withoutScheme: boolean): Range[] {
  const urls: Range[] = [];
  /** The length of the top-level domain at `at` (the last one asked is kept: every start of a label asks for the same). */
  let topLevelAt = -1;
  let topLevelLength = 0;
  const topLevel = (at: number) => {
    if (at !== topLevelAt) topLevelLength = topLevelDomainLength(text, (topLevelAt = at), text.length);
    return topLevelLength;
  };
  /** 2: a label that may come before the top-level domain (`validDomainName`), 1: before another label only (it holds _), 0: neither. */
  const labelKind = (from: number, to: number, underscore: boolean) => (from < to && is(text, from, HOST) && is(text, to - 1, HOST) ? (underscore ? 1 : 2) : 0);
  const hostLabel = (at: number) => {
    let end = at;
    let underscore = false;
    for (; is(text, end, LABEL); end++) underscore ||= text[end] === '_';
    const kind = labelKind(at, end, underscore);
    return kind && text[end] === '.' ? end * 2 + kind - 1 : -1;
  };
  const hostChain = chainReader(hostLabel, topLevel);
  // The run of label characters around the last start tried: every start inside it shares its end.
  let runFrom = 0;
  let runTo = 0;
  let runUnderscore = -1;
  /** The end of the host that starts at `at`, or -1. */
  const hostEnd = (at: number) => {
    if (at < runFrom || at >= runTo) {
      runFrom = runTo = at;
      runUnderscore = -1;
      for (; is(text, runTo, LABEL); runTo++) if (text[runTo] === '_') runUnderscore = runTo;
    }
    if (text[runTo] !== '.') return -1;
    const kind = labelKind(at, runTo, runUnderscore >= at);
    if (!kind) return -1;
    const end = hostChain(runTo + 1);
    if (end >= 0 || kind === 1) return end;
    const length = topLevel(runTo + 1);
    return length ? runTo + 1 + length : -1;
  };
  /** The ASCII hosts of the host `text[from, to)`, as `validAsciiDomain` finds them. */
  const asciiHosts = (from: number, to: number) => {
    const hosts: Range[] = [];
    const chain = chainReader(
      (at) => {
        let end = at;
        while (end < to && is(text, end, ASCII_HOST)) end++;
        return end > at && end < to && text[end] === '.' ? end * 2 + 1 : -1;
      },
      (at) => topLevelDomainLength(text, at, to),
    );
    for (let at = from; at < to; ) {
      const end = is(text, at, ASCII_HOST) ? chain(at) : -1;
      if (end < 0) {
        // Every start in this run of characters reads the same labels after it: none has a host.
        do at++;
        while (at < to && is(text, at - 1, ASCII_HOST) && is(text, at, ASCII_HOST));
        continue;
      }
      hosts.push({ start: at, end });
      at = end;
    }
    return hosts;
  };

  /** The host of a match that starts at `start` (after its scheme if it has one) and its end, or undefined. */
  const hostAt = (start: number) => {
    SCHEME.lastIndex = start;
    if ((text[start] === 'h' || text[start] === 'H') && SCHEME.test(text)) {
      const host = SCHEME.lastIndex;
      const end = hostEnd(host);
      if (end >= 0) return { host, end };
    }
    const end = hostEnd(start);
    return end >= 0 ? { host: start, end } : undefined;
  };

  // A host holds a dot after its start.
  const lastDot = text.lastIndexOf('.');
  for (let from = 0; from < lastDot; ) {
    // The next match from `from`: after a character that may come before a URL (one followed by a
    // host's character: `h` of a scheme included), or at the text's start (tried after the first
    // character, as the pattern's `^` is its last choice).
    let start = 1;
    let match: { host: number; end: number } | undefined;
    if (from === 0) match = (is(text, 0, BEFORE) && hostAt(1)) || hostAt((start = 0));
    for (START.lastIndex = Math.max(from, 1); !match && START.test(text) && START.lastIndex <= lastDot; ) match = hostAt((start = START.lastIndex));
    if (!match) break;
    const { host, end } = match;
    const tail = urlTail(text, end);
    from = tail.end;
    // What twitter-text's isValidUrl refuses: a URL longer than 4,096 characters (with https://
    // added when it has no scheme), a label of the host longer than 63 once encoded as IDNA, a host
    // that starts with xn-- but holds no ASCII host.
    const scheme = host - start;
    if ((scheme || 8) + tail.end - start > 4096) continue;
    const hostText = text.slice(host, end);
    if ((hostText.length > 63 || NON_ASCII.test(hostText)) && !hostText.split('.').every((label) => asciiLabelLength(label) <= 63)) continue;
    const punycode = text.startsWith('xn--', host);
    const hosts = punycode || !scheme ? asciiHosts(host, end) : [];
    if (punycode && hosts.length === 0) continue;
    if (scheme) {
      const short = /^t\.co$/i.test(hostText) ? SHORT_URL.exec(text.slice(start, tail.end)) : null;
      if (short && short[1]!.length > 40) continue;
      urls.push({ start, end: short ? start + short[0].length : tail.end });
      continue;
    }
    // Without a scheme: not after - _ . / (a path, a file name, an e-mail's domain), and only its ASCII hosts.
    if (!withoutScheme || (start > 0 && /[-_./]/.test(text[start - 1]!)) || hosts.length === 0) continue;
    if (tail.path) hosts[hosts.length - 1]!.end = tail.end;
    urls.push(...hosts);
  }
  return urls;
}
