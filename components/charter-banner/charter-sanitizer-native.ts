/**
 * The charter's body sanitized by the browser itself: the HTML Sanitizer API's
 * `Element.setHTML` (Chromium 156 ships it), then a pass over the nodes it kept that applies the
 * rest of Relais's rules. Where the API is missing, the full text's dialog imports
 * charter-sanitizer.ts (DOMPurify) instead; the two give the same nodes for the same markup
 * (test/components/charter-banner/charter-body.test.ts runs the hostile corpus on both, and
 * compares them element by element and attribute by attribute).
 *
 * What the native API does, measured in Chromium 156 (same test file):
 * - `setHTML` is "safe" whatever the configuration: no script, frame, object or embed, no `on*`
 *   handler, no `javascript:` URL (entity-encoded, mixed-case and tab-split ones included);
 *   the configuration below also drops the forbidden elements with their content, the
 *   forbidden attributes and the comments;
 * - it does NOT filter other URL schemes: `data:` and `vbscript:` links are kept, so the URL
 *   rule (SAFE_URL, DOMPurify's reading of it) is applied here afterwards;
 * - it has no "keep the text of an unknown element" (DOMPurify's KEEP_CONTENT) other than by
 *   name, nor any prefix for ids and names: both done here afterwards, as are links and images;
 * - it parses with the page's CSP like every parser of the realm: `style` and `on*` attributes
 *   are reported (`style-src-attr`, `script-src-attr`) before anything can drop them, so the
 *   markup first goes through the same {@link withoutInlineStylesAndHandlers} as DOMPurify's;
 * - it is not a Trusted Types sink: no policy is created or needed (a page that refuses
 *   Relais's policy still gets the text).
 * Everything happens in an inert document: no image is requested before the text is in the
 * dialog, and then only as it scrolls into view (`loading=lazy` is set before the nodes move).
 */
import { FORBIDDEN_ATTRIBUTES, FORBIDDEN_TAGS, SAFE_URL, finishLinkOrImage, withoutInlineStylesAndHandlers } from './charter-markup.js';

/** The parts of the HTML Sanitizer API used here (not in TypeScript's DOM library yet). */
interface SanitizerConfig {
  removeElements?: string[];
  removeAttributes?: string[];
  comments?: boolean;
}
interface NativeSanitizer {
  get(): unknown;
}
type SettableElement = HTMLDivElement & { setHTML(html: string, options: { sanitizer: NativeSanitizer }): void };
type SanitizerWindow = typeof globalThis & { Sanitizer?: new (config: SanitizerConfig) => NativeSanitizer };

const HTML_NAMESPACE = 'http://www.w3.org/1999/xhtml';

/**
 * DOMPurify's HTML profile (its `html` tag list), less the forbidden tags: what a charter may be
 * made of. Other HTML elements and custom elements are replaced by their content.
 */
const ALLOWED_TAGS = new Set([
  'a', 'abbr', 'acronym', 'address', 'area', 'article', 'aside', 'b', 'bdi', 'bdo', 'big', 'blink', 'blockquote',
  'br', 'canvas', 'caption', 'center', 'cite', 'code', 'col', 'colgroup', 'content', 'data', 'datalist', 'dd',
  'decorator', 'del', 'details', 'dfn', 'dir', 'div', 'dl', 'dt', 'element', 'em', 'fieldset', 'figcaption',
  'figure', 'font', 'footer', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'header', 'hgroup', 'hr', 'i', 'img', 'ins', 'kbd',
  'label', 'legend', 'li', 'main', 'map', 'mark', 'marquee', 'menu', 'menuitem', 'meter', 'nav', 'nobr', 'ol',
  'optgroup', 'output', 'p', 'picture', 'pre', 'progress', 'q', 'rp', 'rt', 'ruby', 's', 'samp', 'search',
  'section', 'shadow', 'small', 'spacer', 'span', 'strike', 'strong', 'sub', 'summary', 'sup', 'table', 'tbody',
  'td', 'tfoot', 'th', 'thead', 'time', 'tr', 'tt', 'u', 'ul', 'var', 'wbr',
].filter((tag) => !FORBIDDEN_TAGS.includes(tag)));

/** Dropped with everything inside them (DOMPurify's FORBID_CONTENTS, and the forbidden tags whose content is not text). */
const DROPPED_WITH_CONTENT = new Set([
  'annotation-xml', 'audio', 'desc', 'foreignobject', 'head', 'iframe', 'math', 'mi', 'mn', 'mo', 'ms', 'mtext',
  'noembed', 'noframes', 'noscript', 'plaintext', 'script', 'selectedcontent', 'style', 'svg', 'template', 'title',
  'video', 'xmp',
]);

/** DOMPurify's HTML profile attributes, less the forbidden ones; `aria-*` too, never `data-*`. */
const ALLOWED_ATTRIBUTES = new Set([
  'accept', 'align', 'alt', 'autocapitalize', 'autocomplete', 'autopictureinpicture', 'autoplay', 'bgcolor', 'border',
  'capture', 'cellpadding', 'cellspacing', 'checked', 'cite', 'clear', 'color', 'cols', 'colspan', 'command',
  'commandfor', 'controls', 'controlslist', 'coords', 'crossorigin', 'datetime', 'decoding', 'default', 'dir',
  'disabled', 'disablepictureinpicture', 'disableremoteplayback', 'download', 'draggable', 'enctype', 'enterkeyhint',
  'face', 'for', 'headers', 'height', 'hidden', 'high', 'href', 'hreflang', 'id', 'inert', 'inputmode', 'integrity',
  'ismap', 'kind', 'label', 'lang', 'list', 'loading', 'loop', 'low', 'max', 'maxlength', 'media', 'method', 'min',
  'minlength', 'multiple', 'muted', 'name', 'nonce', 'noshade', 'novalidate', 'nowrap', 'open', 'optimum', 'pattern',
  'placeholder', 'playsinline', 'poster', 'preload', 'pubdate', 'radiogroup', 'readonly', 'rel', 'required', 'rev',
  'reversed', 'role', 'rows', 'rowspan', 'spellcheck', 'scope', 'selected', 'shape', 'size', 'sizes', 'span',
  'srclang', 'start', 'src', 'step', 'summary', 'title', 'translate', 'type', 'usemap', 'valign', 'value', 'width',
  'wrap', 'xmlns',
]);
const ARIA_ATTRIBUTE = /^aria-[-\w]+$/;
/** Attributes whose value is never read as a URL (DOMPurify's URI_SAFE_ATTRIBUTES); every other value must pass SAFE_URL. */
const NOT_URLS = new Set(['alt', 'class', 'for', 'id', 'label', 'name', 'pattern', 'placeholder', 'role', 'summary', 'title', 'value', 'style', 'xmlns']);
/** Images may show a `data:` picture (DOMPurify's DATA_URI_TAGS, of those allowed): it runs nothing. */
const DATA_URI_ELEMENTS = new Set(['img']);
/** What the browser ignores in a URL's scheme (DOMPurify's ATTR_WHITESPACE). */
// eslint-disable-next-line no-control-regex -- the control characters are the point
const URL_WHITESPACE = /[\u0000-\u0020\u00A0\u1680\u180E\u2000-\u2029\u205F\u3000]/g;
/** A value that would close a raw-text element or a comment if the nodes were ever serialized (DOMPurify's SAFE_FOR_XML). */
const VALUE_BREAKOUT = /((--!?|])>)|<\/(style|script|title|xmp|textarea|noscript|iframe|noembed|noframes)/i;
/** DOMPurify's SANITIZE_NAMED_PROPS prefix: the body can neither clobber globals nor take the element's own ids. */
const NAMED_PREFIX = 'user-content-';

let sanitizer: NativeSanitizer | undefined;

/**
 * The browser's part: the elements whose content is not text dropped whole, the forbidden
 * attributes and the comments. The other forbidden elements (`form`, `button`…) are left to
 * {@link applyRules}, which keeps their text as DOMPurify does.
 */
function nativeSanitizer(): NativeSanitizer {
  const Sanitizer = (globalThis as SanitizerWindow).Sanitizer;
  sanitizer ??= new Sanitizer({
    // SVG and MathML elements are not HTML ones: applyRules drops every element of another namespace.
    removeElements: [...DROPPED_WITH_CONTENT],
    removeAttributes: [...FORBIDDEN_ATTRIBUTES],
    comments: false,
  });
  return sanitizer;
}

/**
 * The value an attribute keeps, or undefined when it goes: DOMPurify's checks, in its order
 * (trimmed; ids and names prefixed; values that could break out of markup, `/>`, `for` outside
 * labels, names outside the profile, URLs outside SAFE_URL dropped).
 */
function keptValue(element: Element, attribute: Attr): string | undefined {
  const name = attribute.name.toLowerCase();
  if (attribute.namespaceURI) return undefined;
  let value = name === 'value' ? attribute.value : attribute.value.trim();
  if ((name === 'id' || name === 'name') && !value.startsWith(NAMED_PREFIX)) value = NAMED_PREFIX + value;
  if (VALUE_BREAKOUT.test(value) || value.includes('/>')) return undefined;
  if (name === 'for' && element.localName !== 'label' && element.localName !== 'output') return undefined;
  if (ARIA_ATTRIBUTE.test(name)) return value;
  if (!ALLOWED_ATTRIBUTES.has(name)) return undefined;
  if (NOT_URLS.has(name) || !value || SAFE_URL.test(value.replace(URL_WHITESPACE, ''))) return value;
  return (name === 'src' || name === 'href') && value.startsWith('data:') && DATA_URI_ELEMENTS.has(element.localName) ? value : undefined;
}

/** Relais's rules on what the browser kept, children first: unknown elements give way to their content. */
function applyRules(parent: ParentNode): void {
  for (const node of [...parent.childNodes]) {
    if (node.nodeType === Node.TEXT_NODE) continue;
    if (node.nodeType !== Node.ELEMENT_NODE) {
      node.remove();
      continue;
    }
    const element = node as Element;
    const name = element.localName;
    if (element.namespaceURI !== HTML_NAMESPACE || DROPPED_WITH_CONTENT.has(name)) {
      element.remove();
      continue;
    }
    applyRules(element);
    if (!ALLOWED_TAGS.has(name)) {
      element.replaceWith(...element.childNodes);
      continue;
    }
    // A customized built-in element (`<p is="…">`) is dropped whole, as DOMPurify drops it.
    if (element.hasAttribute('is')) {
      element.remove();
      continue;
    }
    for (const attribute of [...element.attributes]) {
      const value = keptValue(element, attribute);
      if (value === undefined) element.removeAttributeNode(attribute);
      else if (value !== attribute.value) attribute.value = value;
    }
    finishLinkOrImage(element);
  }
}

/**
 * Sanitizes charter HTML into an element holding the safe nodes, with the browser's own
 * sanitizer. Only where it has one (charter-body.ts checks).
 */
export function sanitizeCharterBody(html: string): HTMLElement {
  // An inert document: nothing in it loads or runs while the rules are applied.
  const inert = document.implementation.createHTMLDocument('');
  const holder = inert.createElement('div') as SettableElement;
  holder.setHTML(withoutInlineStylesAndHandlers(html), { sanitizer: nativeSanitizer() });
  applyRules(holder);
  const container = document.createElement('div');
  container.append(...holder.childNodes);
  return container;
}
