import { ContextProvider } from '@lit/context';
import { html, LitElement, type PropertyValues } from 'lit';
import { property } from 'lit/decorators.js';
import { deferredAdapter } from '../../src/adapters/deferred.js';
import type { AdvocacyAdapter } from '../../src/adapters/types.js';
import { RelaisClient } from '../../src/client/client.js';
import { relaisClientContext } from '../../src/context/index.js';
import { defineElement } from '../shared/define.js';
import { relaisProviderStyles } from './relais-provider.styles.js';

/**
 * Supplies a data source to the Relais elements inside it, so that different parts of one page
 * can use different sources. It renders nothing of its own.
 *
 * @tagname relais-provider
 * @summary Supplies an adapter (and the client built on it) to the elements inside.
 * @slot - The Relais elements (and any other content) that use this source.
 */
export class RelaisProviderElement extends LitElement {
  static override styles = relaisProviderStyles;

  /** Registers the element, by default as `<relais-provider>`; never throws when the tag is taken. */
  static define(tag = 'relais-provider', registry: CustomElementRegistry = customElements): void {
    defineElement(tag, this, registry);
  }

  /** The adapter for the elements inside; setting it builds a new client. */
  @property({ attribute: false }) adapter?: AdvocacyAdapter;

  /** A client to share with other providers; wins over `adapter`. */
  @property({ attribute: false }) client?: RelaisClient;

  /** Shortcut without script: the URL of a data document, read with a StaticAdapter. */
  @property({ reflect: true }) src?: string;

  readonly #provider = new ContextProvider(this, { context: relaisClientContext });

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('client') || changed.has('adapter') || changed.has('src')) {
      this.#provider.setValue(this.#clientInForce());
    }
  }

  protected override render() {
    return html`<slot></slot>`;
  }

  #clientInForce(): RelaisClient | undefined {
    if (this.client) return this.client;
    if (this.adapter) return new RelaisClient(this.adapter);
    if (this.src) return new RelaisClient(this.#staticAdapter(this.src));
    return undefined;
  }

  /** The StaticAdapter's code is fetched only by a page that uses `src`. */
  #staticAdapter(src: string): AdvocacyAdapter {
    return deferredAdapter(async () => {
      const { StaticAdapter } = await import('../../src/adapters/static-adapter.js');
      try {
        return new StaticAdapter({ src });
      } catch (error) {
        // A malformed `src` must not throw into the page: the elements inside report it instead.
        throw new TypeError(`<relais-provider src="${src}">: not a valid URL (${(error as Error).message}).`, { cause: error });
      }
    });
  }
}
