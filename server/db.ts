/**
 * The one database seam: PGlite (embedded PostgreSQL in WebAssembly, a data folder or memory)
 * or a real PostgreSQL through `pg`. Both run the same SQL with the same `$1` parameters; no
 * value is ever spliced into SQL text.
 */
import { mkdir, open, readdir, readFile, rm } from 'node:fs/promises';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

export interface Queryable {
  /** One statement with `$n` parameters. */
  query<Row = Record<string, unknown>>(sql: string, params?: readonly unknown[]): Promise<Row[]>;
}

export interface Database extends Queryable {
  /** Runs `work` in one transaction: committed when it resolves, rolled back when it throws. */
  transaction<T>(work: (tx: Queryable) => Promise<T>): Promise<T>;
  /** Runs a script of several statements with no parameters (migrations only). */
  script(tx: Queryable, sql: string): Promise<void>;
  close(): Promise<void>;
  readonly kind: 'pglite' | 'postgres';
}

export interface DatabaseOptions {
  /** `postgres://…`: a PostgreSQL server. Else PGlite. */
  databaseUrl?: string;
  /** PGlite's data folder, or `memory://` for a database that lasts as long as the process. */
  dataDir?: string;
  /** PostgreSQL only: the schema to work in (created if missing), e.g. one per test file. */
  schema?: string;
  /** PostgreSQL only: connections per instance. Default 10. */
  poolSize?: number;
}

/** The reference server's PGlite folder when `RELAIS_DATA_DIR` is not set (the demo's is `.relais-demo`, apart). */
export const DEFAULT_DATA_DIR = '.relais-data';

export async function openDatabase(options: DatabaseOptions): Promise<Database> {
  return options.databaseUrl ? openPostgres(options.databaseUrl, options) : openPglite(options.dataDir ?? DEFAULT_DATA_DIR);
}

/** A PGlite folder that another process holds open: two processes on one folder lose writes (PGlite has one connection, in one process). */
export class FolderInUseError extends Error {
  override readonly name = 'FolderInUseError';
  constructor(
    readonly dataDir: string,
    readonly holder: FolderLock,
    readonly lockFile: string,
  ) {
    super(
      `the PGlite folder ${dataDir} is in use by process ${holder.pid} (${holder.command}, since ${holder.since}). ` +
        'One process at a time may open it: stop that process first, or, to import into a running server, ' +
        'send the document to its admin route instead (POST /api/v1/admin/import). ' +
        `If no Relais process is running, delete ${lockFile}.`,
    );
  }
}

/** What the lock file beside a PGlite folder says: who holds it. */
export interface FolderLock {
  pid: number;
  command: string;
  since: string;
}

/** The lock file of a PGlite folder: beside it (`.relais-data.lock`), since PGlite owns what is inside. */
export function lockFileOf(dataDir: string): string {
  return `${resolve(dataDir)}.lock`;
}

/**
 * Takes the lock of a PGlite folder for this process, or throws a {@link FolderInUseError}
 * naming the process that holds it. A lock left by a process that is gone (a crash, a kill -9) is
 * taken over. Returns the function that releases it.
 */
export async function lockFolder(dataDir: string, command = process.argv.slice(1).join(' ')): Promise<() => Promise<void>> {
  const file = lockFileOf(dataDir);
  await mkdir(dirname(file), { recursive: true });
  const mine: FolderLock = { pid: process.pid, command: command || 'node', since: new Date().toISOString() };
  for (let attempt = 0; attempt < 3; attempt++) {
    try {
      const handle = await open(file, 'wx');
      await handle.writeFile(JSON.stringify(mine));
      await handle.close();
      heldHere.add(file);
      return async () => {
        heldHere.delete(file);
        const held = await readLock(file);
        if (held?.pid === process.pid) await rm(file, { force: true });
      };
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    }
    const holder = await readLock(file);
    if (holder && (await holds(holder, file))) throw new FolderInUseError(dataDir, holder, file);
    // Left by a process that is gone (or unreadable, half written by one that died): taken over.
    await rm(file, { force: true });
  }
  throw new Error(`could not take the lock ${file}: another process keeps taking it`);
}

/** The lock files this process holds. */
const heldHere = new Set<string>();

/**
 * Whether the process a lock names still holds it: this process, if it took it; another, if it
 * runs and started before the lock was written (in a container the server is often PID 1 again
 * after a restart, and a PID is reused: a process started later cannot be the one that wrote it).
 */
async function holds(lock: FolderLock, file: string): Promise<boolean> {
  if (lock.pid === process.pid) return heldHere.has(file);
  if (!isAlive(lock.pid)) return false;
  const started = await processStart(lock.pid);
  const since = Date.parse(lock.since);
  return started === undefined || Number.isNaN(since) || started <= since + 1000;
}

/** When a process started (ms since 1970), from Linux's /proc; undefined elsewhere. */
async function processStart(pid: number): Promise<number | undefined> {
  try {
    const stat = await readFile(`/proc/${pid}/stat`, 'utf8');
    // Field 22, counted after the command name's closing parenthesis: clock ticks since boot (100 a second on Linux).
    const ticks = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[19]);
    const boot = Number(/^btime (\d+)$/m.exec(await readFile('/proc/stat', 'utf8'))?.[1]);
    return Number.isFinite(ticks) && boot ? boot * 1000 + ticks * 10 : undefined;
  } catch {
    return undefined;
  }
}

async function readLock(file: string): Promise<FolderLock | undefined> {
  try {
    const value = JSON.parse(await readFile(file, 'utf8')) as Partial<FolderLock>;
    return typeof value.pid === 'number' ? { pid: value.pid, command: String(value.command ?? ''), since: String(value.since ?? '') } : undefined;
  } catch {
    return undefined;
  }
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: it exists, under another user.
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

async function openPglite(dataDir: string): Promise<Database> {
  const { PGlite } = await import('@electric-sql/pglite');
  const inMemory = /^[a-z]+:\/\//.test(dataDir);
  // A fresh clone has no data folder yet, and PGlite creates only the last level of its path.
  if (!inMemory) await mkdir(dataDir, { recursive: true });
  // One process per folder: a second one (an import while the server runs) would write into a
  // copy the first never reads, and the two would corrupt each other's files.
  const unlock = inMemory ? async () => {} : await lockFolder(dataDir);
  let db: InstanceType<typeof PGlite>;
  try {
    db = await PGlite.create(dataDir);
  } catch (error) {
    await unlock();
    throw error;
  }
  // One connection: concurrent requests would interleave their transactions, so they queue.
  let queue: Promise<unknown> = Promise.resolve();
  const serialized = <T>(work: () => Promise<T>): Promise<T> => {
    const run = queue.then(work, work);
    queue = run.catch(() => undefined);
    return run;
  };
  return {
    kind: 'pglite',
    query: (sql, params = []) => serialized(async () => (await db.query(sql, params as unknown[])).rows as never),
    transaction: (work) =>
      serialized(() =>
        db.transaction((tx) => work({ query: async (sql, params = []) => (await tx.query(sql, params as unknown[])).rows as never })),
      ),
    script: async (tx, sql) => {
      // PGlite's transaction object runs one statement per query; split on the statement ends
      // of our own migration files (no `;` inside strings there; a `$$` body keeps its own).
      for (const statement of splitStatements(sql)) await tx.query(statement);
    },
    close: () => serialized(() => db.close()).finally(unlock),
  };
}

async function openPostgres(url: string, options: DatabaseOptions): Promise<Database> {
  const { default: pg } = await import('pg');
  const schema = options.schema;
  if (schema !== undefined && !/^[a-z_][a-z0-9_]{0,62}$/.test(schema)) throw new Error(`Invalid schema name "${schema}"`);
  const pool = new pg.Pool({
    connectionString: url,
    max: options.poolSize ?? 10,
    // No JIT: the leaderboard's planner estimates are large enough to start it, and compiling took
    // 0.7 s for a query that runs in 17 ms (EXPLAIN ANALYZE on 1,000,000 shares). The schema is a
    // checked identifier: it goes in the connection's options, not in SQL text.
    options: ['-c jit=off', ...(schema ? [`-c search_path=${schema}`] : [])].join(' '),
  });
  if (schema) await pool.query(`CREATE SCHEMA IF NOT EXISTS ${schema}`);
  const adapt = (client: { query: (sql: string, params?: unknown[]) => Promise<{ rows: unknown[] }> }): Queryable => ({
    query: async (sql, params = []) => (await client.query(sql, params as unknown[])).rows as never,
  });
  return {
    kind: 'postgres',
    query: (sql, params) => adapt(pool).query(sql, params),
    transaction: async (work) => {
      const client = await pool.connect();
      try {
        await client.query('BEGIN');
        const result = await work(adapt(client));
        await client.query('COMMIT');
        return result;
      } catch (error) {
        await client.query('ROLLBACK').catch(() => undefined);
        throw error;
      } finally {
        client.release();
      }
    },
    script: async (tx, sql) => {
      for (const statement of splitStatements(sql)) await tx.query(statement);
    },
    close: () => pool.end(),
  };
}

/**
 * The statements of one of our migration files: split on `;`, except inside a `$$` body (a
 * function's), whose `;` are its own. Comment lines go first.
 */
function splitStatements(sql: string): string[] {
  const text = sql
    .split('\n')
    .filter((line) => !line.trimStart().startsWith('--'))
    .join('\n');
  const statements: string[] = [];
  let start = 0;
  let inBody = false;
  for (let index = 0; index < text.length; index++) {
    if (text.startsWith('$$', index)) {
      inBody = !inBody;
      index++;
    } else if (text[index] === ';' && !inBody) {
      statements.push(text.slice(start, index));
      start = index + 1;
    }
  }
  statements.push(text.slice(start));
  return statements.map((statement) => statement.trim()).filter(Boolean);
}

// ---------------------------------------------------------------------------------------------
// Migrations

export const MIGRATIONS_DIR = fileURLToPath(new URL('./migrations/', import.meta.url));

export interface Migration {
  version: number;
  name: string;
  sql: string;
}

/** The migration files, `NNN_name.sql`, in version order. */
export async function readMigrations(dir = MIGRATIONS_DIR): Promise<Migration[]> {
  const files = (await readdir(dir)).filter((file) => /^\d+_[\w-]+\.sql$/.test(file));
  const migrations = await Promise.all(
    files.map(async (file) => ({ version: Number.parseInt(file, 10), name: file.replace(/\.sql$/, ''), sql: await readFile(new URL(file, `file://${dir}`), 'utf8') })),
  );
  return migrations.sort((a, b) => a.version - b.version);
}

/**
 * Applies the migrations not yet recorded in `relais_migrations`, each in its own transaction.
 * Several instances starting at once on one PostgreSQL take turns on an advisory lock, so each
 * migration runs once. Returns the versions applied now.
 */
export async function migrate(db: Database, migrations?: Migration[]): Promise<number[]> {
  const pending = migrations ?? (await readMigrations());
  await db.query(`CREATE TABLE IF NOT EXISTS relais_migrations (
    version integer PRIMARY KEY,
    name text NOT NULL,
    applied_at timestamptz NOT NULL DEFAULT now()
  )`);
  const applied: number[] = [];
  for (const migration of pending) {
    const ran = await db.transaction(async (tx) => {
      // 0x52454c41 = "RELA": one lock for all of Relais's migrations, held to the end of the transaction.
      await tx.query('SELECT pg_advisory_xact_lock(1380273217)');
      const done = await tx.query('SELECT 1 FROM relais_migrations WHERE version = $1', [migration.version]);
      if (done.length > 0) return false;
      await db.script(tx, migration.sql);
      await tx.query('INSERT INTO relais_migrations (version, name) VALUES ($1, $2)', [migration.version, migration.name]);
      return true;
    });
    if (ran) applied.push(migration.version);
  }
  return applied;
}
