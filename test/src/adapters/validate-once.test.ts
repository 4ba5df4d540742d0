import { expect } from '@open-wc/testing';
import { deferredAdapter } from '../../../src/adapters/deferred.js';
import { MemoryAdapter } from '../../../src/adapters/memory-adapter.js';
import { StaticAdapter } from '../../../src/adapters/static-adapter.js';
import { validatingAdapter } from '../../../src/adapters/validating-adapter.js';
import { RelaisClient } from '../../../src/client/client.js';
import { CharterSchema, RelaisDataError, ShareableSchema } from '../../../src/model/index.js';
import type { Charter } from '../../../src/model/index.js';
import { CONFORMANCE_NOW, CONFORMANCE_VIEWER, conformanceSeed } from '../../../src/testing/fixture.js';
import { StorageStub } from './storage-stub.js';
import { rejectionOf } from '../../fixtures/rejection.js';

const now = new Date(CONFORMANCE_NOW);
const viewer = { ...CONFORMANCE_VIEWER };
const SRC = 'https://content.example.com/advocacy.json';

/** Counts the calls of `schema.safeParse` while `body` runs. */
async function countingParses(schema: { safeParse: (...args: never[]) => unknown }, body: () => Promise<void>): Promise<number> {
  const original = schema.safeParse;
  let calls = 0;
  const counting: typeof original = (...args) => {
    calls += 1;
    return original.apply(schema, args);
  };
  schema.safeParse = counting;
  try {
    await body();
  } finally {
    schema.safeParse = original;
  }
  return calls;
}

const rejection = (promise: Promise<unknown>) => rejectionOf(promise, RelaisDataError);

describe('validated once', () => {
  it('parses each shareable and the charter of a StaticAdapter document once, from the fetch to the client', async () => {
    const fetch = async () => new Response(JSON.stringify(conformanceSeed()));
    const client = new RelaisClient(new StaticAdapter({ src: SRC, fetch, viewer, now, storage: new StorageStub() }));
    const shareableParses = await countingParses(ShareableSchema, async () => {
      const charterParses = await countingParses(CharterSchema, async () => {
        await client.adapter.charter();
        await client.adapter.charter();
      });
      expect(charterParses, 'charter parses').to.equal(1);
      await client.adapter.shareables();
      await client.adapter.shareable('s-culture-en');
    });
    expect(shareableParses, 'shareable parses (8 in the document)').to.equal(8);
  });

  it('trusts a MemoryAdapter behind deferredAdapter too (the provider\'s src)', async () => {
    const adapter = validatingAdapter(deferredAdapter(async () => new MemoryAdapter({ data: conformanceSeed(), viewer, now, storage: new StorageStub() })));
    await adapter.viewer();
    expect(await countingParses(CharterSchema, async () => void (await adapter.charter()))).to.equal(0);
  });

  it('still parses what a subclass or a patched instance returns: no hole for third-party code', async () => {
    class Lenient extends MemoryAdapter {
      override async charter(): Promise<Charter> {
        return { ...(await super.charter()), url: 'javascript:alert(1)' };
      }
    }
    const options = { data: conformanceSeed(), viewer, now, storage: new StorageStub() };
    expect((await rejection(validatingAdapter(new Lenient(options)).charter())).field).to.equal('url');

    const patched = new MemoryAdapter(options);
    const inner = patched.charter.bind(patched);
    patched.charter = async () => ({ ...(await inner()), version: 0 });
    expect((await rejection(validatingAdapter(patched).charter())).field).to.equal('version');

    const wrapper = { ...Object.fromEntries(['charter'].map((name) => [name, () => patched.charter()])) } as unknown as MemoryAdapter;
    expect((await rejection(validatingAdapter(wrapper).charter())).field).to.equal('version');
  });
});
