/**
 * Post length as each network counts it.
 *
 * - Most networks (LinkedIn, Bluesky, Threads…): user-perceived characters, i.e. grapheme
 *   clusters, so that 👩‍👩‍👧 or é written as e + ◌́ count once.
 * - Mastodon: graphemes, but every http(s) URL counts as 23 and a remote mention
 *   `@name@server` as `@name` (what the server's validator does).
 * - X: the weighted count of twitter-text, re-implemented here because the twitter-text package
 *   is too large for the script-tag bundle. Its v3 configuration: scale 100, default weight 200
 *   per code point, weight 100 for the ranges 0–4351, 8192–8205, 8208–8223 and 8242–8247 (Latin,
 *   Greek, Cyrillic, Hebrew, Arabic, common punctuation…), 200 for an emoji grapheme whatever its
 *   length, 23 × 100 for a URL; text is NFC-normalised first; a post is valid when
 *   weight / 100 ≤ 280. So CJK characters and emoji count 2, a URL 23.
 *
 * Intl.Segmenter is slow on long strings (milliseconds for 3,000 characters in V8), so it only
 * sees the short stretches that need it; plain Latin text is counted by a direct scan.
 */
import type { Network } from '../model/index.js';

/** Default limits, overridden by `policy.limits`. Networks without an entry have no limit. */
export const DEFAULT_LIMITS: Readonly<Partial<Record<Network, number>>> = {
  linkedin: 3000,
  x: 280,
  mastodon: 500,
  bluesky: 300,
  threads: 500,
  // A Facebook post may hold 63,206 characters; a Telegram message 4,096; a WhatsApp one 65,536.
  facebook: 63206,
  telegram: 4096,
  whatsapp: 65536,
};

let graphemeSegmenter: Intl.Segmenter | undefined;
const segmenter = () => (graphemeSegmenter ??= new Intl.Segmenter('en', { granularity: 'grapheme' }));

/**
 * Code units that always form a grapheme of their own, whatever surrounds them: Latin-1 and the
 * Latin extensions (below the combining marks at U+0300) but CR (CR LF is one grapheme), and
 * common punctuation (dashes, quotes, ellipsis, no-break spaces).
 */
function isStandalone(code: number): boolean {
  return (code < 0x300 && code !== 0x0d) || (code >= 0x2010 && code <= 0x2027) || (code >= 0x2030 && code <= 0x205e);
}

const PICTOGRAPHIC = /^\p{Extended_Pictographic}$/u;

/**
 * An astral code point that is a grapheme by itself unless a joiner, selector or mark follows:
 * a pictographic emoji. Other astral characters (marks, prepended signs, regional indicators,
 * skin tones, tags) go through Intl.Segmenter.
 */
function isPlainAstral(codePoint: number): boolean {
  return PICTOGRAPHIC.test(String.fromCodePoint(codePoint));
}

/** Longest slice given to Intl.Segmenter at once: its cost grows faster than the slice. */
const SEGMENTER_CHUNK = 128;

/**
 * Segments `text[from, to)` with Intl.Segmenter, chunk by chunk (its iteration slows down with
 * the number of segments of the string it was given). Only the boundary at the end of a chunk
 * is unsure, so the last grapheme of a chunk is segmented again with the next chunk. A chunk
 * never ends inside a surrogate pair (the lone half would break the grapheme before it), and a
 * chunk holding a single grapheme is doubled until that grapheme ends in it (a grapheme may be
 * longer than a chunk: e + a thousand accents). Returns true if `visit` stopped the walk.
 */
function segmentStretch(text: string, from: number, to: number, visit: (start: number, end: number) => boolean | void): boolean {
  let at = from;
  let size = SEGMENTER_CHUNK;
  while (at < to) {
    let chunkEnd = Math.min(to, at + size);
    const code = text.charCodeAt(chunkEnd - 1);
    if (chunkEnd < to && code >= 0xd800 && code <= 0xdbff) chunkEnd++;
    const final = chunkEnd === to;
    let confirmed = at;
    let pending: [number, number] | undefined;
    for (const { index, segment } of segmenter().segment(text.slice(at, chunkEnd))) {
      if (pending) {
        if (visit(pending[0], pending[1])) return true;
        confirmed = pending[1];
      }
      pending = [at + index, at + index + segment.length];
    }
    if (pending && final) {
      if (visit(pending[0], pending[1])) return true;
      confirmed = pending[1];
    }
    if (confirmed === at) size *= 2;
    else size = SEGMENTER_CHUNK;
    at = confirmed;
  }
  return false;
}

/** Standalone units in a row that end a stretch given to the segmenter. */
const STANDALONE_RUN = 8;

/**
 * The end of the stretch from `from` that needs Intl.Segmenter: up to the first unit of the next
 * run of {@link STANDALONE_RUN} standalone units (included: a Prepend character before it could
 * attach to it), or `to`. Short runs stay inside the stretch: a call of the segmenter costs
 * microseconds, so text where every few letters hide an invisible character or an emoji must
 * not be cut into thousands of stretches.
 */
function stretchEnd(text: string, from: number, to: number): number {
  let end = from + 1;
  let run = 0;
  while (end < to && run < STANDALONE_RUN) {
    run = isStandalone(text.charCodeAt(end)) ? run + 1 : 0;
    end++;
  }
  return run === STANDALONE_RUN ? end - STANDALONE_RUN + 1 : end;
}

/**
 * Calls `visit` with the UTF-16 range of each grapheme cluster of `text[from, to)`; stops early
 * when `visit` returns true.
 */
function forEachGrapheme(text: string, from: number, to: number, visit: (start: number, end: number) => boolean | void): void {
  const standaloneAt = (k: number) => k >= to || isStandalone(text.charCodeAt(k));
  let i = from;
  while (i < to) {
    if (isStandalone(text.charCodeAt(i)) && standaloneAt(i + 1)) {
      if (visit(i, i + 1)) return;
      i++;
      continue;
    }
    // A stretch that needs more than one look: up to the next run of standalone units, plus the
    // first of them (a Prepend character before it could attach to it).
    const end = stretchEnd(text, i, to);
    // Common case: plain emoji among standalone units, one grapheme each, no segmenter needed.
    let plain = true;
    for (let k = i; k < end && plain; k++) {
      const code = text.charCodeAt(k);
      if (isStandalone(code)) continue;
      const low = text.charCodeAt(k + 1);
      plain = code >= 0xd800 && code <= 0xdbff && k + 1 < end && low >= 0xdc00 && low <= 0xdfff;
      // …and what follows is not a joiner, selector or mark (another emoji is fine).
      const after = k + 2 < end ? text.charCodeAt(k + 2) : 0x20;
      plain &&= isPlainAstral(text.codePointAt(k)!) && (isStandalone(after) || (after >= 0xd800 && after <= 0xdbff));
      k++;
    }
    if (plain) {
      for (let k = i; k < end; ) {
        const width = isStandalone(text.charCodeAt(k)) ? 1 : 2;
        if (visit(k, k + width)) return;
        k += width;
      }
    } else if (segmentStretch(text, i, end, visit)) {
      return;
    }
    i = end;
  }
}

/** Number of grapheme clusters in `text`. */
export function countGraphemes(text: string): number {
  let count = 0;
  forEachGrapheme(text, 0, text.length, () => {
    count++;
  });
  return count;
}

// URLs end where twitter-text (X's reference code, which Mastodon's server also uses) ends them:
// its grammar for the port, the path (with balanced parentheses) and the query, ported here as
// linear scans (its regular expressions backtrack exponentially on some pastes). What is left
// out: its list of top-level domains (about 5 KB gzipped): a host is a URL host when its last
// label starts with two ASCII letters or more (or is punycode), and bare domains (no scheme) are
// recognised on the common endings below only.
const SCHEME = /https?:\/\//gi;
// Bare domains: found from the ending, which is cheap to look for.
const COMMON_ENDING = /\.(?:com|org|net|fr|io|dev|co|eu|de|uk|be|ch|ca|info|app|ai|tv|me|ly|gl|es|it|nl)(?![0-9A-Za-z@+-])/gi;
/** twitter-text's Latin accented letters and marks (`latinAccentChars`), by code point. */
function isLatinAccent(code: number): boolean {
  return (
    (code >= 0xc0 && code <= 0x24f && code !== 0xd7 && code !== 0xf7) ||
    (code >= 0x300 && code <= 0x36f) ||
    (code >= 0x1e00 && code <= 0x1eff) ||
    [0x253, 0x254, 0x256, 0x257, 0x259, 0x25b, 0x263, 0x268, 0x26f, 0x272, 0x289, 0x28b, 0x2bb].includes(code)
  );
}
/** A test of one character: `chars`, or a Latin accented letter or mark. */
const orLatinAccent = (chars: RegExp) => ({ test: (char: string) => chars.test(char) || isLatinAccent(char.charCodeAt(0)) });
/** A character of a bare host (twitter-text's `validAsciiDomain`, with dots). */
const HOST_CHAR = orLatinAccent(/[A-Za-z0-9.-]/);
/** Before these, a bare host is part of something else: an e-mail, a path, a scheme URL. */
const BEFORE_BARE_HOST = orLatinAccent(/[A-Za-z0-9_@＠$#＃./-]/);
/** Before these, `http://` starts no URL (twitter-text's `validUrlPrecedingChars`). */
const BEFORE_SCHEME = /[A-Za-z0-9@＠$#＃]/;
/**
 * What cannot be in a host after a scheme: twitter-text's punctuation, spaces, invalid characters
 * and directional marks. Anything else can (IDN hosts: `https://café.fr`).
 */
const NOT_DOMAIN = /[!'#%&()*+,\\\-./:;<=>?@[\]^_{|}~$\s\u0085\u180E\u2028\u2029\uFEFF\uFFFE\uFFFF\u202A-\u202E\u061C\u200E\u200F\u2066-\u2069]/;
/** A character of a path (`validGeneralUrlPathChars`). */
const PATH_CHAR = orLatinAccent(/[a-z\u0400-\u04FF0-9!*';:=+,.$/%#[\]\-\u2013_~@|&]/i);
/** A character a path may end with (`validUrlPathEndingChars`, besides a closing parenthesis). */
const PATH_END_CHAR = orLatinAccent(/[+\-a-z\u0400-\u04FF0-9=_#/]/i);
const QUERY_CHAR = /[a-z0-9!?*'@();:&=+$/%#[\]\-_.,~|]/i;
const QUERY_END_CHAR = /[a-z0-9\-_&=#/]/i;
const AFTER_TOP_LEVEL_DOMAIN = /[0-9A-Za-z@+-]/;
const WWW = /\bwww\./gi;
const REMOTE_MENTION = /(?<![\w@])(@[\w.-]+)@[\w-]+(?:\.[\w-]+)+/gu;

interface Range {
  start: number;
  end: number;
}

/**
 * `end` moved back over the characters of `set` that close `text[from, end)`. A loop, not
 * `/[…]+$/`: a regular expression retries that from every character of a long run, which is
 * quadratic (100,000 dots after a URL took seconds).
 */
export function trimEnd(text: string, from: number, end: number, set: string): number {
  while (end > from && set.includes(text[end - 1]!)) end--;
  return end;
}

/**
 * The end of a run of path characters from `at`, for {@link pathEnd}: `(…)` counts when its
 * parentheses are balanced, one level deep at most (`validUrlBalancedParens`); -1 otherwise.
 */
function balancedParensEnd(text: string, at: number): number {
  let k = at + 1;
  const run = (from: number) => {
    let end = from;
    while (end < text.length && PATH_CHAR.test(text[end]!)) end++;
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
 * The end of a URL's path starting at `at` (just after its `/`): the longest run of path
 * characters and balanced parentheses that ends with a character a path may end with.
 */
function pathEnd(text: string, at: number): number {
  let end = at;
  let k = at;
  while (k < text.length) {
    const char = text[k]!;
    if (char === '(') {
      const close = balancedParensEnd(text, k);
      if (close < 0) break;
      k = end = close;
    } else if (PATH_CHAR.test(char)) {
      k++;
      if (PATH_END_CHAR.test(char)) end = k;
    } else break;
  }
  return end;
}

/**
 * Where a URL whose host ends at `hostEnd` ends: after its port, path and query as
 * twitter-text reads them (`:8080`, `/chemin`, `?q=1`), or at `hostEnd`. A URL without a scheme
 * (`bare`) keeps its port and query only when it has a path: `exemple.fr:80` is the URL
 * `exemple.fr` followed by text, as twitter-text has it.
 */
function urlTail(text: string, hostEnd: number, bare = false): number {
  let end = hostEnd;
  if (text[end] === ':') {
    let digits = end + 1;
    while (digits < text.length && text.charCodeAt(digits) >= 48 && text.charCodeAt(digits) <= 57) digits++;
    if (digits > end + 1) end = digits;
  }
  if (bare && text[end] !== '/') return hostEnd;
  if (text[end] === '/') end = pathEnd(text, end + 1);
  if (text[end] === '?') {
    let last = -1;
    for (let k = end + 1; k < text.length && QUERY_CHAR.test(text[k]!); k++) if (QUERY_END_CHAR.test(text[k]!)) last = k + 1;
    if (last > 0) end = last;
  }
  return end;
}

/**
 * The end of the host starting at `at`, after a scheme: its last label that starts with a top-level
 * domain (two ASCII letters or more, or punycode) followed by nothing that could continue it; -1
 * when there is none (`https://localhost`, `https://exemple`).
 */
function schemeHostEnd(text: string, at: number): number {
  let run = at;
  while (run < text.length && (!NOT_DOMAIN.test(text[run]!) || text[run] === '.' || text[run] === '-' || text[run] === '_')) run++;
  // The last dot whose label reads as a top-level domain, from the end (the longest host).
  for (let dot = text.lastIndexOf('.', run - 1); dot > at; dot = text.lastIndexOf('.', dot - 1)) {
    const label = dot + 1;
    let end = label;
    if (text.slice(label, label + 4).toLowerCase() === 'xn--') {
      end = label + 4;
      while (end < run && /[-0-9a-z]/i.test(text[end]!)) end++;
    } else while (end < text.length && /[a-z]/i.test(text[end]!)) end++;
    if (end - label < 2 || AFTER_TOP_LEVEL_DOMAIN.test(text[end] ?? ' ')) continue;
    // The labels before it: each starts and ends with a domain character.
    const before = text[dot - 1]!;
    if (NOT_DOMAIN.test(before) || NOT_DOMAIN.test(text[at]!)) return -1;
    return end;
  }
  return -1;
}

/** Ranges of URLs, sorted and not overlapping. */
function findUrls(text: string, withBareDomains: boolean): Range[] {
  const ranges: Range[] = [];
  if (text.includes('://')) {
    SCHEME.lastIndex = 0;
    for (let match = SCHEME.exec(text); match; match = SCHEME.exec(text)) {
      const start = match.index;
      if (start > 0 && BEFORE_SCHEME.test(text[start - 1]!)) continue;
      const hostEnd = schemeHostEnd(text, start + match[0].length);
      if (hostEnd < 0) continue;
      const end = urlTail(text, hostEnd);
      ranges.push({ start, end });
      SCHEME.lastIndex = end;
    }
  }
  if (withBareDomains && text.includes('.')) {
    // The scheme URLs found so far, walked alongside: a host inside one of them is part of it
    // (and looking at each would cost its path's length again: quadratic on a long one).
    const schemeUrls = ranges.length;
    let inside = 0;
    const within = (at: number) => {
      while (inside < schemeUrls && ranges[inside]!.end <= at) inside++;
      return inside < schemeUrls && ranges[inside]!.start <= at;
    };
    COMMON_ENDING.lastIndex = 0;
    // twitter-text reads the text once, left to right: a URL starts after the previous one ends,
    // after a character that may come before a URL. Never looking back past the previous ending
    // or URL also keeps "x.com.com.com…" linear.
    let floor = 0;
    for (let match = COMMON_ENDING.exec(text); match; match = COMMON_ENDING.exec(text)) {
      if (match.index < floor || within(match.index)) continue;
      if (inside > 0) floor = Math.max(floor, ranges[inside - 1]!.end);
      let start = match.index;
      while (start > floor && HOST_CHAR.test(text[start - 1]!)) start--;
      // The host is as long as its labels go: "k.orgàapwww.site.be" is one host.
      let hostEnd = match.index + match[0].length;
      for (let next = HOST_CHAR.test(text[hostEnd] ?? ' ') ? COMMON_ENDING.exec(text) : null; next; next = COMMON_ENDING.exec(text)) {
        let run = hostEnd;
        while (run < next.index && HOST_CHAR.test(text[run]!)) run++;
        if (run < next.index) break;
        hostEnd = next.index + next[0].length;
      }
      while (text[start] === '.' || text[start] === '-') start++;
      // What comes before: a character that is not an ASCII letter or digit, nor @ $ #. After the
      // previous URL or at the text's start, the first such character is read as that (so "été.fr"
      // at the start is "é" and the URL "té.fr"); after @ $ # or a letter, the host starts after
      // the next one.
      const before = start > 0 ? text[start - 1]! : '';
      if (start === floor || /[@＠$#＃]/.test(before)) {
        let from = start === 0 && /[A-Za-z0-9]/.test(text[0]!) ? 0 : -1;
        for (let at = start + 1; from < 0 && at < match.index; at++) {
          if (!/[A-Za-z0-9]/.test(text[at - 1]!) && !/[.-]/.test(text[at]!)) from = at;
        }
        if (from < 0) {
          floor = COMMON_ENDING.lastIndex = hostEnd;
          continue;
        }
        start = from;
      }
      const end = urlTail(text, hostEnd, true);
      floor = COMMON_ENDING.lastIndex = end;
      // After - _ . / a host without a scheme is no URL (a path, a file name, an e-mail's domain);
      // what it would have covered is passed over.
      if (start >= match.index || (start > 0 && /[-_./]/.test(text[start - 1]!))) continue;
      ranges.push({ start, end });
    }
    inside = 0;
    WWW.lastIndex = 0;
    for (let match = WWW.exec(text); match; match = WWW.exec(text)) {
      const at = match.index;
      let end = at + 4;
      while (end < text.length && HOST_CHAR.test(text[end]!)) end++;
      end = trimEnd(text, at, end, '.-');
      const lastLabel = text.slice(text.lastIndexOf('.', end - 1) + 1, end);
      const topLevel = /^[A-Za-z]{2,}$/.test(lastLabel) && !AFTER_TOP_LEVEL_DOMAIN.test(text[end] ?? ' ');
      if (topLevel && !within(at) && text.slice(at + 4, end).includes('.') && !(at > 0 && BEFORE_BARE_HOST.test(text[at - 1]!))) {
        end = urlTail(text, end, true);
        ranges.push({ start: at, end });
      }
      WWW.lastIndex = Math.max(end, at + 4);
    }
  }
  ranges.sort((a, b) => a.start - b.start || b.end - a.end);
  const merged: Range[] = [];
  for (const range of ranges) {
    const last = merged[merged.length - 1];
    if (last && range.start < last.end) continue;
    merged.push(range);
  }
  return merged;
}

/** twitter-text v3 weight of one code point (× 100). */
function xCodePointWeight(codePoint: number): number {
  return codePoint <= 4351 ||
    (codePoint >= 8192 && codePoint <= 8205) ||
    (codePoint >= 8208 && codePoint <= 8223) ||
    (codePoint >= 8242 && codePoint <= 8247)
    ? 100
    : 200;
}

const EMOJI = /\p{Extended_Pictographic}|\p{Regional_Indicator}|\u20E3/u;
const TEXT_STYLE_SYMBOL = /^[\u00A9\u00AE]$/;

/** twitter-text v3 weight of one grapheme (× 100): an emoji weighs 200 whatever its length. */
function xGraphemeWeight(grapheme: string): number {
  if (EMOJI.test(grapheme) && !TEXT_STYLE_SYMBOL.test(grapheme)) return 200;
  let weight = 0;
  for (const char of grapheme.normalize('NFC')) weight += xCodePointWeight(char.codePointAt(0)!);
  return weight;
}

/** Calls `visit` with each grapheme of `text[from, to)` and its weight on `network`. */
function forEachPieceOfText(
  text: string,
  from: number,
  to: number,
  network: Network,
  visit: (start: number, end: number, weight: number) => boolean | void,
): boolean {
  let stopped = false;
  forEachGrapheme(text, from, to, (start, end) => {
    let weight = 1;
    if (network === 'x') {
      const code = text.charCodeAt(start);
      weight = (end - start === 1 && isStandalone(code) ? xCodePointWeight(code) : xGraphemeWeight(text.slice(start, end))) / 100;
    }
    return (stopped = visit(start, end, weight) === true);
  });
  return stopped;
}

/** Passages that count as a fixed number of characters: URLs (X, Mastodon), remote mentions (Mastodon). */
function specialRanges(text: string, network: Network): Array<Range & { weight: number }> {
  if (network !== 'x' && network !== 'mastodon') return [];
  const special = findUrls(text, network === 'x').map((range) => ({ start: range.start, end: range.end, weight: 23 }));
  if (network === 'mastodon' && text.includes('@')) {
    REMOTE_MENTION.lastIndex = 0;
    const urls = special.length;
    let url = 0; // URLs are sorted and do not overlap: walk them alongside the mentions
    for (let match = REMOTE_MENTION.exec(text); match; match = REMOTE_MENTION.exec(text)) {
      const start = match.index;
      const end = start + match[0].length;
      while (url < urls && special[url]!.end <= start) url++;
      if (url < urls && special[url]!.start < end) continue;
      special.push({ start, end, weight: match[1]!.length });
    }
    special.sort((a, b) => a.start - b.start);
  }
  return special;
}

/**
 * Calls `visit` with each counted piece of `text` on `network` (a grapheme, a URL, a mention)
 * and its weight, in order; stops early when `visit` returns true.
 */
function forEachPiece(
  text: string,
  network: Network,
  visit: (start: number, end: number, weight: number) => boolean | void,
  special: ReadonlyArray<Range & { weight: number }> = specialRanges(text, network),
): void {
  let cursor = 0;
  for (const range of special) {
    if (forEachPieceOfText(text, cursor, range.start, network, visit) || visit(range.start, range.end, range.weight) === true) return;
    cursor = range.end;
  }
  forEachPieceOfText(text, cursor, text.length, network, visit);
}

/** The weight of `text[from, to)` on `network`, without URLs: a tight loop over plain text. */
function measureText(text: string, from: number, to: number, network: Network): number {
  let used = 0;
  let i = from;
  while (i < to) {
    // Runs of standalone units: one grapheme each (on X, weighed by code point).
    const code = text.charCodeAt(i);
    if (isStandalone(code) && (i + 1 >= to || isStandalone(text.charCodeAt(i + 1)))) {
      used += network === 'x' ? xCodePointWeight(code) / 100 : 1;
      i++;
      continue;
    }
    // Anything else, up to the next run of standalone units, through the grapheme walk.
    const end = stretchEnd(text, i, to);
    forEachPieceOfText(text, i, end, network, (_start, _end, weight) => {
      used += weight;
    });
    i = end;
  }
  return used;
}

/** The length of `text` as `network` counts it. */
export function measureLength(text: string, network: Network): number {
  return measureWith(text, network, specialRanges(text, network));
}

function measureWith(text: string, network: Network, special: ReadonlyArray<Range & { weight: number }>): number {
  let used = 0;
  let cursor = 0;
  for (const range of special) {
    used += measureText(text, cursor, range.start, network) + range.weight;
    cursor = range.end;
  }
  return used + measureText(text, cursor, text.length, network);
}

/** The UTF-16 offset where `text` goes past `limit` on `network`, or `undefined` if it fits. */
export function overflowOffset(text: string, network: Network, limit: number): number | undefined {
  return overflowWith(text, network, limit, specialRanges(text, network));
}

function overflowWith(text: string, network: Network, limit: number, special: ReadonlyArray<Range & { weight: number }>): number | undefined {
  let used = 0;
  let offset: number | undefined;
  forEachPiece(
    text,
    network,
    (start, _end, weight) => {
      used += weight;
      if (used > limit) offset = start;
      return offset !== undefined;
    },
    special,
  );
  return offset;
}

/**
 * The length of `text` on `network` and, past `limit`, where it overflows: one look for its URLs
 * (a check needs both; a paste of thousands of URLs made that look the longest part).
 */
export function measureAgainstLimit(text: string, network: Network, limit: number): { used: number; overflow?: number } {
  const special = specialRanges(text, network);
  const used = measureWith(text, network, special);
  if (used <= limit) return { used };
  return { used, overflow: overflowWith(text, network, limit, special) ?? text.length };
}
