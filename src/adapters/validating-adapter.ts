import * as z from 'zod/mini';
import {
  AcknowledgmentSchema,
  CharterSchema,
  issuesToError,
  LeaderboardQuerySchema,
  parseOrThrow,
  ShareableSchema,
  ShareablesQuerySchema,
  ShareEventSchema,
  ViewerSchema,
} from '../model/index.js';
import type { Leaderboard, Page, Shareable } from '../model/index.js';
import { InvalidItemReporter, type InvalidItemListener } from './invalid-items.js';
import { answeringAdapter, outputIsTrusted } from './trust.js';
import type { AdvocacyAdapter } from './types.js';

/** A page as a whole; its items are parsed one by one, so that one bad item is dropped, not the page. */
const PageShapeSchema = z.object({ items: z.array(z.unknown()), nextCursor: z.optional(z.string()) });
const IdSchema = z.string().check(z.minLength(1, 'must not be empty'));

/** The leaderboard's parse, imported on a page's first reading of a board (a page without a leaderboard never needs it). */
let leaderboardParse: typeof import('../model/leaderboard-parse.js') | undefined;

/** Boards remembered per adapter, to reuse their unchanged entries when read again. */
const LAST_BOARDS_KEPT = 8;

/** Adapters returned by {@link validatingAdapter}, so that wrapping twice returns the same one. */
const validatingAdapters = new WeakSet<AdvocacyAdapter>();

/**
 * Wraps an adapter so that every value crossing it is parsed by the model's schemas: what it
 * returns (the data is untrusted: a `javascript:` URL or a missing field stops here), and what
 * is passed to it (queries, share events and acknowledgments, with their defaults filled in).
 *
 * Bad data makes the call's promise reject with a {@link RelaisDataError} whose `entity` says
 * what was read (`viewer`, `shareables`, `shareable`, `charter`, `acknowledgment`,
 * `leaderboard`, `guard policy`; `share event`, `shareables query`, `leaderboard query`…) and
 * whose `field` names the offending path — except in a listing: an invalid item of a
 * `shareables()` page is dropped, with one console error naming it
 * (`Relais: shareables items[2].url: must be an http or https URL — item dropped`), and told to
 * the wrapper's `onInvalidItem` listeners, which also hear what the wrapped adapter reports.
 * It never throws synchronously. Wrapping an adapter that is already wrapped returns it unchanged.
 *
 * What Relais's own `MemoryAdapter` and `StaticAdapter` return from their parsed document
 * (shareables, charter, guard policy) is taken as it is: they validated it when they read the
 * document, and parsing it again doubled the cost of a large one. Any other adapter — a
 * subclass of theirs or a wrapper around them included — is parsed.
 */
export function validatingAdapter(adapter: AdvocacyAdapter): AdvocacyAdapter {
  if (validatingAdapters.has(adapter)) return adapter;
  const reporter = new InvalidItemReporter();
  /** The last board read for each query, newest last: a page shows a few. */
  const lastBoards = new Map<string, Leaderboard>();
  /** Calls `method` on the adapter that answers, and says whether its output is trusted. */
  const call = async <T>(method: keyof AdvocacyAdapter, read: (source: AdvocacyAdapter) => Promise<T>): Promise<{ value: T; trusted: boolean }> => {
    const source = await answeringAdapter(adapter);
    return { value: await read(source), trusted: outputIsTrusted(source, method) };
  };
  const validating: AdvocacyAdapter = {
    async viewer() {
      return parseOrThrow(ViewerSchema, await adapter.viewer(), 'viewer');
    },
    async shareables(query) {
      const checked = parseOrThrow(z.optional(ShareablesQuerySchema), query, 'shareables query');
      const { value, trusted } = await call('shareables', (source) => source.shareables(checked));
      if (trusted) return value;
      const page = parseOrThrow(PageShapeSchema, value, 'shareables');
      const items: Shareable[] = [];
      page.items.forEach((item, index) => {
        const result = ShareableSchema.safeParse(item);
        if (result.success) items.push(result.data);
        else reporter.report(issuesToError('shareables', result.error, ['items', index]));
      });
      return { items, ...(page.nextCursor === undefined ? {} : { nextCursor: page.nextCursor }) } satisfies Page<Shareable>;
    },
    async shareable(id) {
      const checked = parseOrThrow(IdSchema, id, 'shareable id');
      const { value, trusted } = await call('shareable', (source) => source.shareable(checked));
      return trusted ? value : parseOrThrow(z.optional(ShareableSchema), value, 'shareable');
    },
    async recordShare(event) {
      await adapter.recordShare(parseOrThrow(ShareEventSchema, event, 'share event'));
    },
    async charter() {
      const { value, trusted } = await call('charter', (source) => source.charter());
      return trusted ? value : parseOrThrow(CharterSchema, value, 'charter');
    },
    async acknowledgment(viewerId) {
      const checked = parseOrThrow(IdSchema, viewerId, 'viewer id');
      return parseOrThrow(z.optional(AcknowledgmentSchema), await adapter.acknowledgment(checked), 'acknowledgment');
    },
    async acknowledge(ack) {
      await adapter.acknowledge(parseOrThrow(AcknowledgmentSchema, ack, 'acknowledgment'));
    },
    async leaderboard(query) {
      const checked = parseOrThrow(LeaderboardQuerySchema, query, 'leaderboard query');
      const key = JSON.stringify(checked);
      // The schema's rules, faster on big boards (src/model/leaderboard-parse.ts); the entries
      // that did not change since the last reading of the same board are the same objects.
      // Imported while the adapter answers; once here, a reading costs no extra step.
      const importing = leaderboardParse ? undefined : import('../model/leaderboard-parse.js');
      importing?.catch(() => {}); // its failure is thrown below, once the answer is here
      const answer = await adapter.leaderboard(checked);
      leaderboardParse ??= await importing!;
      const parsed = leaderboardParse.safeParseLeaderboard(answer, lastBoards.get(key));
      if (!parsed.success) throw issuesToError('leaderboard', parsed.error);
      lastBoards.delete(key);
      lastBoards.set(key, parsed.data);
      if (lastBoards.size > LAST_BOARDS_KEPT) lastBoards.delete(lastBoards.keys().next().value!);
      return parsed.data;
    },
    async guardPolicy() {
      const { value, trusted } = await call('guardPolicy', (source) => source.guardPolicy());
      if (trusted) return value;
      // A rule at a time, pausing between slices: a policy of thousands of terms would hold the
      // page. Imported when a policy is read: a page without a composer never needs it.
      const { parseGuardPolicyInSlices } = await import('../model/guard-policy-parse.js');
      return parseGuardPolicyInSlices(value);
    },
    onInvalidItem(listener: InvalidItemListener) {
      const removeOwn = reporter.listen(listener);
      let removeInner: (() => void) | undefined;
      try {
        removeInner = adapter.onInvalidItem?.(listener);
      } catch (error) {
        console.error('Relais: the adapter\'s onInvalidItem threw', error);
      }
      return () => {
        removeOwn();
        removeInner?.();
      };
    },
  };
  // The outbox's hooks carry no data from the source: forwarded as they are, when the adapter has them.
  if (adapter.onUnsynced) validating.onUnsynced = (listener) => adapter.onUnsynced!(listener);
  if (adapter.onWriteRefused) validating.onWriteRefused = (listener) => adapter.onWriteRefused!(listener);
  if (adapter.beforeSignOut) validating.beforeSignOut = (options) => adapter.beforeSignOut!(options);
  validatingAdapters.add(validating);
  return validating;
}

/** Whether `adapter` was made by {@link validatingAdapter}. */
export function isValidatingAdapter(adapter: AdvocacyAdapter): boolean {
  return validatingAdapters.has(adapter);
}
