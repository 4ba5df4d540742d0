import { html, nothing, type TemplateResult } from 'lit';
import type { ElementStrings, ShareStrings } from '../../src/i18n/catalogue.js';
import type { ShareCardReadyView } from '../../src/share-card/share-card.js';
import { networkIcon } from '../shared/network-icons.js';

/**
 * The card's one network choice (the last one used first): the counter, the length rule, the
 * text variant and the one share button follow it. Radio buttons, so that the keyboard's arrows
 * move between networks; none when the card offers a single network (its button names it).
 */
export function renderNetworkChoice(t: ElementStrings<ShareStrings>, view: ShareCardReadyView, choose: (event: Event) => void): TemplateResult | typeof nothing {
  if (view.choices.length < 2) return nothing;
  return html`<fieldset part="networks" class="choice">
    <legend class="sr-only">${t.shareChoiceLabel}</legend>
    ${view.choices.map(
      (network) => html`<label part="network-choice ${network}">
        <input type="radio" name="network" value=${network} .checked=${network === view.textNetwork} @change=${choose} />${networkIcon(network)}<span>${t.networkName(network)}</span>
      </label>`,
    )}
  </fieldset>`;
}
