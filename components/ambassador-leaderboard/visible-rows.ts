import type { ReactiveController, ReactiveControllerHost } from 'lit';

/** The rows of a long table to render now, and the room the others take. */
export interface RowWindow {
  start: number;
  end: number;
  /** Pixels above the first rendered row and below the last, kept by spacer rows. */
  before: number;
  after: number;
  /** False when every row is rendered (a short table). */
  windowed: boolean;
}

/**
 * Renders only the rows of a long table that are in view (and a few around them), so that a
 * board of 10,000 people renders as fast as one of 30. A short table (up to `threshold` rows)
 * is rendered whole, so that find-in-page and a screen reader's table navigation reach every
 * row; a long one scrolls in its own region, which the keyboard scrolls (arrows, Page Down,
 * End) and which renders each row as it comes into view.
 *
 * Rows have one height (the styles fix it in windowed mode); it is measured from the first
 * rendered row. A hand-written window rather than `@lit-labs/virtualizer`: the virtualizer lays
 * out its children itself (absolute positions), which takes rows out of the table's layout and
 * its semantics; spacer rows keep a real `<table>`.
 */
export class VisibleRows implements ReactiveController {
  readonly #host: ReactiveControllerHost & HTMLElement;
  readonly #threshold: number;
  readonly #overscan: number;
  #rowHeight = 48;
  #viewport = 480;
  #scrollTop = 0;
  #last?: RowWindow;
  #count = 0;
  #measured = false;

  constructor(host: ReactiveControllerHost & HTMLElement, { threshold = 100, overscan = 4 } = {}) {
    this.#host = host;
    this.#threshold = threshold;
    this.#overscan = overscan;
    host.addController(this);
  }

  hostConnected(): void {}

  /** The window for `count` rows at the current scroll position. */
  range(count: number): RowWindow {
    this.#count = count;
    if (count <= this.#threshold) return (this.#last = { start: 0, end: count, before: 0, after: 0, windowed: false });
    const first = Math.floor(this.#scrollTop / this.#rowHeight);
    const visible = Math.ceil(this.#viewport / this.#rowHeight);
    const start = Math.max(0, Math.min(count, first - this.#overscan));
    const end = Math.min(count, first + visible + this.#overscan);
    return (this.#last = { start, end, before: start * this.#rowHeight, after: (count - end) * this.#rowHeight, windowed: true });
  }

  /** The scroller's `scroll` listener: renders again only when other rows come into view. */
  readonly onScroll = (event: Event): void => {
    const scroller = event.currentTarget as HTMLElement;
    this.#measure(scroller);
    const last = this.#last;
    if (!last?.windowed) return;
    const first = Math.floor(this.#scrollTop / this.#rowHeight);
    const visible = Math.ceil(this.#viewport / this.#rowHeight);
    // Half the overscan still rendered on both sides: nothing new to render yet.
    const needStart = Math.max(0, first - this.#overscan / 2);
    const needEnd = Math.min(this.#count, first + visible + this.#overscan / 2);
    if (needStart >= last.start && needEnd <= last.end) return;
    this.#host.requestUpdate();
  };

  hostUpdated(): void {
    // Spacer heights through the CSSOM, not a style attribute, which a page's CSP may refuse.
    // Only when it changed: a reading that moves no row leaves the spacers' style untouched.
    for (const cell of this.#host.shadowRoot?.querySelectorAll<HTMLElement>('td[data-height]') ?? []) {
      const height = `${cell.dataset['height']}px`;
      if (cell.style.height !== height) cell.style.height = height;
    }
    // Measured once: reading sizes after every update would force a layout each time.
    if (!this.#last?.windowed || this.#measured) return;
    const scroller = this.#host.shadowRoot?.querySelector<HTMLElement>('[data-scroller]');
    if (!scroller) return;
    const before = this.#rowHeight;
    this.#measure(scroller);
    this.#measured = scroller.querySelectorAll('tbody tr[data-row]').length >= 3;
    // The first reading of the row height or of the viewport: render the right window once.
    if (before !== this.#rowHeight) this.#host.requestUpdate();
  }

  #measure(scroller: HTMLElement): void {
    this.#scrollTop = scroller.scrollTop;
    this.#viewport = scroller.clientHeight || this.#viewport;
    // The pitch from the second row to the last: the first shares its collapsed border with
    // the spacer above it and is half a pixel shorter, which over 10,000 rows would add up.
    const rows = scroller.querySelectorAll<HTMLElement>('tbody tr[data-row]');
    if (rows.length < 3) return;
    const height = (rows[rows.length - 1]!.getBoundingClientRect().bottom - rows[1]!.getBoundingClientRect().top) / (rows.length - 1);
    if (Math.abs(height - this.#rowHeight) > 0.01) this.#rowHeight = height;
  }
}
