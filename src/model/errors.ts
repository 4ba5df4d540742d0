import type * as z from 'zod/mini';

/** Turns a zod issue path into `shareables[3].url`, the way a developer would write it. */
export function formatPath(path: readonly PropertyKey[]): string {
  return path.reduce<string>((out, key) => {
    if (typeof key === 'number') return `${out}[${key}]`;
    const name = String(key);
    return out ? `${out}.${name}` : name;
  }, '');
}

/**
 * What went wrong, in `relais-error` events and error states — the one list of error codes:
 * - `invalid-data`: an adapter returned data that fails the schema (`field` names where);
 * - `unavailable`: the source could not be reached, or answered an error;
 * - `not-configured`: no data source is configured for the element;
 * - `invalid-configuration`: the page's configuration is wrong (an unknown `data-adapter`, a
 *   `data-src` that is not a URL, an unusable `data-prefix`): `message` says which attribute.
 */
export type RelaisErrorCode = 'invalid-data' | 'unavailable' | 'not-configured' | 'invalid-configuration';

/**
 * What went wrong, once for every consumer: a `RelaisClient` store's error or warning, an
 * element's error state, and the `detail` of `relais-error` (`RelaisErrorDetail` is this type).
 */
export interface RelaisErrorInfo {
  /** A stable, machine-readable code. */
  readonly code: RelaisErrorCode;
  /** For developers (console, event), not localized; elements show a localized message instead. */
  readonly message: string;
  /** The offending field path for invalid data, e.g. `shareables[2].url`. */
  readonly field?: string;
  /**
   * `warning`: something was left out but the rest works (an invalid item dropped from a
   * listing, see `RelaisClient.$warnings`); `error` (or absent): the value could not be read.
   */
  readonly severity?: 'error' | 'warning';
  /** The original error, if any. */
  readonly error?: unknown;
}

/**
 * Bad data from an adapter. `field` names the offending field path (from the entity's root),
 * so that the console error says exactly what to fix.
 */
export class RelaisDataError extends Error {
  override readonly name = 'RelaisDataError';
  constructor(
    /** What was being read: `charter`, `shareables`, `data document`… */
    readonly entity: string,
    /** The first offending field path, e.g. `items[2].url`; empty for the value itself. */
    readonly field: string,
    /** Every problem found, one per line. */
    readonly problems: string[],
  ) {
    super(`Invalid ${entity}: ${problems.join('; ')}`);
  }
}

/**
 * The RelaisDataError of a failed parse. `prefix` is where the parsed value sits in what was
 * read (`['shareables', 2]`), so that the field is named from the root: `shareables[2].url`.
 */
export function issuesToError(entity: string, error: z.core.$ZodError, prefix: readonly PropertyKey[] = []): RelaisDataError {
  const problems = error.issues.map((issue) => {
    const path = formatPath([...prefix, ...issue.path]);
    return `${path || '(value)'}: ${describeIssue(issue)}`;
  });
  return new RelaisDataError(entity, formatPath([...prefix, ...(error.issues[0]?.path ?? [])]), problems);
}

function describeIssue(issue: z.core.$ZodIssue): string {
  // zod/mini ships no message locale (that is what keeps it small), so say it in plain words here.
  if (issue.message && issue.message !== 'Invalid input') return issue.message;
  switch (issue.code) {
    case 'invalid_type':
      return `expected ${issue.expected}`;
    case 'invalid_value':
      return `expected one of ${issue.values.map((value) => JSON.stringify(value)).join(', ')}`;
    case 'invalid_format':
      return `must be a valid ${issue.format}`;
    case 'too_small':
      // `inclusive: false` is a strict bound (`positive()` is "> 0"): "at least 0" would let 0 through.
      return issue.inclusive === false ? `must be greater than ${String(issue.minimum)}` : `must be at least ${String(issue.minimum)}`;
    case 'too_big':
      return issue.inclusive === false ? `must be less than ${String(issue.maximum)}` : `must be at most ${String(issue.maximum)}`;
    case 'invalid_union':
      return 'matches none of the allowed shapes';
    default:
      return 'is invalid';
  }
}

/** Parses `value` with `schema`, or throws a {@link RelaisDataError} naming the field. */
export function parseOrThrow<T extends z.ZodMiniType>(schema: T, value: unknown, entity: string): z.output<T> {
  const result = schema.safeParse(value);
  if (!result.success) throw issuesToError(entity, result.error);
  return result.data;
}
