import { html, LitElement, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { property, query, state } from 'lit/decorators.js';
import { defaultStorage, readItem, writeItem, type KeyValueStorage } from '../../src/adapters/browser-storage.js';
import {
  clearSnoozes,
  DEFAULT_MAX_SNOOZES,
  DEFAULT_SNOOZE_DAYS,
  readSnoozeState,
  snoozeKey,
  snoozeReminder,
  type SnoozeState,
  type SnoozeSubject,
} from '../../src/client/charter-snooze.js';
import type { CharterState } from '../../src/client/client.js';
import { toErrorInfo, type RelaisErrorInfo } from '../../src/client/errors.js';
import { reportNotConfigured } from '../../src/config/config.js';
import { ClientController } from '../../src/context/index.js';
import { emit } from '../../src/events/index.js';
import { LocaleController } from '../../src/i18n/locale-controller.js';
import type { Acknowledgment, Charter } from '../../src/model/index.js';
import { sanitizeCharterBody } from './charter-body.js';
import { charterBannerStyles } from './charter-banner.styles.js';

/** How the charter is presented. */
export type CharterBannerMode = 'banner' | 'inline' | 'dialog';

/**
 * What the element shows:
 * `loading`, `error`, `not-configured`; `prompt` (acknowledgment asked); `snoozed` (asked, but
 * postponed with "remind me later"); `acknowledged`; `not-required` (the charter asks nothing).
 */
export type CharterBannerState = 'loading' | 'error' | 'not-configured' | 'prompt' | 'snoozed' | 'acknowledged' | 'not-required';

/** Everything one render needs, decided once. */
interface View {
  state: CharterBannerState;
  charter?: Charter;
  acknowledgment?: Acknowledgment;
  reason?: 'first-time' | 'new-version' | 'renewal';
  error?: RelaisErrorInfo;
  snooze?: SnoozeState;
  subject?: SnoozeSubject;
}

// A console error per error, not per element: two banners sharing a client report one failure once.
const errorsLogged = new WeakSet<RelaisErrorInfo>();

/**
 * The social-media charter: its summary, its full text in a dialog, and an explicit "I have read
 * and understood" step to acknowledge it — again on a new version and every year. Reminders are
 * gentle and bounded: "remind me later" postpones a few days, a few times.
 *
 * Shown while the viewer has no acknowledgment of a version ≥ `minAcknowledgedVersion`, or theirs
 * is older than `renewalDays`; hidden otherwise (in `inline` mode, a one-line "acknowledged on …"
 * with a way to read it again).
 *
 * @summary Read, understand and acknowledge the social-media charter.
 * @tagname charter-banner
 *
 * @fires relais-acknowledge - The viewer acknowledged the charter; `detail.acknowledgment`.
 * @fires relais-snooze - The viewer postponed the reminder; `detail.until`, `detail.snoozesLeft`.
 * @fires relais-error - The charter could not be loaded or the acknowledgment saved; `detail.code`, `detail.message`, `detail.field`.
 *
 * @csspart banner - The strip (banner mode), the card (inline mode) or the content of the modal (dialog mode).
 * @csspart title - The charter's title.
 * @csspart reason - Why acknowledgment is asked again (new version, annual renewal).
 * @csspart summary - The charter's summary.
 * @csspart change-note - What changed since the version the viewer acknowledged.
 * @csspart read-button - Opens the full text.
 * @csspart checkbox - The "I have read and understood" checkbox.
 * @csspart acknowledge-button - Records the acknowledgment.
 * @csspart snooze-button - "Remind me later".
 * @csspart snooze-hint - How many more times the reminder may be postponed.
 * @csspart modal - The modal dialog of dialog mode.
 * @csspart dialog - The dialog that shows the full text.
 * @csspart body - The charter's full text (sanitized HTML).
 * @csspart close-button - Closes a dialog.
 * @csspart acknowledged - The one-line "acknowledged on …" of inline mode.
 * @csspart reread-button - Opens the full text again, in that line.
 * @csspart confirmation - The polite live region that confirms an acknowledgment or a snooze.
 * @csspart status - The loading and "not configured" messages.
 * @csspart error - An error message.
 * @csspart retry-button - Loads the charter again after an error.
 *
 * @cssprop --relais-color-text - Text colour.
 * @cssprop --relais-color-muted - Secondary text colour.
 * @cssprop --relais-color-surface - Background of dialogs and of the change note.
 * @cssprop --relais-color-banner - Background of the strip and of the card.
 * @cssprop --relais-color-accent - Buttons, links and the checkbox.
 * @cssprop --relais-color-on-accent - Text on the accent colour.
 * @cssprop --relais-color-border - Borders.
 * @cssprop --relais-color-error - Error messages.
 * @cssprop --relais-color-backdrop - Behind modal dialogs.
 * @cssprop --relais-radius - Corner radius.
 * @cssprop --relais-spacing - The base spacing unit.
 * @cssprop --relais-focus-ring - The `outline` of the focused control, e.g. `3px solid #1d4ed8`.
 * @cssprop --relais-dialog-width - The largest width of the dialogs.
 * @cssprop --relais-z-index - Stacking order of a `sticky` banner.
 */
export class CharterBannerElement extends LitElement {
  static override styles = charterBannerStyles;

  /** `banner`: a strip at the top of the page; `inline`: a card in the flow; `dialog`: a modal on first visit. */
  @property({ reflect: true, attribute: 'mode' }) mode: CharterBannerMode = 'banner';

  /** Days each "remind me later" hides the reminder. */
  @property({ type: Number, attribute: 'snooze-days' }) snoozeDays = DEFAULT_SNOOZE_DAYS;

  /** How many times the reminder may be postponed; 0 removes "remind me later". */
  @property({ type: Number, attribute: 'max-snoozes' }) maxSnoozes = DEFAULT_MAX_SNOOZES;

  /** Banner mode only: the strip stays at the top while the page scrolls (the page's scroll padding makes room for it). */
  @property({ type: Boolean, reflect: true, attribute: 'sticky' }) sticky = false;

  /** Forces a colour scheme; by default the reader's `prefers-color-scheme`. */
  @property({ reflect: true, attribute: 'theme' }) theme?: 'light' | 'dark';

  /** The level of the charter title's heading, to fit the page's outline (1–6). */
  @property({ type: Number, attribute: 'heading-level' }) headingLevel = 2;

  /** What the element currently shows (also exposed to CSS as `:state(…)`). */
  get state(): CharterBannerState {
    return this.#view().state;
  }

  @state() private understood = false;
  @state() private acknowledging = false;
  @state() private acknowledgeFailed = false;
  /** The text of the live region: set only after the region exists, so that it is announced. */
  @state() private announcement = '';
  /** Dialog mode: the viewer closed the modal; it stays closed for this browsing session. */
  @state() private modalDismissed = false;
  /** Until a provider had a chance to answer, "no client" means "not yet", not "not configured". */
  @state() private providerAwaited = false;

  @query('[part~="modal"]') private modal?: HTMLDialogElement;
  @query('[part~="dialog"]') private bodyDialog?: HTMLDialogElement;

  readonly #clients = new ClientController(this);
  readonly #charterState = this.#clients.bind((client) => client.$charterState);
  readonly #viewer = this.#clients.bind((client) => client.$viewer);
  readonly #l10n = new LocaleController(this);
  readonly #internals = this.attachInternals();
  /** Snoozes the storage refused to keep: they still hold for this page. */
  readonly #snoozesInMemory = new Map<string, SnoozeState>();
  #reportedError?: RelaisErrorInfo;
  #sanitizedBody?: { html: string; view: HTMLElement };
  #bodyOpener?: HTMLElement;
  #scrollPaddingSet = false;
  #resizeObserver?: ResizeObserver;
  #snoozeEndTimer?: ReturnType<typeof setTimeout>;

  override connectedCallback(): void {
    super.connectedCallback();
    // A <relais-provider> around the element supplies its client in its first update, a
    // microtask after both connect: one task later, no client really means none.
    setTimeout(() => {
      this.providerAwaited = true;
    });
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.#resizeObserver?.disconnect();
    this.#resizeObserver = undefined;
    this.#releaseScrollPadding();
    clearTimeout(this.#snoozeEndTimer);
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('mode') && !['banner', 'inline', 'dialog'].includes(this.mode)) this.mode = 'banner';
  }

  protected override render() {
    const view = this.#view();
    // The full text exists only where something can open it: the prompt, or inline mode's line.
    const readable = view.charter && (view.state === 'prompt' || this.mode === 'inline');
    return html`${this.#renderState(view)}${this.#renderModal(view)}${readable ? this.#renderBodyDialog(view.charter!) : nothing}<div
        part="confirmation"
        role="status"
        aria-live="polite"
      >${this.announcement}</div>`;
  }

  protected override updated(): void {
    const view = this.#view();
    this.#exposeState(view.state);
    this.#reportError(view);
    if (view.state === 'not-configured') reportNotConfigured();
    this.#syncModal(view);
    this.#syncScrollPadding(view);
    this.#wakeAtSnoozeEnd(view);
  }

  // ---- Deciding what to show ----

  #view(): View {
    if (!this.#clients.client) return { state: this.providerAwaited ? 'not-configured' : 'loading' };
    const charterState: CharterState | undefined = this.#charterState.value;
    if (charterState?.error) return { state: 'error', error: charterState.error };
    const charter = charterState?.charter;
    const standing = charterState?.standing;
    if (!charterState || !charter || !standing || charterState.status === 'unknown') return { state: 'loading' };
    const acknowledgment = charterState.acknowledgment;
    const base = { charter, acknowledgment, reason: standing.reason };
    if (standing.status === 'not-required') return { ...base, state: 'not-required' };
    if (standing.status === 'acknowledged') return { ...base, state: 'acknowledged' };
    const subject = this.#snoozeSubject(charter, acknowledgment);
    const snooze = this.#snoozeState(subject);
    return { ...base, subject, snooze, state: snooze.snoozed ? 'snoozed' : 'prompt' };
  }

  #snoozeSubject(charter: Charter, acknowledgment: Acknowledgment | undefined): SnoozeSubject {
    const viewer = this.#viewer.value;
    const viewerId = viewer?.status === 'ready' ? viewer.value.id : (acknowledgment?.viewerId ?? '');
    return {
      viewerId,
      charterId: charter.id,
      version: charter.version,
      cycle: acknowledgment ? `${acknowledgment.version}@${acknowledgment.at}` : undefined,
    };
  }

  #snoozeState(subject: SnoozeSubject): SnoozeState {
    const now = this.#clients.client!.now();
    const policy = { snoozeDays: this.snoozeDays, maxSnoozes: this.maxSnoozes };
    const stored = readSnoozeState(defaultStorage(), subject, now, policy);
    const inMemory = this.#snoozesInMemory.get(snoozeKey(subject));
    if (!inMemory) return stored;
    const snoozed = inMemory.until !== undefined && inMemory.until.getTime() > now.getTime();
    return { snoozed, until: snoozed ? inMemory.until : undefined, snoozesLeft: Math.min(stored.snoozesLeft, inMemory.snoozesLeft) };
  }

  // ---- Rendering ----

  #renderState(view: View): TemplateResult | typeof nothing {
    const { t } = this.#l10n;
    switch (view.state) {
      case 'loading':
        return html`<p part="status">${t.loading}</p>`;
      case 'not-configured':
        return html`<p part="status">${t.notConfigured} <span class="how-to">${t.notConfiguredHowTo}</span></p>`;
      case 'error':
        return html`<div part="banner" role="region" aria-labelledby="charter-eyebrow">
          <div class="text">
            <p class="eyebrow" id="charter-eyebrow">${t.charterTitlePrefix}</p>
            <p part="error">${view.error?.code === 'invalid-data' ? t.invalidData : t.error}</p>
          </div>
          <div class="actions"><button part="retry-button" @click=${this.#retry}>${t.retry}</button></div>
        </div>`;
      case 'prompt':
        return this.mode === 'dialog' ? nothing : this.#renderPrompt(view, true);
      case 'acknowledged':
      case 'not-required':
        return this.mode === 'inline' ? this.#renderAcknowledgedLine(view) : nothing;
      case 'snoozed':
        return nothing;
    }
  }

  /**
   * Dialog mode. The modal stays in the tree while the charter is known, and only opens and
   * closes (in `updated`): an open modal removed from the document would leave focus nowhere.
   */
  #renderModal(view: View): TemplateResult | typeof nothing {
    if (this.mode !== 'dialog' || !view.charter) return nothing;
    const prompt = view.state === 'prompt';
    return html`<dialog
      part="modal"
      aria-labelledby=${prompt ? 'charter-title' : nothing}
      aria-describedby=${prompt ? 'charter-summary' : nothing}
      @close=${this.#onModalClose}
    >${prompt ? this.#renderPrompt(view, false) : nothing}</dialog>`;
  }

  /** The summary and the acknowledgment step; `asRegion` in the flow of the page, not in the modal. */
  #renderPrompt(view: View, asRegion: boolean): TemplateResult {
    const { t } = this.#l10n;
    const charter = view.charter!;
    const acknowledgment = view.acknowledgment;
    const snoozesLeft = view.snooze?.snoozesLeft ?? 0;
    // What changed matters to whoever acknowledged an earlier version, whether this one asks
    // everyone again (a material change) or their year is simply up.
    const showChangeNote = !!charter.changeNote && !!acknowledgment && acknowledgment.version < charter.version;
    return html`<section part="banner" role=${asRegion ? 'region' : nothing} aria-labelledby=${asRegion ? 'charter-eyebrow' : nothing}>
      <div class="text">
        <p class="eyebrow" id="charter-eyebrow">${t.charterTitlePrefix}</p>
        ${this.#renderTitle(charter.title, 'charter-title')}
        ${view.reason === 'new-version' ? html`<p part="reason">${t.charterNewVersion(charter.version)}</p>` : nothing}
        ${view.reason === 'renewal' && acknowledgment ? html`<p part="reason">${t.charterRenewalDue(this.#l10n.date(acknowledgment.at))}</p>` : nothing}
        <p part="summary" id="charter-summary">${charter.summary}</p>
        ${showChangeNote
          ? html`<div part="change-note"><p class="change-note-heading">${t.charterWhatChanged}</p><p>${charter.changeNote}</p></div>`
          : nothing}
      </div>
      <div class="actions">
        <button part="read-button" @click=${this.#openBody}>${t.charterRead}</button>
        <label class="understood">
          <input part="checkbox" type="checkbox" .checked=${this.understood} ?disabled=${this.acknowledging} @change=${this.#onUnderstoodChange} />
          <span>${t.charterUnderstood}</span>
        </label>
        <button part="acknowledge-button" ?disabled=${!this.understood || this.acknowledging} @click=${this.#acknowledge}>
          ${this.acknowledging ? t.charterAcknowledging : t.charterAcknowledge}
        </button>
        ${snoozesLeft > 0
          ? html`<button part="snooze-button" aria-describedby="snooze-hint" @click=${this.#snooze}>${t.charterRemindLater}</button>
              <span part="snooze-hint" id="snooze-hint">${t.charterSnoozesLeft(snoozesLeft, this.#l10n.number(snoozesLeft))}</span>`
          : nothing}
        ${this.mode === 'dialog' ? html`<button part="close-button" @click=${this.#dismissModal}>${t.charterClose}</button>` : nothing}
        ${this.acknowledgeFailed ? html`<p part="error">${t.charterAcknowledgeFailed}</p>` : nothing}
      </div>
    </section>`;
  }

  /** Inline mode, nothing to do: one line that says so, and a way to read the charter again. */
  #renderAcknowledgedLine(view: View): TemplateResult {
    const { t } = this.#l10n;
    const charter = view.charter!;
    const text = view.state === 'acknowledged' && view.acknowledgment ? t.charterAcknowledgedOn(this.#l10n.date(view.acknowledgment.at)) : charter.title;
    return html`<p part="acknowledged">
      ${text}
      <span aria-hidden="true">—</span>
      <button part="reread-button" class="link-button" @click=${this.#openBody}>${view.state === 'acknowledged' ? t.charterReread : t.charterRead}</button>
    </p>`;
  }

  #renderBodyDialog(charter: Charter): TemplateResult {
    const { t } = this.#l10n;
    return html`<dialog part="dialog" aria-labelledby="body-title" @close=${this.#onBodyClose}>
      <div class="dialog-header">${this.#renderTitle(charter.title, 'body-title')}</div>
      <div part="body" tabindex="0">${this.#sanitized(charter.body)}</div>
      <div class="dialog-footer"><button part="close-button" @click=${this.#closeBody}>${t.charterClose}</button></div>
    </dialog>`;
  }

  #renderTitle(title: string, id: string): TemplateResult {
    const level = Math.min(6, Math.max(1, Math.round(this.headingLevel) || 2));
    return html`<div part="title" id=${id} role="heading" aria-level=${level}>${title}</div>`;
  }

  /** Sanitized once per body text: opening the dialog again reuses the same safe nodes. */
  #sanitized(body: string): HTMLElement {
    if (this.#sanitizedBody?.html !== body) this.#sanitizedBody = { html: body, view: sanitizeCharterBody(body) };
    return this.#sanitizedBody.view;
  }

  // ---- Keeping the page in step ----

  #exposeState(state: CharterBannerState): void {
    const states = this.#internals.states;
    for (const name of ['loading', 'error', 'not-configured', 'prompt', 'snoozed', 'acknowledged', 'not-required']) {
      if (name === state) states.add(name);
      else states.delete(name);
    }
  }

  /** `relais-error` and one console error per failure, naming the field when the data was bad. */
  #reportError(view: View): void {
    if (!view.error || view.error === this.#reportedError) return;
    this.#reportedError = view.error;
    this.#signalError(view.error);
  }

  #signalError(error: RelaisErrorInfo): void {
    emit(this, 'relais-error', { code: error.code, message: error.message, field: error.field, error: error.error });
    if (errorsLogged.has(error)) return;
    errorsLogged.add(error);
    const field = error.field ? ` (field: ${error.field})` : '';
    console.error(`Relais <charter-banner>: ${error.message}${field}`);
  }

  /** Dialog mode: the modal is open exactly while acknowledgment is asked and the viewer has not closed it. */
  #syncModal(view: View): void {
    const modal = this.modal;
    if (!modal) return;
    if (view.state === 'prompt' && !this.modalDismissed && !this.#dismissedThisSession(view.subject)) {
      if (!modal.open && modal.isConnected) {
        modal.showModal();
        // The first step is reading: start there, with the title and summary announced as the dialog's name and description.
        modal.querySelector<HTMLElement>('[part~="read-button"]')?.focus();
      }
    } else if (modal.open) {
      modal.close();
    }
  }

  /** A home page can stay open for days: the reminder comes back when its snooze ends, not at the next load. */
  #wakeAtSnoozeEnd(view: View): void {
    clearTimeout(this.#snoozeEndTimer);
    const until = view.state === 'snoozed' ? view.snooze?.until : undefined;
    if (!until || !this.#clients.client) return;
    // setTimeout holds at most about 24.8 days; a longer snooze simply checks again then.
    const delay = Math.min(Math.max(0, until.getTime() - this.#clients.client.now().getTime()), 2 ** 31 - 1);
    this.#snoozeEndTimer = setTimeout(() => this.requestUpdate(), delay);
  }

  /** A sticky banner covers the top of the viewport: the page's scroll padding keeps focused elements clear of it. */
  #syncScrollPadding(view: View): void {
    const covering = this.sticky && this.mode === 'banner' && (view.state === 'prompt' || view.state === 'error');
    if (!covering) {
      this.#resizeObserver?.disconnect();
      this.#resizeObserver = undefined;
      this.#releaseScrollPadding();
      return;
    }
    if (!this.#resizeObserver) {
      this.#resizeObserver = new ResizeObserver(() => this.#applyScrollPadding());
      this.#resizeObserver.observe(this);
    }
    this.#applyScrollPadding();
  }

  #applyScrollPadding(): void {
    const height = Math.ceil(this.getBoundingClientRect().height);
    document.documentElement.style.setProperty('scroll-padding-top', `${height}px`);
    this.#scrollPaddingSet = true;
  }

  #releaseScrollPadding(): void {
    if (!this.#scrollPaddingSet) return;
    document.documentElement.style.removeProperty('scroll-padding-top');
    this.#scrollPaddingSet = false;
  }

  // ---- Handlers ----

  #onUnderstoodChange = (event: Event): void => {
    this.understood = (event.target as HTMLInputElement).checked;
  };

  #acknowledge = async (): Promise<void> => {
    const client = this.#clients.client;
    const view = this.#view();
    if (!client || !this.understood || this.acknowledging) return;
    this.acknowledging = true;
    this.acknowledgeFailed = false;
    try {
      const acknowledgment = await client.acknowledge();
      if (view.subject) clearSnoozes(defaultStorage(), view.subject);
      this.understood = false;
      this.announcement = this.#l10n.t.charterThanks;
      emit(this, 'relais-acknowledge', { acknowledgment });
      if (this.mode === 'inline') {
        // The card gave way to the "acknowledged on" line: keep the keyboard there, not at the top of the page.
        await this.updateComplete;
        this.renderRoot.querySelector<HTMLElement>('[part~="reread-button"]')?.focus();
      }
    } catch (error) {
      this.acknowledgeFailed = true;
      this.#signalError(toErrorInfo(error));
    } finally {
      this.acknowledging = false;
    }
  };

  #snooze = (): void => {
    const client = this.#clients.client;
    const view = this.#view();
    if (!client || !view.subject) return;
    const now = client.now();
    const result = snoozeReminder(defaultStorage(), view.subject, now, { snoozeDays: this.snoozeDays, maxSnoozes: this.maxSnoozes });
    if (!result) return;
    if (!result.persisted) this.#snoozesInMemory.set(snoozeKey(view.subject), result);
    this.announcement = this.#l10n.t.charterSnoozed(this.#l10n.date(result.until));
    emit(this, 'relais-snooze', { until: result.until.toISOString(), snoozesLeft: result.snoozesLeft });
    this.requestUpdate();
  };

  #retry = (): void => {
    void this.#clients.client?.reloadCharter();
  };

  #openBody = (event: Event): void => {
    const dialog = this.bodyDialog;
    if (!dialog || dialog.open) return;
    this.#bodyOpener = event.currentTarget as HTMLElement;
    dialog.showModal();
    // Start on the text itself: arrow keys scroll it, and a screen reader reads from the top.
    dialog.querySelector<HTMLElement>('[part~="body"]')?.focus();
  };

  #closeBody = (): void => {
    this.bodyDialog?.close();
  };

  /** Escape or the close button: the dialog is gone, focus goes back where it came from. */
  #onBodyClose = (): void => {
    const opener = this.#bodyOpener;
    this.#bodyOpener = undefined;
    if (opener?.isConnected) opener.focus();
  };

  #dismissModal = (): void => {
    this.modal?.close();
  };

  /**
   * The modal closed. While acknowledgment is still asked, the viewer dismissed it (Escape, close
   * button): not a snooze, but not again in this browsing session. Otherwise `#syncModal` closed it.
   */
  #onModalClose = (event: Event): void => {
    const view = this.#view();
    if (event.target !== this.modal || view.state !== 'prompt' || !view.subject) return;
    this.modalDismissed = true;
    writeItem(sessionStore(), dismissalKey(view.subject), '1');
  };

  #dismissedThisSession(subject: SnoozeSubject | undefined): boolean {
    return !!subject && readItem(sessionStore(), dismissalKey(subject)) === '1';
  }
}

function dismissalKey(subject: SnoozeSubject): string {
  return snoozeKey(subject).replace('charter-snooze', 'charter-dismissed');
}

/** `sessionStorage`, when this page may use it (reading the property alone can throw). */
function sessionStore(): KeyValueStorage | undefined {
  try {
    return globalThis.sessionStorage ?? undefined;
  } catch {
    return undefined;
  }
}
