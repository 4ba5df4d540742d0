import { BaseApplicationCustomizer, type PlaceholderContent, PlaceholderName } from '@microsoft/sp-application-base';
import { Log } from '@microsoft/sp-core-library';
import * as strings from 'RelaisCharterStrings';

import { mount, relaisFor, tag, themeOf } from '../../relais/setup';

const LOG_SOURCE = 'RelaisCharter';

/**
 * The properties of the Relais charter: the `Properties` (tenant-wide: the Tenant Wide Extensions
 * list's "Component Properties") or `ClientSideComponentProperties` (one site) JSON.
 */
export interface IRelaisCharterApplicationCustomizerProperties {
  /** The site that holds the Relais lists; empty: the current site. Tenant-wide, set it to the intranet's site. */
  siteUrl?: string;
  /** `banner` (default), `inline` or `dialog`. */
  mode?: string;
  /** The banner stays at the top of the viewport while scrolling. */
  sticky?: boolean;
  /** Days a "later" hides the banner (the element's default when absent). */
  snoozeDays?: number;
}

/**
 * The Relais charter: `<charter-banner>` (under this copy's prefix) in the page's Top placeholder.
 * Modern pages navigate without reloading, so the placeholder is asked for again on each change.
 */
export default class RelaisCharterApplicationCustomizer extends BaseApplicationCustomizer<IRelaisCharterApplicationCustomizerProperties> {
  private _top: PlaceholderContent | undefined;

  public onInit(): Promise<void> {
    Log.info(LOG_SOURCE, `${strings.Title} ${tag('charter-banner')}`);
    this.context.placeholderProvider.changedEvent.add(this, this._renderTop);
    this._renderTop();
    return Promise.resolve();
  }

  private _renderTop(): void {
    if (this._top) return;
    if (this.context.placeholderProvider.placeholderNames.indexOf(PlaceholderName.Top) === -1) return;
    this._top = this.context.placeholderProvider.tryCreateContent(PlaceholderName.Top, {
      onDispose: () => {
        this._top = undefined;
      },
    });
    if (!this._top) {
      Log.warn(LOG_SOURCE, strings.NoTopPlaceholder);
      return;
    }
    const p = this.properties ?? {};
    const banner = document.createElement(tag('charter-banner'));
    if (p.mode) banner.setAttribute('mode', p.mode);
    if (p.sticky) banner.setAttribute('sticky', '');
    if (typeof p.snoozeDays === 'number') banner.setAttribute('snooze-days', String(p.snoozeDays));
    banner.setAttribute('theme', themeOf(this.context));
    mount(this._top.domElement, banner, relaisFor(this.context, p.siteUrl));
  }

  protected onDispose(): void {
    this.context.placeholderProvider.changedEvent.remove(this, this._renderTop);
    this._top?.dispose();
  }
}
