import { atom, onMount, type ReadableAtom } from 'nanostores';
import { defaultStorage, readItem, writeItem, type KeyValueStorage } from './browser-storage.js';

/** `local`: kept across visits and shared by the viewer's tabs; `session`: this tab's browsing session. */
export type StorageArea = 'local' | 'session';

export interface LocalStateOptions {
  /** Defaults to `localStorage` where the page may use it. */
  local?: KeyValueStorage;
  /** Defaults to `sessionStorage` where the page may use it. */
  session?: KeyValueStorage;
}

/**
 * What the viewer decides in this browser and nowhere else ("remind me later", a dismissed
 * modal), shared by every element of a client and by every tab of the viewer: stores that read
 * it depend on {@link $changes}, bumped when this page writes and when another tab does.
 *
 * Never throws: where the storage refuses (private mode, quota, a blocked frame), what was
 * written is kept in memory and still holds for this page.
 */
export class LocalState {
  readonly #areas: Record<StorageArea, KeyValueStorage | undefined>;
  /** Values the storage refused to keep, by `area:key`. */
  readonly #inMemory = new Map<string, string | null>();
  readonly #changes = atom(0);

  /** Bumped on every change, here or in another tab: derive from it to stay in step. */
  readonly $changes: ReadableAtom<number> = this.#changes;

  constructor(options: LocalStateOptions = {}) {
    this.#areas = { local: options.local ?? defaultStorage('local'), session: options.session ?? defaultStorage('session') };
    // Another tab's writes arrive as `storage` events, only while something listens.
    onMount(this.#changes, () => {
      if (typeof window === 'undefined') return undefined;
      const onStorage = (event: StorageEvent): void => {
        if (event.storageArea === this.#areas.local || event.storageArea === this.#areas.session) this.#bump();
      };
      window.addEventListener('storage', onStorage);
      return () => window.removeEventListener('storage', onStorage);
    });
  }

  read(area: StorageArea, key: string): string | null {
    const memoryKey = `${area}:${key}`;
    if (this.#inMemory.has(memoryKey)) return this.#inMemory.get(memoryKey) ?? null;
    return readItem(this.#areas[area], key);
  }

  /** Writes (or, with `null`, removes) a key; returns whether it will outlive the page. */
  write(area: StorageArea, key: string, value: string | null): boolean {
    const storage = this.#areas[area];
    const memoryKey = `${area}:${key}`;
    let persisted: boolean;
    if (value === null) {
      try {
        storage?.removeItem(key);
        persisted = !!storage;
      } catch {
        persisted = false;
      }
    } else {
      persisted = writeItem(storage, key, value);
    }
    if (persisted) this.#inMemory.delete(memoryKey);
    else this.#inMemory.set(memoryKey, value);
    this.#bump();
    return persisted;
  }

  #bump(): void {
    this.#changes.set(this.#changes.get() + 1);
  }
}
