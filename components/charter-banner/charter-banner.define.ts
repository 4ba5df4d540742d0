import { attachContextRoot } from '../../src/context/index.js';
import { defineElement } from '../../src/define.js';
import { CharterBannerElement } from './charter-banner.js';

attachContextRoot();
defineElement('charter-banner', CharterBannerElement);

declare global {
  interface HTMLElementTagNameMap {
    'charter-banner': CharterBannerElement;
  }
}

export { CharterBannerElement };
