/**
 * `relais/guard`: checks a draft post against the company's charter, in the browser, with no
 * DOM and no network. Compile a policy once, then check as the employee types.
 *
 * ```ts
 * const guard = compilePolicy(policy);
 * const report = guard.check(text, { network: 'linkedin', locale: 'fr' });
 * ```
 */
export { MAX_FINDINGS, checkPost, compilePolicy, compilePolicyInSlices } from './guard.js';
export type { SliceOptions } from './guard.js';
export { figureExtent, planFix, sentenceAround } from './fix.js';
export type { FixOptions, FixPlan } from './fix.js';
export { DEFAULT_LIMITS, countGraphemes } from './length.js';
export { measureLength } from './measure.js';
export type { CheckOptions, CompiledGuard, Finding, FindingKind, GuardReport, LengthReport, SuggestionGrammar, Verdict } from './types.js';
