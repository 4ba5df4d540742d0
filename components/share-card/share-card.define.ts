// The card holds a composer and, while the charter waits, a charter banner: importing the card
// alone (`relais/share-card`) registers them too.
import '../post-composer-guard/post-composer-guard.define.js';
import '../charter-banner/charter-banner.define.js';
import { ShareCardElement } from './share-card.js';

ShareCardElement.define();

declare global {
  interface HTMLElementTagNameMap {
    'share-card': ShareCardElement;
  }
}

export { ShareCardElement };
