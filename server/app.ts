/**
 * The routes of the REST contract (docs/rest-api.md, docs/openapi.yaml) as one Hono app. It
 * holds no state of its own: everything is in the database, so several instances can serve one
 * PostgreSQL behind a load balancer.
 */
import { createHash } from 'node:crypto';
import { Hono, type Context } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { cors } from 'hono/cors';
import * as z from 'zod/mini';
import {
  AcknowledgmentSchema,
  CategorySchema,
  CharterSchema,
  DateStringSchema,
  GuardPolicySchema,
  ITEM_LISTS,
  parseDataDocument,
  PeriodSchema,
  ShareableSchema,
  ShareEventSchema,
  type DataDocument,
  type ParsedDocument,
} from '../src/model/index.js';
import { ApiError, parseBody } from './errors.js';
import type { Authenticate } from './auth.js';
import { DEMO_VIEWER_HEADER } from './auth.js';
import type { Database, Queryable } from './db.js';
import * as store from './store.js';

export const API_BASE = '/api/v1';

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

export const DEFAULT_MAX_BODY_BYTES = 1024 * 1024;
export const DEFAULT_MAX_IMPORT_BYTES = 50 * 1024 * 1024;
const MAX_IDEMPOTENCY_KEY_LENGTH = 255;

type Env = { Variables: { identity: store.Identity } };

export function createApp(options: AppOptions): Hono<Env> {
  const { db, authenticate } = options;
  const now = options.now ?? (() => new Date());
  const adminRole = options.adminRole ?? 'admin';
  const minTeamSize = options.minTeamSize ?? store.DEFAULT_MIN_TEAM_SIZE;
  const allowedOrigins = new Set(options.corsOrigins ?? []);
  if (allowedOrigins.has('*')) throw new Error('CORS origin "*" cannot be allowed with credentials: list the intranet origins (RELAIS_CORS_ORIGINS).');

  const app = new Hono<Env>().basePath(API_BASE);

  app.use(
    '*',
    cors({
      origin: (origin) => (allowedOrigins.has(origin) ? origin : null),
      credentials: true,
      allowMethods: ['GET', 'POST', 'PUT', 'DELETE'],
      allowHeaders: ['Authorization', 'Content-Type', 'Idempotency-Key', 'X-Relais-Viewer'],
      exposeHeaders: ['Retry-After'],
      maxAge: 600,
    }),
  );

  app.onError((error, c) => {
    if (error instanceof ApiError) return c.json(error.toBody(), error.status as 400);
    if (databaseUnreachable(error)) {
      // The client's outbox keeps the write and tries again: say when.
      c.header('Retry-After', '5');
      return c.json(new ApiError('unavailable', 'The database cannot be reached; try again shortly.').toBody(), 503);
    }
    console.error('Relais server: unexpected error', error);
    return c.json(new ApiError('internal', 'The server failed to answer; try again later.').toBody(), 500);
  });
  app.notFound((c) => c.json(new ApiError('not-found', `No route ${c.req.method} ${c.req.path}`).toBody(), 404));

  // Bodies: size-limited (413 before they are read whole), JSON only (415).
  const limitBody = (maxSize: number) =>
    bodyLimit({
      maxSize,
      onError: (c) => c.json(new ApiError('payload-too-large', `The request body is larger than ${maxSize} bytes.`).toBody(), 413),
    });
  const bodyBytes = options.maxBodyBytes ?? DEFAULT_MAX_BODY_BYTES;
  app.post('/admin/import', limitBody(options.maxImportBytes ?? DEFAULT_MAX_IMPORT_BYTES));
  app.on(['POST', 'PUT'], '*', async (c, next) => {
    if (c.req.path !== `${API_BASE}/admin/import`) return limitBody(bodyBytes)(c, next);
    return next();
  });

  // Every route but /health says who is asking; admin routes also need the admin role.
  app.use('*', async (c, next) => {
    if (c.req.path === `${API_BASE}/health` || c.req.method === 'OPTIONS') return next();
    c.set('identity', await authenticate(c.req.raw.headers));
    if (c.req.path.startsWith(`${API_BASE}/admin/`) && !c.get('identity').roles.includes(adminRole)) {
      throw new ApiError('forbidden', `This route needs the ${adminRole} role.`);
    }
    return next();
  });

  // -------------------------------------------------------------------------------------------
  // Reads

  app.get('/health', (c) => c.json({ ok: true }));

  app.get('/viewer', async (c) => c.json(await store.viewerOf(db, c.get('identity'))));

  app.get('/shareables', async (c) => {
    const query = parseBody(
      z.object({
        category: z.optional(CategorySchema),
        lang: z.optional(z.string().check(z.minLength(1, 'must not be empty'))),
        limit: z.optional(positiveIntegerParam),
        cursor: z.optional(z.string()),
      }),
      c.req.query(),
    );
    const after = query.cursor === undefined ? undefined : store.decodeCursor(query.cursor);
    if (query.cursor !== undefined && !after) throw new ApiError('invalid-request', 'Invalid cursor: pass back the nextCursor of a previous page unchanged.', 'cursor');
    return c.json(await store.listShareables(db, { ...query, ...(after ? { after } : {}) }, now()));
  });

  app.get('/shareables/:id', async (c) => {
    const item = await store.shareable(db, c.req.param('id'));
    if (item === undefined) throw new ApiError('not-found', `No shareable "${c.req.param('id')}".`);
    return c.json(item);
  });

  app.get('/charter', async (c) => {
    const current = await store.currentCharter(db);
    if (!current) throw new ApiError('not-found', 'No charter has been published yet.');
    return c.json(current.doc);
  });

  app.get('/acknowledgments/:viewerId', async (c) => {
    const viewerId = c.req.param('viewerId');
    const identity = c.get('identity');
    if (viewerId !== identity.id && !identity.roles.includes(adminRole)) {
      throw new ApiError('forbidden', 'Only the person themselves, or an admin, may read their acknowledgment.', 'viewerId');
    }
    const ack = await store.latestAcknowledgment(db, viewerId);
    if (!ack) throw new ApiError('not-found', `No acknowledgment of the current charter by "${viewerId}".`);
    return c.json(ack);
  });

  app.get('/leaderboard', async (c) => {
    const query = parseBody(
      z.object({ period: PeriodSchema, scope: z._default(z.enum(['people', 'teams']), 'people'), limit: z.optional(positiveIntegerParam) }),
      c.req.query(),
    );
    const viewer = await store.viewerOf(db, c.get('identity'));
    return c.json(await store.leaderboard(db, { ...query, now: now(), viewer, minTeamSize }));
  });

  app.get('/guard-policy', async (c) => c.json((await store.setting(db, 'guard-policy')) ?? store.DEFAULT_GUARD_POLICY));

  // -------------------------------------------------------------------------------------------
  // Writes: Idempotency-Key required; the identity is the request's, never the body's.

  app.post('/shares', async (c) => {
    const raw = await jsonBody(c);
    return idempotent(c, raw, async (tx) => {
      const event = parseBody(ShareEventSchema, raw);
      requireSelf(c, event.viewerId);
      if (!store.instant(event.at)) throw new ApiError('invalid-request', 'at: must be a date between the years 1 and 9999', 'at');
      await store.recordShare(tx, event);
      return { status: 201, body: { id: event.id } };
    });
  });

  app.post('/acknowledgments', async (c) => {
    const raw = await jsonBody(c);
    return idempotent(c, raw, async (tx) => {
      const ack = parseBody(AcknowledgmentSchema, raw);
      requireSelf(c, ack.viewerId);
      if (!store.instant(ack.at)) throw new ApiError('invalid-request', 'at: must be a date between the years 1 and 9999', 'at');
      await store.recordAcknowledgment(tx, ack);
      return { status: 201, body: { viewerId: ack.viewerId, charterId: ack.charterId, version: ack.version } };
    });
  });

  // -------------------------------------------------------------------------------------------
  // Admin

  app.put('/admin/charter', async (c) => {
    const charter = parseBody(CharterSchema, await jsonBody(c));
    const published = await db.transaction(async (tx) => {
      // One publisher at a time, so that two instances cannot both publish "the next" version.
      await tx.query('SELECT pg_advisory_xact_lock(1380273218)');
      const current = await store.currentCharter(tx);
      if (current && current.id === charter.id && current.version === charter.version && canonicalJson(current.doc) === canonicalJson(charter)) return current.doc;
      if (current && charter.version <= current.version) {
        throw new ApiError('conflict', `version: must be greater than the current version (${current.version})`, 'version');
      }
      await store.publishCharter(tx, charter);
      return charter;
    });
    return c.json(published);
  });

  app.put('/admin/shareables/:id', async (c) => {
    const item = parseBody(ShareableSchema, await jsonBody(c));
    if (item.id !== c.req.param('id')) throw new ApiError('invalid-request', `id: must be "${c.req.param('id')}", the id in the path`, 'id');
    await store.putShareable(db, item);
    return c.json(item);
  });

  app.delete('/admin/shareables/:id', async (c) => {
    if (!(await store.withdrawShareable(db, c.req.param('id'), now()))) throw new ApiError('not-found', `No shareable "${c.req.param('id')}".`);
    return c.body(null, 204);
  });

  app.put('/admin/guard-policy', async (c) => {
    const policy = parseBody(GuardPolicySchema, await jsonBody(c));
    await store.putSetting(db, 'guard-policy', policy);
    return c.json(policy);
  });

  app.post('/admin/import', async (c) => {
    const document = strictDocument(parseDataDocument(await jsonBody(c)));
    const imported = await db.transaction((tx) => store.importDocument(tx, document));
    return c.json({ imported });
  });

  app.get('/admin/acknowledgments.csv', async (c) => {
    const rows = await store.acknowledgmentRegister(db);
    const lines = [
      ['viewer_id', 'display_name', 'team', 'charter_id', 'version', 'acknowledged_at'],
      ...rows.map((row) => [row.viewerId, row.displayName ?? '', row.team ?? '', row.charterId, String(row.version), row.at]),
    ];
    c.header('Content-Type', 'text/csv; charset=utf-8');
    c.header('Content-Disposition', 'attachment; filename="acknowledgments.csv"');
    return c.body(lines.map((line) => line.map(csvField).join(',')).join('\r\n') + '\r\n');
  });

  app.get('/admin/stats/shares', async (c) => {
    const query = parseBody(
      z.object({ by: z.enum(['item', 'network', 'team', 'month']), from: z.optional(DateStringSchema), to: z.optional(DateStringSchema) }),
      c.req.query(),
    );
    const range = { from: store.instant(query.from), to: store.instant(query.to) };
    if (query.from !== undefined && !range.from) throw new ApiError('invalid-request', 'from: must be a date between the years 1 and 9999', 'from');
    if (query.to !== undefined && !range.to) throw new ApiError('invalid-request', 'to: must be a date between the years 1 and 9999', 'to');
    return c.json({ rows: await store.shareStatistics(db, query.by, range, minTeamSize) });
  });

  return app;

  // -------------------------------------------------------------------------------------------

  /**
   * A write is the requester's own, or an admin's entry for someone else (HR recording a paper
   * acknowledgment, a back-office import): the request's identity decides, never the body alone.
   */
  function requireSelf(c: Context<Env>, viewerId: string): void {
    const identity = c.get('identity');
    if (viewerId !== identity.id && !identity.roles.includes(adminRole)) {
      throw new ApiError('forbidden', 'viewerId: must be the requester (the identity comes from the request, not the body); only an admin writes for someone else', 'viewerId');
    }
  }

  /**
   * Runs a write once per (requester, Idempotency-Key): the first 2xx answer is stored with a
   * hash of the route and body and replayed to a retry with the same body; another body under
   * the same key is a 409. A refused write (4xx) stores nothing, so the client may fix and retry.
   */
  async function idempotent(c: Context<Env>, raw: unknown, write: (tx: Queryable) => Promise<{ status: 200 | 201; body: unknown }>) {
    const key = c.req.header('idempotency-key')?.trim();
    if (!key) throw new ApiError('invalid-request', 'The Idempotency-Key header is required on writes.', 'Idempotency-Key');
    if (key.length > MAX_IDEMPOTENCY_KEY_LENGTH) throw new ApiError('invalid-request', `The Idempotency-Key header is longer than ${MAX_IDEMPOTENCY_KEY_LENGTH} characters.`, 'Idempotency-Key');
    const requester = c.get('identity').id;
    const hash = createHash('sha256').update(`${c.req.method} ${c.req.path}\n${canonicalJson(raw)}`).digest('hex');

    const replay = async () => {
      const [row] = await db.query<{ request_hash: string; status: number; response: unknown }>(
        'SELECT request_hash, status, response FROM idempotency_keys WHERE requester = $1 AND key = $2',
        [requester, key],
      );
      if (!row) return undefined;
      if (row.request_hash !== hash) throw new ApiError('idempotency-conflict', 'This Idempotency-Key was already used with another request body.', 'Idempotency-Key');
      c.header('Idempotent-Replayed', 'true');
      return c.json(row.response, row.status as 201);
    };

    const replayed = await replay();
    if (replayed) return replayed;
    try {
      const result = await db.transaction(async (tx) => {
        const answer = await write(tx);
        await tx.query('INSERT INTO idempotency_keys (requester, key, request_hash, status, response) VALUES ($1, $2, $3, $4, $5::jsonb)', [
          requester,
          key,
          hash,
          answer.status,
          JSON.stringify(answer.body),
        ]);
        return answer;
      });
      return c.json(result.body, result.status);
    } catch (error) {
      // Another instance (or request) stored this key first: answer as it did.
      if ((error as { code?: string }).code === '23505') {
        const first = await replay();
        if (first) return first;
      }
      throw error;
    }
  }
}

/**
 * Whether an error says the database is out of reach (refused or lost connection, shutting
 * down, too many connections) rather than that the request is wrong.
 */
function databaseUnreachable(error: unknown): boolean {
  const code = (error as { code?: unknown } | null)?.code;
  if (typeof code !== 'string') return false;
  return ['ECONNREFUSED', 'ECONNRESET', 'ETIMEDOUT', 'ENOTFOUND', 'EHOSTUNREACH', '53300', '57P01', '57P02', '57P03'].includes(code) || code.startsWith('08');
}

/** A query parameter that must be a positive integer (`limit=20`). */
const positiveIntegerParam = z.pipe(
  z.string().check(z.regex(/^[1-9]\d{0,8}$/, 'must be a positive integer')),
  z.transform((value) => Number.parseInt(value, 10)),
);

async function jsonBody(c: Context): Promise<unknown> {
  const type = c.req.header('content-type') ?? '';
  if (!/^application\/([\w.+-]+\+)?json\s*(;|$)/i.test(type)) {
    throw new ApiError('unsupported-media-type', 'Send the body as JSON (Content-Type: application/json).');
  }
  const text = await c.req.text();
  try {
    return JSON.parse(text) as unknown;
  } catch {
    throw new ApiError('invalid-request', 'The body is not valid JSON.');
  }
}

/** The whole document, or a 400 naming the first bad field (an import is all or nothing). */
export function strictDocument(parsed: ParsedDocument): DataDocument {
  const [dropped] = parsed.dropped;
  if (dropped) throw new ApiError('invalid-request', dropped.error.problems.join('; '), dropped.error.field);
  const parts = ['charter', ...ITEM_LISTS, 'tiers', 'guardPolicy', 'viewer'] as const;
  for (const name of parts) {
    const part = parsed[name];
    if (!part.ok) throw new ApiError('invalid-request', part.error.problems.join('; '), part.error.field || name);
  }
  const value = <K extends (typeof parts)[number]>(name: K) => (parsed[name] as unknown as { value: DataDocument[K] }).value;
  return {
    charter: value('charter'),
    shareables: value('shareables'),
    people: value('people'),
    shares: value('shares'),
    acknowledgments: value('acknowledgments'),
    tiers: value('tiers'),
    guardPolicy: value('guardPolicy'),
    ...(value('viewer') ? { viewer: value('viewer') } : {}),
  };
}

/** JSON with object keys sorted, so that the same body hashes the same whatever its key order. */
export function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  if (value !== null && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>)
      .filter(([, inner]) => inner !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([key, inner]) => `${JSON.stringify(key)}:${canonicalJson(inner)}`).join(',')}}`;
  }
  return JSON.stringify(value);
}

/**
 * One CSV field (RFC 4180): quoted when it holds a comma, quote or line break. A field a
 * spreadsheet would run as a formula (`=`, `+`, `-`, `@`, tab, return first) is prefixed with `'`.
 */
export function csvField(value: string): string {
  const safe = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(safe) ? `"${safe.replaceAll('"', '""')}"` : safe;
}

export { DEMO_VIEWER_HEADER };
