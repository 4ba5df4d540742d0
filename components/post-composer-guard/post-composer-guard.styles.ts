import { css } from 'lit';
import { baseStyles } from '../shared/base.styles.js';
import { buttonStyles } from '../shared/button.styles.js';
import { themeStyles } from '../shared/theme.styles.js';

/*
 * Severities are told apart without colour: blocking passages get a thick solid underline and a
 * tint, warnings a wavy one, notes a dotted one; the list says each severity in words, with an
 * icon. In the list each finding has a plain left rule in its severity's colour (a dotted or
 * dashed rule read as a glitch; the word and the icon already tell them apart). Every underline colour keeps 3:1 against the field in both schemes; the severity colours,
 * light and dark, are the kit's (`themeStyles`: `--_block`, `--_warn`, `--_info` and their tints).
 */
export const postComposerGuardStyles = [
  themeStyles,
  baseStyles,
  buttonStyles,
  css`
    :host {
      color: var(--_text);
      container-type: inline-size;
    }

    p {
      margin: 0;
    }

    .icon {
      flex: none;
      width: 1.125em;
      height: 1.125em;
      vertical-align: -0.2em;
    }

    [part~='label'] {
      display: block;
      margin-bottom: 0.25em;
      font-weight: 600;
    }

    .editor {
      position: relative;
    }

    [part~='textarea'] {
      display: block;
      width: 100%;
      min-height: 6em;
      margin: 0;
      padding: 0.625em 0.75em;
      line-height: 1.5;
      color: var(--_text);
      background: var(--_surface);
      border: 1px solid var(--_border);
      border-radius: var(--_radius);
      resize: vertical;
    }

    /* Grows with the draft where the browser can, up to a point; the mirror follows its size. */
    @supports (field-sizing: content) {
      [part~='textarea'] {
        field-sizing: content;
        min-height: 7.5em;
        max-height: 24em;
      }
    }

    ::slotted(textarea) {
      display: block;
    }

    /* Laid over the textarea by the element (position, size, typography copied from it); its own
       text is invisible: only the underlines and tints show, and clicks go through. */
    [part~='highlights'] {
      position: absolute;
      top: 0;
      left: 0;
      z-index: 1;
      margin: 0;
      overflow: hidden;
      box-sizing: border-box;
      border-style: solid;
      border-color: transparent;
      color: transparent;
      pointer-events: none;
      white-space: pre-wrap;
      overflow-wrap: break-word;
      /* Sized by the element: laying out its text never reaches the rest of the page. */
      contain: strict;
    }

    /* One block per line of the text (see text-mirror.ts); a space after the last line, so that
       an empty last line still takes its room, as it does in the textarea. */
    [part~='highlights'] > div:last-child::after {
      content: ' ';
    }

    ::highlight(relais-guard-block) {
      color: transparent;
      background-color: var(--_block-tint);
      text-decoration: underline solid var(--_block) 3px;
      text-underline-offset: 0.2em;
    }

    ::highlight(relais-guard-warn) {
      color: transparent;
      background-color: var(--_warn-tint);
      text-decoration: underline wavy var(--_warn) 1.5px;
      text-underline-offset: 0.2em;
    }

    ::highlight(relais-guard-info) {
      color: transparent;
      text-decoration: underline dotted var(--_info) 2px;
      text-underline-offset: 0.2em;
    }

    [part~='networks'] {
      display: flex;
      flex-wrap: wrap;
      gap: 0.25em;
      margin: 0 0 calc(var(--_space) * 0.5);
      padding: 0;
      border: 0;
    }

    [part~='networks'] legend {
      float: left;
      margin-inline-end: 0.5em;
      padding: 0.375em 0;
      font-weight: 600;
    }

    .network {
      position: relative;
      display: inline-flex;
    }

    .network input {
      position: absolute;
      inset: 0;
      margin: 0;
      opacity: 0;
      cursor: pointer;
    }

    .network span {
      padding: 0.25em 0.75em;
      min-height: 2rem;
      display: inline-flex;
      align-items: center;
      border: 1px solid var(--_border);
      border-radius: 999px;
      background: var(--_surface);
    }

    .network input:checked + span {
      color: var(--_on-accent);
      background: var(--_accent);
      border-color: var(--_accent);
      font-weight: 600;
    }

    .network input:focus-visible + span {
      outline: var(--_focus-ring);
      outline-offset: 2px;
    }

    [part~='counter'] {
      display: flex;
      justify-content: flex-end;
      align-items: center;
      gap: 0.375em;
      margin-top: 0.25em;
      font-size: 0.875em;
      color: var(--_muted);
      font-variant-numeric: tabular-nums;
    }

    [part~='counter'] > span[aria-hidden] {
      display: inline-flex;
      flex-wrap: wrap;
      justify-content: flex-end;
      gap: 0 0.5em;
    }

    .counter-note::before {
      content: '· ';
    }

    [part~='counter'].near {
      color: var(--_warn);
      font-weight: 600;
    }

    [part~='counter'].over {
      color: var(--_block);
      font-weight: 700;
    }

    .report {
      margin-top: calc(var(--_space) * 0.5);
      contain: layout style;
    }

    [part~='summary'] {
      display: flex;
      gap: 0.5em;
      align-items: flex-start;
      font-weight: 600;
    }

    [part~='summary'].block .icon {
      color: var(--_block);
    }

    [part~='summary'].warn .icon {
      color: var(--_warn);
    }

    [part~='summary'].pass .icon {
      color: var(--_accent);
    }

    /* Not checked yet (a lazy composer): a plain note, not a verdict. */
    [part~='summary'].waiting {
      font-weight: 400;
      font-size: 0.875em;
      color: var(--_muted);
    }

    [part~='findings'] {
      margin-top: calc(var(--_space) * 0.5);
      border-radius: var(--_radius);
    }

    [part~='findings']:focus-visible {
      outline: var(--_focus-ring);
      outline-offset: 2px;
    }

    /* One column as wide as the element: a link or an address in a finding wraps instead of widening it. */
    ul {
      list-style: none;
      margin: 0;
      padding: 0;
      display: grid;
      grid-template-columns: minmax(0, 1fr);
      gap: calc(var(--_space) * 0.5);
    }

    [part~='finding'] {
      min-width: 0;
      overflow-wrap: anywhere;
      display: grid;
      grid-template-columns: minmax(0, 1fr);
      gap: 0.25em;
      padding: 0.5em 0.75em;
      border: 1px solid var(--_border);
      border-inline-start-width: 4px;
      border-radius: calc(var(--_radius) / 2);
      background: var(--_surface);
    }

    [part~='finding'].block {
      border-inline-start: 4px solid var(--_block);
    }

    [part~='finding'].warn {
      border-inline-start: 4px solid var(--_warn);
    }

    [part~='finding'].info {
      border-inline-start: 4px solid var(--_info);
    }

    .finding-head {
      display: flex;
      gap: 0.375em;
      align-items: center;
      font-size: 0.875em;
      font-weight: 700;
      text-transform: uppercase;
      letter-spacing: 0.03em;
    }

    .block .finding-head {
      color: var(--_block);
    }

    .warn .finding-head {
      color: var(--_warn);
    }

    .info .finding-head {
      color: var(--_info);
    }

    /* The sentence as the fix will leave it: read before the button, quieter than the message. */
    .preview {
      margin-bottom: 0.5em;
      padding-inline-start: 0.625em;
      border-inline-start: 2px solid var(--_border);
      /* A long URL in the sentence wraps rather than widening the list past a phone's width. */
      overflow-wrap: anywhere;
    }

    .preview-label {
      font-weight: 600;
    }

    .no-fix {
      margin-bottom: 0.5em;
      color: var(--_muted);
      font-size: 0.875em;
    }

    .finding-actions {
      display: flex;
      flex-wrap: wrap;
      gap: 0.5em;
      align-items: center;
    }

    /* The kit's outlined button, set for a finding: denser, a firmer outline, and a long
       suggestion that wraps stays centred at the text's line height. */
    button {
      min-height: 2.25rem;
      padding: 0.25em 0.75em;
      border-width: 2px;
      line-height: inherit;
      text-align: center;
    }

    /* Secondary: a fix is offered, never pushed; the page's own submit stays the one primary action. */
    [part~='fix-button'],
    [part~='edit-button'] {
      font-weight: 600;
    }

    [part~='show-button'] {
      max-width: 100%;
      border-color: transparent;
      background: transparent;
      color: var(--_text);
      font-weight: 400;
      text-align: start;
      text-decoration: underline;
      text-underline-offset: 0.2em;
      text-decoration-color: var(--_border);
    }

    .block [part~='show-button'] {
      text-decoration: underline solid var(--_block) 3px;
    }

    .warn [part~='show-button'] {
      text-decoration: underline wavy var(--_warn) 1.5px;
    }

    .info [part~='show-button'] {
      text-decoration: underline dotted var(--_info) 2px;
    }

    .omitted {
      margin-top: 0.5em;
      color: var(--_muted);
    }

    [part~='privacy-note'] {
      display: flex;
      gap: 0.375em;
      align-items: center;
      margin-top: calc(var(--_space) * 0.75);
      font-size: 0.8125em;
      color: var(--_muted);
    }

    [part~='retry-button'] {
      margin-top: 0.5em;
    }
  `,
];
