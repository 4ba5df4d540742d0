/** Idempotency keys: the first answer to a (requester, key), with a hash of the request it answered. */
import type { Queryable } from '../db.js';

export interface StoredAnswer {
  requestHash: string;
  status: number;
  response: unknown;
}

export async function storedAnswer(q: Queryable, requester: string, key: string): Promise<StoredAnswer | undefined> {
  const [row] = await q.query<{ request_hash: string; status: number; response: unknown }>(
    'SELECT request_hash, status, response FROM idempotency_keys WHERE requester = $1 AND key = $2',
    [requester, key],
  );
  return row && { requestHash: row.request_hash, status: row.status, response: row.response };
}

/** Stores the answer; fails with a unique violation (see `isDuplicateKey`) when the key is stored already. */
export async function storeAnswer(q: Queryable, requester: string, key: string, answer: StoredAnswer): Promise<void> {
  await q.query('INSERT INTO idempotency_keys (requester, key, request_hash, status, response) VALUES ($1, $2, $3, $4, $5::jsonb)', [
    requester,
    key,
    answer.requestHash,
    answer.status,
    JSON.stringify(answer.response),
  ]);
}

/** Whether an error is PostgreSQL's unique violation: another request stored the same key first. */
export function isDuplicateKey(error: unknown): boolean {
  return (error as { code?: unknown } | null)?.code === '23505';
}
