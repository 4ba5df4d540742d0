import type { ReactiveController, ReactiveControllerHost } from 'lit';
import type { LiveRegionController } from './live-region.js';

type Host = ReactiveControllerHost & HTMLElement;

/** The focused element, looking into open shadow roots (a host page built of web components). */
export function deepActiveElement(): HTMLElement | undefined {
  let active = document.activeElement;
  while (active?.shadowRoot?.activeElement) active = active.shadowRoot.activeElement;
  return active instanceof HTMLElement ? active : undefined;
}

/** The keyboard is on one of the element's controls. */
export function hasFocus(host: HTMLElement): boolean {
  return !!host.shadowRoot?.activeElement;
}

/** Keeps the keyboard at the element's place in the page while its content changes. */
export function holdAtHost(host: HTMLElement): void {
  if (!host.hasAttribute('tabindex')) {
    host.setAttribute('tabindex', '-1');
    host.addEventListener('blur', () => host.removeAttribute('tabindex'), { once: true });
  }
  host.focus();
}

/**
 * Where the keyboard is, and where it goes when what had it disappears: an element's content
 * changes under the viewer's hands (a banner collapses, a card gives way to a confirmation), and
 * the keyboard must never restart from the top of the page, nor be taken from elsewhere in it.
 */
export class FocusController implements ReactiveController {
  readonly #host: Host;
  /** Where the page's keyboard was when a modal of ours opened by itself. */
  #remembered?: HTMLElement;

  constructor(host: Host) {
    this.#host = host;
    host.addController(this);
  }

  hostConnected(): void {}

  /** The keyboard is on one of the element's controls. */
  hasFocus(): boolean {
    return hasFocus(this.#host);
  }

  /** The keyboard is on one of our controls, or nowhere (a click that does not focus, as in Safari). */
  mayTakeFocus(): boolean {
    const active = document.activeElement;
    return this.hasFocus() || !active || active === document.body;
  }

  /** The focused element was removed, or hidden in a closed dialog (<body> gets it next): the keyboard would restart from the top. */
  lost(): boolean {
    const inside = this.#host.shadowRoot?.activeElement;
    if (inside) return !!inside.closest('dialog:not([open])');
    const active = document.activeElement;
    return !active || active === document.body;
  }

  /** Remembers where the page's keyboard is (before a modal of ours opens by itself). */
  rememberPageFocus(): void {
    const active = deepActiveElement();
    this.#remembered = active && active !== document.body ? active : undefined;
  }

  /** The remembered page control, once, if it is still in the page. */
  takeRememberedFocus(): HTMLElement | undefined {
    const remembered = this.#remembered;
    this.#remembered = undefined;
    return remembered?.isConnected ? remembered : undefined;
  }

  /** Keeps the keyboard at the element's place in the page while its content changes. */
  holdAtHost(): void {
    holdAtHost(this.#host);
  }

  /**
   * Confirms what the viewer did once the change it caused has rendered. When that change left
   * the keyboard nowhere (a strip collapsed, a card gave way, a modal closed), it goes to
   * `focusTarget` (a selector in the element, or a function that finds the control elsewhere in
   * the page), else back to where it was before a modal, else to the confirmation itself;
   * otherwise the confirmation is announced politely. `mayTakeFocus`: the keyboard was ours or
   * nowhere when the viewer acted (never take it from elsewhere in the page).
   */
  async confirm(live: LiveRegionController, text: string, mayTakeFocus: boolean, focusTarget?: string | (() => HTMLElement | null | undefined)): Promise<void> {
    const isCurrent = live.begin();
    if (mayTakeFocus) {
      await this.#host.updateComplete;
      if (!isCurrent()) return;
    }
    if (mayTakeFocus && this.lost()) {
      const found = typeof focusTarget === 'function' ? focusTarget() : focusTarget ? this.#host.shadowRoot?.querySelector<HTMLElement>(focusTarget) : undefined;
      const target = (found?.isConnected ? found : undefined) || this.takeRememberedFocus();
      if (!target) return live.sayFocused(text);
      target.focus();
    }
    await live.announce(text, isCurrent);
  }
}
