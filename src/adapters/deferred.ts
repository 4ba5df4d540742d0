import { registerDeferred } from './trust.js';
import type { AdvocacyAdapter } from './types.js';

/**
 * An adapter built on first use, from code loaded only then (`import()`): a page that never
 * uses it pays nothing for it. Every call waits for the real adapter; if it cannot be built,
 * every call rejects with why, so the elements show their error state. Listeners (`onInvalidItem`,
 * `onUnsynced`, `onWriteRefused`) reach the real adapter once it is built, without building it;
 * `beforeSignOut` is forwarded too. Frozen: its calls always
 * reach the real adapter, so the validating layer may look through it.
 */
export function deferredAdapter(load: () => Promise<AdvocacyAdapter>): AdvocacyAdapter {
  let adapter: Promise<AdvocacyAdapter> | undefined;
  // Listeners wait for the real adapter without making it: adding one must not load its code.
  const waiting = new Set<() => void>();
  const real = () => {
    if (!adapter) {
      adapter = load();
      for (const attach of waiting) attach();
    }
    return adapter;
  };
  /** Adds a listener to the real adapter once it is made; returns what removes it, now or then. */
  const listen = (add: (a: AdvocacyAdapter) => (() => void) | undefined): (() => void) => {
    let removed = false;
    let remove = (): void => {};
    const attach = () => {
      waiting.delete(attach);
      adapter?.then(
        (a) => {
          if (!removed) remove = add(a) ?? remove;
        },
        () => {},
      );
    };
    if (adapter) attach();
    else waiting.add(attach);
    return () => {
      removed = true;
      waiting.delete(attach);
      remove();
    };
  };
  const deferred: AdvocacyAdapter = Object.freeze({
    viewer: () => real().then((a) => a.viewer()),
    shareables: (query) => real().then((a) => a.shareables(query)),
    shareable: (id) => real().then((a) => a.shareable(id)),
    recordShare: (event) => real().then((a) => a.recordShare(event)),
    charter: () => real().then((a) => a.charter()),
    acknowledgment: (viewerId) => real().then((a) => a.acknowledgment(viewerId)),
    acknowledge: (ack) => real().then((a) => a.acknowledge(ack)),
    leaderboard: (query) => real().then((a) => a.leaderboard(query)),
    guardPolicy: () => real().then((a) => a.guardPolicy()),
    onInvalidItem: (listener) => listen((a) => a.onInvalidItem?.(listener)),
    onUnsynced: (listener) => listen((a) => a.onUnsynced?.(listener)),
    onWriteRefused: (listener) => listen((a) => a.onWriteRefused?.(listener)),
    // A sign-out asks the real adapter what it keeps (a RestAdapter's outbox); one that keeps nothing did nothing.
    beforeSignOut: (options) => real().then((a) => a.beforeSignOut?.(options) ?? { delivered: 0, kept: 0, discarded: 0 }),
  } satisfies AdvocacyAdapter);
  registerDeferred(deferred, real);
  return deferred;
}
