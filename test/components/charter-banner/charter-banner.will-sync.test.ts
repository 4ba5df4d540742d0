/** <charter-banner> on a RestAdapter whose server cannot be reached: the acknowledgment is kept on the device, and the banner says it will sync. */
import { expect, html, oneEvent, waitUntil } from '@open-wc/testing';
import { randomUUID } from '../../../src/client/browser-storage.js';
import { RestAdapter } from '../../../src/adapters/rest/rest-adapter.js';
import type { RelaisEvent } from '../../../src/events/index.js';
import { START, acknowledgeWithClicks, captureConsole, clientOf, makeSeed, mountBanner, part, textOf, time, viewer } from './helpers.js';

/** The REST API of the banner's seed, as a fetch: reads answer; writes follow `server.writes`. */
function restServer() {
  const seed = makeSeed();
  const server = {
    writes: 'down' as 'down' | 'up' | 'refuse',
    posted: 0,
    fetch: async (url: string, init: RequestInit): Promise<Response> => {
      const path = new URL(url).pathname.replace(/^.*\/api\/v1\/[^/]+/, '');
      const json = (status: number, body: unknown) => new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } });
      if (init.method === 'POST') {
        server.posted++;
        if (server.writes === 'down') throw new TypeError('Failed to fetch');
        // Refused for good: a charter version the server no longer accepts (a 403 on viewerId now keeps the write for its author).
        if (server.writes === 'refuse') return json(400, { error: { code: 'invalid-request', message: 'version is no longer accepted', field: 'version' } });
        return json(201, {});
      }
      if (path === '/viewer') return json(200, { ...viewer, leaderboardOptIn: true });
      if (path === '/charter') return json(200, seed.charter);
      return json(404, { error: { code: 'not-found', message: 'none' } });
    },
  };
  return server;
}

describe('<charter-banner> with writes waiting on the device', () => {
  const adapters: RestAdapter[] = [];
  const restAdapter = (server: ReturnType<typeof restServer>) => {
    const adapter = new RestAdapter({ endpoint: `https://relais.example/api/v1/${randomUUID()}`, fetch: server.fetch, clock: time.clock, retry: { random: () => 1 } });
    adapters.push(adapter);
    return adapter;
  };
  beforeEach(() => time.clock.set(START));
  afterEach(() => {
    for (const adapter of adapters.splice(0)) adapter.close();
  });

  it('confirms "saved on this device", marks the inline line "will sync" until the server takes it, and is accessible', async () => {
    const server = restServer();
    const el = await mountBanner(clientOf(restAdapter(server)), () => html`<charter-banner mode="inline"></charter-banner>`);
    await acknowledgeWithClicks(el);
    await waitUntil(() => textOf(part(el, 'confirmation')) === 'Thank you. Saved on this device, it will be sent later.', textOf(part(el, 'confirmation')));
    expect(textOf(part(el, 'will-sync'))).to.equal('Saved on this device, will sync');
    await expect(el).to.be.accessible();
    server.writes = 'up';
    time.clock.advance(500);
    await waitUntil(() => !part(el, 'will-sync'), 'the mark goes once the server confirmed');
    expect(server.posted).to.equal(2);
  });

  it('says it in French', async () => {
    const server = restServer();
    const el = await mountBanner(clientOf(restAdapter(server)), () => html`<charter-banner mode="inline" lang="fr"></charter-banner>`);
    await acknowledgeWithClicks(el);
    await waitUntil(() => part(el, 'will-sync'));
    expect(textOf(part(el, 'will-sync'))).to.equal('Enregistré sur cet appareil, sera synchronisé');
    await waitUntil(() => textOf(part(el, 'confirmation')) === 'Merci. Enregistrée sur cet appareil, elle sera transmise plus tard.');
  });

  it('says the plain thanks when the server confirmed at once', async () => {
    const server = restServer();
    server.writes = 'up';
    const el = await mountBanner(clientOf(restAdapter(server)), () => html`<charter-banner mode="inline"></charter-banner>`);
    await acknowledgeWithClicks(el);
    await waitUntil(() => textOf(part(el, 'confirmation')) !== '');
    expect(textOf(part(el, 'confirmation'))).to.equal('Thank you, your acknowledgment is recorded.');
    expect(part(el, 'will-sync')).to.equal(null);
  });

  it('fires one relais-error when the server later refuses the kept acknowledgment for good, and asks again', async () => {
    const server = restServer();
    const el = await mountBanner(clientOf(restAdapter(server)), () => html`<charter-banner mode="inline"></charter-banner>`);
    await acknowledgeWithClicks(el);
    const errors = captureConsole('error');
    server.writes = 'refuse';
    const refused = oneEvent<RelaisEvent<'relais-error'>>(el, 'relais-error');
    time.clock.advance(500);
    const { detail } = await refused;
    errors.restore();
    expect(detail.message).to.contain('400').and.contain('version');
    // The source holds no acknowledgment: the prompt is back, and nothing is sent again.
    await waitUntil(() => el.state === 'prompt');
    time.clock.advance(3_600_000);
    expect(server.posted).to.equal(2);
  });
});
