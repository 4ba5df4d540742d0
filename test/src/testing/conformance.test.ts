import { expect } from '@open-wc/testing';
import { MemoryAdapter } from '../../../src/adapters/memory-adapter.js';
import type { AdvocacyAdapter } from '../../../src/adapters/types.js';
import { randomUUID } from '../../../src/adapters/browser-storage.js';
import { describeAdapterConformance, type AdapterFactory } from '../../../src/testing/index.js';
import { StorageStub } from '../adapters/storage-stub.js';

interface CollectedTest {
  title: string;
  run: () => Promise<void>;
}

/** Declares the suite with a collecting describe/it, so that a test can run it and look at the outcome. */
function collectConformance(makeAdapter: AdapterFactory): CollectedTest[] {
  const tests: CollectedTest[] = [];
  const path: string[] = [];
  describeAdapterConformance('under test', makeAdapter, {
    describe: (title, body) => {
      path.push(title);
      body();
      path.pop();
    },
    it: (title, run) => tests.push({ title: [...path.slice(1), title].join(' > '), run }),
  });
  return tests;
}

/** Titles of the conformance tests that fail for this adapter. */
async function failingTests(makeAdapter: AdapterFactory): Promise<string[]> {
  const failing: string[] = [];
  for (const test of collectConformance(makeAdapter)) {
    try {
      await test.run();
    } catch {
      failing.push(test.title);
    }
  }
  return failing;
}

const memory: AdapterFactory = (seed, { viewer, now }) => new MemoryAdapter({ data: seed, viewer, now, storage: new StorageStub() });

/** A MemoryAdapter with some methods replaced, to stand for a broken third-party adapter. */
function brokenMemory(override: (inner: AdvocacyAdapter) => Partial<AdvocacyAdapter>): AdapterFactory {
  return async (seed, context) => {
    const inner = await memory(seed, context);
    const delegate: AdvocacyAdapter = {
      viewer: () => inner.viewer(),
      shareables: (query) => inner.shareables(query),
      shareable: (id) => inner.shareable(id),
      recordShare: (event) => inner.recordShare(event),
      charter: () => inner.charter(),
      acknowledgment: (viewerId) => inner.acknowledgment(viewerId),
      acknowledge: (ack) => inner.acknowledge(ack),
      leaderboard: (query) => inner.leaderboard(query),
      guardPolicy: () => inner.guardPolicy(),
    };
    return { ...delegate, ...override(inner) };
  };
}

describe('describeAdapterConformance', () => {
  it('declares its tests with the describe and it it is given', () => {
    const titles = collectConformance(memory).map((test) => test.title);
    expect(titles.length).to.be.greaterThan(30);
    expect(titles).to.include('leaderboard > ranks people by points, ties sharing a rank (competition ranking)');
  });

  it('passes a conforming adapter', async () => {
    expect(await failingTests(memory)).to.deep.equal([]);
  });

  it('fails an adapter that records a repeated share event twice', async () => {
    const failing = await failingTests(
      brokenMemory((inner) => ({ recordShare: (event) => inner.recordShare({ ...event, id: randomUUID() }) })),
    );
    expect(failing).to.deep.equal(['shares > is idempotent on the event id: recording the same event again counts it once']);
  });

  it('fails an adapter that ranks ties apart', async () => {
    const failing = await failingTests(
      brokenMemory((inner) => ({
        leaderboard: async (query) => {
          const board = await inner.leaderboard(query);
          return { ...board, entries: board.entries.map((entry, index) => ({ ...entry, rank: index + 1 })) };
        },
      })),
    );
    expect(failing).to.include('leaderboard > ranks people by points, ties sharing a rank (competition ranking)');
    expect(failing).to.include('leaderboard > counts only the current calendar month (UTC)');
  });

  it('fails an adapter that names opted-out people', async () => {
    const failing = await failingTests(
      brokenMemory((inner) => ({
        leaderboard: async (query) => {
          const board = await inner.leaderboard(query);
          return { ...board, entries: board.entries.map((entry) => (entry.anonymous ? { ...entry, displayName: 'Léo Hidden' } : entry)) };
        },
      })),
    );
    expect(failing).to.include('leaderboard > shows opted-out and unknown people anonymously: no id, name or team of theirs');
  });

  it('fails an adapter whose pages ignore the cursor', async () => {
    const failing = await failingTests(
      brokenMemory((inner) => ({ shareables: async (query) => inner.shareables({ ...query, cursor: undefined }) })),
    );
    expect(failing).to.include('shareables > walks every page with a small limit: all items once, in order, no nextCursor at the end');
  });

  it('fails an adapter that returns expired items', async () => {
    const failing = await failingTests(async (seed, context) => {
      const withoutExpiry = { ...seed, shareables: seed.shareables!.map(({ expiresAt: _expiresAt, ...item }) => item) };
      return memory(withoutExpiry, context);
    });
    expect(failing).to.include('shareables > lists unexpired items only, newest publishedAt first');
  });

  it('fails an adapter that silently drops bad items instead of reporting them', async () => {
    const failing = await failingTests(async (seed, context) => {
      const valid = { ...seed, shareables: seed.shareables!.filter((item) => item.url.startsWith('https:')) };
      return memory(valid, context);
    });
    expect(failing).to.deep.equal(['validation of bad data > rejects a shareable whose url is not http(s), naming the field']);
  });

  it('throws a clear TypeError when no describe() is available', () => {
    const globals = globalThis as unknown as { describe: unknown };
    const saved = globals.describe;
    globals.describe = undefined;
    try {
      expect(() => describeAdapterConformance('x', memory)).to.throw(TypeError, /describe\(\) and it\(\)/);
    } finally {
      globals.describe = saved;
    }
  });
});
