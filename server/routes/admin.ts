/** The admin routes of the REST contract (docs/rest-api.md, "Admin"): the admin role only. */
import { Hono } from 'hono';
import * as z from 'zod/mini';
import { CharterSchema, DateStringSchema, GuardPolicySchema, parseDataDocument, ShareableSchema } from '../../src/model/index.js';
import { compilePolicy } from '../../src/guard/index.js';
import { csvDocument, REGISTER_COLUMNS } from '../../src/contract/register-csv.js';
import { RelaisDataError } from '../../src/model/index.js';
import { canonicalJson } from '../canonical-json.js';
import { strictDocument } from '../document.js';
import { ApiError } from '../errors.js';
import { requireRole } from '../middleware/auth.js';
import { jsonBody } from '../middleware/json-body.js';
import { firstValues, validate } from '../middleware/validate.js';
import * as store from '../store/index.js';
import type { AppEnv, AppSettings } from '../types.js';

const StatsQuerySchema = firstValues(z.object({
  by: z.enum(['item', 'network', 'team', 'month']),
  from: z.optional(DateStringSchema),
  to: z.optional(DateStringSchema),
}));

export function adminRoutes({ db, now, adminRole, minTeamSize, maxBodyBytes, maxImportBytes }: AppSettings) {
  const body = jsonBody(maxBodyBytes);
  return new Hono<AppEnv>()
    .use(requireRole(adminRole))
    .put('/charter', body, validate('json', CharterSchema), async (c) => {
      const charter = c.req.valid('json');
      const published = await db.transaction(async (tx) => {
        await store.lockCharterPublication(tx);
        const current = await store.currentCharter(tx);
        if (current && current.id === charter.id && current.version === charter.version && canonicalJson(current.doc) === canonicalJson(charter)) return current.doc;
        if (current && charter.version <= current.version) {
          throw new ApiError('conflict', `version: must be greater than the current version (${current.version})`, 'version');
        }
        await store.publishCharter(tx, charter);
        return charter;
      });
      return c.json(published);
    })
    .put('/shareables/:id', body, validate('json', ShareableSchema), async (c) => {
      const item = c.req.valid('json');
      if (item.id !== c.req.param('id')) throw new ApiError('invalid-request', `id: must be "${c.req.param('id')}", the id in the path`, 'id');
      await store.putShareable(db, item);
      return c.json(item);
    })
    .delete('/shareables/:id', async (c) => {
      if (!(await store.withdrawShareable(db, c.req.param('id'), now()))) throw new ApiError('not-found', `No shareable "${c.req.param('id')}".`);
      return c.body(null, 204);
    })
    .put('/guard-policy', body, validate('json', GuardPolicySchema), async (c) => {
      const policy = c.req.valid('json');
      compiledOrRefused(policy, 'guard-policy');
      await store.putSetting(db, 'guard-policy', policy);
      return c.json(policy);
    })
    // The document's own parser names a bad field from the document's root (`shareables[2].url`).
    .post('/import', jsonBody(maxImportBytes), async (c) => {
      const document = strictDocument(parseDataDocument(await c.req.json()));
      compiledOrRefused(document.guardPolicy, 'guardPolicy');
      // In batches: reads keep their answers meanwhile (PGlite has one connection).
      const imported = await store.importInBatches(db, document);
      return c.json({ imported });
    })
    .get('/acknowledgments.csv', async (c) => {
      const rows = await store.acknowledgmentRegister(db);
      const lines = [[...REGISTER_COLUMNS], ...rows.map((row) => [row.viewerId, row.displayName ?? '', row.team ?? '', row.charterId, String(row.version), row.at])];
      c.header('Content-Type', 'text/csv; charset=utf-8');
      c.header('Content-Disposition', 'attachment; filename="acknowledgments.csv"');
      return c.body(csvDocument(lines));
    })
    .get('/stats/shares', validate('query', StatsQuerySchema), async (c) => {
      const query = c.req.valid('query');
      const range = { from: store.instant(query.from), to: store.instant(query.to) };
      if (query.from !== undefined && !range.from) throw new ApiError('invalid-request', 'from: must be a date between the years 1 and 9999', 'from');
      if (query.to !== undefined && !range.to) throw new ApiError('invalid-request', 'to: must be a date between the years 1 and 9999', 'to');
      return c.json({ rows: await store.shareStatistics(db, query.by, range, minTeamSize) });
    });
}

/**
 * Compiles a guard policy with the browser's own compiler before it is stored: a policy every
 * composer would refuse (an unsafe or invalid pattern, a duplicate rule id) is a 400 naming the
 * field (`rules[0].pattern`), not an error state in every page. `root` prefixes the field in an
 * import (`guardPolicy.rules[0].pattern`).
 */
function compiledOrRefused(policy: unknown, root: 'guard-policy' | 'guardPolicy'): void {
  try {
    compilePolicy(policy as Parameters<typeof compilePolicy>[0]);
  } catch (error) {
    if (!(error instanceof RelaisDataError)) throw error;
    const field = root === 'guardPolicy' ? `guardPolicy${error.field ? `.${error.field}` : ''}` : error.field || undefined;
    throw new ApiError('invalid-request', error.problems.join('; '), field);
  }
}

