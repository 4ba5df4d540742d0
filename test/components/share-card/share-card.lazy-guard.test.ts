/**
 * <share-card> loads the guard when it is needed: its item and suggested text show at once, the
 * guard's code comes with the first focus or edit of the text, and a share asked for before
 * that waits for the verdict (the button busy), then shares or says why not. Each test file has
 * its own page: nothing has imported the guard before the first test, and the last one imports it
 * (the blocked case is share-card.lazy-guard-blocked.test.ts, in a page of its own).
 */
import { expect, waitUntil } from '@open-wc/testing';
import { composerOf, intercept, part, START, textareaOf, textOf, time, type Recorded } from './helpers.js';
import { guardFetched, mountUntouched } from './lazy-guard-helpers.js';

describe('<share-card> loads the guard when it is needed', () => {
  let recorded: Recorded;
  beforeEach(() => {
    recorded = intercept();
  });
  afterEach(() => {
    recorded.restore();
    time.clock.set(START);
  });

  it('shows the item, the suggested text and its length at once, without the guard: « checked as soon as you edit it »', async () => {
    const el = await mountUntouched(recorded);
    expect(guardFetched(), 'the guard’s code is not fetched for a card nobody touched').to.equal(false);
    expect(textareaOf(el).value).to.equal('Notre rapport climat 2026 est en ligne.\n\n#climat #Helioria');
    const composer = composerOf(el)!;
    expect(textOf(composer.shadowRoot!.querySelector('[part~="counter"]'))).to.contain('LinkedIn');
    expect(textOf(composer.shadowRoot!.querySelector('[part~="summary"]'))).to.equal('Your text is checked against the charter as soon as you edit it.');
    expect(textOf(part(el, 'share-button'))).to.equal('Share on LinkedIn');
    await expect(el).to.be.accessible();
  });

  it('a share asked for before any edit waits for the verdict, busy, then shares the checked text', async () => {
    const el = await mountUntouched(recorded);
    const share = part(el, 'share-button')!;
    share.click();
    expect(share.getAttribute('aria-busy'), 'busy while the text is checked').to.equal('true');
    expect(recorded.calls, 'nothing opens before the verdict').to.deep.equal([]);
    await waitUntil(() => recorded.calls.some((call) => call.kind === 'open'), 'the share never went on', { timeout: 5000 });
    expect(share.hasAttribute('aria-busy')).to.equal(false);
    expect(composerOf(el)!.state).to.equal('pass');
    expect(guardFetched()).to.equal(true);
    await waitUntil(() => el.state === 'shared', `the share was never recorded (${el.state})`, { timeout: 5000 });
  });

});
