import type { RelaisErrorInfo } from '../../src/client/errors.js';
import { emit } from '../../src/events/index.js';

// A console error per error, not per element: two elements sharing a client report one failure once.
const logged = new WeakSet<RelaisErrorInfo>();

/**
 * Reports an element's errors: a `relais-error` event from the element, and one console error
 * naming the element by its own tag (`<contoso-charter-banner>` under a prefix) and the field.
 */
export class ErrorReporter {
  readonly #host: HTMLElement;
  #lastShown?: RelaisErrorInfo;

  constructor(host: HTMLElement) {
    this.#host = host;
  }

  /** Reports `error` now: an action failed. */
  report(error: RelaisErrorInfo): void {
    emit(this.#host, 'relais-error', { code: error.code, message: error.message, field: error.field, error: error.error });
    // A configuration mistake was already explained in the console when the page was read.
    if (logged.has(error) || error.code === 'invalid-configuration') return;
    logged.add(error);
    const field = error.field ? ` (field: ${error.field})` : '';
    console.error(`Relais <${this.#host.localName}>: ${error.message}${field}`);
  }

  /** Reports the error an element shows, once however often it renders it. */
  shown(error: RelaisErrorInfo | undefined): void {
    if (!error || error === this.#lastShown) return;
    this.#lastShown = error;
    this.report(error);
  }
}
