/** Migrations: applied from an empty database, recorded, and a no-op the second time. */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { migrate, readMigrations } from '../db.js';
import { testDatabase } from './harness.js';

const TABLES = ['acknowledgments', 'charters', 'idempotency_keys', 'people', 'relais_migrations', 'settings', 'shareables', 'shares'];

describe('migrations', () => {
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
