import { CharterBannerElement } from './charter-banner.js';

CharterBannerElement.define();

declare global {
  interface HTMLElementTagNameMap {
    'charter-banner': CharterBannerElement;
  }
}

export { CharterBannerElement };
