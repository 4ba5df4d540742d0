/**
 * The guard: compiles a charter's policy once (terms into one automaton, patterns checked for
 * safety, detectors chosen) and checks posts against it, in the browser, with no network.
 */
import { GuardPolicySchema, NETWORKS, RelaisDataError, parseOrThrow } from '../model/index.js';
import { parseGuardPolicyInSlices, sliceTimer, yieldToPage, type SliceOptions } from '../model/guard-policy-parse.js';

export type { SliceOptions } from '../model/guard-policy-parse.js';
import type { Detector, GuardPolicy, GuardPolicyInput, Network, Rule } from '../model/index.js';
import {
  DETECTOR_FUNCTIONS,
  DETECTOR_SPECIFICITY,
  internalLinkPattern,
  type Detection,
  type DetectorContext,
} from './detectors.js';
import { suggestionProblem } from './fix.js';
import { DEFAULT_LIMITS, measureAgainstLimit } from './length.js';
import { buildMatcher, type PhraseMatcher } from './matcher.js';
import {
  categoryMessage,
  detectorMessage,
  disclosureMessage,
  fillMessage,
  lengthMessage,
  networkName,
  pickLocalized,
} from './messages.js';
import { foldPhrase, foldText, withoutInvisibles, type VisibleText } from './normalize.js';
import { compilePattern, type LinearPattern } from './patterns.js';
import { knowRarerGenericDomains } from './top-level-domains-rest.js';
import type { CheckOptions, CompiledGuard, Finding, GuardReport, Verdict } from './types.js';

/** Rule ids the guard uses for its own findings. */
const RESERVED_RULE_IDS = new Set(['length', 'disclosure']);
/** A pattern matching everywhere (`.`) would bury the real findings; past this, stop reporting. */
const MAX_MATCHES_PER_PATTERN = 200;
const EXCERPT_LIMIT = 100;
/**
 * Most findings a report lists (the first by position); `omitted` counts the others. A screen
 * cannot show ten thousand findings, and building them would cost more than the check.
 */
export const MAX_FINDINGS = 200;
/** Phrases of more words than this get plural forms on their last word only (3^4 variants at most). */
const MAX_WORDS_WITH_PLURAL_COMBINATIONS = 4;

/** A passage of the original text attributed to a rule. */
interface Passage {
  readonly rule: number;
  readonly start: number;
  readonly end: number;
}

const NETWORK_NAMES: ReadonlySet<string> = new Set(NETWORKS);

function policyError(field: string, problem: string): RelaisDataError {
  return new RelaisDataError('guard policy', field, [`${field}: ${problem}`]);
}

const LETTER_AT_END = /\p{L}/u;

/** The forms of one folded word: French and English simple plurals in -s, and -x after au/eu/ou. */
function wordForms(word: string): string[] {
  const last = word.charAt(word.length - 1);
  if (last === 's' || last === 'x' || last === 'z' || !LETTER_AT_END.test(last)) return [word];
  const ending = word.slice(-2);
  return ending === 'au' || ending === 'eu' || ending === 'ou' ? [word, `${word}s`, `${word}x`] : [word, `${word}s`];
}

/** Every plural variant of a folded phrase ("projet secret" → "projets secrets", …). */
export function pluralVariants(phrase: string): string[] {
  const words = phrase.split(' ');
  if (words.length > MAX_WORDS_WITH_PLURAL_COMBINATIONS) {
    const head = words.slice(0, -1).join(' ');
    return wordForms(words[words.length - 1]!).map((last) => `${head} ${last}`);
  }
  if (words.length === 1) return wordForms(phrase);
  return words.reduce<string[]>(
    (variants, word) => variants.flatMap((variant) => wordForms(word).map((form) => (variant ? `${variant} ${form}` : form))),
    [''],
  );
}

/** The suggestion written the way the passage is: "Grève" → "Mouvement social", "GRÈVE" → "MOUVEMENT SOCIAL". */
function matchCase(passage: string, suggestion: string): string {
  const hasCase = passage.toUpperCase() !== passage.toLowerCase();
  if (!hasCase) return suggestion;
  if ([...passage].length > 1 && passage === passage.toUpperCase()) return suggestion.toUpperCase();
  const first = passage.codePointAt(0)!;
  const firstChar = String.fromCodePoint(first);
  if (firstChar !== firstChar.toLowerCase() && firstChar === firstChar.toUpperCase()) {
    return suggestion.charAt(0).toUpperCase() + suggestion.slice(1);
  }
  return suggestion;
}

function excerptOf(text: string, start: number, end: number): string {
  if (end - start <= EXCERPT_LIMIT) return text.slice(start, end);
  let cut = start + EXCERPT_LIMIT;
  const last = text.charCodeAt(cut - 1);
  if (last >= 0xd800 && last <= 0xdbff) cut--; // never split an emoji in two
  return `${text.slice(start, cut)}…`;
}

/**
 * Drops passages inside an exception of their rule, then keeps, for term rules, the leftmost
 * longest passages that do not overlap (one finding per passage and rule). Exceptions are flat
 * [start, end, …] lists per rule, sorted by start and by end, none inside another. One sort
 * and one sweep: a scan of the exceptions per passage cost passages × exceptions.
 */
function keptPassages(passages: Passage[], exceptions: ReadonlyMap<number, number[]>, rules: readonly Rule[]): Passage[] {
  passages.sort((a, b) => a.rule - b.rule || a.start - b.start || b.end - a.end);
  const kept: Passage[] = [];
  let rule = -1;
  let reach = -1;
  let allowed: number[] = [];
  let next = 0;
  for (const passage of passages) {
    if (passage.rule !== rule) {
      rule = passage.rule;
      reach = -1;
      allowed = exceptions.get(rule) ?? [];
      next = 0;
    }
    // The last exception starting at or before the passage reaches furthest of those.
    while (next + 2 < allowed.length && allowed[next + 2]! <= passage.start) next += 2;
    if (next < allowed.length && allowed[next]! <= passage.start && passage.end <= allowed[next + 1]!) continue;
    if (rules[rule]!.kind === 'term') {
      if (passage.start < reach) continue;
      reach = passage.end;
    }
    kept.push(passage);
  }
  return kept;
}

/**
 * Whether `detection` overlaps one of `others`. Sorted once by start with the running furthest
 * end, each question is a binary search: a scan of every other per detection was quadratic on
 * a long paste of addresses and numbers.
 */
function overlapsAny(others: Detection[] & { reach?: number[] }, detection: Detection): boolean {
  if (!others.reach) {
    others.sort((a, b) => a.start - b.start);
    let furthest = -1;
    others.reach = others.map((other) => (furthest = Math.max(furthest, other.end)));
  }
  // The last other starting before the detection ends…
  let low = 0;
  let high = others.length;
  while (low < high) {
    const middle = (low + high) >>> 1;
    if (others[middle]!.start < detection.end) low = middle + 1;
    else high = middle;
  }
  // …and the furthest any of those reaches.
  return low > 0 && others.reach[low - 1]! > detection.start;
}

/** What a compiled policy is made of (see {@link buildGuard}). */
interface GuardParts {
  readonly matcher: PhraseMatcher | undefined;
  readonly patterns: ReadonlyMap<number, LinearPattern>;
  readonly detectors: readonly Detector[];
}

/** Term phrases handled between two chances to pause (see {@link buildGuard}). */
const PHRASES_PER_PAUSE = 32;

/**
 * Compiles a validated policy, pausing now and then: each `yield` is a point where a caller may
 * hand the main thread back to the page ({@link compilePolicyInSlices}); {@link compilePolicy}
 * runs it to the end at once.
 */
function* buildGuard(policy: GuardPolicy): Generator<void, Guard> {
  // The engine brings the rarer generic domains to the length's URL scan (top-level-domains.ts).
  knowRarerGenericDomains();
  const phrases = new Map<string, number>();
  const phraseGroups: number[][] = [];
  const ruleCount = policy.rules.length;
  let added = 0;
  const addPhrase = (text: string, field: string, group: number, plurals: boolean) => {
    added++;
    const folded = foldPhrase(text);
    if (folded.length === 0) throw policyError(field, 'has nothing left to match once case, accents and spaces are set aside');
    for (const variant of plurals ? pluralVariants(folded) : [folded]) {
      let index = phrases.get(variant);
      if (index === undefined) {
        index = phrases.size;
        phrases.set(variant, index);
        phraseGroups.push([]);
      }
      const groups = phraseGroups[index]!;
      if (!groups.includes(group)) groups.push(group);
    }
  };
  /** Whether enough phrases went by since the last pause. */
  let pausedAt = 0;
  const duePause = () => {
    if (added - pausedAt < PHRASES_PER_PAUSE) return false;
    pausedAt = added;
    return true;
  };

  const patterns = new Map<number, LinearPattern>();
  const detectors = new Set<Detector>();
  const seenIds = new Set<string>();
  for (let index = 0; index < ruleCount; index++) {
    const rule = policy.rules[index]!;
    const field = `rules[${index}]`;
    if (RESERVED_RULE_IDS.has(rule.id)) throw policyError(`${field}.id`, `"${rule.id}" is reserved for the guard's own findings`);
    if (seenIds.has(rule.id)) throw policyError(`${field}.id`, `"${rule.id}" is used by another rule; ids must be unique`);
    seenIds.add(rule.id);
    if (rule.suggestion !== undefined && typeof rule.suggestion !== 'string') {
      const problem = suggestionProblem(rule.suggestion);
      if (problem) throw policyError(`${field}.suggestion`, `rule "${rule.id}" has a suggestion the guard cannot use: it ${problem}`);
    }
    const plurals = rule.kind === 'term' && rule.plurals;
    if (rule.kind === 'term') {
      for (let t = 0; t < rule.terms.length; t++) {
        addPhrase(rule.terms[t]!, `${field}.terms[${t}]`, index, plurals);
        if (duePause()) yield;
      }
    } else if (rule.kind === 'pattern') {
      try {
        patterns.set(index, compilePattern(rule.pattern, rule.flags));
      } catch (error) {
        const reason = error instanceof Error ? error.message : String(error);
        throw policyError(`${field}.pattern`, `rule "${rule.id}" has a pattern the guard cannot use: ${reason}`);
      }
      yield;
    } else {
      detectors.add(rule.detector);
    }
    for (let e = 0; e < rule.exceptions.length; e++) {
      addPhrase(rule.exceptions[e]!, `${field}.exceptions[${e}]`, ruleCount + index, plurals);
      if (duePause()) yield;
    }
  }
  policy.disclosure?.anyOf.forEach((phrase, p) => addPhrase(phrase, `disclosure.anyOf[${p}]`, 2 * ruleCount, false));
  yield;

  const matcher = phrases.size > 0 ? yield* buildMatcher([...phrases.keys()], phraseGroups, 2 * ruleCount + 1) : undefined;
  return new Guard(policy, { matcher, patterns, detectors: [...detectors] });
}

/** A compiled policy; see {@link compilePolicy}. */
class Guard implements CompiledGuard {
  readonly #policy: GuardPolicy;
  readonly #matcher: PhraseMatcher | undefined;
  readonly #patterns: ReadonlyMap<number, LinearPattern>;
  readonly #detectors: readonly Detector[];
  readonly #detectorContext: DetectorContext;
  readonly #limits: Readonly<Partial<Record<Network, number>>>;

  constructor(policy: GuardPolicy, parts: GuardParts) {
    this.#policy = policy;
    this.#matcher = parts.matcher;
    this.#patterns = parts.patterns;
    this.#detectors = parts.detectors;
    const internalLink = internalLinkPattern(policy.internalDomains);
    this.#detectorContext = internalLink ? { internalLink } : {};
    this.#limits = { ...DEFAULT_LIMITS, ...policy.limits };
  }

  check(text: string, options?: CheckOptions): GuardReport {
    // Typed callers always pass a string; script-tag callers might not.
    const input = typeof text === 'string' ? text : '';
    const locale = typeof options?.locale === 'string' ? options.locale : undefined;
    const network = typeof options?.network === 'string' && NETWORK_NAMES.has(options.network) ? options.network : undefined;
    const rules = this.#policy.rules;

    const ruleCount = rules.length;
    const exceptions = new Map<number, number[]>();
    let passages: Passage[] = [];
    let disclosed = false;
    if (this.#matcher) {
      const folded = foldText(input);
      this.#matcher.scan(folded.units, folded.length, (group, from, to) => {
        const start = folded.start[from]!;
        const end = folded.end[to - 1]!;
        if (group < ruleCount) passages.push({ rule: group, start, end });
        else if (group < 2 * ruleCount) {
          // Ends only grow: an exception starting at or after this one's start lies inside it.
          let list = exceptions.get(group - ruleCount);
          if (!list) exceptions.set(group - ruleCount, (list = []));
          while (list.length > 0 && list[list.length - 2]! >= start) list.length -= 2;
          list.push(start, end);
        } else disclosed = true;
      });
    }

    if (this.#patterns.size > 0) {
      // Patterns look at the text without its invisible characters, as terms do.
      const visible = withoutInvisibles(input);
      for (const [rule, pattern] of this.#patterns) passages.push(...this.#patternPassages(visible, rule, pattern));
    }
    passages.push(...this.#detectorPassages(input));
    passages = keptPassages(passages, exceptions, rules);
    // The first passages by position get findings (messages are built for those only); the
    // verdict weighs them all.
    passages.sort((a, b) => a.start - b.start || a.end - b.end || a.rule - b.rule);
    let worst: Verdict = 'pass';
    for (const passage of passages) {
      const severity = rules[passage.rule]!.severity;
      if (severity === 'block') worst = 'block';
      else if (severity === 'warn' && worst === 'pass') worst = 'warn';
    }

    const findings: Finding[] = [];
    let length: GuardReport['length'];
    const limit = network ? this.#limits[network] : undefined;
    if (network && limit !== undefined) {
      const { used, overflow } = measureAgainstLimit(input, network, limit);
      length = { network, used, limit };
      if (overflow !== undefined) findings.push(this.#lengthFinding(input, network, used, limit, overflow, locale));
    }

    const disclosure = this.#policy.disclosure;
    // An empty draft is not yet a post: asking for a disclosure there would only be noise.
    if (disclosure && !disclosed && input.trim().length > 0) {
      const template = disclosure.message ? pickLocalized(disclosure.message, locale) : disclosureMessage(locale);
      findings.push({
        ruleId: 'disclosure',
        kind: 'disclosure',
        category: 'disclosure',
        severity: disclosure.severity,
        start: 0,
        end: 0,
        excerpt: '',
        message: fillMessage(template, { example: disclosure.anyOf[0] }),
      });
    }

    // The length and disclosure findings are always listed.
    const shown = Math.min(passages.length, MAX_FINDINGS - findings.length);
    const listed: Finding[] = [];
    for (let k = 0; k < shown; k++) listed.push(this.#finding(rules[passages[k]!.rule]!, input, passages[k]!, locale));
    listed.push(...findings);
    listed.sort((a, b) => a.start - b.start || a.end - b.end);
    const verdict = verdictOf(listed);
    const report: GuardReport = {
      verdict: worst === 'block' || verdict === 'block' ? 'block' : worst === 'warn' || verdict === 'warn' ? 'warn' : 'pass',
      findings: listed,
    };
    if (passages.length > shown) report.omitted = passages.length - shown;
    if (length) report.length = length;
    return report;
  }

  #patternPassages({ text, offsets }: VisibleText, rule: number, pattern: LinearPattern): Passage[] {
    const found: Passage[] = [];
    const matches = pattern.findAll(text, MAX_MATCHES_PER_PATTERN);
    for (let k = 0; k < matches.length; k += 2) {
      const start = matches[k]!;
      const end = matches[k + 1]!;
      found.push(offsets ? { rule, start: offsets[start]!, end: offsets[end - 1]! + 1 } : { rule, start, end });
    }
    return found;
  }

  #detectorPassages(text: string): Passage[] {
    if (this.#detectors.length === 0) return [];
    const detections = new Map<Detector, Detection[]>();
    for (const detector of this.#detectors) detections.set(detector, DETECTOR_FUNCTIONS[detector](text, this.#detectorContext));
    // One passage, one finding: what a more specific detector found is not reported again.
    for (const [detector, found] of detections) {
      const rank = DETECTOR_SPECIFICITY[detector];
      const stronger = [...detections].filter(([other]) => DETECTOR_SPECIFICITY[other] > rank).flatMap(([, list]) => list);
      if (stronger.length > 0) detections.set(detector, found.filter((detection) => !overlapsAny(stronger, detection)));
    }
    const passages: Passage[] = [];
    this.#policy.rules.forEach((rule, index) => {
      if (rule.kind !== 'pii') return;
      for (const { start, end } of detections.get(rule.detector) ?? []) passages.push({ rule: index, start, end });
    });
    return passages;
  }

  #finding(rule: Rule, text: string, passage: Passage, locale: string | undefined): Finding {
    const excerpt = excerptOf(text, passage.start, passage.end);
    const template = rule.message
      ? pickLocalized(rule.message, locale)
      : rule.kind === 'pii'
        ? detectorMessage(rule.detector, locale)
        : categoryMessage(rule.category, locale);
    const finding: Finding = {
      ruleId: rule.id,
      kind: rule.kind,
      category: rule.category,
      severity: rule.severity,
      start: passage.start,
      end: passage.end,
      excerpt,
      message: fillMessage(template, { excerpt, category: rule.category }),
    };
    if (rule.suggestion !== undefined) {
      const suggestion = typeof rule.suggestion === 'string' ? rule.suggestion : rule.suggestion.text;
      finding.suggestion = rule.kind === 'term' ? matchCase(text.slice(passage.start, passage.end), suggestion) : suggestion;
      if (typeof rule.suggestion !== 'string') finding.grammar = { ...rule.suggestion };
    }
    return finding;
  }

  #lengthFinding(text: string, network: Network, used: number, limit: number, start: number, locale: string | undefined): Finding {
    return {
      ruleId: 'length',
      kind: 'length',
      category: 'length',
      severity: 'block',
      start,
      end: text.length,
      excerpt: excerptOf(text, start, text.length),
      message: fillMessage(lengthMessage(locale), { network: networkName(network), used, limit }, locale),
    };
  }
}

function verdictOf(findings: readonly Finding[]): Verdict {
  if (findings.some((finding) => finding.severity === 'block')) return 'block';
  if (findings.some((finding) => finding.severity === 'warn')) return 'warn';
  return 'pass';
}

/**
 * Compiles a guard policy once, to check any number of posts.
 *
 * @param policy a policy as written in JSON (see `GuardPolicySchema`); defaults may be left out.
 * @throws {RelaisDataError} when the policy is invalid, naming the field (`rules[2].pattern`):
 *   a shape error, a term with nothing to match, a duplicate rule id, an invalid regular
 *   expression or one that could hang the page.
 */
export function compilePolicy(policy: GuardPolicyInput): CompiledGuard {
  const build = buildGuard(parseOrThrow(GuardPolicySchema, policy, 'guard policy'));
  for (;;) {
    const step = build.next();
    if (step.done) return step.value;
  }
}

/**
 * Compiles a policy as {@link compilePolicy} does, in slices of at most about `sliceMs` with a
 * pause between two: a policy of thousands of terms never holds the page's main thread long
 * enough to be felt (no long task), while the compiled guard is the same. Its rules are parsed a
 * rule at a time too, unless the policy comes parsed already from the validating boundary.
 *
 * @throws {RelaisDataError} (as a rejection) for the policies {@link compilePolicy} refuses.
 */
export async function compilePolicyInSlices(policy: GuardPolicyInput, options: SliceOptions = {}): Promise<CompiledGuard> {
  const parsed = await parseGuardPolicyInSlices(policy, options);
  const due = sliceTimer(options);
  const build = buildGuard(parsed);
  for (;;) {
    const step = build.next();
    if (step.done) {
      // The caller's first check (and its render) starts a task of its own, not the last slice's.
      await (options.pause ?? yieldToPage)();
      return step.value;
    }
    await due();
  }
}

/** Compiles `policy` and checks `text` in one call; compile once with {@link compilePolicy} to check often. */
export function checkPost(text: string, policy: GuardPolicyInput, options?: CheckOptions): GuardReport {
  return compilePolicy(policy).check(text, options);
}
