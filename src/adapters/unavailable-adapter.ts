import type { AdvocacyAdapter } from './types.js';

/**
 * An adapter whose every call rejects with `error`: what a source that cannot even be built
 * (a malformed `src` attribute) becomes, so that the elements show their error state and fire
 * `relais-error` instead of the page getting an exception.
 */
export function unavailableAdapter(error: unknown): AdvocacyAdapter {
  const fail = () => Promise.reject(error);
  return {
    viewer: fail,
    shareables: fail,
    shareable: fail,
    recordShare: fail,
    charter: fail,
    acknowledgment: fail,
    acknowledge: fail,
    leaderboard: fail,
    guardPolicy: fail,
  };
}
