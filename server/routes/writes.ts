/**
 * The writes of the REST contract (docs/rest-api.md, "Writes"): JSON bodies, an Idempotency-Key,
 * and the identity of the request, never the body's.
 */
import { Hono } from 'hono';
import { AcknowledgmentSchema, ShareEventSchema } from '../../src/model/index.js';
import { ApiError } from '../errors.js';
import { actsFor } from '../middleware/auth.js';
import { idempotency } from '../middleware/idempotency.js';
import { jsonBody } from '../middleware/json-body.js';
import { validate } from '../middleware/validate.js';
import * as store from '../store/index.js';
import type { AppSettings, Identity, WriteEnv } from '../types.js';

export function writeRoutes({ db, adminRole, maxBodyBytes }: AppSettings) {
  /**
   * A write is the requester's own, or an admin's entry for someone else (HR recording a paper
   * acknowledgment, a back-office import): the request's identity decides, never the body alone.
   */
  const requireSelf = (identity: Identity, viewerId: string) => {
    if (!actsFor(identity, viewerId, adminRole)) {
      throw new ApiError('forbidden', 'viewerId: must be the requester (the identity comes from the request, not the body); only an admin writes for someone else', 'viewerId');
    }
  };
  const requireInstant = (at: string) => {
    if (!store.instant(at)) throw new ApiError('invalid-request', 'at: must be a date between the years 1 and 9999', 'at');
  };

  return new Hono<WriteEnv>()
    .post('/shares', jsonBody(maxBodyBytes), idempotency(db), validate('json', ShareEventSchema), async (c) => {
      const event = c.req.valid('json');
      requireSelf(c.get('identity'), event.viewerId);
      requireInstant(event.at);
      await store.recordShare(c.get('tx'), event);
      return c.json({ id: event.id }, 201);
    })
    .post('/acknowledgments', jsonBody(maxBodyBytes), idempotency(db), validate('json', AcknowledgmentSchema), async (c) => {
      const ack = c.req.valid('json');
      requireSelf(c.get('identity'), ack.viewerId);
      requireInstant(ack.at);
      await store.recordAcknowledgment(c.get('tx'), ack);
      return c.json({ viewerId: ack.viewerId, charterId: ack.charterId, version: ack.version }, 201);
    });
}
