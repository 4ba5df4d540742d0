/** Who is asking (every route but /health), and what they may do. */
import type { MiddlewareHandler } from 'hono';
import type { Authenticate } from '../auth.js';
import { ApiError } from '../errors.js';
import type { AppEnv, Identity } from '../types.js';

export function authenticated(authenticate: Authenticate): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    // On Node (@hono/node-server), the request as received: repeated headers are still apart there.
    const rawHeaders = (c.env as { incoming?: { rawHeaders?: string[] } } | undefined)?.incoming?.rawHeaders;
    c.set('identity', await authenticate(c.req.raw.headers, rawHeaders));
    await next();
  };
}

/**
 * Every answer after authentication is for the requester (their row on the leaderboard, their
 * acknowledgment, admin figures): no shared cache may keep it, nor the browser's disk.
 * Errors included: they are written into `c.res` before this runs again.
 */
export const PRIVATE_CACHE_CONTROL = 'private, no-store';

export const privateAnswers: MiddlewareHandler<AppEnv> = async (c, next) => {
  await next();
  if (!c.res.headers.has('Cache-Control')) c.res.headers.set('Cache-Control', PRIVATE_CACHE_CONTROL);
};

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
