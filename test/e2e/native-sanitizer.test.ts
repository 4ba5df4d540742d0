/**
 * What Chromium's HTML Sanitizer API (`Element.setHTML`) does on a strict page, measured: why the
 * native path of the charter's sanitizer (components/charter-banner/charter-sanitizer-native.ts)
 * strips inline styles and handlers before parsing, and filters URLs after.
 */
import { expect } from '@open-wc/testing';
import { withoutInlineStylesAndHandlers } from '../../components/charter-banner/charter-markup.js';
import { closePage, openPage, type PageWindow } from './helpers.js';

type SetHTML = (html: string, options?: { sanitizer?: unknown }) => void;

/** Parses `html` with the page's own `setHTML`, in an inert document of the page, as the native path does. */
function setHTMLIn(win: PageWindow, html: string): HTMLDivElement {
  const holder = win.document.implementation.createHTMLDocument('').createElement('div');
  (holder as unknown as { setHTML: SetHTML }).setHTML(html);
  return holder;
}

/** Violations are reported after the task that caused them. */
const reported = () => new Promise((resolve) => setTimeout(resolve, 100));

describe('the HTML Sanitizer API on a strict page (style-src \'self\', Trusted Types required)', () => {
  after(() => closePage());

  it('is there in this Chromium, and setHTML needs no Trusted Types policy (no TrustedHTML asked for)', async () => {
    const win = await openPage('/test/e2e/pages/native-sanitizer.html');
    expect(typeof (win as unknown as { Sanitizer?: unknown }).Sanitizer).to.equal('function');
    expect(setHTMLIn(win, '<p>texte <b>gras</b></p>').innerHTML).to.equal('<p>texte <b>gras</b></p>');
    await reported();
    expect(win.cspViolations).to.deep.equal([]);
  });

  it('reports every inline style and handler it parses, even in an inert document and although it drops them', async () => {
    const win = await openPage('/test/e2e/pages/native-sanitizer.html');
    const holder = setHTMLIn(win, '<p style="color:red" onclick="x()">a</p><p style="margin:0">b</p>');
    expect(holder.innerHTML).to.equal('<p>a</p><p>b</p>');
    await reported();
    expect(win.cspViolations).to.deep.equal(['style-src-attr: inline', 'script-src-attr: inline', 'style-src-attr: inline']);
  });

  it('reports none once withoutInlineStylesAndHandlers has read them out of the markup', async () => {
    const win = await openPage('/test/e2e/pages/native-sanitizer.html');
    const holder = setHTMLIn(win, withoutInlineStylesAndHandlers('<p style="color:red" onclick="x()">a</p><style>p{}</style><b onmouseover="y()">b</b>'));
    expect(holder.innerHTML).to.equal('<p>a</p><b>b</b>');
    await reported();
    expect(win.cspViolations).to.deep.equal([]);
  });

  it('drops javascript: URLs however written, but keeps data: and vbscript: ones: the URL rule is Relais’s to apply', async () => {
    const win = await openPage('/test/e2e/pages/native-sanitizer.html');
    const holder = setHTMLIn(win, '<a href="javascript:x">1</a><a href="&#x6A;avascript&colon;x">2</a><a href=" java\tscript:x">3</a><a href="data:text/html,x">4</a><a href="vbscript:x">5</a>');
    expect([...holder.querySelectorAll('a')].map((link) => link.getAttribute('href'))).to.deep.equal([null, null, null, 'data:text/html,x', 'vbscript:x']);
  });
});
