/** The reads of the REST contract (docs/rest-api.md, "Reads"), after authentication. */
import { Hono } from 'hono';
import * as z from 'zod/mini';
import { CategorySchema, PeriodSchema } from '../../src/model/index.js';
import { ApiError } from '../errors.js';
import { actsFor } from '../middleware/auth.js';
import { firstValues, validate } from '../middleware/validate.js';
import * as store from '../store/index.js';
import type { AppEnv, AppSettings } from '../types.js';

/** A query parameter that must be a positive integer (`limit=20`). */
const positiveIntegerParam = z.pipe(
  z.string().check(z.regex(/^[1-9]\d{0,8}$/, 'must be a positive integer')),
  z.transform((value) => Number.parseInt(value, 10)),
);

const ShareablesQuerySchema = firstValues(z.object({
  category: z.optional(CategorySchema),
  lang: z.optional(z.string().check(z.minLength(1, 'must not be empty'))),
  limit: z.optional(positiveIntegerParam),
  cursor: z.optional(z.string()),
}));

/** `limit=0` asks for the viewer's row alone (a personal view reads nobody else's). */
const nonNegativeIntegerParam = z.pipe(
  z.string().check(z.regex(/^(0|[1-9]\d{0,8})$/, 'must be a non-negative integer')),
  z.transform((value) => Number.parseInt(value, 10)),
);

const LeaderboardQuerySchema = firstValues(z.object({
  period: PeriodSchema,
  scope: z._default(z.enum(['people', 'teams']), 'people'),
  limit: z.optional(nonNegativeIntegerParam),
}));

export function readRoutes({ db, now, adminRole, minTeamSize }: AppSettings) {
  return new Hono<AppEnv>()
    .get('/viewer', async (c) => c.json(await store.viewerOf(db, c.get('identity'))))
    .get('/shareables', validate('query', ShareablesQuerySchema), async (c) => {
      const query = c.req.valid('query');
      const after = query.cursor === undefined ? undefined : store.decodeCursor(query.cursor);
      if (query.cursor !== undefined && !after) throw new ApiError('invalid-request', 'Invalid cursor: pass back the nextCursor of a previous page unchanged.', 'cursor');
      return c.json(await store.listShareables(db, { ...query, ...(after ? { after } : {}) }, now()));
    })
    .get('/shareables/:id', async (c) => {
      const item = await store.shareable(db, c.req.param('id'));
      if (item === undefined) throw new ApiError('not-found', `No shareable "${c.req.param('id')}".`);
      return c.json(item);
    })
    .get('/charter', async (c) => {
      const current = await store.currentCharter(db);
      if (!current) throw new ApiError('not-found', 'No charter has been published yet.');
      return c.json(current.doc);
    })
    .get('/acknowledgments/:viewerId', async (c) => {
      const viewerId = c.req.param('viewerId');
      if (!actsFor(c.get('identity'), viewerId, adminRole)) {
        throw new ApiError('forbidden', 'Only the person themselves, or an admin, may read their acknowledgment.', 'viewerId');
      }
      const ack = await store.latestAcknowledgment(db, viewerId);
      if (!ack) throw new ApiError('not-found', `No acknowledgment of the current charter by "${viewerId}".`);
      return c.json(ack);
    })
    .get('/leaderboard', validate('query', LeaderboardQuerySchema), async (c) => {
      const viewer = await store.viewerOf(db, c.get('identity'));
      return c.json(await store.leaderboard(db, { ...c.req.valid('query'), now: now(), viewer, minTeamSize }));
    })
    .get('/guard-policy', async (c) => c.json((await store.setting(db, 'guard-policy')) ?? store.DEFAULT_GUARD_POLICY));
}
