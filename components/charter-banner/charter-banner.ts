import { html, LitElement, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { property, query, state } from 'lit/decorators.js';
import { defaultStorage } from '../../src/adapters/browser-storage.js';
import {
  clearSnoozes,
  DEFAULT_MAX_SNOOZES,
  DEFAULT_SNOOZE_DAYS,
  readSnoozeState,
  recordDismissal,
  snoozeKey,
  snoozeReminder,
  wasDismissed,
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

/** What the confirmation line says, and whether it says it as a live region or as the focus target. */
interface Confirmation {
  text: string;
  /**
   * Announced politely as it appears. Off while it is also where the keyboard lands: a screen
   * reader reads the focused text, and would read it twice if it were live as well.
   */
  live: boolean;
}

const STATES: readonly CharterBannerState[] = ['loading', 'error', 'not-configured', 'prompt', 'snoozed', 'acknowledged', 'not-required'];

// A console error per error, not per element: two banners sharing a client report one failure once.
const errorsLogged = new WeakSet<RelaisErrorInfo>();

/**
 * The sticky banners that pad the page's scroll, and the inline `scroll-padding-top` the page
 * had before the first of them: the last one out puts it back.
 */
const scrollPadding: { owners: Set<HTMLElement>; saved?: { value: string; priority: string } } = { owners: new Set() };

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
 * @fires {RelaisAcknowledgeDetail} relais-acknowledge - The viewer acknowledged the charter; `detail.acknowledgment`.
 * @fires {RelaisSnoozeDetail} relais-snooze - The viewer postponed the reminder; `detail.until`, `detail.snoozesLeft`.
 * @fires {RelaisErrorDetail} relais-error - The charter could not be loaded or the acknowledgment saved; `detail.code`, `detail.message`, `detail.field`.
 *
 * @cssstate loading - The charter and the viewer's acknowledgment are being read.
 * @cssstate error - They could not be read; a message and "Try again" are shown.
 * @cssstate not-configured - No client was configured for the element.
 * @cssstate prompt - Acknowledgment is asked.
 * @cssstate snoozed - Acknowledgment is asked, but postponed with "remind me later".
 * @cssstate acknowledged - The viewer's acknowledgment is current.
 * @cssstate not-required - The charter asks for no acknowledgment.
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

  /**
   * Runs `callback` after `delay` ms and returns a function that cancels it. A seam, so that the
   * tests of a snooze that ends do not wait on real time.
   * @internal
   */
  protected static schedule(callback: () => void, delay: number): () => void {
    const handle = setTimeout(callback, delay);
    return () => clearTimeout(handle);
  }

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
  /** The confirmation line: its region always exists, so that text set later is announced. */
  @state() private confirmation: Confirmation = { text: '', live: true };
  /** Dialog mode: the viewer closed the modal; it stays closed for this browsing session. */
  @state() private modalDismissed = false;

  @query('[part~="modal"]') private modal?: HTMLDialogElement;
  @query('[part~="dialog"]') private bodyDialog?: HTMLDialogElement;
  @query('[part~="confirmation"]') private confirmationLine?: HTMLElement;

  readonly #clients = new ClientController(this);
  readonly #charterState = this.#clients.bind((client) => client.$charterState);
  readonly #viewer = this.#clients.bind((client) => client.$viewer);
  readonly #l10n = new LocaleController(this);
  // Safari before 16.4 has no attachInternals: the element works, without `:state()`.
  readonly #internals = typeof this.attachInternals === 'function' ? this.attachInternals() : undefined;
  /**
   * How custom states are named here: Chromium before 125 accepted only `--name`, and Firefox
   * before 126 and Safari before 17.4 have no CustomStateSet at all.
   */
  #stateNaming: 'plain' | 'dashed' | 'none' = 'plain';
  /** Snoozes the storage refused to keep: they still hold for this page. */
  readonly #snoozesInMemory = new Map<string, SnoozeState>();
  /**
   * The prompt as it was when the viewer pressed the acknowledge button: shown until the write
   * settles, whatever the shared status says meanwhile. The client updates it optimistically (so
   * that other elements unlock at once) and rolls it back on failure; following it here would
   * take the focused button away and bring it back.
   */
  #promptWhileAcknowledging?: View;
  #reportedError?: RelaisErrorInfo;
  #sanitizedBody?: { html: string; view: HTMLElement };
  #bodyOpener?: HTMLElement;
  /** Dialog mode: where the page's keyboard was when the modal opened by itself. */
  #focusBeforeModal?: HTMLElement;
  #resizeObserver?: ResizeObserver;
  #cancelWake?: () => void;
  /** Bumped by each confirmation, so that a delayed one never overwrites a newer one. */
  #confirmations = 0;

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.#resizeObserver?.disconnect();
    this.#resizeObserver = undefined;
    this.#releaseScrollPadding();
    this.#cancelWake?.();
    this.#cancelWake = undefined;
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('mode') && !['banner', 'inline', 'dialog'].includes(this.mode)) this.mode = 'banner';
  }

  protected override render() {
    const view = this.#view();
    // The full text exists only where something can open it: the prompt, or inline mode's line.
    const readable = view.charter && (view.state === 'prompt' || this.mode === 'inline');
    const { text, live } = this.confirmation;
    // The confirmation can take the keyboard (tabindex="-1") when the control that had it is gone.
    return html`${this.#renderState(view)}${this.#renderModal(view)}${readable ? this.#renderBodyDialog(view.charter!) : nothing}<div
        part="confirmation"
        role=${live ? 'status' : nothing}
        aria-live=${live ? 'polite' : 'off'}
        tabindex="-1"
      >${text}</div>`;
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
    if (this.acknowledging && this.#promptWhileAcknowledging) return this.#promptWhileAcknowledging;
    // "No client" is "not configured" only once the page had its chance to configure.
    if (!this.#clients.client) return { state: this.#clients.settled ? 'not-configured' : 'loading' };
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
            <p part="error" role="alert">${view.error?.code === 'invalid-data' ? t.invalidData : t.error}</p>
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
        <!-- Busy, not disabled, while saving: a disabled button would drop the keyboard focus. -->
        <button
          part="acknowledge-button"
          ?disabled=${!this.understood}
          aria-disabled=${this.acknowledging ? 'true' : nothing}
          aria-busy=${this.acknowledging ? 'true' : nothing}
          @click=${this.#acknowledge}
        >
          ${this.acknowledging ? t.charterAcknowledging : t.charterAcknowledge}
        </button>
        ${snoozesLeft > 0
          ? html`<button part="snooze-button" aria-describedby="snooze-hint" @click=${this.#snooze}>${t.charterRemindLater}</button>
              <span part="snooze-hint" id="snooze-hint">${t.charterSnoozesLeft(snoozesLeft, this.#l10n.number(snoozesLeft))}</span>`
          : nothing}
        ${this.mode === 'dialog' ? html`<button part="close-button" @click=${this.#dismissModal}>${t.charterClose}</button>` : nothing}
        ${this.acknowledgeFailed ? html`<p part="error" role="alert">${t.charterAcknowledgeFailed}</p>` : nothing}
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
      <!-- Filled when the dialog opens (#openBody), emptied when it closes. -->
      <div part="body" tabindex="0"></div>
      <div class="dialog-footer"><button part="close-button" @click=${this.#closeBody}>${t.charterClose}</button></div>
    </dialog>`;
  }

  #renderTitle(title: string, id: string): TemplateResult {
    const level = Math.min(6, Math.max(1, Math.round(this.headingLevel) || 2));
    return html`<div part="title" id=${id} role="heading" aria-level=${level}>${title}</div>`;
  }

  /** Sanitized once per body text: opening the dialog again reuses the same safe nodes (their images already requested). */
  #sanitized(body: string): HTMLElement {
    if (this.#sanitizedBody?.html !== body) this.#sanitizedBody = { html: body, view: sanitizeCharterBody(body) };
    return this.#sanitizedBody.view;
  }

  // ---- Keeping the page in step ----

  /** `:state(prompt)` and the others; never lets an old browser's CustomStateSet break an update. */
  #exposeState(state: CharterBannerState): void {
    const states = this.#internals?.states;
    if (!states) this.#stateNaming = 'none';
    while (this.#stateNaming !== 'none') {
      const prefix = this.#stateNaming === 'dashed' ? '--' : '';
      try {
        for (const name of STATES) {
          if (name === state) states!.add(`${prefix}${name}`);
          else states!.delete(`${prefix}${name}`);
        }
        return;
      } catch {
        this.#stateNaming = this.#stateNaming === 'plain' ? 'dashed' : 'none';
      }
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
        // Where to give the keyboard back when the modal closes (the dialog restores it too; a
        // page that had focused nothing gets the confirmation or the element instead, in #onModalClose).
        const active = deepActiveElement();
        this.#focusBeforeModal = active && active !== document.body ? active : undefined;
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
    this.#cancelWake?.();
    this.#cancelWake = undefined;
    const until = view.state === 'snoozed' ? view.snooze?.until : undefined;
    if (!until || !this.#clients.client) return;
    // setTimeout holds at most about 24.8 days; a longer snooze simply checks again then.
    const delay = Math.min(Math.max(0, until.getTime() - this.#clients.client.now().getTime()), 2 ** 31 - 1);
    this.#cancelWake = (this.constructor as typeof CharterBannerElement).schedule(() => {
      this.#cancelWake = undefined;
      // Days later, "we will remind you on …" is stale; the reminder itself is back.
      this.#confirmations++;
      this.confirmation = { text: '', live: true };
      this.requestUpdate();
    }, delay);
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

  /** Pads by the tallest sticky banner shown (they stack at the same top), keeping what the page had to restore it. */
  #applyScrollPadding(): void {
    const style = document.documentElement.style;
    if (scrollPadding.owners.size === 0) {
      scrollPadding.saved = { value: style.getPropertyValue('scroll-padding-top'), priority: style.getPropertyPriority('scroll-padding-top') };
    }
    scrollPadding.owners.add(this);
    const height = Math.max(...[...scrollPadding.owners].map((owner) => Math.ceil(owner.getBoundingClientRect().height)));
    style.setProperty('scroll-padding-top', `${height}px`);
  }

  #releaseScrollPadding(): void {
    if (!scrollPadding.owners.delete(this)) return;
    const [other] = scrollPadding.owners;
    if (other) {
      (other as CharterBannerElement).#applyScrollPadding();
      return;
    }
    const saved = scrollPadding.saved;
    scrollPadding.saved = undefined;
    const style = document.documentElement.style;
    if (saved?.value) style.setProperty('scroll-padding-top', saved.value, saved.priority);
    else style.removeProperty('scroll-padding-top');
  }

  // ---- Handlers ----

  #onUnderstoodChange = (event: Event): void => {
    this.understood = (event.target as HTMLInputElement).checked;
  };

  #acknowledge = async (): Promise<void> => {
    const client = this.#clients.client;
    const view = this.#view();
    if (!client || !this.understood || this.acknowledging || view.state !== 'prompt') return;
    this.#promptWhileAcknowledging = view;
    this.acknowledging = true;
    this.acknowledgeFailed = false;
    let acknowledgment: Acknowledgment;
    let mayTakeFocus: boolean;
    try {
      acknowledgment = await client.acknowledge();
      mayTakeFocus = this.#mayTakeFocus();
    } catch (error) {
      // The prompt never went away: the keyboard is still on the button, and the alert says why.
      this.acknowledgeFailed = true;
      this.#signalError(toErrorInfo(error));
      return;
    } finally {
      this.acknowledging = false;
      this.#promptWhileAcknowledging = undefined;
    }
    if (view.subject) clearSnoozes(defaultStorage(), view.subject);
    this.understood = false;
    emit(this, 'relais-acknowledge', { acknowledgment });
    // In inline mode the card gives way to the "acknowledged on" line: the keyboard goes on to "read it again".
    await this.#confirm(this.#l10n.t.charterThanks, mayTakeFocus, this.mode === 'inline' ? '[part~="reread-button"]' : undefined);
  };

  #snooze = (): void => {
    const client = this.#clients.client;
    const view = this.#view();
    if (!client || !view.subject || this.acknowledging) return;
    const mayTakeFocus = this.#mayTakeFocus();
    const now = client.now();
    const result = snoozeReminder(defaultStorage(), view.subject, now, { snoozeDays: this.snoozeDays, maxSnoozes: this.maxSnoozes });
    if (!result) return;
    if (!result.persisted) this.#snoozesInMemory.set(snoozeKey(view.subject), result);
    emit(this, 'relais-snooze', { until: result.until.toISOString(), snoozesLeft: result.snoozesLeft });
    this.requestUpdate();
    void this.#confirm(this.#l10n.t.charterSnoozed(this.#l10n.date(result.until)), mayTakeFocus);
  };

  #retry = (): void => {
    // The retry button gives way to the loading state: keep the keyboard here, not at the top.
    if (this.#hasFocus()) this.#focusHost();
    void this.#clients.client?.reloadCharter();
  };

  #openBody = (event: Event): void => {
    const dialog = this.bodyDialog;
    const charter = this.#view().charter;
    if (!dialog || dialog.open || !charter) return;
    const body = dialog.querySelector<HTMLElement>('[part~="body"]')!;
    // Built now, not with the page: the body's images request nothing before the viewer asks to
    // read it (DESIGN.md, "Privacy"), and then only as they scroll into view (loading="lazy").
    body.replaceChildren(this.#sanitized(charter.body));
    this.#bodyOpener = event.currentTarget as HTMLElement;
    dialog.showModal();
    // Start on the text itself: arrow keys scroll it, and a screen reader reads from the top.
    body.focus();
  };

  #closeBody = (): void => {
    this.bodyDialog?.close();
  };

  /** Escape or the close button: the dialog is gone, focus goes back where it came from. */
  #onBodyClose = (event: Event): void => {
    // Out of the document while closed: images further down that were never scrolled to stay unrequested.
    (event.currentTarget as HTMLElement).querySelector('[part~="body"]')?.replaceChildren();
    const opener = this.#bodyOpener;
    this.#bodyOpener = undefined;
    if (opener?.isConnected) opener.focus();
  };

  #dismissModal = (): void => {
    this.modal?.close();
  };

  /**
   * The modal closed. While acknowledgment is still asked, the viewer dismissed it (Escape, close
   * button): not a snooze, but not again in this browsing session. Otherwise `#syncModal` closed it
   * after an acknowledgment or a snooze, whose confirmation takes care of the keyboard.
   */
  #onModalClose = (event: Event): void => {
    const view = this.#view();
    if (event.target !== this.modal || view.state !== 'prompt' || !view.subject) return;
    this.modalDismissed = true;
    recordDismissal(defaultStorage('session'), view.subject);
    if (this.#focusLost()) this.#focusAfterModal();
  };

  #dismissedThisSession(subject: SnoozeSubject | undefined): boolean {
    return !!subject && wasDismissed(defaultStorage('session'), subject);
  }

  // ---- Focus and announcements ----

  /**
   * Confirms an acknowledgment or a snooze once the change it caused has rendered. When that
   * change left the keyboard nowhere (the strip collapsed, the card gave way, the modal closed),
   * it goes to `focusTarget`, else back to where it was before the modal, else to the
   * confirmation itself; otherwise the confirmation is announced politely.
   * `mayTakeFocus`: the keyboard was ours or nowhere when the viewer acted (never take it from
   * elsewhere in the page).
   */
  async #confirm(text: string, mayTakeFocus: boolean, focusTarget?: string): Promise<void> {
    const token = ++this.#confirmations;
    if (mayTakeFocus) {
      await this.updateComplete;
      if (token !== this.#confirmations) return;
    }
    if (mayTakeFocus && this.#focusLost()) {
      const target = (focusTarget && this.renderRoot.querySelector<HTMLElement>(focusTarget)) || this.#takeFocusBeforeModal();
      if (target) {
        target.focus();
      } else {
        // Read once, as the focused text: live as well, it would be read twice.
        this.confirmation = { text, live: false };
        await this.updateComplete;
        this.confirmationLine?.focus();
        return;
      }
    }
    await this.#announce(text, token);
  }

  /**
   * Says `text` in the polite live region. A region is announced when its text changes, and only
   * if it was live before: a region that holds text (or was not live) is first emptied and left
   * empty for a frame, so that the same words twice are announced twice.
   */
  async #announce(text: string, token: number): Promise<void> {
    if (this.confirmation.text || !this.confirmation.live) {
      this.confirmation = { text: '', live: true };
      await this.updateComplete;
      await afterNextPaint();
      if (token !== this.#confirmations) return;
    }
    this.confirmation = { text, live: true };
  }

  #hasFocus(): boolean {
    return !!this.shadowRoot?.activeElement;
  }

  /** The keyboard is on one of our controls, or nowhere (a click that does not focus, as in Safari). */
  #mayTakeFocus(): boolean {
    const active = document.activeElement;
    return this.#hasFocus() || !active || active === document.body;
  }

  /** The focused element was removed, or hidden in a closed dialog (<body> gets it next): the keyboard would restart from the top. */
  #focusLost(): boolean {
    const inside = this.shadowRoot?.activeElement;
    if (inside) return !!inside.closest('dialog:not([open])');
    const active = document.activeElement;
    return !active || active === document.body;
  }

  #takeFocusBeforeModal(): HTMLElement | undefined {
    const before = this.#focusBeforeModal;
    this.#focusBeforeModal = undefined;
    return before?.isConnected ? before : undefined;
  }

  /** Dialog mode, dismissed: back where the page had the keyboard, else on the element, which keeps its place in the page. */
  #focusAfterModal(): void {
    const before = this.#takeFocusBeforeModal();
    before?.focus();
    if (before && !this.#focusLost()) return;
    this.#focusHost();
  }

  /** Keeps the keyboard at the element's place in the page while its content changes. */
  #focusHost(): void {
    if (!this.hasAttribute('tabindex')) {
      this.setAttribute('tabindex', '-1');
      this.addEventListener('blur', () => this.removeAttribute('tabindex'), { once: true });
    }
    this.focus();
  }
}

/** The focused element, looking into open shadow roots (a host page built of web components). */
function deepActiveElement(): HTMLElement | undefined {
  let active = document.activeElement;
  while (active?.shadowRoot?.activeElement) active = active.shadowRoot.activeElement;
  return active instanceof HTMLElement ? active : undefined;
}

/** After the next frame has rendered; after 100 ms in a background tab, which renders none. */
function afterNextPaint(): Promise<void> {
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
