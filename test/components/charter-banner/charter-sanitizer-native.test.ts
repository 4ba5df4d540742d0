/**
 * The browser's own sanitizer (charter-sanitizer-native.ts) against DOMPurify
 * (charter-sanitizer.ts): the same nodes for the same markup, element by element and attribute
 * by attribute, so that a charter reads the same whichever path a browser takes.
 */
import { expect } from '@open-wc/testing';
import fc from 'fast-check';
import { sanitizeCharterBody as purify } from '../../../components/charter-banner/charter-sanitizer.js';
import { sanitizeCharterBody as native } from '../../../components/charter-banner/charter-sanitizer-native.js';

/**
 * Serialized for comparison: comments left out (DOMPurify keeps them, the native path drops them;
 * nobody reads them) and attributes in name order (DOMPurify writes a prefixed id or name last).
 */
function markup(root: HTMLElement): string {
  for (const element of root.querySelectorAll('*')) {
    const attributes = [...element.attributes].map((attribute) => [attribute.name, attribute.value] as const).sort(([a], [b]) => (a < b ? -1 : 1));
    for (const [name] of attributes) element.removeAttribute(name);
    for (const [name, value] of attributes) element.setAttribute(name, value);
  }
  const walker = document.createTreeWalker(root, NodeFilter.SHOW_COMMENT);
  const comments: Node[] = [];
  while (walker.nextNode()) comments.push(walker.currentNode);
  for (const comment of comments) comment.parentNode?.removeChild(comment);
  return root.innerHTML;
}

/** What the browser's `setHTML` drops whole, content included, whatever the configuration (measured). */
const BROWSER_DROPS_WHOLE = ['object'];

function same(html: string): void {
  expect(markup(native(html)), html).to.equal(markup(purify(html)));
}

/** Every element of HTML (current and obsolete), a few of SVG and MathML, and custom ones. */
const ELEMENTS = `a abbr acronym address applet area article aside audio b base basefont bdi bdo bgsound big blink blockquote body br
button canvas caption center cite code col colgroup content data datalist dd del details dfn dialog dir div dl dt em embed
fieldset figcaption figure font footer form frame frameset h1 h2 h3 h4 h5 h6 head header hgroup hr html i iframe image img
input ins isindex kbd keygen label legend li link listing main map mark marquee menu menuitem meta meter multicol nav nextid
nobr noembed noframes noscript object ol optgroup option output p param picture plaintext portal pre progress q rb rp rt rtc
ruby s samp script search section select selectedcontent shadow slot small source spacer span strike strong style sub summary
sup table tbody td template textarea tfoot th thead time title tr track tt u ul var video wbr xmp svg math mi mtext
foreignobject annotation-xml charter-banner x-foo o:p font-face`.split(/\s+/);

const ATTRIBUTES = `accept action align alt autocapitalize autocomplete autofocus autoplay background bgcolor border capture
cellpadding cellspacing checked cite class clear color cols colspan command commandfor controls coords crossorigin datetime
decoding default dir disabled download draggable enctype enterkeyhint exportparts face for formaction headers height hidden
high href hreflang id inert inputmode integrity is ismap kind label lang list loading loop low max maxlength media method min
minlength multiple muted name nonce noshade novalidate nowrap onclick onerror open optimum part pattern ping placeholder
playsinline popover popovertarget poster preload pubdate radiogroup readonly rel required rev reversed role rows rowspan
sandbox scope selected shape size sizes slot span spellcheck src srcdoc srclang srcset start step style summary tabindex target
title translate type usemap valign value width wrap xmlns xlink:href data-x aria-label aria-describedby accesskey`.split(/\s+/);

const VALUES = ['https://intranet.example/charte', '/charte.pdf', '#plan', 'mailto:com@helioria.example', 'javascript:alert(1)', ' JaVa\tScRiPt:x', 'data:text/html,<b>x</b>',
  'data:image/png;base64,AAAA', 'vbscript:x', 'note: à lire', 'x-->y', '</style><b>', '  spaced  ', ''];

describe('the browser’s Sanitizer API path, compared with DOMPurify', () => {
  it('has the native API in this Chromium (else the comparisons below would test nothing)', () => {
    expect(typeof (globalThis as { Sanitizer?: unknown }).Sanitizer).to.equal('function');
  });

  for (const tag of ELEMENTS.filter((name) => !BROWSER_DROPS_WHOLE.includes(name))) {
    it(`keeps, unwraps or drops <${tag}> as DOMPurify does`, () => {
      same(`<div>before <${tag} title="t" id="i">inside <b>bold</b></${tag}> after</div><${tag}>alone</${tag}>`);
    });
  }

  it('differs on <object> only by dropping its fallback content too: the browser drops it whole whatever the configuration', () => {
    expect(markup(native('<p>a<object data="/x">fallback</object>b</p>'))).to.equal('<p>ab</p>');
    expect(markup(purify('<p>a<object data="/x">fallback</object>b</p>'))).to.equal('<p>afallbackb</p>');
  });

  it('reads the markup in standards mode, as the page does: a table closes the paragraph before it (DOMPurify reads it in quirks mode)', () => {
    expect(markup(native('<p>a<table><tbody><tr><td>1</td></tr></tbody></table>'))).to.equal('<p>a</p><table><tbody><tr><td>1</td></tr></tbody></table>');
    expect(markup(purify('<p>a<table><tbody><tr><td>1</td></tr></tbody></table>'))).to.equal('<p>a<table><tbody><tr><td>1</td></tr></tbody></table></p>');
  });

  for (const attribute of ATTRIBUTES) {
    it(`keeps or drops ${attribute}="…" as DOMPurify does, for every kind of value`, () => {
      for (const value of VALUES) {
        for (const tag of ['a', 'img', 'p', 'area', 'td', 'blockquote']) {
          const element = tag === 'td' ? `<table><tbody><tr><td ${attribute}="${value.replace(/"/g, '&quot;')}">x</td></tr></tbody></table>`
            : `<${tag} ${attribute}="${value.replace(/"/g, '&quot;')}">x</${tag}>`;
          same(element);
        }
      }
    });
  }

  it('gives the same nodes for random nestings of elements, attributes and text (seeded)', () => {
    // Not raw-text elements (the markup generated is not text), nor <object> and <table> (the two differences above),
    // nor the document-level ones (a body's parse of <frameset> or <html> in an <a> is not a <div>'s).
    const tag = fc.constantFrom(...ELEMENTS.filter((name) => !/^(?:plaintext|xmp|noembed|noframes|title|textarea|script|style|iframe|noscript|object|table|frameset|frame|html|head|body)$/.test(name)));
    const attribute = fc.tuple(fc.constantFrom(...ATTRIBUTES.filter((name) => !/^(?:on|style$)/.test(name))), fc.constantFrom(...VALUES));
    const node: fc.Memo<string> = fc.memo((depth) =>
      depth <= 1
        ? fc.constantFrom('texte', 'a < b', '&amp;', ' ')
        : fc.tuple(tag, fc.array(attribute, { maxLength: 3 }), fc.array(node(depth - 1), { maxLength: 3 })).map(
            ([name, attributes, children]) => `<${name}${attributes.map(([key, value]) => ` ${key}="${value.replace(/"/g, '&quot;')}"`).join('')}>${children.join('')}</${name}>`,
          ),
    );
    fc.assert(fc.property(node(4), (html) => same(html)), { seed: 2112, numRuns: 300 });
  });
});
