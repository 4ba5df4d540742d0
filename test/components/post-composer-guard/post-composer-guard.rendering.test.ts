/** <post-composer-guard>: own and slotted textarea, findings, states. */
import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import type { PostComposerGuardElement } from '../../../components/post-composer-guard/post-composer-guard.js';
import { highlightRanges, mount, part, parts, textareaOf, textOf, typeInto } from './helpers.js';

describe('<post-composer-guard> rendering', () => {
  it('renders its own labelled textarea and checks what is typed', async () => {
    const el = await mount();
    const textarea = part<HTMLTextAreaElement>(el, 'textarea')!;
    expect(textOf(part(el, 'label'))).to.equal('Your post');
    expect(el.state).to.equal('pass');
    await typeInto(el, 'Le Projet Aurore avance malgré la grève. #ambassadeur');
    expect(el.value).to.equal(textarea.value);
    expect(el.state).to.equal('block');
    expect(el.report?.findings.map((finding) => finding.ruleId)).to.deep.equal(['projets', 'politique']);
    expect(parts(el, 'finding')).to.have.length(2);
    expect(textOf(part(el, 'summary'))).to.contain('2 findings');
    expect(highlightRanges('block').some((range) => range.startOffset === 3 && range.endOffset === 16)).to.equal(true);
    expect(textOf(part(el, 'privacy-note'))).to.equal('Checked on this device: your text is never sent.');
    await expect(el).to.be.accessible();
  });

  it('keeps the page’s own textarea, its name, label and value', async () => {
    const el = await mount(html`<post-composer-guard
      ><label for="mine">Message</label><textarea id="mine" name="post">Vive l’élection</textarea></post-composer-guard
    >`);
    expect(part(el, 'textarea')).to.equal(null);
    expect(el.value).to.equal('Vive l’élection');
    expect(el.state).to.equal('warn');
    await typeInto(el, 'Bonjour #ambassadeur');
    expect(el.value).to.equal('Bonjour #ambassadeur');
    expect(el.state).to.equal('pass');
    await expect(el).to.be.accessible();
  });

  it('sets the text from the value property', async () => {
    const el = await mount();
    el.value = 'Zéphyr';
    await el.updateComplete;
    expect(textareaOf(el).value).to.equal('Zéphyr');
    expect(el.state).to.equal('block');
  });

  it('speaks French', async () => {
    const el = await mount(html`<post-composer-guard lang="fr"></post-composer-guard>`);
    await typeInto(el, 'Le projet Zéphyr');
    expect(textOf(part(el, 'label'))).to.equal('Votre publication');
    expect(parts(el, 'finding').map(textOf).join(' ')).to.contain('Ce nom de code est interne.');
    // No-break space before the colon: read as written, not with the helper that folds spaces.
    expect(part(el, 'privacy-note')!.textContent.trim()).to.equal('Vérifié sur cet appareil\u00a0: votre texte n’est jamais envoyé.');
    await expect(el).to.be.accessible();
  });

  it('is usable with no configuration', async () => {
    const el = await fixture<PostComposerGuardElement>(html`<post-composer-guard></post-composer-guard>`);
    // Not configured once the page had its chance to configure: a condition to wait for, not a duration.
    await waitUntil(() => el.state !== 'loading', 'the composer never left its loading state');
    await el.updateComplete;
    expect(el.state).to.equal('not-configured');
    await expect(el).to.be.accessible();
  });
});
