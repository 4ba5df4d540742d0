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
 *   length (a variation selector that no emoji sequence holds counts apart: 👍 + U+FE0F is 4),
 *   23 × 100 for a URL; text is NFC-normalised first; a post is valid when
 *   weight / 100 ≤ 280. So CJK characters and emoji count 2, a URL 23.
 *
 * Intl.Segmenter is slow on long strings (milliseconds for 3,000 characters in V8), so it only
 * sees the short stretches that need it; plain Latin text is counted by a direct scan.
 */
import type { Network } from '../model/index.js';
import { findUrls, type Range } from './urls.js';

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

const REMOTE_MENTION = /(?<![\w@])(@[\w.-]+)@[\w-]+(?:\.[\w-]+)+/gu;

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
const TEXT_STYLE_SYMBOL = /^[\u00A9\u00AE](?!\uFE0F)/;

/** Marks at the end of an emoji's grapheme that twitter-text's emoji pattern leaves out (not a selector or the keycap). */
const MARKS_AFTER_EMOJI = /[^\P{M}\uFE0E\uFE0F\u20E3]+$/u;

/**
 * Variation selectors that no emoji sequence of Unicode's list (twitter-text's emoji pattern)
 * holds, each counted as a character: the text selector U+FE0E always, and the emoji selector
 * U+FE0F after a character already shown as an emoji (👍, a skin tone, a flag's letters, another
 * selector). Some keyboards and word processors add U+FE0F after every emoji: 👍 + U+FE0F is 4
 * on X, ❤ + U+FE0F (a sequence of the list) 2.
 */
const STRAY_SELECTOR = /\uFE0E|(?<=[\p{Emoji_Presentation}\p{Emoji_Modifier}\uFE0E\uFE0F\u20E3\u{E007F}])\uFE0F/gu;

/**
 * twitter-text v3 weight of one grapheme (× 100): an emoji weighs 200 whatever its length, and
 * the marks after it and stray selectors as characters (👍 + U+0301: 300; 👍 + U+FE0F: 400). A
 * joined sequence that is not on Unicode's list (👍 + ZWJ + 👍, which no emoji picker makes) is
 * still one emoji here; twitter-text counts its pieces.
 */
function xGraphemeWeight(grapheme: string): number {
  if (EMOJI.test(grapheme) && !TEXT_STYLE_SYMBOL.test(grapheme)) {
    let weight = 200;
    for (const char of MARKS_AFTER_EMOJI.exec(grapheme)?.[0] ?? '') weight += xCodePointWeight(char.codePointAt(0)!);
    if (grapheme.length > 1) weight += 200 * (grapheme.match(STRAY_SELECTOR)?.length ?? 0);
    return weight;
  }
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
