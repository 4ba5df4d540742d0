/**
 * A lock shared by every tab of the origin, so that two tabs never send the same write at the
 * same time: the Web Locks API where the browser has it, else a lease in `localStorage`.
 */
import type { Clock } from '../../clock.js';
import { randomUUID, readItem, writeItem, type KeyValueStorage } from '../../client/browser-storage.js';

/** How long a storage lease holds without being renewed: a tab that dies frees it by then. */
export const LEASE_MS = 30_000;

export interface LockOptions {
  /** Times the lease fallback (renewal, expiry). */
  clock: Clock;
  /** Where the lease fallback is kept. */
  storage: KeyValueStorage | undefined;
  /** The Web Locks API; `null` forces the lease fallback (tests). Default `navigator.locks`. */
  locks?: Pick<LockManager, 'request'> | null;
}

interface Lease {
  owner: string;
  until: number;
}

/**
 * Runs `task` while holding the lock `name`, if no one (another tab, another adapter of this
 * page) holds it; otherwise does nothing. Resolves whether `task` ran. Never waits for the lock:
 * whoever holds it is doing the same work.
 *
 * The lease fallback (browsers without Web Locks) is best effort: two tabs that write the lease
 * in the same instant can both believe they hold it. The server's idempotency keys make that
 * harmless; the lock only spares the server the duplicate requests.
 */
export async function runIfUnlocked(name: string, task: () => Promise<void>, options: LockOptions): Promise<boolean> {
  const locks = options.locks === undefined ? globalThis.navigator?.locks : options.locks;
  if (locks) {
    return locks.request(name, { ifAvailable: true }, async (lock) => {
      if (!lock) return false;
      await task();
      return true;
    });
  }
  return runWithLease(name, task, options);
}

/** Leases this page holds: two adapters of one page must not both take one, storage or not. */
const heldInThisPage = new Set<string>();

async function runWithLease(name: string, task: () => Promise<void>, { clock, storage }: LockOptions): Promise<boolean> {
  const key = `relais:lock:${name}`;
  const owner = randomUUID();
  const held = (): Lease | undefined => {
    try {
      const lease = JSON.parse(readItem(storage, key) ?? 'null') as Lease | null;
      return lease && lease.until > clock.now().getTime() ? lease : undefined;
    } catch {
      return undefined;
    }
  };
  const take = () => writeItem(storage, key, JSON.stringify({ owner, until: clock.now().getTime() + LEASE_MS } satisfies Lease));
  if (heldInThisPage.has(key) || held()) return false;
  heldInThisPage.add(key);
  // Without storage only this page can know (an outbox kept in memory is this page's alone).
  const kept = take();
  // Another tab may have written its lease in the same instant: the last write won.
  await Promise.resolve();
  if (kept && held()?.owner !== owner) {
    heldInThisPage.delete(key);
    return false;
  }
  let cancelRenewal: () => void;
  const renew = (): void => {
    take();
    cancelRenewal = clock.schedule(renew, LEASE_MS / 3);
  };
  cancelRenewal = clock.schedule(renew, LEASE_MS / 3);
  try {
    await task();
    return true;
  } finally {
    cancelRenewal();
    heldInThisPage.delete(key);
    if (held()?.owner === owner) {
      try {
        storage?.removeItem(key);
      } catch {
        // The lease expires by itself.
      }
    }
  }
}
