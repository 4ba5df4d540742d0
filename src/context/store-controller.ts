import type { ReactiveController, ReactiveControllerHost } from 'lit';
import type { ReadableAtom } from 'nanostores';

/**
 * Binds a nanostores store to a Lit element: subscribed while the element is connected, and
 * every change re-renders it. Our own few lines rather than `@nanostores/lit`, which ships
 * CommonJS only (a browser cannot import it without a bundler).
 */
export class StoreController<T> implements ReactiveController {
  readonly #host: ReactiveControllerHost;
  readonly #store: ReadableAtom<T>;
  #unsubscribe?: () => void;

  constructor(host: ReactiveControllerHost, store: ReadableAtom<T>) {
    this.#host = host;
    this.#store = store;
    host.addController(this);
  }

  /** The store's current value (read it in `willUpdate` or `render`). */
  get value(): T {
    return this.#store.get();
  }

  hostConnected(): void {
    // `subscribe` calls at once: a value that changed while the host was away renders on return.
    this.#unsubscribe = this.#store.subscribe(() => this.#host.requestUpdate());
  }

  hostDisconnected(): void {
    this.#unsubscribe?.();
    this.#unsubscribe = undefined;
  }
}
