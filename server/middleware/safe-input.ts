/**
 * Input that no handler should ever see, refused with 400 before it reaches the database:
 * a NUL character (PostgreSQL's text cannot hold one), a lone UTF-16 surrogate (not text at
 * all), and JSON nested deeper than any document of the contract (a 10,000-deep array would
 * overflow the stack of every recursive walk after it).
 */
import type { MiddlewareHandler } from 'hono';
import { ApiError } from '../errors.js';
import { unsafeText } from '../store/common.js';

/** The deepest JSON body taken: a data document nests about eight levels. */
export const MAX_JSON_DEPTH = 64;

/** The URL: a `%00` anywhere (path or query) decodes to a NUL. Before authentication: it needs none. */
export const safeUrl: MiddlewareHandler = async (c, next) => {
  if (/%00/i.test(c.req.url)) throw new ApiError('invalid-request', 'The URL must not contain a NUL character (%00).');
  await next();
};

/**
 * Checks a parsed JSON body without recursion: depth, and every string and key. Throws a 400
 * naming the first offending field (`shares[2].id`).
 */
export function checkJsonBody(value: unknown, maxDepth = MAX_JSON_DEPTH): void {
  const stack: { value: unknown; path: string; depth: number }[] = [{ value, path: '', depth: 0 }];
  while (stack.length > 0) {
    const { value: current, path, depth } = stack.pop()!;
    if (typeof current === 'string') {
      const problem = unsafeText(current);
      if (problem) throw new ApiError('invalid-request', `${path || 'body'}: ${problem}`, path || undefined);
      continue;
    }
    if (current === null || typeof current !== 'object') continue;
    // No field: the path of the 64th level says nothing a reader could use.
    if (depth >= maxDepth) throw new ApiError('invalid-request', `The body nests deeper than ${maxDepth} levels.`);
    if (Array.isArray(current)) {
      current.forEach((inner, index) => stack.push({ value: inner, path: `${path}[${index}]`, depth: depth + 1 }));
      continue;
    }
    for (const [key, inner] of Object.entries(current)) {
      const field = path ? `${path}.${key}` : key;
      const problem = unsafeText(key);
      if (problem) throw new ApiError('invalid-request', `${field}: the name ${problem}`, field);
      stack.push({ value: inner, path: field, depth: depth + 1 });
    }
  }
}
