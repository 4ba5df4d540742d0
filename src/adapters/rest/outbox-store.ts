/**
 * Where the outbox keeps writes until the server confirms them: IndexedDB (through idb-keyval,
 * a few hundred bytes that spare us raw IndexedDB requests and their upgrade and error events),
 * else `localStorage` (IndexedDB missing or refused, as in some private modes and embedded
 * frames), else memory, for this page's lifetime only, with a console warning.
 */
import { createStore, del, entries, set, type UseStore } from 'idb-keyval';
import * as z from 'zod/mini';
import { AcknowledgmentSchema, ShareEventSchema, type Acknowledgment, type ShareEvent } from '../../model/index.js';
import { defaultStorage, readItem, writeItem, type KeyValueStorage } from '../../client/browser-storage.js';

/** One write waiting for the server's confirmation. */
export type OutboxEntry = {
  /** Its idempotency key: the share's event id, or `ack:<viewerId>:<charterId>:<version>`. */
  key: string;
  /** When it was kept (ms since 1970): the oldest is sent first. */
  createdAt: number;
  /**
   * Who made it: the viewer signed in on the page that kept it (an admin may write for someone
   * else). Only a page where they are signed in sends it. Absent (kept by an older version):
   * the person the write is about.
   */
  owner?: string;
} & ({ kind: 'share'; body: ShareEvent } | { kind: 'acknowledgment'; body: Acknowledgment });

export type OutboxStorageKind = 'indexeddb' | 'localstorage' | 'memory';

export interface OutboxStore {
  readonly kind: OutboxStorageKind;
  /** Every entry, oldest first; an entry that no longer reads as one (corrupt storage) is dropped. */
  list(): Promise<OutboxEntry[]>;
  put(entry: OutboxEntry): Promise<void>;
  delete(key: string): Promise<void>;
}

const EntrySchema = z.union([
  z.object({ key: z.string(), createdAt: z.number(), owner: z.optional(z.string()), kind: z.literal('share'), body: ShareEventSchema }),
  z.object({ key: z.string(), createdAt: z.number(), owner: z.optional(z.string()), kind: z.literal('acknowledgment'), body: AcknowledgmentSchema }),
]);

function readEntries(values: unknown[]): OutboxEntry[] {
  const kept: OutboxEntry[] = [];
  for (const value of values) {
    const parsed = EntrySchema.safeParse(value);
    if (parsed.success) kept.push(parsed.data);
    else console.warn('Relais: an unreadable write was dropped from the outbox', value);
  }
  return kept.sort((a, b) => a.createdAt - b.createdAt);
}

/**
 * The outbox `name`'s store, in the first kind of storage that works, starting from `prefer`.
 * Never rejects.
 */
export async function openOutboxStore(name: string, prefer: OutboxStorageKind = 'indexeddb'): Promise<OutboxStore> {
  if (prefer === 'indexeddb') {
    try {
      const store = createStore(`relais-outbox:${name}`, 'writes');
      // Opening can fail late (blocked, quota, private mode): try a read before trusting it.
      await entries(store);
      return indexedDbStore(store);
    } catch {
      // Next kind.
    }
  }
  if (prefer !== 'memory') {
    const storage = defaultStorage();
    const probe = `relais:outbox-probe`;
    if (writeItem(storage, probe, '1')) {
      storage!.removeItem(probe);
      return localStorageStore(storage!, `relais:outbox:${name}`);
    }
  }
  console.warn(
    'Relais: neither IndexedDB nor localStorage can be used here; shares and acknowledgments not yet confirmed by the server are kept in memory and lost if the page is closed.',
  );
  return memoryStore(name);
}

function indexedDbStore(store: UseStore): OutboxStore {
  return {
    kind: 'indexeddb',
    list: async () => readEntries((await entries<IDBValidKey, unknown>(store)).map(([, value]) => value)),
    put: (entry) => set(entry.key, entry, store),
    delete: (key) => del(key, store),
  };
}

function localStorageStore(storage: KeyValueStorage, storageKey: string): OutboxStore {
  // Each change reads and writes the whole list at once: another tab may have changed it since.
  const read = (): Record<string, unknown> => {
    try {
      const value = JSON.parse(readItem(storage, storageKey) ?? '{}') as unknown;
      return value && typeof value === 'object' ? (value as Record<string, unknown>) : {};
    } catch {
      return {};
    }
  };
  const write = (all: Record<string, unknown>) => {
    const kept = Object.keys(all).length ? writeItem(storage, storageKey, JSON.stringify(all)) : (storage.removeItem(storageKey), true);
    if (!kept) throw new Error('Relais: localStorage refused to keep the outbox (full?)');
  };
  return {
    kind: 'localstorage',
    list: async () => readEntries(Object.values(read())),
    put: async (entry) => write({ ...read(), [entry.key]: entry }),
    delete: async (key) => {
      const all = read();
      delete all[key];
      write(all);
    },
  };
}

/** Memory outboxes by name: every adapter of this page with the same endpoint shares one. */
const memoryOutboxes = new Map<string, Map<string, OutboxEntry>>();

function memoryStore(name: string): OutboxStore {
  let all = memoryOutboxes.get(name);
  if (!all) memoryOutboxes.set(name, (all = new Map<string, OutboxEntry>()));
  const entriesOf = all;
  return {
    kind: 'memory',
    list: async () => readEntries([...entriesOf.values()].map((entry) => structuredClone(entry))),
    put: async (entry) => void entriesOf.set(entry.key, structuredClone(entry)),
    delete: async (key) => void entriesOf.delete(key),
  };
}
