/** Migrations: applied from an empty database, recorded, and a no-op the second time. */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { migrate, openDatabase, readMigrations } from '../db.js';
import { leaderboardSummaryDrift } from '../store/index.js';
import { BACKEND, testDatabase } from './harness.js';

const TABLES = ['acknowledgments', 'charters', 'idempotency_keys', 'people', 'person_badges', 'person_items', 'person_periods', 'relais_migrations', 'settings', 'shareables', 'shares'];

describe('migrations', () => {
  it('run PostgreSQL connections without JIT, which compiled the leaderboard 40 times longer than it ran', { skip: BACKEND !== 'postgres' && 'PostgreSQL only' }, async () => {
    const db = await testDatabase();
    assert.deepEqual(await db.query('SHOW jit'), [{ jit: 'off' }]);
    const [setting] = await db.query<{ search_path: string }>('SHOW search_path');
    assert.match(setting?.search_path ?? '', /^relais_test_/, 'the run still works in its own schema');
  });

  it('start PGlite in a data folder that does not exist yet, nested (a fresh clone before its first npm start)', async () => {
    const parent = await mkdtemp(join(tmpdir(), 'relais-data-'));
    try {
      const db = await openDatabase({ dataDir: join(parent, '.relais-data', 'demo') });
      assert.deepEqual(await migrate(db), (await readMigrations()).map((file) => file.version));
      await db.close();
    } finally {
      await rm(parent, { recursive: true, force: true });
    }
  });

  it('apply every migration file from an empty database, recording each version, then re-applying is a no-op', async () => {
    const db = await testDatabase();
    // Empty the run's database (its own PGlite, or its own PostgreSQL schema) down to nothing.
    for (const table of [...TABLES].reverse()) await db.query(`DROP TABLE IF EXISTS ${table} CASCADE`);
    const tables = async () =>
      (await db.query<{ name: string }>('SELECT table_name AS name FROM information_schema.tables WHERE table_schema = current_schema() ORDER BY 1')).map((row) => row.name);
    assert.deepEqual(await tables(), []);

    const files = await readMigrations();
    assert.ok(files.length >= 1);
    assert.deepEqual(files.map((file) => file.version), [...files.map((file) => file.version)].sort((a, b) => a - b));
    const applied = await migrate(db);
    assert.deepEqual(applied, files.map((file) => file.version));
    assert.deepEqual(await tables(), TABLES);
    const recorded = await db.query<{ version: number; name: string }>('SELECT version, name FROM relais_migrations ORDER BY version');
    assert.deepEqual(recorded, files.map(({ version, name }) => ({ version, name })));

    await db.query("INSERT INTO settings (key, value) VALUES ('tiers', '[]')");
    assert.deepEqual(await migrate(db), [], 'nothing applied the second time');
    assert.equal((await db.query('SELECT 1 FROM settings')).length, 1, 'data kept');
  });

  it('upgrades a database of version 1 in place: its shares are kept and summed up per (person, item)', async () => {
    const db = await testDatabase();
    for (const table of [...TABLES].reverse()) await db.query(`DROP TABLE IF EXISTS ${table} CASCADE`);
    const [first, ...later] = await readMigrations();
    assert.ok(first && later.length > 0);
    assert.deepEqual(await migrate(db, [first]), [1]);
    const share = (n: number, viewer: string, item: string, at: string, personalized: boolean) =>
      db.query('INSERT INTO shares (id, shareable_id, viewer_id, network, at, personalized) VALUES ($1, $2, $3, $4, $5, $6)', [
        `eeeeeeee-0000-4000-8000-00000000000${n}`, item, viewer, 'x', at, personalized,
      ]);
    await share(1, 'p1', 'i1', '2026-03-02T10:00:00Z', false);
    await share(2, 'p1', 'i1', '2026-01-05T10:00:00Z', false);
    await share(3, 'p1', 'i1', '2026-05-01T10:00:00Z', true);
    await share(4, 'p2', 'i1', '2026-02-01T10:00:00Z', false);
    assert.deepEqual(await migrate(db), later.map((migration) => migration.version));
    const items = await db.query<{ viewer_id: string; first_at: Date; personalized: boolean }>('SELECT viewer_id, first_at, personalized FROM person_items ORDER BY viewer_id');
    assert.deepEqual(
      items.map((row) => [row.viewer_id, new Date(row.first_at).toISOString(), row.personalized]),
      [['p1', '2026-01-05T10:00:00.000Z', true], ['p2', '2026-02-01T10:00:00.000Z', false]],
    );
    assert.equal((await db.query('SELECT 1 FROM shares')).length, 4);
  });

  it('upgrades a database of version 3 in place: the leaderboard summary is filled from the shares and items there', async () => {
    const db = await testDatabase();
    for (const table of [...TABLES].reverse()) await db.query(`DROP TABLE IF EXISTS ${table} CASCADE`);
    const migrations = await readMigrations();
    const before = migrations.filter((migration) => migration.version <= 3);
    assert.deepEqual(await migrate(db, before), [1, 2, 3]);
    await db.query("INSERT INTO shareables (id, doc, published_at, points) VALUES ('i1', '{}', '2026-01-01', 10), ('i2', '{}', '2026-01-01', 5)");
    const share = (n: number, viewer: string, item: string, at: string, network = 'x') =>
      db.query('INSERT INTO shares (id, shareable_id, viewer_id, network, at, personalized) VALUES ($1, $2, $3, $4, $5, false)', [
        `eeeeeeee-0000-4000-8000-00000000000${n}`, item, viewer, network, at,
      ]);
    await share(1, 'p1', 'i1', '2026-03-02T10:00:00Z');
    await share(2, 'p1', 'i1', '2026-01-05T10:00:00Z');
    await share(3, 'p1', 'i2', '2026-03-03T10:00:00Z');
    await share(4, 'p1', 'i2', '2026-03-04T10:00:00Z', 'copy');
    await share(5, 'p2', 'i3', '2026-02-01T10:00:00Z');
    await db.query('INSERT INTO person_items (viewer_id, shareable_id, first_at, personalized) SELECT viewer_id, shareable_id, min(at), false FROM shares WHERE network <> $1 GROUP BY 1, 2', ['copy']);
    assert.deepEqual(await migrate(db), migrations.filter((migration) => migration.version > 3).map((migration) => migration.version));
    const rows = await db.query<{ period: string; starts: string; viewer_id: string; shares: number; points: number }>(
      "SELECT period, starts::text AS starts, viewer_id, shares, points FROM person_periods WHERE period IN ('month', 'all') ORDER BY viewer_id, period, starts",
    );
    assert.deepEqual(rows, [
      { period: 'all', starts: '-infinity', viewer_id: 'p1', shares: 3, points: 15 },
      { period: 'month', starts: '2026-01-01', viewer_id: 'p1', shares: 1, points: 10 },
      { period: 'month', starts: '2026-03-01', viewer_id: 'p1', shares: 2, points: 5 },
      { period: 'all', starts: '-infinity', viewer_id: 'p2', shares: 1, points: 0 },
      { period: 'month', starts: '2026-02-01', viewer_id: 'p2', shares: 1, points: 0 },
    ]);
    assert.deepEqual(await leaderboardSummaryDrift(db), []);
  });

  it('rolls a failing migration back whole and records nothing for it', async () => {
    const db = await testDatabase();
    const broken = { version: 9999, name: '9999_broken', sql: 'CREATE TABLE half_done (id int);\nSELECT * FROM no_such_table;' };
    await assert.rejects(migrate(db, [broken]));
    assert.equal((await db.query("SELECT 1 FROM information_schema.tables WHERE table_name = 'half_done'")).length, 0);
    assert.equal((await db.query('SELECT 1 FROM relais_migrations WHERE version = 9999')).length, 0);
  });

  it('runs once when several instances start at the same time on one database', async () => {
    const db = await testDatabase();
    const extra = { version: 9998, name: '9998_counter', sql: "INSERT INTO settings (key, value) VALUES ('migration-runs', '1')" };
    const results = await Promise.all([migrate(db, [extra]), migrate(db, [extra]), migrate(db, [extra])]);
    assert.equal(results.flat().length, 1);
    await db.query("DELETE FROM settings WHERE key = 'migration-runs'");
    await db.query('DELETE FROM relais_migrations WHERE version = 9998');
  });
});
