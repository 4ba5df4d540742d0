import { css, unsafeCSS } from 'lit';
import { AVATAR_COLOURS } from '../../src/ambassador-leaderboard/avatar.js';
import { baseStyles } from '../shared/base.styles.js';
import { buttonStyles } from '../shared/button.styles.js';
import { themeStyles } from '../shared/theme.styles.js';

/*
 * A quiet panel of the page: a heading and the period on one line, then the board, then the
 * privacy line in small muted type. Recognition without competition, so (VISUAL.md): no podium,
 * no medals, no gold-silver-bronze colours, and no red or warning colour for low figures; ranks
 * are plain text, the viewer's row is tinted with the accent and marked in words (« vous »).
 *
 * Why, rule by rule (kept out of the CSS text, which ships as it is written):
 * - The element is its own container: under 30rem the shares and tier columns give way (the tier
 *   moves under the name) and the period goes under the heading.
 * - Numbers are right-aligned in tabular figures, so that columns of points read at a glance.
 * - A long board (windowed) scrolls in its own region with a fixed row height (names on one line,
 *   ellipsis), which lets rows not yet in view be spacer rows of a known height; the header stays.
 *   No scroll anchoring there: the browser would move the scroll position each time the window
 *   swaps rows for spacer height. The region has a fixed height and strict containment, so that a
 *   row changing inside it (a live update) is laid out and painted there, not the whole page.
 * - Avatars: 2rem circles, a picture over initials (the initials show when it fails); anonymous
 *   rows a neutral outlined circle. Sizes are fixed, so that a picture arriving shifts nothing.
 * - The progress bar is drawn with the accent on a bordered track (≥ 3:1 in both schemes).
 */
export const ambassadorLeaderboardStyles = [
  themeStyles,
  baseStyles,
  buttonStyles,
  css`
    :host {
      container-type: inline-size;
      color: var(--_text);
      --_inset: var(--relais-inset, var(--_space));
      --_highlight: var(--relais-color-highlight, color-mix(in srgb, var(--_accent) 12%, var(--_surface)));
    }

    [part~='leaderboard'] {
      background: var(--_surface);
      border: 1px solid color-mix(in srgb, var(--_border) 45%, transparent);
      border-radius: var(--_radius);
      padding: 1rem var(--_inset);
    }

    header {
      display: flex;
      flex-wrap: wrap;
      align-items: baseline;
      justify-content: space-between;
      gap: 0.25rem 1rem;
      margin-block-end: 0.75rem;
    }

    [part~='title'] {
      font-size: 1.125rem;
      font-weight: 650;
      line-height: 1.3;
    }

    [part~='period'] {
      margin: 0;
      color: var(--_muted);
      font-size: 0.9375rem;
    }

    .period-switch {
      display: inline-flex;
      align-items: center;
      gap: 0.5rem;
      color: var(--_muted);
      font-size: 0.9375rem;
    }

    select {
      min-height: 2.25rem;
      padding: 0.25rem 0.5rem;
      color: var(--_text);
      background: var(--_surface);
      border: 1px solid var(--_border);
      border-radius: calc(var(--_radius) * 0.75);
    }

    /* The table */
    table {
      width: 100%;
      table-layout: fixed;
      border-collapse: collapse;
      font-variant-numeric: tabular-nums;
    }

    th,
    td {
      padding: 0.5rem 0.5rem;
      text-align: start;
      vertical-align: middle;
      border-block-end: 1px solid color-mix(in srgb, var(--_border) 30%, transparent);
    }

    thead th {
      white-space: normal;
      vertical-align: bottom;
      color: var(--_muted);
      font-size: 0.8125rem;
      font-weight: 600;
      border-block-end-color: color-mix(in srgb, var(--_border) 70%, transparent);
    }

    thead .number {
      white-space: normal;
    }

    tbody th {
      font-weight: 500;
    }

    .rank {
      width: 3.5rem;
      color: var(--_muted);
      white-space: nowrap;
    }

    th.rank {
      color: var(--_muted);
    }

    .number {
      width: 5.5rem;
      text-align: end;
      white-space: nowrap;
    }

    th.tier {
      width: 7.5rem;
    }

    th.average {
      width: 6.5rem;
    }

    tr.viewer {
      background: var(--_highlight);
    }

    tr.viewer td,
    tr.viewer th {
      font-weight: 650;
      color: var(--_text);
    }

    .who {
      display: flex;
      align-items: center;
      gap: 0.625rem;
      min-width: 0;
    }

    .who .label {
      min-width: 0;
    }

    .you {
      display: inline-block;
      white-space: nowrap;
      padding: 0 0.5rem;
      color: var(--_accent);
      border: 1px solid currentColor;
      border-radius: 999px;
      font-size: 0.8125rem;
      font-weight: 600;
      line-height: 1.4;
    }

    .badge {
      display: inline-block;
      padding: 0 0.5rem;
      color: var(--_text);
      background: color-mix(in srgb, var(--_border) 14%, var(--_surface));
      border: 1px solid color-mix(in srgb, var(--_border) 55%, transparent);
      border-radius: 999px;
      font-size: 0.8125rem;
      font-weight: 500;
      line-height: 1.5;
    }

    .narrow-only {
      display: none;
    }

    [part~='pinned'] th[scope='rowgroup'] {
      padding-block: 0.75rem 0.25rem;
      color: var(--_muted);
      font-size: 0.8125rem;
      font-weight: 600;
      border-block-end: 0;
    }

    /* Avatars */
    .avatar {
      position: relative;
      flex: none;
      display: inline-block;
      width: 2rem;
      height: 2rem;
      line-height: 2rem;
      text-align: center;
      overflow: hidden;
      border-radius: 50%;
      color: #fff;
      background: var(--_avatar, transparent);
      font-size: 0.75rem;
      font-weight: 650;
      letter-spacing: 0.02em;
    }

    ${unsafeCSS(AVATAR_COLOURS.map((colour, index) => `.hue-${index} { --_avatar: ${colour}; }`).join('\n'))}

    .avatar.anonymous {
      background: transparent;
      border: 1.5px dashed var(--_border);
    }

    .avatar img {
      position: absolute;
      inset: 0;
      width: 100%;
      height: 100%;
      object-fit: cover;
    }

    /* A long board: its own scrolling region, one row height */
    .scroller {
      height: var(--relais-leaderboard-max-height, 30rem);
      overflow-y: auto;
      overscroll-behavior: contain;
      overflow-anchor: none;
      contain: strict;
      border-radius: calc(var(--_radius) * 0.5);
    }

    .scroller thead th {
      position: sticky;
      top: 0;
      z-index: 1;
      background: var(--_surface);
    }

    .scroller tbody tr[data-row] {
      height: 3rem;
    }

    .scroller .who .label {
      overflow: hidden;
      white-space: nowrap;
      text-overflow: ellipsis;
    }

    .spacer td {
      padding: 0;
      border: 0;
    }

    /* Tiers */
    .tier-group + .tier-group {
      margin-block-start: 1rem;
    }

    [part~='tier-heading'] {
      font-weight: 650;
      margin-block-end: 0.375rem;
    }

    .tier-group ul,
    .recent {
      list-style: none;
      margin: 0;
      padding: 0;
    }

    .tier-group ul {
      display: grid;
      grid-template-columns: repeat(auto-fill, minmax(13rem, 1fr));
      gap: 0.25rem 1rem;
    }

    .tier-group li {
      display: flex;
      align-items: center;
      gap: 0.625rem;
      min-width: 0;
      padding: 0.25rem 0.375rem;
      border-radius: calc(var(--_radius) * 0.75);
    }

    .tier-group li.viewer {
      background: var(--_highlight);
      font-weight: 650;
    }

    [part~='more'] {
      margin: 0.375rem 0 0;
      color: var(--_muted);
      font-size: 0.9375rem;
    }

    /* Personal */
    .figures {
      display: flex;
      flex-wrap: wrap;
      align-items: baseline;
      gap: 0.25rem 1rem;
      margin: 0 0 0.75rem;
    }

    .figures strong {
      font-size: 1.375rem;
      font-weight: 700;
    }

    .progress-label {
      display: block;
      color: var(--_muted);
      font-size: 0.875rem;
    }

    progress {
      display: block;
      width: 100%;
      height: 0.75rem;
      margin-block: 0.25rem;
      appearance: none;
      border: 1px solid var(--_border);
      border-radius: 999px;
      background: var(--_surface);
      overflow: hidden;
    }

    progress::-webkit-progress-bar {
      background: var(--_surface);
    }

    progress::-webkit-progress-value {
      background: var(--_accent);
      border-radius: 999px;
    }

    progress::-moz-progress-bar {
      background: var(--_accent);
    }

    [part~='next-tier'] {
      margin: 0 0 1rem;
    }

    .recent-heading {
      font-weight: 650;
      margin-block-end: 0.375rem;
    }

    .recent li {
      display: flex;
      align-items: baseline;
      gap: 0.5rem;
      padding-block: 0.375rem;
      border-block-end: 1px solid color-mix(in srgb, var(--_border) 30%, transparent);
    }

    .recent .what {
      flex: 1;
      min-width: 0;
    }

    .recent .where {
      display: block;
      color: var(--_muted);
      font-size: 0.875rem;
    }

    .network {
      flex: none;
      align-self: center;
      width: 1rem;
      height: 1rem;
      color: var(--_muted);
    }

    .network svg {
      width: 100%;
      height: 100%;
    }

    .earned {
      flex: none;
      color: var(--_muted);
      font-size: 0.875rem;
      white-space: nowrap;
    }

    [part~='retry-button'] {
      margin-block-start: 0.5rem;
    }

    /* Footer lines */
    [part~='only-you'],
    [part~='empty'] {
      margin: 0.75rem 0 0;
    }

    [part~='empty'] {
      margin: 0;
    }

    [part~='privacy'] {
      margin: 0.75rem 0 0;
      color: var(--_muted);
      font-size: 0.8125rem;
      line-height: 1.45;
    }

    @container (max-width: 30rem) {
      header {
        flex-direction: column;
        align-items: flex-start;
      }

      .shares,
      .tier,
      .members {
        display: none;
      }

      .narrow-only {
        display: block;
        margin-inline-start: 2.625rem;
        padding: 0;
        color: var(--_muted);
        background: none;
        border: 0;
        font-size: 0.8125rem;
      }

      .number {
        width: 4rem;
      }

      th.average {
        width: 5rem;
      }

      .scroller .narrow-only {
        display: none;
      }

      .recent li {
        flex-wrap: wrap;
      }

      .recent .earned {
        flex-basis: 100%;
        padding-inline-start: 1.5rem;
      }

      .rank {
        width: 2.75rem;
      }

      th,
      td {
        padding-inline: 0.375rem;
      }
    }
  `,
];
