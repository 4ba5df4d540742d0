/** The one error format of the REST contract: `{ error: { code, message, field? } }`. */
import type * as z from 'zod/mini';
import { issuesToError } from '../src/model/index.js';

export type ErrorCode =
  | 'invalid-request'
  | 'unauthenticated'
  | 'forbidden'
  | 'not-found'
  | 'conflict'
  | 'idempotency-conflict'
  | 'payload-too-large'
  | 'unsupported-media-type'
  | 'rate-limited'
  | 'internal'
  | 'unavailable';

export const STATUS_OF: Record<ErrorCode, number> = {
  'invalid-request': 400,
  unauthenticated: 401,
  forbidden: 403,
  'not-found': 404,
  conflict: 409,
  'idempotency-conflict': 409,
  'payload-too-large': 413,
  'unsupported-media-type': 415,
  'rate-limited': 429,
  internal: 500,
  unavailable: 503,
};

export interface ErrorBody {
  error: { code: ErrorCode; message: string; field?: string };
}

/** Thrown by a handler; turned into the error response by the app's error handler. */
export class ApiError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly field?: string,
  ) {
    super(message);
  }

  get status(): number {
    return STATUS_OF[this.code];
  }

  toBody(): ErrorBody {
    return { error: { code: this.code, message: this.message, ...(this.field !== undefined ? { field: this.field } : {}) } };
  }
}

/** A 400 naming the first offending field of a failed parse (`shareables[0].url`). */
export function invalidRequest(error: z.core.$ZodError, prefix: readonly PropertyKey[] = []): ApiError {
  const parsed = issuesToError('request', error, prefix);
  return new ApiError('invalid-request', parsed.problems.join('; '), parsed.field);
}

/** Parses `value` with `schema`, or throws a 400 naming the field. */
export function parseBody<S extends z.ZodMiniType>(schema: S, value: unknown, prefix: readonly PropertyKey[] = []): z.output<S> {
  const result = schema.safeParse(value);
  if (!result.success) throw invalidRequest(result.error, prefix);
  return result.data;
}
