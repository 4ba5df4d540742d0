/**
 * The few assertions the conformance suite needs, so that running it asks for nothing beyond a
 * test runner with `describe` and `it` (mocha, jest, vitest, node:test…).
 */
import type { RelaisDataError } from '../model/index.js';

/** A broken conformance rule; the message says what was expected and what came. */
export class ConformanceFailure extends Error {
  override readonly name = 'ConformanceFailure';
}

/** Fails with `message` unless `condition` holds. */
export function check(condition: unknown, message: string): asserts condition {
  if (!condition) throw new ConformanceFailure(message);
}

/** Fails unless `actual` and `expected` are deeply equal plain data (key order and `undefined` properties aside). */
export function checkEqual(actual: unknown, expected: unknown, what: string): void {
  const actualText = canonicalJson(actual);
  const expectedText = canonicalJson(expected);
  check(actualText === expectedText, `${what}: expected ${expectedText}, got ${actualText}`);
}

/**
 * Runs `action` and fails unless it rejects (or throws) a RelaisDataError whose `field` matches
 * `field`. Recognised by its name, so that two copies of Relais in one project still agree.
 */
export async function checkRejectsWithDataError(action: () => unknown, field: RegExp, what: string): Promise<RelaisDataError> {
  let outcome: { error: unknown } | undefined;
  try {
    await action();
  } catch (error) {
    outcome = { error };
  }
  check(outcome, `${what}: expected a RelaisDataError, but nothing was rejected`);
  return checkDataError(outcome.error, field, what);
}

/** Fails unless `error` is a RelaisDataError (recognised by its name) whose `field` matches `field`. */
export function checkDataError(error: unknown, field: RegExp, what: string): RelaisDataError {
  const candidate = error as Partial<RelaisDataError> | undefined;
  check(candidate?.name === 'RelaisDataError', `${what}: expected a RelaisDataError, got ${String(error)}`);
  check(
    typeof candidate.field === 'string' && field.test(candidate.field),
    `${what}: expected the error's field to match ${String(field)}, got "${String(candidate.field)}" (${candidate.message ?? ''})`,
  );
  return candidate as RelaisDataError;
}

/** The value at a field path as RelaisDataError writes it (`items[2].url`, `rules[0].flags`); `undefined` when absent. */
export function valueAt(value: unknown, field: string): unknown {
  const keys = field.match(/[^.[\]]+/g) ?? [];
  return keys.reduce<unknown>((inner, key) => (inner !== null && typeof inner === 'object' ? (inner as Record<string, unknown>)[key] : undefined), value);
}

function canonicalJson(value: unknown): string {
  return JSON.stringify(value, (_key, inner: unknown) => {
    if (inner === null || typeof inner !== 'object' || Array.isArray(inner)) return inner;
    const record = inner as Record<string, unknown>;
    return Object.fromEntries(Object.keys(record).sort().map((key) => [key, record[key]]));
  }) ?? 'undefined';
}
