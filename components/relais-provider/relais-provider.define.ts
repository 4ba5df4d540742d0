import { attachContextRoot } from '../../src/context/index.js';
import { defineElement } from '../../src/define.js';
import { RelaisProviderElement } from './relais-provider.js';

attachContextRoot();
defineElement('relais-provider', RelaisProviderElement);

declare global {
  interface HTMLElementTagNameMap {
    'relais-provider': RelaisProviderElement;
  }
}

export { RelaisProviderElement };
