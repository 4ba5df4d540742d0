import { expect } from '@open-wc/testing';
import { MemoryAdapter } from '../../../src/adapters/memory-adapter.js';
import type { AdvocacyAdapter } from '../../../src/adapters/types.js';
import { randomUUID } from '../../../src/client/browser-storage.js';
import { DataDocumentSchema, issuesToError, RelaisDataError } from '../../../src/model/index.js';
import type { Acknowledgment, Charter, DataDocumentInput, GuardPolicy, Shareable, ShareEvent } from '../../../src/model/index.js';
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

/** The conformance tests that fail for this adapter, by title, with their failure messages. */
async function failures(makeAdapter: AdapterFactory): Promise<Map<string, string>> {
  const failing = new Map<string, string>();
  for (const test of collectConformance(makeAdapter)) {
    try {
      await test.run();
    } catch (error) {
      failing.set(test.title, error instanceof Error ? error.message : String(error));
    }
  }
  return failing;
}

/** Titles of the conformance tests that fail for this adapter. */
async function failingTests(makeAdapter: AdapterFactory): Promise<string[]> {
  return [...(await failures(makeAdapter)).keys()];
}

const memory: AdapterFactory = (seed, { viewer, now }) => new MemoryAdapter({ data: seed, viewer, now, storage: new StorageStub() });

/** An adapter whose every method calls the one `current()` gives at the time of the call. */
function delegating(current: () => AdvocacyAdapter): AdvocacyAdapter {
  return {
    viewer: () => current().viewer(),
    shareables: (query) => current().shareables(query),
    shareable: (id) => current().shareable(id),
    recordShare: (event) => current().recordShare(event),
    charter: () => current().charter(),
    acknowledgment: (viewerId) => current().acknowledgment(viewerId),
    acknowledge: (ack) => current().acknowledge(ack),
    leaderboard: (query) => current().leaderboard(query),
    guardPolicy: () => current().guardPolicy(),
    onInvalidItem: (listener) => current().onInvalidItem?.(listener) ?? (() => {}),
  };
}

/** A MemoryAdapter with some methods replaced, to stand for a broken third-party adapter. */
function brokenMemory(override: (inner: AdvocacyAdapter) => Partial<AdvocacyAdapter>): AdapterFactory {
  return async (seed, context) => {
    const inner = await memory(seed, context);
    return { ...delegating(() => inner), ...override(inner) };
  };
}

/**
 * A naive adapter that keeps its writes in a list and rebuilds a MemoryAdapter from the seed
 * and the writes on every call, merging them as `merge` says (e.g. the last write of an id wins).
 */
function rebuilding(merge: {
  shares?: (seeded: ShareEvent[], written: ShareEvent[]) => ShareEvent[];
  acknowledgments?: (seeded: Acknowledgment[], written: Acknowledgment[]) => Acknowledgment[];
}): AdapterFactory {
  return (seed, context) => {
    const shares: ShareEvent[] = [];
    const acknowledgments: Acknowledgment[] = [];
    const current = () =>
      memory(
        {
          ...seed,
          shares: (merge.shares ?? ((a, b) => [...a, ...b]))(seed.shares ?? [], shares),
          acknowledgments: (merge.acknowledgments ?? ((a, b) => [...a, ...b]))(seed.acknowledgments ?? [], acknowledgments),
        },
        context,
      ) as AdvocacyAdapter;
    return {
      ...delegating(current),
      recordShare: async (event) => void shares.push(structuredClone(event)),
      acknowledge: async (ack) => void acknowledgments.push(structuredClone(ack)),
    };
  };
}

/** Each key once, its last occurrence winning (an upsert). */
function lastWins<T>(items: T[], key: (item: T) => string): T[] {
  return [...new Map(items.map((item) => [key(item), item])).values()];
}
const ackKey = (ack: Acknowledgment) => JSON.stringify([ack.viewerId, ack.charterId, ack.version]);

/** An adapter that keeps every acknowledgment, duplicates included, and picks one by version, then by `at`. */
function keepingDuplicateAcknowledgments(prefer: 'latest' | 'earliest'): AdapterFactory {
  return async (seed, context) => {
    const inner = await memory(seed, context);
    const all = [...(seed.acknowledgments ?? [])];
    return {
      ...delegating(() => inner),
      acknowledge: async (ack) => void all.push(structuredClone(ack)),
      acknowledgment: async (viewerId) => {
        const { id: charterId } = await inner.charter();
        const sign = prefer === 'latest' ? -1 : 1;
        return all
          .filter((ack) => ack.viewerId === viewerId && ack.charterId === charterId)
          .sort((a, b) => b.version - a.version || sign * (Date.parse(a.at) - Date.parse(b.at)))[0];
      },
    };
  };
}

/** The seed with its bad values repaired, the way a lenient adapter might make do with them. */
function repaired(seed: DataDocumentInput): DataDocumentInput {
  const copy = structuredClone(seed);
  copy.shareables = copy.shareables?.map((item) => ({
    ...item,
    title: item.title ?? 'Untitled',
    url: /^https?:/.test(item.url) ? item.url : 'https://example.com/repaired',
  }));
  const { charter } = copy;
  if ((charter.minAcknowledgedVersion ?? 1) > charter.version) charter.minAcknowledgedVersion = charter.version;
  for (const rule of copy.guardPolicy?.rules ?? []) {
    const pattern = rule as { flags?: string };
    if (pattern.flags !== undefined && !/^[imsu]*$/.test(pattern.flags)) delete pattern.flags;
  }
  copy.acknowledgments = copy.acknowledgments?.map((ack) => (Number.isNaN(Date.parse(ack.at)) ? { ...ack, at: '2026-01-01T00:00:00Z' } : ack));
  return copy;
}

/**
 * An adapter that never validates its source: it works from a repaired copy but hands out the
 * source's own objects, bad values included (a REST adapter returning the server's JSON as it is).
 */
const lenient: AdapterFactory = async (seed, context) => {
  const inner = await memory(repaired(seed), context);
  const source = structuredClone(seed);
  const sourceItem = (id: string) => source.shareables?.find((item) => item.id === id) as Shareable | undefined;
  return {
    ...delegating(() => inner),
    shareables: async (query) => {
      const page = await inner.shareables(query);
      return { ...page, items: page.items.map((item) => sourceItem(item.id)!) };
    },
    shareable: async (id) => sourceItem(id),
    charter: async () => source.charter as Charter,
    guardPolicy: async () => (source.guardPolicy as GuardPolicy | undefined) ?? inner.guardPolicy(),
    acknowledgment: async (viewerId) => {
      const ack = await inner.acknowledgment(viewerId);
      return ack && (source.acknowledgments?.find((candidate) => ackKey(candidate) === ackKey(ack)) ?? ack);
    },
  };
};

const BAD_DATA =
  'bad data in the source: refused by the read, left out and reported, or returned unchanged for validatingAdapter to stop; never silently dropped or repaired, never taking the rest down';
const badData = (title: string) => `${BAD_DATA} > ${title}`;
const ALL_BAD_DATA = [
  'a shareable whose url is not http(s)',
  'a shareable without its title',
  'a charter whose minAcknowledgedVersion exceeds its version',
  'a guard policy rule with a regexp flag it may not set',
  'an acknowledgment whose date is not a date',
].map(badData);

describe('describeAdapterConformance', () => {
  it('declares its tests with the describe and it it is given', () => {
    const titles = collectConformance(memory).map((test) => test.title);
    expect(titles.length).to.be.greaterThan(30);
    expect(titles).to.include('leaderboard > ranks people by points, ties sharing a rank (competition ranking)');
    expect(titles).to.include.members(ALL_BAD_DATA);
  });

  it('passes a conforming adapter', async () => {
    expect(await failingTests(memory)).to.deep.equal([]);
  });

  describe('outputs', () => {
    it('fails an adapter that returns a javascript: URL for a good item, naming the field', async () => {
      const failing = await failures(
        brokenMemory((inner) => ({
          shareables: async (query) => {
            const page = await inner.shareables(query);
            return { ...page, items: page.items.map((item, index) => (index === 0 ? { ...item, url: 'javascript:alert(1)' } : item)) };
          },
          shareable: async (id) => {
            const item = await inner.shareable(id);
            return item && { ...item, url: 'javascript:alert(1)' };
          },
        })),
      );
      expect(failing.get('shareables > lists unexpired items only, newest publishedAt first, each as the source holds it')).to.match(
        /^shareables\(\) returned invalid data at "items\[0\]\.url": items\[0\]\.url: must be an http or https URL/,
      );
      expect(failing.get('shareables > returns one shareable by id as the source holds it, and undefined for an unknown id')).to.match(
        /^shareable\("s-culture-en"\) returned invalid data at "url"/,
      );
      expect(failing.get('shareables > filters by category')).to.contain('"items[0].url"');
    });

    it('fails an adapter that drops a required field from a shareable, naming the field', async () => {
      const failing = await failures(
        brokenMemory((inner) => ({
          shareables: async (query) => {
            const page = await inner.shareables(query);
            return { ...page, items: page.items.map(({ text: _text, ...item }) => item as Shareable) };
          },
          shareable: async (id) => {
            const item = await inner.shareable(id);
            if (!item) return undefined;
            const { title: _title, ...rest } = item;
            return rest as Shareable;
          },
        })),
      );
      expect(failing.get('shareables > lists unexpired items only, newest publishedAt first, each as the source holds it')).to.contain('at "items[0].text"');
      expect(failing.get('shareables > returns one shareable by id as the source holds it, and undefined for an unknown id')).to.contain('at "title"');
    });

    it('fails an adapter that drops optional fields the source holds', async () => {
      const failing = await failingTests(
        brokenMemory((inner) => ({
          shareables: async (query) => {
            const page = await inner.shareables(query);
            return { ...page, items: page.items.map(({ summary: _summary, ...item }) => item) };
          },
          shareable: async (id) => {
            const item = await inner.shareable(id);
            if (!item) return undefined;
            const { summary: _summary, ...rest } = item;
            return rest;
          },
          charter: async () => {
            const { changeNote: _changeNote, ...charter } = await inner.charter();
            return charter;
          },
          guardPolicy: async () => ({ ...(await inner.guardPolicy()), disclosure: undefined, rules: [] }),
        })),
      );
      expect(failing).to.deep.equal([
        'shareables > lists unexpired items only, newest publishedAt first, each as the source holds it',
        'shareables > returns one shareable by id as the source holds it, and undefined for an unknown id',
        'charter and acknowledgments > returns the charter as the source holds it, with defaults filled in',
        "guard policy > returns the document's guard policy as the source holds it",
      ]);
    });

    it('fails an adapter that changes what the source holds', async () => {
      const failing = await failingTests(
        brokenMemory((inner) => ({
          shareable: async (id) => {
            const item = await inner.shareable(id);
            return item && { ...item, text: { default: item.text.default } };
          },
        })),
      );
      expect(failing).to.deep.equal(['shareables > returns one shareable by id as the source holds it, and undefined for an unknown id']);
    });
  });

  describe('shareables', () => {
    it('fails an adapter whose pages ignore the cursor', async () => {
      const failing = await failingTests(
        brokenMemory((inner) => ({ shareables: async (query) => inner.shareables({ ...query, cursor: undefined }) })),
      );
      expect(failing).to.include('shareables > walks every page with a small limit: all items once, in order, no nextCursor at the end');
    });

    it('fails an adapter that ignores the limit', async () => {
      const failing = await failingTests(
        brokenMemory((inner) => ({ shareables: async ({ limit: _limit, ...query } = {}) => inner.shareables(query) })),
      );
      expect(failing).to.include('shareables > walks every page with a small limit: all items once, in order, no nextCursor at the end');
      expect(failing).to.include('shareables > paginates a filtered listing');
    });

    it('fails an adapter that returns everything on one page when no limit is given', async () => {
      const failing = await failingTests(
        brokenMemory((inner) => ({ shareables: async (query = {}) => inner.shareables({ limit: 1000, ...query }) })),
      );
      expect(failing).to.deep.equal(['shareables > returns up to 20 items on one page by default, with nextCursor only when more remain']);
    });

    it('fails an adapter that ignores the filters', async () => {
      const failing = await failingTests(
        brokenMemory((inner) => ({ shareables: async ({ category: _category, lang: _lang, ...query } = {}) => inner.shareables(query) })),
      );
      expect(failing).to.include.members([
        'shareables > filters by category',
        'shareables > filters by base language: "fr" matches "fr", "fr-FR" and "fr-CA"',
        'shareables > combines the category and language filters',
        'shareables > paginates a filtered listing',
      ]);
    });

    it('fails an adapter that returns expired items', async () => {
      const failing = await failingTests(async (seed, context) => {
        const withoutExpiry = { ...seed, shareables: seed.shareables!.map(({ expiresAt: _expiresAt, ...item }) => item) };
        return memory(withoutExpiry, context);
      });
      expect(failing).to.include('shareables > lists unexpired items only, newest publishedAt first, each as the source holds it');
    });
  });

  describe('writes', () => {
    it('fails an adapter that records a repeated share event twice', async () => {
      const failing = await failingTests(
        brokenMemory((inner) => ({ recordShare: (event) => inner.recordShare({ ...event, id: randomUUID() }) })),
      );
      expect(failing).to.deep.equal([
        'shares > is idempotent on the event id: a retry with another network and time counts once and changes nothing',
        'shares > is idempotent on the event id for seeded history too: the seeded event stands',
      ]);
    });

    it('fails an adapter whose repeated share event overwrites the first (the last write wins)', async () => {
      const failing = await failingTests(rebuilding({ shares: (seeded, written) => lastWins([...seeded, ...written], (event) => event.id) }));
      expect(failing).to.deep.equal([
        'shares > is idempotent on the event id: a retry with another network and time counts once and changes nothing',
        'shares > is idempotent on the event id for seeded history too: the seeded event stands',
      ]);
    });

    it('passes a rebuilding adapter whose first write of an id wins', async () => {
      const firstWins = <T>(items: T[], key: (item: T) => string) => lastWins([...items].reverse(), key).reverse();
      const failing = await failingTests(
        rebuilding({
          shares: (seeded, written) => firstWins([...seeded, ...written], (event) => event.id),
          acknowledgments: (seeded, written) => firstWins([...seeded, ...written], ackKey),
        }),
      );
      expect(failing).to.deep.equal([]);
    });

    it('fails an adapter whose repeated acknowledgment overwrites the first', async () => {
      const failing = await failingTests(rebuilding({ acknowledgments: (seeded, written) => lastWins([...seeded, ...written], ackKey) }));
      expect(failing).to.deep.equal(['charter and acknowledgments > is idempotent on (viewerId, charterId, version): the first acknowledgment of a key wins']);
    });

    it('fails an adapter that keeps repeated acknowledgments, whichever copy it returns', async () => {
      for (const prefer of ['latest', 'earliest'] as const) {
        const failing = await failingTests(keepingDuplicateAcknowledgments(prefer));
        expect(failing, prefer).to.deep.equal(['charter and acknowledgments > is idempotent on (viewerId, charterId, version): the first acknowledgment of a key wins']);
      }
    });
  });

  describe('leaderboard', () => {
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
      expect(failing).to.include('leaderboard > counts only the current calendar quarter and year (UTC)');
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
      expect(failing).to.include('leaderboard > shows opted-out and unknown people anonymously: no id, name or team of theirs anywhere it returns');
    });

    it('fails an adapter that leaks an opted-out person in a field the schemas would strip', async () => {
      const failing = await failingTests(
        brokenMemory((inner) => ({
          leaderboard: async (query) => {
            const board = await inner.leaderboard(query);
            return { ...board, entries: board.entries.map((entry) => (entry.anonymous ? { ...entry, personId: 'p-chloe' } : entry)) };
          },
        })),
      );
      expect(failing).to.deep.equal(['leaderboard > shows opted-out and unknown people anonymously: no id, name or team of theirs anywhere it returns']);
    });

    it('fails an adapter that counts the whole history for a quarter', async () => {
      const failing = await failingTests(
        brokenMemory((inner) => ({
          leaderboard: async (query) => {
            const board = await inner.leaderboard({ ...query, period: query.period === 'quarter' ? 'all' : query.period });
            return { ...board, period: query.period };
          },
        })),
      );
      expect(failing).to.deep.equal(['leaderboard > counts only the current calendar quarter and year (UTC)']);
    });

    it('fails an adapter that ignores the leaderboard limit', async () => {
      const failing = await failingTests(
        brokenMemory((inner) => ({ leaderboard: async ({ limit: _limit, ...query }) => inner.leaderboard(query) })),
      );
      expect(failing).to.deep.equal(["leaderboard > keeps the top N rows and pins the viewer's row after them, once, when it falls outside"]);
    });

    it("fails an adapter that appends the viewer's row even when it is among the top rows", async () => {
      const failing = await failingTests(
        brokenMemory((inner) => ({
          leaderboard: async ({ limit, ...query }) => {
            const board = await inner.leaderboard(query);
            if (limit === undefined) return board;
            const mine = board.entries.filter((entry) => entry.isViewer);
            return { ...board, entries: [...board.entries.slice(0, limit), ...mine] };
          },
        })),
      );
      expect(failing).to.deep.equal(["leaderboard > keeps the top N rows and pins the viewer's row after them, once, when it falls outside"]);
    });
  });

  describe('bad data in the source', () => {
    it('passes an adapter that does not validate its source but returns it unchanged, for validatingAdapter to reject', async () => {
      expect(await failingTests(lenient)).to.deep.equal([]);
    });

    it('fails an adapter that repairs bad data silently', async () => {
      const repairing: AdapterFactory = (seed, context) => memory(repaired(seed), context);
      expect(await failingTests(repairing)).to.deep.equal(ALL_BAD_DATA);
    });

    it('fails an adapter that silently drops bad items instead of reporting them', async () => {
      const failing = await failures(async (seed, context) => {
        const valid = { ...seed, shareables: seed.shareables!.filter((item) => /^https?:/.test(item.url) && item.title !== undefined) };
        return memory(valid, context);
      });
      expect([...failing.keys()]).to.deep.equal([badData('a shareable whose url is not http(s)'), badData('a shareable without its title')]);
      expect(failing.get(badData('a shareable whose url is not http(s)'))).to.contain('neither refused it with a RelaisDataError nor returned it unchanged');
    });

    it('fails an adapter that returns bad data changed into other bad data', async () => {
      const failing = await failingTests(async (seed, context) => {
        const adapter = await lenient(seed, context);
        return {
          ...adapter,
          shareables: async (query) => {
            const page = await adapter.shareables(query);
            return { ...page, items: page.items.map((item) => (/^https?:/.test(item.url) ? item : { ...item, url: 'about:blank', id: item.id })) };
          },
        };
      });
      expect(failing).to.deep.equal([badData('a shareable whose url is not http(s)')]);
    });

    it('fails an adapter that refuses bad data without a RelaisDataError naming the field', async () => {
      // It checks the whole source when it is made, as Relais's own adapters did before they read it part by part.
      const refusing = (error: () => Error): AdapterFactory => async (seed, context) => {
        if (!DataDocumentSchema.safeParse(seed).success) throw error();
        return memory(seed, context);
      };
      expect(await failingTests(refusing(() => new Error('Bad data')))).to.deep.equal(ALL_BAD_DATA);
      expect(await failingTests(refusing(() => new RelaisDataError('data document', '', ['(value): bad'])))).to.deep.equal(ALL_BAD_DATA);
    });

    it('fails an adapter that refuses the whole source for one bad value, even naming the field', async () => {
      const failing = await failures(async (seed, context) => {
        const whole = DataDocumentSchema.safeParse(seed);
        if (!whole.success) throw issuesToError('data document', whole.error);
        return memory(seed, context);
      });
      expect([...failing.keys()]).to.deep.equal(ALL_BAD_DATA);
      expect(failing.get(badData('a shareable whose url is not http(s)'))).to.contain('creating the adapter failed').and.contain('not the whole source');
    });

    it('fails an adapter that refuses a whole listing for one bad item', async () => {
      const failing = await failures(
        brokenMemory((inner) => ({
          shareables: async (query) => {
            const page = await inner.shareables(query);
            if (page.items.length < 7 && query === undefined) throw new RelaisDataError('shareables', 'items[1].url', ['items[1].url: must be an http or https URL']);
            return page;
          },
        })),
      );
      expect([...failing.keys()]).to.deep.equal([badData('a shareable whose url is not http(s)'), badData('a shareable without its title')]);
      expect(failing.get(badData('a shareable whose url is not http(s)'))).to.contain('shareables() failed');
    });

    it('fails an adapter whose bad charter takes its shareables down', async () => {
      const failing = await failures(
        brokenMemory((inner) => ({
          shareables: async (query) => {
            await inner.charter();
            return inner.shareables(query);
          },
        })),
      );
      expect([...failing.keys()]).to.deep.equal([badData('a charter whose minAcknowledgedVersion exceeds its version')]);
    });

    it('fails an adapter that leaves a bad item out but reports it without naming the field', async () => {
      const failing = await failingTests(async (seed, context) => {
        const inner = await memory(seed, context);
        return {
          ...delegating(() => inner),
          onInvalidItem: (listener: (error: RelaisDataError) => void) => inner.onInvalidItem!((error) => listener(new RelaisDataError(error.entity, '', error.problems))),
        };
      });
      expect(failing).to.deep.equal([badData('a shareable whose url is not http(s)'), badData('a shareable without its title'), badData('an acknowledgment whose date is not a date')]);
    });
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
