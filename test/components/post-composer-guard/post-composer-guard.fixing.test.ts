/** <post-composer-guard>: selecting a passage, one-click fixes and their undo, keyboard only. */
import { expect, html } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import { focused, mount, part, parts, tab, textareaOf, typeInto } from './helpers.js';

describe('<post-composer-guard> fixing', () => {
  it('selects a finding’s passage in the textarea and scrolls it into view', async () => {
    const el = await mount(html`<post-composer-guard style="width: 380px"></post-composer-guard>`);
    const text = `${'Une ligne banale.\n'.repeat(30)}Le Projet Aurore arrive.`;
    await typeInto(el, text);
    const textarea = textareaOf(el);
    textarea.scrollTop = 0;
    const show = parts(el, 'show-button').find((button) => button.textContent.includes('Projet Aurore'))!;
    expect(show.getAttribute('aria-label')).to.equal('Show “Projet Aurore” in the text');
    show.click();
    expect(focused(el)).to.equal(textarea);
    expect(textarea.value.slice(textarea.selectionStart, textarea.selectionEnd)).to.equal('Projet Aurore');
    expect(textarea.scrollTop).to.be.above(0);
  });

  it('applies a suggestion with one click, caret after it, and Ctrl+Z takes it back', async () => {
    const el = await mount();
    await typeInto(el, 'Bravo au Projet Aurore ! #ambassadeur');
    expect(el.state).to.equal('block');
    part(el, 'fix-button')!.click();
    await el.updateComplete;
    const textarea = textareaOf(el);
    // The policy's suggestion is a plain string: fitted to the sentence all the same (« au » + « un »).
    expect(textarea.value).to.equal('Bravo à un projet en cours ! #ambassadeur');
    expect(el.value).to.equal(textarea.value);
    expect(el.state).to.equal('pass');
    expect(focused(el)).to.equal(textarea);
    expect(textarea.selectionStart).to.equal('Bravo à un projet en cours'.length);
    await sendKeys({ down: 'Control' });
    await sendKeys({ press: 'KeyZ' });
    await sendKeys({ up: 'Control' });
    await el.updateComplete;
    expect(textarea.value).to.equal('Bravo au Projet Aurore ! #ambassadeur');
    expect(el.state).to.equal('block');
  });

  it('works with the keyboard alone: type, reach the fix, apply it, back to the text', async () => {
    const el = await mount();
    textareaOf(el).focus();
    await sendKeys({ type: 'Zéphyr #ambassadeur' });
    await el.updateComplete;
    expect(el.state).to.equal('block');
    await tab();
    expect(focused(el)).to.equal(part(el, 'show-button'));
    await sendKeys({ press: 'Enter' });
    expect(focused(el)).to.equal(textareaOf(el));
    await tab(2);
    expect(focused(el)).to.equal(part(el, 'fix-button'));
    await sendKeys({ press: 'Enter' });
    await el.updateComplete;
    expect(el.value).to.equal('Un projet en cours #ambassadeur');
    expect(focused(el)).to.equal(textareaOf(el));
  });

  it('fixes the page’s own textarea too', async () => {
    const el = await mount(html`<post-composer-guard><textarea aria-label="Post">Le projet Zéphyr</textarea></post-composer-guard>`);
    part(el, 'fix-button')!.click();
    await el.updateComplete;
    expect(el.querySelector('textarea')!.value).to.equal('Un projet en cours');
  });
});
