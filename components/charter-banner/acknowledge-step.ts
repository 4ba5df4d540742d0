import { html, nothing, type ReactiveController, type ReactiveControllerHost, type TemplateResult } from 'lit';
import { ifDefined } from 'lit/directives/if-defined.js';
import type { CharterStrings, ElementStrings } from '../../src/i18n/catalogue.js';
import type { LocaleController } from '../../src/i18n/locale-controller.js';

/** Where the step is drawn: the strip (or the modal's footer), or the full text's footer. Each has its own ids. */
export type StepPlace = 'prompt' | 'body';

/**
 * « I have read and understood » and « I confirm », side by side. The button is always a real
 * primary button (GOV.UK: a disabled button explains nothing): pressed before the box is ticked,
 * it says why under the checkbox, tied to it by `aria-describedby`, and takes the keyboard there.
 */
export class AcknowledgeStep implements ReactiveController {
  readonly #host: ReactiveControllerHost & HTMLElement;
  readonly #l10n: LocaleController<ElementStrings<CharterStrings>>;
  readonly #acknowledge: () => void;
  /** The checkbox, shared by both places (ticking one ticks the other). */
  understood = false;
  /** Where « I confirm » was pressed before the box was ticked: that place shows why. */
  #missing?: StepPlace;

  constructor(host: ReactiveControllerHost & HTMLElement, l10n: LocaleController<ElementStrings<CharterStrings>>, acknowledge: () => void) {
    this.#host = host;
    this.#l10n = l10n;
    this.#acknowledge = acknowledge;
    host.addController(this);
  }

  hostConnected(): void {}

  /** After an acknowledgment, or when the prompt goes: the next prompt starts unticked, without an error. */
  reset(): void {
    this.understood = false;
    this.#missing = undefined;
    this.#host.requestUpdate();
  }

  render(place: StepPlace, acknowledging: boolean): TemplateResult {
    const { t } = this.#l10n;
    const errorId = `understood-error-${place}`;
    const missing = this.#missing === place;
    return html`<span class="step">
      <span class="understood-field">
        <label class="understood">
          <input
            part="checkbox"
            type="checkbox"
            .checked=${this.understood}
            ?disabled=${acknowledging}
            aria-invalid=${ifDefined(missing ? 'true' : undefined)}
            aria-describedby=${ifDefined(missing ? errorId : undefined)}
            @change=${this.#onChange}
          />
          <span>${t.charterUnderstood}</span>
        </label>
        ${missing ? html`<span part="checkbox-error" id=${errorId} class="field-error">${t.charterTickFirst}</span>` : nothing}
      </span>
      <!-- Busy, not disabled, while saving: a disabled button would drop the keyboard focus. -->
      <button
        part="acknowledge-button"
        class="primary"
        aria-disabled=${ifDefined(acknowledging ? 'true' : undefined)}
        aria-busy=${ifDefined(acknowledging ? 'true' : undefined)}
        @click=${(event: Event) => this.#onPress(event, place, acknowledging)}
      >
        ${acknowledging ? t.charterAcknowledging : t.charterAcknowledge}
      </button>
    </span>`;
  }

  #onChange = (event: Event): void => {
    this.understood = (event.target as HTMLInputElement).checked;
    if (this.understood) this.#missing = undefined;
    this.#host.requestUpdate();
  };

  #onPress(event: Event, place: StepPlace, acknowledging: boolean): void {
    if (acknowledging) return;
    if (this.understood) {
      this.#acknowledge();
      return;
    }
    this.#missing = place;
    this.#host.requestUpdate();
    // The checkbox beside the button pressed: its error is read with it.
    const checkbox = (event.currentTarget as HTMLElement).closest('.step')?.querySelector<HTMLInputElement>('[part~="checkbox"]');
    void this.#host.updateComplete.then(() => checkbox?.focus());
  }
}
