import { expect } from '@open-wc/testing';
import { browserShareActions, carryOut, type ShareActions } from '../../../components/shared/share-actions.js';
import { shareIntent } from '../../../src/share/index.js';

/** A host element for the copy fallback, and a recorder of what carryOut asks the browser to do. */
function recorder(options: { copies?: boolean; shares?: boolean } = {}) {
  const calls: string[] = [];
  const actions: ShareActions = {
    open: (href) => void calls.push(`open ${href}`),
    copy: (text) => (calls.push(`copy ${text}`), Promise.resolve(options.copies ?? true)),
    canShare: () => true,
    share: (data) => (calls.push(`share ${data?.url}`), options.shares === false ? Promise.reject(new DOMException('Share canceled', 'AbortError')) : Promise.resolve()),
  };
  return { calls, actions };
}

const content = { url: 'https://example.org/news/1', text: 'Un texte', title: 'Titre' };

describe('share actions', () => {
  it("the browser's own opens a new window without giving it this page (noopener, noreferrer)", () => {
    const open = window.open;
    const opened: unknown[][] = [];
    window.open = (...args: unknown[]) => (opened.push(args), null);
    try {
      browserShareActions.open('https://x.com/intent/post?text=a');
    } finally {
      window.open = open;
    }
    expect(opened).to.deep.equal([['https://x.com/intent/post?text=a', '_blank', 'noopener,noreferrer']]);
  });

  it('carryOut copies first, then opens, in the same task, where the network ignores prefilled text', async () => {
    const { calls, actions } = recorder();
    const intent = shareIntent('linkedin', content);
    const done = carryOut(intent, actions, document.body);
    expect(calls.map((call) => call.split(' ')[0]), 'both before any await').to.deep.equal(['copy', 'open']);
    expect(await done.copied).to.equal(true);
    expect(await done.shared).to.equal(true);
  });

  it('carryOut opens where the network takes the text, copies where it is only a copy, and reports a share sheet closed without sharing', async () => {
    const opened = recorder();
    const open = carryOut(shareIntent('x', content), opened.actions, document.body);
    expect(open.copied).to.equal(undefined);
    expect(opened.calls).to.have.length(1);
    expect(opened.calls[0]).to.match(/^open https:\/\/x\.com\//);

    const copying = recorder({ copies: false });
    const copy = carryOut(shareIntent('copy', content), copying.actions, document.body);
    expect(await copy.copied, 'the copy failed, and says so').to.equal(false);
    expect(copying.calls).to.have.length(1);
    expect(copying.calls[0]).to.match(/^copy https:\/\/example\.org\/news\/1\?utm_source=copy&/);

    const closing = recorder({ shares: false });
    const native = carryOut(shareIntent('native', content), closing.actions, document.body);
    expect(await native.shared).to.equal(false);
    expect(closing.calls).to.have.length(1);
    expect(closing.calls[0]).to.match(/^share https:\/\/example\.org\/news\/1\?utm_source=native&/);
  });
});
