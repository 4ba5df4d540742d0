import { expect, waitUntil } from '@open-wc/testing';
import fc from 'fast-check';
import { MemoryAdapter } from '../../../src/adapters/memory-adapter.js';
import { StaticAdapter } from '../../../src/adapters/static-adapter.js';
import type { AdvocacyAdapter } from '../../../src/adapters/types.js';
import { validatingAdapter } from '../../../src/adapters/validating-adapter.js';
import { RelaisClient } from '../../../src/client/client.js';
import { RelaisDataError } from '../../../src/model/index.js';
import type { DataDocumentInput } from '../../../src/model/index.js';
import { CONFORMANCE_NOW, CONFORMANCE_VIEWER, conformanceSeed } from '../../../src/testing/fixture.js';
import { StorageStub } from './storage-stub.js';
import { rejectionOf } from '../../fixtures/rejection.js';

const now = new Date(CONFORMANCE_NOW);
const viewer = { ...CONFORMANCE_VIEWER };
const LIVE = ['s-product-ca', 's-industry-en', 's-industry-fr', 's-culture-en', 's-product-fr', 's-culture-fr', 's-product-en'];

/** Runs `body` with console.error recorded (and silenced), returning what was logged. */
async function consoleErrors(body: () => Promise<void>): Promise<string[]> {
  const logged: string[] = [];
  const original = console.error;
  console.error = (...args: unknown[]) => void logged.push(args.map(String).join(' '));
  try {
    await body();
  } finally {
    console.error = original;
  }
  return logged;
}

const rejection = (promise: Promise<unknown>) => rejectionOf(promise, RelaisDataError);

function memory(data: DataDocumentInput, onInvalidItem?: (error: RelaisDataError) => void) {
  return new MemoryAdapter({ data, viewer, now, storage: new StorageStub(), ...(onInvalidItem ? { onInvalidItem } : {}) });
}

describe('invalid items in the data document', () => {
  it('drops one bad shareable with one console error naming it, and serves the others', async () => {
    const seed = conformanceSeed();
    seed.shareables![1]!.url = 'javascript:alert(1)';
    const reported: RelaisDataError[] = [];
    let ids: string[] = [];
    const logged = await consoleErrors(async () => {
      const adapter = memory(seed, (error) => reported.push(error));
      ids = (await adapter.shareables()).items.map((item) => item.id);
      await adapter.shareables();
    });
    expect(ids.sort()).to.deep.equal(LIVE.filter((id) => id !== 's-culture-en').sort());
    expect(logged).to.deep.equal(['Relais: shareables[1].url: must be an http or https URL — item dropped']);
    expect(reported.map((error) => [error.entity, error.field])).to.deep.equal([['data document', 'shareables[1].url']]);
  });

  it('rejects reading the dropped item by id with its error, and still returns the others', async () => {
    const seed = conformanceSeed();
    seed.shareables![1]!.url = 'javascript:alert(1)';
    await consoleErrors(async () => {
      const adapter = memory(seed);
      expect((await rejection(adapter.shareable('s-culture-en'))).field).to.equal('shareables[1].url');
      expect((await adapter.shareable('s-industry-fr'))?.id).to.equal('s-industry-fr');
    });
  });

  it('drops a bad person, share and acknowledgment one by one, naming each', async () => {
    const seed = conformanceSeed();
    seed.people![1]!.displayName = '';
    seed.shares![0]!.network = 'myspace' as never;
    seed.acknowledgments![4]!.at = 'yesterday';
    const logged = await consoleErrors(async () => {
      const adapter = memory(seed);
      const board = await adapter.leaderboard({ period: 'all', scope: 'people' });
      expect(board.entries.some((entry) => entry.id === 'p-bob')).to.equal(true);
      expect(await adapter.acknowledgment('p-bob')).to.equal(undefined);
    });
    expect(logged).to.deep.equal([
      'Relais: people[1].displayName: must not be empty — item dropped',
      'Relais: shares[0].network: expected one of "linkedin", "x", "facebook", "mastodon", "bluesky", "threads", "whatsapp", "telegram", "teams", "email", "copy", "native" — item dropped',
      'Relais: acknowledgments[4].at: must be an ISO 8601 date or date-time — item dropped',
    ]);
  });

  it('fails only charter() for an invalid charter, naming the field', async () => {
    const seed = conformanceSeed();
    seed.charter.version = 0;
    const adapter = memory(seed);
    expect((await rejection(adapter.charter())).field).to.equal('charter.version');
    expect((await adapter.shareables()).items).to.have.length(7);
    expect((await adapter.guardPolicy()).rules).to.have.length(2);
    expect((await adapter.viewer()).id).to.equal('p-viewer');
  });

  it('fails only guardPolicy() for an invalid guard policy, naming the field', async () => {
    const seed = conformanceSeed();
    seed.guardPolicy = { version: 1, rules: [{ id: 'r', kind: 'regex' } as never] };
    const adapter = memory(seed);
    expect((await rejection(adapter.guardPolicy())).field).to.equal('guardPolicy.rules[0].kind');
    expect((await adapter.charter()).id).to.equal('charter-2026');
    expect((await adapter.shareables()).items).to.have.length(7);
  });

  it('fails every read of a document that is not an object, naming no field', async () => {
    const adapter = memory(42 as never);
    expect((await rejection(adapter.charter())).field).to.equal('');
    expect((await rejection(adapter.shareables())).field).to.equal('');
  });

  it('keeps exactly the valid items of any mix of good and bad shareables (property)', async () => {
    const corruptions: ((item: Record<string, unknown>) => void)[] = [
      (item) => (item.url = 'javascript:alert(1)'),
      (item) => delete item.title,
      (item) => (item.category = 'sports'),
      (item) => (item.publishedAt = 'soon'),
      (item) => (item.points = -1),
    ];
    await fc.assert(
      fc.asyncProperty(fc.array(fc.option(fc.nat(corruptions.length - 1), { nil: undefined }), { minLength: 8, maxLength: 8 }), async (plan) => {
        const seed = conformanceSeed();
        seed.shareables!.forEach((item, index) => {
          const corruption = plan[index];
          if (corruption !== undefined) corruptions[corruption]!(item);
        });
        const reported: string[] = [];
        let listed: string[] = [];
        await consoleErrors(async () => {
          const adapter = memory(seed, (error) => reported.push(error.field));
          listed = (await adapter.shareables({ limit: 50 })).items.map((item) => item.id);
        });
        const valid = seed.shareables!.filter((_, index) => plan[index] === undefined).map((item) => item.id);
        expect(listed.sort()).to.deep.equal(LIVE.filter((id) => valid.includes(id)).sort());
        expect(reported.map((field) => /^shareables\[(\d+)\]/.exec(field)?.[1])).to.deep.equal(
          plan.flatMap((corruption, index) => (corruption === undefined ? [] : [String(index)])),
        );
      }),
      { numRuns: 40 },
    );
  });

  it('StaticAdapter reports a dropped item through onInvalidItem, replaying it to a listener added later', async () => {
    const seed = conformanceSeed();
    seed.shareables![3]!.imageUrl = 'data:image/png;base64,AAAA';
    const fromOption: string[] = [];
    const fromHook: string[] = [];
    await consoleErrors(async () => {
      const adapter = new StaticAdapter({
        src: 'https://content.example.com/advocacy.json',
        fetch: async () => new Response(JSON.stringify(seed)),
        viewer,
        now,
        storage: new StorageStub(),
        onInvalidItem: (error) => fromOption.push(error.field),
      });
      expect((await adapter.shareables()).items).to.have.length(6);
      adapter.onInvalidItem((error) => fromHook.push(error.field));
    });
    expect(fromOption).to.deep.equal(['shareables[3].imageUrl']);
    expect(fromHook).to.deep.equal(['shareables[3].imageUrl']);
  });
});

describe('invalid items from a third-party adapter', () => {
  const item = (id: string, url = `https://example.com/${id}`) => ({ id, title: id, url, category: 'culture', text: { default: 'Hello' }, lang: 'en', publishedAt: '2026-11-01' });
  const thirdParty = (items: unknown[]) => ({ shareables: async () => ({ items }) }) as unknown as AdvocacyAdapter;

  it('validatingAdapter drops the bad item of a page and reports it, with the others served', async () => {
    const reported: RelaisDataError[] = [];
    let ids: string[] = [];
    const logged = await consoleErrors(async () => {
      const validating = validatingAdapter(thirdParty([item('a'), item('b', 'javascript:alert(1)'), item('c')]));
      validating.onInvalidItem!((error) => reported.push(error));
      ids = (await validating.shareables()).items.map((shareable) => shareable.id);
      await validating.shareables();
    });
    expect(ids).to.deep.equal(['a', 'c']);
    expect(reported.map((error) => [error.entity, error.field])).to.deep.equal([['shareables', 'items[1].url']]);
    expect(logged).to.deep.equal(['Relais: shareables items[1].url: must be an http or https URL — item dropped']);
  });

  it('a client keeps every dropped item in $warnings, with severity "warning"', async () => {
    const seed = conformanceSeed();
    seed.shareables![1]!.url = 'javascript:alert(1)';
    await consoleErrors(async () => {
      const client = new RelaisClient(memory(seed));
      expect(client.$warnings.get()).to.have.length(1);
      const [warning] = client.$warnings.get();
      expect(warning).to.include({ code: 'invalid-data', severity: 'warning', field: 'shareables[1].url' });
      expect(warning!.message).to.contain('shareables[1].url');

      const other = new RelaisClient(thirdParty([item('a'), item('b', 'ftp://example.com/b')]));
      const unsubscribe = other.shareables().subscribe(() => {});
      await waitUntil(() => other.$warnings.get().length === 1, 'no warning reached the client');
      unsubscribe();
      expect(other.$warnings.get()[0]).to.include({ severity: 'warning', field: 'items[1].url' });
    });
  });
});
