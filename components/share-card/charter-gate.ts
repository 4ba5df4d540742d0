import { html, nothing, type ReactiveController, type ReactiveControllerHost, type TemplateResult } from 'lit';
import { ifDefined } from 'lit/directives/if-defined.js';
import { html as staticHtml, unsafeStatic } from 'lit/static-html.js';
import { charterFlowOf } from '../../src/charter-banner/flow.js';
import type { RelaisClient } from '../../src/client/client.js';
import type { RelaisErrorInfo } from '../../src/client/errors.js';
import type { ElementStrings, ShareStrings } from '../../src/i18n/catalogue.js';
import { charterIcon } from '../shared/icons.js';
import { renderLoadError } from '../shared/status.js';

type Host = ReactiveControllerHost & HTMLElement;

/** Registers `<charter-banner>` under `tag` (the card's prefix) if nothing has, importing its code then. */
async function defineBanner(tag: string): Promise<void> {
  if (customElements.get(tag)) return;
  const { CharterBannerElement } = await import('../charter-banner/charter-banner.js');
  // A constructor can be registered under one name only: a prefixed tag gets its own subclass.
  (tag === CharterBannerElement.tagName ? CharterBannerElement : class extends CharterBannerElement {}).define(tag);
}

/** The part of `<charter-banner>` the card uses (its own class is another element's). */
type CharterFlowElement = HTMLElement & { updateComplete: Promise<unknown>; showCharter(returnTo?: () => HTMLElement | null | undefined): Promise<void> };

export interface CharterGateOptions {
  client: () => RelaisClient | undefined;
  strings: () => ElementStrings<ShareStrings>;
  /** The tag of `<charter-banner>` under the page's prefix. */
  bannerTag: () => string;
  theme: () => string | undefined;
  /** Where the keyboard goes once the charter is acknowledged: the card's share action. */
  shareControl: () => HTMLElement | null | undefined;
  retry: () => void;
}

/**
 * A locked card's charter gate: one line and one button that opens the page's one charter flow
 * (the page's `<charter-banner>`, through `charterFlowOf`). It never renders an acknowledgment
 * form of its own. On a page without a banner, the first card asked holds a `<charter-banner
 * mode="dialog">` (the banner's own modal) and offers it to every other card: still one flow.
 */
export class CharterGate implements ReactiveController {
  readonly #host: Host;
  readonly #options: CharterGateOptions;
  /** This card holds the page's charter dialog (there was no banner to open). */
  #holdsDialog = false;

  constructor(host: Host, options: CharterGateOptions) {
    this.#host = host;
    this.#options = options;
    host.addController(this);
  }

  hostConnected(): void {}

  /** The gate while the charter is asked (or could not be read); the held dialog in any case. */
  render(gated: boolean, error: RelaisErrorInfo | undefined, headingLevel: number): TemplateResult {
    const t = this.#options.strings();
    const gate = !gated
      ? nothing
      : error
        ? html`<div part="gate" class="gate failed">${renderLoadError(t, error, this.#options.retry)}</div>`
        : html`<div part="gate" class="gate">
            <p>${charterIcon()}<span>${t.shareNeedsCharter}</span></p>
            <button part="charter-button" class="primary" @click=${this.#open}>${t.charterRead}</button>
          </div>`;
    return html`${gate}${this.#holdsDialog ? this.#renderDialog(headingLevel) : nothing}`;
  }

  #renderDialog(headingLevel: number): TemplateResult {
    const tag = unsafeStatic(this.#options.bannerTag());
    return staticHtml`<${tag} part="charter" mode="dialog" max-snoozes="0" heading-level=${headingLevel} theme=${ifDefined(this.#options.theme())}></${tag}>`;
  }

  /** Where the keyboard goes when the charter closes: back on this button, or on the share action once unlocked. */
  #returnTo = (): HTMLElement | null | undefined =>
    this.#host.shadowRoot?.querySelector<HTMLElement>('[part~="charter-button"]') ?? this.#options.shareControl();

  #open = async (): Promise<void> => {
    const client = this.#options.client();
    if (!client || charterFlowOf(client).request(this.#returnTo)) return;
    // No banner on the page: this card holds the charter's dialog, and offers it to the others.
    // The banner's code comes now, for a viewer asked to acknowledge (a card that is not locked never loads it).
    await defineBanner(this.#options.bannerTag());
    this.#holdsDialog = true;
    this.#host.requestUpdate();
    await this.#host.updateComplete;
    const banner = this.#host.shadowRoot?.querySelector<CharterFlowElement>('[part~="charter"]');
    await banner?.updateComplete;
    await banner?.showCharter(this.#returnTo);
  };
}
