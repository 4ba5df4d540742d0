/** The one error format of the REST contract: `{ error: { code, message, field? } }`. */
import type { ErrorHandler, NotFoundHandler } from 'hono';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
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

/** The app's error handler: an ApiError as its body; a database out of reach as 503; else 500. */
export const errorAnswer: ErrorHandler = (error, c) => {
  if (error instanceof ApiError) {
    // Unavailable is "try again": say when, as for the database below.
    if (error.code === 'unavailable') c.header('Retry-After', '5');
    return c.json(error.toBody(), error.status as ContentfulStatusCode);
  }
  if (databaseUnreachable(error)) {
    // The client's outbox keeps the write and tries again: say when.
    c.header('Retry-After', '5');
    return c.json(new ApiError('unavailable', 'The database cannot be reached; try again shortly.').toBody(), 503);
  }
  console.error('Relais server: unexpected error', error);
  return c.json(new ApiError('internal', 'The server failed to answer; try again later.').toBody(), 500);
};

export const notFoundAnswer: NotFoundHandler = (c) => c.json(new ApiError('not-found', `No route ${c.req.method} ${c.req.path}`).toBody(), 404);

/**
 * Whether an error says the database is out of reach (refused or lost connection, shutting
 * down, too many connections) rather than that the request is wrong.
 */
function databaseUnreachable(error: unknown): boolean {
  const code = (error as { code?: unknown } | null)?.code;
  if (typeof code !== 'string') return false;
  return ['ECONNREFUSED', 'ECONNRESET', 'ETIMEDOUT', 'ENOTFOUND', 'EHOSTUNREACH', '53300', '57P01', '57P02', '57P03'].includes(code) || code.startsWith('08');
}
