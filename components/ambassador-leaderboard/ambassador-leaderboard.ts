import { html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { property } from 'lit/decorators.js';
import { guard } from 'lit/directives/guard.js';
import { avatarColourIndex, initialsOf } from '../../src/ambassador-leaderboard/avatar.js';
import {
  ambassadorLeaderboard,
  LEADERBOARD_MODES,
  tierOf,
  type AmbassadorLeaderboard,
  type LeaderboardMode,
  type LeaderboardNews,
  type LeaderboardView,
  type PersonalBoard,
  type RankedBoard,
  type TiersBoard,
} from '../../src/ambassador-leaderboard/leaderboard.js';
import type { RelaisClient } from '../../src/client/client.js';
import { PERIODS, type LeaderboardEntry, type Period, type Tier } from '../../src/model/index.js';
import { OTHER_TEAMS_ID } from '../../src/contract/data.js';
import { ambassadorLeaderboardStringsFor } from '../../src/i18n/parts/ambassador-leaderboard.js';
import { networkIcon } from '../shared/network-icons.js';
import { headingLevel, RelaisElement } from '../shared/relais-element.js';
import type { MissingClientView } from '../shared/status.js';
import { ambassadorLeaderboardStyles } from './ambassador-leaderboard.styles.js';
import { LazyPictures } from './lazy-pictures.js';
import { VisibleRows } from './visible-rows.js';

/**
 * What the element shows: `loading`, `error`, `not-configured`; `ready` (a board); `empty` (nobody
 * shared in the period).
 */
export type AmbassadorLeaderboardState = 'loading' | 'error' | 'not-configured' | 'ready' | 'empty';

export type { LeaderboardMode } from '../../src/ambassador-leaderboard/leaderboard.js';

const STATES: readonly AmbassadorLeaderboardState[] = ['loading', 'error', 'not-configured', 'ready', 'empty'];

/** `limit="all"` or a number of rows. */
const limitConverter = {
  fromAttribute: (value: string | null): number | 'all' => {
    if (value?.trim().toLowerCase() === 'all') return 'all';
    const rows = Math.floor(Number(value));
    return Number.isFinite(rows) && rows > 0 ? rows : 10;
  },
  toAttribute: (value: number | 'all'): string => String(value),
};

/**
 * Recognition of the company's ambassadors, without harsh competition. Four ways to show it,
 * chosen by the communication team: `ranking` (the top people, competition ranks), `tiers`
 * (people grouped by tier, no ranks), `teams` (team totals and per-contributor averages) and
 * `personal` (only the viewer's own progress).
 *
 * Colleagues who did not opt in appear as an anonymous « Ambassador » row (or not at all with
 * `hide-anonymous`), never by name or id; teams below the minimum size are gathered in « Other
 * teams ». The viewer's own row is marked, and pinned below the top rows with its real rank
 * when it falls outside them. When the viewer shares on the same page, the board updates
 * without a reload and says the viewer's new place once, politely.
 *
 * @summary Ambassadors' points, tiers and teams, with privacy built in.
 * @tagname ambassador-leaderboard
 *
 * @fires {RelaisErrorDetail} relais-error - The board could not be read; `detail.code`, `detail.message`, `detail.field`.
 *
 * @cssstate loading - The board is being read.
 * @cssstate ready - A board is shown.
 * @cssstate empty - Nobody shared in the period.
 *
 * @csspart leaderboard - The element's box.
 * @csspart title - The heading.
 * @csspart period - The period shown, when it cannot be switched.
 * @csspart period-select - The period switcher (`switchable`).
 * @csspart table - The ranking or teams table.
 * @csspart row - A row of a table or of a tier's list.
 * @csspart viewer-row - The viewer's own row (or team's).
 * @csspart rank - A row's rank.
 * @csspart avatar - A person's picture, or their initials.
 * @csspart you - The « you » marker on the viewer's row.
 * @csspart tier - A tier badge.
 * @csspart pinned - The viewer's row below the top rows.
 * @csspart scroller - The scrolling region of a long board.
 * @csspart tier-group - One tier of the tiers view.
 * @csspart tier-heading - A tier's name and threshold.
 * @csspart more - How many more people a tier's list leaves out.
 * @csspart progress - The personal view's progress bar.
 * @csspart next-tier - What the next tier takes.
 * @csspart recent - The viewer's latest shares.
 * @csspart only-you - Says that the opted-out viewer's name is visible to them alone.
 * @csspart empty - Nobody shared in the period.
 * @csspart privacy - The footer: what is shown, and why some people are anonymous.
 * @csspart announcement - The polite live region that says the viewer's new place (screen readers only).
 *
 * @cssprop --relais-color-surface - The element's background.
 * @cssprop --relais-color-accent - The viewer's row, the progress bar and the period switcher's focus.
 * @cssprop --relais-color-highlight - The background of the viewer's row; by default a tint of the accent.
 * @cssprop --relais-leaderboard-max-height - The height of a long board's scrolling region; default `30rem`.
 * @cssprop --relais-inset - The space between the element's edge and its content; default `--relais-spacing`.
 */
export class AmbassadorLeaderboardElement extends RelaisElement<AmbassadorLeaderboard, LeaderboardView, AmbassadorLeaderboardState> {
  static override styles = ambassadorLeaderboardStyles;
  static override tagName = 'ambassador-leaderboard';
  protected static override states = STATES;
  protected static override liveRegion = { part: 'announcement', hidden: true };
  protected override readonly l10n = this.localize(ambassadorLeaderboardStringsFor);

  /**
   * The period counted: the current week, month, quarter, year, or all time.
   * @type {'week' | 'month' | 'quarter' | 'year' | 'all'}
   */
  @property({ reflect: true, attribute: 'period' }) period: Period = 'month';

  /**
   * `ranking`: the top people; `tiers`: people by tier, no ranks; `teams`: team totals; `personal`: the viewer's own progress only.
   * @type {'ranking' | 'tiers' | 'teams' | 'personal'}
   */
  @property({ reflect: true, attribute: 'mode' }) mode: LeaderboardMode = 'ranking';

  /**
   * Rows shown (`ranking`, `teams`), or people per tier (`tiers`); `all` for every one.
   * @type {number | 'all'}
   */
  @property({ attribute: 'limit', converter: limitConverter }) limit: number | 'all' = 10;

  /** Leaves anonymous rows out instead of showing « Ambassador ». */
  @property({ type: Boolean, reflect: true, attribute: 'hide-anonymous' }) hideAnonymous = false;

  /** Offers a period switcher (a native select); the choice is reflected in `period`. */
  @property({ type: Boolean, reflect: true, attribute: 'switchable' }) switchable = false;

  /** The level of the element's heading, to fit the page's outline (1–6). */
  @property({ type: Number, attribute: 'heading-level' }) headingLevel = 2;

  readonly #rows = new VisibleRows(this);
  protected readonly pictures = new LazyPictures(this);
  /** The last news announced, so that each reading is said once. */
  #announced?: LeaderboardNews;

  protected override createModel(client: RelaisClient): AmbassadorLeaderboard {
    return ambassadorLeaderboard(client, { period: this.#period, mode: this.#mode, limit: this.limit }, this.#display);
  }

  protected override modelKey(): string {
    return JSON.stringify([this.#period, this.#mode, this.limit]);
  }

  protected override configureModel(model: AmbassadorLeaderboard): void {
    model.setDisplay(this.#display);
  }

  get #display() {
    return { hideAnonymous: this.hideAnonymous, locale: this.l10n.locale };
  }

  protected override stateOf(view: LeaderboardView | MissingClientView): AmbassadorLeaderboardState {
    return view.state;
  }

  /** An unknown `period` or `mode` attribute reads as the default rather than failing. */
  get #period(): Period {
    return (PERIODS as readonly string[]).includes(this.period) ? this.period : 'month';
  }

  get #mode(): LeaderboardMode {
    return LEADERBOARD_MODES.includes(this.mode) ? this.mode : 'ranking';
  }

  /**
   * The news is given to the live region before the render, so that the board and the region
   * change in one update (announcing from `updated()` would take a second render of the board).
   */
  protected override willUpdate(changed: PropertyValues<this>): void {
    super.willUpdate(changed);
    const view = this.view;
    if ((view.state === 'ready' || view.state === 'empty') && view.news && view.news !== this.#announced) {
      this.#announced = view.news;
      void this.live.announce(this.#newsText(view.news));
    }
  }

  override render(): TemplateResult {
    const view = this.view;
    const { t } = this.l10n;
    const title = this.#mode === 'personal' ? t.leaderboardProgress : this.#mode === 'teams' ? t.leaderboardTeamsTitle : t.leaderboardTitle;
    return html`<section part="leaderboard" aria-labelledby="title">
      <header>
        <div part="title" id="title" role="heading" aria-level=${headingLevel(this.headingLevel, 2)}>${title}</div>
        ${this.#renderPeriod()}
      </header>
      ${this.renderStatus(view) ?? this.#renderBoard(view as Extract<LeaderboardView, { board: unknown }>)}
      ${this.live.render()}
    </section>`;
  }

  #renderPeriod(): TemplateResult {
    const { t } = this.l10n;
    if (!this.switchable) return html`<p part="period">${t.periodName(this.#period)}</p>`;
    return html`<label class="period-switch"
      ><span>${t.leaderboardPeriodLabel}</span>
      <select part="period-select" @change=${this.#onPeriodChange}>
        ${PERIODS.map((period) => html`<option value=${period} ?selected=${period === this.#period}>${t.periodName(period)}</option>`)}
      </select></label
    >`;
  }

  #renderBoard(view: Extract<LeaderboardView, { board: unknown }>): TemplateResult {
    const { t } = this.l10n;
    const { board } = view;
    const body =
      view.state === 'empty'
        ? html`<p part="empty">${t.leaderboardEmpty(board.period)}</p>`
        : board.mode === 'personal'
          ? this.#renderPersonal(board)
          : board.mode === 'tiers'
            ? this.#renderTiers(board)
            : this.#renderTable(board);
    return html`${body}
      ${view.viewerOptedOut && board.mode !== 'teams' && view.state === 'ready' ? html`<p part="only-you">${t.leaderboardOnlyYou}</p>` : nothing}
      <p part="privacy">${t.leaderboardPrivacy(board.mode)}</p>`;
  }

  // ---------------------------------------------------------------------------------------------
  // Ranking and teams: a table

  #renderTable(board: RankedBoard): TemplateResult {
    const { t } = this.l10n;
    const teams = board.mode === 'teams';
    const window = this.#rows.range(board.rows.length);
    const shown = board.rows.slice(window.start, window.end);
    // Spacer rows span the two columns shown at every width (a span over columns that narrow
    // layouts hide would keep room for them in the fixed table layout).
    const columns = 2;
    const table = html`<table part="table" aria-rowcount=${window.windowed ? board.rows.length + 1 + (board.pinned ? 2 : 0) : nothing}>
      <caption class="sr-only">${t.leaderboardCaption(teams ? 'teams' : 'people', board.period)}</caption>
      <thead>
        <tr>
          <th scope="col" class="rank">${t.leaderboardRank}</th>
          <th scope="col" class="name">${teams ? t.leaderboardTeam : t.leaderboardName}</th>
          <th scope="col" class="number">${t.leaderboardPoints}</th>
          ${teams
            ? html`<th scope="col" class="number members">${t.leaderboardMembers}</th>
                <th scope="col" class="number average">${t.leaderboardAverage}<span class="sr-only">, ${t.leaderboardAverageOf}</span></th>`
            : html`<th scope="col" class="number shares">${t.leaderboardShares}</th>
                <th scope="col" class="tier">${t.leaderboardTier}</th>`}
        </tr>
      </thead>
      <tbody>
        ${window.before ? spacer(window.before, columns) : nothing}
        ${shown.map((entry, index) => this.#renderRow(board, entry, window.windowed ? window.start + index + 2 : undefined))}
        ${window.after ? spacer(window.after, columns) : nothing}
      </tbody>
      ${board.pinned
        ? html`<tbody part="pinned">
            <tr>
              <th scope="rowgroup" colspan="2">${t.leaderboardYourRow}</th>
            </tr>
            ${this.#renderRow(board, board.pinned, undefined)}
          </tbody>`
        : nothing}
    </table>`;
    if (!window.windowed) return table;
    return html`<div part="scroller" class="scroller" data-scroller tabindex="0" role="region" aria-label=${t.leaderboardScroll} @scroll=${this.#rows.onScroll}>
      ${table}
    </div>`;
  }

  /**
   * A row, rendered again only when what it shows changed: a reading after a share changes one
   * or two rows of the board, and the others then skip their template (numbers, initials, tier).
   */
  #renderRow(board: RankedBoard, entry: LeaderboardEntry, rowIndex: number | undefined): unknown {
    const tier = board.mode === 'teams' ? undefined : tierOf(board.tiers, entry.points);
    const { id, rank, points, shares, members, isViewer, anonymous, displayName, avatarUrl } = entry;
    const shown = [id, rank, points, shares, members, isViewer, anonymous, displayName, avatarUrl, tier?.name, board.mode, rowIndex, this.l10n.t, this.l10n.locale];
    return guard(shown, () => this.#rowTemplate(board, entry, tier, rowIndex));
  }

  #rowTemplate(board: RankedBoard, entry: LeaderboardEntry, tier: Tier | undefined, rowIndex: number | undefined): TemplateResult {
    const { t } = this.l10n;
    const teams = board.mode === 'teams';
    const windowed = rowIndex !== undefined;
    const parts = entry.isViewer ? 'row viewer-row' : 'row';
    return html`<tr part=${parts} class=${entry.isViewer ? 'viewer' : ''} data-row aria-rowindex=${rowIndex ?? nothing}>
      <td part="rank" class="rank">
        ${entry.isViewer && entry.shares === 0
          ? // A viewer who has not shared yet has no place: not « 22e », last of all.
            html`<span aria-hidden="true">–</span><span class="sr-only">${t.leaderboardNotRanked}</span>`
          : t.leaderboardOrdinal(entry.rank, this.l10n.number(entry.rank))}
      </td>
      <th scope="row" class="name">
        <span class="who">
          ${teams ? nothing : this.#renderAvatar(entry)}
          <span class="label"
            ><span class="data">${this.#nameOf(entry, teams)}</span>
            ${entry.isViewer ? html`<span part="you" class="you">${teams ? t.leaderboardYourTeam : t.leaderboardYou}</span>` : nothing}</span
          >
        </span>
        ${tier && !windowed ? html`<span part="tier" class="badge narrow-only">${tier.name}</span>` : nothing}
      </th>
      <td class="number">${this.l10n.number(entry.points)}</td>
      ${teams
        ? html`<td class="number members">${entry.members === undefined ? '' : this.l10n.number(entry.members)}</td>
            <td class="number average">${entry.members ? this.l10n.number(entry.points / entry.members, { maximumFractionDigits: 1 }) : ''}</td>`
        : html`<td class="number shares">${this.l10n.number(entry.shares)}</td>
            <td class="tier">${tier ? html`<span part="tier" class="badge data">${tier.name}</span>` : nothing}</td>`}
    </tr>`;
  }

  /** A row's name in the reader's language where the data has none to give. */
  #nameOf(entry: LeaderboardEntry, teams: boolean): string {
    const { t } = this.l10n;
    if (teams && entry.id === OTHER_TEAMS_ID) return t.leaderboardOtherTeams;
    if (entry.anonymous) return t.leaderboardAnonymous;
    return entry.displayName ?? (entry.isViewer ? t.you : t.leaderboardAnonymous);
  }

  /** The picture, requested once on screen, over the initials (which show if it fails); a neutral mark for anonymous rows. */
  #renderAvatar(entry: LeaderboardEntry): TemplateResult {
    const name = entry.anonymous ? '' : (entry.displayName ?? '');
    const initials = initialsOf(name);
    if (!initials) return html`<span part="avatar" class="avatar anonymous" aria-hidden="true"></span>`;
    // A class per colour, not a style attribute: a page's CSP may refuse inline styles.
    return html`<span part="avatar" class="avatar hue-${avatarColourIndex(entry.id)}" aria-hidden="true"
      >${initials}${entry.avatarUrl && !entry.anonymous ? html`<img data-picture=${entry.avatarUrl} alt="" width="32" height="32" decoding="async" />` : nothing}</span
    >`;
  }

  // ---------------------------------------------------------------------------------------------
  // Tiers: one list per tier

  #renderTiers(board: TiersBoard): TemplateResult {
    const { t } = this.l10n;
    const level = headingLevel(this.headingLevel + 1, 3);
    return html`${board.groups.map(
      (group) => html`<section part="tier-group" class="tier-group">
        <div part="tier-heading" role="heading" aria-level=${level}>
          ${group.tier ? t.leaderboardTierHeading(group.tier.name, group.tier.minPoints, this.l10n.number(group.tier.minPoints)) : t.leaderboardNoTier}
        </div>
        <ul>
          ${group.rows.map(
            (entry) => html`<li part=${entry.isViewer ? 'row viewer-row' : 'row'} class=${entry.isViewer ? 'viewer' : ''}>
              ${this.#renderAvatar(entry)}<span class="data">${this.#nameOf(entry, false)}</span>
              ${entry.isViewer ? html`<span part="you" class="you">${t.leaderboardYou}</span>` : nothing}
            </li>`,
          )}
        </ul>
        ${group.more ? html`<p part="more">${t.leaderboardMore(group.more, this.l10n.number(group.more))}</p>` : nothing}
      </section>`,
    )}`;
  }

  // ---------------------------------------------------------------------------------------------
  // Personal: the viewer's own progress

  #renderPersonal(board: PersonalBoard): TemplateResult {
    const { t } = this.l10n;
    return html`<div class="personal">
      <p class="figures">
        <strong>${t.leaderboardPointsIn(board.points, this.l10n.number(board.points), board.period)}</strong>
        <span>${t.leaderboardSharesCount(board.shares, this.l10n.number(board.shares))}</span>
        ${board.tier ? html`<span part="tier" class="badge data">${t.leaderboardYourTier(board.tier.name)}</span>` : nothing}
      </p>
      ${board.next
        ? html`<label class="progress-label" for="progress">${t.leaderboardProgressTo(board.next.tier.name)}</label>
            <progress part="progress" id="progress" max="100" .value=${Math.round(board.next.progress * 100)} aria-describedby="next-tier"></progress>
            <p part="next-tier" id="next-tier">${t.leaderboardNextTier(board.next.missing, this.l10n.number(board.next.missing), board.next.tier.name)}</p>`
        : board.tier
          ? html`<p part="next-tier">${t.leaderboardTopTier(board.tier.name)}</p>`
          : nothing}
      <div class="recent-heading" role="heading" aria-level=${headingLevel(this.headingLevel + 1, 3)}>${t.leaderboardRecent}</div>
      ${board.recent.length === 0
        ? html`<p part="recent">${t.leaderboardNothingYet(board.period)}</p>`
        : html`<ul part="recent" class="recent">
            ${board.recent.map(
              (share) => html`<li>
                <span class="network" aria-hidden="true">${networkIcon(share.network)}</span>
                <span class="what"
                  ><span class="data">${share.title ?? t.leaderboardUntitled}</span>
                  <span class="where">${t.leaderboardSharedWhere(t.networkName(share.network), this.l10n.date(share.at))}</span></span
                >
                <span class="earned">${t.leaderboardEarned(share.points, this.l10n.number(share.points))}</span>
              </li>`,
            )}
          </ul>`}
    </div>`;
  }

  // ---------------------------------------------------------------------------------------------
  // Handlers

  #onPeriodChange = (event: Event): void => {
    const period = (event.target as HTMLSelectElement).value as Period;
    if ((PERIODS as readonly string[]).includes(period)) this.period = period;
  };

  #newsText(news: LeaderboardNews): string {
    const { t } = this.l10n;
    if (news.kind === 'rank') return t.leaderboardMovedTo(t.leaderboardOrdinal(news.rank, this.l10n.number(news.rank)), this.#mode === 'teams');
    return t.leaderboardNowPoints(news.points, this.l10n.number(news.points));
  }
}

/** The room the rows not rendered take, so that the scroll bar and positions stay true (its height set by VisibleRows). */
const spacer = (height: number, columns: number): TemplateResult =>
  html`<tr class="spacer" aria-hidden="true">
    <td colspan=${columns} data-height=${height}></td>
  </tr>`;
