import type { ReactiveController, ReactiveControllerHost } from 'lit';

type Host = ReactiveControllerHost & HTMLElement;

/**
 * The sticky elements that pad the page's scroll, and the inline `scroll-padding-top` the page
 * had before the first of them: the last one out puts it back. Page-wide by nature.
 */
const owners = new Set<StickyPaddingController>();
let saved: { value: string; priority: string } | undefined;

/**
 * A sticky element covers the top of the viewport: while it does, the page's
 * `scroll-padding-top` keeps focused elements clear of it (WCAG 2.2, 2.4.11), sized to the
 * tallest such element (they stack at the same top).
 */
export class StickyPaddingController implements ReactiveController {
  readonly #host: Host;
  #resizeObserver?: ResizeObserver;

  constructor(host: Host) {
    this.#host = host;
    host.addController(this);
  }

  hostConnected(): void {}

  hostDisconnected(): void {
    this.cover(false);
  }

  /** Whether the element covers the top of the viewport now. */
  cover(covering: boolean): void {
    if (!covering) {
      this.#resizeObserver?.disconnect();
      this.#resizeObserver = undefined;
      this.#release();
      return;
    }
    if (!this.#resizeObserver) {
      this.#resizeObserver = new ResizeObserver(() => this.#apply());
      this.#resizeObserver.observe(this.#host);
    }
    this.#apply();
  }

  #apply(): void {
    const style = document.documentElement.style;
    if (owners.size === 0) saved = { value: style.getPropertyValue('scroll-padding-top'), priority: style.getPropertyPriority('scroll-padding-top') };
    owners.add(this);
    const height = Math.max(...[...owners].map((owner) => Math.ceil(owner.#host.getBoundingClientRect().height)));
    style.setProperty('scroll-padding-top', `${height}px`);
  }

  #release(): void {
    if (!owners.delete(this)) return;
    const [other] = owners;
    if (other) {
      other.#apply();
      return;
    }
    const style = document.documentElement.style;
    if (saved?.value) style.setProperty('scroll-padding-top', saved.value, saved.priority);
    else style.removeProperty('scroll-padding-top');
    saved = undefined;
  }
}
