/** Request validation with the model's zod schemas, answering the contract's 400 naming the field. */
import { sValidator } from '@hono/standard-validator';
import type { ValidationTargets } from 'hono';
import * as z from 'zod/mini';
import { invalidRequest } from '../errors.js';

/** A Standard Schema, as zod/mini's schemas are. */
type Schema = Parameters<typeof sValidator>[1];

export function validate<S extends Schema, Target extends keyof ValidationTargets>(target: Target, schema: S) {
  return sValidator(target, schema, (result) => {
    // zod's issues (its Standard Schema issues are its own), so the field is named as parseBody names it.
    if (!result.success) throw invalidRequest(result.error as readonly z.core.$ZodIssue[]);
  });
}

/** A query schema that reads a repeated parameter's first value (`?limit=5&limit=9` is 5), as `c.req.query()` does. */
export function firstValues<S extends z.ZodMiniType>(schema: S) {
  return z.pipe(
    z.transform((query: Record<string, string | string[]>): unknown => Object.fromEntries(Object.entries(query).map(([name, value]) => [name, Array.isArray(value) ? value[0] : value]))),
    schema,
  );
}
