/** Who is asking (every route but /health), and what they may do. */
import type { MiddlewareHandler } from 'hono';
import type { Authenticate } from '../auth.js';
import { ApiError } from '../errors.js';
import type { AppEnv, Identity } from '../types.js';

export function authenticated(authenticate: Authenticate): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    c.set('identity', await authenticate(c.req.raw.headers));
    await next();
  };
}

export function requireRole(role: string): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    if (!c.get('identity').roles.includes(role)) throw new ApiError('forbidden', `This route needs the ${role} role.`);
    await next();
  };
}

/** Whether the requester may read or write a person's data: their own, or anyone's with `role`. */
export function actsFor(identity: Identity, viewerId: string, role: string): boolean {
  return viewerId === identity.id || identity.roles.includes(role);
}
