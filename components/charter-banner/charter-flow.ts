import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { charterFlowOf } from '../../src/charter-banner/flow.js';
import type { RelaisClient } from '../../src/client/client.js';

/** Finds, when the charter closes, the control the keyboard goes back to (in another element). */
export type ReturnFocus = () => HTMLElement | null | undefined;

/**
 * Offers the banner as its client's one charter flow (`charterFlowOf`): a locked share card asks
 * it to open the charter rather than rendering a form of its own. Offered while the banner is in
 * the page, for the client it has now.
 */
export class CharterFlowProvider implements ReactiveController {
  readonly #client: () => RelaisClient | undefined;
  readonly #show: (returnTo?: ReturnFocus) => void;
  #offeredTo?: RelaisClient;
  #withdraw?: () => void;
  /** Set by a request: where the keyboard goes once the charter it opened is acknowledged. */
  returnTo?: ReturnFocus;

  constructor(host: ReactiveControllerHost, client: () => RelaisClient | undefined, show: (returnTo?: ReturnFocus) => void) {
    this.#client = client;
    this.#show = show;
    host.addController(this);
  }

  hostConnected(): void {
    this.#offer();
  }

  hostUpdated(): void {
    this.#offer();
  }

  hostDisconnected(): void {
    this.#withdraw?.();
    this.#withdraw = undefined;
    this.#offeredTo = undefined;
  }

  /** The request's `returnTo`, once. */
  take(): ReturnFocus | undefined {
    const returnTo = this.returnTo;
    this.returnTo = undefined;
    return returnTo;
  }

  #offer(): void {
    const client = this.#client();
    if (client === this.#offeredTo) return;
    this.#withdraw?.();
    this.#offeredTo = client;
    this.#withdraw = client ? charterFlowOf(client).provide(this.#open) : undefined;
  }

  readonly #open = (opener?: unknown): void => {
    this.#show(typeof opener === 'function' ? (opener as ReturnFocus) : undefined);
  };
}
