/**
 * Share intents: the address that opens a network's own "share" page with the employee's text
 * and the item's link, or what to copy, or the Web Share API's data. Pure, no DOM: the element
 * decides when to copy and open (from the click itself, so that popup blockers allow it).
 *
 * Every parameter is encoded with `encodeURIComponent` (a space is `%20`, a `+` is `%2B`), so
 * that decoding the query gives back exactly the text and the link, whatever they hold.
 */
import { RelaisDataError, type Network } from '../model/index.js';

/** What is shared. */
export interface ShareContent {
  /** The item's address (http or https only). */
  url: string;
  /** The employee's text. */
  text?: string;
  /** The item's title: the e-mail subject, the Web Share API's title. */
  title?: string;
  /** Hashtags, with or without `#`. */
  hashtags?: readonly string[];
}

export interface ShareIntentOptions {
  /** Adds `utm_source` (the network), `utm_medium=employee_advocacy` and `utm_campaign`. Default true. */
  utm?: boolean;
  /** `utm_campaign`: the item's campaign, else its id. */
  campaign?: string;
  /** The employee's Mastodon server (`mastodon.social`); `mastodon` needs it, or `mastodonChooser`. */
  mastodonInstance?: string;
  /**
   * Without a server: Mastodon's official share page (share.joinmastodon.org), which asks the
   * employee for theirs. The text travels in the address's fragment, which is not sent to that page's server.
   */
  mastodonChooser?: boolean;
}

/**
 * How to share:
 * - `open`: open `href` (the network takes the text from it);
 * - `copy-then-open`: copy `copy` first, then open `href` (LinkedIn's share-offsite and Facebook's
 *   sharer ignore prefilled text, and Facebook's policy forbids it: the employee pastes it);
 * - `copy`: copy `copy` (the link);
 * - `native`: call `navigator.share(shareData)`.
 */
export interface ShareIntent {
  network: Network;
  action: 'open' | 'copy-then-open' | 'copy' | 'native';
  href?: string;
  copy?: string;
  shareData?: { title?: string; text?: string; url: string };
}

/** Networks whose share page ignores prefilled text (LinkedIn's share-offsite, Facebook's sharer): the text goes by the clipboard. */
const PASTED: ReadonlySet<Network> = new Set(['linkedin', 'facebook']);

/** What sharing on `network` does, known before anything is built (an element says it before the click). */
export function shareAction(network: Network): ShareIntent['action'] {
  if (PASTED.has(network)) return 'copy-then-open';
  return network === 'copy' ? 'copy' : network === 'native' ? 'native' : 'open';
}

/** Mastodon's official share page: it asks for the employee's server, in the browser. */
export const MASTODON_CHOOSER = 'https://share.joinmastodon.org/';

/** `utm_medium` of every share. */
export const UTM_MEDIUM = 'employee_advocacy';

const enc = encodeURIComponent;

/** The URL, checked to be http or https; throws a RelaisDataError naming `url` otherwise. */
function httpUrl(url: string): URL {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    throw new RelaisDataError('share', 'url', [`url: not an absolute URL (${JSON.stringify(url)})`]);
  }
  if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:') {
    throw new RelaisDataError('share', 'url', [`url: must be an http or https URL (${parsed.protocol} given)`]);
  }
  return parsed;
}

/**
 * The item's address with the UTM parameters added, keeping its own query and fragment as they
 * are written (parameters it already has are left alone: the editor's choice wins).
 */
export function withUtm(url: string, network: Network, campaign: string | undefined): string {
  const parsed = httpUrl(url);
  const present = new Set(parsed.searchParams.keys());
  const params: [string, string][] = [
    ['utm_source', network],
    ['utm_medium', UTM_MEDIUM],
    ...(campaign ? ([['utm_campaign', campaign]] as [string, string][]) : []),
  ];
  const added = params.filter(([name]) => !present.has(name)).map(([name, value]) => `${name}=${enc(value)}`);
  if (added.length === 0) return url;
  const hash = url.indexOf('#');
  const [beforeHash, fragment] = hash === -1 ? [url, ''] : [url.slice(0, hash), url.slice(hash)];
  const separator = !beforeHash.includes('?') ? '?' : beforeHash.endsWith('?') || beforeHash.endsWith('&') ? '' : '&';
  return `${beforeHash}${separator}${added.join('&')}${fragment}`;
}

/** A Mastodon user name: letters, digits and `_`, with `.` and `-` inside. */
const MASTODON_USER = String.raw`\w(?:[\w.-]*\w)?`;
/** A handle: « @camille@piaille.fr » or « camille@piaille.fr »; its server comes after the second `@`. */
const MASTODON_HANDLE = new RegExp(`^@?${MASTODON_USER}@([^@/\\s]+)$`);
/** A profile seen on another server (« /@camille@piaille.fr », « /web/@camille@piaille.fr/… »): the person's server is in the path. */
const REMOTE_PROFILE = new RegExp(`^/(?:web/)?@${MASTODON_USER}@([^/@]+)(?:/.*)?$`);
/** A profile on the server itself (« /@camille », a post « /@camille/113… », « /users/camille »). */
const LOCAL_PROFILE = new RegExp(`^/(?:(?:web/)?@|users/)${MASTODON_USER}(?:/[^@]*)?$`);
/** A public server has a dotted name; an address of the intranet or a bare IP is not one. */
const SERVER_NAME = /^(?=.{1,253}$)([a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z0-9-]{2,63}$/;

/**
 * The Mastodon server's host name, from what the employee wrote: the server's name
 * (`mastodon.social`, `https://mastodon.social/`), their handle (`@camille@mastodon.social`), or
 * the address of their profile (`https://mastodon.social/@camille`, one of its posts, or the
 * profile as another server shows it, `https://piaille.fr/@camille@mastodon.social`). Throws a
 * RelaisDataError naming `mastodonInstance` for anything else.
 */
export function mastodonHost(instance: string | undefined): string {
  const refuse = (why: string) => new RelaisDataError('share', 'mastodonInstance', [`mastodonInstance: ${why}`]);
  const notAServer = () => refuse(`not a server name (${JSON.stringify(instance)})`);
  const text = (instance ?? '').trim();
  if (!text) throw refuse('the employee’s Mastodon server is needed (e.g. mastodon.social)');
  const handle = MASTODON_HANDLE.exec(text);
  const parsed = parseServerAddress(handle ? handle[1]! : text);
  if (!parsed || parsed.username !== '' || parsed.password !== '' || parsed.search || parsed.hash) throw notAServer();
  const path = parsed.pathname;
  if (!handle && path !== '/' && path !== '') {
    const remote = REMOTE_PROFILE.exec(path);
    if (remote) return mastodonHost(remote[1]);
    if (!LOCAL_PROFILE.test(path)) throw notAServer();
  } else if (path !== '/' && path !== '') {
    throw notAServer();
  }
  const host = parsed.hostname;
  if (!SERVER_NAME.test(host) || /^[\d.]+$/.test(host)) throw notAServer();
  return parsed.port ? `${host}:${parsed.port}` : host;
}

/** `text` as an address (`https://` added when it has no scheme), or `undefined`. */
function parseServerAddress(text: string): URL | undefined {
  try {
    const parsed = new URL(/^https?:\/\//i.test(text) ? text : `https://${text}`);
    return parsed.protocol === 'https:' || parsed.protocol === 'http:' ? parsed : undefined;
  } catch {
    return undefined;
  }
}

/** `#tag` for each hashtag, spaces removed. */
function hashtagWords(hashtags: readonly string[] | undefined): string[] {
  return (hashtags ?? []).map((tag) => tag.trim().replace(/^#+/, '').replace(/\s+/g, '')).filter(Boolean);
}

/** Lines joined with single spaces where both sides have something. */
const joined = (...parts: (string | undefined)[]) => parts.filter((part) => part && part.trim()).join(' ');

/**
 * The share intent of one network for one item. Throws a {@link RelaisDataError} for a non-http(s)
 * URL (field `url`) or an invalid Mastodon server (field `mastodonInstance`).
 */
export function shareIntent(network: Network, content: ShareContent, options: ShareIntentOptions = {}): ShareIntent {
  let url: string;
  if (options.utm === false) {
    httpUrl(content.url);
    url = content.url;
  } else {
    url = withUtm(content.url, network, options.campaign);
  }
  const tags = hashtagWords(content.hashtags);
  const text = content.text ?? '';
  const textWithTags = joined(text, tags.map((tag) => `#${tag}`).join(' '));
  switch (network) {
    case 'linkedin':
      return { network, action: shareAction(network), copy: textWithTags, href: `https://www.linkedin.com/sharing/share-offsite/?url=${enc(url)}` };
    case 'facebook':
      return { network, action: shareAction(network), copy: textWithTags, href: `https://www.facebook.com/sharer/sharer.php?u=${enc(url)}` };
    case 'x':
      return {
        network,
        action: 'open',
        href: `https://x.com/intent/post?text=${enc(text)}&url=${enc(url)}${tags.length ? `&hashtags=${enc(tags.join(','))}` : ''}`,
      };
    case 'mastodon':
      if (options.mastodonChooser && !options.mastodonInstance) return { network, action: 'open', href: `${MASTODON_CHOOSER}#text=${enc(joined(textWithTags, url))}` };
      return { network, action: 'open', href: `https://${mastodonHost(options.mastodonInstance)}/share?text=${enc(joined(textWithTags, url))}` };
    case 'bluesky':
      return { network, action: 'open', href: `https://bsky.app/intent/compose?text=${enc(joined(textWithTags, url))}` };
    case 'threads':
      return { network, action: 'open', href: `https://www.threads.net/intent/post?text=${enc(textWithTags)}&url=${enc(url)}` };
    case 'whatsapp':
      return { network, action: 'open', href: `https://wa.me/?text=${enc(joined(textWithTags, url))}` };
    case 'telegram':
      return { network, action: 'open', href: `https://t.me/share/url?url=${enc(url)}&text=${enc(textWithTags)}` };
    case 'teams':
      return { network, action: 'open', href: `https://teams.microsoft.com/share?href=${enc(url)}&msgText=${enc(textWithTags)}` };
    case 'email':
      return { network, action: 'open', href: `mailto:?subject=${enc(content.title ?? '')}&body=${enc(joined(textWithTags, url))}` };
    case 'copy':
      return { network, action: 'copy', copy: url };
    case 'native':
      return {
        network,
        action: 'native',
        shareData: { ...(content.title ? { title: content.title } : {}), ...(textWithTags ? { text: textWithTags } : {}), url },
      };
  }
}
