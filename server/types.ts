/** The types the app's routes and middleware share. */
import type { Database, Queryable } from './db.js';

/** Who the requester is, as the auth says (the people table completes it). */
export interface Identity {
  id: string;
  displayName?: string;
  team?: string;
  locale?: string;
  roles: string[];
  /** Demo only: the document's viewer says whether they opted in when `people` does not. */
  leaderboardOptIn?: boolean;
}

/** Every route after the authentication middleware knows who is asking. */
export type AppEnv = { Variables: { identity: Identity } };

/** A write runs in the transaction the idempotency middleware opened, which records its answer. */
export type WriteEnv = { Variables: { identity: Identity; tx: Queryable } };

/** The app's options with their defaults applied: what the route modules are built with. */
export interface AppSettings {
  db: Database;
  /** "Now", for expiry and leaderboard periods. */
  now: () => Date;
  adminRole: string;
  minTeamSize: number;
  maxBodyBytes: number;
  maxImportBytes: number;
}
