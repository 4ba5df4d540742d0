import { LitElement, type PropertyValues, type TemplateResult } from 'lit';
import { property } from 'lit/decorators.js';
import type { ReadableAtom } from 'nanostores';
import type { RelaisClient } from '../../src/client/client.js';
import type { RelaisErrorInfo } from '../../src/client/errors.js';
import { ClientController, type ClientBinding } from '../../src/context/index.js';
import type { CommonStrings } from '../../src/i18n/catalogue.js';
import { LocaleController } from '../../src/i18n/locale-controller.js';
import { CustomStatesController } from './custom-states.js';
import { defineElement } from './define.js';
import { ErrorReporter, reportFailedWrites } from './error-reporter.js';
import { hasFocus, holdAtHost } from './focus.js';
import { LiveRegionController } from './live-region.js';
import { missingClientState, renderLoadError, renderLoading, renderNotConfigured, type MissingClientView } from './status.js';

/** What an element's model offers the base: the view it derives, and a way to load again after an error. */
export interface ElementModel<View> {
  readonly $view: ReadableAtom<View>;
  retry(): Promise<unknown>;
}

/**
 * The base of every Relais element that shows data: it owns the element's client (provider,
 * `configure`, script tag), one model per client (released when the element leaves the page or
 * the model's query changes), the view derived once per update (the "no client" states first),
 * custom states, error reporting, announcements and the loading / not configured / error
 * rendering (with "Try again", which keeps the keyboard in place). An element keeps only what
 * it shows: `createModel`, `stateOf` and `render`.
 *
 * A base class rather than one controller: the states, the `theme` property and `define()` are
 * the element's own API, and a controller could not give them (nor one `willUpdate`/`updated`
 * that every element would otherwise have to call in the right order).
 *
 * @cssstate not-configured - No client was configured for the element.
 * @cssstate error - Its data could not be read; a message and "Try again" are shown.
 *
 * @csspart status - The loading and "not configured" messages.
 * @csspart error - An error message.
 * @csspart retry-button - Reads the data again after an error.
 *
 * @cssprop --relais-font-family - The font stack; by default the system's UI font (`system-ui, …`). To take the page's own font, set `font-family: inherit` on the element (`charter-banner { font-family: inherit }`): a custom property set to `inherit` inherits the custom property itself, not the page's font.
 * @cssprop --relais-color-text - Text colour.
 * @cssprop --relais-color-muted - Secondary text colour.
 * @cssprop --relais-color-on-accent - Text on the accent colour.
 * @cssprop --relais-color-border - Borders.
 * @cssprop --relais-color-error - Error messages.
 * @cssprop --relais-radius - Corner radius.
 * @cssprop --relais-spacing - The base spacing unit.
 * @cssprop --relais-focus-ring - The `outline` of the focused control, e.g. `3px solid #1d4ed8`.
 */
export abstract class RelaisElement<Model extends ElementModel<View>, View extends { state: string }, State extends string> extends LitElement {
  /** The tag an element registers under by default; `define()` uses it. */
  static tagName: string;

  /** Every state of the element, for `:state(…)`. */
  protected static states: readonly string[] = [];

  /** The part name of the element's polite live region, and whether it is for screen readers only. */
  protected static liveRegion: { part: string; hidden?: boolean } = { part: 'confirmation' };

  /** Registers the element, by default under its own tag name; never throws when the tag is taken. */
  /**
   * The Relais elements this one renders in its shadow root, by their plain tag names (after
   * Shoelace's `static dependencies`): whatever registers this element on demand (the loader)
   * registers them with it, under the same prefix.
   */
  static dependencies: Readonly<Record<string, { define(tag?: string, registry?: CustomElementRegistry): void }>> = {};

  static define(tag = this.tagName, registry: CustomElementRegistry = customElements): void {
    defineElement(tag, this as unknown as CustomElementConstructor, registry);
  }

  /**
   * Forces a colour scheme; by default the reader's `prefers-color-scheme`.
   * @type {'light' | 'dark' | undefined}
   */
  @property({ reflect: true, attribute: 'theme' }) theme?: 'light' | 'dark';

  /** What the element currently shows (also exposed to CSS as `:state(…)`). */
  get state(): State {
    return this.stateOf(this.view);
  }

  protected readonly internals?: ElementInternals = typeof this.attachInternals === 'function' ? this.attachInternals() : undefined;
  protected readonly clients = new ClientController(this);
  protected readonly errors = new ErrorReporter(this);
  protected readonly live = new LiveRegionController(this, this.#static.liveRegion.part, { hidden: this.#static.liveRegion.hidden });
  /**
   * The element's locale and strings (`this.l10n.t`). Each element declares it with the lookup of
   * its own part, before any field that reads it: `protected override readonly l10n =
   * this.localize(shareCardStringsFor);`, so that a page loads only the strings of the elements it
   * shows. The base reads only the common ones (the status lines).
   */
  protected abstract readonly l10n: LocaleController<CommonStrings>;
  /** What one render shows, decided once per update in `willUpdate`. */
  protected view: View | MissingClientView = { state: 'loading' };

  readonly #states = new CustomStatesController<string>(this, this.#static.states, this.internals);
  /** The current model and the client and query it was made for. */
  #model?: { client: RelaisClient; key: string; model: Model };
  readonly #modelView = this.clients.bind((client) => this.modelFor(client).$view);
  readonly #warnings = this.clients.bind((client) => client.$warnings);
  readonly #pendingWrites = this.clients.bind((client) => client.$pendingWrites);

  get #static(): typeof RelaisElement {
    return this.constructor as typeof RelaisElement;
  }

  /** The locale controller of this element for its strings' lookup (`src/i18n/parts/<element>.ts`), for `l10n`. */
  protected localize<Strings extends CommonStrings>(strings: (locale: string) => Strings): LocaleController<Strings> {
    return new LocaleController(this, strings);
  }

  /** Makes the element's model for a client (and for the current `modelKey()`). */
  protected abstract createModel(client: RelaisClient): Model;

  /** The state a view stands for. */
  protected abstract stateOf(view: View | MissingClientView): State;

  /** What the model is made for besides the client (an item id): a new key makes a new model. */
  protected modelKey(): string {
    return '';
  }

  /** Passes the element's attributes to its model, before the view is derived. */
  protected configureModel(_model: Model, _changed: PropertyValues<this>): void {}

  /** The model of the element's current client, if it has one. */
  protected get model(): Model | undefined {
    const client = this.clients.client;
    return client && this.modelFor(client);
  }

  /** One model at a time: the one for this client and key, made on first use. */
  protected modelFor(client: RelaisClient): Model {
    const key = this.modelKey();
    const current = this.#model;
    if (current?.client === client && current.key === key) return current.model;
    const model = this.createModel(client);
    this.#model = { client, key, model };
    return model;
  }

  /** The tag of another Relais element inside this one: under a prefix (`contoso-share-card`), its prefixed sibling. */
  protected siblingTag(name: string): string {
    const own = this.#static.tagName;
    const tag = this.localName;
    return tag.endsWith(`-${own}`) ? `${tag.slice(0, -own.length)}${name}` : name;
  }

  /** Binds another of the client's stores (`client.$unsynced`…); read `.value` when rendering. */
  protected bind<T>(select: (client: RelaisClient) => ReadableAtom<T>): ClientBinding<T> {
    return this.clients.bind(select);
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    // Released once the element has left the page (its stores stop with their last subscriber);
    // an element moved within the page, out and back in one task, keeps its model and its draft.
    queueMicrotask(() => {
      if (!this.isConnected) this.#model = undefined;
    });
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    const model = this.model;
    if (model) this.configureModel(model, changed);
    this.clients.sync();
    this.view = this.deriveView();
  }

  /** What to show now: the "no client" states first, then the model's view. */
  protected deriveView(): View | MissingClientView {
    return missingClientState(this.clients) ?? this.#modelView.value ?? { state: 'loading' };
  }

  protected override updated(_changed: PropertyValues<this>): void {
    const view = this.view;
    this.#states.set(this.stateOf(view));
    this.errors.shown(view.state === 'error' || view.state === 'not-configured' ? errorOf(view) : undefined);
    this.errors.warnings(this.#warnings.value);
    // A write kept by an earlier page that the source later refused for good: one relais-error.
    reportFailedWrites(this.errors, this.#pendingWrites.value);
  }

  /** The loading, "not configured" and load error lines; `undefined` for a view of the model's own. */
  protected renderStatus(view: View | MissingClientView): TemplateResult | undefined {
    const { t } = this.l10n;
    if (view.state === 'loading') return renderLoading(t);
    if (view.state === 'not-configured') return renderNotConfigured(t);
    if (view.state === 'error') return renderLoadError(t, errorOf(view), this.retry);
    return undefined;
  }

  /** "Try again" after a load error: the keyboard stays here while the loading state replaces the button. */
  protected retry = (): void => {
    if (hasFocus(this)) holdAtHost(this);
    void this.model?.retry();
  };
}

/** The error a view in the `error` or `not-configured` state carries. */
const errorOf = (view: { state: string }): RelaisErrorInfo | undefined => (view as { error?: RelaisErrorInfo }).error;

/** The level of an element's heading (`heading-level`), kept within 1–6. */
export function headingLevel(level: number, fallback: number): number {
  return Math.min(6, Math.max(1, Math.round(level) || fallback));
}
