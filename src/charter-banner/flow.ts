/**
 * The page's one charter flow. Several elements need the charter acknowledged (every share card
 * of a page); one place provides the flow to read and acknowledge it (the page's
 * `<charter-banner>`), and the others point to it rather than each rendering a form of its own.
 *
 * One flow per client, so per page section that shares a data source: a banner offers its flow
 * with {@link CharterFlow.provide}; a locked card asks for it with {@link CharterFlow.request}.
 * No DOM here: what "open" means is the provider's business.
 */
import { atom, type ReadableAtom } from 'nanostores';
import type { RelaisClient } from '../client/client.js';

/** Opens the flow; `opener` is whatever asked (the element gives the keyboard back to it). */
export type CharterFlowOpener = (opener?: unknown) => void;

export interface CharterFlow {
  /** How many elements offer the flow now (0: a card must provide one itself). */
  readonly $providers: ReadableAtom<number>;
  /** Offers the flow; returns what withdraws the offer (the element leaves the page). */
  provide(open: CharterFlowOpener): () => void;
  /** Opens the flow of the first element that offers it; `false` when none does. */
  request(opener?: unknown): boolean;
}

const flows = new WeakMap<RelaisClient, CharterFlow>();

/** The one charter flow of `client`: every element of the same client shares it. */
export function charterFlowOf(client: RelaisClient): CharterFlow {
  let flow = flows.get(client);
  if (!flow) {
    flow = createCharterFlow();
    flows.set(client, flow);
  }
  return flow;
}

function createCharterFlow(): CharterFlow {
  const providers: CharterFlowOpener[] = [];
  const $providers = atom(0);
  return {
    $providers,
    provide(open) {
      // The same function offered twice counts once.
      if (!providers.includes(open)) providers.push(open);
      $providers.set(providers.length);
      return () => {
        const index = providers.indexOf(open);
        if (index >= 0) providers.splice(index, 1);
        $providers.set(providers.length);
      };
    },
    request(opener) {
      const open = providers[0];
      if (!open) return false;
      open(opener);
      return true;
    },
  };
}
