/** <share-card>: one network choice drives the counter, the length rule, the text variant and the one share button. */
import { expect, html, waitUntil } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import { MemoryAdapter } from '../../../src/adapters/memory-adapter.js';
import { RelaisClient } from '../../../src/client/index.js';
import { StorageStub } from '../../src/adapters/storage-stub.js';
import { button, clientOf, composerOf, intercept, mountCard, part, seedWith, textareaOf, textOf, time, typeText, viewer, type Recorded } from './helpers.js';

const LONG = `Mon avis sur notre rapport climat : ${'des chiffres vérifiés, scope par scope. '.repeat(9)}`.trim();

async function choose(el: Parameters<typeof button>[0], network: string): Promise<void> {
  button(el, network);
  await el.updateComplete;
}

describe('<share-card> one network choice', () => {
  let recorded: Recorded;
  beforeEach(() => {
    recorded = intercept();
  });
  afterEach(() => recorded.restore());

  it('the counter, the text variant and the share button follow the choice', async () => {
    const el = await mountCard(clientOf(), html`<share-card item="rapport-climat" lang="en"></share-card>`);
    expect(composerOf(el)!.network).to.equal('linkedin');
    await choose(el, 'x');
    expect(composerOf(el)!.network).to.equal('x');
    expect(textareaOf(el).value).to.equal('Rapport climat 2026 : en ligne !\n\n#climat #Helioria');
    expect(textOf(part(el, 'share-button'))).to.equal('Share on X');
    await choose(el, 'mastodon');
    expect(textareaOf(el).value).to.equal('Le rapport climat 2026 est publié.\n\n#climat #Helioria');
    expect(textOf(part(el, 'share-button'))).to.equal('Share on Mastodon');
    await expect(el).to.be.accessible();
  });

  it('a network whose limit the text exceeds cannot be shared to until shortened: the reason stands where the button is', async () => {
    const el = await mountCard(clientOf(), html`<share-card item="rapport-climat" lang="en"></share-card>`);
    await typeText(el, LONG);
    expect(el.state).to.equal('ready');
    await choose(el, 'x');
    await waitUntil(() => el.state === 'blocked', `state ${el.state}`);
    await el.updateComplete;
    expect(textareaOf(el).value, 'the employee’s own words stay').to.equal(LONG);
    const share = part(el, 'share-button')!;
    expect(share.hasAttribute('aria-disabled') || share.hasAttribute('disabled'), 'never a disabled primary button').to.equal(false);
    expect(share.getAttribute('aria-describedby')).to.equal('blocked-reason');
    expect(textOf(part(el, 'blocked-reason'))).to.match(/^Too long for X \(\d+ of 280\): shorten your text or choose another network\.$/);
    await expect(el).to.be.accessible();
    share.focus();
    await sendKeys({ press: 'Enter' });
    expect(recorded.calls, 'nothing opens').to.deep.equal([]);
    expect(el.shadowRoot!.activeElement, 'the keyboard goes to the reason').to.equal(part(el, 'blocked-reason'));
    // Another network, one click away in the same control: the same words fit there.
    await choose(el, 'linkedin');
    await waitUntil(() => el.state === 'ready');
    expect(textareaOf(el).value).to.equal(LONG);
    part(el, 'share-button')!.click();
    expect(recorded.calls.map((call) => call.kind)).to.deep.equal(['copy', 'open']);
  });

  it('thanks the employee for their own words only while the text can go: not beside a text too long for the network', async () => {
    const el = await mountCard(clientOf(), html`<share-card item="rapport-climat" lang="en"></share-card>`);
    await typeText(el, LONG);
    expect(part(el, 'prompt')!.classList.contains('thanks'), 'own words, shareable: thanked').to.equal(true);
    await choose(el, 'x');
    await waitUntil(() => el.state === 'blocked', `state ${el.state}`);
    await el.updateComplete;
    expect(part(el, 'prompt')!.classList.contains('thanks'), 'blocked: no thanks').to.equal(false);
    expect(textOf(part(el, 'prompt'))).not.to.contain('thank');
    await choose(el, 'linkedin');
    await waitUntil(() => el.state === 'ready');
    await el.updateComplete;
    expect(part(el, 'prompt')!.classList.contains('thanks'), 'thanked again once it can go').to.equal(true);
  });

  it('says it in French, with its no-break space', async () => {
    const el = await mountCard(clientOf(), html`<share-card item="rapport-climat" lang="fr"></share-card>`);
    await typeText(el, LONG);
    await choose(el, 'x');
    await waitUntil(() => el.state === 'blocked');
    await el.updateComplete;
    expect(part(el, 'blocked-reason')!.textContent.trim()).to.match(/^Trop long pour X \(\d+ sur 280\)\u00a0: raccourcissez votre texte ou choisissez un autre réseau\.$/);
    await expect(el).to.be.accessible();
  });

  it('offers the network used last first, and starts from it', async () => {
    const local = new StorageStub();
    const adapter = new MemoryAdapter({ data: seedWith(), viewer, now: () => time.clock.now() });
    const client = () => new RelaisClient(adapter, { clock: time.clock, storage: { local, session: new StorageStub() } });
    const first = await mountCard(client(), html`<share-card item="rapport-climat" lang="en"></share-card>`);
    button(first, 'bluesky')!.click();
    await waitUntil(() => first.state === 'shared');
    const next = await mountCard(client(), html`<share-card item="recrutement" lang="en"></share-card>`);
    const choices = [...next.shadowRoot!.querySelectorAll<HTMLInputElement>('[part~="networks"] input')];
    expect(choices.map((input) => input.value).slice(0, 2)).to.deep.equal(['bluesky', 'linkedin']);
    expect(choices[0]!.checked).to.equal(true);
    expect(textOf(part(next, 'share-button'))).to.equal('Share on Bluesky');
    expect(composerOf(next)!.network).to.equal('bluesky');
  });
});
