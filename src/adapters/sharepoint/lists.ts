/**
 * The SharePoint lists Relais reads and writes, their columns (internal names), and how an item
 * becomes a model value. The mapping moves fields only: nothing is checked or repaired here, so
 * that a bad value reaches the validating layer as the list holds it and is reported with its
 * field (docs/sharepoint.md lists every column with its type).
 */
import type { Acknowledgment, ShareEvent } from '../../model/index.js';

/** The titles of the lists, as created by the provisioning script; each can be renamed with the `lists` option. */
export interface SharePointLists {
  /** Charter versions, one item per version; the current one is the latest `PublishedAt`. */
  charter: string;
  shareables: string;
  /** The HR register: one item per acknowledgment (a view of this list is the register). */
  acknowledgments: string;
  shares: string;
  /** One item holding the guard policy as JSON; the latest item wins. */
  guardPolicy: string;
  /** People and their teams, with their leaderboard opt-in. */
  people: string;
  /** The leaderboard's tiers, one item each. */
  tiers: string;
  /**
   * The precomputed leaderboard rows a Power Automate flow maintains (read only with the
   * adapter's `leaderboard: { list }` option; created by the provisioning script when asked).
   */
  leaderboard: string;
}

export const DEFAULT_LISTS: SharePointLists = {
  charter: 'Relais Charter',
  shareables: 'Relais Shareables',
  acknowledgments: 'Relais Acknowledgments',
  shares: 'Relais Shares',
  guardPolicy: 'Relais Guard Policy',
  people: 'Relais People',
  tiers: 'Relais Tiers',
  leaderboard: 'Relais Leaderboard',
};

/** The columns each list needs (internal names; `Title` is SharePoint's own). */
export const COLUMNS = {
  charter: ['RelaisId', 'Version', 'Title', 'Summary', 'Body', 'Url', 'PublishedAt', 'RenewalDays', 'RequireAcknowledgment', 'MinAcknowledgedVersion', 'ChangeNote', 'Lang'],
  shareables: ['RelaisId', 'Title', 'Summary', 'Url', 'ImageUrl', 'ImageAlt', 'Category', 'ShareText', 'ShareTextVariants', 'Hashtags', 'Lang', 'PublishedAt', 'ExpiresAt', 'Points', 'Campaign'],
  acknowledgments: ['RelaisKey', 'ViewerId', 'CharterId', 'Version', 'AcknowledgedAt'],
  shares: ['RelaisKey', 'ShareableId', 'ViewerId', 'Network', 'SharedAt', 'Personalized', 'Kind'],
  guardPolicy: ['Policy'],
  people: ['RelaisId', 'Title', 'Team', 'AvatarUrl', 'LeaderboardOptIn'],
  tiers: ['Title', 'MinPoints'],
  leaderboard: ['Period', 'Scope', 'PeriodStart', 'RelaisId', 'DisplayName', 'Team', 'AvatarUrl', 'Points', 'Shares', 'Rank', 'Anonymous', 'Members', 'Badges', 'MergedTeams'],
} as const satisfies Record<keyof SharePointLists, readonly string[]>;

/** A list item as the REST API answers it with `odata=nometadata`: column name to value. */
export type Item = Record<string, unknown>;

/** Copies the defined, non-null values: an empty column is an absent field, as the schemas expect. */
function present(fields: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(Object.entries(fields).filter(([, value]) => value !== null && value !== undefined));
}

/** Parses a JSON column; what is not JSON is returned as it is, for the validating layer to name. */
function json(value: unknown): unknown {
  if (typeof value !== 'string') return value;
  try {
    return JSON.parse(value) as unknown;
  } catch {
    return value;
  }
}

export function toShareable(item: Item): unknown {
  const variants = json(item.ShareTextVariants);
  const hashtags = typeof item.Hashtags === 'string' ? item.Hashtags.split(/[\s,]+/).map((tag) => tag.replace(/^#/, '')).filter(Boolean) : item.Hashtags;
  return present({
    id: item.RelaisId,
    title: item.Title,
    summary: item.Summary,
    url: item.Url,
    imageUrl: item.ImageUrl,
    imageAlt: item.ImageAlt,
    category: item.Category,
    text: present({ ...(variants && typeof variants === 'object' ? variants : {}), default: item.ShareText }),
    hashtags,
    lang: item.Lang,
    publishedAt: item.PublishedAt,
    expiresAt: item.ExpiresAt,
    points: item.Points,
    campaign: item.Campaign,
  });
}

export function toCharter(item: Item): unknown {
  return present({
    id: item.RelaisId,
    version: item.Version,
    title: item.Title,
    summary: item.Summary,
    body: item.Body,
    url: item.Url,
    publishedAt: item.PublishedAt,
    renewalDays: item.RenewalDays,
    requireAcknowledgment: item.RequireAcknowledgment,
    minAcknowledgedVersion: item.MinAcknowledgedVersion,
    changeNote: item.ChangeNote,
    lang: item.Lang,
  });
}

export function toAcknowledgment(item: Item): unknown {
  return present({ viewerId: item.ViewerId, charterId: item.CharterId, version: item.Version, at: item.AcknowledgedAt });
}

export function toShareEvent(item: Item): unknown {
  return present({ id: item.RelaisKey, shareableId: item.ShareableId, viewerId: item.ViewerId, network: item.Network, at: item.SharedAt, personalized: item.Personalized ?? false, kind: item.Kind });
}

export function toPerson(item: Item): unknown {
  return present({ id: item.RelaisId, displayName: item.Title, team: item.Team, avatarUrl: item.AvatarUrl, leaderboardOptIn: item.LeaderboardOptIn ?? false });
}

export function toTier(item: Item): unknown {
  return present({ name: item.Title, minPoints: item.MinPoints });
}

/** The new item of a share (its event id in the unique `RelaisKey` column). */
export function shareItem(key: string, event: ShareEvent): Item {
  return present({ Title: key, RelaisKey: key, ShareableId: event.shareableId, ViewerId: event.viewerId, Network: event.network, SharedAt: event.at, Personalized: event.personalized, Kind: event.kind });
}

/** The new item of an acknowledgment: a row of the HR register. */
export function acknowledgmentItem(key: string, ack: Acknowledgment): Item {
  return { Title: key, RelaisKey: key, ViewerId: ack.viewerId, CharterId: ack.charterId, Version: ack.version, AcknowledgedAt: ack.at };
}
