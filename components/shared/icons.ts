/**
 * Every element's icons: Lucide (https://lucide.dev, ISC licence), drawn inline, one by one — no
 * request to any host. The stroke is set here; the size comes from the `.icon` rule of the
 * element's styles (base styles give a default).
 */
import { html, svg, type SVGTemplateResult, type TemplateResult } from 'lit';

/** An icon of the set: 24 units, the stroke of the set, hidden from assistive technology (the control names itself). */
export const icon = (paths: SVGTemplateResult): TemplateResult =>
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

