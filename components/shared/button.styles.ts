import { css } from 'lit';

/**
 * The buttons of the elements that act (the banner, the share card): outlined in the accent
 * colour, `.primary` filled, `.tertiary` and `.link-button` read as links. An element adds its own
 * spacing and states after these.
 */
export const buttonStyles = css`
  button,
  summary {
    display: inline-flex;
    align-items: center;
    gap: 0.375em;
    min-height: 2.5em;
    line-height: 1.25;
  }

  button {
    cursor: pointer;
    padding: 0.375em 0.875em;
    border: 1px solid var(--_accent);
    border-radius: var(--_radius);
    color: var(--_accent);
    background: transparent;
    font-weight: 600;
    text-align: start;
  }

  .primary {
    color: var(--_on-accent);
    background: var(--_accent);
  }

  .tertiary,
  .link-button {
    padding-inline: 0.25em;
    border-color: transparent;
    text-decoration: underline;
    text-underline-offset: 0.2em;
  }

  .link-button {
    min-height: 0;
    font-weight: inherit;
  }
`;
