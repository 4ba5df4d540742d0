import type { ReactiveController, ReactiveControllerHost } from 'lit';
import type { Finding, GuardReport } from '../../src/guard/types.js';
import type { Severity } from '../../src/model/index.js';
import { TextMirror } from './text-mirror.js';

type Host = ReactiveControllerHost & HTMLElement;

/**
 * The in-text highlights: one Custom Highlight per severity, shared by every composer of the page
 * (and by any other copy of Relais: the registry is the page's), each composer adding its own ranges.
 * Measured against `<mark>` elements in the mirror: less script and never a slower frame (bench).
 */
function sharedHighlight(severity: Severity): Highlight | undefined {
  if (typeof CSS === 'undefined' || !('highlights' in CSS) || typeof Highlight !== 'function') return undefined;
  const name = `relais-guard-${severity}`;
  let highlight = CSS.highlights.get(name);
  if (!highlight) CSS.highlights.set(name, (highlight = new Highlight()));
  return highlight;
}

/** The typography and box of the textarea that the mirror must share for its highlights to fall on the text. */
const MIRRORED = [
  'font-family', 'font-size', 'font-weight', 'font-style', 'font-stretch', 'font-variant', 'font-feature-settings', 'font-kerning',
  'font-variation-settings', 'line-height', 'letter-spacing', 'word-spacing', 'text-indent', 'text-transform', 'text-align',
  'tab-size', 'white-space', 'overflow-wrap', 'word-break', 'hyphens', 'direction', 'unicode-bidi', 'writing-mode',
  'padding-top', 'padding-right', 'padding-bottom', 'padding-left',
  'border-top-width', 'border-right-width', 'border-bottom-width', 'border-left-width',
] as const;

/**
 * The draft's textarea (the page's slotted one, or the composer's own) and the mirror behind it
 * that underlines the findings: listens to it, lays the mirror over its text, paints the
 * highlights, selects a passage and applies a fix as if typed.
 */
export class DraftEditor implements ReactiveController {
  readonly #host: Host;
  /** The text was edited in the textarea. */
  readonly #changed: (value: string) => void;
  /** A textarea was taken into use: its value and its own listeners are the element's business. */
  readonly #adopted: (textarea: HTMLTextAreaElement) => void;
  /** A textarea was given up: the element takes its own listeners off it. */
  readonly #released: (textarea: HTMLTextAreaElement) => void;
  #textarea?: HTMLTextAreaElement;
  #resizeObserver?: ResizeObserver;
  #ranges: { highlight: Highlight; range: Range }[] = [];
  #mirrorText?: TextMirror;

  constructor(host: Host, options: { changed: (value: string) => void; adopted: (textarea: HTMLTextAreaElement) => void; released: (textarea: HTMLTextAreaElement) => void }) {
    this.#host = host;
    this.#changed = options.changed;
    this.#adopted = options.adopted;
    this.#released = options.released;
    host.addController(this);
  }

  /** The textarea in use (slotted or own). */
  get textarea(): HTMLTextAreaElement | undefined {
    return this.#textarea;
  }

  hostConnected(): void {}

  hostDisconnected(): void {
    this.adopt(undefined);
    this.clear();
  }

  /** Listens to the textarea in use, and mirrors its box and typography; false when it already was. */
  adopt(textarea: HTMLTextAreaElement | undefined): boolean {
    if (textarea === this.#textarea) return false;
    const previous = this.#textarea;
    if (previous) {
      previous.removeEventListener('input', this.#onInput);
      previous.removeEventListener('scroll', this.#onScroll);
      this.#released(previous);
      this.#resizeObserver?.disconnect();
    }
    this.#textarea = textarea;
    if (!textarea) return true;
    textarea.addEventListener('input', this.#onInput);
    textarea.addEventListener('scroll', this.#onScroll, { passive: true });
    this.#adopted(textarea);
    this.#resizeObserver ??= new ResizeObserver(() => this.#syncMirror());
    this.#resizeObserver.observe(textarea);
    this.#syncMirror();
    void document.fonts?.ready.then(() => this.#syncMirror());
    return true;
  }

  #onInput = (): void => {
    if (this.#textarea) this.#changed(this.#textarea.value);
  };

  #onScroll = (): void => {
    const mirror = this.#mirror();
    if (!mirror || !this.#textarea) return;
    mirror.scrollTop = this.#textarea.scrollTop;
    mirror.scrollLeft = this.#textarea.scrollLeft;
  };

  #mirror(): HTMLElement | null {
    return this.#host.shadowRoot!.querySelector<HTMLElement>('[part~="highlights"]');
  }

  /**
   * Lays the mirror exactly over the textarea's text: same typography, same padding and borders,
   * same width without the scroll bar, same scroll position. Run when the textarea changes size
   * (a resize, a zoom, the page's layout), not at every keystroke.
   */
  #syncMirror(): void {
    const textarea = this.#textarea;
    const mirror = this.#mirror();
    if (!textarea || !mirror || !textarea.isConnected) return;
    const style = getComputedStyle(textarea);
    for (const name of MIRRORED) mirror.style.setProperty(name, style.getPropertyValue(name));
    const box = textarea.getBoundingClientRect();
    const editor = mirror.parentElement!.getBoundingClientRect();
    const borders = (a: string, b: string) => parseFloat(style.getPropertyValue(a)) + parseFloat(style.getPropertyValue(b));
    mirror.style.left = `${box.left - editor.left}px`;
    mirror.style.top = `${box.top - editor.top}px`;
    // The client box leaves out the scroll bar: the mirror's lines wrap where the textarea's do.
    mirror.style.width = `${textarea.clientWidth + borders('border-left-width', 'border-right-width')}px`;
    mirror.style.height = `${textarea.clientHeight + borders('border-top-width', 'border-bottom-width')}px`;
    this.#onScroll();
  }

  clear(): void {
    for (const { highlight, range } of this.#ranges) highlight.delete(range);
    this.#ranges = [];
  }

  /** Underlines every finding's passage in the mirror (the textarea's text cannot be styled). */
  paint(text: string, report: GuardReport | undefined): void {
    const mirror = this.#mirror();
    if (!mirror) return;
    this.clear();
    this.#mirrorText ??= new TextMirror(mirror);
    this.#mirrorText.setText(text);
    for (const finding of report?.findings ?? []) {
      if (finding.end <= finding.start || finding.end > text.length) continue;
      const highlight = sharedHighlight(finding.severity);
      const range = highlight && this.#rangeOf(finding.start, finding.end);
      if (!highlight || !range) continue;
      highlight.add(range);
      this.#ranges.push({ highlight, range });
    }
  }

  /** The passage of a finding as a Range over the mirror (for tests, and to scroll it into view). */
  #rangeOf(start: number, end: number): Range | undefined {
    return this.#mirrorText?.range(start, end);
  }

  /** Selects a finding's passage in the textarea and scrolls it into view. */
  select(finding: Finding): void {
    const textarea = this.#textarea;
    if (!textarea || finding.end > textarea.value.length) return;
    textarea.focus({ preventScroll: true });
    textarea.setSelectionRange(finding.start, finding.end);
    this.#reveal(finding.start, finding.end);
  }

  /** Scrolls the textarea (and the page, if needed) so that the passage is in view. */
  #reveal(start: number, end: number): void {
    const textarea = this.#textarea;
    const mirror = this.#mirror();
    const rect = this.#rangeOf(start, end)?.getClientRects()[0];
    if (textarea && mirror && rect) {
      const top = rect.top - mirror.getBoundingClientRect().top - mirror.clientTop + mirror.scrollTop;
      if (top < textarea.scrollTop || top + rect.height > textarea.scrollTop + textarea.clientHeight) {
        textarea.scrollTop = Math.max(0, top - textarea.clientHeight / 3);
        this.#onScroll();
      }
    }
    textarea?.scrollIntoView({ block: 'nearest', inline: 'nearest' });
  }

  /**
   * Applies a planned fix as if typed: `execCommand('insertText')` puts it on the textarea's own
   * undo stack (Ctrl+Z takes it back) and leaves the caret after it. Where a browser refuses,
   * `setRangeText` does the replacement (without an undo step). Exactly the planned text: the
   * textarea then holds `plan.text`.
   */
  fix(plan: { start: number; end: number; replacement: string }, checked: string): void {
    const textarea = this.#textarea;
    // The plan is about the text as it was checked: never replace a passage that has moved since.
    if (!textarea || textarea.value !== checked) return;
    const { start, end, replacement } = plan;
    textarea.focus({ preventScroll: true });
    textarea.setSelectionRange(start, end);
    let inserted: boolean;
    try {
      // An empty insertText is refused by some browsers; a removal is a delete.
      inserted = replacement === '' ? document.execCommand('delete', false) : document.execCommand('insertText', false, replacement);
    } catch {
      inserted = false;
    }
    const expected = checked.slice(0, start) + replacement + checked.slice(end);
    if (!inserted || textarea.value !== expected) {
      textarea.value = checked;
      textarea.setRangeText(replacement, start, end, 'end');
      textarea.dispatchEvent(new Event('input', { bubbles: true }));
    }
    this.#reveal(textarea.selectionStart, textarea.selectionEnd);
  }
}
