import { html, nothing, type ReactiveController, type ReactiveControllerHost, type TemplateResult } from 'lit';
import type { ElementStrings, ShareStrings } from '../../src/i18n/catalogue.js';
import { networkIcon } from '../shared/network-icons.js';

type Host = ReactiveControllerHost & HTMLElement;

/** What the form needs from the card: its strings, its model's Mastodon server, and sharing. */
export interface MastodonFormOptions {
  strings(): ElementStrings<ShareStrings>;
  /** Remembers the employee's server; throws when it is not a server name. */
  setInstance(value: string): void;
  forgetInstance(): void;
  /** Shares on Mastodon, still within the viewer's click; `chooser`: through Mastodon's own page, which asks for the server. */
  share(chooser: boolean): void;
}

/**
 * The share card's question « which Mastodon server? », asked the first time the employee shares
 * on Mastodon (a server of their own: there is no single Mastodon). Opens under the buttons with
 * the keyboard in its field, gives the keyboard back to the Mastodon button when done.
 */
export class MastodonForm implements ReactiveController {
  readonly #host: Host;
  readonly #options: MastodonFormOptions;
  /** The form is open. */
  #asking = false;
  /** What the server field refused, if anything. */
  #invalid = false;

  constructor(host: Host, options: MastodonFormOptions) {
    this.#host = host;
    this.#options = options;
    host.addController(this);
  }

  hostConnected(): void {}

  /** Asks for the server, the keyboard in its field. */
  async open(): Promise<void> {
    this.#set(true, false);
    await this.#host.updateComplete;
    this.#host.shadowRoot?.querySelector<HTMLInputElement>('#mastodon-instance')?.focus();
  }

  /** The form while it is open, else « change server » once one is known. */
  render(instance: string | undefined): TemplateResult | typeof nothing {
    const t = this.#options.strings();
    if (!this.#asking) {
      return instance
        ? html`<button part="mastodon-change" class="link-button" @click=${this.#change}>${t.shareMastodonChange(instance)}</button>`
        : nothing;
    }
    return html`<form part="mastodon-form" novalidate @submit=${this.#onSubmit}>
      <label for="mastodon-instance">${t.shareMastodonLabel}</label>
      <div class="field">
        <input
          id="mastodon-instance"
          name="instance"
          type="text"
          inputmode="url"
          autocomplete="off"
          autocapitalize="off"
          spellcheck="false"
          aria-describedby="mastodon-hint"
          aria-invalid=${this.#invalid ? 'true' : 'false'}
          @keydown=${this.#onKeydown}
        />
        <button type="submit" class="primary">${networkIcon('mastodon')}${t.shareOn(t.networkName('mastodon'))}</button>
        <button type="button" class="tertiary" @click=${this.#close}>${t.shareCancel}</button>
      </div>
      <p id="mastodon-hint" class=${this.#invalid ? 'hint invalid' : 'hint'}>${this.#invalid ? t.shareMastodonInvalid : t.shareMastodonHint}</p>
      <button type="button" part="mastodon-chooser" class="link-button" @click=${this.#shareWithChooser}>${t.shareMastodonChooser}</button>
    </form>`;
  }

  #set(asking: boolean, invalid: boolean): void {
    this.#asking = asking;
    this.#invalid = invalid;
    this.#host.requestUpdate();
  }

  #focusMastodonButton(): void {
    void this.#host.updateComplete.then(() => this.#host.shadowRoot?.querySelector<HTMLElement>('[data-network="mastodon"]')?.focus());
  }

  #close = (): void => {
    this.#set(false, false);
    this.#focusMastodonButton();
  };

  #onKeydown = (event: KeyboardEvent): void => {
    if (event.key !== 'Escape') return;
    event.preventDefault();
    this.#close();
  };

  #onSubmit = (event: SubmitEvent): void => {
    event.preventDefault();
    const input = (event.currentTarget as HTMLFormElement).querySelector('input')!;
    try {
      this.#options.setInstance(input.value);
    } catch {
      this.#set(true, true);
      input.focus();
      return;
    }
    this.#set(false, false);
    // Still the viewer's click (the submit button, or Enter): the window may open.
    this.#options.share(false);
    this.#focusMastodonButton();
  };

  /** The server is not known: Mastodon's own share page asks for it (nothing is remembered here). */
  #shareWithChooser = (): void => {
    this.#set(false, false);
    this.#options.share(true);
    this.#focusMastodonButton();
  };

  #change = (): void => {
    this.#options.forgetInstance();
    void this.open();
  };
}
