/**
 * The charter's body is HTML written by the communication team and delivered by an adapter: it
 * is untrusted (DESIGN.md, "Security"). It goes through DOMPurify, configured for reading text
 * only, and reaches the page as DOM nodes — never as a string handed back to an HTML parser, so
 * no serialize-and-reparse round trip can mutate it into something else (mXSS).
 *
 * A module of its own: the full text's dialog imports it when the viewer first opens the text, so
 * a page that never opens it never downloads the sanitizer (DOMPurify is a tenth of the single file).
 * And only in a browser without the HTML Sanitizer API: where `Element.setHTML` exists (Chromium
 * 156), charter-sanitizer-native.ts does the same work with the browser's own sanitizer, for
 * 2.7 KB gzip instead of 12.6 KB (`node scripts/size.mjs`, the banner's "after the first action");
 * what the native API does and does not do, measured, is written there.
 */
import DOMPurify, { type Config } from 'dompurify';
import { relaisPolicy } from '../shared/trusted-types.js';
import { FORBIDDEN_ATTRIBUTES, FORBIDDEN_TAGS, SAFE_URL, finishLinkOrImage, withoutInlineStylesAndHandlers } from './charter-markup.js';

const POLICY: Config & { RETURN_DOM_FRAGMENT: true } = {
  // HTML only: SVG and MathML are where the namespace-confusion mXSS classics live.
  USE_PROFILES: { html: true },
  FORBID_TAGS: [...FORBIDDEN_TAGS],
  FORBID_ATTR: [...FORBIDDEN_ATTRIBUTES],
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
  if (node instanceof Element) finishLinkOrImage(node);
});

/**
 * Sanitizes charter HTML into an element holding the safe nodes. An element rather than a
 * fragment, so that Lit can move it between renders without emptying it.
 * @throws TrustedTypesRefusedError when the page requires Trusted Types and refuses the `relais` policy.
 */
export function sanitizeCharterBody(html: string): HTMLElement {
  const container = document.createElement('div');
  // Relais's own Trusted Types policy, or explicitly none: left to itself, DOMPurify would create
  // one named "dompurify", the page's own DOMPurify's name (docs/security.md).
  container.append(purifier.sanitize(withoutInlineStylesAndHandlers(html), { ...POLICY, TRUSTED_TYPES_POLICY: relaisPolicy() }));
  return container;
}

