/**
 * Built-in detectors of personal and confidential data. Each one checks what a number or an
 * address really is (checksum, structure), not only its shape: a false alarm teaches people to
 * ignore the guard. They run on the original text, so their offsets need no mapping.
 */
import type { Detector } from '../model/index.js';

/** A passage found by a detector: UTF-16 offsets into the original text. */
export interface Detection {
  readonly start: number;
  readonly end: number;
}

/** What detectors need from the policy. */
export interface DetectorContext {
  /** A case-insensitive regular expression for URLs on the company's internal domains, if any. */
  readonly internalLink?: RegExp;
}

// Separators people type inside numbers: space, no-break spaces (French typography), dot, dash.
const SEP = '[ .\\-\\u00A0\\u202F]';
const HAS_DIGIT = /\d/;

/** Luhn checksum, used by payment cards and SIRET numbers. */
export function luhnValid(digits: string): boolean {
  let sum = 0;
  let double = false;
  for (let k = digits.length - 1; k >= 0; k--) {
    let digit = digits.charCodeAt(k) - 48;
    if (double) {
      digit *= 2;
      if (digit > 9) digit -= 9;
    }
    sum += digit;
    double = !double;
  }
  return sum % 10 === 0;
}

const onlyDigits = (passage: string) => passage.replace(/\D/g, '');

function collect(text: string, pattern: RegExp, isValid: (match: RegExpExecArray) => boolean): Detection[] {
  const found: Detection[] = [];
  pattern.lastIndex = 0;
  for (let match = pattern.exec(text); match; match = pattern.exec(text)) {
    if (isValid(match)) found.push({ start: match.index, end: match.index + match[0].length });
  }
  return found;
}

// ---------------------------------------------------------------- email

const LOCAL_ASCII = /[A-Za-z0-9!#$%&*+/=?^_{|}~.-]/;
const DOMAIN_ASCII = /[A-Za-z0-9.-]/;
const NON_ASCII_LETTER = /[\p{L}\p{N}]/u;

const isLocalChar = (char: string) => (char < '\x80' ? LOCAL_ASCII.test(char) : NON_ASCII_LETTER.test(char));
const isDomainChar = (char: string) => (char < '\x80' ? DOMAIN_ASCII.test(char) : NON_ASCII_LETTER.test(char));

function validEmail(local: string, domain: string): boolean {
  if (local.length === 0 || local.length > 64 || local.startsWith('.') || local.endsWith('.') || local.includes('..')) {
    return false;
  }
  const labels = domain.split('.');
  if (labels.length < 2 || domain.length > 253) return false;
  for (const label of labels) {
    if (label.length === 0 || label.length > 63 || label.startsWith('-') || label.endsWith('-')) return false;
  }
  const topLevel = labels[labels.length - 1]!;
  return /^(?:\p{L}{2,}|xn--[a-z0-9-]+)$/iu.test(topLevel);
}

/**
 * E-mail addresses. Found from each "@" outwards (a plain scan, far cheaper than a Unicode
 * regular expression over the whole text), then checked label by label.
 */
export function detectEmails(text: string): Detection[] {
  const found: Detection[] = [];
  let at = text.indexOf('@');
  while (at !== -1) {
    let start = at;
    while (start > 0 && isLocalChar(text[start - 1]!)) start--;
    let end = at + 1;
    while (end < text.length && isDomainChar(text[end]!)) end++;
    // A sentence may end right after the address: "écrivez à marie@acme.fr."
    while (end > at + 1 && (text[end - 1] === '.' || text[end - 1] === '-')) end--;
    while (start < at && text[start] === '.') start++;
    if (validEmail(text.slice(start, at), text.slice(at + 1, end))) {
      found.push({ start, end });
      at = text.indexOf('@', end);
    } else {
      at = text.indexOf('@', at + 1);
    }
  }
  return found;
}

// ---------------------------------------------------------------- phone

// French national numbers: 0 then 1–9, then four pairs, with one kind of separator or none.
const FRENCH_PHONE = new RegExp(`(?<![\\d+]|\\d${SEP})0[1-9](${SEP}?)\\d{2}(?:\\1\\d{2}){3}(?!${SEP}?\\d)`, 'g');
// +33 or 0033, an optional "(0)", then the nine digits of the national significant number.
const FRENCH_INTERNATIONAL = new RegExp(
  `(?<![\\w+])(?:\\+|00)33${SEP}?(?:\\(0\\)${SEP}?)?[1-9](?:${SEP}?\\d{2}){4}(?!${SEP}?\\d)`,
  'g',
);
// Any other country: + then the digits, packed or in separated groups (a separator is required
// between groups, so that a long run of digits cannot be split in many ways when backtracking).
const OTHER_INTERNATIONAL = new RegExp(
  `(?<![\\w+])\\+(?!33)(?:[1-9]\\d{7,14}|[1-9]\\d{0,3}(?:${SEP}(?:\\(0\\)${SEP}?)?\\d{1,8}){1,6})(?!${SEP}?\\d)`,
  'g',
);

/** National significant number lengths for a few countries; E.164 bounds for the others. */
const NATIONAL_LENGTHS: Record<string, readonly number[]> = {
  '1': [10],
  '32': [8, 9],
  '34': [9],
  '41': [9],
  '44': [9, 10],
  '351': [9],
};

function validOtherInternational(passage: string): boolean {
  const digits = onlyDigits(passage.replace('(0)', ''));
  if (digits.length < 8 || digits.length > 15) return false;
  for (const [code, lengths] of Object.entries(NATIONAL_LENGTHS)) {
    if (digits.startsWith(code)) return lengths.includes(digits.length - code.length);
  }
  return true;
}

/** Phone numbers: French national (06 12 34 56 78, 06.12.34.56.78, 0612345678) and E.164. */
export function detectPhones(text: string): Detection[] {
  if (!HAS_DIGIT.test(text)) return [];
  return [
    ...collect(text, FRENCH_PHONE, () => true),
    ...collect(text, FRENCH_INTERNATIONAL, () => true),
    ...collect(text, OTHER_INTERNATIONAL, (match) => validOtherInternational(match[0])),
  ].sort((a, b) => a.start - b.start);
}

// ---------------------------------------------------------------- IBAN

/** IBAN length per country (ISO 13616 registry). */
const IBAN_LENGTHS: Record<string, number> = {
  AD: 24, AE: 23, AL: 28, AT: 20, AZ: 28, BA: 20, BE: 16, BG: 22, BH: 22, BI: 27, BR: 29, BY: 28,
  CH: 21, CR: 22, CY: 28, CZ: 24, DE: 22, DJ: 27, DK: 18, DO: 28, EE: 20, EG: 29, ES: 24, FI: 18,
  FK: 18, FO: 18, FR: 27, GB: 22, GE: 22, GI: 23, GL: 18, GR: 27, GT: 28, HR: 21, HU: 28, IE: 22,
  IL: 23, IQ: 23, IS: 26, IT: 27, JO: 30, KW: 30, KZ: 20, LB: 28, LC: 32, LI: 21, LT: 20, LU: 20,
  LV: 21, LY: 25, MC: 27, MD: 24, ME: 22, MK: 19, MN: 20, MR: 27, MT: 31, MU: 30, NI: 28, NL: 18,
  NO: 15, OM: 23, PK: 24, PL: 28, PS: 29, PT: 25, QA: 29, RO: 24, RS: 22, RU: 33, SA: 24, SC: 31,
  SD: 18, SE: 24, SI: 19, SK: 24, SM: 27, SO: 23, ST: 25, SV: 28, TL: 23, TN: 24, TR: 26, UA: 29,
  VA: 22, VG: 24, XK: 20, YE: 30,
};

const IBAN_START = /(?<![A-Za-z0-9])([A-Za-z]{2})\d{2}/g;
const isAlphanumeric = (code: number) =>
  (code >= 48 && code <= 57) || (code >= 65 && code <= 90) || (code >= 97 && code <= 122);

/** ISO 7064 mod 97-10, computed piecewise so that no number exceeds 2^53. */
export function ibanChecksumValid(iban: string): boolean {
  const rearranged = iban.slice(4) + iban.slice(0, 4);
  let remainder = 0;
  for (const char of rearranged) {
    const code = char.charCodeAt(0);
    const value = code <= 57 ? code - 48 : code - 55;
    remainder = value > 9 ? (remainder * 100 + value) % 97 : (remainder * 10 + value) % 97;
  }
  return remainder === 1;
}

/** IBANs of any registered country, with or without spaces; the mod-97 check must pass. */
export function detectIbans(text: string): Detection[] {
  if (!HAS_DIGIT.test(text)) return [];
  const found: Detection[] = [];
  IBAN_START.lastIndex = 0;
  for (let match = IBAN_START.exec(text); match; match = IBAN_START.exec(text)) {
    const length = IBAN_LENGTHS[match[1]!.toUpperCase()];
    if (length === undefined) continue;
    let compact = match[0].toUpperCase();
    let end = match.index + match[0].length;
    // Read exactly the country's length, allowing one space (or no-break space) between characters.
    while (compact.length < length && end < text.length) {
      let code = text.charCodeAt(end);
      if ((code === 0x20 || code === 0xa0 || code === 0x202f) && end + 1 < text.length) {
        code = text.charCodeAt(end + 1);
        if (!isAlphanumeric(code)) break;
        end++;
      }
      if (!isAlphanumeric(code)) break;
      compact += text[end]!.toUpperCase();
      end++;
    }
    if (compact.length !== length) continue;
    if (end < text.length && isAlphanumeric(text.charCodeAt(end))) continue;
    if (!/^[A-Z]{2}\d{2}[A-Z0-9]+$/.test(compact) || !ibanChecksumValid(compact)) continue;
    found.push({ start: match.index, end });
    IBAN_START.lastIndex = end;
  }
  return found;
}

// ---------------------------------------------------------------- payment card

const CARD = /(?<!\d[ -]?)[1-9](?:[ -]?\d){12,18}(?![ -]?\d)/g;

/** Payment card numbers: 13 to 19 digits, grouped with spaces or dashes; Luhn must pass. */
export function detectCards(text: string): Detection[] {
  if (!HAS_DIGIT.test(text)) return [];
  return collect(text, CARD, (match) => luhnValid(onlyDigits(match[0])));
}

// ---------------------------------------------------------------- French NIR

const NIR = /(?<![\dA-Za-z]|\d[ .])[1-478](?:[ .]?[\dABab]){14}(?![ .]?\d)(?![A-Za-z])/g;
const NIR_STRUCTURE = /^[1-478]\d{4}(?:\d{2}|2[AB])\d{8}$/;

/** Checks a French social security number (NIR): structure, month, department and key. */
export function nirValid(passage: string): boolean {
  const nir = passage.replace(/[ .]/g, '').toUpperCase();
  if (!NIR_STRUCTURE.test(nir)) return false;
  const month = Number(nir.slice(3, 5));
  // 01–12, or the 20–42 and 50–99 INSEE uses when the month of birth is unknown.
  if (month === 0 || (month > 12 && month < 20) || (month > 42 && month < 50)) return false;
  if (nir.slice(5, 7) === '00') return false;
  // Corsica: 2A counts as 19 and 2B as 18 in the key computation.
  const body = Number(nir.slice(0, 13).replace('2A', '19').replace('2B', '18'));
  return 97 - (body % 97) === Number(nir.slice(13));
}

/** French social security numbers (NIR) with their two-digit key, Corsica 2A/2B included. */
export function detectNirs(text: string): Detection[] {
  if (!HAS_DIGIT.test(text)) return [];
  return collect(text, NIR, (match) => nirValid(match[0]));
}

// ---------------------------------------------------------------- SIRET

const SIRET = /(?<!\d|\d[ .\u00A0\u202F])\d{3}[ .\u00A0\u202F]?\d{3}[ .\u00A0\u202F]?\d{3}[ .\u00A0\u202F]?\d{5}(?![ .\u00A0\u202F]?\d)/g;
/** La Poste's establishments do not follow Luhn: their digits sum to a multiple of 5. */
const LA_POSTE_SIREN = '356000000';

export function siretValid(digits: string): boolean {
  if (digits.length !== 14 || /^0+$/.test(digits)) return false;
  if (digits.startsWith(LA_POSTE_SIREN)) {
    let sum = 0;
    for (const digit of digits) sum += Number(digit);
    return sum % 5 === 0;
  }
  return luhnValid(digits);
}

/** SIRET numbers (14 digits, as 14 or 3 3 3 5); the Luhn check must pass. */
export function detectSirets(text: string): Detection[] {
  if (!HAS_DIGIT.test(text)) return [];
  return collect(text, SIRET, (match) => siretValid(onlyDigits(match[0])));
}

// ---------------------------------------------------------------- internal links

const escapeRegExp = (value: string) => value.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** Turns "https://Intranet.Acme.com/" or "*.acme.com" into the bare host "intranet.acme.com". */
export function bareDomain(domain: string): string {
  return domain
    .trim()
    .toLowerCase()
    .replace(/^[a-z][a-z0-9+.-]*:\/\//, '')
    .replace(/[/?#:].*$/, '')
    .replace(/^\*?\.+/, '')
    .replace(/\.+$/, '');
}

/**
 * One regular expression for URLs whose host is, or is under, one of `domains`: with or without
 * a scheme, with port and path. A host must begin at a label boundary ("notacme.com" is not
 * "acme.com") and an address after "@" is an e-mail, not a link.
 */
export function internalLinkPattern(domains: readonly string[]): RegExp | undefined {
  const hosts = [...new Set(domains.map(bareDomain).filter((domain) => domain.length > 0))];
  if (hosts.length === 0) return undefined;
  const alternatives = hosts.sort((a, b) => b.length - a.length).map(escapeRegExp).join('|');
  return new RegExp(
    `(?<![\\w.@-])(?:https?:\\/\\/)?(?:[a-z0-9-]+\\.)*(?:${alternatives})(?!\\.*[\\w-])(?::\\d+)?(?:[/?#][^\\s<>"«»]*)?`,
    'giu',
  );
}

const TRAILING_PUNCTUATION = `.,;:!?'’"»)]`;

/** URLs on the company's internal domains. */
export function detectInternalLinks(text: string, context: DetectorContext): Detection[] {
  const pattern = context.internalLink;
  if (!pattern) return [];
  return collect(text, pattern, () => true).map(({ start, end }) => {
    // Closing punctuation belongs to the sentence, unless it closes a parenthesis of the URL.
    // Loops, not `/[…]+$/` and `split('(')` per character: those are quadratic on long runs.
    let keep = end;
    while (keep > start && TRAILING_PUNCTUATION.includes(text[keep - 1]!)) keep--;
    let open = 0;
    for (let k = start; k < keep; k++) open += text[k] === '(' ? 1 : text[k] === ')' ? -1 : 0;
    for (; keep < end && text[keep] === ')' && open > 0; open--) keep++;
    return { start, end: keep };
  });
}

/** Every detector by name. */
export const DETECTOR_FUNCTIONS: Record<Detector, (text: string, context: DetectorContext) => Detection[]> = {
  email: detectEmails,
  phone: detectPhones,
  iban: detectIbans,
  card: detectCards,
  'fr-nir': detectNirs,
  siret: detectSirets,
  'internal-link': detectInternalLinks,
};

/**
 * How specific each detector is: a passage found by a more specific detector is not reported
 * again by a less specific one (an IBAN holds digits that could pass for a card, a SIRET passes
 * Luhn like a card, an e-mail may hold a phone number).
 */
export const DETECTOR_SPECIFICITY: Record<Detector, number> = {
  email: 3,
  'internal-link': 3,
  iban: 3,
  'fr-nir': 3,
  siret: 3,
  card: 2,
  phone: 1,
};
