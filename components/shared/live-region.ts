import { html, type ReactiveController, type ReactiveControllerHost, type TemplateResult } from 'lit';
import { ifDefined } from 'lit/directives/if-defined.js';

type Host = ReactiveControllerHost & HTMLElement;

/** After the next frame has rendered; after 100 ms in a background tab, which renders none. */
export function afterNextPaint(): Promise<void> {
  return new Promise((resolve) => {
    const fallback = setTimeout(resolve, 100);
    requestAnimationFrame(() =>
      setTimeout(() => {
        clearTimeout(fallback);
        resolve();
      }),
    );
  });
}

/**
 * A polite live region for what changes after the viewer acts ("Thank you", "We will remind
 * you on …"). Its element always exists, so that text set later is announced; it can also take
 * the keyboard (`tabindex="-1"`) when the control that had it is gone, and is then not live (a
 * screen reader reads the focused text, and would read it twice if it were live as well).
 *
 * Render it with {@link render}; say things with {@link announce} or {@link sayFocused}.
 */
export class LiveRegionController implements ReactiveController {
  readonly #host: Host;
  readonly #part: string;
  readonly #hidden: boolean;
  #text = '';
  #live = true;
  /** Bumped by each message, so that a delayed one never overwrites a newer one. */
  #messages = 0;

  /**
   * @param part the part name of the region, for `::part()` styling
   * @param options `hidden`: read by screen readers only (the element shows the same news otherwise)
   */
  constructor(host: Host, part: string, options: { hidden?: boolean } = {}) {
    this.#host = host;
    this.#part = part;
    this.#hidden = options.hidden ?? false;
    host.addController(this);
  }

  hostConnected(): void {}

  /** What the region says now. */
  get text(): string {
    return this.#text;
  }

  render(): TemplateResult {
    return html`<div part=${this.#part} class=${ifDefined(this.#hidden ? 'sr-only' : undefined)} role=${ifDefined(this.#live ? 'status' : undefined)} aria-live=${this.#live ? 'polite' : 'off'} tabindex="-1">${this.#text}</div>`;
  }

  /** Starts a message: returns a check that says whether it is still the newest. */
  begin(): () => boolean {
    const token = ++this.#messages;
    return () => token === this.#messages;
  }

  /**
   * Says `text` politely. A region is announced when its text changes, and only if it was live
   * before: a region that holds text (or was not live) is first emptied and left empty for a
   * frame, so that the same words twice are announced twice.
   */
  async announce(text: string, isCurrent: () => boolean = this.begin()): Promise<void> {
    if (this.#text || !this.#live) {
      this.#set('', true);
      await this.#host.updateComplete;
      await afterNextPaint();
      if (!isCurrent()) return;
    }
    this.#set(text, true);
  }

  /** Shows `text` as the focused element: read once, as focused text. */
  async sayFocused(text: string): Promise<void> {
    this.#set(text, false);
    await this.#host.updateComplete;
    this.#host.shadowRoot?.querySelector<HTMLElement>(`[part~="${this.#part}"]`)?.focus();
  }

  /** Empties the region (what it said is stale). */
  clear(): void {
    this.#messages++;
    this.#set('', true);
  }

  #set(text: string, live: boolean): void {
    if (text === this.#text && live === this.#live) return;
    this.#text = text;
    this.#live = live;
    this.#host.requestUpdate();
  }
}
