/** Data documents: an import through the API, and the seed of tests and demos. */
import { AcknowledgmentSchema, PersonSchema, ShareEventSchema, type Acknowledgment, type DataDocument, type DataDocumentInput, type GuardPolicy } from '../../src/model/index.js';
import type { Database, Queryable } from '../db.js';
import { publishCharter, currentCharter, recordAcknowledgment } from './charters.js';
import { instant, type Json } from './common.js';
import { upsertPerson } from './people.js';
import { DEFAULT_GUARD_POLICY, putSetting } from './settings.js';
import { putShareable } from './shareables.js';
import { recordShare } from './shares.js';

export interface ImportCounts {
  shareables: number;
  people: number;
  shares: number;
  acknowledgments: number;
}

/**
 * Imports a validated data document: shareables and people are written (replacing those with
 * the same id), shares and acknowledgments added (the first recording of each stands), the
 * guard policy and tiers replaced, and the charter published unless the current one has the
 * same or a later version.
 */
export async function importDocument(tx: Queryable, document: DataDocument): Promise<ImportCounts> {
  for (const item of document.shareables) await putShareable(tx, item);
  for (const value of document.people) await upsertPerson(tx, value);
  let shares = 0;
  for (const event of document.shares) if (await recordShare(tx, event)) shares++;
  let acknowledgments = 0;
  for (const ack of document.acknowledgments) if (await recordAcknowledgment(tx, ack)) acknowledgments++;
  await putSetting(tx, 'guard-policy', document.guardPolicy satisfies GuardPolicy);
  await putSetting(tx, 'tiers', document.tiers);
  if (document.viewer) await putSetting(tx, 'document-viewer', document.viewer);
  const current = await currentCharter(tx);
  if (!current || document.charter.version > current.version || document.charter.id !== current.id) await publishCharter(tx, document.charter);
  return { shareables: document.shareables.length, people: document.people.length, shares, acknowledgments };
}

/** How many shares or acknowledgments one transaction of an import holds, by default. */
export const IMPORT_BATCH_SIZE = 500;

/** Where an import stands, after each batch: `done` of `total` rows (shares, then acknowledgments). */
export interface ImportProgress {
  done: number;
  total: number;
}

/**
 * Imports a validated data document in batches, each its own transaction: the shareables and
 * people first, then the shares and the acknowledgments `batchSize` at a time, then the guard
 * policy, tiers and charter. Between two batches the database answers other requests (PGlite has
 * one connection: one transaction for 200,000 shares held every read for minutes). What was
 * imported before a failure stays; importing the same document again completes it (shares and
 * acknowledgments are added once). Same counts as {@link importDocument}.
 */
export async function importInBatches(
  db: Database,
  document: DataDocument,
  options: { batchSize?: number; onProgress?: (progress: ImportProgress) => void } = {},
): Promise<ImportCounts> {
  const size = Math.max(1, options.batchSize ?? IMPORT_BATCH_SIZE);
  await db.transaction(async (tx) => {
    for (const item of document.shareables) await putShareable(tx, item);
    for (const value of document.people) await upsertPerson(tx, value);
  });
  const total = document.shares.length + document.acknowledgments.length;
  let done = 0;
  options.onProgress?.({ done, total });
  /** Records `items` in transactions of `size` (reads are answered between them), counting those added. */
  const inBatches = async <T>(items: readonly T[], record: (tx: Queryable, item: T) => Promise<boolean>): Promise<number> => {
    let added = 0;
    for (let start = 0; start < items.length; start += size) {
      const batch = items.slice(start, start + size);
      added += await db.transaction(async (tx) => {
        let inBatch = 0;
        for (const item of batch) if (await record(tx, item)) inBatch++;
        return inBatch;
      });
      done += batch.length;
      options.onProgress?.({ done, total });
    }
    return added;
  };
  const shares = await inBatches(document.shares, recordShare);
  const acknowledgments = await inBatches(document.acknowledgments, recordAcknowledgment);
  await db.transaction(async (tx) => {
    await putSetting(tx, 'guard-policy', document.guardPolicy satisfies GuardPolicy);
    await putSetting(tx, 'tiers', document.tiers);
    if (document.viewer) await putSetting(tx, 'document-viewer', document.viewer);
    const current = await currentCharter(tx);
    if (!current || document.charter.version > current.version || document.charter.id !== current.id) await publishCharter(tx, document.charter);
  });
  return { shareables: document.shareables.length, people: document.people.length, shares, acknowledgments };
}

/**
 * Replaces everything with `seed`, stored as given, the way a MemoryAdapter holds its data (the
 * test seam of `startServer({ seed })`): documents are kept as they are, bad values included,
 * so that the browser's schemas are what stops them; people, shares and acknowledgments that
 * cannot be stored at all (no id, no date) are left out, as MemoryAdapter leaves them out.
 */
export async function replaceWithSeed(db: Database, seed: DataDocumentInput): Promise<void> {
  const document = seed as unknown as Json;
  await db.transaction(async (tx) => {
    // The leaderboard's summaries last: the deletions before them bring them to zeros, cleared here.
    for (const table of ['idempotency_keys', 'acknowledgments', 'person_items', 'shares', 'charters', 'shareables', 'people', 'settings', 'person_periods', 'person_badges']) {
      await tx.query(`DELETE FROM ${table}`);
    }
    const list = (name: string): unknown[] => (Array.isArray(document[name]) ? (document[name] as unknown[]) : []);
    for (const item of list('shareables')) {
      if (item && typeof item === 'object' && typeof (item as Json).id === 'string') await putShareable(tx, item as Json & { id: string });
    }
    for (const item of list('people')) {
      const parsed = PersonSchema.safeParse(item);
      if (parsed.success) await upsertPerson(tx, parsed.data);
    }
    for (const item of list('shares')) {
      const parsed = ShareEventSchema.safeParse(item);
      if (parsed.success && instant(parsed.data.at)) await recordShare(tx, parsed.data);
    }
    for (const item of list('acknowledgments')) {
      // Kept with a bad date (served as it is, for the browser to stop); left out without a key.
      const ack = item as Partial<Acknowledgment> | null;
      const key = AcknowledgmentSchema.safeParse({ ...ack, at: '2000-01-01' });
      if (key.success && typeof ack?.at === 'string') await recordAcknowledgment(tx, { ...key.data, at: ack.at });
    }
    if (document.charter && typeof document.charter === 'object') {
      const charter = { ...(document.charter as Json) };
      // As parseDataDocument does: the charter is written in the document's language unless it says otherwise.
      if (charter.lang === undefined && typeof document.lang === 'string' && document.lang.trim()) charter.lang = document.lang.trim();
      await publishCharter(tx, charter);
    }
    await putSetting(tx, 'guard-policy', document.guardPolicy ?? DEFAULT_GUARD_POLICY);
    await putSetting(tx, 'tiers', document.tiers ?? []);
    if (document.viewer !== undefined) await putSetting(tx, 'document-viewer', document.viewer);
  });
}
