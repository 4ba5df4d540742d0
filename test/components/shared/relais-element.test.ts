/** The element base: one model per client and query, kept while the element moves, released when it leaves. */
import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import type { AmbassadorLeaderboardElement } from '../../../components/ambassador-leaderboard/ambassador-leaderboard.js';
import type { PostComposerGuardElement } from '../../../components/post-composer-guard/post-composer-guard.js';
import { defineElements } from '../../../entries/elements.js';
import { configure, resetConfiguration } from '../../../src/config/index.js';
import { adapterOf } from '../ambassador-leaderboard/helpers.js';
import { clientOf, mountCard, settled, textareaOf, typeText } from '../share-card/helpers.js';

const OWN_WORDS = 'Mon avis sur ce rapport, en quelques mots.';

describe('RelaisElement (the element base)', () => {
  it('keeps the model, and so the draft, of an element moved within the page', async () => {
    const el = await mountCard(clientOf());
    await typeText(el, OWN_WORDS);
    const provider = el.parentElement!;
    // Out and back in within one task: what a page (or a framework) does when it reorders a list.
    provider.append(document.createElement('hr'));
    provider.insertBefore(el, null);
    await settled(el);
    expect(textareaOf(el).value).to.equal(OWN_WORDS);
  });

  it('releases the model of an element that left the page: back later, it starts again from the item', async () => {
    const el = await mountCard(clientOf());
    const suggested = textareaOf(el).value;
    await typeText(el, OWN_WORDS);
    const provider = el.parentElement!;
    el.remove();
    // A later task: the element has really left.
    await new Promise<void>((resolve) => setTimeout(resolve));
    provider.append(el);
    await settled(el);
    await waitUntil(() => textareaOf(el).value === suggested, 'the draft of the released model came back');
    expect(textareaOf(el).value).to.equal(suggested);
  });

  it('makes a new model when what it shows changes (another item)', async () => {
    const el = await mountCard(clientOf());
    await typeText(el, OWN_WORDS);
    el.item = 'unknown-item';
    await settled(el, 'not-found');
    el.item = 'rapport-climat';
    await settled(el, 'ready');
    expect(textareaOf(el).value, 'a new model: the suggested text again').to.not.equal(OWN_WORDS);
  });

  it('upgrades in place an element whose tag was in the page before its definition (as the loader defines them), under a page-wide client', async () => {
    // Connected while its constructor runs: its model is made once its own fields (strings, defaults) are set.
    configure({ adapter: adapterOf() });
    try {
      const page = await fixture(html`<div lang="fr"><late-ambassador-leaderboard></late-ambassador-leaderboard><late-post-composer-guard></late-post-composer-guard></div>`);
      const errors: unknown[] = [];
      const onError = (event: ErrorEvent) => errors.push(event.error);
      window.addEventListener('error', onError);
      defineElements({ prefix: 'late' });
      window.removeEventListener('error', onError);
      const board = page.querySelector<AmbassadorLeaderboardElement>('late-ambassador-leaderboard')!;
      const composer = page.querySelector<PostComposerGuardElement>('late-post-composer-guard')!;
      await waitUntil(() => board.state === 'ready' && composer.state !== 'loading', `board ${board.state}, composer ${composer.state}`, { timeout: 3000 });
      expect(errors).to.deep.equal([]);
      expect(board.shadowRoot!.querySelector('[part~="title"]')?.textContent).to.equal('Ambassadeurs');
      expect(composer.shadowRoot!.textContent).to.include('Votre publication');
    } finally {
      resetConfiguration();
    }
  });
});
