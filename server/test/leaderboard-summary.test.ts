/**
 * The leaderboard's summaries (`person_periods`, `person_badges`, migration 004, kept by triggers) stay equal to a
 * recomputation from the shares and the items after every kind of write: shares recorded (in
 * order, out of order, repeated, copies), an import in batches, items created after their shares,
 * given other points or another category or deleted, a person's shares erased, and a new seed.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { computeLeaderboard } from '../../src/leaderboard/rules.js';
import { DataDocumentSchema, PERIODS, type ShareEvent } from '../../src/model/index.js';
import { CONFORMANCE_NOW, conformanceSeed } from '../../src/testing/fixture.js';
import { importInBatches, leaderboard, leaderboardSummaryDrift, putShareable, recordShare, replaceWithSeed } from '../store/index.js';
import { testDatabase } from './harness.js';

let serial = 0;
function share(viewerId: string, shareableId: string, at: string, network: ShareEvent['network'] = 'linkedin'): ShareEvent {
  serial++;
  return { id: `ffffffff-0000-4000-8000-${serial.toString(16).padStart(12, '0')}`, viewerId, shareableId, network, at, personalized: serial % 2 === 0 };
}

function item(id: string, points: number) {
  return { id, title: `Item ${id}`, url: `https://example.com/${id}`, category: 'product' as const, text: { default: id }, hashtags: [], lang: 'en', publishedAt: '2025-01-01T00:00:00Z', points };
}

describe('leaderboard summary (person_periods)', () => {
  it('equals a recomputation after shares, imports, item changes, erasures and a new seed', async () => {
    const db = await testDatabase();
    const seed = conformanceSeed();
    await replaceWithSeed(db, seed);
    assert.deepEqual(await leaderboardSummaryDrift(db), [], 'after a seed');
    assert.ok((await db.query('SELECT 1 FROM person_periods')).length > 0, 'the seed is summed up');
    // The check sees a summary that went wrong.
    await db.query("UPDATE person_periods SET shares = shares + 1 WHERE period = 'all'");
    assert.ok((await leaderboardSummaryDrift(db)).length > 0, 'a wrong summary is seen');
    await db.query("UPDATE person_periods SET shares = shares - 1 WHERE period = 'all'");
    await db.query('UPDATE person_badges SET culture = culture + 1');
    assert.ok((await leaderboardSummaryDrift(db)).some((drift) => drift.summary === 'person_badges'), 'wrong badge counts are seen');
    await db.query('UPDATE person_badges SET culture = culture - 1');
    assert.deepEqual(await leaderboardSummaryDrift(db), []);

    // Shares one by one: a first share, a later repeat, an earlier one (the points move), a copy.
    await recordShare(db, share('p-a', 'i-new', '2026-11-17T10:00:00Z'));
    await recordShare(db, share('p-a', 'i-new', '2026-11-18T10:00:00Z', 'x'));
    await recordShare(db, share('p-a', 'i-new', '2025-02-03T10:00:00Z', 'mastodon'));
    await recordShare(db, share('p-a', 'i-new', '2026-11-18T11:00:00Z', 'copy'));
    assert.deepEqual(await leaderboardSummaryDrift(db), [], 'after shares of an item not in the catalogue');

    // The item arrives after its shares, then its points change.
    await putShareable(db, item('i-new', 30));
    assert.deepEqual(await leaderboardSummaryDrift(db), [], 'after the item is created');
    await putShareable(db, item('i-new', 12));
    assert.deepEqual(await leaderboardSummaryDrift(db), [], 'after its points change');
    await putShareable(db, item('i-new', 12));
    assert.deepEqual(await leaderboardSummaryDrift(db), [], 'after it is written again unchanged');
    await putShareable(db, { ...item('i-new', 12), category: 'culture' });
    assert.deepEqual(await leaderboardSummaryDrift(db), [], 'after its category changes');
    await recordShare(db, { ...share('p-a', 'i-new', '2026-11-18T11:30:00Z'), personalized: true });
    assert.deepEqual(await leaderboardSummaryDrift(db), [], 'after a share in their own words of an item shared before');

    // An import in batches (several transactions), with repeats of shares already recorded.
    const document = DataDocumentSchema.parse({
      ...seed,
      shareables: [...(seed.shareables as object[]), item('i-imp', 7)],
      shares: [
        ...Array.from({ length: 23 }, (_, n) => share(`p-imp-${n % 4}`, n % 3 === 0 ? 'i-imp' : 'i-new', new Date(Date.parse('2026-10-01T00:00:00Z') + n * 86_400_000 * 3).toISOString(), n % 5 === 4 ? 'copy' : 'linkedin')),
        share('p-a', 'i-imp', '2024-12-31T23:59:59.999Z'),
      ],
    });
    await importInBatches(db, document, { batchSize: 5 });
    await importInBatches(db, document, { batchSize: 7 });
    assert.deepEqual(await leaderboardSummaryDrift(db), [], 'after an import in batches, twice');

    // A person's shares erased (as an erasure would: their shares and their items).
    await db.transaction(async (tx) => {
      await tx.query('DELETE FROM person_items WHERE viewer_id = $1', ['p-a']);
      await tx.query('DELETE FROM shares WHERE viewer_id = $1', ['p-a']);
    });
    assert.deepEqual(await leaderboardSummaryDrift(db), [], 'after an erasure');

    // An item deleted: those who first shared it no longer earn its points.
    await db.query('DELETE FROM shareables WHERE id = $1', ['i-imp']);
    assert.deepEqual(await leaderboardSummaryDrift(db), [], 'after an item is deleted');

    // The boards read from the summary still agree with the rules on the data now held.
    const people = document.people;
    const shareables = (await db.query<{ doc: { id: string; title?: string }; points: number; category: string }>('SELECT doc, points, category FROM shareables')).map(
      (row) => ({ id: row.doc.id, title: row.doc.title, points: row.points, category: row.category as 'product' }),
    );
    const shares = (
      await db.query<ShareEvent & { at: string }>(
        `SELECT id::text AS id, viewer_id AS "viewerId", shareable_id AS "shareableId", network, to_char(at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') AS at, personalized FROM shares`,
      )
    ).map((row) => ({ ...row }));
    const viewer = { id: 'p-imp-1', displayName: 'Imported', leaderboardOptIn: false };
    for (const period of PERIODS) {
      for (const scope of ['people', 'teams'] as const) {
        const input = { period, scope, now: new Date(CONFORMANCE_NOW), viewer, minTeamSize: 2 };
        const fromSql = await leaderboard(db, input);
        const fromTs = computeLeaderboard({ ...input, people, shareables, shares, tiers: document.tiers });
        assert.deepEqual(JSON.parse(JSON.stringify(fromSql)), JSON.parse(JSON.stringify(fromTs)), `${scope}, ${period}`);
      }
    }

    // A new seed empties it and sums up the new data only.
    await replaceWithSeed(db, { ...seed, shares: [share('p-b', 'i-new', '2026-11-18T09:00:00Z')] });
    assert.deepEqual(await leaderboardSummaryDrift(db), [], 'after a new seed');
    assert.deepEqual(await db.query("SELECT viewer_id, shares FROM person_periods WHERE period = 'all'"), [{ viewer_id: 'p-b', shares: 1 }]);
  });
});
