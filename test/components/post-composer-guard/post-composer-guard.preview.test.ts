/** <post-composer-guard>: each fix previewed as the sentence will read, applied exactly, undone; no one-click fix where none is safe (issue 19). */
import { expect, html } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import type { GuardPolicyInput } from '../../../src/model/index.js';
import { adapterWith, clientOf, focused, mount, part, parts, textareaOf, textOf, typeInto } from './helpers.js';

const POLICY: GuardPolicyInput = {
  version: 1,
  rules: [
    { id: 'projets', kind: 'term', category: 'confidential', severity: 'block', terms: ['Projet Aurore', 'Zéphyr'], suggestion: { text: 'un projet en cours', gender: 'm' }, message: { en: 'Internal code name.', fr: 'Nom de code interne.' } },
    { id: 'projects', kind: 'term', category: 'confidential', severity: 'block', terms: ['Project Dawn'], suggestion: { text: 'an ongoing project', lang: 'en' } },
    { id: 'sans-genre', kind: 'term', category: 'confidential', severity: 'block', terms: ['Opale'], suggestion: { text: 'programme pilote' } },
    { id: 'courriel', kind: 'pii', category: 'personal-data', severity: 'warn', detector: 'email', suggestion: { text: 'en message privé', lang: 'fr' } },
  ],
};

const mountWith = (lang: string) => mount(html`<post-composer-guard lang=${lang}></post-composer-guard>`, clientOf(adapterWith(POLICY)));

async function undo(): Promise<void> {
  await sendKeys({ down: 'Control' });
  await sendKeys({ press: 'KeyZ' });
  await sendKeys({ up: 'Control' });
}

describe('<post-composer-guard> fix previews', () => {
  it('shows « Devient : » and the sentence before the fix, applies exactly that, and Ctrl+Z takes it back (French)', async () => {
    const el = await mountWith('fr');
    const text = 'Bonjour. Fiers d’annoncer que le Projet Aurore avance ! À suivre.';
    await typeInto(el, text);
    expect(textOf(part(el, 'preview'))).to.equal('Devient : Fiers d’annoncer qu’un projet en cours avance !');
    expect(part(el, 'preview')!.textContent).to.contain('Devient\u00a0:');
    expect(textOf(part(el, 'fix-button'))).to.equal('Remplacer par « un projet en cours »');
    expect(part(el, 'edit-button')).to.equal(null);
    await expect(el).to.be.accessible();
    part(el, 'fix-button')!.click();
    await el.updateComplete;
    const textarea = textareaOf(el);
    expect(textarea.value).to.equal('Bonjour. Fiers d’annoncer qu’un projet en cours avance ! À suivre.');
    expect(el.value).to.equal(textarea.value);
    expect(el.state).to.equal('pass');
    expect(focused(el)).to.equal(textarea);
    expect(textarea.selectionStart).to.equal('Bonjour. Fiers d’annoncer qu’un projet en cours'.length);
    await undo();
    await el.updateComplete;
    expect(textarea.value).to.equal(text);
    expect(el.state).to.equal('block');
  });

  it('says "Becomes:" in English, and fits an English suggestion', async () => {
    const el = await mountWith('en');
    await typeInto(el, 'We launch the Project Dawn today.');
    expect(textOf(part(el, 'preview'))).to.equal('Becomes: We launch an ongoing project today.');
    await expect(el).to.be.accessible();
    part(el, 'fix-button')!.click();
    await el.updateComplete;
    expect(textareaOf(el).value).to.equal('We launch an ongoing project today.');
  });

  it('merges the same suggestion and removes the preposition in front (« écrivez à x, y »)', async () => {
    const el = await mountWith('fr');
    await typeInto(el, 'Écrivez à camille@helioria.example, sam@helioria.example.');
    expect(parts(el, 'preview').map(textOf)).to.deep.equal(['Devient : Écrivez en message privé, sam@helioria.example.', 'Devient : Écrivez à camille@helioria.example, en message privé.']);
    part(el, 'fix-button')!.click();
    await el.updateComplete;
    expect(textOf(part(el, 'preview'))).to.equal('Devient : Écrivez en message privé.');
    part(el, 'fix-button')!.click();
    await el.updateComplete;
    expect(textareaOf(el).value).to.equal('Écrivez en message privé.');
  });

  for (const [lang, text, passage, preview, note, edit, label] of [
    ['fr', 'Nous lançons la Opale demain.', 'Opale', 'Devient : Nous lançons la programme pilote demain.', 'Pas de correction en un clic ici, elle pourrait mal se lire : reformulez le passage vous-même.', 'Modifier', 'Modifier «\u202fOpale\u202f» dans le texte'],
    ['en', 'We thank the team Project Dawn today.', 'Project Dawn', 'Becomes: We thank the team an ongoing project today.', 'No one-click fix here, it could read badly: rewrite the passage yourself.', 'Edit', 'Edit “Project Dawn” in the text'],
  ] as const) {
    it(`offers no one-click fix where none is safe, but the preview and « ${edit} », which selects the passage (${lang})`, async () => {
      const el = await mountWith(lang);
      await typeInto(el, text);
      expect(parts(el, 'fix-button').length).to.equal(0);
      expect(textOf(part(el, 'preview'))).to.equal(preview);
      expect(textOf(el.shadowRoot!.querySelector('.no-fix'))).to.equal(note);
      const button = part(el, 'edit-button')!;
      expect(textOf(button)).to.equal(edit);
      expect(button.getAttribute('aria-label')).to.equal(label);
      await expect(el).to.be.accessible();
      button.click();
      const textarea = textareaOf(el);
      expect(focused(el) === textarea).to.equal(true);
      expect(textarea.value.slice(textarea.selectionStart, textarea.selectionEnd)).to.equal(passage);
      expect(textarea.value).to.equal(text);
    });
  }
});
