/** <post-composer-guard>: in a form (blocking, validity, FormData), events and announcements. */
import { expect, html, waitUntil } from '@open-wc/testing';
import type { PostComposerGuardElement } from '../../../components/post-composer-guard/post-composer-guard.js';
import type { RelaisEvent } from '../../../src/events/index.js';
import { adapterWith, clientOf, focused, mount, part, settled, typeInto, withOverrides } from './helpers.js';

// A form that really submitted would take the test page away with it.
const neverNavigate = (event: Event) => event.preventDefault();
before(() => document.addEventListener('submit', neverNavigate, { capture: true }));
after(() => document.removeEventListener('submit', neverNavigate, { capture: true }));

/** Mounts a composer in a form; counts the submissions that got through. */
async function inForm(composer: ReturnType<typeof html>) {
  const el = await mount(html`<form>${composer}<button type="submit">Send</button></form>`);
  const form = el.closest('form')!;
  const sent: FormData[] = [];
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    sent.push(new FormData(form));
  });
  return { el, form, sent, submit: () => form.querySelector('button')!.click() };
}

describe('<post-composer-guard> in a form', () => {
  it('blocks the submit on a blocking finding and takes the keyboard to the findings', async () => {
    const { el, sent, submit } = await inForm(html`<post-composer-guard name="post"></post-composer-guard>`);
    await typeInto(el, 'Le Projet Aurore #ambassadeur');
    submit();
    expect(sent).to.have.length(0);
    expect(focused(el)).to.equal(part(el, 'findings'));
    await expect(el).to.be.accessible();
  });

  it('blocks a form that skips validation too', async () => {
    const { el, form, sent, submit } = await inForm(html`<post-composer-guard name="post"></post-composer-guard>`);
    form.noValidate = true;
    await typeInto(el, 'Zéphyr');
    submit();
    expect(sent).to.have.length(0);
    expect(focused(el)).to.equal(part(el, 'findings'));
  });

  it('lets a warning through, and FormData carries the text under the element’s name', async () => {
    const { el, sent, submit } = await inForm(html`<post-composer-guard name="post"></post-composer-guard>`);
    await typeInto(el, 'Après la grève, on repart. #ambassadeur');
    expect(el.state).to.equal('warn');
    submit();
    expect(sent).to.have.length(1);
    expect(sent[0]!.get('post')).to.equal('Après la grève, on repart. #ambassadeur');
  });

  it('never blocks in advisory mode', async () => {
    const { el, sent, submit } = await inForm(html`<post-composer-guard name="post" mode="advisory"></post-composer-guard>`);
    await typeInto(el, 'Zéphyr');
    expect(el.state).to.equal('block');
    submit();
    expect(sent).to.have.length(1);
  });

  it('blocks through the page’s own textarea, whose name and value the form keeps', async () => {
    const { el, sent, submit } = await inForm(html`<post-composer-guard><textarea name="message" aria-label="Message"></textarea></post-composer-guard>`);
    await typeInto(el, 'Zéphyr');
    submit();
    expect(sent).to.have.length(0);
    expect(el.querySelector('textarea')!.validationMessage).to.equal('Please fix the passages marked as blocking before sending.');
    await typeInto(el, 'Bonjour #ambassadeur');
    submit();
    expect(sent).to.have.length(1);
    expect([...sent[0]!.keys()]).to.deep.equal(['message']);
  });

  it('is required when asked', async () => {
    const { el, form } = await inForm(html`<post-composer-guard name="post" required></post-composer-guard>`);
    expect(form.checkValidity()).to.equal(false);
    await typeInto(el, 'Bonjour');
    expect(form.checkValidity()).to.equal(true);
  });

  it('goes back to its initial text when the form is reset', async () => {
    const { el, form } = await inForm(html`<post-composer-guard name="post" value="Bonjour"></post-composer-guard>`);
    await typeInto(el, 'Zéphyr');
    form.reset();
    await el.updateComplete;
    expect(el.value).to.equal('Bonjour');
    expect(part<HTMLTextAreaElement>(el, 'textarea')!.value).to.equal('Bonjour');
  });
});

describe('<post-composer-guard> events and announcements', () => {
  it('fires relais-guard with the report when it changes', async () => {
    const el = await mount();
    const reports: RelaisEvent<'relais-guard'>[] = [];
    el.addEventListener('relais-guard', (event) => reports.push(event));
    await typeInto(el, 'Zéphyr');
    expect(reports).to.have.length(1);
    expect(reports[0]!.detail.report).to.equal(el.report);
    expect(reports[0]!.bubbles && reports[0]!.composed).to.equal(true);
  });

  it('announces the summary politely once per change of verdict or count, never per keystroke', async () => {
    const el = await mount();
    const region = part(el, 'announcement')!;
    expect(region.getAttribute('aria-live')).to.equal('polite');
    const said: string[] = [];
    new MutationObserver(() => region.textContent && said.push(region.textContent)).observe(region, { childList: true, subtree: true, characterData: true });
    for (const text of ['#ambassadeur B', '#ambassadeur Bo', '#ambassadeur Bon', '#ambassadeur Bonjour']) await typeInto(el, text);
    await typeInto(el, '#ambassadeur Bonjour Zéphyr');
    await waitUntil(() => said.length > 0);
    for (const text of ['#ambassadeur Bonjour Zéphyr !', '#ambassadeur Bonjour Zéphyr !!']) await typeInto(el, text);
    await new Promise((resolve) => requestAnimationFrame(() => setTimeout(resolve)));
    expect(said).to.deep.equal(['This text cannot be published as it is: please fix the passages marked as blocking. 1 finding.']);
  });

  it('shows an error naming nothing to the employee when the policy cannot be compiled, and a retry', async () => {
    const memory = adapterWith();
    let bad = true;
    const adapter = withOverrides(memory, {
      guardPolicy: async () =>
        bad ? { version: 2, internalDomains: [], rules: [{ id: 'length', kind: 'term', category: 'x', severity: 'warn', terms: ['a'], exceptions: [], plurals: false }] } : memory.guardPolicy(),
    });
    const errors: RelaisEvent<'relais-error'>[] = [];
    document.addEventListener('relais-error', (event) => errors.push(event), { once: true });
    const original = console.error;
    console.error = () => {};
    let el: PostComposerGuardElement;
    try {
      el = await mount(html`<post-composer-guard></post-composer-guard>`, clientOf(adapter));
    } finally {
      console.error = original;
    }
    expect(el.state).to.equal('error');
    expect(errors[0]!.detail.field).to.equal('rules[0].id');
    await expect(el).to.be.accessible();
    bad = false;
    part(el, 'retry-button')!.click();
    await settled(el, 'pass');
  });
});
