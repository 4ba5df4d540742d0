import { ContextConsumer } from '@lit/context';
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import type { ReadableAtom } from 'nanostores';
import type { RelaisClient } from '../client/client.js';
import type { RelaisErrorInfo } from '../client/errors.js';
import { $configurationError, $pageClient } from '../config/page-client.js';
import { relaisClientContext } from './client-context.js';
import { StoreController } from './store-controller.js';

type Host = ReactiveControllerHost & HTMLElement;

/** A store of the element's client, bound with @nanostores/lit so that changes re-render it. */
export interface ClientBinding<T> {
  /** The store's value; `undefined` while no client is configured. */
  readonly value: T | undefined;
}

class Binding<T> implements ClientBinding<T> {
  #controller?: StoreController<T>;
  #store?: ReadableAtom<T>;

  constructor(
    private readonly host: Host,
    private readonly select: (client: RelaisClient) => ReadableAtom<T>,
  ) {}

  get value(): T | undefined {
    return this.#controller?.value;
  }

  /** Follows the client (and whatever the selector reads from the host, such as an item id). */
  sync(client: RelaisClient | undefined): void {
    const store = client ? this.select(client) : undefined;
    if (store === this.#store) return;
    if (this.#controller) {
      this.#controller.hostDisconnected();
      this.host.removeController(this.#controller);
    }
    this.#store = store;
    // StoreController subscribes at once when the host is already connected.
    this.#controller = store ? new StoreController(this.host, store) : undefined;
  }
}

/**
 * Calls `callback` once the document has been parsed and its deferred and module scripts have run
 * (DOMContentLoaded has fired); returns a function that cancels the wait.
 */
function whenDocumentParsed(callback: () => void): () => void {
  if (typeof document === 'undefined' || documentParsed()) {
    callback();
    return () => {};
  }
  const listener = () => callback();
  document.addEventListener('DOMContentLoaded', listener, { once: true });
  return () => document.removeEventListener('DOMContentLoaded', listener);
}

function documentParsed(): boolean {
  if (document.readyState === 'loading') return false;
  // `interactive` starts before the deferred and module scripts run, and a page's configure() is
  // often one of them: until DOMContentLoaded has fired, the page may still be configuring.
  // (Without Navigation Timing, e.g. in some embedded frames, `interactive` has to do.)
  const navigation = globalThis.performance?.getEntriesByType?.('navigation')[0] as PerformanceNavigationTiming | undefined;
  return document.readyState === 'complete' || !navigation || navigation.domContentLoadedEventStart > 0;
}

/**
 * Gives an element its client, in the order of DESIGN.md: a `<relais-provider>` ancestor
 * (through @lit/context), else the page-wide client from `Relais.configure` or the script tag.
 *
 * "No client" only means "not configured" once the page had its chance to configure: read
 * {@link ClientController.settled} before showing a "not configured" state.
 */
export class ClientController implements ReactiveController {
  readonly #host: Host;
  readonly #pageClient: StoreController<RelaisClient | undefined>;
  readonly #configurationError: StoreController<RelaisErrorInfo | undefined>;
  readonly #bindings: Binding<unknown>[] = [];
  #providedClient?: RelaisClient;
  #settled = false;
  #connected = false;
  #cancelSettling?: () => void;

  constructor(host: Host) {
    this.#host = host;
    host.addController(this);
    new ContextConsumer(host, {
      context: relaisClientContext,
      subscribe: true,
      callback: (client) => {
        this.#providedClient = client;
        host.requestUpdate();
      },
    });
    this.#pageClient = new StoreController(host, $pageClient);
    this.#configurationError = new StoreController(host, $configurationError);
  }

  /** The client in force for this element, or `undefined` when nothing is configured. */
  get client(): RelaisClient | undefined {
    return this.#providedClient ?? this.#pageClient.value;
  }

  /** What is wrong with the page's declarative configuration (an unknown adapter, a bad URL), if anything. */
  get configurationError(): RelaisErrorInfo | undefined {
    return this.#configurationError.value;
  }

  /**
   * Whether the page has had its chance to configure Relais: `client === undefined && settled`
   * means "not configured"; `client === undefined && !settled` means "not yet" (show loading).
   *
   * False until the document has been parsed (DOMContentLoaded has fired, so the page's deferred
   * and module scripts, and the script tag's JSON block, have run) and then two tasks after the
   * host connected: one for a `<relais-provider>` around it (it provides its client in its first
   * update, a microtask after both connect), and one more for a page script that, in the same
   * task as the connection, put its configure() behind a `setTimeout(0)` or an awaited promise.
   * The host re-renders when it turns true. Reset when the host disconnects: a moved element
   * may land under another provider.
   */
  get settled(): boolean {
    return this.#settled;
  }

  /**
   * Binds one of the client's stores; read `.value` in `render()`. A binding made while the host
   * is being constructed follows the client from `hostConnected` on, never sooner: an element
   * upgraded in place (its tag already in the page, as the loader defines it) is connected while
   * its constructor runs, when its subclass's fields (its strings, its properties' defaults) are
   * not set yet, and its selector may make its model from them.
   */
  bind<T>(select: (client: RelaisClient) => ReadableAtom<T>): ClientBinding<T> {
    const binding = new Binding(this.#host, select);
    this.#bindings.push(binding);
    if (this.#connected) binding.sync(this.client);
    return binding;
  }

  hostConnected(): void {
    this.#connected = true;
    this.#syncBindings();
    if (!this.#settled) this.#settle();
  }

  hostDisconnected(): void {
    this.#connected = false;
    this.#cancelSettling?.();
    this.#cancelSettling = undefined;
    this.#settled = false;
  }

  hostUpdate(): void {
    this.#syncBindings();
  }

  /**
   * Follows the client and what the selectors read now: an element that derives its view in
   * `willUpdate`, which runs before its controllers' `hostUpdate`, reads the stores of its current
   * model (a new item id), not those of the last update.
   */
  sync(): void {
    this.#syncBindings();
  }

  #settle(): void {
    this.#cancelSettling?.();
    let timer: ReturnType<typeof setTimeout> | undefined;
    const cancelWait = whenDocumentParsed(() => {
      timer = setTimeout(() => {
        timer = setTimeout(() => {
          this.#cancelSettling = undefined;
          this.#settled = true;
          this.#host.requestUpdate();
        });
      });
    });
    this.#cancelSettling = () => {
      cancelWait();
      clearTimeout(timer);
    };
  }

  #syncBindings(): void {
    const client = this.client;
    for (const binding of this.#bindings) binding.sync(client);
  }
}
