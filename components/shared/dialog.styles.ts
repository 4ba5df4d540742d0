import { css } from 'lit';

/**
 * The kit's modal dialog (the charter's full text and modal, the share card's flow): the kit's
 * width and surface, never taller than the viewport, a dimmed page behind. An element lays out
 * its inside after these (the banner's sheet, the card's column).
 */
export const dialogStyles = css`
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
  }

  dialog::backdrop {
    background: rgb(10 15 30 / 0.6);
    background: var(--_backdrop);
  }
`;
