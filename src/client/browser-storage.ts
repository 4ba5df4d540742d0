/**
 * Browser storage that never throws. `localStorage` can be missing (server rendering, workers),
 * blocked (privacy settings, some embedded frames: merely reading the property throws a
 * SecurityError) or full; Relais then keeps what it needs in memory for the page's lifetime.
 */

/** The part of the Web Storage API that adapters use; `localStorage` and `sessionStorage` fit. */
export type KeyValueStorage = Pick<Storage, 'getItem' | 'setItem' | 'removeItem'>;

/** `localStorage` (or `sessionStorage`) if this page may use it, else `undefined`: reading the property alone can throw. */
export function defaultStorage(kind: 'local' | 'session' = 'local'): KeyValueStorage | undefined {
  try {
    return (kind === 'session' ? globalThis.sessionStorage : globalThis.localStorage) ?? undefined;
  } catch {
    return undefined;
  }
}

/** Reads a key, or `null` when the storage is missing or refuses. */
export function readItem(storage: KeyValueStorage | undefined, key: string): string | null {
  try {
    return storage?.getItem(key) ?? null;
  } catch {
    return null;
  }
}

/** Writes a key; returns whether the storage kept it. */
export function writeItem(storage: KeyValueStorage | undefined, key: string, value: string): boolean {
  if (!storage) return false;
  try {
    storage.setItem(key, value);
    return true;
  } catch {
    return false;
  }
}

/**
 * A random UUID v4. `crypto.randomUUID` exists only in secure contexts, and intranet pages are
 * still sometimes served over plain http: there, build one from `crypto.getRandomValues`.
 */
export function randomUUID(): string {
  if (typeof crypto.randomUUID === 'function') return crypto.randomUUID();
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  bytes[6] = (bytes[6]! & 0x0f) | 0x40;
  bytes[8] = (bytes[8]! & 0x3f) | 0x80;
  const hex = Array.from(bytes, (byte) => byte.toString(16).padStart(2, '0')).join('');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

/** Where the local anonymous viewer's id is kept. */
export const LOCAL_VIEWER_KEY = 'relais:viewer-id';

// Ids of the local viewer when the storage would not keep them, so that at least every adapter
// of this page agrees on who the viewer is.
const idsKeptInMemory = new WeakMap<KeyValueStorage, string>();
let idWithoutStorage: string | undefined;

/**
 * The id of this browser's anonymous viewer: created once, then read back from `storage`, so
 * that the viewer's own shares and acknowledgment are theirs again after a reload.
 */
export function localViewerId(storage: KeyValueStorage | undefined): string {
  const stored = readItem(storage, LOCAL_VIEWER_KEY);
  if (stored) return stored;
  let id = storage ? idsKeptInMemory.get(storage) : idWithoutStorage;
  if (!id) {
    id = randomUUID();
    if (storage) idsKeptInMemory.set(storage, id);
    else idWithoutStorage = id;
  }
  writeItem(storage, LOCAL_VIEWER_KEY, id);
  return id;
}
