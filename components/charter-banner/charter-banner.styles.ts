import { css } from 'lit';
import { baseStyles } from '../shared/base.styles.js';
import { buttonStyles } from '../shared/button.styles.js';
import { dialogStyles } from '../shared/dialog.styles.js';
import { themeStyles } from '../shared/theme.styles.js';

/*
 * After DSFR's notice and consent banners: an icon, the title and one sentence, then one row of
 * actions — secondary (outlined), primary (filled), tertiary (text) — all of one height. The
 * summary waits behind a disclosure. Sizes follow the room the element has (container queries,
 * 280 px to full width), not the viewport.
 *
 * Why, rule by rule (kept out of the CSS text, which ships as it is written):
 * - In the flow at the top of the page by default (WCAG 2.2 2.4.11: it never covers the focused element); sticky only on request, and then the page's scroll padding keeps focused elements clear of it.
 * - The strip at the top of the page, or the card in the flow.
 * - « Read the charter » ends the sentence, as DSFR's notice puts its link (and stays the first control for the keyboard).
 * - Its controls flow with the rest of the row: on a narrow card, the button goes beside "later".
 * - A phone, a narrow column: DSFR's small text, buttons of 32 px and the checkbox's label 28 px high (WCAG 2.5.8 asks 24).
 * - The icon floats in the sentence, which then has the whole width.
 * - Buttons: one height, one baseline; the primary one is the only filled one.
 * - « I confirm » is always a real primary button (GOV.UK); pressed too early, the reason shows under the checkbox, in the error colour and with an icon-free text (it is read with the checkbox).
 * - « Remind me later » is a quiet text button: never louder than the primary one.
 * - The content sits on the page's grid: `--relais-inset` (e.g. `max(1.5rem, (100% - 46rem) / 2)`) is where the strip's content starts (the end keeps the strip's own padding, so that the row has room).
 * - A phone: « Summary » beside « Remind me later », the number of postponements left under both (it describes the button, which points to it).
 * - A phone: the title on its own line beside the icon (all its lines), the sentence under both at the full width (never half beside the icon, half under it). A card in an article (inline mode) drops the icon there: its border says what it is, and the title keeps the whole width.
 * - Text buttons: their words line up with the rest when a row wraps.
 * - The load error: its icon in the error colour, "Try again" beside the message.
 * - The summary and the change note, on request.
 * - Inline mode when nothing is asked (acknowledged, postponed): one line, still a way to read it.
 * - The live region is always there (so that screen readers watch it) and takes no room empty; its words line up with the strip's, or the card's.
 * - A theme forced on the element (theme="dark" on a light page) brings its own background.
 * - Both dialogs: title and « Close » on top, the text scrolls, the acknowledgment stays in view.
 * - The dialog's title introduces the charter: never smaller than the charter's own headings.
 * - The charter's own HTML: readable, scrollable, and unable to leave its box.
 * - One focus style: the same ring, drawn inside the scrolling text rather than cut by its edges.
 * - The disclosure's marker turns; colours change at once (a fading button is unreadable half-way).
 */
export const charterBannerStyles = [
  themeStyles,
  baseStyles,
  buttonStyles,
  dialogStyles,
  css`
  :host([sticky][mode='banner']) {
    position: sticky;
    top: 0;
    z-index: var(--relais-z-index, 10);
  }

  .icon {
    flex: none;
    width: 1.25rem;
    height: 1.25rem;
  }

  [part~='banner'],
  .line {
    container-type: inline-size;
    color: var(--_text);
    background: var(--_banner);
  }

  :host(:not([mode='inline'])) [part~='banner']:not(.sheet) {
    border-bottom: 1px solid var(--_border);
  }

  :host([mode='inline']) [part~='banner'],
  .line {
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
  }

  .layout {
    padding: 0.75rem var(--_space);
    padding-inline-start: var(--relais-inset, var(--_space));
    display: grid;
    grid-template-columns: auto minmax(0, 1fr);
    gap: 0.375rem 0.625rem;
    align-items: start;
  }

  .layout > .icon,
  .line > .icon,
  .sheet-header > .icon {
    margin-block: 0.125rem;
    color: var(--_accent);
  }

  .lead {
    margin: 0;
    align-self: center;
  }

  .lead [part~='read-button'] {
    display: inline;
    min-height: 0;
    padding: 0;
    margin-inline-start: 0.25em;
    border: 0;
    text-decoration: underline;
    text-underline-offset: 0.2em;
  }

  [part~='title'] {
    font-weight: 700;
    margin-inline-end: 0.25em;
    text-wrap: balance;
  }

  .actions {
    grid-column: 1 / -1;
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: 0.5rem 0.75rem;
  }

  .step {
    display: contents;
  }

  @container (min-width: 40rem) {
    .layout > .actions {
      grid-column: 2;
    }
  }

  @container (max-width: 36rem) {
    .layout,
    .sheet-footer {
      font-size: 0.875rem;
    }

    .layout {
      display: block;
      padding: 0.5rem;
      padding-inline-start: var(--relais-inset, 0.5rem);
    }

    .layout > .icon {
      float: inline-start;
      margin: 0 0.5rem 0 0;
    }

    .lead [part~='title'] {
      display: flow-root;
    }

    .layout > .actions {
      margin-top: 0.25rem;
    }

    :host([mode='inline']) .layout > .icon {
      display: none;
    }

    :host([mode='inline']) .layout {
      padding-block: 0.375rem;
    }

    :host([mode='inline']) .layout > .actions {
      margin-top: 0;
    }

    .understood {
      min-height: 2em;
    }

    .actions button,
    .actions summary {
      min-height: 2.25em;
    }

    .actions .primary {
      padding-inline: 0.625em;
    }

    .actions {
      gap: 0.25rem 0.375rem;
    }

    .actions .understood {
      gap: 0.375em;
    }

    .lead {
      line-height: 1.45;
    }

    [part~='snooze-hint'] {
      font-size: 0.8125rem;
      order: 1;
    }
  }

  .understood {
    display: inline-flex;
    align-items: center;
    gap: 0.375em;
    min-height: 2.5em;
    line-height: 1.25;
  }

  .understood-field {
    display: inline-flex;
    flex-direction: column;
  }

  .field-error {
    color: var(--_error);
    font-size: 0.875em;
    font-weight: 600;
    padding-bottom: 0.25em;
  }

  [part~='snooze-button'] {
    font-weight: 400;
  }

  .primary[aria-busy='true'] {
    cursor: progress;
  }

  .tertiary,
  .link-button,
  summary {
    padding-inline: 0.25em;
    margin-inline: -0.25em;
    border-color: transparent;
  }

  .link-button {
    display: inline;
  }

  .understood {
    gap: 0.5em;
    cursor: pointer;
  }

  [part~='checkbox'] {
    flex: none;
    width: 1.125rem;
    height: 1.125rem;
    margin: 0;
    accent-color: var(--_accent);
  }

  [part~='snooze-hint'] {
    font-size: 0.875em;
    color: var(--_muted);
  }

  .wide {
    flex-basis: 100%;
  }

  .failed > .icon {
    color: var(--_error);
    align-self: center;
  }

  .failed > .actions {
    grid-column: 2;
  }

  details[open] {
    flex-basis: 100%;
  }

  summary {
    cursor: pointer;
    list-style: none;
    border-radius: var(--_radius);
    color: var(--_accent);
    font-weight: 600;
  }

  .actions summary {
    min-height: 2.5em;
  }

  summary::-webkit-details-marker {
    display: none;
  }

  details:not([open]) summary .icon {
    rotate: -90deg;
  }

  .details-body {
    max-width: 42rem;
  }

  [part~='summary'] {
    margin: 0.25em 0;
  }

  [part~='change-note'] {
    margin: 0.5em 0 0;
    padding: 0.5em 0.75em;
    border-inline-start: 3px solid var(--_accent);
    background: var(--_surface);
    border-radius: calc(var(--_radius) / 2);
  }

  [part~='change-note'] p {
    margin: 0;
  }

  .change-note-heading {
    font-weight: 600;
  }

  .line {
    display: grid;
    grid-template-columns: auto minmax(0, 1fr);
    align-items: start;
    gap: 0.625rem;
    margin: 0;
    padding: 0.375rem 0.75rem;
    background: var(--_surface);
  }

  /* Discreet: the acknowledgment is safe on this device; nothing to do. */
  [part~='will-sync'] {
    color: var(--_muted);
    font-size: 0.875em;
    white-space: nowrap;
  }

  [part~='will-sync']::before {
    content: '· ';
  }

  [part~='confirmation'] {
    color: var(--_text);
  }

  [part~='confirmation']:not(:empty),
  [part~='status'] {
    padding: 0.5rem var(--_space);
    background: var(--_surface);
  }

  :host([mode='inline']) [part~='confirmation']:not(:empty) {
    padding-inline: calc(0.75rem + 1px);
  }

  .sheet {
    container-type: inline-size;
    background: var(--_surface);
    flex: 1;
    min-height: 0;
    display: grid;
    grid-template: auto minmax(0, 1fr) auto / minmax(0, 1fr) auto;
  }

  .sheet-header {
    display: flex;
    align-items: flex-start;
    gap: 0.625rem;
    padding: 1rem 0.5rem 0.75rem 1.25rem;
  }

  .sheet-header [part~='title'] {
    font-size: 1.25rem;
    line-height: 1.3;
  }

  .close {
    grid-area: 1 / 2;
    align-self: start;
    margin: 0.75rem 1rem 0 0;
  }

  .sheet-content {
    grid-column: 1 / -1;
    overflow: auto;
    padding: 0 1.25rem 1rem;
  }

  .sheet-footer {
    grid-column: 1 / -1;
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: 0.5rem 0.75rem;
    padding: 0.75rem 1.25rem;
    border-top: 1px solid var(--_border);
    background: var(--_banner);
  }

  #charter-lead {
    display: block;
  }

  .lead #charter-lead {
    display: inline;
  }

  [part~='body'] {
    line-height: 1.55;
    contain: layout paint;
    overflow-wrap: anywhere;
  }

  [part~='body']:focus-visible {
    outline-offset: -3px;
  }

  [part~='body'] :is(h1, h2) {
    font-size: 1.125rem;
  }

  [part~='body'] :is(h3, h4, h5, h6) {
    font-size: 1rem;
  }

  [part~='body'] a {
    color: var(--_accent);
  }

  [part~='body'] img {
    max-width: 100%;
    height: auto;
  }

  @media (prefers-reduced-motion: no-preference) {
    summary .icon {
      transition: rotate 120ms;
    }
  }
`,
];
