import type { KeyValueStorage } from '../../../src/client/browser-storage.js';

/** A Web Storage in memory: one per test, so that tests cannot see each other's writes. */
export class StorageStub implements KeyValueStorage {
  readonly items = new Map<string, string>();
  getItem(key: string): string | null {
    return this.items.get(key) ?? null;
  }
  setItem(key: string, value: string): void {
    this.items.set(key, value);
  }
  removeItem(key: string): void {
    this.items.delete(key);
  }
}

/** A storage that refuses everything, like a blocked `localStorage`. */
export class BlockedStorage implements KeyValueStorage {
  getItem(): string | null {
    throw new DOMException('The operation is insecure.', 'SecurityError');
  }
  setItem(): void {
    throw new DOMException('The operation is insecure.', 'SecurityError');
  }
  removeItem(): void {
    throw new DOMException('The operation is insecure.', 'SecurityError');
  }
}

/**
 * A full storage, as when the quota is used up: it reads and removes as `storage` does, and
 * refuses every write with a QuotaExceededError.
 */
export class FullStorage implements KeyValueStorage {
  constructor(readonly storage: KeyValueStorage = new StorageStub()) {}
  getItem(key: string): string | null {
    return this.storage.getItem(key);
  }
  setItem(): void {
    throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
  }
  removeItem(key: string): void {
    this.storage.removeItem(key);
  }
}
