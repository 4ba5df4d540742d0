import { css } from 'lit';

/** What every element's shadow root starts from: box model, `hidden`, fonts, focus ring, status lines. */
export const baseStyles = css`
  :host {
    display: block;
  }

  :host([hidden]) {
    display: none !important;
  }

  *,
  *::before,
  *::after {
    box-sizing: border-box;
  }

  [hidden] {
    display: none !important;
  }

  button,
  input,
  select,
  textarea {
    font: inherit;
  }

  :focus-visible {
    outline: var(--_focus-ring);
    outline-offset: 2px;
  }

  /* Data from the adapter: a 3,000-character word or a long URL wraps instead of widening the
     page, and its own direction marks (an unclosed U+202E) cannot reorder what follows it. */
  .data {
    overflow-wrap: anywhere;
    unicode-bidi: isolate;
  }

  [part~='error'] {
    color: var(--_error);
    font-weight: 600;
    margin: 0;
  }

  [part~='status'] {
    margin: 0;
    padding: calc(var(--_space) * 0.5) 0;
    color: var(--_text);
  }

`;
