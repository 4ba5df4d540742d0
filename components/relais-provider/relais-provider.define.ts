import { RelaisProviderElement } from './relais-provider.js';

RelaisProviderElement.define();

declare global {
  interface HTMLElementTagNameMap {
    'relais-provider': RelaisProviderElement;
  }
}

export { RelaisProviderElement };
