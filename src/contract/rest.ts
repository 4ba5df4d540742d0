/**
 * The REST contract's shared facts (docs/rest-api.md), defined once for the RestAdapter and the
 * reference server in `server/`. DOM-free and Node-free: both sides import it as it is. What
 * every data source agrees on, REST or not, is in `data.ts` (an element that talks no REST
 * carries none of this).
 */

/** Every `error.code` an answer of the contract may carry. */
export const REST_ERROR_CODES = [
  'invalid-request',
  'unauthenticated',
  'forbidden',
  'not-found',
  'conflict',
  'idempotency-conflict',
  'payload-too-large',
  'unsupported-media-type',
  'rate-limited',
  'internal',
  'unavailable',
] as const;

export type RestErrorCode = (typeof REST_ERROR_CODES)[number];

/** The HTTP status that goes with each code. */
export const REST_ERROR_STATUS: Record<RestErrorCode, number> = {
  'invalid-request': 400,
  unauthenticated: 401,
  forbidden: 403,
  'not-found': 404,
  conflict: 409,
  'idempotency-conflict': 409,
  'payload-too-large': 413,
  'unsupported-media-type': 415,
  'rate-limited': 429,
  internal: 500,
  unavailable: 503,
};

export function isRestErrorCode(value: unknown): value is RestErrorCode {
  return (REST_ERROR_CODES as readonly unknown[]).includes(value);
}

/** The body of every answer that is not 2xx. */
export interface RestErrorBody {
  error: { code: RestErrorCode; message: string; field?: string };
}

/** The header that makes a write idempotent, required on `POST /shares` and `POST /acknowledgments`. */
export const IDEMPOTENCY_KEY_HEADER = 'Idempotency-Key';

/** Set on an answer replayed from a stored idempotent write. */
export const IDEMPOTENT_REPLAYED_HEADER = 'Idempotent-Replayed';

/** A share's idempotency key: its event id. */
export function shareIdempotencyKey(event: { id: string }): string {
  return event.id;
}
