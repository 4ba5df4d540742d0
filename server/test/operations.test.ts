/**
 * Operations: one process per PGlite folder (a lock beside it), imports in batches that leave
 * room for reads, their progress (rows, rate, time left), and the default folders.
 */
import assert from 'node:assert/strict';
import { spawn, spawnSync } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { existsSync } from 'node:fs';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, beforeEach, describe, it } from 'node:test';
import { parseDataDocument } from '../../src/model/index.js';
import { conformanceSeed } from '../../src/testing/fixture.js';
import { DEFAULT_DATA_DIR, FolderInUseError, lockFileOf, lockFolder, openDatabase, type Database } from '../db.js';
import { strictDocument } from '../document.js';
import { optionsFromEnv } from '../index.js';
import { duration, progressReporter } from '../progress.js';
import { importInBatches, replaceWithSeed } from '../store/index.js';
import { BACKEND, testDatabase } from './harness.js';

const PGLITE_ONLY = BACKEND !== 'pglite' && 'PGlite folders (the PostgreSQL run has none)';

/** A valid data document with `count` extra shares (people and items of the conformance seed). */
function documentWith(count: number) {
  const seed = conformanceSeed();
  const people = ['p-alice', 'p-bob', 'p-viewer'];
  const items = seed.shareables!.map((item) => item.id);
  const shares = Array.from({ length: count }, (_, n) => ({
    id: randomUUID(),
    shareableId: items[n % items.length]!,
    viewerId: people[n % people.length]!,
    network: 'linkedin' as const,
    at: new Date(Date.UTC(2026, 0, 1) + n * 60_000).toISOString(),
    personalized: n % 2 === 0,
  }));
  return strictDocument(parseDataDocument({ ...seed, shares: [...(seed.shares ?? []), ...shares] }));
}

describe('operations', () => {
  describe('one process per PGlite folder', { skip: PGLITE_ONLY }, () => {
    let parent: string;
    let folder: string;
    before(async () => {
      parent = await mkdtemp(join(tmpdir(), 'relais-lock-'));
    });
    beforeEach(() => {
      folder = join(parent, `data-${randomUUID()}`);
    });
    after(async () => rm(parent, { recursive: true, force: true }));

    it('a second opening of a folder held open is refused, naming the process and what to do; once closed, it opens', async () => {
      const first = await openDatabase({ dataDir: folder });
      try {
        const refused = await openDatabase({ dataDir: folder }).then(
          () => assert.fail('opened twice'),
          (error: unknown) => error,
        );
        assert.ok(refused instanceof FolderInUseError);
        assert.equal(refused.holder.pid, process.pid);
        assert.match(refused.message, new RegExp(`in use by process ${process.pid}`));
        assert.match(refused.message, /stop that process first/);
        assert.match(refused.message, /POST \/api\/v1\/admin\/import/);
        assert.ok(existsSync(lockFileOf(folder)));
      } finally {
        await first.close();
      }
      assert.equal(existsSync(lockFileOf(folder)), false, 'released on close');
      const again = await openDatabase({ dataDir: folder });
      await again.close();
    });

    it('a lock left by a process that is gone (killed) is taken over', async () => {
      const gone = spawnSync(process.execPath, ['-e', 'process.stdout.write(String(process.pid))'], { encoding: 'utf8' });
      const deadPid = Number(gone.stdout);
      assert.ok(deadPid > 0);
      await writeFile(lockFileOf(folder), JSON.stringify({ pid: deadPid, command: 'server/cli.ts', since: '2026-01-01T00:00:00.000Z' }));
      const unlock = await lockFolder(folder);
      const lock = JSON.parse(await readFile(lockFileOf(folder), 'utf8')) as { pid: number };
      assert.equal(lock.pid, process.pid);
      await unlock();
      assert.equal(existsSync(lockFileOf(folder)), false);
    });

    it('a lock naming this process that it never took (a restarted container, PID 1 again) is taken over', async () => {
      await writeFile(lockFileOf(folder), JSON.stringify({ pid: process.pid, command: 'server/cli.ts', since: '2026-01-01T00:00:00.000Z' }));
      const unlock = await lockFolder(folder);
      await unlock();
    });

    it('a running process holds its lock; a running process started after the lock was written (a reused PID) does not', { skip: process.platform !== 'linux' && 'reads /proc' }, async () => {
      const other = spawn(process.execPath, ['-e', 'setTimeout(() => {}, 60000)'], { stdio: 'ignore' });
      try {
        await new Promise((resolve) => other.once('spawn', resolve));
        // Written after it started: it holds the folder.
        await writeFile(lockFileOf(folder), JSON.stringify({ pid: other.pid, command: 'npm run server', since: new Date(Date.now() + 1500).toISOString() }));
        const refused = await lockFolder(folder).then(
          () => assert.fail('took a folder another process holds'),
          (error: unknown) => error,
        );
        assert.ok(refused instanceof FolderInUseError);
        assert.equal(refused.holder.pid, other.pid);
        // Written an hour before it started: that PID was someone else's then.
        await writeFile(lockFileOf(folder), JSON.stringify({ pid: other.pid, command: 'npm run server', since: new Date(Date.now() - 3_600_000).toISOString() }));
        const unlock = await lockFolder(folder);
        await unlock();
      } finally {
        other.kill();
      }
    });

    it('`npm run server -- import` into the folder of a running server stops at once and says to stop it or use the admin route; nothing is written', async () => {
      const held = await openDatabase({ dataDir: folder });
      try {
        const file = join(parent, 'document.json');
        await writeFile(file, JSON.stringify(conformanceSeed()));
        const child = spawn(process.execPath, ['--import', 'tsx', 'server/cli.ts', 'import', file], {
          env: { ...process.env, RELAIS_DATA_DIR: folder, RELAIS_AUTH: 'header', NODE_ENV: 'development', DATABASE_URL: '' },
          stdio: ['ignore', 'pipe', 'pipe'],
        });
        let output = '';
        child.stdout.on('data', (chunk) => (output += chunk));
        child.stderr.on('data', (chunk) => (output += chunk));
        const code = await new Promise<number | null>((resolve) => child.on('close', resolve));
        assert.equal(code, 1, output);
        assert.match(output, /in use by process \d+/);
        assert.match(output, /stop that process first/);
        assert.match(output, /admin\/import/);
        assert.doesNotMatch(output, /imported/);
        // The server's database is as it was (the import never opened it).
        assert.deepEqual(await held.query("SELECT to_regclass('shares') IS NULL AS none"), [{ none: true }]);
      } finally {
        await held.close();
      }
    });
  });

  describe('imports in batches', () => {
    let db: Database;
    before(async () => {
      db = await testDatabase();
    });
    beforeEach(async () => replaceWithSeed(db, { ...conformanceSeed(), shares: [], acknowledgments: [] }));

    it('a read made during an import is answered before the import ends; progress goes up to the total; every row lands once', async () => {
      const document = documentWith(1200);
      const total = document.shares.length + document.acknowledgments.length;
      const seen: number[] = [];
      let read: Promise<{ n: number }[]> | undefined;
      let importDone = false;
      let readDuringImport: boolean | undefined;
      const imported = await importInBatches(db, document, {
        batchSize: 200,
        onProgress: ({ done, total: all }) => {
          assert.equal(all, total);
          seen.push(done);
          if (done > 0 && !read) {
            read = db.query<{ n: number }>('SELECT count(*)::int AS n FROM shares');
            void read.then(() => (readDuringImport = !importDone));
          }
        },
      });
      importDone = true;
      const [counted] = await read!;
      assert.equal(readDuringImport, true, 'the read waited for the whole import');
      assert.ok(counted!.n > 0 && counted!.n < document.shares.length, `the read saw a part: ${counted!.n}`);
      assert.deepEqual(seen, [...seen].sort((a, b) => a - b));
      assert.equal(seen[0], 0);
      assert.equal(seen.at(-1), total);
      assert.equal(imported.shares, document.shares.length);
      const [rows] = await db.query<{ n: number }>('SELECT count(*)::int AS n FROM shares');
      assert.equal(rows!.n, document.shares.length);
      // Again: nothing added twice.
      const again = await importInBatches(db, document, { batchSize: 500 });
      assert.equal(again.shares, 0);
      assert.equal(again.acknowledgments, 0);
    });
  });

  describe('import progress', () => {
    const clockAt = (times: number[]) => () => times.shift() ?? 0;
    const output = (isTTY: boolean) => {
      const written: string[] = [];
      return { written, stream: { isTTY, write: (text: string) => written.push(text) } };
    };

    it('in a log: a line every interval with rows, percent, rate and time left; a last line with the total time and rate', () => {
      const { written, stream } = output(false);
      // The clock is read once at the start, once per update, once at the end.
      const progress = progressReporter({ label: 'importing big.json', output: stream, interval: 10_000, now: clockAt([0, 0, 10_000, 15_000, 20_000, 40_000]) });
      progress.update({ done: 0, total: 40_000 });
      progress.update({ done: 10_000, total: 40_000 });
      progress.update({ done: 15_000, total: 40_000 });
      progress.update({ done: 20_000, total: 40_000 });
      progress.finish({ done: 40_000, total: 40_000 });
      assert.deepEqual(written, [
        'Relais: importing big.json: 10,000 / 40,000 rows (25 %), 1,000 rows/s, about 30 s left\n',
        'Relais: importing big.json: 20,000 / 40,000 rows (50 %), 1,000 rows/s, about 20 s left\n',
        'Relais: importing big.json: 40,000 / 40,000 rows (100 %) in 40 s, 1,000 rows/s\n',
      ]);
    });

    it('on a terminal: one line redrawn in place, then the last line', () => {
      const { written, stream } = output(true);
      const progress = progressReporter({ label: 'importing', output: stream, interval: 1000, now: clockAt([0, 2000, 4000]) });
      progress.update({ done: 100, total: 400 });
      progress.finish({ done: 400, total: 400 });
      assert.equal(written.length, 2);
      assert.ok(written.every((text) => text.startsWith('\r\u001b[2K')));
      assert.match(written[0]!, /100 \/ 400 rows \(25 %\), 50 rows\/s, about 6 s left$/);
      assert.match(written[1]!, /400 \/ 400 rows \(100 %\) in 4 s, 100 rows\/s\n$/);
    });

    it('says durations as a person would read them', () => {
      assert.deepEqual([400, 42_000, 185_000, 3_725_000].map(duration), ['0.4 s', '42 s', '3 min 5 s', '1 h 2 min']);
    });
  });

  it('the server and the demo have folders of their own, neither inside the other', async () => {
    assert.equal(optionsFromEnv({ RELAIS_AUTH: 'header' }).dataDir, DEFAULT_DATA_DIR);
    const start = await readFile(new URL('../../scripts/start.mjs', import.meta.url), 'utf8');
    const demo = /process\.env\.RELAIS_DATA_DIR \?\? '([^']+)'/.exec(start)?.[1];
    assert.ok(demo, 'the demo names its folder');
    assert.ok(!demo.startsWith(`${DEFAULT_DATA_DIR}/`) && !DEFAULT_DATA_DIR.startsWith(`${demo}/`) && demo !== DEFAULT_DATA_DIR, `${demo} and ${DEFAULT_DATA_DIR}`);
  });
});
