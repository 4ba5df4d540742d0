import { Version } from '@microsoft/sp-core-library';
import {
  type IPropertyPaneConfiguration,
  type IPropertyPaneField,
  PropertyPaneDropdown,
  PropertyPaneTextField,
} from '@microsoft/sp-property-pane';
import { BaseClientSideWebPart } from '@microsoft/sp-webpart-base';
import * as strings from 'RelaisWebPartStrings';

import { mount, relaisFor, tag, themeOf } from '../../relais/setup';

/** What the web part shows. */
export type RelaisShow = 'share-card' | 'leaderboard' | 'composer';

/** The web part's properties, set in the property pane and kept with the page. */
export interface IRelaisWebPartProps {
  show: RelaisShow;
  /** Share card: the id of one shareable (wins over the category). */
  item: string;
  /** Share card: the newest shareable of this category when no item is given (`product`, `culture`, `industry`). */
  category: string;
  /** Leaderboard: `ranking`, `tiers`, `teams` or `personal`. */
  mode: string;
  /** Leaderboard: `week`, `month`, `quarter`, `year` or `all`. */
  period: string;
  /** Composer: the network the draft is written for. */
  network: string;
  /** The site that holds the Relais lists; empty: this site. */
  siteUrl: string;
}

/**
 * The Relais web part: one Relais element, chosen in the property pane, rendered in the web
 * part's own DOM. The element reads and writes the site's Relais lists through SharePointAdapter.
 */
export default class RelaisWebPart extends BaseClientSideWebPart<IRelaisWebPartProps> {
  public render(): void {
    const relais = relaisFor(this.context, this.properties.siteUrl);
    const element = this._element();
    element.setAttribute('theme', themeOf(this.context));
    mount(this.domElement, element, relais);
  }

  /** The element for the chosen view, its attributes from the properties. */
  private _element(): HTMLElement {
    const p = this.properties;
    switch (p.show) {
      case 'leaderboard': {
        const board = document.createElement(tag('ambassador-leaderboard'));
        board.setAttribute('mode', p.mode || 'ranking');
        board.setAttribute('period', p.period || 'month');
        return board;
      }
      case 'composer': {
        const composer = document.createElement(tag('post-composer-guard'));
        composer.setAttribute('network', p.network || 'linkedin');
        return composer;
      }
      case 'share-card':
      default: {
        const card = document.createElement(tag('share-card'));
        if (p.item?.trim()) card.setAttribute('item', p.item.trim());
        else if (p.category) card.setAttribute('category', p.category);
        return card;
      }
    }
  }

  protected onDispose(): void {
    this.domElement.replaceChildren();
  }

  protected get dataVersion(): Version {
    return Version.parse('1.0');
  }

  /** Only the fields of the chosen view are shown. */
  protected getPropertyPaneConfiguration(): IPropertyPaneConfiguration {
    const show = this.properties.show || 'share-card';
    const fields: IPropertyPaneField<unknown>[] = [
      PropertyPaneDropdown('show', {
        label: strings.ShowLabel,
        options: [
          { key: 'share-card', text: strings.ShowShareCard },
          { key: 'leaderboard', text: strings.ShowLeaderboard },
          { key: 'composer', text: strings.ShowComposer },
        ],
      }),
    ];
    if (show === 'share-card') {
      fields.push(
        PropertyPaneTextField('item', { label: strings.ItemLabel, description: strings.ItemDescription }),
        PropertyPaneDropdown('category', {
          label: strings.CategoryLabel,
          options: [
            { key: '', text: strings.CategoryAny },
            { key: 'product', text: strings.CategoryProduct },
            { key: 'culture', text: strings.CategoryCulture },
            { key: 'industry', text: strings.CategoryIndustry },
          ],
        }),
      );
    } else if (show === 'leaderboard') {
      fields.push(
        PropertyPaneDropdown('mode', {
          label: strings.ModeLabel,
          options: [
            { key: 'ranking', text: strings.ModeRanking },
            { key: 'tiers', text: strings.ModeTiers },
            { key: 'teams', text: strings.ModeTeams },
            { key: 'personal', text: strings.ModePersonal },
          ],
        }),
        PropertyPaneDropdown('period', {
          label: strings.PeriodLabel,
          options: [
            { key: 'week', text: strings.PeriodWeek },
            { key: 'month', text: strings.PeriodMonth },
            { key: 'quarter', text: strings.PeriodQuarter },
            { key: 'year', text: strings.PeriodYear },
            { key: 'all', text: strings.PeriodAll },
          ],
        }),
      );
    } else {
      fields.push(
        PropertyPaneDropdown('network', {
          label: strings.NetworkLabel,
          options: ['linkedin', 'x', 'facebook', 'mastodon', 'bluesky', 'threads'].map((key) => ({
            key,
            text: key === 'x' ? 'X' : key === 'linkedin' ? 'LinkedIn' : key[0].toUpperCase() + key.slice(1),
          })),
        }),
      );
    }
    return {
      pages: [
        {
          header: { description: strings.PropertyPaneDescription },
          groups: [
            { groupName: strings.ContentGroupName, groupFields: fields },
            {
              groupName: strings.DataGroupName,
              groupFields: [PropertyPaneTextField('siteUrl', { label: strings.SiteUrlLabel, description: strings.SiteUrlDescription })],
            },
          ],
        },
      ],
    };
  }
}
