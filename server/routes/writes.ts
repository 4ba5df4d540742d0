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

/** How far back a client's time is accepted (a share or acknowledgment made offline): 30 days. */
export const ACCEPTED_PAST_MS = 30 * 24 * 60 * 60 * 1000;
/** How far ahead a client's time is accepted (a clock a little fast): 5 minutes. */
export const ACCEPTED_FUTURE_MS = 5 * 60 * 1000;

export function writeRoutes({ db, now, adminRole, maxBodyBytes }: AppSettings) {
  /**
   * A write is the requester's own, or an admin's entry for someone else (HR recording a paper
   * acknowledgment, a back-office import): the request's identity decides, never the body alone.
   */
  const requireSelf = (identity: Identity, viewerId: string) => {
    if (!actsFor(identity, viewerId, adminRole)) {
      throw new ApiError('forbidden', 'viewerId: must be the requester (the identity comes from the request, not the body); only an admin writes for someone else', 'viewerId');
    }
  };
  /**
   * The client's time, kept as `clientAt`, when it falls in the accepted window around the
   * server's `now`. The time recorded is always the server's, so a client's clock can neither
   * backdate nor postdate a record; a client time outside the window (a clock set wrong, by more
   * than a few minutes) is not kept, but the write is: refusing it would lose an employee's
   * acknowledgment or share for a wrong clock. A date that is no date is a 400 naming `at`.
   */
  const clientTime = (at: string, serverNow: Date): string | undefined => {
    const client = store.instant(at);
    if (!client) throw new ApiError('invalid-request', 'at: must be a date between the years 1 and 9999', 'at');
    const offset = Date.parse(client) - serverNow.getTime();
    return offset < -ACCEPTED_PAST_MS || offset > ACCEPTED_FUTURE_MS ? undefined : client;
  };

  return new Hono<WriteEnv>()
    .post('/shares', jsonBody(maxBodyBytes), idempotency(db), validate('json', ShareEventSchema), async (c) => {
      const event = c.req.valid('json');
      requireSelf(c.get('identity'), event.viewerId);
      const serverNow = now();
      const clientAt = clientTime(event.at, serverNow);
      // Live when it was shared: at the client's time where it is kept (offline), else now.
      const refused = await store.unshareable(c.get('tx'), event.shareableId, clientAt ?? serverNow.toISOString(), serverNow);
      if (refused) throw new ApiError('invalid-request', `shareableId: ${refused}; only a live item can be shared`, 'shareableId');
      await store.recordShare(c.get('tx'), { ...event, at: serverNow.toISOString() }, clientAt);
      return c.json({ id: event.id }, 201);
    })
    .post('/acknowledgments', jsonBody(maxBodyBytes), idempotency(db), validate('json', AcknowledgmentSchema), async (c) => {
      const ack = c.req.valid('json');
      requireSelf(c.get('identity'), ack.viewerId);
      const serverNow = now();
      const clientAt = clientTime(ack.at, serverNow);
      const refused = await store.acknowledgeableVersion(c.get('tx'), ack.charterId, ack.version);
      if (refused) throw new ApiError('invalid-request', `${refused.field}: ${refused.problem}`, refused.field);
      await store.recordAcknowledgment(c.get('tx'), { ...ack, at: serverNow.toISOString() }, clientAt);
      return c.json({ viewerId: ack.viewerId, charterId: ack.charterId, version: ack.version }, 201);
    });
}
