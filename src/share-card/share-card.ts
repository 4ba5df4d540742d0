/**
 * The model behind `<share-card>`: which item to show, whether it can be shared now, the text the
 * employee is about to share (the suggestion for the chosen network, or their own words), and
 * what sharing does — with no DOM. The element renders `$view`, forwards the draft and the guard's
 * verdict, and performs what {@link ShareCard.begin} prepares (copy, open a window, the share
 * sheet) from the click itself; the model records the share through the client.
 *
 * The charter standing comes from the client's one store (`charterStandingOf`): acknowledging in
 * any element of the page unlocks every card at once.
 */
import { atom, computed, onMount, type ReadableAtom } from 'nanostores';
import { wakeAt } from '../clock.js';
import { charterStandingOf, needsAcknowledgment } from '../charter-banner/status.js';
import type { RelaisClient } from '../client/client.js';
import { toErrorInfo, type RelaisErrorInfo } from '../client/errors.js';
import type { Loadable } from '../client/resource.js';
import { expiryTime, isExpired, NETWORKS, type Category, type Network, type Shareable, type ShareEvent, type ShareKind, type Verdict } from '../model/index.js';
import { mastodonHost, shareIntent, withUtm, type ShareIntent } from '../share/index.js';
import { DEFAULT_LIMITS, measureLength } from '../guard/length.js';

/** The networks a card offers when the page names none (`native` is added where the device can share). */
export const DEFAULT_NETWORKS: readonly Network[] = ['linkedin', 'x', 'facebook', 'mastodon', 'bluesky', 'email', 'copy'];

/** The network the viewer shared to last, on any card of the origin: offered first next time. */
export const LAST_NETWORK_KEY = 'relais.last-network';

/** Actions that are not a network to write for (the address copied, the device's share sheet): beside the choice, never in it. */
const NOT_A_CHOICE: ReadonlySet<Network> = new Set(['copy', 'native']);

/** How many items a query-driven card reads to find the newest live one. */
const QUERY_LIMIT = 50;

/** Which item a card shows: by id, or the newest live item of a category and language. */
export interface ShareCardQuery {
  item?: string;
  category?: Category;
  lang?: string;
}

export interface ShareCardOptions extends ShareCardQuery {
  /**
   * Whether the device's share sheet accepts this data (`navigator.canShare`), passed in by the
   * element so that the model stays DOM-free; absent: no `native` button.
   */
  canShareNatively?: (data: { title?: string; text?: string; url: string }) => boolean;
  /** Adds UTM parameters to the shared address (default true). */
  utm?: boolean;
}

/** A share the viewer made of this item in this browser. */
export interface PastShare {
  network: Network;
  /** ISO 8601. */
  at: string;
}

/** The share just made from this card. */
export interface LastShare {
  network: Network;
  status: 'recording' | 'recorded' | 'failed';
  /** Once recorded: what it earned (0 when this item's points were already earned). */
  pointsEarned?: number;
  error?: RelaisErrorInfo;
}

/**
 * Why the share button does not share now:
 * - `charter`: the charter asks for an acknowledgment first (or could not be read to tell);
 * - `guard`: the draft has a blocking finding;
 * - `length`: the draft is longer than the chosen network allows (shorten it, or choose another).
 */
export type ShareGate = 'open' | 'charter' | 'guard' | 'length';

export interface ShareCardReadyView {
  state: 'ready';
  item: Shareable;
  /** The network the text is written for (its variant, its counter). */
  textNetwork: Network;
  /** Networks with their own variant of the text, to choose which one to start from. */
  variantNetworks: Network[];
  /** The suggestion for {@link textNetwork}, hashtags included. */
  suggestion: string;
  /** What the employee will share. */
  text: string;
  /** The text differs from every suggestion (whitespace, case and punctuation aside). */
  personalized: boolean;
  /** The buttons, in order. */
  networks: Network[];
  /** The one network choice (the last one used first): {@link textNetwork} is the chosen one. */
  choices: Network[];
  /** The actions beside the choice: `copy`, `native`, when offered. */
  extras: Network[];
  /** The text's length on the chosen network, and its limit (none: no limit). */
  length: { used: number; limit?: number };
  gate: ShareGate;
  /** Whether the guard has judged the text yet (its code loads when the text is first edited, or when the employee shares). */
  checked: boolean;
  /** The charter standing could not be read (the inner banner shows why and retries). */
  charterError?: RelaisErrorInfo;
  /** The employee's Mastodon server, once given. */
  mastodonInstance?: string;
  /** A share is under way (between the click and its recording). */
  sharing: boolean;
  lastShare?: LastShare;
  /** Earlier shares of this item by this viewer, in this browser, newest first. */
  pastShares: PastShare[];
}

/** Everything one render needs, decided once. */
export type ShareCardView =
  | { state: 'loading' }
  | { state: 'error'; error: RelaisErrorInfo }
  | { state: 'not-found' }
  | { state: 'expired'; item: Shareable }
  | { state: 'scheduled'; item: Shareable; publishedAt: Date }
  | ShareCardReadyView;

/**
 * What a share card shows: its view's state, `ready` told apart as `gated` (the charter first),
 * `blocked` (the guard found a passage that cannot be published) and `shared`; and
 * `not-configured` when the element has no client.
 */
export type ShareCardState = 'loading' | 'error' | 'not-configured' | 'not-found' | 'expired' | 'scheduled' | 'ready' | 'gated' | 'blocked' | 'shared';

/** Every state of a share card, for `:state(…)`. */
export const SHARE_CARD_STATES: readonly ShareCardState[] = ['loading', 'error', 'not-configured', 'not-found', 'expired', 'scheduled', 'ready', 'gated', 'blocked', 'shared'];

/** The state a view stands for. */
export function shareCardState(view: ShareCardView | { state: 'not-configured' }): ShareCardState {
  if (view.state !== 'ready') return view.state;
  if (view.gate === 'charter') return 'gated';
  if (view.gate === 'guard' || view.gate === 'length') return 'blocked';
  return view.lastShare?.status === 'recorded' ? 'shared' : 'ready';
}

/** A share ready to perform: what the element copies, opens or hands to the share sheet. */
export interface PreparedShare {
  item: Shareable;
  network: Network;
  /** `copy-link`: the address is copied, which is not a share (recorded apart, no points). */
  kind: ShareKind;
  text: string;
  personalized: boolean;
  intent: ShareIntent;
  /** The address shared, with its tracking parameters. */
  url: string;
}

/** Why {@link ShareCard.begin} prepared nothing. */
export type ShareRefusal =
  | { refused: 'not-ready' | 'busy' | 'gated' }
  /** Mastodon needs the employee's server first. */
  | { refused: 'mastodon-instance' };

export interface ShareCard {
  readonly $view: ReadableAtom<ShareCardView>;
  /** The buttons asked for (`networks="…"`); empty: the defaults. */
  setNetworks(networks: readonly Network[]): void;
  /** The one network choice: the counter, the length rule, the text variant and the share button follow it; an unchanged suggestion follows it, the employee's own words stay. */
  setTextNetwork(network: Network): void;
  /** The draft changed. */
  setText(text: string): void;
  /** The composer's verdict on the draft, its length aside (the model measures the chosen network's itself); `undefined` while it has none (policy loading). */
  setVerdict(verdict: Verdict | undefined): void;
  /**
   * Remembers the employee's Mastodon server (validated with `mastodonHost`); throws the
   * RelaisDataError naming `mastodonInstance` when it is not a server name.
   */
  setMastodonInstance(instance: string): string;
  /** Forgets the Mastodon server (to give another). */
  forgetMastodonInstance(): void;
  /**
   * Prepares a share on `network` and marks the card busy, synchronously (the element then opens
   * a window from the same click). At most one share at a time: a second click while one is
   * under way (a double click) prepares nothing.
   */
  begin(network: Network, options?: { mastodonChooser?: boolean }): PreparedShare | ShareRefusal;
  /** The share was called off (the page cancelled `relais-share`, the viewer closed the share sheet). */
  cancel(): void;
  /** Records the prepared share through the client, once; remembers it for this viewer and item. */
  record(share: PreparedShare): Promise<{ event: ShareEvent; pointsEarned: number } | undefined>;
  /** Loads again what failed. */
  retry(): Promise<void>;
}

/** The key of this viewer's past shares of this item, in `client.localState` (local area). */
export const pastSharesKey = (viewerId: string, itemId: string) => `relais.shares.${viewerId}.${itemId}`;
/** The key of the employee's Mastodon server, for every card of every page of the origin. */
export const MASTODON_KEY = 'relais.mastodon-instance';

/**
 * The text as the comparison sees it: Unicode-normalised, lower case, with no whitespace and no
 * punctuation. Re-spacing or re-punctuating a suggestion is not writing one's own words; adding,
 * removing or replacing a word (or an emoji) is.
 */
export function normalizeForComparison(text: string): string {
  return text.normalize('NFKC').toLowerCase().replace(/[\p{P}\p{Z}\s]+/gu, '');
}

/** Whether `text` is the employee's own, compared with every suggestion the item offers. */
export function isPersonalized(text: string, suggestions: readonly string[]): boolean {
  const mine = normalizeForComparison(text);
  return !suggestions.some((suggestion) => normalizeForComparison(suggestion) === mine);
}

/** `#tag`, with spaces removed; a hashtag already in the text is not added again. */
function hashtagLine(text: string, hashtags: readonly string[]): string {
  const present = new Set([...text.matchAll(/#([\p{L}\p{N}_]+)/gu)].map((match) => match[1]!.toLowerCase()));
  return hashtags
    .map((tag) => tag.trim().replace(/^#+/, '').replace(/\s+/g, ''))
    .filter((tag) => tag && !present.has(tag.toLowerCase()))
    .map((tag) => `#${tag}`)
    .join(' ');
}

/** The suggested text for `network`: its own variant when the item has one, else the default; then the hashtags. */
export function suggestionFor(item: Shareable, network: Network): string {
  return withHashtags(item.text[network] ?? item.text.default, item.hashtags);
}

function withHashtags(text: string, hashtags: readonly string[]): string {
  const tags = hashtagLine(text, hashtags);
  return tags ? `${text}\n\n${tags}` : text;
}

/** Every suggestion of the item: the default text and each variant, with their hashtags. */
function allSuggestions(item: Shareable): string[] {
  return [...new Set(Object.values(item.text).filter((text): text is string => typeof text === 'string').map((text) => withHashtags(text, item.hashtags)))];
}

/** The networks with their own variant, in the order of `networks`. */
function variantNetworksOf(item: Shareable, networks: readonly Network[]): Network[] {
  return networks.filter((network) => network !== 'copy' && network !== 'native' && item.text[network] !== undefined);
}

/** The host name shown as the item's source (`www.` left out). */
export function sourceOf(url: string): string {
  try {
    return new URL(url).hostname.replace(/^www\./, '');
  } catch {
    return '';
  }
}

function readPastShares(client: RelaisClient, viewerId: string | undefined, itemId: string): PastShare[] {
  if (!viewerId) return [];
  try {
    const parsed: unknown = JSON.parse(client.localState.read('local', pastSharesKey(viewerId, itemId)) ?? '[]');
    if (!Array.isArray(parsed)) return [];
    // What another script wrote under our key is not trusted: only well-formed entries are kept.
    return (parsed as Partial<PastShare>[])
      .filter((entry): entry is PastShare => (NETWORKS as readonly unknown[]).includes(entry?.network) && entry?.network !== 'copy' && typeof entry?.at === 'string' && !Number.isNaN(Date.parse(entry.at)))
      .map(({ network, at }) => ({ network, at }))
      .sort((a, b) => Date.parse(b.at) - Date.parse(a.at));
  } catch {
    return [];
  }
}

/** Reads the item a card shows, from the client's stores (shared by every card of the same item or query). */
function itemStore(client: RelaisClient, query: ShareCardQuery): ReadableAtom<Loadable<Shareable | undefined>> {
  if (query.item) return client.shareable(query.item);
  const list = client.shareables({ ...(query.category ? { category: query.category } : {}), ...(query.lang ? { lang: query.lang } : {}), limit: QUERY_LIMIT });
  return computed(list, (page): Loadable<Shareable | undefined> => {
    if (page.status !== 'ready') return page;
    // Listings leave out expired items; an item scheduled for later is not live either.
    const now = client.clock.now().getTime();
    return { status: 'ready', value: page.value.items.find((item) => Date.parse(item.publishedAt) <= now) };
  });
}

export function shareCard(client: RelaisClient, options: ShareCardOptions = {}): ShareCard {
  const $item = itemStore(client, options);
  const $networks = atom<readonly Network[]>([]);
  const $textNetwork = atom<Network | undefined>(undefined);
  /** The draft; `undefined` until the employee types: the suggestion then follows the network. */
  const $draft = atom<string | undefined>(undefined);
  const $verdict = atom<Verdict | undefined>(undefined);
  const $sharing = atom(false);
  const $lastShare = atom<LastShare | undefined>(undefined);
  /** Bumped when time alone changes what to show (publication, expiry). */
  const $timeMoved = atom(0);
  const $standing = charterStandingOf(client);

  const $view = computed(
    [$item, $standing, client.$viewer, client.localState.$changes, $networks, $textNetwork, $draft, $verdict, $sharing, $lastShare, $timeMoved, client.$guardPolicy],
    (loadable, standing, viewer, _changes, requested, chosen, draft, verdict, sharing, lastShare, _time, policy): ShareCardView => {
      if (loadable.status === 'error') return { state: 'error', error: loadable.error };
      if (loadable.status === 'loading') return { state: 'loading' };
      const item = loadable.value;
      if (!item) return { state: 'not-found' };
      const now = client.clock.now();
      if (isExpired(item, now)) return { state: 'expired', item };
      const publishedAt = new Date(item.publishedAt);
      if (publishedAt.getTime() > now.getTime()) return { state: 'scheduled', item, publishedAt };
      // The charter decides the gate; until it is read the card waits with it.
      if (standing.status === 'loading') return { state: 'loading' };

      // The share sheet only where the device accepts this data: added to the defaults, kept in a page's list.
      const nativeUrl = options.utm === false ? item.url : withUtm(item.url, 'native', item.campaign ?? item.id);
      const native = !!options.canShareNatively?.({ title: item.title, text: item.text.default, url: nativeUrl });
      const networks = (requested.length ? [...requested] : [...DEFAULT_NETWORKS, 'native' as const]).filter((network) => network !== 'native' || native);
      const variantNetworks = variantNetworksOf(item, networks);
      // The last network used comes first, and is chosen until the viewer picks another.
      const last = client.localState.read('local', LAST_NETWORK_KEY) as Network | null;
      const offered = networks.filter((network) => !NOT_A_CHOICE.has(network));
      const choices = last && offered.includes(last) ? [last, ...offered.filter((network) => network !== last)] : offered;
      const extras = networks.filter((network) => NOT_A_CHOICE.has(network));
      const textNetwork = chosen && choices.includes(chosen) ? chosen : (choices[0] ?? 'linkedin');
      const suggestion = suggestionFor(item, textNetwork);
      const text = draft ?? suggestion;
      const personalized = isPersonalized(text, allSuggestions(item));
      const charterRequired = standing.status === 'error' || needsAcknowledgment(standing.value.status);
      const limit = (policy.value?.limits?.[textNetwork]) ?? DEFAULT_LIMITS[textNetwork];
      const length = { used: measureLength(text, textNetwork), ...(limit !== undefined ? { limit } : {}) };
      const gate: ShareGate = charterRequired ? 'charter' : verdict === 'block' ? 'guard' : limit !== undefined && length.used > limit ? 'length' : 'open';
      const mastodonInstance = client.localState.read('local', MASTODON_KEY) ?? undefined;
      return {
        state: 'ready',
        item,
        textNetwork,
        variantNetworks,
        suggestion,
        text,
        personalized,
        networks,
        choices,
        extras,
        length,
        gate,
        checked: verdict !== undefined,
        ...(standing.status === 'error' ? { charterError: standing.error } : {}),
        ...(mastodonInstance ? { mastodonInstance } : {}),
        sharing,
        ...(lastShare ? { lastShare } : {}),
        pastShares: readPastShares(client, viewer.value?.id, item.id),
      };
    },
  );

  // A card can stay open for days: an item scheduled for later goes live, a live one expires.
  onMount($view, () => {
    let cancel: (() => void) | undefined;
    const follow = (item: Shareable | undefined): void => {
      cancel?.();
      cancel = undefined;
      if (!item) return;
      const now = client.clock.now().getTime();
      const publishedAt = Date.parse(item.publishedAt);
      const next = publishedAt > now ? publishedAt : item.expiresAt && !isExpired(item, new Date(now)) ? expiryTime(item.expiresAt) : undefined;
      if (next === undefined) return;
      cancel = wakeAt(client.clock, new Date(next), () => {
        $timeMoved.set($timeMoved.get() + 1);
        // Published now: its expiry is the next moment to wait for.
        follow(item);
      });
    };
    const stop = $item.subscribe((loadable) => follow(loadable.value));
    return () => {
      stop();
      cancel?.();
    };
  });

  const ready = (): ShareCardReadyView | undefined => {
    const view = $view.get();
    return view.state === 'ready' ? view : undefined;
  };

  return {
    $view,

    setNetworks(networks) {
      const current = $networks.get();
      if (networks.length !== current.length || networks.some((network, index) => network !== current[index])) $networks.set([...networks]);
    },

    setTextNetwork(network) {
      if ($textNetwork.get() === network) return;
      // An unchanged suggestion follows the network; the employee's own words stay as they are.
      const view = ready();
      if (view && !view.personalized) $draft.set(undefined);
      $textNetwork.set(network);
    },

    setText(text) {
      const view = ready();
      // The suggestion itself, as rendered: not a draft yet (it keeps following the network).
      if (view && text === view.suggestion && $draft.get() === undefined) return;
      $draft.set(text);
    },

    setVerdict(verdict) {
      $verdict.set(verdict);
    },

    setMastodonInstance(instance) {
      const host = mastodonHost(instance);
      client.localState.write('local', MASTODON_KEY, host);
      return host;
    },

    forgetMastodonInstance() {
      client.localState.write('local', MASTODON_KEY, null);
    },

    begin(network, { mastodonChooser = false } = {}) {
      const view = ready();
      if (!view) return { refused: 'not-ready' };
      if (view.sharing) return { refused: 'busy' };
      // Too long for the chosen network: the address alone can still be copied.
      if (view.gate !== 'open' && !(view.gate === 'length' && network === 'copy')) return { refused: 'gated' };
      if (network === 'mastodon' && !view.mastodonInstance && !mastodonChooser) return { refused: 'mastodon-instance' };
      const { item, text, personalized } = view;
      const intent = shareIntent(network, { url: item.url, text, title: item.title }, {
        utm: options.utm,
        campaign: item.campaign ?? item.id,
        mastodonInstance: view.mastodonInstance,
        mastodonChooser,
      });
      const url = options.utm === false ? item.url : withUtm(item.url, network, item.campaign ?? item.id);
      $sharing.set(true);
      return { item, network, kind: network === 'copy' ? 'copy-link' : 'share', text, personalized, intent, url };
    },

    cancel() {
      $sharing.set(false);
    },

    async record(share) {
      if (!$sharing.get()) return undefined;
      // A copied link is not a share: recorded apart, it neither marks the card shared nor joins its history.
      if (share.kind === 'copy-link') {
        try {
          return await client.recordShare({ shareableId: share.item.id, network: share.network, personalized: share.personalized, kind: 'copy-link' });
        } finally {
          $sharing.set(false);
        }
      }
      $lastShare.set({ network: share.network, status: 'recording' });
      try {
        const result = await client.recordShare({ shareableId: share.item.id, network: share.network, personalized: share.personalized });
        rememberShare(client, result.event);
        client.localState.write('local', LAST_NETWORK_KEY, share.network);
        $lastShare.set({ network: share.network, status: 'recorded', pointsEarned: result.pointsEarned });
        return result;
      } catch (error) {
        $lastShare.set({ network: share.network, status: 'failed', error: toErrorInfo(error) });
        throw error;
      } finally {
        $sharing.set(false);
      }
    },

    retry: () => client.retryFailed(),
  };
}


function rememberShare(client: RelaisClient, event: ShareEvent): void {
  const past = readPastShares(client, event.viewerId, event.shareableId);
  const next = [{ network: event.network, at: event.at }, ...past].slice(0, 20);
  client.localState.write('local', pastSharesKey(event.viewerId, event.shareableId), JSON.stringify(next));
}
