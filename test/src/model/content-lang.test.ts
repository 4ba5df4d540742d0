import { expect } from '@open-wc/testing';
import { MemoryAdapter } from '../../../src/adapters/memory-adapter.js';
import { parseDataDocument } from '../../../src/model/index.js';
import { makeSeed } from '../../fixtures/seed.js';

describe('content language', () => {
  it('gives the charter the document’s language when it says none', async () => {
    const adapter = new MemoryAdapter({ data: { ...makeSeed(), lang: 'fr' } });
    expect((await adapter.charter()).lang).to.equal('fr');
  });

  it('keeps the charter’s own language over the document’s', () => {
    const parsed = parseDataDocument({ ...makeSeed({ charter: { ...makeSeed().charter, lang: 'en' } }), lang: 'fr' });
    expect(parsed.charter.ok && parsed.charter.value.lang).to.equal('en');
  });

  it('leaves the language unknown when neither says (the page’s then applies)', async () => {
    expect((await new MemoryAdapter({ data: makeSeed() }).charter()).lang).to.equal(undefined);
  });
});
