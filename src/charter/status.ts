import type { Acknowledgment, Charter } from '../model/index.js';
import { DAY_MS } from '../time.js';

/**
 * Where the viewer stands with the charter:
 * - `not-required`: the charter asks for no acknowledgment;
 * - `required`: no acknowledgment of a version ≥ `minAcknowledgedVersion`;
 * - `renewal-due`: acknowledged, but longer ago than `renewalDays`;
 * - `acknowledged`: nothing to do.
 * (Loading and errors are not statuses: the client's stores say them as `Loadable` states.)
 */
export type CharterStatus = 'not-required' | 'required' | 'renewal-due' | 'acknowledged';

/** Why acknowledgment is asked, so the banner can say so (and show the change note). */
export type CharterReason = 'first-time' | 'new-version' | 'renewal';

/** The charter, the viewer's latest acknowledgment, and where that leaves the viewer. */
export interface CharterStanding {
  charter: Charter;
  acknowledgment: Acknowledgment | undefined;
  status: CharterStatus;
  /** Why acknowledgment is asked, while it is (`required`, `renewal-due`). */
  reason?: CharterReason;
  /** When an acknowledgment that still counts stops counting (renewal date). */
  renewalDue?: Date;
}

/** Pure: decides the viewer's standing from the charter, their latest acknowledgment and the time. */
export function charterStanding(charter: Charter, acknowledgment: Acknowledgment | undefined, now: Date): CharterStanding {
  const base = { charter, acknowledgment };
  if (!charter.requireAcknowledgment) return { ...base, status: 'not-required' };
  const ofThisCharter = acknowledgment?.charterId === charter.id ? acknowledgment : undefined;
  if (!ofThisCharter) return { ...base, status: 'required', reason: 'first-time' };
  if (ofThisCharter.version < charter.minAcknowledgedVersion) return { ...base, status: 'required', reason: 'new-version' };
  const renewalDue = new Date(Date.parse(ofThisCharter.at) + charter.renewalDays * DAY_MS);
  if (renewalDue.getTime() <= now.getTime()) return { ...base, status: 'renewal-due', reason: 'renewal', renewalDue };
  return { ...base, status: 'acknowledged', renewalDue };
}

/** Whether sharing must wait for an acknowledgment. */
export function needsAcknowledgment(status: CharterStatus): boolean {
  return status === 'required' || status === 'renewal-due';
}
