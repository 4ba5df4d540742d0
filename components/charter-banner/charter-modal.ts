import type { ReactiveController, ReactiveControllerHost } from 'lit';
import type { FocusController } from '../shared/focus.js';

type Host = ReactiveControllerHost & HTMLElement;

/**
 * Dialog mode's modal: open exactly while acknowledgment is asked and the viewer has not
 * dismissed it. The dialog stays in the tree while the charter is known and only opens and
 * closes: an open modal removed from the document would leave focus nowhere.
 */
export class CharterModal implements ReactiveController {
  readonly #host: Host;
  readonly #keyboard: FocusController;
  /** Whether acknowledgment is still asked now (the view may not have rendered yet), and what to do when the viewer dismisses it. */
  readonly #asked: () => boolean;
  readonly #dismissed: () => void;

  constructor(host: Host, keyboard: FocusController, options: { asked: () => boolean; dismissed: () => void }) {
    this.#host = host;
    this.#keyboard = keyboard;
    this.#asked = options.asked;
    this.#dismissed = options.dismissed;
    host.addController(this);
  }

  hostConnected(): void {}

  get #modal(): HTMLDialogElement | null | undefined {
    return this.#host.shadowRoot?.querySelector<HTMLDialogElement>('[part~="modal"]');
  }

  /** Opens or closes the modal after an update: `open` while asked and not dismissed. */
  sync(open: boolean): void {
    const modal = this.#modal;
    if (!modal) return;
    if (!open) {
      if (modal.open) modal.close();
      return;
    }
    if (modal.open || !modal.isConnected) return;
    // Where to give the keyboard back when the modal closes (the dialog restores it too; a
    // page that had focused nothing gets the confirmation or the element instead).
    this.#keyboard.rememberPageFocus();
    modal.showModal();
    // The first step is reading: start there, with the title and summary announced as the dialog's name and description.
    modal.querySelector<HTMLElement>('[part~="read-button"]')?.focus();
  }

  /** The close button. */
  dismiss = (): void => {
    this.#modal?.close();
  };

  /**
   * The modal closed. While acknowledgment is still asked, the viewer dismissed it (Escape, close
   * button): not a snooze, but not again in this browsing session. Otherwise `sync` closed it
   * after an acknowledgment or a snooze, whose confirmation takes care of the keyboard.
   */
  onClose = (event: Event): void => {
    // Open again already (asked for once more before this event arrived): nothing was dismissed.
    if (event.target !== this.#modal || (event.target as HTMLDialogElement).open || !this.#asked()) return;
    this.#dismissed();
    const keyboard = this.#keyboard;
    if (!keyboard.lost()) return;
    // Back where the page had the keyboard, else on the element, which keeps its place in the page.
    const before = keyboard.takeRememberedFocus();
    before?.focus();
    if (!before || keyboard.lost()) keyboard.holdAtHost();
  };
}
