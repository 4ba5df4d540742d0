import { css } from 'lit';
import { baseStyles } from '../shared/base.styles.js';
import { themeStyles } from '../shared/theme.styles.js';

export const charterBannerStyles = [
  themeStyles,
  baseStyles,
  css`
  /* In the flow at the top of the page by default (WCAG 2.2 2.4.11: it never covers the
     focused element); sticky only on request, and then the page's scroll padding keeps
     focused elements clear of it. */
  :host([sticky][mode='banner']) {
    position: sticky;
    top: 0;
    z-index: var(--relais-z-index, 10);
  }

  /* The strip at the top of the page, or the card in the flow. */
  [part~='banner'] {
    display: flex;
    flex-wrap: wrap;
    align-items: flex-end;
    gap: calc(var(--_space) * 0.75) calc(var(--_space) * 1.5);
    padding: var(--_space);
    color: var(--_text);
    background: var(--_banner);
    border-bottom: 1px solid var(--_border);
  }

  :host([mode='inline']) [part~='banner'] {
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
  }

  .text {
    flex: 1 1 24rem;
    min-width: 0;
  }

  .actions {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: calc(var(--_space) * 0.5) var(--_space);
  }

  .eyebrow {
    margin: 0;
    font-size: 0.875em;
    font-weight: 600;
    color: var(--_muted);
    text-transform: uppercase;
    letter-spacing: 0.04em;
  }

  [part~='title'] {
    margin: 0.125em 0 0.25em;
    font-size: 1.25em;
    font-weight: 700;
    line-height: 1.3;
  }

  [part~='summary'],
  [part~='reason'] {
    margin: 0.25em 0;
  }

  [part~='change-note'] {
    margin: 0.5em 0 0;
    padding: 0.5em 0.75em;
    border-inline-start: 4px solid var(--_accent);
    background: var(--_surface);
    border-radius: calc(var(--_radius) / 2);
  }

  [part~='change-note'] p {
    margin: 0;
  }

  .change-note-heading {
    font-weight: 600;
  }

  button {
    cursor: pointer;
    min-height: 2.75rem;
    padding: 0.5em 1em;
    border-radius: var(--_radius);
    border: 2px solid var(--_accent);
    color: var(--_accent);
    background: var(--_surface);
    font-weight: 600;
  }

  [part~='acknowledge-button'] {
    color: var(--_on-accent);
    background: var(--_accent);
  }

  button:disabled {
    cursor: not-allowed;
    opacity: 0.55;
  }

  [part~='snooze-button'],
  .link-button {
    border-color: transparent;
    background: transparent;
    text-decoration: underline;
    text-underline-offset: 0.15em;
  }

  .link-button {
    min-height: 0;
    padding: 0.125em 0.25em;
    font-weight: inherit;
  }

  .understood {
    display: inline-flex;
    align-items: center;
    gap: 0.5em;
    min-height: 2.75rem;
    cursor: pointer;
  }

  [part~='checkbox'] {
    width: 1.25em;
    height: 1.25em;
    margin: 0;
    accent-color: var(--_accent);
  }

  [part~='snooze-hint'] {
    flex-basis: 100%;
    font-size: 0.875em;
    color: var(--_muted);
  }

  [part~='acknowledged'] {
    margin: 0;
    padding: calc(var(--_space) * 0.5) 0;
    color: var(--_text);
  }

  /* The live region is always there (so that screen readers watch it) and takes no room empty. */
  [part~='confirmation'] {
    color: var(--_text);
  }

  [part~='confirmation']:not(:empty) {
    padding: calc(var(--_space) * 0.5) var(--_space);
  }

  dialog {
    width: min(var(--_dialog-width), calc(100vw - 2rem));
    max-height: calc(100dvh - 2rem);
    padding: 0;
    color: var(--_text);
    background: var(--_surface);
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
  }

  dialog[open] {
    display: flex;
    flex-direction: column;
  }

  dialog::backdrop {
    background: rgb(10 15 30 / 0.6);
    background: var(--_backdrop);
  }

  [part~='modal'] [part~='banner'] {
    border: 0;
    overflow: auto;
  }

  .dialog-header,
  .dialog-footer {
    display: flex;
    align-items: center;
    justify-content: space-between;
    gap: var(--_space);
    padding: var(--_space);
  }

  .dialog-header {
    border-bottom: 1px solid var(--_border);
  }

  .dialog-footer {
    justify-content: flex-end;
    border-top: 1px solid var(--_border);
  }

  .dialog-header [part~='title'] {
    margin: 0;
  }

  /* The charter's own HTML: readable, scrollable, and unable to leave its box. */
  [part~='body'] {
    flex: 1 1 auto;
    overflow: auto;
    padding: 0 var(--_space);
    line-height: 1.5;
    contain: layout paint;
    overflow-wrap: anywhere;
  }

  [part~='body'] a {
    color: var(--_accent);
  }

  [part~='body'] img {
    max-width: 100%;
    height: auto;
  }

  @media (prefers-reduced-motion: no-preference) {
    button {
      transition: background-color 120ms, color 120ms;
    }
  }
`,
];
