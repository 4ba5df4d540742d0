import { html, LitElement, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { property } from 'lit/decorators.js';
import { guard } from 'lit/directives/guard.js';
import type { RelaisClient } from '../../src/client/client.js';
import { postComposer, shouldAnnounce, type ComposerSummary, type ComposerView, type PostComposer } from '../../src/post-composer-guard/composer.js';
import { ClientController } from '../../src/context/index.js';
import { emit } from '../../src/events/index.js';
import type { Finding, GuardReport } from '../../src/guard/types.js';
import { LocaleController } from '../../src/i18n/locale-controller.js';
import { NETWORKS, type Network, type Severity } from '../../src/model/index.js';
import { CustomStatesController } from '../shared/custom-states.js';
import { defineElement } from '../shared/define.js';
import { blockIcon, checkIcon, infoIcon, lockIcon, warnIcon } from '../shared/icons.js';
import { ErrorReporter } from '../shared/error-reporter.js';
import { LiveRegionController } from '../shared/live-region.js';
import { missingClientState, renderLoadError, renderLoading, renderNotConfigured, type MissingClientView } from '../shared/status.js';
import { postComposerGuardStyles } from './post-composer-guard.styles.js';
import { TextMirror } from './text-mirror.js';

/** What the element shows: the verdict of the draft, or `loading`, `error`, `not-configured`. */
export type PostComposerGuardState = 'loading' | 'error' | 'not-configured' | 'pass' | 'warn' | 'block';

/** `enforce`: a blocking finding stops the enclosing form; `advisory`: it never does. */
export type PostComposerGuardMode = 'enforce' | 'advisory';

type GuardView = ComposerView | MissingClientView;

const STATES: readonly PostComposerGuardState[] = ['loading', 'error', 'not-configured', 'pass', 'warn', 'block'];
const NETWORK_SET: ReadonlySet<string> = new Set(NETWORKS);

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

/** One icon per severity and verdict, and the privacy note's (the kit's Lucide icons). */
const ICONS = { block: blockIcon, warn: warnIcon, info: infoIcon, pass: checkIcon, lock: lockIcon };
const icon = (name: keyof typeof ICONS) => ICONS[name]();

/** The typography and box of the textarea that the mirror must share for its highlights to fall on the text. */
const MIRRORED = [
  'font-family', 'font-size', 'font-weight', 'font-style', 'font-stretch', 'font-variant', 'font-feature-settings', 'font-kerning',
  'font-variation-settings', 'line-height', 'letter-spacing', 'word-spacing', 'text-indent', 'text-transform', 'text-align',
  'tab-size', 'white-space', 'overflow-wrap', 'word-break', 'hyphens', 'direction', 'unicode-bidi', 'writing-mode',
  'padding-top', 'padding-right', 'padding-bottom', 'padding-left',
  'border-top-width', 'border-right-width', 'border-bottom-width', 'border-left-width',
] as const;

/**
 * A charter-aware composer: checks a draft post on every keystroke, in the browser, against the
 * company's guard policy; underlines each finding in the text, explains it, offers a one-click fix
 * (undone with Ctrl+Z), counts the length as the network does, and keeps an enclosing form from
 * being sent while a blocking finding remains. The text never leaves the page.
 *
 * Wraps the page's own `<textarea>` (its form, name, value and label stay the page's), or renders
 * a labelled one of its own, form-associated (value, `required`, validity; `FormData` carries it
 * under the element's `name`).
 *
 * @summary Checks a draft post against the charter as it is typed, and helps fix it.
 * @tagname post-composer-guard
 *
 * @fires {RelaisGuardDetail} relais-guard - The draft was checked and the report changed; `detail.report`.
 * @fires {RelaisErrorDetail} relais-error - The policy could not be loaded or compiled; `detail.code`, `detail.message`, `detail.field`.
 *
 * @slot - Optional: the page's own `<textarea>`, kept as it is; without one the element renders its own.
 *
 * @cssstate loading - The guard policy is being read (the text can be typed already).
 * @cssstate error - The policy could not be read or compiled; a message and "Try again" are shown.
 * @cssstate not-configured - No client was configured for the element.
 * @cssstate pass - The draft follows the charter.
 * @cssstate warn - The draft has passages to review.
 * @cssstate block - The draft has blocking passages.
 *
 * @csspart label - The label of the element's own textarea.
 * @csspart textarea - The element's own textarea (not the page's slotted one).
 * @csspart highlights - The mirror behind the text that draws the underlines.
 * @csspart networks - The network picker (with `networks`).
 * @csspart counter - The length counter, as the network counts.
 * @csspart summary - The verdict and the number of findings.
 * @csspart findings - The list of findings.
 * @csspart finding - One finding.
 * @csspart show-button - Selects a finding's passage in the text.
 * @csspart fix-button - Replaces a finding's passage with its suggestion.
 * @csspart privacy-note - Says that the check runs on this device.
 * @csspart announcement - The polite live region for changes of verdict.
 * @csspart status - The loading and "not configured" messages.
 * @csspart error - An error message.
 * @csspart retry-button - Loads the policy again after an error.
 *
 * @cssprop --relais-color-text - Text colour.
 * @cssprop --relais-color-muted - Secondary text colour.
 * @cssprop --relais-color-surface - Background of the text field and of the findings.
 * @cssprop --relais-color-accent - Buttons, links and the selected network.
 * @cssprop --relais-color-on-accent - Text on the accent colour.
 * @cssprop --relais-color-border - Borders.
 * @cssprop --relais-color-error - Error messages.
 * @cssprop --relais-color-block - Underline, icon and counter of blocking findings.
 * @cssprop --relais-color-warn - Underline, icon and counter of warnings.
 * @cssprop --relais-color-info - Underline and icon of notes.
 * @cssprop --relais-radius - Corner radius.
 * @cssprop --relais-spacing - The base spacing unit.
 * @cssprop --relais-focus-ring - The `outline` of the focused control.
 */
export class PostComposerGuardElement extends LitElement {
  static override styles = postComposerGuardStyles;
  static formAssociated = true;

  /** Registers the element, by default as `<post-composer-guard>`; never throws when the tag is taken. */
  static define(tag = 'post-composer-guard', registry: CustomElementRegistry = customElements): void {
    defineElement(tag, this, registry);
  }

  /**
   * The network the post is for: its length is counted as that network counts it.
   * @type {'linkedin' | 'x' | 'mastodon' | 'bluesky' | 'threads' | 'facebook' | 'whatsapp' | 'telegram' | 'teams' | 'email' | 'copy' | 'native'}
   */
  @property({ reflect: true, attribute: 'network' }) network: Network = 'linkedin';

  /** Networks to choose from, space-separated (`linkedin x mastodon`): shows a network picker. */
  @property({ attribute: 'networks' }) networks = '';

  /** The label of the element's own textarea; a localized "Your post" by default. */
  @property({ attribute: 'label' }) label = '';

  /** The text of the draft, whichever textarea holds it. The `value` attribute is the initial text. */
  @property({ attribute: 'value' }) value = '';

  /**
   * `enforce`: a blocking finding keeps the enclosing form from being sent; `advisory`: never.
   * @type {'enforce' | 'advisory'}
   */
  @property({ reflect: true, attribute: 'mode' }) mode: PostComposerGuardMode = 'enforce';

  /** The element's own textarea must not be empty for the form to be sent. */
  @property({ type: Boolean, reflect: true, attribute: 'required' }) required = false;

  /** Visible lines of the element's own textarea. */
  @property({ type: Number, attribute: 'rows' }) rows = 6;

  /** The form field name of the element's own textarea, under which `FormData` carries the text. */
  @property({ reflect: true, attribute: 'name' }) name = '';

  /**
   * Forces a colour scheme; by default the reader's `prefers-color-scheme`.
   * @type {'light' | 'dark' | undefined}
   */
  @property({ reflect: true, attribute: 'theme' }) theme?: 'light' | 'dark';

  /** The last report of the guard on the draft; `undefined` until the policy has loaded. */
  get report(): GuardReport | undefined {
    return this.#report;
  }

  /** What the element currently shows (also exposed to CSS as `:state(…)`). */
  get state(): PostComposerGuardState {
    return stateOf(this.#view);
  }

  /** The form the draft belongs to, if any. */
  get form(): HTMLFormElement | null {
    return this.#slotted ? this.#slotted.form : this.#internals.form;
  }

  readonly #internals = this.attachInternals();
  readonly #states = new CustomStatesController(this, STATES, this.#internals);
  readonly #l10n = new LocaleController(this);
  readonly #clients = new ClientController(this);
  readonly #errors = new ErrorReporter(this);
  readonly #live = new LiveRegionController(this, 'announcement', { hidden: true });
  readonly #composers = new WeakMap<RelaisClient, PostComposer>();
  readonly #composerView = this.#clients.bind((client) => this.#composerOf(client).$view);
  #view: GuardView = { state: 'loading' };
  #report?: GuardReport;
  #announced?: ComposerSummary;
  /** The page's own textarea, when one is slotted. */
  #slotted?: HTMLTextAreaElement;
  /** The textarea in use (slotted or own), with its listeners. */
  #textarea?: HTMLTextAreaElement;
  #form?: HTMLFormElement | null;
  #resizeObserver?: ResizeObserver;
  #ranges: { highlight: Highlight; range: Range }[] = [];
  #mirrorText?: TextMirror;

  constructor() {
    super();
    // A form-associated element gets the `invalid` event of its own textarea's validity.
    this.addEventListener('invalid', this.#onInvalid);
  }

  override connectedCallback(): void {
    // Decided before the first render, so that a page's textarea never flashes a second one.
    this.#slotted = this.#findSlotted();
    super.connectedCallback();
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.#adopt(undefined);
    this.#clearHighlights();
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('mode') && this.mode !== 'advisory') this.mode = 'enforce';
    const choices = this.#networkChoices();
    if (choices.length && !choices.includes(this.network)) this.network = choices[0]!;
    if (!NETWORK_SET.has(this.network)) this.network = 'linkedin';
    const client = this.#clients.client;
    if (client) {
      const composer = this.#composerOf(client);
      composer.setNetwork(this.network);
      composer.setLocale(this.#l10n.locale);
      composer.setText(this.value);
    }
    this.#view = missingClientState(this.#clients) ?? this.#composerView.value ?? { state: 'loading' };
  }

  protected override render() {
    const { t } = this.#l10n;
    const view = this.#view;
    const own = !this.#slotted;
    return html`
      ${this.#renderNetworks()}
      ${own ? html`<label part="label" for="text">${this.label || t.guardTextLabel}</label>` : nothing}
      <div class="editor">
        <slot @slotchange=${this.#onSlotChange}></slot>
        ${own
          ? html`<textarea
              id="text"
              part="textarea"
              rows=${this.rows}
              spellcheck="true"
              dir="auto"
              ?required=${this.required}
              aria-describedby="counter privacy"
            ></textarea>`
          : nothing}
        <div part="highlights" aria-hidden="true"></div>
      </div>
      ${view.state === 'ready' ? this.#renderCounter(view) : nothing}
      <div class="report">${this.#renderReport(view)}</div>
      <p part="privacy-note" id="privacy">${icon('lock')}<span>${t.guardPrivacyNote}</span></p>
      ${this.#live.render()}
    `;
  }

  protected override updated(changed: PropertyValues<this>): void {
    const view = this.#view;
    this.#states.set(stateOf(view));
    this.#errors.shown(view.state === 'error' || view.state === 'not-configured' ? view.error : undefined);
    this.#adopt(this.#slotted ?? this.renderRoot.querySelector<HTMLTextAreaElement>('textarea#text') ?? undefined);
    const textarea = this.#textarea;
    if (textarea && changed.has('value') && textarea.value !== this.value) textarea.value = this.value;
    const report = view.state === 'ready' ? view.report : undefined;
    if (report !== this.#report) {
      this.#report = report;
      this.#paintHighlights(view.state === 'ready' ? view.text : '', report);
      if (report && view.state === 'ready') {
        emit(this, 'relais-guard', { report });
        if (shouldAnnounce(this.#announced, view.summary)) void this.#live.announce(this.#summaryText(view.summary));
        this.#announced = view.summary;
      }
    }
    this.#syncForm();
  }

  // ---- Form association ----

  /** The form's reset button: back to the initial text. */
  formResetCallback(): void {
    this.value = this.getAttribute('value') ?? '';
  }

  /** The browser restores the draft (back navigation, autofill). */
  formStateRestoreCallback(state: string | File | FormData | null): void {
    if (typeof state === 'string') this.value = state;
  }

  /** The draft may not be sent as it is (a blocking finding while enforcing). */
  #blocking(): boolean {
    return this.mode === 'enforce' && this.#report?.verdict === 'block';
  }

  #syncForm(): void {
    const { t } = this.#l10n;
    const blocked = this.#blocking();
    const own = !this.#slotted;
    this.#internals.setFormValue(own ? this.value : null);
    if (own) {
      const anchor = this.#textarea;
      if (blocked) this.#internals.setValidity({ customError: true }, t.guardSubmitBlocked, anchor);
      else if (this.required && !this.value) this.#internals.setValidity({ valueMissing: true }, t.guardValueMissing, anchor);
      else this.#internals.setValidity({});
    } else {
      this.#internals.setValidity({});
      this.#slotted!.setCustomValidity(blocked ? t.guardSubmitBlocked : '');
    }
    const form = this.form;
    if (form !== this.#form) {
      this.#form?.removeEventListener('submit', this.#onSubmit, { capture: true });
      this.#form = form;
      form?.addEventListener('submit', this.#onSubmit, { capture: true });
    }
  }

  /** A form that skips validation (`novalidate`) is still not sent while a blocking finding remains. */
  #onSubmit = (event: Event): void => {
    if (!this.#blocking()) return;
    event.preventDefault();
    // The page's own submit handlers (an AJAX send) must not run either.
    event.stopImmediatePropagation();
    this.#focusFindings();
  };

  /** The browser refused to send the form: our findings explain why, better than a tooltip. */
  #onInvalid = (event: Event): void => {
    if (!this.#blocking()) return;
    event.preventDefault();
    this.#focusFindings();
  };

  #focusFindings(): void {
    this.renderRoot.querySelector<HTMLElement>('[part~="findings"]')?.focus();
  }

  // ---- The textarea ----

  #findSlotted(): HTMLTextAreaElement | undefined {
    for (const child of this.children) {
      if (child instanceof HTMLTextAreaElement) return child;
      const nested = child.querySelector('textarea');
      if (nested) return nested;
    }
    return undefined;
  }

  #onSlotChange = (): void => {
    const slotted = this.#findSlotted();
    if (slotted === this.#slotted) return;
    this.#slotted = slotted;
    if (slotted?.value) this.value = slotted.value;
    this.requestUpdate();
  };

  /** Listens to the textarea in use, and mirrors its box and typography. */
  #adopt(textarea: HTMLTextAreaElement | undefined): void {
    if (textarea === this.#textarea) return;
    const previous = this.#textarea;
    if (previous) {
      previous.removeEventListener('input', this.#onInput);
      previous.removeEventListener('scroll', this.#onScroll);
      previous.removeEventListener('invalid', this.#onInvalid);
      this.#resizeObserver?.disconnect();
    }
    this.#textarea = textarea;
    if (!textarea) return;
    textarea.addEventListener('input', this.#onInput);
    textarea.addEventListener('scroll', this.#onScroll, { passive: true });
    if (textarea === this.#slotted) {
      textarea.addEventListener('invalid', this.#onInvalid);
      if (textarea.value) this.value = textarea.value;
      else if (this.value) textarea.value = this.value;
    } else {
      textarea.value = this.value;
    }
    this.#resizeObserver ??= new ResizeObserver(() => this.#syncMirror());
    this.#resizeObserver.observe(textarea);
    this.#syncMirror();
    void document.fonts?.ready.then(() => this.#syncMirror());
  }

  #onInput = (): void => {
    if (this.#textarea) this.value = this.#textarea.value;
  };

  #onScroll = (): void => {
    const mirror = this.#mirror();
    if (!mirror || !this.#textarea) return;
    mirror.scrollTop = this.#textarea.scrollTop;
    mirror.scrollLeft = this.#textarea.scrollLeft;
  };

  #mirror(): HTMLElement | null {
    return this.renderRoot.querySelector<HTMLElement>('[part~="highlights"]');
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

  // ---- Highlights ----

  #clearHighlights(): void {
    for (const { highlight, range } of this.#ranges) highlight.delete(range);
    this.#ranges = [];
  }

  /** Underlines every finding's passage in the mirror (the textarea's text cannot be styled). */
  #paintHighlights(text: string, report: GuardReport | undefined): void {
    const mirror = this.#mirror();
    if (!mirror) return;
    this.#clearHighlights();
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

  // ---- Rendering ----

  #networkChoices(): Network[] {
    return [...new Set(this.networks.split(/\s+/).filter((name) => NETWORK_SET.has(name)))] as Network[];
  }

  #renderNetworks(): TemplateResult | typeof nothing {
    const choices = this.#networkChoices();
    if (choices.length < 2) return nothing;
    const { t } = this.#l10n;
    return html`<fieldset part="networks">
      <legend>${t.guardNetworkLabel}</legend>
      ${choices.map(
        (network) =>
          html`<label class="network"><input type="radio" name="network" .value=${network} .checked=${network === this.network} @change=${this.#onNetworkChange} /><span
              >${t.networkName(network)}</span
            ></label>`,
      )}
    </fieldset>`;
  }

  #renderCounter(view: Extract<ComposerView, { state: 'ready' }>): TemplateResult | typeof nothing {
    const length = view.report.length;
    if (!length) return nothing;
    const { t } = this.#l10n;
    const used = this.#l10n.number(length.used);
    const limit = this.#l10n.number(length.limit);
    const left = length.limit - length.used;
    const note =
      view.counter === 'over'
        ? t.guardOverLimit(-left, this.#l10n.number(-left))
        : view.counter === 'near'
          ? t.guardCharactersLeft(left, this.#l10n.number(left))
          : '';
    const level = view.counter ?? 'ok';
    return html`<p part="counter" id="counter" class=${level}>
      ${level === 'over' ? icon('block') : level === 'near' ? icon('warn') : nothing}
      <span class="sr-only">${t.networkName(length.network)}, ${t.guardCounterLabel(used, limit)}${note ? `, ${note}` : ''}</span>
      <span aria-hidden="true"><span class="counter-figures">${t.networkName(length.network)} ${t.guardCounter(used, limit)}</span>${note
          ? html`<span class="counter-note">${note}</span>`
          : nothing}</span>
    </p>`;
  }

  #renderReport(view: GuardView): TemplateResult | typeof nothing {
    const { t } = this.#l10n;
    switch (view.state) {
      case 'loading':
        return renderLoading(t);
      case 'not-configured':
        return renderNotConfigured(t);
      case 'error':
        return renderLoadError(t, view.error, this.#retry);
      case 'ready': {
        const { summary, report } = view;
        const findings = report.findings;
        return html`<p part="summary" class=${summary.verdict}>
            ${icon(summary.verdict === 'pass' ? 'pass' : summary.verdict)}<span>${this.#summaryText(summary)}</span>
          </p>
          ${findings.length
            ? html`<section part="findings" tabindex="-1" aria-label=${t.guardFindingsHeading}>
                <ul>
                  ${findings.map((finding, index) =>
                    // A keystroke moves the findings after the caret but rarely changes what they
                    // say: an unchanged finding is not rendered again (half of a keystroke's cost
                    // with 20 findings, \`npm run bench composer\`). The buttons find their finding
                    // by index in the current report when clicked.
                    guard([finding.severity, finding.message, finding.excerpt, finding.suggestion, finding.end > finding.start, index, this.#l10n.locale], () =>
                      this.#renderFinding(finding, index),
                    ),
                  )}
                </ul>
                ${report.omitted ? html`<p class="omitted">${t.guardMoreFindings(report.omitted, this.#l10n.number(report.omitted))}</p>` : nothing}
              </section>`
            : nothing}`;
      }
    }
  }

  #renderFinding(finding: Finding, index: number): TemplateResult {
    const { t } = this.#l10n;
    const passage = finding.end > finding.start;
    return html`<li part="finding" class=${finding.severity} data-index=${index}>
      <p class="finding-head">${icon(finding.severity)}<span class="severity">${t.severityName(finding.severity)}</span></p>
      <p class="message" dir="auto">${finding.message}</p>
      ${passage || finding.suggestion !== undefined
        ? html`<div class="finding-actions">
            ${passage
              ? html`<button part="show-button" class="excerpt" aria-label=${t.guardShowPassage(finding.excerpt)} @click=${this.#onShowPassage}>
                  <bdi class="data">${finding.excerpt}</bdi>
                </button>`
              : nothing}
            ${finding.suggestion !== undefined
              ? html`<button part="fix-button" @click=${this.#onFix}>${t.guardReplaceWith(finding.suggestion)}</button>`
              : nothing}
          </div>`
        : nothing}
    </li>`;
  }

  #summaryText(summary: ComposerSummary): string {
    const { t } = this.#l10n;
    if (summary.count === 0) return t.guardVerdict(summary.verdict);
    return `${t.guardVerdict(summary.verdict)} ${t.guardFindings(summary.count, this.#l10n.number(summary.count))}.`;
  }

  // ---- Handlers ----

  #onNetworkChange = (event: Event): void => {
    const input = event.target as HTMLInputElement;
    if (input.checked) this.network = input.value as Network;
  };

  #retry = (): void => {
    const client = this.#clients.client;
    if (client) void this.#composerOf(client).retry();
  };

  /** The finding of the current report that a button inside its list item stands for. */
  #findingOf(event: Event): Finding | undefined {
    const item = (event.currentTarget as Element).closest<HTMLElement>('[data-index]');
    return this.#report?.findings[Number(item?.dataset['index'])];
  }

  #onShowPassage = (event: Event): void => {
    const finding = this.#findingOf(event);
    if (finding) this.#select(finding);
  };

  #onFix = (event: Event): void => {
    const finding = this.#findingOf(event);
    if (finding) this.#fix(finding);
  };

  /** Selects a finding's passage in the textarea and scrolls it into view. */
  #select(finding: Finding): void {
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
   * Applies a finding's suggestion as if typed: `execCommand('insertText')` puts it on the
   * textarea's own undo stack (Ctrl+Z takes it back) and leaves the caret after it. Where a
   * browser refuses, `setRangeText` does the replacement (without an undo step).
   */
  #fix(finding: Finding): void {
    const textarea = this.#textarea;
    // The report is about the text as it was checked: never replace a passage that has moved since.
    if (!textarea || finding.suggestion === undefined || textarea.value !== this.value) return;
    textarea.focus({ preventScroll: true });
    textarea.setSelectionRange(finding.start, finding.end);
    let inserted: boolean;
    try {
      inserted = document.execCommand('insertText', false, finding.suggestion);
    } catch {
      inserted = false;
    }
    if (!inserted || textarea.value.slice(finding.start, finding.start + finding.suggestion.length) !== finding.suggestion) {
      textarea.setRangeText(finding.suggestion, finding.start, finding.end, 'end');
      textarea.dispatchEvent(new Event('input', { bubbles: true }));
    }
    this.#reveal(textarea.selectionStart, textarea.selectionEnd);
  }

  #composerOf(client: RelaisClient): PostComposer {
    let composer = this.#composers.get(client);
    if (!composer) {
      composer = postComposer(client, { text: this.value, network: this.network, locale: this.#l10n.locale });
      this.#composers.set(client, composer);
    }
    return composer;
  }
}

function stateOf(view: GuardView): PostComposerGuardState {
  return view.state === 'ready' ? view.summary.verdict : view.state;
}
