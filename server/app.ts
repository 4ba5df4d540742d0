/**
 * The REST contract (docs/rest-api.md, docs/openapi.yaml) as one Hono app, composed of the reads,
 * writes and admin sub-apps of `routes/` behind the shared middleware. It holds no state of its
 * own: everything is in the database, so several instances can serve one PostgreSQL behind a
 * load balancer.
 */
import { Hono } from 'hono';
import { cors } from 'hono/cors';
import { IDEMPOTENCY_KEY_HEADER } from '../src/contract/rest.js';
import type { Authenticate } from './auth.js';
import type { Database } from './db.js';
import { errorAnswer, notFoundAnswer } from './errors.js';
import { authenticated, privateAnswers } from './middleware/auth.js';
import { safeUrl } from './middleware/safe-input.js';
import { DEFAULT_MAX_BODY_BYTES, DEFAULT_MAX_IMPORT_BYTES } from './middleware/json-body.js';
import { adminRoutes } from './routes/admin.js';
import { readRoutes } from './routes/reads.js';
import { writeRoutes } from './routes/writes.js';
import { DEFAULT_MIN_TEAM_SIZE } from './store/index.js';
import type { AppEnv, AppSettings } from './types.js';

export const API_BASE = '/api/v1';
export { DEFAULT_MAX_BODY_BYTES, DEFAULT_MAX_IMPORT_BYTES };

export interface AppOptions {
  db: Database;
  authenticate: Authenticate;
  /** "Now", for expiry and leaderboard periods. */
  now?: () => Date;
  /** Origins allowed to call the API from a browser (CORS, with credentials). Default none. */
  corsOrigins?: readonly string[];
  /** The role that opens the admin routes. Default `admin`. */
  adminRole?: string;
  /** Teams with fewer people are merged into `other-teams` (leaderboard and statistics). Default 5. */
  minTeamSize?: number;
  /** The largest request body, in bytes. Default 1 MB (the charter body alone may be 500 KB). */
  maxBodyBytes?: number;
  /** The largest data document `POST /admin/import` takes, in bytes. Default 50 MB. */
  maxImportBytes?: number;
}

export function createApp(options: AppOptions): Hono<AppEnv> {
  const allowedOrigins = new Set(options.corsOrigins ?? []);
  if (allowedOrigins.has('*')) throw new Error('CORS origin "*" cannot be allowed with credentials: list the intranet origins (RELAIS_CORS_ORIGINS).');
  const settings: AppSettings = {
    db: options.db,
    now: options.now ?? (() => new Date()),
    adminRole: options.adminRole ?? 'admin',
    minTeamSize: options.minTeamSize ?? DEFAULT_MIN_TEAM_SIZE,
    maxBodyBytes: options.maxBodyBytes ?? DEFAULT_MAX_BODY_BYTES,
    maxImportBytes: options.maxImportBytes ?? DEFAULT_MAX_IMPORT_BYTES,
  };
  return new Hono<AppEnv>()
    .basePath(API_BASE)
    .onError(errorAnswer)
    .notFound(notFoundAnswer)
    .use(
      cors({
        origin: (origin) => (allowedOrigins.has(origin) ? origin : null),
        credentials: true,
        allowMethods: ['GET', 'POST', 'PUT', 'DELETE'],
        allowHeaders: ['Authorization', 'Content-Type', IDEMPOTENCY_KEY_HEADER, 'X-Relais-Viewer'],
        exposeHeaders: ['Retry-After'],
        maxAge: 600,
      }),
    )
    .use(safeUrl)
    // For load balancers: before authentication, so it needs no identity.
    .get('/health', (c) => c.json({ ok: true }))
    // Before authentication, so that a 401 is not kept either.
    .use(privateAnswers)
    .use(authenticated(options.authenticate))
    .route('/', readRoutes(settings))
    .route('/', writeRoutes(settings))
    .route('/admin', adminRoutes(settings));
}
