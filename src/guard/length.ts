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

/** One counted piece of text: its UTF-16 range and what it weighs on the network. */
interface Piece {
  readonly start: number;
  readonly end: number;
  readonly weight: number;
}

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

/** Calls `visit` with the UTF-16 range of each grapheme cluster of `text[from, to)`. */
function forEachGrapheme(text: string, from: number, to: number, visit: (start: number, end: number) => void): void {
  let i = from;
  while (i < to) {
    if (isStandalone(text.charCodeAt(i)) && (i + 1 >= to || isStandalone(text.charCodeAt(i + 1)))) {
      visit(i, i + 1);
      i++;
      continue;
    }
    // A stretch that needs the real rules: from here to the next two standalone units in a row.
    let end = i + 1;
    while (end < to && !(isStandalone(text.charCodeAt(end)) && (end + 1 >= to || isStandalone(text.charCodeAt(end + 1))))) {
      end++;
    }
    // A standalone unit right after the stretch may still close it (e.g. a Prepend mark), so include it.
    if (end < to) end++;
    for (const { index, segment } of segmenter().segment(text.slice(i, end))) {
      visit(i + index, i + index + segment.length);
    }
    i = end;
  }
}

/** Number of grapheme clusters in `text`. */
export function countGraphemes(text: string): number {
  let count = 0;
  forEachGrapheme(text, 0, text.length, () => count++);
  return count;
}

const SCHEME_URL = /\bhttps?:\/\/[^\s<>"«»]+/giu;
// twitter-text also counts bare domains as URLs; without its full list of top-level domains we
// recognise www. hosts and the common endings.
const BARE_URL =
  /(?<![\w@.\/-])(?:www\.[\w-]+(?:\.[\w-]+)+|(?:[a-z0-9-]+\.)+(?:com|org|net|fr|io|dev|co|eu|de|uk|be|ch|ca|info|app|ai|gouv\.fr|tv|me|ly|gl|es|it|nl))(?![\w-])(?:[/?#][^\s<>"«»]*)?/giu;
const URL_TRAILING = /[.,;:!?'’"»)\]]+$/;
const REMOTE_MENTION = /(?<![\w@])(@[\w.-]+)@[\w-]+(?:\.[\w-]+)+/gu;

/** Ranges of URLs (trailing sentence punctuation excluded), sorted and not overlapping. */
function findUrls(text: string, withBareDomains: boolean): Array<{ start: number; end: number }> {
  if (!text.includes('.')) return [];
  const ranges: Array<{ start: number; end: number }> = [];
  const add = (pattern: RegExp) => {
    pattern.lastIndex = 0;
    for (let match = pattern.exec(text); match; match = pattern.exec(text)) {
      const trimmed = match[0].replace(URL_TRAILING, '');
      if (trimmed.length > 0) ranges.push({ start: match.index, end: match.index + trimmed.length });
    }
  };
  add(SCHEME_URL);
  if (withBareDomains) add(BARE_URL);
  ranges.sort((a, b) => a.start - b.start || b.end - a.end);
  const merged: Array<{ start: number; end: number }> = [];
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

/** The counted pieces of `text` on `network`, in order. */
function pieces(text: string, network: Network): Piece[] {
  const out: Piece[] = [];
  const countText = (from: number, to: number) => {
    if (network === 'x') {
      forEachGrapheme(text, from, to, (start, end) => {
        const code = text.charCodeAt(start);
        const weight = end - start === 1 && isStandalone(code) ? xCodePointWeight(code) : xGraphemeWeight(text.slice(start, end));
        out.push({ start, end, weight: weight / 100 });
      });
    } else {
      forEachGrapheme(text, from, to, (start, end) => out.push({ start, end, weight: 1 }));
    }
  };
  if (network !== 'x' && network !== 'mastodon') {
    countText(0, text.length);
    return out;
  }
  const special = findUrls(text, network === 'x').map((range) => ({ ...range, weight: 23 }));
  if (network === 'mastodon') {
    REMOTE_MENTION.lastIndex = 0;
    for (let match = REMOTE_MENTION.exec(text); match; match = REMOTE_MENTION.exec(text)) {
      const start = match.index;
      if (special.some((range) => start < range.end && range.start < start + match![0].length)) continue;
      special.push({ start, end: start + match[0].length, weight: match[1]!.length });
    }
    special.sort((a, b) => a.start - b.start);
  }
  let cursor = 0;
  for (const range of special) {
    countText(cursor, range.start);
    out.push(range);
    cursor = range.end;
  }
  countText(cursor, text.length);
  return out;
}

/** The length of `text` as `network` counts it. */
export function measureLength(text: string, network: Network): number {
  let used = 0;
  for (const piece of pieces(text, network)) used += piece.weight;
  return used;
}

/** The UTF-16 offset where `text` goes past `limit` on `network`, or `undefined` if it fits. */
export function overflowOffset(text: string, network: Network, limit: number): number | undefined {
  let used = 0;
  for (const piece of pieces(text, network)) {
    used += piece.weight;
    if (used > limit) return piece.start;
  }
  return undefined;
}
