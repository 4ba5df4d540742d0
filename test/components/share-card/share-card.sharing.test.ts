/** <share-card>: what each button does, in which order, and what is recorded. */
import { expect, html, waitUntil } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import type { RelaisEvent } from '../../../src/events/index.js';
import type { ShareEvent } from '../../../src/model/index.js';
import { withUtm } from '../../../src/share/index.js';
import {
  adapterWith,
  button,
  clientOf,
  confirmation,
  intercept,
  ITEM,
  mountCard,
  paramsOf,
  part,
  textareaOf,
  textOf,
  time,
  typeText,
  viewer,
  withOverrides,
  type Recorded,
} from './helpers.js';
import { MemoryAdapter } from '../../../src/adapters/memory-adapter.js';
import { RelaisClient } from '../../../src/client/index.js';
import { seedWith } from './helpers.js';
import { StorageStub } from '../../src/adapters/storage-stub.js';
import { browserShareActions } from '../../../components/shared/share-actions.js';

/** An adapter that keeps every ShareEvent it is asked to record. */
function recordingAdapter() {
  const memory = adapterWith();
  const recorded: ShareEvent[] = [];
  const adapter = withOverrides(memory, {
    recordShare: (event) => {
      recorded.push(event);
      return memory.recordShare(event);
    },
  });
  return { adapter, recorded };
}

/** What is selected in the card's own helper field, which a document selection does not show. */
function deepSelected(): string | undefined {
  const card = document.querySelector('share-card');
  const area = card?.shadowRoot?.querySelector<HTMLTextAreaElement>('textarea.sr-only');
  return area ? area.value.slice(area.selectionStart, area.selectionEnd) : undefined;
}

const link = (network: Parameters<typeof withUtm>[1]) => withUtm(ITEM.url, network, ITEM.campaign);
const SUGGESTED_X = 'Rapport climat 2026 : en ligne !\n\n#climat #Helioria';
/** The text for a network without a variant of its own (LinkedIn, chosen first; Bluesky; e-mail). */
const SUGGESTED = 'Notre rapport climat 2026 est en ligne.\n\n#climat #Helioria';
const SUGGESTED_MASTODON = 'Le rapport climat 2026 est publié.\n\n#climat #Helioria';

/** Picks `network` in the card's one choice, and waits for the card to follow. */
async function choose(el: Parameters<typeof button>[0], network: string): Promise<void> {
  button(el, network);
  await el.updateComplete;
}

describe('<share-card> sharing', () => {
  let recorded: Recorded;
  beforeEach(() => {
    recorded = intercept();
  });
  afterEach(() => recorded.restore());

  it('X: opens the intent with the text and the tracked link, from the click', async () => {
    const el = await mountCard();
    button(el, 'x')!.click();
    expect(recorded.calls).to.have.length(1);
    const [call] = recorded.calls;
    expect(call!.kind).to.equal('open');
    expect(new URL(call!.value).origin + new URL(call!.value).pathname).to.equal('https://x.com/intent/post');
    expect(paramsOf(call!.value)).to.deep.equal({ text: SUGGESTED_X, url: link('x') });
    expect(link('x')).to.contain('?source=intranet&utm_source=x&utm_medium=employee_advocacy&utm_campaign=rapport-2026#chiffres');
  });

  for (const network of ['linkedin', 'facebook'] as const) {
    it(`${network}: copies the text first, says so, then opens the network`, async () => {
      const el = await mountCard(clientOf(), html`<share-card item="rapport-climat" lang="en"></share-card>`);
      // Said before the click too, as the button's description.
      await choose(el, network);
      const hint = el.shadowRoot!.getElementById(button(el, network)!.getAttribute('aria-describedby')!);
      expect(textOf(hint)).to.equal(`On ${network === 'linkedin' ? 'LinkedIn' : 'Facebook'}, your text is copied first: paste it into your post.`);
      await choose(el, 'x');
      expect(button(el, 'x')!.hasAttribute('aria-describedby')).to.equal(false);
      await choose(el, network);
      button(el, network)!.click();
      expect(recorded.calls.map((call) => call.kind)).to.deep.equal(['copy', 'open']);
      expect(recorded.calls[0]!.value).to.equal(SUGGESTED);
      const shared = paramsOf(recorded.calls[1]!.value)[network === 'linkedin' ? 'url' : 'u'];
      expect(shared).to.equal(link(network));
      const said = await confirmation(el, 'Shared on');
      expect(said).to.contain(`Your text is copied to the clipboard: paste it in ${network === 'linkedin' ? 'LinkedIn' : 'Facebook'}.`);
    });
  }

  it('Bluesky and e-mail: text and link together; e-mail with the title as subject', async () => {
    const el = await mountCard();
    button(el, 'bluesky')!.click();
    await waitUntil(() => el.state === 'shared');
    button(el, 'email')!.click();
    const [bluesky, email] = recorded.calls;
    expect(paramsOf(bluesky!.value)).to.deep.equal({ text: `${SUGGESTED} ${link('bluesky')}` });
    expect(email!.value.startsWith('mailto:?')).to.equal(true);
    expect(paramsOf(email!.value)).to.deep.equal({ subject: ITEM.title, body: `${SUGGESTED} ${link('email')}` });
  });

  it('copy: copies the tracked link and says « Lien copié » only: not a share, recorded apart, no points, no history', async () => {
    const { adapter, recorded: events } = recordingAdapter();
    const el = await mountCard(clientOf(adapter), html`<share-card item="rapport-climat" lang="fr"></share-card>`);
    const shared: RelaisEvent<'relais-shared'>[] = [];
    el.addEventListener('relais-shared', (event) => shared.push(event));
    button(el, 'copy')!.click();
    expect(recorded.calls).to.deep.equal([{ kind: 'copy', value: link('copy') }]);
    await waitUntil(() => events.length === 1, 'the copy was not recorded');
    expect(events[0]).to.deep.include({ network: 'copy', kind: 'copy-link' });
    await waitUntil(() => shared.length === 1);
    expect(shared[0]!.detail.pointsEarned).to.equal(0);
    await confirmation(el, 'Lien copié');
    expect(textOf(part(el, 'confirmation'))).to.equal('Lien copié.');
    expect(el.state, 'a copied link is not a share').to.equal('ready');
    expect(part(el, 'history')).to.equal(null);
    await expect(el).to.be.accessible();
  });

  it('names what each action did from one catalogue: « Envoyé par courriel », never a button’s label', async () => {
    const el = await mountCard(clientOf(), html`<share-card item="rapport-climat" lang="fr"></share-card>`);
    button(el, 'email')!.click();
    await confirmation(el, 'Envoyé');
    expect(part(el, 'confirmation')!.textContent.trim()).to.equal('Envoyé par courriel. Merci\u202f! Vous avez gagné 10 points.');
    await expect(el).to.be.accessible();
  });

  it('in English too: « Sent by email », « Link copied »', async () => {
    const el = await mountCard(clientOf(), html`<share-card item="rapport-climat" lang="en"></share-card>`);
    button(el, 'email')!.click();
    expect(await confirmation(el, 'Sent')).to.equal('Sent by email. Thank you! You earned 10 points.');
    button(el, 'copy')!.click();
    await waitUntil(() => textOf(part(el, 'confirmation')) === 'Link copied.', textOf(part(el, 'confirmation')));
  });

  it('no-utm leaves the link as the editor wrote it', async () => {
    const el = await mountCard(clientOf(), html`<share-card item="rapport-climat" no-utm></share-card>`);
    button(el, 'bluesky')!.click();
    expect(paramsOf(recorded.calls[0]!.value).text).to.equal(`${SUGGESTED} ${ITEM.url}`);
  });

  it('Mastodon: asks for the server once, refuses what is not a server name, remembers it', async () => {
    const client = clientOf();
    const el = await mountCard(client, html`<share-card item="rapport-climat" lang="en"></share-card>`);
    button(el, 'mastodon')!.click();
    await el.updateComplete;
    expect(recorded.calls, 'nothing opens before the server is known').to.deep.equal([]);
    const input = el.shadowRoot!.querySelector<HTMLInputElement>('#mastodon-instance')!;
    expect(el.shadowRoot!.activeElement).to.equal(input);
    await sendKeys({ type: 'javascript:alert(1)' });
    await sendKeys({ press: 'Enter' });
    await el.updateComplete;
    expect(input.getAttribute('aria-invalid')).to.equal('true');
    expect(textOf(el.shadowRoot!.querySelector('#mastodon-hint'))).to.equal('This is not a server name: write it like mastodon.social.');
    expect(recorded.calls).to.deep.equal([]);
    input.value = '';
    await sendKeys({ type: '@camille@piaille.fr' });
    await sendKeys({ press: 'Enter' });
    await el.updateComplete;
    expect(recorded.calls).to.have.length(1);
    // The text as the card shows it (X's variant, the one chosen), with the link.
    expect(recorded.calls[0]!.value).to.equal(`https://piaille.fr/share?text=${encodeURIComponent(`${SUGGESTED_MASTODON} ${link('mastodon')}`)}`);
    await waitUntil(() => el.state === 'shared');
    expect(textOf(part(el, 'mastodon-change'))).to.equal('Change server (piaille.fr)');
    // Remembered for every card of the client's storage: the next click opens at once.
    button(el, 'mastodon')!.click();
    expect(recorded.calls).to.have.length(2);
    expect(recorded.calls[1]!.value.startsWith('https://piaille.fr/share?text=')).to.equal(true);
  });

  it('Mastodon: a profile address or a handle pasted in the form gives its server', async () => {
    for (const [pasted, host] of [
      ['https://mastodon.social/@camille', 'mastodon.social'],
      ['@camille@piaille.fr', 'piaille.fr'],
    ] as const) {
      recorded.calls.length = 0;
      const el = await mountCard(clientOf(), html`<share-card item="rapport-climat" lang="fr"></share-card>`);
      button(el, 'mastodon')!.click();
      await el.updateComplete;
      const input = el.shadowRoot!.querySelector<HTMLInputElement>('#mastodon-instance')!;
      expect(el.shadowRoot!.activeElement).to.equal(input);
      await sendKeys({ type: pasted });
      await sendKeys({ press: 'Enter' });
      await el.updateComplete;
      expect(input.getAttribute('aria-invalid'), pasted).not.to.equal('true');
      expect(textOf(el.shadowRoot!.querySelector('#mastodon-hint'))).not.to.contain('Ce n’est pas un nom de serveur');
      expect(recorded.calls, pasted).to.have.length(1);
      expect(new URL(recorded.calls[0]!.value).host, pasted).to.equal(host);
      await waitUntil(() => part(el, 'mastodon-change'));
      expect(textOf(part(el, 'mastodon-change'))).to.equal(`Changer de serveur (${host})`);
    }
  });

  it('Mastodon: the server may also be chosen on Mastodon’s own share page, remembering nothing here', async () => {
    const { adapter, recorded: events } = recordingAdapter();
    const el = await mountCard(clientOf(adapter), html`<share-card item="rapport-climat" lang="fr"></share-card>`);
    button(el, 'mastodon')!.click();
    await el.updateComplete;
    const chooser = part(el, 'mastodon-chooser')!;
    expect(textOf(chooser)).to.equal('Ou choisissez votre serveur sur la page de partage de Mastodon');
    chooser.click();
    expect(recorded.calls).to.have.length(1);
    const href = new URL(recorded.calls[0]!.value);
    expect(`${href.origin}${href.pathname}`).to.equal('https://share.joinmastodon.org/');
    expect(decodeURIComponent(href.hash.slice('#text='.length))).to.equal(`${SUGGESTED_MASTODON} ${link('mastodon')}`);
    await waitUntil(() => events.length === 1);
    expect(events[0]!.network).to.equal('mastodon');
    expect(part(el, 'mastodon-change'), 'no server remembered').to.equal(null);
    await el.updateComplete;
    expect(el.shadowRoot!.activeElement).to.equal(button(el, 'mastodon'));
  });

  it('native: hands title, text and link to the share sheet where the device accepts them, records only a completed share', async () => {
    recorded.restore();
    for (const outcome of ['cancel', 'accept'] as const) {
      recorded = intercept({ share: outcome });
      const { adapter, recorded: events } = recordingAdapter();
      const el = await mountCard(clientOf(adapter));
      expect(button(el, 'native'), 'the share sheet button, where the device has one').to.not.equal(null);
      button(el, 'native')!.click();
      expect(JSON.parse(recorded.calls[0]!.value)).to.deep.equal({ title: ITEM.title, text: SUGGESTED, url: link('native') });
      if (outcome === 'accept') await waitUntil(() => events.length === 1, 'the completed share was not recorded');
      else {
        await el.updateComplete;
        await new Promise((resolve) => setTimeout(resolve));
        expect(events, 'a cancelled share sheet records nothing').to.deep.equal([]);
        expect(el.state).to.equal('ready');
      }
      recorded.restore();
    }
    recorded = intercept();
  });

  it('copies with the older selection command where the Clipboard API is missing, and says when nothing could copy', async () => {
    // The browser's own copy (the subject here, so the Clipboard API is hidden); windows recorded.
    recorded.actions.copy = (text, host) => browserShareActions.copy(text, host);
    const clipboard = Object.getOwnPropertyDescriptor(Navigator.prototype, 'clipboard');
    Object.defineProperty(Navigator.prototype, 'clipboard', { configurable: true, get: () => undefined });
    const execCommand = document.execCommand;
    const commands: string[] = [];
    let works = true;
    document.execCommand = (command: string) => {
      commands.push(`${command}:${String(document.getSelection())}${(deepSelected() ?? '')}`);
      return works;
    };
    const opened = () => recorded.calls.filter((call) => call.kind === 'open');
    try {
      const el = await mountCard(clientOf(), html`<share-card item="rapport-climat" lang="en"></share-card>`);
      button(el, 'copy')!.focus();
      button(el, 'copy')!.click();
      expect(commands).to.have.length(1);
      expect(commands[0]).to.contain(link('copy'));
      expect(el.shadowRoot!.activeElement, 'the keyboard stays on the button').to.equal(button(el, 'copy'));
      expect(el.shadowRoot!.querySelector('textarea.sr-only'), 'the helper field is gone').to.equal(null);
      await confirmation(el, 'Link copied.');
      works = false;
      button(el, 'linkedin')!.click();
      expect(opened(), 'the network opens all the same').to.have.length(1);
      await confirmation(el, 'could not be copied');
    } finally {
      document.execCommand = execCommand;
      if (clipboard) Object.defineProperty(Navigator.prototype, 'clipboard', clipboard);
    }
  });

  it('is used with the keyboard alone: Enter on a button shares, Escape closes the Mastodon form and gives the keyboard back', async () => {
    const el = await mountCard(clientOf(), html`<share-card item="rapport-climat" lang="en"></share-card>`);
    // The one choice: arrow keys move between networks, the share button follows.
    el.shadowRoot!.querySelector<HTMLInputElement>('[part~="networks"] input:checked')!.focus();
    await sendKeys({ press: 'ArrowRight' });
    await el.updateComplete;
    expect(el.shadowRoot!.querySelector<HTMLInputElement>('[part~="networks"] input:checked')!.value).to.equal('x');
    expect(textOf(part(el, 'share-button'))).to.equal('Share on X');
    part(el, 'share-button')!.focus();
    await sendKeys({ press: 'Enter' });
    expect(recorded.calls.map((call) => call.kind)).to.deep.equal(['open']);
    await waitUntil(() => el.state === 'shared');
    await choose(el, 'mastodon');
    button(el, 'mastodon')!.focus();
    await sendKeys({ press: 'Space' });
    await el.updateComplete;
    expect(el.shadowRoot!.activeElement?.id).to.equal('mastodon-instance');
    await sendKeys({ press: 'Escape' });
    await el.updateComplete;
    expect(part(el, 'mastodon-form')).to.equal(null);
    expect(el.shadowRoot!.activeElement).to.equal(button(el, 'mastodon'));
    expect(recorded.calls).to.have.length(1);
  });

  it('fires a cancelable relais-share before opening; cancelling it opens and records nothing', async () => {
    const { adapter, recorded: events } = recordingAdapter();
    const el = await mountCard(clientOf(adapter));
    const seen: RelaisEvent<'relais-share'>['detail'][] = [];
    const veto = (event: RelaisEvent<'relais-share'>) => {
      seen.push(event.detail);
      expect(recorded.calls, 'the event comes before anything opens').to.deep.equal([]);
      event.preventDefault();
    };
    document.addEventListener('relais-share', veto);
    try {
      button(el, 'linkedin')!.click();
    } finally {
      document.removeEventListener('relais-share', veto);
    }
    expect(seen).to.have.length(1);
    expect(seen[0]).to.deep.include({ shareableId: ITEM.id, network: 'linkedin', text: SUGGESTED, personalized: false, url: link('linkedin') });
    expect(seen[0]!.item.id).to.equal(ITEM.id);
    expect(recorded.calls).to.deep.equal([]);
    await el.updateComplete;
    expect(events).to.deep.equal([]);
    // The card is not stuck: the next click shares.
    button(el, 'x')!.click();
    await waitUntil(() => events.length === 1);
  });

  it('records exactly one ShareEvent per click, a double click included, then says what it earned', async () => {
    const { adapter, recorded: events } = recordingAdapter();
    const el = await mountCard(clientOf(adapter), html`<share-card item="rapport-climat" lang="fr"></share-card>`);
    const shared: RelaisEvent<'relais-shared'>[] = [];
    const onShared = (event: RelaisEvent<'relais-shared'>) => void shared.push(event);
    el.addEventListener('relais-shared', onShared);
    const x = button(el, 'x')!;
    // A double click: two clicks, the second with detail 2, then the dblclick.
    x.dispatchEvent(new MouseEvent('click', { bubbles: true, detail: 1 }));
    x.dispatchEvent(new MouseEvent('click', { bubbles: true, detail: 2 }));
    x.dispatchEvent(new MouseEvent('dblclick', { bubbles: true, detail: 2 }));
    // A second activation while the first is still being recorded (an impatient Enter).
    x.click();
    await waitUntil(() => el.state === 'shared');
    expect(recorded.calls.filter((call) => call.kind === 'open')).to.have.length(1);
    expect(events).to.have.length(1);
    expect(events[0]).to.deep.include({ shareableId: ITEM.id, viewerId: viewer.id, network: 'x', personalized: false });
    expect(events[0]!.id).to.match(/^[0-9a-f-]{36}$/);
    expect(shared.map((event) => event.detail.pointsEarned)).to.deep.equal([10]);
    await confirmation(el, 'Partagé');
    expect(part(el, 'confirmation')!.textContent.trim()).to.equal('Partagé sur X. Merci\u202f! Vous avez gagné 10 points.');
    // A later, separate click is a new share.
    x.click();
    await waitUntil(() => events.length === 2);
    el.removeEventListener('relais-shared', onShared);
  });

  it('says whether the text was personalised: re-spacing and re-punctuating is not, a word of one’s own is', async () => {
    const { adapter, recorded: events } = recordingAdapter();
    const el = await mountCard(clientOf(adapter), html`<share-card item="rapport-climat" lang="en"></share-card>`);
    expect(textOf(part(el, 'prompt'))).to.contain('Write it in your own words');
    await typeText(el, 'rapport  climat 2026 — en ligne\n#CLIMAT #helioria');
    expect(textOf(part(el, 'prompt'))).to.contain('Write it in your own words');
    button(el, 'bluesky')!.click();
    await waitUntil(() => events.length === 1);
    expect(events[0]!.personalized).to.equal(false);
    // Another network's suggestion is not one's own words either.
    await typeText(el, 'Notre rapport climat 2026 est en ligne. #climat #Helioria');
    button(el, 'bluesky')!.click();
    await waitUntil(() => events.length === 2);
    expect(events[1]!.personalized).to.equal(false);
    await typeText(el, 'Fière de notre rapport climat 2026, lisez la page 12 !');
    expect(textOf(part(el, 'prompt'))).to.contain('Written in your own words');
    button(el, 'bluesky')!.click();
    await waitUntil(() => events.length === 3);
    expect(events[2]!.personalized).to.equal(true);
    expect(paramsOf(recorded.calls.at(-1)!.value).text).to.equal(`Fière de notre rapport climat 2026, lisez la page 12 ! ${link('bluesky')}`);
  });

  it('the suggestion follows the chosen network until the employee writes their own', async () => {
    const el = await mountCard();
    const pick = async (network: string) => {
      el.shadowRoot!.querySelector<HTMLInputElement>(`[part~="networks"] input[value="${network}"]`)!.click();
      await waitUntil(() => textareaOf(el).value !== '' && el.updateComplete);
      await el.updateComplete;
    };
    await pick('mastodon');
    await waitUntil(() => textareaOf(el).value.startsWith('Le rapport climat 2026 est publié.'), textareaOf(el).value);
    await typeText(el, 'Mes mots à moi.');
    await pick('x');
    expect(textareaOf(el).value).to.equal('Mes mots à moi.');
  });

  it('remembers this viewer’s past shares of the item, across page loads', async () => {
    const local = new StorageStub();
    const adapter = new MemoryAdapter({ data: seedWith(), viewer, now: () => time.clock.now() });
    const first = await mountCard(new RelaisClient(adapter, { clock: time.clock, storage: { local, session: new StorageStub() } }), html`<share-card item="rapport-climat" lang="en"></share-card>`);
    expect(part(first, 'history')).to.equal(null);
    button(first, 'x')!.click();
    await waitUntil(() => first.state === 'shared');
    // A new page load: a new client on the same browser storage.
    const again = await mountCard(new RelaisClient(adapter, { clock: time.clock, storage: { local, session: new StorageStub() } }), html`<share-card item="rapport-climat" lang="en"></share-card>`);
    expect(textOf(part(again, 'history'))).to.equal('You shared it on X on November 22, 2026.');
  });

  it('the history names an e-mail as sent, never by the button’s label, and leaves copied links out', async () => {
    const local = new StorageStub();
    const adapter = new MemoryAdapter({ data: seedWith(), viewer, now: () => time.clock.now() });
    const client = () => new RelaisClient(adapter, { clock: time.clock, storage: { local, session: new StorageStub() } });
    const first = await mountCard(client(), html`<share-card item="rapport-climat" lang="fr"></share-card>`);
    button(first, 'email')!.click();
    await waitUntil(() => first.state === 'shared');
    time.clock.advance(60_000);
    button(first, 'copy')!.click();
    await confirmation(first, 'Lien copié');
    const again = await mountCard(client(), html`<share-card item="rapport-climat" lang="fr"></share-card>`);
    expect(textOf(part(again, 'history'))).to.equal('Vous l’avez envoyé par courriel le 22 novembre 2026.');
    await expect(again).to.be.accessible();
  });

  it('earns nothing the second time the same item is shared, and says only that it is shared', async () => {
    const el = await mountCard(clientOf(), html`<share-card item="rapport-climat" lang="en"></share-card>`);
    button(el, 'x')!.click();
    expect(await confirmation(el, 'Shared')).to.contain('You earned 10 points.');
    button(el, 'bluesky')!.click();
    await waitUntil(() => textOf(part(el, 'confirmation')).startsWith('Shared on Bluesky'));
    expect(textOf(part(el, 'confirmation'))).to.equal('Shared on Bluesky. Thank you!');
  });

  it('a share the adapter refuses is said, and reported as relais-error', async () => {
    const adapter = withOverrides(adapterWith(), { recordShare: () => Promise.reject(new Error('HTTP 503')) });
    const el = await mountCard(clientOf(adapter), html`<share-card item="rapport-climat" lang="en"></share-card>`);
    const errors: RelaisEvent<'relais-error'>[] = [];
    const onError = (event: RelaisEvent<'relais-error'>) => void errors.push(event);
    el.addEventListener('relais-error', onError);
    const consoleError = console.error;
    console.error = () => {};
    try {
      button(el, 'x')!.click();
      await waitUntil(() => part(el, 'error'));
    } finally {
      console.error = consoleError;
      el.removeEventListener('relais-error', onError);
    }
    expect(textOf(part(el, 'error'))).to.equal('Your share could not be recorded: it does not count in your points yet.');
    expect(errors.map((event) => event.detail.code)).to.deep.equal(['unavailable']);
    await expect(el).to.be.accessible();
  });
});
