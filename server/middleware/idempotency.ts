/**
 * Runs a write once per (requester, Idempotency-Key): the first 2xx answer is stored with a hash
 * of the route and body, in the transaction of the write itself, and replayed to a retry with the
 * same body; another body under the same key is a 409. A refused write (4xx) stores nothing, so
 * the client may fix and retry. Handlers after it write through `c.var.tx`.
 */
import { createHash } from 'node:crypto';
import type { MiddlewareHandler } from 'hono';
import { IDEMPOTENCY_KEY_HEADER, IDEMPOTENT_REPLAYED_HEADER } from '../../src/contract/rest.js';
import { canonicalJson } from '../canonical-json.js';
import type { Database } from '../db.js';
import { ApiError } from '../errors.js';
import * as store from '../store/index.js';
import type { WriteEnv } from '../types.js';

export const MAX_IDEMPOTENCY_KEY_LENGTH = 255;

/** Thrown inside the transaction to roll back a write whose answer is not a success. */
class RefusedWrite extends Error {}

export function idempotency(db: Database): MiddlewareHandler<WriteEnv> {
  return async (c, next) => {
    const key = c.req.header(IDEMPOTENCY_KEY_HEADER)?.trim();
    if (!key) throw new ApiError('invalid-request', `The ${IDEMPOTENCY_KEY_HEADER} header is required on writes.`, IDEMPOTENCY_KEY_HEADER);
    if (key.length > MAX_IDEMPOTENCY_KEY_LENGTH) {
      throw new ApiError('invalid-request', `The ${IDEMPOTENCY_KEY_HEADER} header is longer than ${MAX_IDEMPOTENCY_KEY_LENGTH} characters.`, IDEMPOTENCY_KEY_HEADER);
    }
    const requester = c.get('identity').id;
    const requestHash = createHash('sha256').update(`${c.req.method} ${c.req.path}\n${canonicalJson(await c.req.json())}`).digest('hex');

    const replay = async (): Promise<Response | undefined> => {
      const stored = await store.storedAnswer(db, requester, key);
      if (!stored) return undefined;
      if (stored.requestHash !== requestHash) {
        throw new ApiError('idempotency-conflict', `This ${IDEMPOTENCY_KEY_HEADER} was already used with another request body.`, IDEMPOTENCY_KEY_HEADER);
      }
      return Response.json(stored.response, { status: stored.status, headers: { [IDEMPOTENT_REPLAYED_HEADER]: 'true' } });
    };

    const replayed = await replay();
    if (replayed) return replayed;
    try {
      await db.transaction(async (tx) => {
        c.set('tx', tx);
        await next();
        if (c.error || !c.res.ok) throw new RefusedWrite();
        await store.storeAnswer(tx, requester, key, { requestHash, status: c.res.status, response: await c.res.clone().json() });
      });
    } catch (error) {
      // The answer (the error's) is already in c.res.
      if (error instanceof RefusedWrite) return;
      // Another instance (or request) stored this key first: answer as it did.
      const first = store.isDuplicateKey(error) ? await replay() : undefined;
      if (!first) throw error;
      c.res = first;
    }
  };
}
