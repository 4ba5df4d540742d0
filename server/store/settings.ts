/** Settings: the guard policy, tiers, the demo viewer. */
import type { Queryable } from '../db.js';

/** The policy served when none was ever written, as `DataDocumentSchema` defaults it. */
export const DEFAULT_GUARD_POLICY = { version: 1, rules: [], internalDomains: [] };

export type SettingKey = 'guard-policy' | 'tiers' | 'document-viewer';

export async function setting(q: Queryable, key: SettingKey): Promise<unknown> {
  const [row] = await q.query<{ value: unknown }>('SELECT value FROM settings WHERE key = $1', [key]);
  return row?.value;
}

export async function putSetting(q: Queryable, key: SettingKey, value: unknown): Promise<void> {
  await q.query('INSERT INTO settings (key, value) VALUES ($1, $2::jsonb) ON CONFLICT (key) DO UPDATE SET value = excluded.value', [key, JSON.stringify(value)]);
}
