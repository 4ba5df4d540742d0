import type { Acknowledgment, Charter } from '../model/index.js';
import { DAY_MS } from '../time.js';

/**
 * Where the viewer stands with the charter:
 * - `unknown`: not loaded yet, or could not be loaded;
 * - `not-required`: the charter asks for no acknowledgment;
 * - `required`: no acknowledgment of a version ≥ `minAcknowledgedVersion`;
 * - `renewal-due`: acknowledged, but longer ago than `renewalDays`;
 * - `acknowledged`: nothing to do.
 */
export type CharterStatus = 'unknown' | 'not-required' | 'required' | 'renewal-due' | 'acknowledged';

/** Why acknowledgment is asked, so the banner can say so (and show the change note). */
export type CharterReason = 'first-time' | 'new-version' | 'renewal' | undefined;


export interface CharterStanding {
  status: CharterStatus;
  reason: CharterReason;
  /** When an acknowledgment that still counts stops counting (renewal date). */
  renewalDue?: Date;
}

/** Pure: decides the viewer's standing from the charter, their latest acknowledgment and the time. */
export function charterStanding(charter: Charter, acknowledgment: Acknowledgment | undefined, now: Date): CharterStanding {
  if (!charter.requireAcknowledgment) return { status: 'not-required', reason: undefined };
  const ofThisCharter = acknowledgment?.charterId === charter.id ? acknowledgment : undefined;
  if (!ofThisCharter) return { status: 'required', reason: 'first-time' };
  if (ofThisCharter.version < charter.minAcknowledgedVersion) return { status: 'required', reason: 'new-version' };
  const renewalDue = new Date(Date.parse(ofThisCharter.at) + charter.renewalDays * DAY_MS);
  if (renewalDue.getTime() <= now.getTime()) return { status: 'renewal-due', reason: 'renewal', renewalDue };
  return { status: 'acknowledged', reason: undefined, renewalDue };
}

/** Whether sharing must wait for an acknowledgment. */
export function needsAcknowledgment(status: CharterStatus): boolean {
  return status === 'required' || status === 'renewal-due';
}
