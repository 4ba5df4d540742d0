/**
 * The charter's body is HTML written by the communication team and delivered by an adapter: it
 * is untrusted (DESIGN.md, "Security"). It goes through DOMPurify, configured for reading text
 * only, and reaches the page as DOM nodes — never as a string handed back to an HTML parser, so
 * no serialize-and-reparse round trip can mutate it into something else (mXSS).
 */
import DOMPurify, { type Config } from 'dompurify';
import { relaisPolicy } from '../shared/trusted-types.js';

/** Only web, mail and phone links, and relative ones; never `javascript:`, `data:`, `vbscript:`… */
const SAFE_URL = /^(?:(?:https?|mailto|tel):|[^a-z]|[a-z+.-]+(?:[^a-z+.\-:]|$))/i;

const POLICY: Config & { RETURN_DOM_FRAGMENT: true } = {
  // HTML only: SVG and MathML are where the namespace-confusion mXSS classics live.
  USE_PROFILES: { html: true },
  // Already outside the HTML profile's allow-list; listed so that the intent survives a change
  // of profile: nothing that runs, embeds, submits, restyles or redirects.
  FORBID_TAGS: [
    'script', 'style', 'link', 'meta', 'base', 'iframe', 'frame', 'frameset', 'object', 'embed', 'applet',
    'form', 'input', 'button', 'select', 'textarea', 'option', 'template', 'noscript', 'dialog', 'slot',
    'portal', 'video', 'audio', 'source', 'track', 'svg', 'math',
  ],
  // `style` could escape the dialog (position: fixed over the page); `class` and `part` could
  // pick up the element's own styles or the host page's `::part()` rules; `tabindex` and
  // `autofocus` would change the focus order; `popover` opens a layer over everything.
  FORBID_ATTR: [
    'style', 'class', 'part', 'exportparts', 'slot', 'tabindex', 'autofocus', 'accesskey', 'popover',
    'popovertarget', 'popovertargetaction', 'action', 'formaction', 'srcset', 'ping', 'background',
  ],
  ALLOW_DATA_ATTR: false,
  ALLOWED_URI_REGEXP: SAFE_URL,
  // Prefixes ids and names, so that the body can neither clobber globals nor take the ids the
  // element's own markup refers to (aria-labelledby).
  SANITIZE_NAMED_PROPS: true,
  RETURN_DOM_FRAGMENT: true,
};

// A private instance: hooks added to the default one would also change what the host page's
// own DOMPurify does.
const purifier = DOMPurify(window);

purifier.addHook('afterSanitizeAttributes', (node) => {
  if (!(node instanceof Element)) return;
  if ((node.localName === 'a' || node.localName === 'area') && node.hasAttribute('href')) {
    // Links (and image-map areas) leave the charter in a new tab, never navigating the page
    // itself, and without handing that tab a reference to this page.
    node.setAttribute('target', '_blank');
    node.setAttribute('rel', 'noopener noreferrer');
  }
  // An image its author gave no text to is taken as decorative, rather than read out as its
  // file name by screen readers.
  if (node.localName === 'img') {
    if (!node.hasAttribute('alt')) node.setAttribute('alt', '');
    // Images outside the reader's view are requested only when they scroll into it (and those
    // of a closed dialog never): a third-party image is a request the reader did not ask for.
    node.setAttribute('loading', 'lazy');
  }
});

/**
 * Sanitizes charter HTML into an element holding the safe nodes. An element rather than a
 * fragment, so that Lit can move it between renders without emptying it.
 */
export function sanitizeCharterBody(html: string): HTMLElement {
  const container = document.createElement('div');
  // Relais's own Trusted Types policy, or explicitly none: left to itself, DOMPurify would create
  // one named "dompurify", the page's own DOMPurify's name (docs/security.md).
  container.append(purifier.sanitize(html, { ...POLICY, TRUSTED_TYPES_POLICY: relaisPolicy() }));
  return container;
}
