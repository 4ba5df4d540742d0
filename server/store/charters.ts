/** Charters and acknowledgments: publication, the latest acknowledgment, HR's register. */
import type { Acknowledgment } from '../../src/model/index.js';
import type { Queryable } from '../db.js';
import { instant, isoText, type Json } from './common.js';

export async function currentCharter(q: Queryable): Promise<{ id: unknown; version: number; doc: Json } | undefined> {
  const [row] = await q.query<{ id: string; version: number; doc: Json }>('SELECT id, version, doc FROM charters ORDER BY seq DESC LIMIT 1');
  return row;
}

/** Makes publishers take turns until the transaction ends, so that two instances cannot both publish "the next" version. */
export async function lockCharterPublication(tx: Queryable): Promise<void> {
  await tx.query('SELECT pg_advisory_xact_lock(1380273218)');
}

export async function publishCharter(q: Queryable, doc: Json): Promise<void> {
  const version = Number.isInteger(doc.version) ? (doc.version as number) : 0;
  await q.query('INSERT INTO charters (id, version, doc) VALUES ($1, $2, $3::jsonb)', [typeof doc.id === 'string' ? doc.id : '', version, JSON.stringify(doc)]);
}

/**
 * Records an acknowledgment; the first one of a (viewer, charter, version) stands. True if new.
 * `clientAt` is the time the client gave when `ack.at` is the server's (the API).
 */
export async function recordAcknowledgment(q: Queryable, ack: { viewerId: string; charterId: string; version: number; at: string }, clientAt?: string): Promise<boolean> {
  const rows = await q.query(
    `INSERT INTO acknowledgments (viewer_id, charter_id, version, at, at_ts, client_at) VALUES ($1, $2, $3, $4, $5::timestamptz, $6::timestamptz)
     ON CONFLICT (viewer_id, charter_id, version) DO NOTHING RETURNING viewer_id`,
    [ack.viewerId, ack.charterId, ack.version, ack.at, instant(ack.at) ?? null, clientAt ?? null],
  );
  return rows.length > 0;
}

/** The viewer's acknowledgment of the current charter (by id) with the highest version, then the latest. */
export async function latestAcknowledgment(q: Queryable, viewerId: string): Promise<Acknowledgment | undefined> {
  const [row] = await q.query<{ viewer_id: string; charter_id: string; version: number; at: string }>(
    `SELECT a.viewer_id, a.charter_id, a.version, a.at FROM acknowledgments a
     WHERE a.viewer_id = $1 AND a.charter_id = (SELECT id FROM charters ORDER BY seq DESC LIMIT 1)
     ORDER BY a.version DESC, a.at_ts DESC NULLS LAST
     LIMIT 1`,
    [viewerId],
  );
  return row && { viewerId: row.viewer_id, charterId: row.charter_id, version: row.version, at: row.at };
}

/**
 * Whether `version` of `charterId` may be acknowledged now: the charter is the current one, and
 * the version is the current version, or a published one still accepted (at least the current
 * `minAcknowledgedVersion`). Undefined when it may; else the field at fault and why.
 */
export async function acknowledgeableVersion(q: Queryable, charterId: string, version: number): Promise<{ field: 'charterId' | 'version'; problem: string } | undefined> {
  const current = await currentCharter(q);
  if (!current) return { field: 'charterId', problem: 'no charter has been published yet' };
  if (current.id !== charterId) return { field: 'charterId', problem: `must be the current charter ("${String(current.id)}")` };
  if (version === current.version) return undefined;
  const minimum = Number.isInteger(current.doc.minAcknowledgedVersion) ? (current.doc.minAcknowledgedVersion as number) : 1;
  if (version > current.version || version < minimum) return { field: 'version', problem: `must be a published version from ${minimum} to ${current.version}` };
  const [published] = await q.query('SELECT 1 FROM charters WHERE id = $1 AND version = $2 LIMIT 1', [charterId, version]);
  return published ? undefined : { field: 'version', problem: `version ${version} of "${charterId}" was never published` };
}

export interface RegisterRow {
  viewerId: string;
  displayName?: string;
  team?: string;
  charterId: string;
  version: number;
  /** ISO 8601 in UTC, or the text as written when it names no instant. */
  at: string;
}

/** The acknowledgment register for HR: every acknowledgment, oldest first. */
export async function acknowledgmentRegister(q: Queryable): Promise<RegisterRow[]> {
  const rows = await q.query<{ viewer_id: string; display_name: string | null; team: string | null; charter_id: string; version: number; at: string; at_iso: string | null }>(
    `SELECT a.viewer_id, p.display_name, p.team, a.charter_id, a.version, a.at, ${isoText('a.at_ts')} AS at_iso
     FROM acknowledgments a LEFT JOIN people p ON p.id = a.viewer_id
     ORDER BY a.at_ts NULLS LAST, a.viewer_id COLLATE "C", a.charter_id COLLATE "C", a.version`,
  );
  return rows.map((row) => ({
    viewerId: row.viewer_id,
    ...(row.display_name ? { displayName: row.display_name } : {}),
    ...(row.team ? { team: row.team } : {}),
    charterId: row.charter_id,
    version: row.version,
    at: row.at_iso ?? row.at,
  }));
}
