import type { Network, Rule, Severity, Verdict } from '../model/index.js';

// The one `Verdict` lives with the model (events and the share card use it too); the guard's
// public types carry it on, so `relais/guard` users import it from here.
export type { Verdict };

/** Which part of the policy a finding comes from: a rule's kind, the length limit or the disclosure. */
export type FindingKind = Rule['kind'] | 'length' | 'disclosure';

/** One problem found in a post. */
export interface Finding {
  /** The rule's id; `length` for a post that is too long, `disclosure` for a missing disclosure. */
  ruleId: string;
  kind: FindingKind;
  /** The rule's category; `length` and `disclosure` for those two findings. */
  category: string;
  severity: Severity;
  /**
   * UTF-16 offsets into the text as given: `text.slice(start, end)` is the offending passage.
   * A `length` finding covers what goes past the limit, to the end of the text. A `disclosure`
   * finding is about something missing, so it covers nothing: `start` = `end` = 0.
   */
  start: number;
  end: number;
  /** The offending passage (shortened with "…" past 100 UTF-16 units). */
  excerpt: string;
  /** Why it is a problem, in the requested language. */
  message: string;
  /** A replacement for the passage, when the rule offers one (a one-click fix; see `planFix`). */
  suggestion?: string;
  /**
   * Present when the rule wrote its suggestion with its grammar (`{ text, gender?, number? }`):
   * `planFix` then fits it to the sentence (determiner, elision, contraction, capitals).
   */
  grammar?: SuggestionGrammar;
}

/** A suggestion as the policy wrote it, with what `planFix` needs to fit it to a sentence. */
export interface SuggestionGrammar {
  /** The replacement as written, with its own determiner if it has one (« un projet en cours »); empty to remove the passage. */
  text: string;
  /** Grammatical gender of the noun, `m` or `f`, when the text does not show it (no determiner, or « l’ »). */
  gender?: 'm' | 'f';
  /** Grammatical number, `s` (the default) or `p`. */
  number?: 's' | 'p';
  /** Language of the suggestion (`fr`, `en`); the check's locale when absent. */
  lang?: string;
}

/** The length of a post as a network counts it. */
export interface LengthReport {
  network: Network;
  used: number;
  limit: number;
}

/** The result of checking a post against a policy. */
export interface GuardReport {
  verdict: Verdict;
  /**
   * Sorted by `start`. At most 200 (`MAX_FINDINGS`): the first by position, plus the length and
   * disclosure findings, which are always listed.
   */
  findings: Finding[];
  /**
   * Present when findings were left out past the cap: how many. The verdict still counts them
   * (a `block` finding left out still blocks).
   */
  omitted?: number;
  /** Present when a network with a limit was given. */
  length?: LengthReport;
}

/** Options of a check. */
export interface CheckOptions {
  /** The network the post is for: its length is counted as that network counts it. */
  network?: Network;
  /** Language of the messages (`fr`, `en`, `fr-CA`…); English when absent or unknown. */
  locale?: string;
}

/** A policy compiled once, to check any number of posts quickly. */
export interface CompiledGuard {
  /** Checks a post. Never throws, whatever the text. */
  check(text: string, options?: CheckOptions): GuardReport;
}
