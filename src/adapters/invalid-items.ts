import type { RelaisDataError } from '../model/index.js';

/** Told of each item an adapter (or the validating layer) left out because it is invalid. */
export type InvalidItemListener = (error: RelaisDataError) => void;

/** Console lines written per reporter; after them one line says that more were left out. */
export const MAX_LOGGED_INVALID_ITEMS = 50;

/** The console line of a dropped item: `Relais: shareables[2].url: must be an http or https URL — item dropped`. */
export function invalidItemMessage(error: RelaisDataError): string {
  const where = error.entity === 'data document' ? '' : `${error.entity} `;
  return `Relais: ${where}${error.problems.join('; ')} — item dropped`;
}

/**
 * Keeps the items an adapter left out: each is written once to the console and told to every
 * listener, including listeners added later (a client built after the adapter read its
 * document still hears of them). The same item read again is reported once.
 */
export class InvalidItemReporter {
  readonly #reported: RelaisDataError[] = [];
  readonly #seen = new Set<string>();
  readonly #listeners = new Set<InvalidItemListener>();

  constructor(listener?: InvalidItemListener) {
    if (listener) this.#listeners.add(listener);
  }

  report(error: RelaisDataError): void {
    const key = `${error.entity}\n${error.message}`;
    if (this.#seen.has(key)) return;
    this.#seen.add(key);
    this.#reported.push(error);
    if (this.#reported.length <= MAX_LOGGED_INVALID_ITEMS) console.error(invalidItemMessage(error));
    else if (this.#reported.length === MAX_LOGGED_INVALID_ITEMS + 1) {
      console.error(`Relais: more than ${MAX_LOGGED_INVALID_ITEMS} invalid items dropped; the others are not logged (listen with onInvalidItem).`);
    }
    for (const listener of this.#listeners) notify(listener, error);
  }

  /** Adds a listener, told at once of the items already left out; returns a function that removes it. */
  listen(listener: InvalidItemListener): () => void {
    for (const error of this.#reported) notify(listener, error);
    this.#listeners.add(listener);
    return () => void this.#listeners.delete(listener);
  }
}

/** A throwing listener must not stop the others, nor the read that found the item. */
function notify(listener: InvalidItemListener, error: RelaisDataError): void {
  try {
    listener(error);
  } catch (thrown) {
    console.error('Relais: an onInvalidItem listener threw', thrown);
  }
}
