import type { Network } from '../model/index.js';

/** Networks named by their brand, the same in every language. */
export type BrandNetwork = Exclude<Network, 'email' | 'copy' | 'native'>;

/** The brand names, shared by every catalogue and by the guard's built-in messages. */
export const BRAND_NAMES: Record<BrandNetwork, string> = {
  linkedin: 'LinkedIn',
  x: 'X',
  facebook: 'Facebook',
  mastodon: 'Mastodon',
  bluesky: 'Bluesky',
  threads: 'Threads',
  whatsapp: 'WhatsApp',
  telegram: 'Telegram',
  teams: 'Microsoft Teams',
};
