/**
 * `relais/share`: the share intents of every network, pure and without DOM.
 *
 * ```ts
 * const intent = shareIntent('x', { url: item.url, text, hashtags: item.hashtags }, { campaign: item.campaign ?? item.id });
 * ```
 */
export { mastodonHost, shareAction, shareIntent, UTM_MEDIUM, withUtm, type ShareContent, type ShareIntent, type ShareIntentOptions } from './intents.js';
