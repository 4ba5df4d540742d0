/** What the composer tells its form after each update. */
export interface DraftState {
  /** The page's own textarea, when one is slotted (it validates itself); else the element's own is in use. */
  slotted?: HTMLTextAreaElement;
  /** The textarea in use, where the browser points its validation message. */
  textarea?: HTMLTextAreaElement;
  form: HTMLFormElement | null;
  value: string;
  required: boolean;
  /** Why the draft may not be sent (a blocking finding while enforcing), or `undefined`. */
  blocked?: string;
  /** What to say when the draft is required and empty. */
  missing: string;
}

/**
 * Keeps the composer's form from being sent while a blocking finding remains: the draft's value
 * and validity (form-associated, or the slotted textarea's own), the form's `submit` (also with
 * `novalidate`), and the browser's `invalid` event; each time, the keyboard goes to the findings.
 */
export class FormGuard {
  readonly #internals?: ElementInternals;
  readonly #focusFindings: () => void;
  #blocked = false;
  #form?: HTMLFormElement | null;

  constructor(internals: ElementInternals | undefined, focusFindings: () => void) {
    this.#internals = internals;
    this.#focusFindings = focusFindings;
  }

  sync(draft: DraftState): void {
    const internals = this.#internals;
    this.#blocked = draft.blocked !== undefined;
    internals?.setFormValue(draft.slotted ? null : draft.value);
    if (draft.slotted) {
      internals?.setValidity({});
      draft.slotted.setCustomValidity(draft.blocked ?? '');
    } else if (draft.blocked) {
      internals?.setValidity({ customError: true }, draft.blocked, draft.textarea);
    } else if (draft.required && !draft.value) {
      internals?.setValidity({ valueMissing: true }, draft.missing, draft.textarea);
    } else {
      internals?.setValidity({});
    }
    if (draft.form === this.#form) return;
    this.#form?.removeEventListener('submit', this.#onSubmit, { capture: true });
    this.#form = draft.form;
    draft.form?.addEventListener('submit', this.#onSubmit, { capture: true });
  }

  /** A form that skips validation (`novalidate`) is still not sent while a blocking finding remains. */
  #onSubmit = (event: Event): void => {
    if (!this.#blocked) return;
    event.preventDefault();
    // The page's own submit handlers (an AJAX send) must not run either.
    event.stopImmediatePropagation();
    this.#focusFindings();
  };

  /** The browser refused to send the form: our findings explain why, better than a tooltip. */
  onInvalid = (event: Event): void => {
    if (!this.#blocked) return;
    event.preventDefault();
    this.#focusFindings();
  };
}
