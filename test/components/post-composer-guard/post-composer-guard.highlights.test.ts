/** <post-composer-guard>: the underlines fall on the offending characters, whatever happens to the textarea. */
import { expect, html } from '@open-wc/testing';
import type { PostComposerGuardElement } from '../../../components/post-composer-guard/post-composer-guard.js';
import type { Severity } from '../../../src/model/index.js';
import { highlightRanges, mount, part, textareaOf, typeInto, typeKeys } from './helpers.js';

/**
 * Where the characters `[start, end)` of the textarea are drawn, computed independently of the
 * element: a fresh copy of the textarea's box and typography laid at its place, scrolled as it is.
 */
function referenceRect(textarea: HTMLTextAreaElement, start: number, end: number): DOMRect {
  const style = getComputedStyle(textarea);
  const copy = document.createElement('div');
  for (const name of style) copy.style.setProperty(name, style.getPropertyValue(name));
  const box = textarea.getBoundingClientRect();
  Object.assign(copy.style, {
    position: 'fixed',
    left: `${box.left}px`,
    top: `${box.top}px`,
    width: `${textarea.clientWidth + parseFloat(style.borderLeftWidth) + parseFloat(style.borderRightWidth)}px`,
    height: `${box.height}px`,
    overflow: 'hidden',
    visibility: 'hidden',
    boxSizing: 'border-box',
    whiteSpace: 'pre-wrap',
    margin: '0',
  });
  copy.textContent = `${textarea.value} `;
  document.body.append(copy);
  copy.scrollTop = textarea.scrollTop;
  const range = new Range();
  range.setStart(copy.firstChild!, start);
  range.setEnd(copy.firstChild!, end);
  const rect = range.getClientRects()[0]!;
  copy.remove();
  return rect;
}

/** Where a boundary of a highlight falls in the text: the mirror's text before it, counted. */
function textOffset(el: PostComposerGuardElement, container: Node, offset: number): number {
  const before = new Range();
  before.setStart(part(el, 'highlights')!, 0);
  before.setEnd(container, offset);
  return before.toString().length;
}

/** The drawn rectangle of the element's highlight of `[start, end)`. */
function highlightRect(el: PostComposerGuardElement, severity: Severity, start: number, end: number): DOMRect {
  const range = highlightRanges(severity).find(
    (candidate) => textOffset(el, candidate.startContainer, candidate.startOffset) === start && textOffset(el, candidate.endContainer, candidate.endOffset) === end,
  ) as Range | undefined;
  expect(range, `a ${severity} highlight of [${start}, ${end})`).to.not.equal(undefined);
  return range!.getClientRects()[0]!;
}

function expectAligned(el: PostComposerGuardElement, severity: Severity, start: number, end: number): void {
  const textarea = textareaOf(el);
  const actual = highlightRect(el, severity, start, end);
  const expected = referenceRect(textarea, start, end);
  expect(Math.abs(actual.left - expected.left), `left ${actual.left} vs ${expected.left}`).to.be.below(1.5);
  expect(Math.abs(actual.top - expected.top), `top ${actual.top} vs ${expected.top}`).to.be.below(1.5);
  expect(Math.abs(actual.width - expected.width), `width ${actual.width} vs ${expected.width}`).to.be.below(1.5);
  // …and it is drawn inside the textarea's visible box.
  const box = textarea.getBoundingClientRect();
  expect(actual.top).to.be.at.least(box.top - 1);
  expect(actual.bottom).to.be.at.most(box.bottom + 1);
}

const LONG = Array.from({ length: 40 }, (_, line) => `Ligne ${line} de la publication, sans rien de particulier.`).join('\n');

describe('<post-composer-guard> highlights', () => {
  it('underline exactly the offending characters after typing', async () => {
    const el = await mount(html`<post-composer-guard style="width: 420px"></post-composer-guard>`);
    await typeKeys(el, 'Nous lançons le Projet Aurore, grève ou pas.');
    const text = el.value;
    expect(text).to.equal('Nous lançons le Projet Aurore, grève ou pas.');
    expectAligned(el, 'block', text.indexOf('Projet'), text.indexOf(','));
    expectAligned(el, 'warn', text.indexOf('grève'), text.indexOf('grève') + 5);
  });

  it('follow the text when a long draft is scrolled', async () => {
    const el = await mount(html`<post-composer-guard style="width: 420px"></post-composer-guard>`);
    const text = `${LONG}\nEt enfin Zéphyr.`;
    await typeInto(el, text);
    const textarea = textareaOf(el);
    textarea.scrollTop = textarea.scrollHeight;
    textarea.dispatchEvent(new Event('scroll'));
    expect(textarea.scrollTop).to.be.above(0);
    expectAligned(el, 'block', text.indexOf('Zéphyr'), text.indexOf('Zéphyr') + 6);
  });

  it('stay on their characters when lines are added, emptied and removed above them', async () => {
    const el = await mount(html`<post-composer-guard style="width: 420px"></post-composer-guard>`);
    const ending = '\n\nEt la grève de Zéphyr.';
    await typeInto(el, `Premier paragraphe.\n\n\nDeuxième, Projet Aurore.${ending}`);
    let text = el.value;
    expectAligned(el, 'block', text.indexOf('Projet'), text.indexOf('.', text.indexOf('Projet')));
    expectAligned(el, 'warn', text.indexOf('grève'), text.indexOf('grève') + 5);
    // Lines taken out and put in above the findings: the mirror reuses and replaces line blocks.
    await typeInto(el, `Premier paragraphe, plus long.\nUne ligne de plus.\n\nDeuxième, Projet Aurore.${ending}`);
    text = el.value;
    expectAligned(el, 'block', text.indexOf('Projet'), text.indexOf('.', text.indexOf('Projet')));
    expectAligned(el, 'warn', text.indexOf('grève'), text.indexOf('grève') + 5);
    await typeInto(el, `Deuxième, Projet Aurore.${ending}\n`);
    text = el.value;
    expectAligned(el, 'block', text.indexOf('Projet'), text.indexOf('.', text.indexOf('Projet')));
    expectAligned(el, 'warn', text.indexOf('grève'), text.indexOf('grève') + 5);
    // The mirror holds the text exactly, line breaks included.
    expect(part(el, 'highlights')!.textContent).to.equal(text);
  });

  it('follow the text when the field is resized, and in the page’s own textarea with its own font and padding', async () => {
    const el = await mount(html`<post-composer-guard
      ><textarea aria-label="Post" style="font: 19px/1.7 Georgia, serif; padding: 14px 22px; width: 500px; border-width: 3px" rows="4"></textarea
    ></post-composer-guard>`);
    const text = 'Un texte assez long pour passer à la ligne plusieurs fois avant de parler du Projet Aurore et de la grève.';
    await typeInto(el, text);
    expectAligned(el, 'block', text.indexOf('Projet'), text.indexOf(' et de'));
    textareaOf(el).style.width = '300px';
    // ResizeObserver delivers before the next paint.
    await new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve)));
    expectAligned(el, 'block', text.indexOf('Projet'), text.indexOf(' et de'));
    expectAligned(el, 'warn', text.indexOf('grève'), text.indexOf('grève') + 5);
  });

  it('are drawn in a mirror hidden from assistive technology', async () => {
    const el = await mount();
    expect(part(el, 'highlights')!.getAttribute('aria-hidden')).to.equal('true');
  });
});
