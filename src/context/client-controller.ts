import { ContextConsumer } from '@lit/context';
import { StoreController } from '@nanostores/lit';
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import type { ReadableAtom } from 'nanostores';
import type { RelaisClient } from '../client/index.js';
import { $pageClient } from '../config/config.js';
import { relaisClientContext } from './index.js';

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
 * Gives an element its client, in the order of DESIGN.md: a `<relais-provider>` ancestor
 * (through @lit/context), else the page-wide client from `Relais.configure` or the script tag.
 */
export class ClientController implements ReactiveController {
  readonly #host: Host;
  readonly #pageClient: StoreController<RelaisClient | undefined>;
  readonly #bindings: Binding<unknown>[] = [];
  #providedClient?: RelaisClient;

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
  }

  /** The client in force for this element, or `undefined` when nothing is configured. */
  get client(): RelaisClient | undefined {
    return this.#providedClient ?? this.#pageClient.value;
  }

  /** Binds one of the client's stores; read `.value` in `render()`. */
  bind<T>(select: (client: RelaisClient) => ReadableAtom<T>): ClientBinding<T> {
    const binding = new Binding(this.#host, select);
    this.#bindings.push(binding as Binding<unknown>);
    if (this.#host.isConnected) binding.sync(this.client);
    return binding;
  }

  hostConnected(): void {
    this.#syncBindings();
  }

  hostUpdate(): void {
    this.#syncBindings();
  }

  #syncBindings(): void {
    const client = this.client;
    for (const binding of this.#bindings) binding.sync(client);
  }
}
