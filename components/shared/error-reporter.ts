import type { PendingWrite } from '../../src/client/client.js';
import type { RelaisErrorInfo } from '../../src/client/errors.js';
import { emit } from '../../src/events/index.js';

// A console error per error, not per element: two elements sharing a client report one failure once.
const logged = new WeakSet<RelaisErrorInfo>();
// A warning is about the data, not about one element: one event per page.
const warningsReported = new WeakSet<RelaisErrorInfo>();


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
    emit(this.#host, 'relais-error', {
      code: error.code,
      message: error.message,
      field: error.field,
      error: error.error,
      ...(error.severity ? { severity: error.severity } : {}),
    });
    // Already explained in the console: a configuration mistake when the page was read, a missing
    // configuration once per page, an item left out by the adapter's validation when it was dropped.
    if (logged.has(error) || error.code === 'invalid-configuration' || error.code === 'not-configured' || error.severity === 'warning') return;
    logged.add(error);
    const field = error.field ? ` (field: ${error.field})` : '';
    console.error(`Relais <${this.#host.localName}>: ${error.message}${field}`);
  }

  /**
   * Reports the client's warnings (items left out because they are invalid) as `relais-error`
   * events of severity `warning`, each once per page, from the first element that sees it.
   */
  warnings(warnings: readonly RelaisErrorInfo[] | undefined): void {
    for (const warning of warnings ?? []) {
      if (warningsReported.has(warning)) continue;
      warningsReported.add(warning);
      this.report(warning);
    }
  }

  /** Reports the error an element shows, once however often it renders it. */
  shown(error: RelaisErrorInfo | undefined): void {
    if (!error || error === this.#lastShown) return;
    this.#lastShown = error;
    this.report(error);
  }
}

// A write refused in the background concerns the page, not one element: one event per page.
const failedWritesReported = /* @__PURE__ */ new WeakSet<PendingWrite>();

/**
 * Reports the client's writes refused in the background (`PendingWrite.background`: kept on the
 * device, then refused for good by the server, with no call waiting to hear it) as `relais-error`
 * events from `reporter`'s element, each once per page, from the first element that sees it. A
 * function rather than a method, so that an element that writes nothing does not carry it.
 */
export function reportFailedWrites(reporter: ErrorReporter, writes: readonly PendingWrite[] | undefined): void {
  for (const write of writes ?? []) {
    if (!write.background || !write.error || failedWritesReported.has(write)) continue;
    failedWritesReported.add(write);
    reporter.report(write.error);
  }
}
