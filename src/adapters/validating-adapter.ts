import * as z from 'zod/mini';
import {
  AcknowledgmentSchema,
  CharterSchema,
  GuardPolicySchema,
  LeaderboardQuerySchema,
  LeaderboardSchema,
  pageSchema,
  parseOrThrow,
  ShareableSchema,
  ShareablesQuerySchema,
  ShareEventSchema,
  ViewerSchema,
} from '../model/index.js';
import type { AdvocacyAdapter } from './types.js';

const ShareablePageSchema = pageSchema(ShareableSchema);
const IdSchema = z.string().check(z.minLength(1, 'must not be empty'));

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
 * whose `field` names the offending path. It never throws synchronously. Wrapping an adapter
 * that is already wrapped returns it unchanged.
 */
export function validatingAdapter(adapter: AdvocacyAdapter): AdvocacyAdapter {
  if (validatingAdapters.has(adapter)) return adapter;
  const validating: AdvocacyAdapter = {
    async viewer() {
      return parseOrThrow(ViewerSchema, await adapter.viewer(), 'viewer');
    },
    async shareables(query) {
      const checked = parseOrThrow(z.optional(ShareablesQuerySchema), query, 'shareables query');
      return parseOrThrow(ShareablePageSchema, await adapter.shareables(checked), 'shareables');
    },
    async shareable(id) {
      const checked = parseOrThrow(IdSchema, id, 'shareable id');
      return parseOrThrow(z.optional(ShareableSchema), await adapter.shareable(checked), 'shareable');
    },
    async recordShare(event) {
      await adapter.recordShare(parseOrThrow(ShareEventSchema, event, 'share event'));
    },
    async charter() {
      return parseOrThrow(CharterSchema, await adapter.charter(), 'charter');
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
      return parseOrThrow(LeaderboardSchema, await adapter.leaderboard(checked), 'leaderboard');
    },
    async guardPolicy() {
      return parseOrThrow(GuardPolicySchema, await adapter.guardPolicy(), 'guard policy');
    },
  };
  validatingAdapters.add(validating);
  return validating;
}

/** Whether `adapter` was made by {@link validatingAdapter}. */
export function isValidatingAdapter(adapter: AdvocacyAdapter): boolean {
  return validatingAdapters.has(adapter);
}
