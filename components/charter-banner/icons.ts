/**
 * The banner's icons: Lucide (https://lucide.dev, ISC licence), drawn inline, one by one — no
 * request to any host. Stroke and size come from the `.icon` rule of the element's styles.
 */
import { html, svg, type SVGTemplateResult, type TemplateResult } from 'lit';

const icon = (paths: SVGTemplateResult): TemplateResult =>
  html`<svg class="icon" viewBox="0 0 24 24" aria-hidden="true" focusable="false">${paths}</svg>`;

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
