import { html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { property } from 'lit/decorators.js';
import { ifDefined } from 'lit/directives/if-defined.js';
import { charterReminder, type CharterPromptView, type CharterReminder, type CharterReminderView } from '../../src/charter-banner/reminder.js';
import type { RelaisClient } from '../../src/client/client.js';
import { toErrorInfo } from '../../src/client/errors.js';
import { emit } from '../../src/events/index.js';
import { charterBannerStringsFor } from '../../src/i18n/parts/charter-banner.js';
import type { Charter } from '../../src/model/index.js';
import { FocusController } from '../shared/focus.js';
import { headingLevel, RelaisElement } from '../shared/relais-element.js';
import { errorMessage, renderLoadError, type MissingClientView } from '../shared/status.js';
import { StickyPaddingController } from '../shared/sticky-padding.js';
import { AcknowledgeStep } from './acknowledge-step.js';
import { CharterBodyDialog } from './charter-body.js';
import { CharterFlowProvider, type ReturnFocus } from './charter-flow.js';
import { renderCharterLine, type LineView } from './charter-line.js';
import { CharterModal } from './charter-modal.js';
import { charterBannerStyles } from './charter-banner.styles.js';
import { alertIcon, charterIcon, chevronIcon, closeIcon } from '../shared/icons.js';

/** How the charter is presented. */
export type CharterBannerMode = 'banner' | 'inline' | 'dialog';

/**
 * What the element shows: `loading`, `error`, `not-configured`; `prompt` (acknowledgment asked);
 * `snoozed` (asked, but postponed with "remind me later"); `acknowledged`; `not-required` (the
 * charter asks nothing).
 */
export type CharterBannerState = 'loading' | 'error' | 'not-configured' | 'prompt' | 'snoozed' | 'acknowledged' | 'not-required';

/** What one render shows, decided once per update. */
type BannerView = CharterReminderView | MissingClientView;

const STATES: readonly CharterBannerState[] = ['loading', 'error', 'not-configured', 'prompt', 'snoozed', 'acknowledged', 'not-required'];
const MODES: readonly CharterBannerMode[] = ['banner', 'inline', 'dialog'];

/**
 * The social-media charter: its summary, its full text in a dialog, and an explicit "I have read
 * and understood" step to acknowledge it — again on a new version and every year. Reminders are
 * gentle and bounded: "remind me later" postpones a few days, a few times.
 *
 * Shown while the viewer has no acknowledgment of a version ≥ `minAcknowledgedVersion`, or theirs
 * is older than `renewalDays`: one sentence, « Read the charter », then the explicit step (the
 * checkbox and « I confirm » side by side) and « Remind me later »; the summary and the change
 * note behind a disclosure. Hidden otherwise, except in `inline` mode, which keeps one line with a
 * way to read the charter ("acknowledged on …", "reminder postponed until …").
 *
 * @summary Read, understand and acknowledge the social-media charter.
 * @tagname charter-banner
 *
 * @fires {RelaisAcknowledgeDetail} relais-acknowledge - The viewer acknowledged the charter; `detail.acknowledgment`.
 * @fires {RelaisSnoozeDetail} relais-snooze - The viewer postponed the reminder; `detail.until`, `detail.snoozesLeft`.
 * @fires {RelaisErrorDetail} relais-error - The charter could not be loaded or the acknowledgment saved (also one kept on this device that the server refused later, once per page); `detail.code`, `detail.message`, `detail.field`.
 *
 * @cssstate loading - The charter and the viewer's acknowledgment are being read.
 * @cssstate prompt - Acknowledgment is asked.
 * @cssstate snoozed - Acknowledgment is asked, but postponed with "remind me later".
 * @cssstate acknowledged - The viewer's acknowledgment is current.
 * @cssstate not-required - The charter asks for no acknowledgment.
 *
 * @csspart banner - The strip (banner mode), the card (inline mode) or the content of the modal (dialog mode).
 * @csspart title - The charter's title.
 * @csspart reason - Why acknowledgment is asked again (new version, annual renewal).
 * @csspart details - The disclosure that holds the summary and the change note (banner and inline modes).
 * @csspart summary - The charter's summary.
 * @csspart change-note - What changed since the version the viewer acknowledged.
 * @csspart read-button - Opens the full text.
 * @csspart checkbox - The "I have read and understood" checkbox.
 * @csspart checkbox-error - Why « I confirm » did nothing: the box is not ticked (read with the checkbox).
 * @csspart acknowledge-button - Records the acknowledgment.
 * @csspart snooze-button - "Remind me later".
 * @csspart snooze-hint - How many more times the reminder may be postponed, or that it no longer can be.
 * @csspart modal - The modal dialog of dialog mode.
 * @csspart dialog - The dialog that shows the full text.
 * @csspart body - The charter's full text (sanitized HTML).
 * @csspart close-button - Closes a dialog.
 * @csspart acknowledged - The one-line "acknowledged on …" of inline mode.
 * @csspart will-sync - "Saved on this device, will sync", after the acknowledged line while the viewer's writes wait on this device for the server.
 * @csspart snoozed - The one-line "reminder postponed until …" of inline mode.
 * @csspart reread-button - Opens the full text, in either line.
 * @csspart confirmation - The polite live region that confirms an acknowledgment or a snooze.
 *
 * @cssprop --relais-color-surface - Background of dialogs, of the change note and of inline mode's lines.
 * @cssprop --relais-color-banner - Background of the strip and of the card.
 * @cssprop --relais-inset - Where the strip's content starts, to put it on the page's grid (e.g. `max(1.5rem, (100% - 46rem) / 2)` under a 46rem column); default `--relais-spacing`.
 * @cssprop --relais-color-accent - Buttons, links, icons and the checkbox; the one filled button (« I confirm »).
 * @cssprop --relais-color-backdrop - Behind modal dialogs.
 * @cssprop --relais-dialog-width - The largest width of the dialogs.
 * @cssprop --relais-z-index - Stacking order of a `sticky` banner.
 */
export class CharterBannerElement extends RelaisElement<CharterReminder, CharterReminderView, CharterBannerState> {
  static override styles = charterBannerStyles;
  static override tagName = 'charter-banner';
  protected static override states = STATES;
  protected override readonly l10n = this.localize(charterBannerStringsFor);

  /**
   * `banner`: a strip at the top of the page; `inline`: a card in the flow; `dialog`: a modal on first visit.
   * @type {'banner' | 'inline' | 'dialog'}
   */
  @property({ reflect: true, attribute: 'mode' }) mode: CharterBannerMode = 'banner';

  /** Days each "remind me later" hides the reminder. */
  @property({ type: Number, attribute: 'snooze-days' }) snoozeDays = 3;

  /** How many times the reminder may be postponed; 0 removes "remind me later". */
  @property({ type: Number, attribute: 'max-snoozes' }) maxSnoozes = 3;

  /** Banner mode only: the strip stays at the top while the page scrolls (the page's scroll padding makes room for it). */
  @property({ type: Boolean, reflect: true, attribute: 'sticky' }) sticky = false;

  /** The level of the charter title's heading, to fit the page's outline (1–6). */
  @property({ type: Number, attribute: 'heading-level' }) headingLevel = 2;

  protected readonly keyboard = new FocusController(this);
  /** « I have read and understood » and « I confirm » (in the prompt and in the full text's footer). */
  readonly #step = new AcknowledgeStep(this, this.l10n, () => void this.#acknowledge());
  readonly #unsynced = this.bind((client) => client.$unsynced);
  readonly #stickyPadding = new StickyPaddingController(this);
  readonly #modal = new CharterModal(this, this.keyboard, {
    asked: () => this.deriveView().state === 'prompt',
    dismissed: () => this.model?.dismiss(),
  });
  /** The dialog that shows the full text, sanitized when it opens. */
  readonly #body = new CharterBodyDialog(this, this.errors, () => errorMessage(this.l10n.t, undefined));
  /** The page's one charter flow: a locked share card opens this banner's charter. */
  readonly #flow = new CharterFlowProvider(this, () => this.clients.client, (returnTo) => void this.showCharter(returnTo));

  /** Opens the charter to acknowledge it, even while postponed (the page's one charter flow, which a locked share card asks for); `returnTo` finds where the keyboard goes after. */
  async showCharter(returnTo?: ReturnFocus): Promise<void> {
    this.model?.request();
    this.#flow.returnTo = returnTo;
    await this.updateComplete;
    const view = this.view;
    if (view.state !== 'prompt') return;
    // Dialog mode: the modal, asked again (even while its last closing is still under way).
    if (this.mode === 'dialog') this.#modal.sync(true);
    else this.#body.open(view.standing.charter.body, returnTo ?? this);
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('mode') && !MODES.includes(this.mode)) this.mode = 'banner';
    const previous = this.view;
    super.willUpdate(changed);
    // Days later, "we will remind you on …" is stale: the reminder itself is back.
    if (previous.state === 'snoozed' && this.view.state === 'prompt') this.live.clear();
    // Acknowledged from the full text's own footer: the text leaves with the prompt, closed first
    // (an open modal taken out of the page would stay "open").
    if (!this.#readable(this.view)) this.#body.close();
  }

  /** The full text exists only where something can open it: the prompt, or inline mode's line. */
  #readable(view: BannerView): boolean {
    return 'standing' in view && (view.state === 'prompt' || this.mode === 'inline');
  }

  /** One charter model per client: its state lives in the client's stores, shared with every other element. */
  protected override createModel(client: RelaisClient): CharterReminder {
    return charterReminder(client, { snoozeDays: this.snoozeDays, maxSnoozes: this.maxSnoozes });
  }

  protected override configureModel(reminder: CharterReminder): void {
    reminder.setPolicy({ snoozeDays: this.snoozeDays, maxSnoozes: this.maxSnoozes });
  }

  protected override stateOf(view: BannerView): CharterBannerState {
    return view.state;
  }

  protected override render() {
    const view = this.view;
    const charter = 'standing' in view ? view.standing.charter : undefined;
    return html`${this.#renderState(view)}${this.#renderModal(view)}${charter && this.#readable(view) ? this.#renderBodyDialog(view, charter) : nothing}${this.live.render()}`;
  }

  protected override updated(changed: PropertyValues<this>): void {
    super.updated(changed);
    const view = this.view;
    this.#modal.sync(view.state === 'prompt' && !view.dismissed);
    this.#stickyPadding.cover(this.sticky && this.mode === 'banner' && (view.state === 'prompt' || view.state === 'error'));
  }

  // ---- Rendering ----

  #renderState(view: BannerView): TemplateResult | typeof nothing {
    const { t } = this.l10n;
    switch (view.state) {
      case 'loading':
      case 'not-configured':
        return this.renderStatus(view)!;
      case 'error':
        return html`<div part="banner" role=${ifDefined(this.#landmark())} aria-labelledby=${ifDefined(this.#landmark() && 'charter-eyebrow')}>
          <span class="sr-only" id="charter-eyebrow">${t.charterTitlePrefix}</span>
          <div class="layout failed">${alertIcon()}<div class="actions">${renderLoadError(t, view.error, this.retry)}</div></div>
        </div>`;
      case 'prompt':
        return this.mode === 'dialog' ? nothing : this.#renderPrompt(view);
      case 'acknowledged':
      case 'not-required':
      case 'snoozed':
        return this.mode === 'inline' ? this.#renderLine(view) : nothing;
    }
  }

  /**
   * Dialog mode. The modal stays in the tree while the charter is known, and only opens and
   * closes (in `updated`): an open modal removed from the document would leave focus nowhere.
   * Title and « Close » on top, the text in the middle (it scrolls), the acknowledgment at the
   * bottom, always in view.
   */
  #renderModal(view: BannerView): TemplateResult | typeof nothing {
    if (this.mode !== 'dialog' || !('standing' in view)) return nothing;
    const prompt = view.state === 'prompt';
    return html`<dialog
      part="modal"
      aria-labelledby=${ifDefined(prompt ? 'charter-title' : undefined)}
      aria-describedby=${ifDefined(prompt ? 'charter-lead' : undefined)}
      @close=${this.#modal.onClose}
    >${prompt
      ? html`<section part="banner" class="sheet">
          <div class="sheet-header">${charterIcon()}${this.#renderTitle(view.standing.charter, 'charter-title')}</div>
          <div class="sheet-content">${this.#renderLead(view)}${this.#renderSummary(view)}</div>
          <div class="sheet-footer">${this.#renderReadButton()}${this.#renderActions(view)}</div>
          ${this.#renderClose(this.#modal.dismiss)}
        </section>`
      : nothing}</dialog>`;
  }

  /** Banner and inline modes: one sentence, then the acknowledgment step on one row; the summary on request. */
  #renderPrompt(view: CharterPromptView): TemplateResult {
    const { t } = this.l10n;
    const showChangeNote = this.#showChangeNote(view);
    return html`<section part="banner" role=${ifDefined(this.#landmark())} aria-labelledby=${ifDefined(this.#landmark() && 'charter-eyebrow')}>
      <span class="sr-only" id="charter-eyebrow">${t.charterTitlePrefix}</span>
      <div class="layout">
        ${charterIcon()}
        <div class="lead">
          ${this.#renderTitle(view.standing.charter, 'charter-title')} ${this.#renderLead(view)} ${this.#renderReadButton()}
        </div>
        <div class="actions">
          ${this.#renderActions(view)}
          <details part="details">
            <summary>${chevronIcon()}${showChangeNote ? t.charterSummaryAndChanges : t.charterSummaryToggle}</summary>
            <div class="details-body">${this.#renderSummary(view)}</div>
          </details>
        </div>
      </div>
    </section>`;
  }

  /**
   * The strip at the top of the page is a landmark; a card in the flow (inline mode) is part of
   * the article it sits in — several on one page (an article's, a share card's) would otherwise
   * be landmarks of the same name.
   */
  #landmark(): 'region' | undefined {
    return this.mode === 'inline' ? undefined : 'region';
  }

  /** Why acknowledgment is asked, in one sentence: first time, new version, or the yearly renewal. */
  #renderLead(view: CharterPromptView): TemplateResult {
    const { t } = this.l10n;
    const { charter, acknowledgment, reason } = view.standing;
    if (reason === 'new-version') return html`<span part="reason" id="charter-lead">${t.charterNewVersion(charter.version)}</span>`;
    if (reason === 'renewal' && acknowledgment) return html`<span part="reason" id="charter-lead">${t.charterRenewalDue(this.l10n.date(acknowledgment.at))}</span>`;
    return html`<span id="charter-lead">${t.charterFirstTime}</span>`;
  }

  /** What changed matters to whoever acknowledged an earlier version, whether this one asks everyone again or their year is simply up. */
  #showChangeNote(view: CharterPromptView): boolean {
    const { charter, acknowledgment } = view.standing;
    return !!charter.changeNote && !!acknowledgment && acknowledgment.version < charter.version;
  }

  #renderSummary(view: CharterPromptView): TemplateResult {
    const { t } = this.l10n;
    const { charter } = view.standing;
    return html`<p part="summary" id="charter-summary" class="data" dir="auto" lang=${ifDefined(charter.lang)}>${charter.summary}</p>
      ${this.#showChangeNote(view)
        ? html`<div part="change-note"><p class="change-note-heading">${t.charterWhatChanged}</p><p class="data" dir="auto" lang=${ifDefined(charter.lang)}>${charter.changeNote}</p></div>`
        : nothing}`;
  }

  /** The first step, and the first control in the keyboard's order: at the end of the sentence in the strip and the card. */
  #renderReadButton(): TemplateResult {
    return html`<button part="read-button" class="secondary" @click=${this.#openBody}>${this.l10n.t.charterRead}</button>`;
  }

  /** After reading: the explicit step (tick, confirm), then "remind me later"; in this order for the keyboard too. */
  #renderActions(view: CharterPromptView): TemplateResult {
    const { t } = this.l10n;
    const { snoozesLeft } = view;
    return html`${this.#step.render('prompt', view.acknowledging)}
      ${snoozesLeft > 0
        ? html`<button part="snooze-button" class="tertiary" aria-describedby="snooze-hint" @click=${this.#snooze}>${t.charterRemindLater}</button>
            <span part="snooze-hint" id="snooze-hint">${t.charterSnoozesLeft(snoozesLeft, this.l10n.number(snoozesLeft))}</span>`
        : this.maxSnoozes > 0
          ? html`<span part="snooze-hint">${t.charterNoMoreSnoozes}</span>`
          : nothing}
      ${view.acknowledgeError ? html`<p part="error" class="wide" role="alert">${t.charterAcknowledgeFailed}</p>` : nothing}`;
  }

  /** Inline mode, nothing to do, or postponed: one line that says so, and a way to read the charter (again). */
  #renderLine(view: LineView): TemplateResult {
    return renderCharterLine(this.l10n, view, { read: this.#openBody, willSync: (this.#unsynced.value ?? 0) > 0 });
  }

  #renderBodyDialog(view: BannerView, charter: Charter): TemplateResult {
    return html`<dialog part="dialog" aria-labelledby="body-title" @close=${this.#body.onClose}>
      <div class="sheet">
        <div class="sheet-header">${charterIcon()}${this.#renderTitle(charter, 'body-title')}</div>
        <!-- Filled when the dialog opens, emptied when it closes (CharterBodyDialog). -->
        <div part="body" class="sheet-content" tabindex="0" lang=${ifDefined(charter.lang)}></div>
        ${this.#renderClose(this.#body.close)}
        ${view.state === 'prompt' ? html`<div class="sheet-footer">${this.#step.render('body', view.acknowledging)}</div>` : nothing}
      </div>
    </dialog>`;
  }

  /** « Close », at the top right of both dialogs; after the text in the keyboard's order. */
  #renderClose(close: () => void): TemplateResult {
    return html`<button part="close-button" class="tertiary close" @click=${close}>${closeIcon()}${this.l10n.t.charterClose}</button>`;
  }

  /** The charter's title, in the charter's own language (French content inside an English page is read as French). */
  #renderTitle(charter: Charter, id: string): TemplateResult {
    return html`<span part="title" id=${id} class="data" dir="auto" lang=${ifDefined(charter.lang)} role="heading" aria-level=${headingLevel(this.headingLevel, 2)}>${charter.title}</span>`;
  }

  // ---- Handlers ----

  #acknowledge = async (): Promise<void> => {
    const reminder = this.model;
    if (!reminder || !this.#step.understood) return;
    let acknowledgment;
    let mayTakeFocus: boolean;
    try {
      acknowledgment = await reminder.acknowledge();
      mayTakeFocus = this.keyboard.mayTakeFocus();
    } catch (error) {
      // The prompt never went away: the keyboard is still on the button, and the alert says why.
      this.errors.report(toErrorInfo(error));
      return;
    }
    if (!acknowledgment) return;
    this.#step.reset();
    // Acknowledged from the full text's footer (inline mode keeps the text): it has done its job.
    this.#body.close();
    emit(this, 'relais-acknowledge', { acknowledgment });
    // Kept on this device because the server could not be reached: say so, without alarm.
    const thanks = (this.#unsynced.value ?? 0) > 0 ? this.l10n.t.charterThanksWillSync : this.l10n.t.charterThanks;
    // In inline mode the card gives way to the "acknowledged on" line: the keyboard goes on to "read it again".
    // Asked by a share card: the keyboard goes on there, where the viewer was heading.
    await this.keyboard.confirm(this.live, thanks, mayTakeFocus, this.#flow.take() ?? (this.mode === 'inline' ? '[part~="reread-button"]' : undefined));
  };

  #snooze = (): void => {
    const reminder = this.model;
    if (!reminder) return;
    const mayTakeFocus = this.keyboard.mayTakeFocus();
    const result = reminder.snooze();
    if (!result) return;
    emit(this, 'relais-snooze', { until: result.until.toISOString(), snoozesLeft: result.snoozesLeft });
    void this.keyboard.confirm(this.live, this.l10n.t.charterSnoozed(this.l10n.date(result.until)), mayTakeFocus);
  };

  #openBody = (event: Event): void => {
    const view = this.view;
    if ('standing' in view) this.#body.open(view.standing.charter.body, event.currentTarget as HTMLElement);
  };
}
