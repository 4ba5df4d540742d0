import { html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { property, state } from 'lit/decorators.js';
import { ifDefined } from 'lit/directives/if-defined.js';
import { html as staticHtml, unsafeStatic } from 'lit/static-html.js';
import type { RelaisClient } from '../../src/client/client.js';
import { toErrorInfo } from '../../src/client/errors.js';
import { emit, type RelaisGuardDetail } from '../../src/events/index.js';
import { shareCardStringsFor } from '../../src/i18n/parts/share-card.js';
import { shareAction } from '../../src/share/index.js';
import { CATEGORIES, networkList, type Category, type Network } from '../../src/model/index.js';
import { shareCard, sourceOf, type PreparedShare, type ShareCard, type ShareCardReadyView, type ShareCardView, SHARE_CARD_STATES, shareCardState, type ShareCardState } from '../../src/share-card/share-card.js';
import { PostComposerGuardElement } from '../post-composer-guard/post-composer-guard.js';
import { FocusController } from '../shared/focus.js';
import { headingLevel, RelaisElement } from '../shared/relais-element.js';
import { browserShareActions, carryOut, type ShareActions } from '../shared/share-actions.js';
import { CharterGate } from './charter-gate.js';
import { awaitVerdict } from './await-verdict.js';
import { MastodonForm } from './mastodon-form.js';
import { renderNetworkChoice } from './network-choice.js';
import { ShareDialog } from './share-dialog.js';
import { alertIcon, blockIcon, checkIcon, clockIcon, imageIcon, penIcon } from '../shared/icons.js';
import { networkIcon } from '../shared/network-icons.js';
import { renderLoadError, renderLoading, type MissingClientView } from '../shared/status.js';
import { shareCardStyles } from './share-card.styles.js';

/** How the card is laid out. */
export type ShareCardLayout = 'card' | 'compact' | 'inline';

export type { ShareCardState };

type CardView = ShareCardView | MissingClientView;

const LAYOUTS: readonly ShareCardLayout[] = ['card', 'compact', 'inline'];

/**
 * Ready-to-post content, shared in the employee's own words: the item's picture, title and
 * summary, one network choice, its suggested text in a `<post-composer-guard>` (checked against
 * the charter and the network's length as it is edited), and one « Share on … » button. A click
 * copies the text where the network ignores prefilled text, opens the network's share page,
 * records the share and says what it earned. Nothing is requested from any network before a click.
 *
 * Sharing waits for the charter when it asks for an acknowledgment: the buttons give way to one
 * line and one button that opens the page's one charter flow (its `<charter-banner>`'s dialog;
 * on a page without one, a dialog the first card asked holds for all). Acknowledged anywhere,
 * every card opens at once.
 *
 * @summary Share a ready-to-post item on a network, in your own words.
 * @tagname share-card
 *
 * @fires {RelaisShareDetail} relais-share - Cancelable, before a share opens: `detail.item`, `detail.network`, `detail.text`, `detail.personalized`, `detail.url`. `preventDefault()` stops it (nothing opens, nothing is recorded).
 * @fires {RelaisSharedDetail} relais-shared - The share was recorded: `detail.event` (the ShareEvent), `detail.pointsEarned`.
 * @fires {RelaisErrorDetail} relais-error - The item could not be read (`detail.field` names the bad field, e.g. `url`), or a share could not be recorded.
 *
 * @cssstate loading - The item (and the charter standing) is being read.
 * @cssstate not-found - No item has this id, or none matches the category and language.
 * @cssstate expired - The item has expired: shown, not shareable.
 * @cssstate scheduled - The item is not published yet: shown, not shareable.
 * @cssstate ready - The item can be shared.
 * @cssstate gated - The charter must be acknowledged before sharing.
 * @cssstate blocked - The text has a passage that cannot be published, or is too long for the chosen network.
 * @cssstate shared - The viewer just shared the item from this card.
 *
 * @csspart card - The card around everything.
 * @csspart media - The picture's frame.
 * @csspart image - The item's picture.
 * @csspart source - The item's site.
 * @csspart title - The item's title.
 * @csspart summary - The item's summary.
 * @csspart prompt - The invitation to write in one's own words.
 * @csspart composer - The `<post-composer-guard>` that holds the text.
 * @csspart open-button - Compact and inline layouts: the one « Partager » button, which opens the share flow in a dialog.
 * @csspart dialog - Compact and inline layouts: the modal `<dialog>` that holds the network choice, the text and the share button.
 * @csspart close-button - Closes the share dialog (Escape does too); the keyboard goes back to the « Partager » button.
 * @csspart networks - The one network choice (the last one used first): the counter, the length rule, the text and the share button follow it.
 * @csspart network-choice - One network of the choice (also `network-choice linkedin`, …).
 * @csspart actions - The share button, then copying the link and the device's share sheet.
 * @csspart share-button - The one primary action, « Partager sur LinkedIn » (also `network-button linkedin`).
 * @csspart network-button - The share button and the quiet `copy` and `native` actions (also `network-button copy`, …).
 * @csspart copy-hint - Says, before a click, that the chosen network gets the text by the clipboard.
 * @csspart blocked-reason - Why the share button does not share yet (a blocked passage, a text too long for the network), where the button is.
 * @csspart gate - The line that asks for the charter first, with its button (or why the charter could not be read).
 * @csspart charter-button - Opens the page's charter to read and acknowledge it.
 * @csspart charter - On a page without `<charter-banner>`: the `<charter-banner mode="dialog">` this card holds for the page.
 * @csspart mastodon-form - Asks for the employee's Mastodon server.
 * @csspart mastodon-chooser - Shares through Mastodon's official share page, which asks for the server.
 * @csspart mastodon-change - Gives another Mastodon server.
 * @csspart will-sync - "Saved on this device, will sync", under the buttons once shared, while the viewer's writes wait on this device for the data source.
 * @csspart confirmation - What the last action did ("text copied…", "shared on…", the points earned); a polite live region.
 * @csspart history - An earlier share of this item by the viewer.
 * @csspart notice - The expired, scheduled and not-found messages.
 *
 * @cssprop --relais-color-surface - The card's background.
 * @cssprop --relais-color-banner - The background of the picture's frame and of the loading skeleton.
 * @cssprop --relais-color-accent - Buttons, links and icons.
 * @cssprop --relais-share-card-max-width - The largest width of the card (default: the container's).
 * @cssprop --relais-inset - The space between the card's edge and its content, to line it up with the page's own padding (default: `--relais-spacing`, 1rem; 0 in the inline layout, whose text lines up with the text around it).
 * @cssprop --relais-share-card-gap - The margin above and below the card, so that cards one under another never touch (default 1rem; 0.5rem inline).
 */
export class ShareCardElement extends RelaisElement<ShareCard, ShareCardView, ShareCardState> {
  static override styles = shareCardStyles;
  static override tagName = 'share-card';
  static override dependencies = { 'post-composer-guard': PostComposerGuardElement }; // the composer it holds (the gate loads the banner it may need)
  protected static override states = SHARE_CARD_STATES;
  protected override readonly l10n = this.localize(shareCardStringsFor);

  /** The id of the item to share. Without it, the newest live item of `category` (and of the element's `lang`). */
  @property({ attribute: 'item' }) item = '';

  /**
   * Without `item`: the newest live item of this category.
   * @type {'product' | 'culture' | 'industry' | ''}
   */
  @property({ attribute: 'category' }) category: Category | '' = '';

  /** The share buttons, space-separated, in order (`linkedin x mastodon copy`); by default LinkedIn, X, Facebook, Mastodon, Bluesky, e-mail, copy link and, where the device has one, its share sheet. */
  @property({ attribute: 'networks' }) networks = '';

  /**
   * `card`: picture, title, summary, the network choice, the text and one share button; `compact`: a small picture, the title and one « Partager » button that opens the same flow in a dialog; `inline`: one line of text, the title and that « Partager » button.
   * @type {'card' | 'compact' | 'inline'}
   */
  @property({ reflect: true, attribute: 'layout' }) layout: ShareCardLayout = 'card';

  /** Leaves the UTM parameters (`utm_source`, `utm_medium`, `utm_campaign`) off the shared address. */
  @property({ type: Boolean, attribute: 'no-utm' }) noUtm = false;

  /** The level of the title's heading, to fit the page's outline (1–6). */
  @property({ type: Number, attribute: 'heading-level' }) headingLevel = 3;

  /** How the card opens a network, copies and uses the share sheet; unset: the browser's own. A host with its own way (a Teams tab) sets it. */
  @property({ attribute: false }) shareActions?: ShareActions;

  /** The picture failed to load: the frame shows a placeholder. */
  @state() private imageFailed = false;

  protected readonly keyboard = new FocusController(this);
  readonly #unsynced = this.bind((client) => client.$unsynced); // writes kept on this device until the source confirms them
  readonly #mastodon = new MastodonForm(this, {
    strings: () => this.l10n.t,
    setInstance: (value) => this.model?.setMastodonInstance(value),
    forgetInstance: () => this.model?.forgetMastodonInstance(),
    share: (chooser) => this.#share('mastodon', undefined, { mastodonChooser: chooser }),
  });
  /** Compact and inline: the share flow in a dialog, behind one « Partager » button. */
  readonly #dialog = new ShareDialog(this, () => this.l10n.t);
  /** The charter first: one line and one button to the page's one charter flow. */
  readonly #gate = new CharterGate(this, {
    client: () => this.clients.client,
    strings: () => this.l10n.t,
    bannerTag: () => this.siblingTag('charter-banner'),
    theme: () => this.theme,
    shareControl: () => this.renderRoot.querySelector<HTMLElement>('[part~="open-button"], [part~="network-button"]'),
    retry: this.retry,
  });

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('layout') && !LAYOUTS.includes(this.layout)) this.layout = 'card';
    if (changed.has('category') && this.category && !CATEGORIES.includes(this.category)) this.category = '';
    if (changed.has('item') || changed.has('category')) this.imageFailed = false;
    super.willUpdate(changed);
  }

  /** One model per client and item query; the draft and the last share belong to it. */
  protected override createModel(client: RelaisClient): ShareCard {
    return shareCard(client, {
      ...(this.item ? { item: this.item } : { ...(this.category ? { category: this.category } : {}), ...(this.lang ? { lang: this.lang } : {}) }),
      canShareNatively: (data) => (this.shareActions ?? browserShareActions).canShare(data),
      utm: !this.noUtm,
    });
  }

  protected override modelKey(): string {
    return JSON.stringify([this.item, this.item ? '' : this.category, this.item ? '' : this.lang, this.noUtm]);
  }

  protected override configureModel(card: ShareCard): void {
    card.setNetworks(networkList(this.networks));
  }

  protected override stateOf(view: CardView): ShareCardState {
    return shareCardState(view);
  }

  protected override render() {
    const view = this.view;
    const { t } = this.l10n;
    switch (view.state) {
      case 'loading':
        return this.#renderSkeleton();
      case 'not-configured':
        return html`<div part="card" class="frame">${this.renderStatus(view)}</div>`;
      case 'error':
        return html`<div part="card" class="frame failed">
          ${alertIcon()}
          <div class="failed-body">${renderLoadError(t, view.error, this.retry)}</div>
        </div>`;
      case 'not-found':
        return html`<div part="card" class="frame failed">${alertIcon()}<p part="notice">${t.shareNotFound}</p></div>`;
      case 'expired':
      case 'scheduled':
      case 'ready':
        return this.#renderCard(view);
    }
  }

  // ---- Rendering ----

  #renderSkeleton(): TemplateResult {
    return html`<div part="card" class="frame skeleton" aria-busy="true">
      <div class="bone media-bone" aria-hidden="true"></div><div class="bones" aria-hidden="true"><div class="bone"></div><div class="bone short"></div><div class="bone tall"></div></div>
      ${renderLoading(this.l10n.t)}
    </div>`;
  }

  #renderCard(view: Extract<ShareCardView, { item: unknown }>): TemplateResult {
    const { item } = view;
    const level = headingLevel(this.headingLevel, 3);
    const inline = this.layout === 'inline';
    const gated = view.state === 'ready' && view.gate === 'charter';
    return html`<article part="card" class=${gated ? 'frame gated' : 'frame'} aria-labelledby="title" lang=${item.lang}>
      ${inline ? nothing : this.#renderMedia(view)}
      <div class="content">
        <div class="head">
          ${inline ? nothing : html`<p part="source" class="data">${sourceOf(item.url)}</p>`}
          <span part="title" id="title" class="data" dir="auto" role="heading" aria-level=${level}>${item.title}</span>
          ${item.summary && this.layout === 'card' ? html`<p part="summary" class="data" dir="auto">${item.summary}</p>` : nothing}
        </div>
        <div class="share" lang=${this.l10n.locale}>
          ${view.state === 'ready' ? this.#renderShare(view) : this.#renderUnavailable(view)}
        </div>
      </div>
    </article>`;
  }

  #renderMedia(view: Extract<ShareCardView, { item: unknown }>): TemplateResult {
    const { item } = view;
    const picture = item.imageUrl && !this.imageFailed;
    return html`<div part="media" class=${picture ? 'media' : 'media placeholder'}>
      ${picture
        ? html`<img part="image" src=${item.imageUrl!} alt=${item.imageAlt ?? ''} loading="lazy" decoding="async" referrerpolicy="no-referrer" @error=${() => (this.imageFailed = true)} />`
        : imageIcon()}
    </div>`;
  }

  #renderUnavailable(view: Extract<ShareCardView, { state: 'expired' | 'scheduled' }>): TemplateResult {
    const { t } = this.l10n;
    const notice = view.state === 'expired' ? t.shareUnavailable : t.shareScheduled(this.l10n.date(view.publishedAt));
    return html`<p part="notice">${clockIcon()}<span>${notice}</span></p>`;
  }

  #renderShare(view: ShareCardReadyView): TemplateResult {
    const { t } = this.l10n;
    const gated = view.gate === 'charter';
    const gate = this.#gate.render(gated, view.charterError, Math.min(6, headingLevel(this.headingLevel, 3) + 1));
    const thanked = view.personalized && view.gate === 'open'; // beside a blocked text, thanks would read as « ready »
    const prompt = html`<p part="prompt" class=${thanked ? 'thanks' : ''}>${thanked ? checkIcon() : penIcon()}<span>${thanked ? t.shareOwnWordsThanks : t.shareOwnWords}</span></p>`;
    const choice = gated ? nothing : renderNetworkChoice(t, view, this.#onChoose);
    if (this.layout === 'card') {
      return html`${choice}${prompt}${this.#renderComposer(view)}${gated ? nothing : this.#renderButtons(view)}${gate}${this.live.render()}${this.#renderHistory(view)}`;
    }
    // Compact and inline: one « Partager » button; the whole flow in a dialog. Locked: the gate's one line instead.
    if (gated) return html`${gate}`;
    const title = html`<p id="dialog-title" class="dialog-title data" dir="auto" lang=${view.item.lang}>${view.item.title}</p>`;
    return html`${this.#dialog.renderLauncher(this.layout === 'compact')}${this.#renderHistory(view, true)}${gate}
      ${this.#dialog.render(title, html`${choice}${prompt}${this.#renderComposer(view)}${this.#renderButtons(view)}${this.live.render()}`)}`;
  }

  #renderComposer(view: ShareCardReadyView): TemplateResult {
    const tag = unsafeStatic(this.siblingTag('post-composer-guard'));
    return staticHtml`<${tag}
      part="composer"
      label=${this.l10n.t.shareEditText}
      network=${view.textNetwork}
      mode="advisory" lazy
      rows="6"
      theme=${ifDefined(this.theme)}
      .value=${view.text}
      @input=${this.#onInput}
      @relais-guard=${this.#onGuard}
    ></${tag}>`;
  }

  /** One primary action, for the chosen network; copying the link and the share sheet stay quiet beside it. */
  #renderButtons(view: ShareCardReadyView): TemplateResult {
    const { t } = this.l10n;
    const chosen = view.textNetwork;
    const { used, limit } = view.length;
    // Never a disabled button: it stays real, and the reason stands where it is.
    const reason = view.gate === 'guard' ? t.shareBlockedByGuard : view.gate === 'length' ? t.shareTooLong(t.networkName(chosen), this.l10n.number(used), this.l10n.number(limit ?? 0)) : undefined;
    // LinkedIn and Facebook ignore prefilled text: said before the click, not only after it.
    const pasted = shareAction(chosen) === 'copy-then-open';
    const describedBy = [reason ? 'blocked-reason' : '', pasted ? 'copy-hint' : ''].filter(Boolean).join(' ') || undefined;
    return html`
      ${reason ? html`<p part="blocked-reason" id="blocked-reason" tabindex="-1">${blockIcon()}<span>${reason}</span></p>` : nothing}
      <!-- Busy between a click and its recording: a second click then does nothing (one share per click). -->
      <div part="actions" class="actions" aria-busy=${ifDefined(view.sharing ? 'true' : undefined)}>
        <button part="share-button network-button ${chosen}" class="primary" data-network=${chosen} aria-describedby=${ifDefined(describedBy)} @click=${this.#onNetworkClick}>
          ${networkIcon(chosen)}<span>${t.shareButton(chosen)}</span>
        </button>
        ${view.extras.map(
          (network) => html`<button part="network-button ${network}" class="tertiary" data-network=${network} @click=${this.#onNetworkClick}>${networkIcon(network)}<span>${t.shareButton(network)}</span></button>`,
        )}
      </div>
      ${pasted ? html`<p part="copy-hint" id="copy-hint">${t.shareCopyHint(t.networkName(chosen))}</p>` : nothing}
      ${this.#mastodon.render(chosen === 'mastodon' ? view.mastodonInstance : undefined)}
      ${view.lastShare?.status === 'failed' ? html`<p part="error" role="alert">${t.shareRecordFailed}</p>` : nothing}
      ${(this.#unsynced.value ?? 0) > 0 && (view.lastShare?.status === 'recorded' || view.pastShares.length)
        ? html`<p part="will-sync">${t.willSync}</p>`
        : nothing}
    `;
  }

  /** The viewer's last share of the item; `always`: also right after sharing (the launcher's line, outside the dialog that confirmed it). */
  #renderHistory(view: ShareCardReadyView, always = false): TemplateResult | typeof nothing {
    const last = view.pastShares[0];
    if (!last || (view.lastShare && !always)) return nothing;
    const { t } = this.l10n;
    return html`<p part="history">${checkIcon()}<span>${t.sharePreviously(last.network, this.l10n.date(last.at))}</span></p>`;
  }

  // ---- Handlers ----

  #onInput = (event: Event): void => this.model?.setText((event.currentTarget as HTMLElement & { value: string }).value);

  /** The composer's verdict, length aside: the model measures the chosen network's itself (a switch is never judged by the last report). */
  #onGuard = (event: CustomEvent<RelaisGuardDetail>): void => {
    const { verdict, findings } = event.detail.report;
    const blocking = findings.filter((finding) => finding.severity === 'block');
    const byRules = verdict === 'block' && (blocking.length === 0 || blocking.some((finding) => finding.ruleId !== 'length'));
    this.model?.setVerdict(byRules ? 'block' : verdict === 'block' ? 'warn' : verdict);
  };

  #onChoose = (event: Event): void => this.model?.setTextNetwork((event.currentTarget as HTMLInputElement).value as Network);

  #onNetworkClick = (event: MouseEvent): void => {
    // The second click of a double click is the same intent: one share, one window.
    if (event.detail > 1) return;
    const button = event.currentTarget as HTMLElement;
    // The share button shares to the network chosen now (its label may not have rendered yet).
    const view = this.model?.$view.get();
    const network = button.matches('[part~="share-button"]') && view?.state === 'ready' ? view.textNetwork : (button.dataset.network as Network);
    this.#share(network, button);
  };

  /** Shares from the click itself (see `carryOut`). */
  #share(network: Network, button: HTMLElement | undefined, options: { mastodonChooser?: boolean; checked?: boolean } = {}): void {
    const model = this.model;
    const view = this.view;
    if (!model || view.state !== 'ready') return;
    const { t } = this.l10n;
    // Not judged yet (the guard loads with the first edit): the button waits for the verdict, busy, then goes on.
    if (!view.checked && !options.checked && awaitVerdict(this, button, () => this.#share(network, button, { ...options, checked: true }))) return;
    if (view.gate === 'guard' || (view.gate === 'length' && network !== 'copy')) {
      this.renderRoot.querySelector<HTMLElement>('[part~="blocked-reason"]')?.focus();
      return;
    }
    const prepared = model.begin(network, options);
    if ('refused' in prepared) {
      if (prepared.refused === 'mastodon-instance') void this.#mastodon.open();
      return;
    }
    const { item, text, personalized, url, intent } = prepared;
    if (!emit(this, 'relais-share', { item, shareableId: item.id, network, text, personalized, url })) {
      model.cancel();
      return;
    }
    const { copied, shared } = carryOut(intent, this.shareActions ?? browserShareActions, this);
    const said = copied?.then((done) => (!done ? t.shareCopyFailed : intent.action === 'copy' ? t.shareDone(network) : t.shareTextCopied(t.networkName(network))));
    void said?.then((text) => this.live.announce(text));
    // The share sheet closed without sharing: nothing happened, nothing is recorded.
    void shared.then((done) => (done ? this.#record(prepared, said) : model.cancel()));
    button?.focus();
  }

  /** Records the share, then says what happened: `before` (what the copy did) and the points. */
  async #record(prepared: PreparedShare, before?: Promise<string>): Promise<void> {
    const model = this.model;
    if (!model) return;
    const { t } = this.l10n;
    try {
      const result = await model.record(prepared);
      if (!result) return;
      emit(this, 'relais-shared', { event: result.event, pointsEarned: result.pointsEarned });
      // A copied link: « Lien copié. » only (already said by the copy), nothing shared, nothing earned.
      if (prepared.kind === 'copy-link') return;
      const earned = result.pointsEarned > 0 ? ` ${t.sharePointsEarned(result.pointsEarned, this.l10n.number(result.pointsEarned))}` : '';
      const copied = before ? `${await before} ` : '';
      void this.live.announce(`${copied}${t.shareDone(prepared.network)}${earned}`);
    } catch (error) {
      this.errors.report(toErrorInfo(error));
    }
  }
}
