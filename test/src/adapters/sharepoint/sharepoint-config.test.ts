/**
 * `data-adapter="sharepoint"` with `data-site`, as the loader reads it (the single file says it
 * does not carry the adapter: test/e2e/configuration-mistakes.test.ts).
 */
import { expect } from '@open-wc/testing';
import { $configurationError, $pageClient, configureFromDocument, registerBuiltInAdapters, resetConfiguration } from '../../../../src/config/index.js';
import { CONFORMANCE_NOW, conformanceSeed } from '../../../../src/testing/fixture.js';
import { resetSharePoint } from '../../../fixtures/sharepoint-server.js';

registerBuiltInAdapters();

function scriptWith(attributes: Record<string, string>): HTMLScriptElement {
  const script = document.createElement('script');
  for (const [name, value] of Object.entries(attributes)) script.setAttribute(name, value);
  return script;
}

describe('data-adapter="sharepoint"', () => {
  afterEach(() => resetConfiguration());

  it('reads the lists of the site that data-site names', async () => {
    const site = await resetSharePoint(conformanceSeed(), CONFORMANCE_NOW);
    configureFromDocument(scriptWith({ 'data-adapter': 'sharepoint', 'data-site': site, 'data-viewer-id': 'p-viewer', 'data-viewer-name': 'Camille Martin' }));
    const client = $pageClient.get();
    expect(client, 'a client').to.not.equal(undefined);
    expect((await client!.adapter.charter()).id).to.equal('charter-2026');
    expect((await client!.adapter.viewer()).id).to.equal('p-viewer');
  });

  it('without data-site: a configuration error naming the attribute', () => {
    const errors: unknown[] = [];
    const original = console.error;
    console.error = (...args: unknown[]) => errors.push(args.join(' '));
    try {
      configureFromDocument(scriptWith({ 'data-adapter': 'sharepoint' }));
    } finally {
      console.error = original;
    }
    expect($configurationError.get()?.message).to.include('data-site');
  });
});
