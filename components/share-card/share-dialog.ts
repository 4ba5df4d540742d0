import { html, type ReactiveController, type ReactiveControllerHost, type TemplateResult } from 'lit';
import type { ElementStrings, ShareStrings } from '../../src/i18n/catalogue.js';
import { closeIcon } from '../shared/icons.js';

type Host = ReactiveControllerHost & HTMLElement;

/**
 * The compact and inline layouts' share flow: one « Partager » button in the page, the whole flow
 * (the network choice, the text, the share button) in a native modal `<dialog>`. Opening moves
 * the keyboard into it (to the chosen network, else the first control); Escape and the close
 * button close it, and the keyboard goes back to the « Partager » button.
 */
export class ShareDialog implements ReactiveController {
  readonly #host: Host;
  readonly #strings: () => ElementStrings<ShareStrings>;

  constructor(host: Host, strings: () => ElementStrings<ShareStrings>) {
    this.#host = host;
    this.#strings = strings;
    host.addController(this);
  }

  hostConnected(): void {}

  get #dialog(): HTMLDialogElement | null | undefined {
    return this.#host.shadowRoot?.querySelector<HTMLDialogElement>('[part~="dialog"]');
  }

  get #launcher(): HTMLElement | null | undefined {
    return this.#host.shadowRoot?.querySelector<HTMLElement>('[part~="open-button"]');
  }

  /** The one button that opens the flow: filled in the compact layout, outlined in a line of text (inline). */
  renderLauncher(primary: boolean): TemplateResult {
    return html`<button part="open-button" class=${primary ? 'primary' : 'quiet'} aria-haspopup="dialog" @click=${this.open}>${this.#strings().shareOpen}</button>`;
  }

  /** The dialog, always in the tree while the item can be shared (it only opens and closes): `title` names it. */
  render(title: TemplateResult, content: TemplateResult): TemplateResult {
    const t = this.#strings();
    return html`<dialog part="dialog" aria-labelledby="dialog-title" @close=${this.#onClose}>
      <div class="sheet-header">
        ${title}
        <button part="close-button" class="close tertiary" aria-label=${t.shareClose} title=${t.shareClose} @click=${this.close}>${closeIcon()}</button>
      </div>
      <div class="sheet-body share">${content}</div>
    </dialog>`;
  }

  /** Opens the flow, the keyboard on the chosen network (else the dialog's first control). */
  open = async (): Promise<void> => {
    await this.#host.updateComplete;
    const dialog = this.#dialog;
    if (!dialog || dialog.open) return;
    dialog.showModal();
    const choice = dialog.querySelector<HTMLElement>('[part~="networks"] input:checked');
    (choice ?? dialog.querySelector('[part~="composer"]')?.shadowRoot?.querySelector<HTMLElement>('textarea'))?.focus();
  };

  close = (): void => {
    this.#dialog?.close();
  };

  /** Closed (Escape, the close button): the keyboard goes back to the « Partager » button. */
  #onClose = (event: Event): void => {
    if (event.target !== this.#dialog) return;
    this.#launcher?.focus();
  };
}
