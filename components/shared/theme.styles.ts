import { css } from 'lit';

/*
 * Every colour pair below meets WCAG AA (4.5:1 for text, 3:1 for borders and focus rings) in
 * both schemes; the component tests run axe's contrast check in light and in dark. Pages
 * override the public `--relais-*` properties (per scheme, in their own media queries); the
 * private `--_*` ones only pick the public value or the default.
 */
/** The dark scheme's defaults, used by `prefers-color-scheme: dark` and by `theme="dark"`. */
const darkPalette = css`
  color-scheme: dark;
  --_text: var(--relais-color-text, #eef2f8);
  --_muted: var(--relais-color-muted, #c3cad6);
  --_surface: var(--relais-color-surface, #161b26);
  --_banner: var(--relais-color-banner, #1c2535);
  --_accent: var(--relais-color-accent, #8ab4ff);
  --_on-accent: var(--relais-color-on-accent, #0b1020);
  --_border: var(--relais-color-border, #8a96ab);
  --_error: var(--relais-color-error, #ffa198);
  --_focus-ring: var(--relais-focus-ring, 3px solid #8ab4ff);
  --_block: var(--relais-color-block, #ffa198);
  --_warn: var(--relais-color-warn, #f2c04b);
  --_info: var(--relais-color-info, #8ab4ff);
  --_block-tint: rgb(255 161 152 / 0.16);
  --_warn-tint: rgb(242 192 75 / 0.12);
`;

/** The colour, spacing and focus tokens every Relais element shares: `--relais-*` in, `--_*` out. */
export const themeStyles = css`
  :host {
    color-scheme: light;
    --_text: var(--relais-color-text, #16213a);
    --_muted: var(--relais-color-muted, #3f4b63);
    --_surface: var(--relais-color-surface, #ffffff);
    --_banner: var(--relais-color-banner, #eaf1fb);
    --_accent: var(--relais-color-accent, #1d4ed8);
    --_on-accent: var(--relais-color-on-accent, #ffffff);
    --_border: var(--relais-color-border, #5f6d85);
    --_error: var(--relais-color-error, #b42318);
    --_backdrop: var(--relais-color-backdrop, rgb(10 15 30 / 0.6));
    --_radius: var(--relais-radius, 0.5rem);
    --_space: var(--relais-spacing, 1rem);
    --_focus-ring: var(--relais-focus-ring, 3px solid #1d4ed8);
    --_dialog-width: var(--relais-dialog-width, 42rem);
    /* The guard's severities (the composer's underlines and findings): blocking, warning, note. */
    --_block: var(--relais-color-block, #b42318);
    --_warn: var(--relais-color-warn, #8a4b00);
    --_info: var(--relais-color-info, #1d4ed8);
    --_block-tint: rgb(180 35 24 / 0.1);
    --_warn-tint: rgb(176 96 0 / 0.08);
    /* A plain page would render in the browser's serif default: the system's UI font instead. */
    --_font: var(--relais-font-family, system-ui, -apple-system, 'Segoe UI', Roboto, 'Helvetica Neue', Arial, sans-serif);
  }

  @media (prefers-color-scheme: dark) {
    :host(:not([theme='light'])) {
      ${darkPalette}
    }
  }

  :host([theme='dark']) {
    ${darkPalette}
  }
`;
