import { css } from 'lit';

export const relaisProviderStyles = css`
  :host {
    display: contents;
  }

  :host([hidden]) {
    display: none;
  }
`;
