import { expect } from '@open-wc/testing';
import fc from 'fast-check';
import { RelaisDataError, NETWORKS, type Network } from '../../../src/model/index.js';
import { mastodonHost, shareAction, shareIntent, withUtm } from '../../../src/share/index.js';

const ITEM = 'https://www.helioria.example/actualites/rapport-climat-2026';
const TRICKY = 'Ça & ça ? #1 + 100% "vrai" \'ok\'\nligne 2 — 🌍 עברית 日本語';

/** The decoded query parameters of an href. */
const paramsOf = (href: string) => Object.fromEntries(new URL(href).searchParams);

describe('shareIntent', () => {
  it('opens X with the text, the link with its UTM parameters and the hashtags, each encoded', () => {
    const intent = shareIntent('x', { url: ITEM, text: TRICKY, hashtags: ['#climat', 'énergie'] }, { campaign: 'rapport-2026' });
    expect(intent.action).to.equal('open');
    expect(new URL(intent.href!).origin + new URL(intent.href!).pathname).to.equal('https://x.com/intent/post');
    expect(paramsOf(intent.href!)).to.deep.equal({
      text: TRICKY,
      url: `${ITEM}?utm_source=x&utm_medium=employee_advocacy&utm_campaign=rapport-2026`,
      hashtags: 'climat,énergie',
    });
    expect(intent.href).to.contain('%20').and.not.contain('+');
  });

  for (const network of ['linkedin', 'facebook'] as const) {
    it(`copies the text before opening ${network}, which ignores prefilled text`, () => {
      const intent = shareIntent(network, { url: ITEM, text: 'Mon avis', hashtags: ['climat'] }, { campaign: 'c' });
      expect(intent.action).to.equal('copy-then-open');
      expect(intent.copy).to.equal('Mon avis #climat');
      const shared = paramsOf(intent.href!)[network === 'linkedin' ? 'url' : 'u'];
      expect(shared).to.equal(`${ITEM}?utm_source=${network}&utm_medium=employee_advocacy&utm_campaign=c`);
      expect(Object.keys(paramsOf(intent.href!)), 'no text in the address').to.have.length(1);
    });
  }

  it('shares to the employee’s own Mastodon server, text and link together', () => {
    const intent = shareIntent('mastodon', { url: ITEM, text: 'Lisez ça', hashtags: ['climat'] }, { mastodonInstance: '@camille@piaille.fr', utm: false });
    expect(intent.href).to.equal(`https://piaille.fr/share?text=${encodeURIComponent(`Lisez ça #climat ${ITEM}`)}`);
  });

  it('offers Mastodon’s official share page when the server is not known, the text in the fragment only', () => {
    const intent = shareIntent('mastodon', { url: ITEM, text: TRICKY, hashtags: ['climat'] }, { mastodonChooser: true, campaign: 'c' });
    const href = new URL(intent.href!);
    expect(href.origin + href.pathname + href.search).to.equal('https://share.joinmastodon.org/');
    expect(href.hash.startsWith('#text=')).to.equal(true);
    expect(decodeURIComponent(href.hash.slice('#text='.length))).to.equal(`${TRICKY} #climat ${withUtm(ITEM, 'mastodon', 'c')}`);
    // A known server wins over the chooser.
    expect(shareIntent('mastodon', { url: ITEM }, { mastodonChooser: true, mastodonInstance: 'piaille.fr' }).href!.startsWith('https://piaille.fr/share?')).to.equal(true);
  });

  it('refuses a Mastodon share with no server, or with something that is not a server name, naming the field', () => {
    for (const instance of [undefined, '', 'javascript:alert(1)', 'localhost', '192.168.0.1', 'https://evil.example/path', 'user:pw@host.example', 'a b.example']) {
      expect(() => shareIntent('mastodon', { url: ITEM }, { mastodonInstance: instance }), String(instance))
        .to.throw(RelaisDataError)
        .with.property('field', 'mastodonInstance');
    }
    expect(mastodonHost('https://Mastodon.Social/')).to.equal('mastodon.social');
    expect(mastodonHost('mamot.fr:8443')).to.equal('mamot.fr:8443');
  });

  it('takes the server from a Mastodon profile address or handle, as people copy them', () => {
    const given = {
      'https://mastodon.social/@camille': 'mastodon.social',
      'mastodon.social/@camille': 'mastodon.social',
      'https://mastodon.social/@camille/': 'mastodon.social',
      'https://mastodon.social/@camille/113512345678901234': 'mastodon.social',
      'https://mastodon.social/users/camille': 'mastodon.social',
      'https://piaille.fr/@camille@mastodon.social': 'mastodon.social',
      '@camille@mastodon.social': 'mastodon.social',
      ' camille.moreau@piaille.fr ': 'piaille.fr',
    };
    for (const [instance, host] of Object.entries(given)) expect(mastodonHost(instance), instance).to.equal(host);
    for (const instance of ['https://mastodon.social/about', 'https://mastodon.social/@camille?lang=fr', '@camille@localhost', 'https://piaille.fr/@camille@10.0.0.1', 'https://mastodon.social/@ca/../../share']) {
      expect(() => mastodonHost(instance), instance).to.throw(RelaisDataError).with.property('field', 'mastodonInstance');
    }
  });

  it('builds Bluesky, Threads, WhatsApp, Telegram and Teams intents that give back the text and link', () => {
    const content = { url: ITEM, text: TRICKY };
    const link = (network: Network) => withUtm(ITEM, network, 'c');
    expect(paramsOf(shareIntent('bluesky', content, { campaign: 'c' }).href!)).to.deep.equal({ text: `${TRICKY} ${link('bluesky')}` });
    expect(paramsOf(shareIntent('threads', content, { campaign: 'c' }).href!)).to.deep.equal({ text: TRICKY, url: link('threads') });
    expect(paramsOf(shareIntent('whatsapp', content, { campaign: 'c' }).href!)).to.deep.equal({ text: `${TRICKY} ${link('whatsapp')}` });
    expect(paramsOf(shareIntent('telegram', content, { campaign: 'c' }).href!)).to.deep.equal({ url: link('telegram'), text: TRICKY });
    expect(paramsOf(shareIntent('teams', content, { campaign: 'c' }).href!)).to.deep.equal({ href: link('teams'), msgText: TRICKY });
  });

  it('writes an e-mail with the title as subject and the text and link as body', () => {
    const intent = shareIntent('email', { url: ITEM, text: TRICKY, title: 'Rapport & climat' }, { utm: false });
    expect(intent.href!.startsWith('mailto:?')).to.equal(true);
    expect(paramsOf(intent.href!)).to.deep.equal({ subject: 'Rapport & climat', body: `${TRICKY} ${ITEM}` });
  });

  it('copies the link for "copy", and hands title, text and link to the device for "native"', () => {
    expect(shareIntent('copy', { url: ITEM, text: 'x' }, { utm: false })).to.deep.equal({ network: 'copy', action: 'copy', copy: ITEM });
    expect(shareIntent('native', { url: ITEM, text: 'Mon avis', title: 'Rapport' }, { campaign: 'c' }).shareData).to.deep.equal({
      title: 'Rapport',
      text: 'Mon avis',
      url: withUtm(ITEM, 'native', 'c'),
    });
  });

  it('refuses a link that is not http or https, naming the field, for every network', () => {
    for (const url of ['javascript:alert(1)', 'data:text/html,hi', 'ftp://files.example/a', '/relative', 'not a url']) {
      for (const network of NETWORKS) {
        expect(() => shareIntent(network, { url }, { mastodonInstance: 'mastodon.social' }), `${network} ${url}`)
          .to.throw(RelaisDataError)
          .with.property('field', 'url');
      }
    }
  });
});

describe('shareIntent, every network', () => {
  /** A link whose own query and fragment hold the characters that encoding gets wrong. */
  const LINK = 'https://www.helioria.example/a%20b/%C3%A9t%C3%A9?q=a%26b&plus=1+2&pct=%25&quote=%22#part?x&y=1';
  const TAGS = ['climat', 'énergie'];

  /** Where each network carries the text and the link, decoded. */
  function carried(network: Network, intent: ReturnType<typeof shareIntent>): { text?: string; link?: string } {
    const params = intent.href ? paramsOf(intent.href) : {};
    switch (network) {
      case 'x':
        return { text: `${params.text} ${params.hashtags!.split(',').map((tag) => `#${tag}`).join(' ')}`, link: params.url };
      case 'linkedin':
        return { text: intent.copy, link: params.url };
      case 'facebook':
        return { text: intent.copy, link: params.u };
      case 'threads':
      case 'telegram':
        return { text: params.text, link: params.url };
      case 'teams':
        return { text: params.msgText, link: params.href };
      case 'email':
        return { text: params.body!.slice(0, params.body!.lastIndexOf(' ')), link: params.body!.slice(params.body!.lastIndexOf(' ') + 1) };
      case 'mastodon':
      case 'bluesky':
      case 'whatsapp': {
        const body = params.text!;
        return { text: body.slice(0, body.lastIndexOf(' ')), link: body.slice(body.lastIndexOf(' ') + 1) };
      }
      case 'copy':
        return { link: intent.copy };
      case 'native':
        return { text: intent.shareData!.text, link: intent.shareData!.url };
    }
  }

  for (const network of NETWORKS) {
    it(`${network}: & # ? + % quotes, newlines, emoji, RTL and non-Latin text and the link come back exactly, with UTM on and off`, () => {
      for (const utm of [true, false]) {
        const intent = shareIntent(network, { url: LINK, text: TRICKY, hashtags: TAGS, title: TRICKY }, { utm, campaign: 'rapport & co', mastodonInstance: 'mastodon.social' });
        if (intent.href) expect(() => new URL(intent.href!)).not.to.throw();
        const { text, link } = carried(network, intent);
        if (network !== 'copy') expect(text, `${network} text`).to.equal(`${TRICKY} #climat #énergie`);
        const expected = utm ? withUtm(LINK, network, 'rapport & co') : LINK;
        expect(link, `${network} link`).to.equal(expected);
        // The link keeps its own query and fragment, and gains the UTM parameters only when asked.
        const parsed = new URL(link!);
        expect(parsed.hash).to.equal('#part?x&y=1');
        expect(parsed.searchParams.get('q')).to.equal('a&b');
        expect(parsed.searchParams.get('pct')).to.equal('%');
        expect(parsed.searchParams.get('utm_campaign')).to.equal(utm ? 'rapport & co' : null);
        expect(parsed.searchParams.get('utm_source')).to.equal(utm ? network : null);
      }
    });
  }
});

describe('shareAction', () => {
  it('says before anything is built what shareIntent will do, for every network', () => {
    for (const network of NETWORKS) {
      expect(shareAction(network), network).to.equal(shareIntent(network, { url: ITEM }, { mastodonInstance: 'mastodon.social' }).action);
    }
  });
});

describe('withUtm', () => {
  it('keeps the link’s own query and fragment as written, and adds the UTM parameters before the fragment', () => {
    expect(withUtm('https://a.example/p?x=1&y=a+b#part', 'x', 'camp')).to.equal('https://a.example/p?x=1&y=a+b&utm_source=x&utm_medium=employee_advocacy&utm_campaign=camp#part');
    expect(withUtm('https://a.example/p?', 'x', undefined)).to.equal('https://a.example/p?utm_source=x&utm_medium=employee_advocacy');
    expect(withUtm('https://a.example/#', 'x', 'c')).to.equal('https://a.example/?utm_source=x&utm_medium=employee_advocacy&utm_campaign=c#');
  });

  it('leaves UTM parameters the editor already set', () => {
    expect(withUtm('https://a.example/?utm_campaign=printemps', 'bluesky', 'item-1')).to.equal('https://a.example/?utm_campaign=printemps&utm_source=bluesky&utm_medium=employee_advocacy');
  });
});

describe('share intents (properties)', () => {
  const host = fc.constantFrom('www.helioria.example', 'intranet.example.com', 'exemple.fr');
  const segment = fc.string({ maxLength: 12 }).map((text) => encodeURIComponent(text));
  const itemUrl = fc
    .record({ host, path: fc.array(segment, { maxLength: 3 }), query: fc.option(fc.array(fc.tuple(segment, segment), { maxLength: 3 })), fragment: fc.option(segment) })
    .map(({ host, path, query, fragment }) => `https://${host}/${path.join('/')}${query ? `?${query.map(([k, v]) => `k${k}=${v}`).join('&')}` : ''}${fragment !== null ? `#${fragment}` : ''}`);
  const anyText = fc.string({ unit: 'grapheme', maxLength: 80 });
  const tags = fc.array(fc.stringMatching(/^[\p{L}\p{N}_]{1,12}$/u), { maxLength: 3 });
  const opening: Network[] = ['x', 'linkedin', 'facebook', 'mastodon', 'bluesky', 'threads', 'whatsapp', 'telegram', 'teams', 'email'];

  it('every address parses as a URL, and decoding its parameters gives back exactly the text and the link', () => {
    fc.assert(
      fc.property(itemUrl, anyText, tags, fc.constantFrom(...opening), fc.option(fc.string({ minLength: 1, maxLength: 20 })), (url, text, hashtags, network, campaign) => {
        const intent = shareIntent(network, { url, text, hashtags, title: text }, { campaign: campaign ?? undefined, mastodonInstance: 'mastodon.social' });
        const href = new URL(intent.href!);
        const params = Object.fromEntries(href.searchParams);
        const link = withUtm(url, network, campaign ?? undefined);
        const withTags = [text, hashtags.map((tag) => `#${tag}`).join(' ')].filter((part) => part.trim()).join(' ');
        const body = [withTags, link].filter((part) => part.trim()).join(' ');
        const expected: Record<Network, Record<string, string>> = {
          x: { text, url: link, ...(hashtags.length ? { hashtags: hashtags.join(',') } : {}) },
          linkedin: { url: link },
          facebook: { u: link },
          mastodon: { text: body },
          bluesky: { text: body },
          threads: { text: withTags, url: link },
          whatsapp: { text: body },
          telegram: { url: link, text: withTags },
          teams: { href: link, msgText: withTags },
          email: { subject: text, body },
          copy: {},
          native: {},
        };
        expect(params).to.deep.equal(expected[network]);
        // The link with UTM still carries the item's own query and fragment.
        const original = new URL(url);
        const shared = new URL(link);
        expect(shared.hash).to.equal(original.hash);
        for (const [key, value] of original.searchParams) expect(shared.searchParams.getAll(key)).to.include(value);
        expect(shared.searchParams.get('utm_source')).to.equal(network);
      }),
    );
  });
});

describe('mastodonHost (properties)', () => {
  // Seeds fixed, so that CI runs the same cases every time.
  const label = fc.stringMatching(/^[a-z0-9](?:[a-z0-9-]{0,8}[a-z0-9])?$/);
  const server = fc.tuple(fc.array(label, { minLength: 1, maxLength: 3 }), fc.constantFrom('social', 'fr', 'org', 'xyz')).map(([labels, tld]) => `${labels.join('.')}.${tld}`);
  const user = fc.stringMatching(/^[A-Za-z0-9_](?:[A-Za-z0-9_.]{0,10}[A-Za-z0-9_])?$/);

  it('every way of writing a server, a handle or a profile address gives the server, in lower case', () => {
    fc.assert(
      fc.property(server, user, server, fc.bigInt({ min: 1n, max: 10n ** 18n }), fc.boolean(), (host, name, other, post, upper) => {
        const shown = upper ? host.toUpperCase() : host;
        const written = [
          host,
          `https://${shown}/`,
          `https://${shown}/@${name}`,
          `${shown}/@${name}/${post}`,
          `https://${shown}/users/${name}`,
          `@${name}@${shown}`,
          `${name}@${shown}`,
          `https://${other}/@${name}@${shown}`,
        ];
        for (const instance of written) expect(mastodonHost(instance), instance).to.equal(host);
      }),
      { seed: 180_2026, numRuns: 200 },
    );
  });

  it('anything else is refused naming the field, or gives a bare dotted host name: never a path, a user or a port-less IP', () => {
    fc.assert(
      fc.property(fc.oneof(fc.string({ maxLength: 40 }), fc.webUrl({ withQueryParameters: true, withFragments: true }), fc.emailAddress()), (instance) => {
        let host: string;
        try {
          host = mastodonHost(instance);
        } catch (error) {
          expect(error).to.be.instanceOf(RelaisDataError).with.property('field', 'mastodonInstance');
          return;
        }
        expect(host).to.match(/^([a-z0-9-]+\.)+[a-z0-9-]{2,63}(:\d+)?$/);
        expect(host).not.to.match(/^[\d.]+(:\d+)?$/);
      }),
      { seed: 181_2026, numRuns: 300 },
    );
  });
});
