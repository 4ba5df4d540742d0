/**
 * A guard policy parsed a rule at a time, handing the main thread back to the page between
 * slices. A charter's policy can hold thousands of terms: parsed in one go, its schema alone
 * took 20–40 ms of one task when it arrived, before the guard compiled it (in slices) and
 * parsed its rules a second time. Parsed here once, in slices, by the validating boundary; the
 * guard's sliced compile then takes the parsed policy as it is.
 */
import { GuardPolicySchema, RuleSchema } from './schemas.js';
import { parseOrThrow } from './errors.js';
import type { GuardPolicy, Rule } from './index.js';

/** How a long piece of work shares the main thread. */
export interface SliceOptions {
  /**
   * Hands the main thread back to the page and resolves when the work may go on: by default
   * {@link yieldToPage}.
   */
  pause?: () => Promise<unknown>;
  /** Longest stretch of work between two pauses, in ms (default 8). */
  sliceMs?: number;
  /** The clock the slices are measured with (default `performance.now`). */
  now?: () => number;
}

/** Hands the main thread back to the page: `scheduler.yield()` where there is one, else a task of its own. */
export function yieldToPage(): Promise<unknown> {
  const scheduler = (globalThis as { scheduler?: { yield?: () => Promise<unknown> } }).scheduler;
  return scheduler?.yield ? scheduler.yield() : new Promise((resolve) => setTimeout(resolve, 0));
}

/**
 * A check to call between two small pieces of work: it pauses ({@link SliceOptions.pause}) once
 * `sliceMs` went by since the last pause, and otherwise returns at once (no promise to await).
 */
export function sliceTimer(options: SliceOptions = {}): () => Promise<void> | undefined {
  const pause = options.pause ?? yieldToPage;
  const sliceMs = options.sliceMs ?? 8;
  const now = options.now ?? (() => performance.now());
  let sliceStarted = now();
  return () => {
    if (now() - sliceStarted < sliceMs) return undefined;
    return pause().then(() => {
      sliceStarted = now();
    });
  };
}

/** Policies this module produced: parsed already, taken as they are. */
const parsedPolicies = new WeakSet<GuardPolicy>();

/**
 * Parses a guard policy as `GuardPolicySchema` does (the same value, the same error naming the
 * field), a rule at a time with pauses between slices. A policy this function returned already
 * is returned at once.
 *
 * @throws {RelaisDataError} (as a rejection, entity `guard policy`) for a value the schema refuses.
 */
export async function parseGuardPolicyInSlices(value: unknown, options: SliceOptions = {}): Promise<GuardPolicy> {
  if (parsedPolicies.has(value as GuardPolicy)) return value as GuardPolicy;
  const whole = () => parseOrThrow(GuardPolicySchema, value, 'guard policy');
  let parsed: GuardPolicy;
  const rules = (value as { rules?: unknown } | null)?.rules;
  if (Array.isArray(rules)) {
    const due = sliceTimer(options);
    const valid: Rule[] = [];
    for (const rule of rules) {
      const result = RuleSchema.safeParse(rule);
      // A refused rule: the whole policy parsed again, so that the error names its field.
      if (!result.success) return whole();
      valid.push(result.data);
      await due();
    }
    // No check of the policy's schema involves its rules: the rest is parsed on its own.
    const rest = GuardPolicySchema.safeParse({ ...(value as object), rules: [] });
    if (!rest.success) return whole();
    parsed = { ...rest.data, rules: valid };
  } else parsed = whole();
  parsedPolicies.add(parsed);
  return parsed;
}
