/** The one error format of the REST contract: `{ error: { code, message, field? } }`. */
import * as z from 'zod/mini';
import { REST_ERROR_STATUS, type RestErrorBody, type RestErrorCode } from '../src/contract/rest.js';
import { issuesToError } from '../src/model/index.js';

/** Thrown by a handler; turned into the error response by the app's error handler. */
export class ApiError extends Error {
  constructor(
    readonly code: RestErrorCode,
    message: string,
    readonly field?: string,
  ) {
    super(message);
  }

  get status(): number {
    return REST_ERROR_STATUS[this.code];
  }

  toBody(): RestErrorBody {
    return { error: { code: this.code, message: this.message, ...(this.field !== undefined ? { field: this.field } : {}) } };
  }
}

/** A 400 naming the first offending field of a failed parse (`shareables[0].url`). */
export function invalidRequest(issues: readonly z.core.$ZodIssue[], prefix: readonly PropertyKey[] = []): ApiError {
  const parsed = issuesToError('request', new z.core.$ZodError([...issues]), prefix);
  return new ApiError('invalid-request', parsed.problems.join('; '), parsed.field);
}

/** Parses `value` with `schema`, or throws a 400 naming the field. */
export function parseBody<S extends z.ZodMiniType>(schema: S, value: unknown, prefix: readonly PropertyKey[] = []): z.output<S> {
  const result = schema.safeParse(value);
  if (!result.success) throw invalidRequest(result.error.issues, prefix);
  return result.data;
}
