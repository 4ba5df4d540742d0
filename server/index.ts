/**
 * The Relais reference server: `startServer()` for programs and tests, and the configuration read
 * from the environment by `npm run server` (see docs/server.md for every variable).
 */
import { serve } from '@hono/node-server';
import type { AddressInfo } from 'node:net';
import type { DataDocumentInput } from '../src/model/index.js';
import { API_BASE, createApp, DEFAULT_MAX_BODY_BYTES, DEFAULT_MAX_IMPORT_BYTES } from './app.js';
import { authenticator, checkAuthOptions, isProduction, type AuthMode, type AuthOptions } from './auth.js';
import { DEFAULT_DATA_DIR, migrate, openDatabase, type Database } from './db.js';
import { replaceWithSeed } from './store/index.js';

export { createApp, API_BASE } from './app.js';
export { openDatabase, migrate, readMigrations, FolderInUseError, DEFAULT_DATA_DIR, type Database } from './db.js';

export interface ServerOptions {
  /** 0 = any free port. Default 8787. */
  port?: number;
  /** Default 127.0.0.1. */
  host?: string;
  /** `postgres://…`: PostgreSQL. Absent: PGlite in `dataDir`. */
  databaseUrl?: string;
  /** PGlite's data folder (default `.relais-data`; the demo of `npm start` has its own, `.relais-demo`), or `memory://`. One process at a time may open a folder. */
  dataDir?: string;
  /** PostgreSQL only: the schema to work in, created if missing (one per test run, for example). */
  schema?: string;
  /** An open database to serve instead of opening one (tests, embedding); left open by close(). */
  database?: Database;
  auth?: AuthMode;
  /** Header names (header mode), JWKS URL, issuer and audience (jwt mode), the admin role. */
  authOptions?: Omit<AuthOptions, 'mode'>;
  corsOrigins?: string[];
  /**
   * Replaces everything in the database with this document, stored as given (bad values
   * included, as a MemoryAdapter would hold them): for tests and demos.
   */
  seed?: DataDocumentInput;
  /** "Now", for expiry and leaderboard periods. Default: the real time. */
  now?: () => Date;
  minTeamSize?: number;
  maxBodyBytes?: number;
  maxImportBytes?: number;
  /** Default `process.env`: read for NODE_ENV (the demo mode is refused in production). */
  env?: NodeJS.ProcessEnv;
  /** The demo mode on a host other machines can reach (`npm run server -- --i-know`). Default false. */
  allowDemoOnNetwork?: boolean;
}

export interface RunningServer {
  /** The API's base URL, `/api/v1` included, no trailing slash. */
  url: string;
  db: Database;
  /**
   * Replaces everything in the database with `seed` (as the `seed` option does), so that tests
   * reuse one server: starting PGlite takes seconds, a reset milliseconds.
   */
  reset(seed: DataDocumentInput): Promise<void>;
  close(): Promise<void>;
}

/** Opens the database, applies pending migrations, seeds if asked, and listens. */
export async function startServer(options: ServerOptions = {}): Promise<RunningServer> {
  const env = options.env ?? process.env;
  const mode = options.auth ?? 'demo';
  const authOptions: AuthOptions = { mode, ...options.authOptions };
  checkAuthOptions(authOptions, env, { host: options.host ?? '127.0.0.1', ...(options.allowDemoOnNetwork ? { allowDemoOnNetwork: true } : {}) });
  const ownDatabase = !options.database;
  const db =
    options.database ??
    (await openDatabase({
      ...(options.databaseUrl ? { databaseUrl: options.databaseUrl } : {}),
      ...(options.dataDir ? { dataDir: options.dataDir } : {}),
      ...(options.schema ? { schema: options.schema } : {}),
    }));
  try {
    await migrate(db);
    if (options.seed) await replaceWithSeed(db, options.seed);
    const app = createApp({
      db,
      authenticate: authenticator(authOptions, db),
      ...(options.now ? { now: options.now } : {}),
      corsOrigins: options.corsOrigins ?? [],
      ...(authOptions.adminRole ? { adminRole: authOptions.adminRole } : {}),
      ...(options.minTeamSize ? { minTeamSize: options.minTeamSize } : {}),
      maxBodyBytes: options.maxBodyBytes ?? DEFAULT_MAX_BODY_BYTES,
      maxImportBytes: options.maxImportBytes ?? DEFAULT_MAX_IMPORT_BYTES,
    });
    const host = options.host ?? '127.0.0.1';
    const server = await new Promise<ReturnType<typeof serve>>((resolve, reject) => {
      const listening = serve({ fetch: app.fetch, port: options.port ?? 8787, hostname: host }, () => resolve(listening));
      listening.once('error', reject);
    });
    const { port } = server.address() as AddressInfo;
    const shownHost = host.includes(':') ? `[${host}]` : host;
    return {
      url: `http://${shownHost}:${port}${API_BASE}`,
      db,
      reset: (seed) => replaceWithSeed(db, seed),
      close: async () => {
        await new Promise<void>((resolve) => {
          server.close(() => resolve());
          // Keep-alive connections would hold close() open; the server is going away.
          (server as unknown as { closeAllConnections?: () => void }).closeAllConnections?.();
        });
        if (ownDatabase) await db.close();
      },
    };
  } catch (error) {
    if (ownDatabase) await db.close();
    throw error;
  }
}

/** The server's options from the environment (docs/server.md lists every variable). */
export function optionsFromEnv(env: NodeJS.ProcessEnv = process.env): ServerOptions {
  const list = (value: string | undefined) => (value ?? '').split(',').map((item) => item.trim()).filter(Boolean);
  const integer = (name: string): number | undefined => {
    const value = env[name];
    if (value === undefined || value === '') return undefined;
    if (!/^\d+$/.test(value)) throw new Error(`${name} must be a whole number, not "${value}"`);
    return Number.parseInt(value, 10);
  };
  const auth = (env.RELAIS_AUTH ?? (isProduction(env) ? undefined : 'demo')) as AuthMode | undefined;
  if (!auth) throw new Error('Set RELAIS_AUTH to header (behind your reverse proxy) or jwt: there is no default when NODE_ENV=production.');
  const port = integer('PORT');
  const minTeamSize = integer('RELAIS_MIN_TEAM_SIZE');
  const maxBodyBytes = integer('RELAIS_MAX_BODY_BYTES');
  const maxImportBytes = integer('RELAIS_MAX_IMPORT_BYTES');
  return {
    ...(port !== undefined ? { port } : {}),
    host: env.HOST || '127.0.0.1',
    ...(env.DATABASE_URL ? { databaseUrl: env.DATABASE_URL } : {}),
    ...(env.DATABASE_SCHEMA ? { schema: env.DATABASE_SCHEMA } : {}),
    dataDir: env.RELAIS_DATA_DIR || DEFAULT_DATA_DIR,
    auth,
    authOptions: {
      headerNames: { user: env.RELAIS_HEADER_USER ?? '', name: env.RELAIS_HEADER_NAME ?? '', team: env.RELAIS_HEADER_TEAM ?? '', roles: env.RELAIS_HEADER_ROLES ?? '' },
      ...(env.RELAIS_JWKS_URL ? { jwksUrl: env.RELAIS_JWKS_URL } : {}),
      ...(env.RELAIS_JWT_ISSUER ? { issuer: env.RELAIS_JWT_ISSUER } : {}),
      ...(env.RELAIS_JWT_AUDIENCE ? { audience: env.RELAIS_JWT_AUDIENCE } : {}),
      ...(env.RELAIS_ADMIN_ROLE ? { adminRole: env.RELAIS_ADMIN_ROLE } : {}),
    },
    corsOrigins: list(env.RELAIS_CORS_ORIGINS),
    ...(minTeamSize !== undefined ? { minTeamSize } : {}),
    ...(maxBodyBytes !== undefined ? { maxBodyBytes } : {}),
    ...(maxImportBytes !== undefined ? { maxImportBytes } : {}),
    env,
  };
}
