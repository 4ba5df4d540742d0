/** Request bodies: size-limited (413 before they are read whole), JSON only (415), parsed once, checked for text PostgreSQL cannot hold and for depth (400). */
import type { MiddlewareHandler } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { ApiError } from '../errors.js';
import { checkJsonBody } from './safe-input.js';

export const DEFAULT_MAX_BODY_BYTES = 1024 * 1024;
export const DEFAULT_MAX_IMPORT_BYTES = 50 * 1024 * 1024;

/** The body of a write, at most `maxSize` bytes of JSON; then read with `c.req.json()` or a validator. */
export function jsonBody(maxSize: number): MiddlewareHandler {
  const limit = bodyLimit({
    maxSize,
    onError: (c) => c.json(new ApiError('payload-too-large', `The request body is larger than ${maxSize} bytes.`).toBody(), 413),
  });
  return (c, next) =>
    limit(c, async () => {
      const type = c.req.header('content-type') ?? '';
      if (!/^application\/([\w.+-]+\+)?json\s*(;|$)/i.test(type)) {
        throw new ApiError('unsupported-media-type', 'Send the body as JSON (Content-Type: application/json).');
      }
      let body: unknown;
      try {
        body = await c.req.json();
      } catch {
        throw new ApiError('invalid-request', 'The body is not valid JSON.');
      }
      checkJsonBody(body);
      await next();
    });
}
