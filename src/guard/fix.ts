/**
 * One-click fixes that read as French (and English): {@link planFix} works out what a finding's
 * suggestion does to the sentence around it — the determiner in front of the passage, the
 * preposition it leans on, elision (« qu’un »), contraction (« au », « du »), the capital at the
 * start of a sentence, spaces and doubled words — and says so before anything is applied. Where
 * no grammatical result can be guaranteed it says that too (`unsafe`), with the sentence as it
 * would read, so that a person can rewrite it. Pure: no DOM, no state.
 */
import type { Finding, SuggestionGrammar } from './types.js';

/** What applying a finding's suggestion does. */
export type FixPlan =
  | {
      unsafe: false;
      /** The whole text once fixed. */
      text: string;
      /** UTF-16 offsets of what is replaced in the original text (the passage and its surroundings). */
      start: number;
      end: number;
      /** What goes in place of `start`–`end`: `text === original.slice(0, start) + replacement + original.slice(end)`. */
      replacement: string;
      /** The sentence the fix lands in, as it will read (shortened with "…" when long). */
      preview: string;
    }
  | {
      unsafe: true;
      /** The text as a plain replacement would leave it: shown, never applied. */
      text: string;
      /** The sentence as a plain replacement would leave it. */
      preview: string;
      /** Why no one-click fix is offered, for developers (not shown to employees). */
      reason: string;
    };

/** Options of {@link planFix}. */
export interface FixOptions {
  /** Language of the text (`fr`, `en`, `fr-CA`…), when the suggestion does not say; French by default. */
  lang?: string;
}

type Lang = 'fr' | 'en';
type DetKind = 'def' | 'indef' | 'dem' | 'poss1s' | 'poss2s' | 'poss3s' | 'poss1p' | 'poss2p' | 'poss3p' | 'part';

interface Det {
  kind: DetKind;
  gender?: 'm' | 'f';
  number: 's' | 'p';
  /** The preposition fused into it: « au » is à + le, « du » de + le. */
  fused?: 'à' | 'de';
}

const FR_DETS: Record<string, Det> = {
  le: { kind: 'def', gender: 'm', number: 's' },
  la: { kind: 'def', gender: 'f', number: 's' },
  'l’': { kind: 'def', number: 's' },
  les: { kind: 'def', number: 'p' },
  un: { kind: 'indef', gender: 'm', number: 's' },
  une: { kind: 'indef', gender: 'f', number: 's' },
  des: { kind: 'indef', number: 'p' },
  au: { kind: 'def', gender: 'm', number: 's', fused: 'à' },
  aux: { kind: 'def', number: 'p', fused: 'à' },
  du: { kind: 'def', gender: 'm', number: 's', fused: 'de' },
  ce: { kind: 'dem', gender: 'm', number: 's' },
  cet: { kind: 'dem', gender: 'm', number: 's' },
  cette: { kind: 'dem', gender: 'f', number: 's' },
  ces: { kind: 'dem', number: 'p' },
  mon: { kind: 'poss1s', number: 's' },
  ma: { kind: 'poss1s', gender: 'f', number: 's' },
  mes: { kind: 'poss1s', number: 'p' },
  ton: { kind: 'poss2s', number: 's' },
  ta: { kind: 'poss2s', gender: 'f', number: 's' },
  tes: { kind: 'poss2s', number: 'p' },
  son: { kind: 'poss3s', number: 's' },
  sa: { kind: 'poss3s', gender: 'f', number: 's' },
  ses: { kind: 'poss3s', number: 'p' },
  notre: { kind: 'poss1p', number: 's' },
  nos: { kind: 'poss1p', number: 'p' },
  votre: { kind: 'poss2p', number: 's' },
  vos: { kind: 'poss2p', number: 'p' },
  leur: { kind: 'poss3p', number: 's' },
  leurs: { kind: 'poss3p', number: 'p' },
};

/** The determiners a French suggestion may begin with, and the gender and number they carry. */
export const FRENCH_DETERMINERS: Readonly<Record<string, { gender?: 'm' | 'f'; number: 's' | 'p' }>> = FR_DETS;

const EN_DETS = new Set(['the', 'a', 'an', 'this', 'that', 'these', 'those', 'my', 'your', 'his', 'her', 'its', 'our', 'their', 'some']);
/** Prepositions that a suggestion beginning with one replaces in the text (« écrivez à x » → « écrivez en message privé »). */
const FR_PREPS = new Set(['à', 'en', 'par', 'pour', 'sur', 'dans', 'avec', 'chez', 'via', 'vers', 'auprès']);
const EN_PREPS = new Set(['by', 'via', 'in', 'at', 'on', 'to', 'through', 'over', 'with', 'from']);
/** Words that lose their vowel before a vowel or a mute h, and their elided form. */
const ELIDABLE: Record<string, string> = {
  je: 'j’', me: 'm’', te: 't’', se: 's’', ce: 'c’', ne: 'n’', de: 'd’', le: 'l’', la: 'l’', que: 'qu’',
  jusque: 'jusqu’', lorsque: 'lorsqu’', puisque: 'puisqu’', quoique: 'quoiqu’',
};
/** The full form of an elided word before a consonant (« qu’ » → « que »); « l’ » is a determiner, « s’ » may be « si ». */
const UNELIDED: Record<string, string> = {
  'j’': 'je', 'm’': 'me', 't’': 'te', 'c’': 'ce', 'n’': 'ne', 'd’': 'de', 'qu’': 'que',
  'jusqu’': 'jusque', 'lorsqu’': 'lorsque', 'puisqu’': 'puisque', 'quoiqu’': 'quoique',
};
/** Words whose h is aspirated: no elision before them (« le héros », « la hausse »). */
const ASPIRATED_H = /^h(?:a(?:ch|ie|ine|ll|lte|mac|mbur|nche|ndicap|ngar|nter|ricot|rdi|rpe|sard|ss|te|ut|uss|ute|vre)|é(?:ron|ros|risson|ler)|i(?:bou|érarch|ppie|sse)|o(?:ck|llande|llywood|mard|nte|ngr|quet|rs|rde|uss|ublon)|u(?:er|ée|ile|it|mour|rl|tte))/i;
const COORDINATORS = /(?:,|\s(?:ou|et|or|and))\s*$/iu;
const SENTENCE_END = /[.!?…\n]/;
const OPENING = /[«“"‘([]/;
const PREVIEW_LIMIT = 160;

const isLetter = (char: string | undefined) => !!char && /[\p{L}\p{N}]/u.test(char);
const isWordChar = (char: string | undefined) => !!char && /[\p{L}\p{N}\p{M}-]/u.test(char);
const isSpace = (char: string | undefined) => !!char && /[ \t\u00a0\u202f]/.test(char);
const isApostrophe = (char: string | undefined) => char === '’' || char === "'";
const foldApostrophe = (word: string) => word.toLowerCase().replace(/'/g, '’');

/** Whether a word begins with a vowel sound for French elision (vowel, or a mute h). */
function elides(word: string): boolean {
  const first = word.normalize('NFD').charAt(0).toLowerCase();
  if ('aeiouy'.includes(first)) return !/^(?:y[aeiou]|oui\b|onze)/i.test(word);
  return first === 'h' && !ASPIRATED_H.test(word);
}

/** Whether an English word takes "an" (by its first sound, as far as spelling says). */
function takesAn(word: string): boolean {
  const lower = word.toLowerCase();
  if (/^(?:hour|honest|honou?r|heir)/.test(lower)) return true;
  if (/^(?:uni|use|usu|uti|eu|one|once|ur[aeiou])/.test(lower)) return false;
  if (/^[A-Z]{2,}/.test(word)) return /^[AEFHILMNORSX]/.test(word); // an MBA, an SEO audit, a CEO
  return /^[aeiou]/.test(lower);
}

interface Token {
  start: number;
  end: number;
  /** Lower case, typographic apostrophe. */
  word: string;
}

/** The word just before `at`: an elided one stuck to it (« qu’ »), else the one before the spaces. */
function tokenBefore(text: string, at: number): Token | undefined {
  let end = at;
  if (!isApostrophe(text[end - 1])) while (end > 0 && isSpace(text[end - 1])) end--;
  let start = end;
  if (isApostrophe(text[start - 1])) start--;
  while (start > 0 && isWordChar(text[start - 1])) start--;
  if (start === end || (isApostrophe(text[start]) && start === end - 1)) return undefined;
  return { start, end, word: foldApostrophe(text.slice(start, end)) };
}

/** The word just after `at`, across spaces. */
function tokenAfter(text: string, at: number): Token | undefined {
  let start = at;
  while (start < text.length && isSpace(text[start])) start++;
  let end = start;
  while (end < text.length && isWordChar(text[end])) end++;
  return end > start ? { start, end, word: text.slice(start, end).toLowerCase() } : undefined;
}

const firstWord = (phrase: string) => /^[\p{L}\p{N}-]+['’]?/u.exec(phrase)?.[0] ?? '';

/** The French determiner a phrase begins with (« de la », « l’ » included), and the rest. */
function leadingDet(phrase: string, lang: Lang): { det: string; rest: string } | undefined {
  const lower = foldApostrophe(phrase);
  if (lang === 'en') {
    const word = firstWord(lower);
    return EN_DETS.has(word) && /\s/.test(phrase.charAt(word.length)) ? { det: word, rest: phrase.slice(word.length).trimStart() } : undefined;
  }
  if (lower.startsWith('l’')) return { det: 'l’', rest: phrase.slice(2) };
  const word = firstWord(lower);
  if (Object.hasOwn(FR_DETS, word) && /\s/.test(phrase.charAt(word.length))) return { det: word, rest: phrase.slice(word.length).trimStart() };
  return undefined;
}

/** A French determiner of `kind` for a noun of this gender and number, before `next`. */
function frDetForm(kind: DetKind, gender: 'm' | 'f' | undefined, number: 's' | 'p', next: string): string | undefined {
  const vowel = elides(next);
  if (number === 'p') {
    return { def: 'les', indef: 'des', part: 'des', dem: 'ces', poss1s: 'mes', poss2s: 'tes', poss3s: 'ses', poss1p: 'nos', poss2p: 'vos', poss3p: 'leurs' }[kind];
  }
  switch (kind) {
    case 'def':
      return vowel ? 'l’' : gender === 'm' ? 'le' : gender === 'f' ? 'la' : undefined;
    case 'indef':
      return gender === 'm' ? 'un' : gender === 'f' ? 'une' : undefined;
    case 'part':
      return vowel ? 'de l’' : gender === 'm' ? 'du' : gender === 'f' ? 'de la' : undefined;
    case 'dem':
      return gender === 'f' ? 'cette' : gender === 'm' ? (vowel ? 'cet' : 'ce') : undefined;
    case 'poss1p':
      return 'notre';
    case 'poss2p':
      return 'votre';
    case 'poss3p':
      return 'leur';
    default: {
      const person = { poss1s: 'm', poss2s: 't', poss3s: 's' }[kind];
      return vowel || gender === 'm' ? `${person}on` : gender === 'f' ? `${person}a` : undefined;
    }
  }
}

/**
 * A French word joined to the phrase after it: contraction (à + le → au, de + les → des, de +
 * des → de) and elision (que + un → qu’un), or un-elision (qu’ + le → que le). `undefined` when
 * the word needs no change.
 */
function frJoin(word: string, phrase: string): string | undefined {
  const next = foldApostrophe(firstWord(phrase));
  const rest = phrase.slice(next.length).replace(/^\s+/, '');
  const base = UNELIDED[word] ?? word;
  if (base === 'à' || base === 'de') {
    if (next === 'le') return `${base === 'à' ? 'au' : 'du'} ${rest}`;
    if (next === 'les') return `${base === 'à' ? 'aux' : 'des'} ${rest}`;
    if (base === 'de' && next === 'des') return `de ${rest}`;
  }
  if (Object.hasOwn(ELIDABLE, base) && base !== 'le' && base !== 'la') {
    if (elides(phrase)) return `${ELIDABLE[base]}${phrase}`;
    if (word !== base) return `${base} ${phrase}`;
    return undefined;
  }
  return undefined;
}

/** Words that may open a clause whose subject follows (« que », "that"…). */
const CLAUSE_OPENERS = new Set(['qui', 'que', 'qu’', 'et', 'mais', 'car', 'donc', 'quand', 'lorsque', 'lorsqu’', 'puisque', 'puisqu’', 'si', 'comme', 'that', 'who', 'and', 'but', 'when', 'if', 'because', 'as', 'while']);
/** After a subject, these join another one rather than begin the verb. */
const COORDINATING = new Set(['et', 'ou', 'ni', 'and', 'or', 'nor']);
const PLURAL_DETERMINERS = new Set(['les', 'des', 'ces', 'mes', 'tes', 'ses', 'nos', 'vos', 'leurs', 'aux', 'these', 'those']);

/** Whether a suggestion is plural: by its `number`, or its own determiner. */
function isPlural(own: { det: string } | undefined, grammar: SuggestionGrammar, lang: Lang): boolean {
  if (grammar.number) return grammar.number === 'p';
  return !!own && (lang === 'fr' ? FR_DETS[own.det]?.number === 'p' : own.det === 'these' || own.det === 'those');
}

/** Whether the passage at `at` was plural already: a plural determiner in front of it. */
function pluralBefore(text: string, at: number): boolean {
  const before = tokenBefore(text, at);
  return !!before && PLURAL_DETERMINERS.has(before.word);
}

/** Whether `phrase`, put at `from`, begins a clause: a sentence's start, or after « que », "that"… */
function startsClause(text: string, from: number, phrase: string, lang: Lang): boolean {
  if (startsSentence(text, from)) return true;
  const lead = foldApostrophe(firstWord(phrase));
  if (lang === 'fr' && (lead === 'que' || lead === 'qu’')) return true;
  const before = tokenBefore(text, from);
  return !!before && CLAUSE_OPENERS.has(before.word);
}

/** Whether `at` begins a sentence: nothing but spaces and opening quotes since the last full stop or line. */
function startsSentence(text: string, at: number): boolean {
  let k = at;
  while (k > 0 && (isSpace(text[k - 1]) || OPENING.test(text[k - 1]!))) k--;
  return k === 0 || SENTENCE_END.test(text[k - 1]!);
}

/** A phrase in capitals (« UN GRAND CLIENT », for a passage written so) keeps its case. */
const shouted = (phrase: string) => /\p{Lu}\P{L}*\p{Lu}/u.test(phrase) && phrase === phrase.toUpperCase();
const capitalise = (phrase: string) => phrase.charAt(0).toUpperCase() + phrase.slice(1);
const lowerFirst = (phrase: string) => (shouted(phrase) ? phrase : phrase.charAt(0).toLowerCase() + phrase.slice(1));

/** The sentence around `from`–`to` in `text`, shortened around the change when long. */
export function sentenceAround(text: string, from: number, to: number): string {
  const boundary = (at: number) => text[at - 1] === '\n' || (/[.!?…]/.test(text[at - 1] ?? '') && (at >= text.length || /\s/.test(text[at]!)));
  let start = from;
  while (start > 0 && !boundary(start)) start--;
  let end = Math.max(to, start);
  while (end < text.length && !boundary(end)) end++;
  const raw = text.slice(start, end);
  const sentence = raw.trim();
  const head = from - start - (raw.length - raw.trimStart().length);
  if (sentence.length <= PREVIEW_LIMIT) return sentence;
  const keep = PREVIEW_LIMIT - 2;
  const begin = Math.floor(Math.max(0, Math.min(head - keep / 3, sentence.length - keep)));
  const cut = sentence.slice(begin, begin + keep).trim();
  return `${begin > 0 ? '…' : ''}${cut}${begin + keep < sentence.length ? '…' : ''}`;
}

/** Units and scales that belong to a figure: « 12 millions », « 3,5 M€ », « 40 % », « 12 k€ », "$4bn". */
const FIGURE_REST = /^(?:[\d\u00a0\u202f ]*\d)?(?:[.,]\d+)*(?:[\s\u00a0\u202f]?(?:%|‰|€|\$|£|[kKM]€|Md€|Mds?|M|k|K|bn|m|points?|pts?|pour ?cents?|percent|(?:milliers?|millions?|milliards?|mille|billions?|thousands?)(?:\s(?:d['’]euros?|de dollars|d['’]habitants|de clients|euros?|dollars?))?|euros?|dollars?|EUR|USD)(?![\p{L}\p{N}]))?/u;

/** A figure's passage with its unit and scale, and a currency sign in front of it. */
export function figureExtent(text: string, start: number, end: number): { start: number; end: number } {
  if (!/\d/.test(text[end - 1] ?? '')) return { start, end };
  const rest = FIGURE_REST.exec(text.slice(end, end + 40))?.[0] ?? '';
  let from = start;
  if (/[€$£]/.test(text[from - 1] ?? '')) from--;
  return { start: from, end: end + rest.length };
}

/**
 * Why the guard cannot use a suggestion written with its grammar, or `undefined`: a line break,
 * a language it has no grammar for, a gender or number that its own determiner contradicts.
 */
export function suggestionProblem(grammar: SuggestionGrammar): string | undefined {
  if (/[\r\n\u2028\u2029]/.test(grammar.text)) return 'must fit on one line';
  if (grammar.lang !== undefined && !/^(?:fr|en)(?:-|$)/i.test(grammar.lang)) return `has lang "${grammar.lang}": the guard fits suggestions to French ("fr") and English ("en") sentences`;
  const text = grammar.text.trim();
  if (text === '' && (grammar.gender || grammar.number)) return 'removes the passage ("text" is empty): it has no gender or number';
  if ((grammar.lang ?? 'fr').toLowerCase().startsWith('en')) return undefined;
  const own = leadingDet(text.replace(/'/g, '’'), 'fr');
  const det = own && FR_DETS[own.det];
  if (!det || !own) return undefined;
  const quoted = `« ${own.det} »`;
  if (grammar.gender && det.gender && grammar.gender !== det.gender) {
    return `begins with ${quoted}, which is ${det.gender === 'm' ? 'masculine' : 'feminine'}, but "gender" says "${grammar.gender}"`;
  }
  if (grammar.number && grammar.number !== det.number) {
    return `begins with ${quoted}, which is ${det.number === 's' ? 'singular' : 'plural'}, but "number" says "${grammar.number}"`;
  }
  if (det.fused) return `begins with ${quoted}, which holds a preposition: write the preposition as its own word, or leave it to the sentence`;
  return undefined;
}

/**
 * The language of a fix: the suggestion's; else the one its determiner or preposition belongs to
 * (« un projet en cours » is French whatever the page's language); else the option's; else French.
 */
function langOf(grammar: SuggestionGrammar, options: FixOptions): Lang {
  if (grammar.lang === undefined) {
    const text = grammar.text.trim();
    const lead = foldApostrophe(firstWord(text));
    const french = !!leadingDet(text, 'fr') || FR_PREPS.has(lead);
    const english = !!leadingDet(text, 'en') || EN_PREPS.has(lead);
    if (french !== english) return french ? 'fr' : 'en';
  }
  const tag = (grammar.lang ?? options.lang ?? 'fr').toLowerCase();
  return tag === 'en' || tag.startsWith('en-') ? 'en' : 'fr';
}

const unsafe = (text: string, from: number, to: number, replacement: string, reason: string): FixPlan => {
  // Shown, never applied: a removal's two spaces read as one.
  if (replacement === '' && isSpace(text[from - 1]) && isSpace(text[to])) to++;
  const fixed = text.slice(0, from) + replacement + text.slice(to);
  return { unsafe: true, text: fixed, preview: sentenceAround(fixed, from, from + replacement.length), reason };
};

/**
 * Plans the fix of `finding` in `text`: what replaces what, the text afterwards and the sentence
 * as it will read. `undefined` when the finding has no suggestion or covers nothing.
 *
 * A suggestion written with its grammar (`{ text, gender, number }`) is fitted to the sentence;
 * one written as a plain string is fitted the same way, as `{ text }` in the passage's case (no
 * gender or number: where the sentence needs one, no one-click fix). Fitting: it replaces the
 * determiner or possessive in front of the passage when it brings its own, re-contracts and elides with the
 * word before, takes a capital at the start of a sentence and none inside one, replaces the
 * preposition in front when it begins with one, covers a figure's unit, merges with the same
 * suggestion just before or after (« x, y » → one), and leaves no double space or space before a
 * comma. Where it cannot be sure of the result (a determiner to agree with an unknown gender, a
 * removal that would leave a sentence without its subject…) the plan is `unsafe`.
 */
export function planFix(text: string, finding: Finding, options: FixOptions = {}): FixPlan | undefined {
  if (finding.suggestion === undefined || finding.end <= finding.start || finding.end > text.length) return undefined;
  // A plain string is fitted like `{ text }`, gender and number unknown. Put in place of the
  // passage alone, it left broken sentences: « Bravo au Acme » read « Bravo au Un grand client ».
  const grammar: SuggestionGrammar = finding.grammar ?? { text: finding.suggestion };
  const lang = langOf(grammar, options);
  let { start: from, end: to } = figureExtent(text, finding.start, finding.end);
  let written = grammar.text.trim().replace(/\s+/g, ' ').replace(/'/g, lang === 'fr' ? '’' : "'");
  // A plain string comes in the passage's case: its capital may be the passage's (« Acme » →
  // « Client industriel »), so inside a sentence it is lower case, as the rule says.
  if (!finding.grammar && /^\p{Lu}/u.test(text.slice(finding.start, finding.end))) written = lowerFirst(written);
  if (isLetter(text[from - 1]) || isLetter(text[to])) return unsafe(text, from, to, written, 'the passage is part of a word');

  // The suggestion's own case: a determiner or preposition in front is lower case; a name stays as written.
  const own = leadingDet(written, lang);
  const lead = foldApostrophe(firstWord(written));
  const prep = !own && (lang === 'fr' ? FR_PREPS : EN_PREPS).has(lead);
  let phrase = own || prep || written.charAt(0) === written.charAt(0).toLowerCase() ? lowerFirst(written) : written;
  let bestEffort: string | undefined;
  let reason: string | undefined;

  if (phrase === '') return planRemoval(text, from, to, lang);
  // A URL, an address, a hashtag: no sentence grammar, no case change; in place of the passage.
  if (/^[^\s]*[:/@#][^\s]*$/.test(written)) return plan(text, from, to, written);

  // A noun repeated just before the passage is part of it: « le projet Zéphyr » + « un projet en cours ».
  const noun = foldApostrophe(firstWord(own ? own.rest : phrase));
  let before = tokenBefore(text, from);
  if (before && noun.length > 2 && before.word === noun) {
    from = before.start;
    before = tokenBefore(text, from);
  }

  // « l’équipe Zéphyr »: the passage qualifies the noun before it; a phrase with its own determiner cannot go there.
  const dets = (word: string) => (lang === 'fr' ? Object.hasOwn(FR_DETS, word) : EN_DETS.has(word));
  if (own && before && !dets(before.word) && !(lang === 'fr' ? FR_PREPS : EN_PREPS).has(before.word) && !Object.hasOwn(ELIDABLE, UNELIDED[before.word] ?? before.word)) {
    const earlier = tokenBefore(text, before.start);
    if (earlier && dets(earlier.word)) return unsafe(text, from, to, phrase, 'the passage qualifies the noun in front of it');
  }

  let joined = false;
  if (lang === 'fr') {
    const det = before && Object.hasOwn(FR_DETS, before.word) ? FR_DETS[before.word]! : undefined;
    if (det && before) {
      if (own || prep) {
        // The suggestion brings its own determiner (or preposition): it replaces the text's.
        from = before.start;
        if (det.fused && own) {
          phrase = frJoin(det.fused, phrase) ?? `${det.fused} ${phrase}`;
          joined = true;
        }
      } else {
        // The suggestion's gender and number, never the replaced noun's: « la Verrerie » may become « le client ».
        const form = frDetForm(det.kind, grammar.gender, grammar.number ?? 's', phrase);
        if (!form) {
          reason = 'the determiner in front must agree with the suggestion, whose gender the policy does not give';
          bestEffort = phrase;
        } else {
          from = before.start;
          phrase = `${form}${form.endsWith('’') ? '' : ' '}${phrase}`;
          if (det.fused) {
            phrase = frJoin(det.fused, phrase) ?? `${det.fused} ${phrase}`;
            joined = true;
          }
        }
      }
      before = tokenBefore(text, from);
    }
    if (prep && before && FR_PREPS.has(before.word)) {
      from = before.start;
      before = tokenBefore(text, from);
    }
    if (!joined && before && !reason) {
      const join = frJoin(before.word, phrase);
      if (join !== undefined) {
        const elided = before.word.endsWith('’');
        // « s’ » is « se » or « si »: which one cannot be told here.
        if (elided && before.word === 's’') reason = 'an elided « s’ » in front cannot be restored';
        else {
          const original = text.slice(before.start, before.end);
          phrase = original.charAt(0) === original.charAt(0).toUpperCase() ? capitalise(join) : join;
          from = before.start;
        }
      }
    }
  } else {
    // "that" before a name is the conjunction ("we know that Acme signs"), not a determiner.
    const conjunction = before?.word === 'that' && /^\p{Lu}/u.test(text.slice(finding.start, finding.end));
    if (before && EN_DETS.has(before.word) && !conjunction) {
      if (own || prep) {
        from = before.start;
      } else if (before.word === 'a' || before.word === 'an') {
        if (grammar.number === 'p') from = before.start;
        else {
          from = before.start;
          phrase = `${takesAn(phrase) ? 'an' : 'a'} ${phrase}`;
        }
      }
      before = tokenBefore(text, from);
    }
    if (prep && before && EN_PREPS.has(before.word)) from = before.start;
    if (own && (own.det === 'a' || own.det === 'an')) phrase = `${takesAn(own.rest) ? 'an' : 'a'} ${own.rest}`;
  }

  // The same suggestion just before, or just after, joined by a comma, « ou » or « et »: one is enough.
  const plain = (value: string) => foldApostrophe(value).replace(/\s+/g, ' ');
  // « à x et à y »: the preposition in front of the second one repeats the first one's.
  const governor = tokenBefore(text, from);
  for (const at of governor && !joined ? [from, governor.start] : [from]) {
    const head = text.slice(0, at);
    const coordinated = COORDINATORS.exec(head);
    const piece = plain(`${text.slice(at, from)}${phrase}`);
    if (coordinated && plain(head.slice(0, coordinated.index)).endsWith(piece)) return plan(text, coordinated.index, to, '');
  }
  const tail = /^\s*(?:,|ou|et|or|and)\s+/iu.exec(text.slice(to));
  if (tail && plain(text.slice(to + tail[0].length)).startsWith(plain(phrase)) && !isLetter(text[to + tail[0].length + phrase.length])) {
    to += tail[0].length + phrase.length;
  }

  // Elision with the word after: « grâce à Hélène » → « avec l’aide d’Hélène ».
  if (lang === 'fr') {
    const last = /[\p{L}’']+$/u.exec(phrase)?.[0];
    const next = tokenAfter(text, to);
    const word = last?.toLowerCase();
    if (word && next && word !== 'le' && word !== 'la' && Object.hasOwn(ELIDABLE, word) && /^[ \t\u00a0\u202f]+$/.test(text.slice(to, next.start)) && elides(text.slice(next.start, next.end))) {
      phrase = `${phrase.slice(0, -word.length)}${ELIDABLE[word]}`;
      to = next.start;
    }
  }

  // No doubled word where the fix meets the text. The word after goes only where nothing follows
  // it in its clause; otherwise it may begin a phrase of its own (« hausse de 40 % hausse de 40 % »),
  // and dropping it would leave a fragment: no one-click fix then.
  const lastWord = /[\p{L}\p{N}-]+$/u.exec(phrase)?.[0];
  const after = tokenAfter(text, to);
  if (lastWord && after && after.word === lastWord.toLowerCase()) {
    if (/^\s*(?:[.,;:!?…)»]|$)/u.test(text.slice(after.end))) to = after.end;
    else reason ??= 'the fix would double the word after it';
  }

  // A capital at the start of a sentence, none inside one.
  if (startsSentence(text, from)) phrase = capitalise(phrase);
  else if (/^\p{Lu}/u.test(phrase) && (joined || own || prep || Object.hasOwn(ELIDABLE, lead))) phrase = lowerFirst(phrase);

  // A plural in place of a singular subject: the verb after it would have to agree (« Atlas Corp
  // signe » → « Des partenaires signe »), which no fix here can do; no one-click fix then.
  if (!reason && isPlural(own, grammar, lang) && !pluralBefore(text, finding.start) && startsClause(text, from, phrase, lang)) {
    const next = tokenAfter(text, to);
    if (next && /^[ \t\u00a0\u202f]*$/.test(text.slice(to, next.start)) && !COORDINATING.has(next.word)) {
      return unsafe(text, from, to, phrase, 'the verb after it would have to agree with a plural');
    }
  }

  if (reason) return unsafe(text, finding.start, finding.end, bestEffort ?? phrase, reason);
  return plan(text, from, to, phrase);
}

/** A removal: safe only where the passage is a whole sentence, an item of a list, or a complement at the end of a clause. */
function planRemoval(text: string, from: number, to: number, lang: Lang): FixPlan {
  const preps = lang === 'fr' ? FR_PREPS : EN_PREPS;
  const rest = text.slice(to);
  const endsClause = /^\s*(?:[.,;:!?…)]|$)/.test(rest);
  if (startsSentence(text, from) && /^\s*(?:[.!?…]|$)/.test(rest)) {
    // The whole sentence goes, with its full stop and the space after it.
    const stop = /^[^\S\n]*[.!?…]*[^\S\n]*/.exec(rest)![0].length;
    return plan(text, from, to + stop, '');
  }
  const head = text.slice(0, from);
  const coordinated = COORDINATORS.exec(head);
  if (coordinated && endsClause) return plan(text, coordinated.index, to, '');
  let before = tokenBefore(text, from);
  if (before && (Object.hasOwn(FR_DETS, before.word) || EN_DETS.has(before.word))) {
    from = before.start;
    before = tokenBefore(text, from);
  }
  if (before && preps.has(before.word) && endsClause) return plan(text, before.start, to, '');
  return unsafe(text, from, to, '', 'removing the passage would leave the sentence without one of its parts');
}

/** A safe plan replacing `from`–`to` with `phrase`, with the spaces around it tidied. */
function plan(text: string, from: number, to: number, phrase: string): FixPlan {
  // No double space and no space before punctuation where the fix meets the text.
  if (phrase === '' || /\s$/.test(phrase)) {
    while (from > 0 && isSpace(text[from - 1]) && (to === text.length || isSpace(text[to]) || /[,.)…]/.test(text[to]!))) from--;
    if (from === 0) while (to < text.length && isSpace(text[to])) to++;
  } else {
    let left = from;
    while (left > 0 && isSpace(text[left - 1])) left--;
    if (from - left > 1) {
      from = left;
      phrase = ` ${phrase}`;
    }
    let right = to;
    while (right < text.length && isSpace(text[right])) right++;
    if (right > to && /[,.…)]/.test(text[right] ?? '')) to = right;
    else if (right - to > 1) {
      to = right;
      phrase = `${phrase} `;
    }
    if (/[\p{L}\p{N}]/u.test(phrase.charAt(0)) && isLetter(text[from - 1])) phrase = ` ${phrase}`;
    if (isLetter(phrase.charAt(phrase.length - 1)) && isLetter(text[to])) phrase = `${phrase} `;
  }
  if (phrase === '' && from === 0 && to < text.length) {
    // The next sentence now starts the text.
    return finish(text, from, to, '', true);
  }
  return finish(text, from, to, phrase, false);
}

function finish(text: string, from: number, to: number, replacement: string, capitaliseNext: boolean): FixPlan {
  if (capitaliseNext && to < text.length) {
    replacement = text.charAt(to).toUpperCase();
    to++;
  }
  const fixed = text.slice(0, from) + replacement + text.slice(to);
  return { unsafe: false, text: fixed, start: from, end: to, replacement, preview: sentenceAround(fixed, from, from + replacement.length) };
}
