import { css } from 'lit';

/** What every element's shadow root starts from: box model, `hidden`, fonts, focus ring, status lines. */
export const baseStyles = css`
  :host {
    display: block;
    font-family: var(--_font);
    line-height: 1.5;
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

  /* Read by screen readers, not shown. */
  .sr-only {
    position: absolute;
    width: 1px;
    height: 1px;
    overflow: hidden;
    clip-path: inset(50%);
    white-space: nowrap;
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
