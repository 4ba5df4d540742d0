import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import '../../../components/charter-banner/charter-banner.define.js';
import '../../../components/relais-provider/relais-provider.define.js';
import type { CharterBannerElement } from '../../../components/charter-banner/charter-banner.js';
import { withoutInlineStylesAndHandlers } from '../../../components/charter-banner/charter-markup.js';
import { sanitizeCharterBody as purifyCharterBody } from '../../../components/charter-banner/charter-sanitizer.js';
import { sanitizeCharterBody as nativeCharterBody } from '../../../components/charter-banner/charter-sanitizer-native.js';
import { MemoryAdapter } from '../../../src/adapters/memory-adapter.js';
import { makeSeed, viewer } from '../../fixtures/seed.js';

/**
 * Waits for what a payload could use to run: every image loaded or failed (onerror), then two
 * frames (animations, toggles, focus). Event-driven, not a sleep.
 */
async function payloadsHadTheirChance(root: ParentNode): Promise<void> {
  await Promise.all([...root.querySelectorAll('img')].map((img) => img.decode().catch(() => undefined)));
  for (let i = 0; i < 2; i++) await new Promise((resolve) => requestAnimationFrame(() => setTimeout(resolve)));
}

declare global {
  interface Window {
    relaisXss?: string[];
  }
}

/** Each payload, if it ran, would record its name in window.relaisXss. */
const hit = (name: string) => `(window.relaisXss=(window.relaisXss||[]).concat('${name}'))`;

const HOSTILE_PAYLOADS: Record<string, string> = {
  script: `<script>${hit('script')}</script>`,
  'script with src': `<script src="data:text/javascript,${encodeURIComponent(hit('script-src'))}"></script>`,
  'img onerror': `<img src=x onerror="${hit('img-onerror')}">`,
  'svg onload': `<svg onload="${hit('svg-onload')}"><circle r="1"></circle></svg>`,
  'svg animate': `<svg><animate onbegin="${hit('svg-animate')}" attributeName="x" dur="1s"></animate></svg>`,
  'svg use data:': `<svg><use href="data:image/svg+xml,<svg id='x' xmlns='http://www.w3.org/2000/svg'><image href='x' onerror='${hit('svg-use')}'/></svg>#x"></use></svg>`,
  'javascript: link': `<a href="javascript:${hit('js-link')}">lien</a>`,
  'mixed-case javascript: link': `<a href="jAvAsCrIpT:${hit('js-mixed')}">lien</a>`,
  'entity-encoded javascript: link': `<a href="&#x6A;avascript&colon;${hit('js-entity')}">lien</a>`,
  'javascript: link with tab and space': `<a href=" java\tscript:${hit('js-tab')}">lien</a>`,
  'vbscript: link': `<a href="vbscript:msgbox(1)">lien</a>`,
  'data: link': `<a href="data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==">lien</a>`,
  'iframe srcdoc': `<iframe srcdoc="<script>parent.relaisXss=['iframe-srcdoc']</script>"></iframe>`,
  'iframe javascript:': `<iframe src="javascript:${hit('iframe-js')}"></iframe>`,
  'style escaping the dialog': `<style>*{position:fixed!important;inset:0!important;z-index:2147483647!important} body{display:none}</style>`,
  'style attribute overlay': `<p style="position:fixed;inset:0;z-index:2147483647;background:red">overlay</p>`,
  'link stylesheet': `<link rel="stylesheet" href="https://evil.example/steal.css">`,
  'form action': `<form action="javascript:${hit('form')}"><input name="q"><button formaction="javascript:${hit('formaction')}">Envoyer</button></form>`,
  'math mXSS (mglyph/style)': `<math><mtext><table><mglyph><style><img src=x onerror="${hit('mxss-mglyph')}"></style></mglyph></table></mtext></math>`,
  'math mXSS (namespace confusion)': `<math><mtext><h1><a><h6></a></h6><mglyph><svg><mtext><style><a title="</style><img src onerror='${hit('mxss-ns')}'>"></style></mtext></svg></mglyph></h1></mtext></math>`,
  'noscript mXSS': `<noscript><p title="</noscript><img src=x onerror=${hit('noscript')}>"></noscript>`,
  'template content': `<template><img src=x onerror="${hit('template')}"></template>`,
  object: `<object data="javascript:${hit('object')}"></object>`,
  embed: `<embed src="javascript:${hit('embed')}">`,
  'meta refresh': `<meta http-equiv="refresh" content="0;url=javascript:${hit('meta')}">`,
  base: `<base href="javascript:/">`,
  'details ontoggle': `<details open ontoggle="${hit('details')}"><summary>x</summary></details>`,
  'autofocus onfocus': `<input autofocus onfocus="${hit('autofocus')}">`,
  'video source onerror': `<video><source onerror="${hit('video')}"></video>`,
  'body onload': `<body onload="${hit('body')}">`,
  'popover over the page': `<div popover="manual" id="pop">popover</div>`,
  'id clobbering the element’s own ids': `<div id="charter-title">clobbered</div><form name="getElementById"></form>`,
  'nested Relais element': `<charter-banner mode="dialog"></charter-banner>`,
  'part and class hooks': `<button part="acknowledge-button" class="link-button">faux</button>`,
};

const BENIGN = '<h2>Principes</h2><p>Utilisez votre <strong>vrai nom</strong>. <a href="https://intranet.example/charte">Version complète</a></p>';

const HOSTILE_BODY = BENIGN + Object.values(HOSTILE_PAYLOADS).join('\n');

const URL_ATTRIBUTES = ['href', 'src', 'action', 'formaction', 'xlink:href', 'data', 'srcdoc', 'background', 'poster'];

/** Everything a hostile body must not leave behind in the rendered DOM. */
function assertNothingExecutable(root: ParentNode): void {
  for (const element of root.querySelectorAll('*')) {
    for (const attribute of element.attributes) {
      expect(attribute.name.toLowerCase().startsWith('on'), `${element.localName}[${attribute.name}]`).to.equal(false);
      if (URL_ATTRIBUTES.includes(attribute.name.toLowerCase())) {
        // The browser strips tabs, newlines and leading spaces before reading a URL's scheme.
        // eslint-disable-next-line no-control-regex -- the control characters are the point
        const url = attribute.value.replace(/[\u0000-\u0020]/g, '').toLowerCase();
        expect(url, `${element.localName}[${attribute.name}]`).not.to.match(/^(javascript|vbscript|data):/);
      }
    }
  }
  const forbidden = 'script, style, link, meta, base, iframe, object, embed, form, input, button, template, noscript, svg, math, video, source, body, charter-banner, [style], [popover], [part], [class], [srcdoc]';
  expect([...root.querySelectorAll(forbidden)].map((element) => element.outerHTML)).to.deep.equal([]);
}

async function bannerWithBody(body: string): Promise<CharterBannerElement> {
  const adapter = new MemoryAdapter({ data: makeSeed({ charter: { ...makeSeed().charter, body } }), viewer });
  const provider = await fixture(html`<relais-provider .adapter=${adapter}><charter-banner></charter-banner></relais-provider>`);
  const el = provider.querySelector('charter-banner')!;
  await waitUntil(() => el.state === 'prompt', `state ${el.state}`, { timeout: 3000 });
  return el;
}

/** Both paths: the browser's own sanitizer (Chromium 156's `Element.setHTML`) and the fallback for other browsers. */
const SANITIZERS = { 'the browser’s Sanitizer API': nativeCharterBody, DOMPurify: purifyCharterBody };

/**
 * Runs `test` with the browser's `Element.setHTML` counted (`native`) or hidden, as in a browser
 * without the HTML Sanitizer API (`DOMPurify`); returns how many times it was called.
 */
async function withSetHTML(path: 'native' | 'DOMPurify', test: () => Promise<void>): Promise<number> {
  const setHTML = Object.getOwnPropertyDescriptor(Element.prototype, 'setHTML')!;
  const original = setHTML.value as (this: Element, ...args: unknown[]) => void;
  let calls = 0;
  const counted = function (this: Element, ...args: unknown[]) {
    calls++;
    original.apply(this, args);
  };
  Object.defineProperty(Element.prototype, 'setHTML', { ...setHTML, value: path === 'native' ? counted : undefined });
  try {
    await test();
  } finally {
    Object.defineProperty(Element.prototype, 'setHTML', setHTML);
  }
  return calls;
}

describe('<charter-banner> sanitizing the charter body', () => {
  beforeEach(() => {
    delete window.relaisXss;
  });

  for (const path of ['native', 'DOMPurify'] as const) {
    it(`runs none of the hostile payloads and leaves no handler, javascript: URL or style in the dialog (${path === 'native' ? 'the browser’s Sanitizer API' : 'DOMPurify, the API hidden'})`, async () => {
      const calls = await withSetHTML(path, async () => {
        const el = await bannerWithBody(`${HOSTILE_BODY}<p>${path}</p>`);
        el.shadowRoot!.querySelector<HTMLElement>('[part~="read-button"]')!.click();
        const dialog = el.shadowRoot!.querySelector<HTMLDialogElement>('[part~="dialog"]')!;
        expect(dialog.open).to.equal(true);
        const body = el.shadowRoot!.querySelector<HTMLElement>('[part~="body"]')!;
        await payloadsHadTheirChance(body);
        expect(window.relaisXss).to.equal(undefined);
        assertNothingExecutable(body);

        // The charter itself is still there, its link made safe.
        expect(body.querySelector('h2')?.textContent).to.equal('Principes');
        expect(body.querySelector('strong')?.textContent).to.equal('vrai nom');
        const link = body.querySelector('a[href="https://intranet.example/charte"]')!;
        expect(link.getAttribute('rel')).to.equal('noopener noreferrer');
        expect(link.getAttribute('target')).to.equal('_blank');

        // Nothing escaped the dialog: the page and the element's own markup are untouched.
        expect(getComputedStyle(document.body).display).to.equal('block');
        expect(el.shadowRoot!.getElementById('charter-title')?.getAttribute('part')).to.equal('title');
        const box = body.getBoundingClientRect();
        for (const child of body.querySelectorAll('*')) {
          expect(getComputedStyle(child).position, child.localName).to.equal('static');
        }
        const dialogBox = dialog.getBoundingClientRect();
        expect(box.top >= dialogBox.top && box.bottom <= dialogBox.bottom).to.equal(true);
        await expect(el).to.be.accessible();
      });
      expect(calls, 'sanitized by the browser').to.equal(path === 'native' ? 1 : 0);
    });
  }

  for (const [path, sanitize] of Object.entries(SANITIZERS)) {
    describe(`with ${path}`, () => {
      for (const [name, payload] of Object.entries(HOSTILE_PAYLOADS)) {
        it(`neutralizes ${name}`, async () => {
          const container = document.createElement('div');
          document.body.append(container);
          try {
            container.append(sanitize(payload));
            await payloadsHadTheirChance(container);
            expect(window.relaisXss).to.equal(undefined);
            assertNothingExecutable(container);
          } finally {
            container.remove();
          }
        });
      }

      it('prefixes ids and names so that the body cannot take the element’s own ids', () => {
        const view = sanitize('<h3 id="charter-title">Titre</h3>');
        expect(view.querySelector('h3')?.id).to.equal('user-content-charter-title');
      });

      it('keeps mailto: and relative links, and opens every link safely', () => {
        const view = sanitize('<a href="mailto:com@helioria.example">Écrire</a><a href="/charte.pdf">PDF</a>');
        const links = [...view.querySelectorAll('a')];
        expect(links.map((link) => link.getAttribute('href'))).to.deep.equal(['mailto:com@helioria.example', '/charte.pdf']);
        expect(links.every((link) => link.rel === 'noopener noreferrer' && link.target === '_blank')).to.equal(true);
      });

      it('opens image-map areas in a new tab without a reference back, like links', () => {
        const view = sanitize('<img src="/plan.png" usemap="#plan" alt="Plan"><map name="plan"><area shape="rect" coords="0,0,10,10" href="https://intranet.example/charte" alt="Charte"></map>');
        const area = view.querySelector('area')!;
        expect(area.getAttribute('href')).to.equal('https://intranet.example/charte');
        expect(area.target).to.equal('_blank');
        expect(area.rel).to.equal('noopener noreferrer');
      });

      it('drops data: and vbscript: links (the browser’s own sanitizer keeps them: measured), keeping the link text', () => {
        const view = sanitize('<a href="data:text/html,<script>x</script>">d</a><a href="vbscript:msgbox(1)">v</a><a href=" JaVa\tScRiPt:x">j</a>');
        expect([...view.querySelectorAll('a')].map((link) => link.getAttribute('href'))).to.deep.equal([null, null, null]);
        expect(view.textContent).to.equal('dvj');
      });

      it('gives images without text an empty alt, and every image lazy loading', () => {
        const view = sanitize('<img src="/a.png"><img src="/b.png" alt="Plan" loading="eager">');
        expect([...view.querySelectorAll('img')].map((img) => [img.alt, img.loading])).to.deep.equal([['', 'lazy'], ['Plan', 'lazy']]);
      });

      it('keeps attribute values and raw text that merely mention style= or onclick=', () => {
        const view = sanitize('<p title=\'style="x" onclick="y"\' style="color:red" onclick="y()">a</p><textarea><b style="x">b</b></textarea><!-- <p style="x"> -->');
        expect(view.querySelector('p')!.getAttributeNames()).to.deep.equal(['title']);
        expect(view.querySelector('p')!.title).to.equal('style="x" onclick="y"');
        expect(view.textContent).to.equal('a<b style="x">b</b>');
      });
    });
  }

  it('leaves the page’s own DOMPurify alone (its hooks are private)', async () => {
    const { default: DOMPurify } = await import('dompurify');
    expect(DOMPurify.sanitize('<a href="https://example.org">x</a>')).to.equal('<a href="https://example.org">x</a>');
  });
});

/**
 * What the sanitizer gets to see of `html`: the browser's parse of it, minus every on* and style
 * attribute, and minus the elements it drops with all their content anyway (raw-text elements but
 * textarea, and SVG and MathML, where a tokenizer-level reading cannot follow the tree builder).
 */
function parsedWithoutInline(html: string): string {
  const body = new DOMParser().parseFromString(html, 'text/html').body;
  const strip = (root: ParentNode): void => {
    for (const element of root.querySelectorAll('*')) {
      if (/^(?:script|style|xmp|iframe|noembed|noframes|title|plaintext|svg|math)$/.test(element.localName)) element.remove();
      for (const name of element.getAttributeNames()) if (/^(?:on|style$)/i.test(name)) element.removeAttribute(name);
      if (element instanceof HTMLTemplateElement) strip(element.content);
    }
  };
  strip(body);
  return body.innerHTML;
}

describe('withoutInlineStylesAndHandlers (what the parser sees of a charter body)', () => {
  const CASES: Record<string, string> = {
    'quoted, unquoted and valueless attributes': `<p style="color:red" onclick='a()' onmouseover=b() hidden title="t" data-on="1" lang=fr>x</p>`,
    'capitals': `<P STYLE="x" OnClick="y" TITLE="z">x</P>`,
    'slashes as separators, and a real self-closing tag': `<p/style="x"/onclick=y/title=z>a</p><br style="x"/><img/src="/a.png"/onerror="x"/>`,
    'unquoted values holding / = and quotes': `<a href=/x/y=1'2 style=z>l</a><a title=a"b onclick=c>m</a>`,
    'values and text that mention style= and onclick=': `<p title='style="x" onclick="y"' data-x=">" style=a>t</p> style=x onclick=y &lt;b style=x&gt;`,
    'comments, abrupt and bogus ones': `<!-- <p style=x> --><!--><p style=a>1</p><!---><p onclick=b>2</p><!-- --!><p style=c>3</p><? <p style=d> ><! <p style=e> ></ <p style=f>`,
    'raw text and RCDATA': `<textarea><b style=x>t</b></textarea><title><i onclick=y></title><xmp><u style=z></xmp><noembed><s style=a></noembed><noframes><q style=b></noframes><iframe><em style=c></iframe>`,
    '<script> content is text': `<script>if (a<b) x('<p style=x>')</script><p style=y onclick=z>after</p>`,
    '<style> elements, content and all': `<style><!-- p.MsoNormal {margin:0} --></style><p>a</p><STYLE type=text/css>b{}</STYLE >c`,
    'end tags with attributes, stray <, =name': `<p>a < b</p style=x><p =style onclick=y>d</p><p 'style'=x>e</p>`,
    'template and noscript content': `<template><p style=x onclick=y>t</p></template><noscript><p style=z>n</p></noscript>`,
    'tags cut off at the end': `<p>ok</p><p style="unterminated`,
    '<plaintext> to the end': `<p style=x>a</p><plaintext><b style=y>`,
    ...HOSTILE_PAYLOADS,
  };
  for (const [name, html] of Object.entries(CASES)) {
    it(`reads ${name} as the browser's parser does`, () => {
      expect(parsedWithoutInline(withoutInlineStylesAndHandlers(html))).to.equal(parsedWithoutInline(html));
    });
  }

  it('leaves markup without inline styles or handlers exactly as it was', () => {
    expect(withoutInlineStylesAndHandlers(BENIGN)).to.equal(BENIGN);
  });
});
