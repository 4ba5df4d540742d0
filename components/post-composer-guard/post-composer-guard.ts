import { html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { property } from 'lit/decorators.js';
import { guard } from 'lit/directives/guard.js';
import type { RelaisClient } from '../../src/client/client.js';
import { postComposer, shouldAnnounce, type ComposerSummary, type ComposerView, type CounterLevel, type PostComposer } from '../../src/post-composer-guard/composer.js';
import { emit } from '../../src/events/index.js';
import type { Finding, GuardReport, LengthReport } from '../../src/guard/types.js';
import { postComposerGuardStringsFor } from '../../src/i18n/parts/post-composer-guard.js';
import { isNetwork, networkList, type Network } from '../../src/model/index.js';
import { blockIcon, checkIcon, infoIcon, lockIcon, warnIcon } from '../shared/icons.js';
import { RelaisElement } from '../shared/relais-element.js';
import type { MissingClientView } from '../shared/status.js';
import { postComposerGuardStyles } from './post-composer-guard.styles.js';
import { DraftEditor } from './draft-editor.js';
import { FormGuard } from './form-guard.js';
import { renderFinding } from './finding-view.js';

/** What the element shows: the verdict of the draft, or `loading`, `error`, `not-configured`. */
export type PostComposerGuardState = 'loading' | 'error' | 'not-configured' | 'waiting' | 'pass' | 'warn' | 'block';

/** `enforce`: a blocking finding stops the enclosing form; `advisory`: it never does. */
export type PostComposerGuardMode = 'enforce' | 'advisory';

type GuardView = ComposerView | MissingClientView;

const STATES: readonly PostComposerGuardState[] = ['loading', 'error', 'not-configured', 'waiting', 'pass', 'warn', 'block'];

/** One icon per severity and verdict, and the privacy note's (the kit's Lucide icons). */
const ICONS = { block: blockIcon, warn: warnIcon, info: infoIcon, pass: checkIcon, lock: lockIcon };
const icon = (name: keyof typeof ICONS) => ICONS[name]();

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
 * @cssstate waiting - With `lazy`, before the text is first edited or focused: the text and its length show, the guard's code is not loaded yet.
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
 * @csspart preview - The sentence as a finding's fix will leave it (« Devient : … »).
 * @csspart fix-button - Applies a finding's fix, as the preview shows it.
 * @csspart edit-button - Where no one-click fix is safe: selects the passage to rewrite it.
 * @csspart privacy-note - Says that the check runs on this device.
 * @csspart announcement - The polite live region for changes of verdict.
 *
 * @cssprop --relais-color-surface - Background of the text field and of the findings.
 * @cssprop --relais-color-accent - Buttons, links and the selected network.
 * @cssprop --relais-color-block - Underline, icon and counter of blocking findings.
 * @cssprop --relais-color-warn - Underline, icon and counter of warnings.
 * @cssprop --relais-color-info - Underline and icon of notes.
 */
export class PostComposerGuardElement extends RelaisElement<PostComposer, ComposerView, PostComposerGuardState> {
  static override styles = postComposerGuardStyles;
  static override tagName = 'post-composer-guard';
  static formAssociated = true;
  protected static override states = STATES;
  protected static override liveRegion = { part: 'announcement', hidden: true };
  protected override readonly l10n = this.localize(postComposerGuardStringsFor);

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

  /** Loads the guard's code when the text is first focused or edited (or `check()` is called), not with the page: a share card's suggested text shows at once. */
  @property({ type: Boolean, attribute: 'lazy' }) lazy = false;

  /** The form field name of the element's own textarea, under which `FormData` carries the text. */
  @property({ reflect: true, attribute: 'name' }) name = '';

  /** The last report of the guard on the draft; `undefined` until the policy has loaded. */
  get report(): GuardReport | undefined {
    return this.#report;
  }

  /** Checks the text now (loading the guard's code if it is not yet): the report, once rendered; `undefined` if the policy cannot be used. */
  async check(): Promise<GuardReport | undefined> {
    const model = this.model;
    if (!model) return undefined;
    await model.need();
    await new Promise<void>((resolve) => {
      const stop = model.$view.subscribe((view) => {
        if (view.state !== 'ready' && view.state !== 'error') return;
        queueMicrotask(() => stop());
        resolve();
      });
    });
    await this.updateComplete;
    return this.#report;
  }

  /** The form the draft belongs to, if any. */
  get form(): HTMLFormElement | null {
    return this.#slotted ? this.#slotted.form : (this.internals?.form ?? null);
  }

  #report?: GuardReport;
  #announced?: ComposerSummary;
  /** The page's own textarea, when one is slotted. */
  #slotted?: HTMLTextAreaElement;
  readonly #formGuard = new FormGuard(this.internals, () => this.renderRoot.querySelector<HTMLElement>('[part~="findings"]')?.focus());
  readonly #editor = new DraftEditor(this, {
    changed: (value) => (this.value = value),
    adopted: (textarea) => {
      if (textarea !== this.#slotted) {
        textarea.value = this.value;
        return;
      }
      textarea.addEventListener('invalid', this.#formGuard.onInvalid);
      if (textarea.value) this.value = textarea.value;
      else if (this.value) textarea.value = this.value;
    },
    released: (textarea) => textarea.removeEventListener('invalid', this.#formGuard.onInvalid),
  });

  constructor() {
    super();
    // A form-associated element gets the `invalid` event of its own textarea's validity.
    this.addEventListener('invalid', this.#formGuard.onInvalid);
    // Lazy: the guard's code comes as the employee reaches the text, before the first keystroke.
    this.addEventListener('focusin', () => void this.model?.need());
  }

  override connectedCallback(): void {
    // Decided before the first render, so that a page's textarea never flashes a second one.
    this.#slotted = this.#findSlotted();
    // Its text too: taken when adopted (after a render), it would ask for a second update at once.
    if (this.#slotted?.value) this.value = this.#slotted.value;
    super.connectedCallback();
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('mode') && this.mode !== 'advisory') this.mode = 'enforce';
    const choices = networkList(this.networks);
    if (choices.length && !choices.includes(this.network)) this.network = choices[0]!;
    if (!isNetwork(this.network)) this.network = 'linkedin';
    super.willUpdate(changed);
  }

  protected override createModel(client: RelaisClient): PostComposer {
    return postComposer(client, { text: this.value, network: this.network, locale: this.l10n.locale, lazy: this.lazy });
  }

  protected override configureModel(composer: PostComposer): void {
    composer.setNetwork(this.network);
    composer.setLocale(this.l10n.locale);
    composer.setText(this.value);
  }

  protected override stateOf(view: GuardView): PostComposerGuardState {
    return view.state === 'ready' ? view.summary.verdict : view.state;
  }

  protected override render() {
    const { t } = this.l10n;
    const view = this.view;
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
      ${view.state === 'ready' ? this.#renderCounter(view.report.length, view.counter) : view.state === 'waiting' ? this.#renderCounter(view.length, view.counter) : nothing}
      <div class="report">${this.#renderReport(view)}</div>
      <p part="privacy-note" id="privacy">${icon('lock')}<span>${t.guardPrivacyNote}</span></p>
      ${this.live.render()}
    `;
  }

  protected override updated(changed: PropertyValues<this>): void {
    super.updated(changed);
    const view = this.view;
    this.#editor.adopt(this.#slotted ?? this.renderRoot.querySelector<HTMLTextAreaElement>('textarea#text') ?? undefined);
    const textarea = this.#editor.textarea;
    if (textarea && changed.has('value') && textarea.value !== this.value) textarea.value = this.value;
    const report = view.state === 'ready' ? view.report : undefined;
    if (report !== this.#report) {
      this.#report = report;
      this.#editor.paint(view.state === 'ready' ? view.text : '', report);
      if (report && view.state === 'ready') {
        emit(this, 'relais-guard', { report });
        // Said once this update is done: the region's new text is an update of its own (Lit's change-in-update).
        const summary = this.#summaryText(view.summary);
        if (shouldAnnounce(this.#announced, view.summary)) void this.updateComplete.then(() => this.live.announce(summary));
        this.#announced = view.summary;
      }
    }
    const { t } = this.l10n;
    const blocked = this.mode === 'enforce' && this.#report?.verdict === 'block';
    const { form, value, required } = this;
    this.#formGuard.sync({ slotted: this.#slotted, textarea, form, value, required, blocked: blocked ? t.guardSubmitBlocked : undefined, missing: t.guardValueMissing });
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

  // ---- Rendering ----

  #renderNetworks(): TemplateResult | typeof nothing {
    const choices = networkList(this.networks);
    if (choices.length < 2) return nothing;
    const { t } = this.l10n;
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

  #renderCounter(length: LengthReport | undefined, counter: CounterLevel | undefined): TemplateResult | typeof nothing {
    if (!length) return nothing;
    const { t } = this.l10n;
    const used = this.l10n.number(length.used);
    const limit = this.l10n.number(length.limit);
    const left = length.limit - length.used;
    const note = counter === 'over' ? t.guardOverLimit(-left, this.l10n.number(-left)) : counter === 'near' ? t.guardCharactersLeft(left, this.l10n.number(left)) : '';
    const level = counter ?? 'ok';
    return html`<p part="counter" id="counter" class=${level}>
      ${level === 'over' ? icon('block') : level === 'near' ? icon('warn') : nothing}
      <span class="sr-only">${t.networkName(length.network)}, ${t.guardCounterLabel(used, limit)}${note ? `, ${note}` : ''}</span>
      <span aria-hidden="true"><span class="counter-figures">${t.networkName(length.network)} ${t.guardCounter(used, limit)}</span>${note
          ? html`<span class="counter-note">${note}</span>`
          : nothing}</span>
    </p>`;
  }

  #renderReport(view: GuardView): TemplateResult | typeof nothing {
    const { t } = this.l10n;
    switch (view.state) {
      case 'loading':
      case 'not-configured':
      case 'error':
        return this.renderStatus(view)!;
      case 'waiting':
        return html`<p part="summary" class="waiting">${icon('info')}<span>${view.checking ? t.guardChecking : t.guardCheckedWhenEdited}</span></p>`;
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
                    guard([finding.severity, finding.message, finding.excerpt, finding.suggestion, finding.end > finding.start, index, this.l10n.locale, view.fixes[index]?.preview, view.fixes[index]?.unsafe], () =>
                      renderFinding(finding, view.fixes[index], index, t, icon(finding.severity), this.#findingHandlers),
                    ),
                  )}
                </ul>
                ${report.omitted ? html`<p class="omitted">${t.guardMoreFindings(report.omitted, this.l10n.number(report.omitted))}</p>` : nothing}
              </section>`
            : nothing}`;
      }
    }
  }

  #summaryText(summary: ComposerSummary): string {
    const { t } = this.l10n;
    if (summary.count === 0) return t.guardVerdict(summary.verdict);
    return `${t.guardVerdict(summary.verdict)} ${t.guardFindings(summary.count, this.l10n.number(summary.count))}.`;
  }

  // ---- Handlers ----

  #onNetworkChange = (event: Event): void => {
    const input = event.target as HTMLInputElement;
    if (input.checked) this.network = input.value as Network;
  };

  /** The finding of the current report that a button inside its list item stands for. */
  #findingOf(event: Event): Finding | undefined {
    const item = (event.currentTarget as Element).closest<HTMLElement>('[data-index]');
    return this.#report?.findings[Number(item?.dataset['index'])];
  }

  #onShowPassage = (event: Event): void => {
    const finding = this.#findingOf(event);
    if (finding) this.#editor.select(finding);
  };

  /** Applies exactly the planned fix of the text as it was checked. */
  #onFix = (event: Event): void => {
    const view = this.view;
    const item = (event.currentTarget as Element).closest<HTMLElement>('[data-index]');
    const plan = view.state === 'ready' ? view.fixes[Number(item?.dataset['index'])] : undefined;
    if (view.state === 'ready' && plan && !plan.unsafe) this.#editor.fix(plan, view.text);
  };

  readonly #findingHandlers = { show: this.#onShowPassage, fix: this.#onFix, edit: this.#onShowPassage };
}
