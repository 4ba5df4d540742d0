/**
 * What both charter sanitizers share (charter-sanitizer.ts with DOMPurify, and
 * charter-sanitizer-native.ts with the browser's own `Element.setHTML`): which URLs a link or an
 * image may keep, what every link and image is given, and the markup the parser sees.
 */

/** Only web, mail and phone links, and relative ones; never `javascript:`, `data:`, `vbscript:`… */
export const SAFE_URL = /^(?:(?:https?|mailto|tel):|[^a-z]|[a-z+.-]+(?:[^a-z+.\-:]|$))/i;

// Outside DOMPurify's HTML profile already; listed so that the intent survives a change
// of profile: nothing that runs, embeds, submits, restyles or redirects.
export const FORBIDDEN_TAGS: readonly string[] = [
  'script', 'style', 'link', 'meta', 'base', 'iframe', 'frame', 'frameset', 'object', 'embed', 'applet',
  'form', 'input', 'button', 'select', 'textarea', 'option', 'template', 'noscript', 'dialog', 'slot',
  'portal', 'video', 'audio', 'source', 'track', 'svg', 'math',
];

// `style` could escape the dialog (position: fixed over the page); `class` and `part` could
// pick up the element's own styles or the host page's `::part()` rules; `tabindex` and
// `autofocus` would change the focus order; `popover` opens a layer over everything.
export const FORBIDDEN_ATTRIBUTES: readonly string[] = [
  'style', 'class', 'part', 'exportparts', 'slot', 'tabindex', 'autofocus', 'accesskey', 'popover',
  'popovertarget', 'popovertargetaction', 'action', 'formaction', 'srcset', 'ping', 'background',
];

/**
 * Links (and image-map areas) leave the charter in a new tab; images without text are
 * decorative and load lazily. Applied to each element kept, while the nodes are still in an inert
 * document (an image given `loading=lazy` there requests nothing before it scrolls into view).
 */
export function finishLinkOrImage(node: Element): void {
  if ((node.localName === 'a' || node.localName === 'area') && node.hasAttribute('href')) {
    // Never navigating the page itself, and without handing that tab a reference to this page.
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
}

// The few pieces of HTML's tokenizer that tell a start tag's attributes from text (the spec's
// whitespace, not JavaScript's \s).
const COMMENT = /<!--(?:-?>|[^]*?(?:--!?>|$))/y;
const BOGUS_COMMENT = /<(?:!|\?|\/(?![a-z>]))[^>]*>?/iy;
const TAG_OPEN = /<(\/?)([a-z][^\t\n\f\r />]*)/iy;
/** Separators, then one attribute: its name and, if any, its value (double-, single- or unquoted). */
const ATTRIBUTE = /([\t\n\f\r /]*)([^\t\n\f\r />][^\t\n\f\r />=]*)(?:[\t\n\f\r ]*=[\t\n\f\r ]*(?:"[^"]*"?|'[^']*'?|[^\t\n\f\r >]*))?/y;
const TAG_CLOSE = /[\t\n\f\r /]*>?/y;
/**
 * Elements whose content is text up to their end tag. All but `textarea` are dropped by the
 * sanitizer with their content: dropped here already, and `<style>` must be (style-src-elem).
 */
const RAW_TEXT = /^(?:textarea|script|style|xmp|iframe|noembed|noframes|title|plaintext)$/;
const INLINE_ATTRIBUTE = /^(?:on|style$)/i;

function matchAt(pattern: RegExp, text: string, index: number): RegExpExecArray | null {
  pattern.lastIndex = index;
  return pattern.exec(text);
}

/**
 * The markup without its `on*` and `style` attributes and its `<style>` elements (and the other
 * raw-text elements the sanitizer drops whole), read the way the HTML tokenizer reads it:
 * comments, quoted values and textarea text are left as written.
 *
 * Why: every parser of this realm — DOMPurify's inert document, a `<template>`, the native
 * `Element.setHTML` of Chromium 156 too — checks those against the page's CSP while it builds the
 * nodes, before any sanitizer can drop them. On a strict page, a charter pasted from a word
 * processor would fire dozens of `securitypolicyviolation` reports blamed on Relais, although
 * nothing runs. This is not the security boundary: the sanitizer still cleans whatever the parser
 * builds from the result. Inside SVG and MathML (dropped whole by the sanitizer) this reading can
 * differ from the tree builder's; the result is still sanitized.
 */
export function withoutInlineStylesAndHandlers(html: string): string {
  let out = '';
  let i = 0;
  for (let lt = html.indexOf('<'); lt >= 0; lt = html.indexOf('<', i)) {
    out += html.slice(i, lt);
    i = lt;
    const comment = matchAt(COMMENT, html, i) ?? matchAt(BOGUS_COMMENT, html, i);
    const open = comment ? null : matchAt(TAG_OPEN, html, i);
    if (!open) {
      const text = comment?.[0] ?? '<';
      out += text;
      i += text.length;
      continue;
    }
    let tag = open[0];
    i += tag.length;
    for (let attribute; (attribute = matchAt(ATTRIBUTE, html, i)); i += attribute[0].length) {
      // A space where an attribute was: `<p/style="…">` must not become the self-closing `<p/>`.
      tag += INLINE_ATTRIBUTE.test(attribute[2]!) ? `${attribute[1]} ` : attribute[0];
    }
    const close = matchAt(TAG_CLOSE, html, i)![0];
    tag += close;
    i += close.length;
    const name = open[2]!.toLowerCase();
    if (open[1] || !RAW_TEXT.test(name)) {
      out += tag;
      continue;
    }
    const end = name === 'plaintext' ? -1 : html.slice(i).search(new RegExp(`</${name}[\\t\\n\\f\\r />]`, 'i'));
    const stop = end < 0 ? html.length : i + end;
    if (name === 'textarea') out += tag + html.slice(i, stop);
    i = stop;
  }
  return out + html.slice(i);
}
