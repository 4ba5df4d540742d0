import type { AdvocacyAdapter } from './types.js';

/**
 * An adapter built on first use, from code loaded only then (`import()`): a page that never
 * uses it pays nothing for it. Every call waits for the real adapter; if it cannot be built,
 * every call rejects with why, so the elements show their error state.
 */
export function deferredAdapter(load: () => Promise<AdvocacyAdapter>): AdvocacyAdapter {
  let adapter: Promise<AdvocacyAdapter> | undefined;
  const real = () => (adapter ??= load());
  return {
    viewer: () => real().then((a) => a.viewer()),
    shareables: (query) => real().then((a) => a.shareables(query)),
    shareable: (id) => real().then((a) => a.shareable(id)),
    recordShare: (event) => real().then((a) => a.recordShare(event)),
    charter: () => real().then((a) => a.charter()),
    acknowledgment: (viewerId) => real().then((a) => a.acknowledgment(viewerId)),
    acknowledge: (ack) => real().then((a) => a.acknowledge(ack)),
    leaderboard: (query) => real().then((a) => a.leaderboard(query)),
    guardPolicy: () => real().then((a) => a.guardPolicy()),
  };
}
