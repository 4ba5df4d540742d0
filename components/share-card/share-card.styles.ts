import { css } from 'lit';
import { baseStyles } from '../shared/base.styles.js';
import { buttonStyles } from '../shared/button.styles.js';
import { dialogStyles } from '../shared/dialog.styles.js';
import { themeStyles } from '../shared/theme.styles.js';

/*
 * A card of the page's content column: the picture, the site, the title (three lines at most),
 * the summary, then the text and one row of share buttons. Sizes follow the room the card has
 * (container queries, 280 px to full width), not the viewport.
 *
 * Why, rule by rule (kept out of the CSS text, which ships as it is written):
 * - The card is its own container; from 36rem the picture sits beside the text instead of above.
 * - Titles and summaries come from the adapter: clamped to a few lines, never wider than the card.
 * - The picture keeps the 1.91:1 shape networks use for link previews; a missing or broken one leaves a quiet placeholder.
 * - Share buttons: one height, one row that wraps; each a secondary (outlined) button, the icon first.
 *   Disabled while the guard blocks, shown without colour alone: a dashed border and muted text.
 * - Every layout keeps a margin from its neighbours (cards one under another never touch) and lines its content up
 *   with the page's padding: --relais-inset, the card's inner padding (0 inline, whose text lines up with the text around it).
 * - Compact: a small picture, the title and one « Partager » button; the flow opens in a modal dialog.
 * - Inline: one line of text (no frame): the title, then the « Partager » button; locked, the gate's line follows on the left.
 * - The dialog: title and close on top, the flow scrolls, never wider than the screen.
 * - The loading skeleton has the card's shape, so that nothing jumps when the item arrives; no shimmer under reduced motion.
 */
export const shareCardStyles = [
  themeStyles,
  baseStyles,
  buttonStyles,
  dialogStyles,
  css`
  :host {
    container-type: inline-size;
    max-width: var(--relais-share-card-max-width, none);
    margin-block: var(--relais-share-card-gap, 1rem);
    color: var(--_text);
    --_inset: var(--relais-inset, var(--_space));
  }

  :host([layout='inline']) {
    margin-block: var(--relais-share-card-gap, 0.5rem);
    --_inset: var(--relais-inset, 0px);
  }

  .icon {
    flex: none;
    width: 1.25rem;
    height: 1.25rem;
  }

  .frame {
    display: grid;
    grid-template-columns: minmax(0, 1fr);
    overflow: hidden;
    color: var(--_text);
    background: var(--_surface);
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
  }

  .failed {
    grid-template-columns: auto minmax(0, 1fr);
    gap: 0.625rem;
    align-items: start;
    padding: 0.75rem var(--_inset);
  }

  .failed > .icon {
    margin-block: 0.125rem;
    color: var(--_error);
  }

  /* Beside « Réessayer », the icon sits on the row's middle, like the sentence. */
  .failed > .icon:has(+ .failed-body) {
    align-self: center;
    margin-block: 0;
  }

  .failed-body {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: 0.5rem 0.75rem;
  }

  .media {
    aspect-ratio: 1.91 / 1;
    background: var(--_banner);
    display: grid;
    place-items: center;
    color: var(--_muted);
    overflow: hidden;
  }

  .media .icon {
    width: 2rem;
    height: 2rem;
  }

  [part~='image'] {
    display: block;
    width: 100%;
    height: 100%;
    object-fit: cover;
  }

  /* The head and the share area are the frame's own rows (beside the picture when there is room). */
  .content {
    display: contents;
  }

  .head {
    display: grid;
    align-content: start;
    gap: 0.25rem;
    min-width: 0;
    padding: 0.875rem var(--_inset) 0;
  }

  [part~='source'] {
    margin: 0;
    font-size: 0.8125rem;
    color: var(--_muted);
    overflow: hidden;
    text-overflow: ellipsis;
    white-space: nowrap;
  }

  [part~='title'] {
    display: -webkit-box;
    -webkit-box-orient: vertical;
    -webkit-line-clamp: 3;
    line-clamp: 3;
    overflow: hidden;
    font-size: 1.0625rem;
    font-weight: 700;
    line-height: 1.35;
  }

  [part~='summary'] {
    margin: 0;
    display: -webkit-box;
    -webkit-box-orient: vertical;
    -webkit-line-clamp: 3;
    line-clamp: 3;
    overflow: hidden;
    color: var(--_muted);
  }

  .share {
    display: grid;
    gap: 0.75rem;
    min-width: 0;
    padding: 0.75rem var(--_inset) var(--_inset);
  }

  [part~='prompt'],
  [part~='notice'],
  .gate > p,
  [part~='blocked-reason'],
  [part~='history'] {
    display: flex;
    align-items: start;
    gap: 0.5rem;
    margin: 0;
  }

  /* Discreet: the share is safe on this device and will reach the server; nothing to do. */
  [part~='will-sync'] {
    margin: 0;
    color: var(--_muted);
    font-size: 0.875em;
  }

  [part~='prompt'] .icon,
  [part~='history'] .icon,
  .gate > p .icon,
  [part~='notice'] .icon {
    color: var(--_accent);
    margin-block: 0.125rem;
  }

  [part~='notice'] {
    font-weight: 600;
  }

  [part~='blocked-reason'] {
    color: var(--_error);
    font-weight: 600;
  }

  [part~='history'],
  [part~='copy-hint'] {
    font-size: 0.875rem;
    color: var(--_muted);
  }

  [part~='copy-hint'] {
    margin: 0;
  }

  [part~='composer'] {
    min-width: 0;
  }

  .gate {
    display: grid;
    justify-items: start;
    gap: 0.5rem;
  }

  [part~='networks'],
  .actions {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: 0.5rem;
  }

  [part~='networks'] {
    gap: 0.375rem;
    min-width: 0;
    margin: 0;
    padding: 0;
    border: 0;
  }

  [part~='network-choice'] {
    position: relative;
    display: inline-flex;
    align-items: center;
    gap: 0.375em;
    min-height: 2.25em;
    padding: 0.25em 0.75em;
    font-size: 0.875rem;
    color: var(--_text);
    background: var(--_surface);
    border: 1px solid var(--_border);
    border-radius: 999px;
    cursor: pointer;
  }

  [part~='network-choice'] .icon {
    width: 1rem;
    height: 1rem;
  }

  [part~='network-choice'] input {
    position: absolute;
    inset: 0;
    width: 100%;
    height: 100%;
    margin: 0;
    opacity: 0;
    cursor: pointer;
  }

  [part~='network-choice']:has(input:checked) {
    color: var(--_accent);
    font-weight: 700;
    border: 2px solid var(--_accent);
    padding: calc(0.25em - 1px) calc(0.75em - 1px);
  }

  [part~='network-choice']:has(input:focus-visible) {
    outline: var(--_focus-ring);
    outline-offset: 2px;
  }

  button {
    padding: 0.375em 0.75em;
    background: var(--_surface);
  }

  button:hover:not([aria-disabled='true']) {
    background: var(--_banner);
  }

  button[aria-disabled='true'] {
    cursor: not-allowed;
    color: var(--_muted);
    border: 1px dashed var(--_border);
  }

  .primary:hover:not([aria-disabled='true']) {
    color: var(--_on-accent);
    background: var(--_accent);
    text-decoration: underline;
  }

  .tertiary,
  .link-button {
    background: transparent;
  }

  .link-button {
    justify-self: start;
    font-size: 0.875rem;
  }

  [part~='network-button'] {
    position: relative;
  }

  [part~='mastodon-form'] {
    display: grid;
    gap: 0.375rem;
    padding: 0.75rem;
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
  }

  [part~='mastodon-form'] label {
    font-weight: 600;
  }

  .field {
    display: flex;
    flex-wrap: wrap;
    gap: 0.5rem;
  }

  .field input {
    flex: 1 1 12rem;
    min-width: 0;
    min-height: 2.5em;
    padding: 0.375em 0.625em;
    color: var(--_text);
    background: var(--_surface);
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
  }

  .field input[aria-invalid='true'] {
    border: 2px solid var(--_error);
  }

  .hint {
    margin: 0;
    font-size: 0.875rem;
    color: var(--_muted);
  }

  .hint.invalid {
    color: var(--_error);
    font-weight: 600;
  }

  [part~='confirmation'] {
    font-weight: 600;
  }

  [part~='confirmation']:empty {
    display: none;
  }

  /* Wide: the picture beside the title and summary; the text and the buttons below, full width. */
  @container (min-width: 36rem) {
    :host([layout='card']) .frame:not(.failed) {
      grid-template-columns: minmax(0, 2fr) minmax(0, 3fr);
    }

    :host([layout='card']) .skeleton [part~='status'] {
      grid-column: 1 / -1;
    }

    :host([layout='card']) .media,
    :host([layout='card']) .media-bone {
      margin: var(--_inset) 0 0 var(--_inset);
      border-radius: calc(var(--_radius) * 0.75);
    }

    :host([layout='card']) .head {
      padding-block-start: var(--_inset);
    }

    :host([layout='card']) .share {
      grid-column: 1 / -1;
    }
  }

  /* Compact: a small picture, the title and one « Partager » button (beside the title when there is room). */
  :host([layout='compact']) .frame:is(article, .skeleton) {
    grid-template-columns: 4.5rem minmax(0, 1fr);
    align-items: center;
    gap: 0.5rem 0.875rem;
    padding: 0.75rem var(--_inset);
  }

  :host([layout='compact']) .media {
    grid-row: span 2;
    align-self: start;
    aspect-ratio: 1;
    border-radius: calc(var(--_radius) * 0.75);
  }

  :host([layout='compact']) .head,
  :host([layout='compact']) .content > .share,
  :host([layout='inline']) .head,
  :host([layout='inline']) .content > .share {
    padding: 0;
  }

  :host([layout='compact']) [part~='title'] {
    -webkit-line-clamp: 2;
    line-clamp: 2;
    font-size: 1rem;
  }

  :host([layout='compact']) .content > .share,
  :host([layout='inline']) .content > .share,
  :host([layout='inline']) .gate {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: 0.5rem 0.75rem;
  }

  :host([layout='inline']) .gate > p {
    align-items: center;
  }

  @container (min-width: 30rem) {
    :host([layout='compact']) article.frame:not(.gated) {
      grid-template-columns: 4.5rem minmax(0, 1fr) auto;
    }

    :host([layout='compact']) .frame:not(.gated) .media {
      grid-row: auto;
    }
  }

  /* Inline: one line of text, no border; its text starts where the paragraphs around it start. Its surface stays
     (the page may be light while the element is dark): its colours keep their contrast. */
  :host([layout='inline']) .frame:not(.failed) {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: 0.375rem 1rem;
    padding: 0 var(--_inset);
    border: 0;
    border-radius: calc(var(--_radius) * 0.5);
    /* The surface reaches a little past the text without moving it: the text stays on the paragraphs' edge. */
    box-shadow: 0 0 0 0.5rem var(--_surface);
    overflow: visible;
  }

  :host([layout='inline']) .head {
    flex: 0 1 auto;
  }

  :host([layout='inline']) [part~='title'] {
    -webkit-line-clamp: 2;
    line-clamp: 2;
    font-size: 1rem;
    font-weight: 600;
  }

  :host([layout='inline']) [part~='open-button'] {
    min-height: 2.25em;
    padding-block: 0.25em;
  }

  /* The share dialog (the kit's, dialog.styles.ts): the title and close on top, the flow scrolls below. */
  dialog[open] {
    flex-direction: column;
  }

  .sheet-header {
    display: flex;
    align-items: start;
    gap: 0.5rem;
    padding: 0.75rem 0.75rem 0 1.25rem;
  }

  .dialog-title {
    flex: 1;
    margin: 0.375rem 0 0;
    font-size: 1.125rem;
    font-weight: 700;
    line-height: 1.35;
  }

  .close {
    flex: none;
    padding: 0.375em;
  }

  /* The share button stays in view at the bottom of a dialog that scrolls (a phone, a long text); what the
     keyboard reaches scrolls clear of it. */
  dialog [part~='actions'] {
    position: sticky;
    /* Past the scroller's bottom padding: nothing shows under the bar. */
    inset-block-end: -1.25rem;
    z-index: 1;
    margin-inline: -1.25rem;
    padding: 0.625rem 1.25rem;
    background: var(--_surface);
    border-block-start: 1px solid var(--_border);
  }

  dialog .share {
    flex: 1 1 auto;
    min-height: 0;
    scroll-padding-block-end: 7rem;
    overflow: auto;
    padding: 0.75rem 1.25rem 1.25rem;
  }

  @container (max-width: 22rem) {
    :host(:not([layout='inline'])) .frame {
      --_inset: var(--relais-inset, 0.75rem);
    }
  }

  /* Loading: the card's shape. */
  .skeleton {
    gap: 0.75rem;
    padding-block-end: var(--_inset);
  }

  .bone {
    height: 0.875rem;
    border-radius: 0.25rem;
    background: var(--_banner);
  }

  .media-bone {
    aspect-ratio: 1.91 / 1;
    height: auto;
    border-radius: 0;
  }

  :host([layout='inline']) .media-bone,
  :host([layout='compact']) .media-bone,
  :host([layout='inline']) .bones {
    display: none;
  }

  :host([layout='inline']) .skeleton [part~='status'] {
    padding: 0;
  }

  .bones {
    display: grid;
    gap: 0.5rem;
    padding: 0.75rem var(--_inset) 0;
  }

  .bone.short {
    width: 60%;
  }

  .bone.tall {
    height: 4rem;
  }

  .skeleton [part~='status'] {
    padding: 0 var(--_inset);
    font-size: 0.875rem;
    color: var(--_muted);
  }

  @media (prefers-reduced-motion: no-preference) {
    .bone {
      animation: relais-pulse 1.6s ease-in-out infinite;
    }
  }

  @keyframes relais-pulse {
    50% {
      opacity: 0.55;
    }
  }
`,
];
