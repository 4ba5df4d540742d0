/**
 * The share buttons' marks, apart from the other icons so that elements without share buttons do
 * not carry them: Lucide's own where it has one (mail, link, share-2, send, users, at-sign,
 * message-circle, and its former brand icons for LinkedIn and Facebook), and for X, Mastodon and
 * Bluesky a simple monochrome line drawing of the brand's shape, in the same 24-unit grid and
 * stroke, so that a row of buttons reads as one set. Drawn inline: no request to any host.
 */
import { svg, type SVGTemplateResult } from 'lit';
import { icon } from './icons.js';

const NETWORK_PATHS: Record<string, SVGTemplateResult> = {
  linkedin: svg`<path d="M16 8a6 6 0 0 1 6 6v7h-4v-7a2 2 0 0 0-4 0v7h-4v-7a6 6 0 0 1 6-6z"/><rect width="4" height="12" x="2" y="9"/><circle cx="4" cy="4" r="2"/>`,
  facebook: svg`<path d="M18 2h-3a5 5 0 0 0-5 5v3H7v4h3v8h4v-8h3l1-4h-4V7a1 1 0 0 1 1-1h3z"/>`,
  x: svg`<path d="M4 4h4.5L20 20h-4.5z"/><path d="m20 4-6.6 7.3M4 20l6.6-7.3"/>`,
  mastodon: svg`<path d="M20.5 9.5C20.5 5 17.6 3.5 12 3.5S3.5 5 3.5 9.5c0 6.5.5 11 8 11 1.7 0 3.2-.3 4.5-.8v-2c-1.3.4-2.8.6-4.3.5-1.6 0-2.7-.9-2.9-2.1 4.4.9 11.7.6 11.7-4.6z"/><path d="M8.5 13V9.5a1.75 1.75 0 0 1 3.5 0V12m0 0V9.5a1.75 1.75 0 0 1 3.5 0V13"/>`,
  bluesky: svg`<path d="M12 10.8C10.6 8 6.9 4 4.6 4 3.1 4 2.5 5 2.5 6.5c0 1 .5 4.8 1 5.6.8 1.4 2.7 1.7 4.5 1.5-2.7.5-4 2.2-2.2 4.1 2 2 3.7.6 6.2-3.2 2.5 3.8 4.2 5.2 6.2 3.2 1.8-1.9.5-3.6-2.2-4.1 1.8.2 3.7-.1 4.5-1.5.5-.8 1-4.6 1-5.6C21.5 5 20.9 4 19.4 4c-2.3 0-6 4-7.4 6.8z"/>`,
  threads: svg`<circle cx="12" cy="12" r="4"/><path d="M16 8v5a3 3 0 0 0 6 0v-1a10 10 0 1 0-4 8"/>`,
  whatsapp: svg`<path d="M7.9 20A9 9 0 1 0 4 16.1L2 22Z"/>`,
  telegram: svg`<path d="M14.5 21.7a.5.5 0 0 0 .9 0l6.5-19a.5.5 0 0 0-.6-.6l-19 6.5a.5.5 0 0 0 0 .9l7.9 3.2a2 2 0 0 1 1.1 1.1z"/><path d="m21.9 2.1-11 11"/>`,
  teams: svg`<path d="M16 21v-2a4 4 0 0 0-4-4H6a4 4 0 0 0-4 4v2"/><circle cx="9" cy="7" r="4"/><path d="M22 21v-2a4 4 0 0 0-3-3.9M16 3.1a4 4 0 0 1 0 7.8"/>`,
  email: svg`<rect width="20" height="16" x="2" y="4" rx="2"/><path d="m22 7-9 5.7a2 2 0 0 1-2 0L2 7"/>`,
  copy: svg`<path d="M10 13a5 5 0 0 0 7.5.5l3-3a5 5 0 0 0-7-7l-1.7 1.7"/><path d="M14 11a5 5 0 0 0-7.5-.5l-3 3a5 5 0 0 0 7 7l1.7-1.7"/>`,
  native: svg`<circle cx="18" cy="5" r="3"/><circle cx="6" cy="12" r="3"/><circle cx="18" cy="19" r="3"/><path d="m8.6 13.5 6.8 4M15.4 6.5l-6.8 4"/>`,
};

/** The mark of a network's share button (a generic share mark for a network it does not know). */
export const networkIcon = (network: string) => icon(NETWORK_PATHS[network] ?? NETWORK_PATHS['native']!);
