/**
 * Who is asking. The identity always comes from the request (a header set by the reverse proxy,
 * a verified bearer token, or the demo's viewer picker), never from a request body.
 */
import { createRemoteJWKSet, errors as joseErrors, jwtVerify, type JWTVerifyGetKey } from 'jose';
import { ViewerSchema } from '../src/model/index.js';
import { ApiError } from './errors.js';
import type { Database } from './db.js';
import { person, setting } from './store/index.js';
import type { Identity } from './types.js';

export type AuthMode = 'header' | 'jwt' | 'demo';

export interface HeaderNames {
  user: string;
  name: string;
  team: string;
  roles: string;
}

export const DEFAULT_HEADER_NAMES: HeaderNames = {
  user: 'x-relais-user',
  name: 'x-relais-user-name',
  team: 'x-relais-user-team',
  roles: 'x-relais-roles',
};

/** The demo's viewer picker. */
export const DEMO_VIEWER_HEADER = 'x-relais-viewer';

export interface AuthOptions {
  mode: AuthMode;
  headerNames?: Partial<HeaderNames>;
  jwksUrl?: string;
  issuer?: string;
  audience?: string;
  /** The role that opens the admin routes. Default `admin`. */
  adminRole?: string;
}

/**
 * `rawHeaders` (name, value, name, value…, as Node received them) lets an identity header sent
 * twice be refused: `Headers` joins repeats into one value (`a, b`), which would read as one id.
 */
export type Authenticate = (headers: Headers, rawHeaders?: readonly string[]) => Promise<Identity>;

/** Refuses an identity header that came more than once (400 naming it). */
function refuseRepeated(rawHeaders: readonly string[] | undefined, names: readonly string[]): void {
  if (!rawHeaders) return;
  const counts = new Map<string, number>();
  for (let index = 0; index < rawHeaders.length; index += 2) {
    const name = rawHeaders[index]!.toLowerCase();
    if (names.includes(name)) counts.set(name, (counts.get(name) ?? 0) + 1);
  }
  const repeated = [...counts].find(([, count]) => count > 1);
  if (repeated) throw new ApiError('invalid-request', `The ${repeated[0]} header came ${repeated[1]} times: an identity is one value, sent once.`, repeated[0]);
}

/** How far the identity provider's clock and ours may disagree (`exp`, `nbf`, `iat`): 60 s. */
export const JWT_CLOCK_TOLERANCE_S = 60;
/** The longest a token may live: `exp` at most this far ahead, `iat` at most this far back (24 h). */
export const JWT_MAX_LIFETIME_S = 24 * 60 * 60;

/**
 * Whether NODE_ENV says production, compared exactly. A value that looks meant as production
 * but is not exactly `production` (`Production`, `prod`, `production ` with a space) is refused:
 * it would otherwise leave the production checks off.
 */
export function isProduction(env: { NODE_ENV?: string }): boolean {
  const value = env.NODE_ENV;
  if (value === undefined || value === 'production') return value === 'production';
  if (/^\s*prod/i.test(value)) throw new Error(`NODE_ENV is "${value}": write exactly production (lower case, no spaces), or another value for a non-production run.`);
  return false;
}

/** Whether `host` only listens on this machine. */
export function isLoopback(host: string): boolean {
  return /^(localhost|127(\.\d{1,3}){3}|::1|::ffff:127(\.\d{1,3}){3})$/i.test(host.trim().replace(/^\[|\]$/g, ''));
}

export interface ListenOptions {
  /** Default 127.0.0.1. */
  host?: string;
  /** `--i-know`: the demo mode on an address other machines can reach. */
  allowDemoOnNetwork?: boolean;
}

/** Refuses a configuration that must not run, before anything listens. */
export function checkAuthOptions(options: AuthOptions, env: { NODE_ENV?: string }, listen: ListenOptions = {}): void {
  const host = listen.host ?? '127.0.0.1';
  if (options.mode === 'demo' && !isLoopback(host) && !listen.allowDemoOnNetwork) {
    throw new Error(`RELAIS_AUTH=demo lets anyone act as anyone and is refused on ${host}, which other machines can reach: listen on 127.0.0.1, or start with --i-know if this network is yours alone.`);
  }
  if (options.mode === 'demo' && isProduction(env)) {
    throw new Error('RELAIS_AUTH=demo lets anyone act as anyone and is refused when NODE_ENV=production: use RELAIS_AUTH=header (behind your reverse proxy) or RELAIS_AUTH=jwt.');
  }
  if (options.mode === 'jwt' && !options.jwksUrl) throw new Error('RELAIS_AUTH=jwt needs RELAIS_JWKS_URL (the identity provider’s JSON Web Key Set).');
  if (options.mode === 'jwt') requireIssuerAndAudience(options);
  if (!['header', 'jwt', 'demo'].includes(options.mode)) throw new Error(`RELAIS_AUTH must be header, jwt or demo, not "${options.mode}"`);
}

export function authenticator(options: AuthOptions, db: Database): Authenticate {
  switch (options.mode) {
    case 'header':
      return headerAuth({ ...DEFAULT_HEADER_NAMES, ...lowerCased(options.headerNames) });
    case 'jwt':
      requireIssuerAndAudience(options);
      return jwtAuth(createRemoteJWKSet(new URL(options.jwksUrl!)), options);
    case 'demo':
      return demoAuth(db);
  }
}

/**
 * A token the provider signed for another application must not open this one: outside the demo
 * mode, tokens are checked for this issuer and this audience, and the server does not start
 * without them.
 */
function requireIssuerAndAudience(options: AuthOptions): void {
  if (!options.issuer?.trim()) throw new Error('RELAIS_AUTH=jwt needs RELAIS_JWT_ISSUER (the `iss` of the identity provider’s tokens).');
  if (!options.audience?.trim()) throw new Error('RELAIS_AUTH=jwt needs RELAIS_JWT_AUDIENCE (the `aud` the identity provider puts in tokens for Relais).');
}

/**
 * Whether a verification failed because the key set could not be fetched (the provider down,
 * a timeout, an answer that is not a key set) rather than because the token is bad: a 503 that
 * clients try again, never a 401 that they take as a refusal for good.
 */
function keySetUnavailable(error: unknown): boolean {
  if (!(error instanceof joseErrors.JOSEError)) return true; // fetch failed, aborted: the network, not the token
  if (error instanceof joseErrors.JWKSTimeout || error instanceof joseErrors.JWKSInvalid) return true;
  return error.code === 'ERR_JOSE_GENERIC' && /JSON Web Key Set HTTP response/.test(error.message);
}

function lowerCased(names: Partial<HeaderNames> = {}): Partial<HeaderNames> {
  return Object.fromEntries(Object.entries(names).filter(([, value]) => value).map(([key, value]) => [key, value.toLowerCase()]));
}

/**
 * Header values arrive as Latin-1; proxies commonly pass UTF-8 names byte for byte, so a value
 * that is valid UTF-8 read that way is decoded (`Ã©` becomes `é`).
 */
function headerText(value: string | null): string | undefined {
  if (value === null) return undefined;
  const trimmed = value.trim();
  if (!trimmed) return undefined;
  if (!/[\u0080-\u00ff]/.test(trimmed)) return trimmed;
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(Buffer.from(trimmed, 'latin1'));
  } catch {
    return trimmed;
  }
}

function roleList(value: unknown): string[] {
  if (Array.isArray(value)) return value.filter((role): role is string => typeof role === 'string');
  if (typeof value === 'string') return value.split(',').map((role) => role.trim()).filter(Boolean);
  return [];
}

function headerAuth(names: HeaderNames): Authenticate {
  return async (headers, rawHeaders) => {
    refuseRepeated(rawHeaders, [names.user, names.name, names.team]);
    const id = headerText(headers.get(names.user));
    if (!id) throw new ApiError('unauthenticated', `No ${names.user} header: the reverse proxy in front of Relais must say who the user is.`);
    const displayName = headerText(headers.get(names.name));
    const team = headerText(headers.get(names.team));
    return { id, ...(displayName ? { displayName } : {}), ...(team ? { team } : {}), roles: roleList(headerText(headers.get(names.roles))) };
  };
}

function jwtAuth(keys: JWTVerifyGetKey, options: AuthOptions): Authenticate {
  return async (headers) => {
    const authorization = headers.get('authorization') ?? '';
    const match = /^Bearer\s+(\S+)$/i.exec(authorization);
    if (!match) throw new ApiError('unauthenticated', 'No bearer token: send Authorization: Bearer <token>.');
    let payload;
    try {
      ({ payload } = await jwtVerify(match[1]!, keys, {
        issuer: options.issuer!,
        audience: options.audience!,
        requiredClaims: ['exp'],
        clockTolerance: JWT_CLOCK_TOLERANCE_S,
      }));
    } catch (error) {
      if (keySetUnavailable(error)) throw new ApiError('unavailable', 'The identity provider’s keys cannot be fetched; try again shortly.');
      throw new ApiError('unauthenticated', `The bearer token was refused (${(error as Error).message}).`);
    }
    const now = Date.now() / 1000;
    if (typeof payload.exp === 'number' && payload.exp > now + JWT_MAX_LIFETIME_S + JWT_CLOCK_TOLERANCE_S) {
      throw new ApiError('unauthenticated', `The bearer token was refused (it lives longer than ${JWT_MAX_LIFETIME_S / 3600} hours).`);
    }
    if (typeof payload.iat === 'number' && (payload.iat > now + JWT_CLOCK_TOLERANCE_S || payload.iat < now - JWT_MAX_LIFETIME_S - JWT_CLOCK_TOLERANCE_S)) {
      throw new ApiError('unauthenticated', 'The bearer token was refused (its "iat" is in the future, or too far in the past).');
    }
    if (typeof payload.sub !== 'string' || !payload.sub) throw new ApiError('unauthenticated', 'The bearer token has no subject (sub).');
    const text = (value: unknown) => (typeof value === 'string' && value.trim() ? value.trim() : undefined);
    const displayName = text(payload.name);
    const team = text(payload.team);
    return { id: payload.sub, ...(displayName ? { displayName } : {}), ...(team ? { team } : {}), roles: roleList(payload.roles) };
  };
}

/** Demo: the viewer picked in the page (a person of the data), else the document's viewer; all admins. */
function demoAuth(db: Database): Authenticate {
  return async (headers, rawHeaders) => {
    refuseRepeated(rawHeaders, [DEMO_VIEWER_HEADER]);
    const picked = headerText(headers.get(DEMO_VIEWER_HEADER));
    if (picked) {
      const row = await person(db, picked);
      if (!row) throw new ApiError('unauthenticated', `${DEMO_VIEWER_HEADER}: "${picked}" is nobody in the demo data.`);
      return { id: row.id, displayName: row.display_name, ...(row.team ? { team: row.team } : {}), roles: ['admin'] };
    }
    const parsed = ViewerSchema.safeParse(await setting(db, 'document-viewer'));
    if (!parsed.success) throw new ApiError('unauthenticated', `No ${DEMO_VIEWER_HEADER} header, and the demo data names no viewer.`);
    const viewer = parsed.data;
    return {
      id: viewer.id,
      ...(viewer.displayName ? { displayName: viewer.displayName } : {}),
      ...(viewer.team ? { team: viewer.team } : {}),
      ...(viewer.locale ? { locale: viewer.locale } : {}),
      leaderboardOptIn: viewer.leaderboardOptIn,
      roles: ['admin'],
    };
  };
}
