import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { toErrorInfo } from '../../src/client/errors.js';
import type { ErrorReporter } from '../shared/error-reporter.js';

/** Whether this browser has the HTML Sanitizer API (`Sanitizer` and `Element.setHTML`); checked on each first opening. */
export function nativeSanitizerAvailable(): boolean {
  return typeof (globalThis as { Sanitizer?: unknown }).Sanitizer === 'function' && typeof (Element.prototype as { setHTML?: unknown }).setHTML === 'function';
}

/**
 * The dialog that shows the charter's full text: sanitized once per body text (opening it again
 * reuses the same safe nodes, their images already requested), put in the dialog when it opens
 * and taken out when it closes, and the keyboard given back to the control that opened it.
 */
export class CharterBodyDialog implements ReactiveController {
  readonly #host: ReactiveControllerHost & HTMLElement;
  /** Reports a body that cannot be sanitized. */
  readonly #errors: ErrorReporter;
  /** Says, in the viewer's words, that the text cannot be shown. */
  readonly #failed: () => string;
  #sanitized?: { html: string; view: HTMLElement };
  /** The body text whose sanitizer is being loaded. */
  #loading?: string;
  /** Where the keyboard goes back: the control that opened the text, or (asked by another element) a function that finds it when the text closes. */
  #opener?: HTMLElement | (() => HTMLElement | null | undefined);

  constructor(host: ReactiveControllerHost & HTMLElement, errors: ErrorReporter, failed: () => string) {
    this.#host = host;
    this.#errors = errors;
    this.#failed = failed;
    host.addController(this);
  }

  hostConnected(): void {}

  get #dialog(): HTMLDialogElement | null | undefined {
    return this.#host.shadowRoot?.querySelector<HTMLDialogElement>('[part~="dialog"]');
  }

  /**
   * Opens the full text. Built now, not with the page: the body's images request nothing before
   * the viewer asks to read it (DESIGN.md, "Privacy"), and then only as they scroll into view.
   */
  open(html: string, opener: HTMLElement | (() => HTMLElement | null | undefined)): void {
    const dialog = this.#dialog;
    if (!dialog || dialog.open) return;
    const body = dialog.querySelector<HTMLElement>('[part~="body"]')!;
    this.#opener = opener;
    dialog.showModal();
    // Start on the text itself: arrow keys scroll it, and a screen reader reads from the top.
    body.focus();
    if (this.#sanitized?.html === html) {
      body.replaceChildren(this.#sanitized.view);
      return;
    }
    // The first time, the sanitizer's code comes first: the dialog is open and says it is loading.
    body.setAttribute('aria-busy', 'true');
    this.#loading = html;
    void this.#sanitize(html).then((view) => {
      if (this.#loading !== html) return;
      this.#loading = undefined;
      this.#sanitized = { html, view };
      body.removeAttribute('aria-busy');
      if (dialog.open) body.replaceChildren(view);
    });
  }

  /** Closes the full text, if open (an open modal taken out of the page would stay "open"). */
  close = (): void => {
    if (this.#dialog?.open) this.#dialog.close();
  };

  /** Escape or the close button: the dialog is gone, focus goes back where it came from. */
  onClose = (event: Event): void => {
    this.#loading = undefined;
    // Out of the document while closed: images further down that were never scrolled to stay unrequested.
    (event.currentTarget as HTMLElement).querySelector('[part~="body"]')?.replaceChildren();
    const opener = typeof this.#opener === 'function' ? this.#opener() : this.#opener;
    this.#opener = undefined;
    if (opener?.isConnected) opener.focus();
  };

  /**
   * When the body cannot be sanitized (the page's Trusted Types refuse Relais's policy, for
   * good), the dialog says so, reported once, rather than showing an empty text.
   */
  async #sanitize(html: string): Promise<HTMLElement> {
    try {
      // The browser's own sanitizer where there is one (a few hundred bytes of rules on top);
      // DOMPurify otherwise, downloaded only by those browsers.
      const { sanitizeCharterBody } = nativeSanitizerAvailable() ? await import('./charter-sanitizer-native.js') : await import('./charter-sanitizer.js');
      return sanitizeCharterBody(html);
    } catch (error) {
      this.#errors.report(toErrorInfo(error));
      const alert = document.createElement('p');
      alert.setAttribute('part', 'error');
      alert.setAttribute('role', 'alert');
      alert.textContent = this.#failed();
      return alert;
    }
  }
}
