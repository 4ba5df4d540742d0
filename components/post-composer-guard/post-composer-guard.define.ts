import { PostComposerGuardElement } from './post-composer-guard.js';

PostComposerGuardElement.define();

declare global {
  interface HTMLElementTagNameMap {
    'post-composer-guard': PostComposerGuardElement;
  }
}

export { PostComposerGuardElement };
