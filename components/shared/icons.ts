/**
 * Every element's icons: Lucide (https://lucide.dev, ISC licence), drawn inline, one by one — no
 * request to any host. The stroke is set here; the size comes from the `.icon` rule of the
 * element's styles (base styles give a default).
 */
import { html, svg, type SVGTemplateResult, type TemplateResult } from 'lit';

const icon = (paths: SVGTemplateResult): TemplateResult =>
  html`<svg class="icon" viewBox="0 0 24 24" aria-hidden="true" focusable="false" fill="none" stroke="currentColor" stroke-width="2" stroke-linecap="round" stroke-linejoin="round">${paths}</svg>`;

/** Lucide `scroll-text`: the charter. */
export const charterIcon = () => icon(svg`<path d="M15 12h-5M15 8h-5M19 17V5a2 2 0 0 0-2-2H4"/><path d="M8 21h12a2 2 0 0 0 2-2v-2H10v2a2 2 0 1 1-4 0V5a2 2 0 1 0-4 0v3h4"/>`);
/** Lucide `circle-check`: acknowledged. */
export const checkIcon = () => icon(svg`<circle cx="12" cy="12" r="10"/><path d="m9 12 2 2 4-4"/>`);
/** Lucide `clock`: postponed. */
export const clockIcon = () => icon(svg`<circle cx="12" cy="12" r="10"/><path d="M12 6v6l4 2"/>`);
/** Lucide `circle-alert`: could not load. */
export const alertIcon = () => icon(svg`<circle cx="12" cy="12" r="10"/><path d="M12 8v4M12 16h.01"/>`);
/** Lucide `x`: close. */
export const closeIcon = () => icon(svg`<path d="M18 6 6 18M6 6l12 12"/>`);
/** Lucide `chevron-down`: the disclosure's marker. */
export const chevronIcon = () => icon(svg`<path d="m6 9 6 6 6-6"/>`);

/** Lucide `circle-x`: something blocks. */
export const blockIcon = () => icon(svg`<circle cx="12" cy="12" r="10"/><path d="m15 9-6 6"/><path d="m9 9 6 6"/>`);

/** Lucide `triangle-alert`: something to review. */
export const warnIcon = () => icon(svg`<path d="m21.73 18-8-14a2 2 0 0 0-3.48 0l-8 14A2 2 0 0 0 4 21h16a2 2 0 0 0 1.73-3"/><path d="M12 9v4"/><path d="M12 17h.01"/>`);

/** Lucide `info`: a note. */
export const infoIcon = () => icon(svg`<circle cx="12" cy="12" r="10"/><path d="M12 16v-4"/><path d="M12 8h.01"/>`);

/** Lucide `lock`: stays on this device. */
export const lockIcon = () => icon(svg`<rect width="18" height="11" x="3" y="11" rx="2" ry="2"/><path d="M7 11V7a5 5 0 0 1 10 0v4"/>`);

/** Lucide `pen-line`: in your own words. */
export const penIcon = () => icon(svg`<path d="M12 20h9"/><path d="M16.4 3.6a1 1 0 0 1 3 3L7.4 18.6a2 2 0 0 1-.9.5l-2.9.9a.5.5 0 0 1-.6-.6l.9-2.9a2 2 0 0 1 .5-.9z"/>`);
/** Lucide `image`: where an item's picture could not be shown. */
export const imageIcon = () => icon(svg`<rect width="18" height="18" x="3" y="3" rx="2"/><circle cx="9" cy="9" r="2"/><path d="m21 15-3-3a2 2 0 0 0-3 0L6 21"/>`);

/*
 * The share buttons' marks: Lucide's own where it has one (mail, link, share-2, send, users,
 * at-sign, message-circle, and its former brand icons for LinkedIn and Facebook), and for X,
 * Mastodon and Bluesky a simple monochrome line drawing of the brand's shape, in the same 24-unit
 * grid and stroke, so that a row of buttons reads as one set.
 */
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
