import { atom, computed, onMount, type ReadableAtom } from 'nanostores';
import { wakeAt } from '../clock.js';
import type { RelaisClient } from '../client/client.js';
import type { Loadable } from '../client/resource.js';
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

const standings = new WeakMap<RelaisClient, ReadableAtom<Loadable<CharterStanding>>>();

/**
 * The store of the viewer's standing with the charter, one per client, shared by every element
 * that needs it (the banner asks for acknowledgment, the share card waits for it). It follows the
 * client's charter and acknowledgment (an optimistic acknowledgment unlocks everything at once),
 * and time: a page left open past the renewal date asks again without a reload.
 */
export function charterStandingOf(client: RelaisClient): ReadableAtom<Loadable<CharterStanding>> {
  let $standing = standings.get(client);
  if ($standing) return $standing;
  /** Bumped when the standing may have changed with time alone (a renewal falling due). */
  const $renewalFellDue = atom(0);
  $standing = computed([client.$charter, client.$acknowledgment, $renewalFellDue], (charter, acknowledgment): Loadable<CharterStanding> => {
    const error = charter.error ?? acknowledgment.error;
    if (error) return { status: 'error', error };
    if (charter.status !== 'ready' || acknowledgment.status !== 'ready') return { status: 'loading' };
    return { status: 'ready', value: charterStanding(charter.value, acknowledgment.value, client.clock.now()) };
  });
  onMount($standing, () => {
    let cancel: (() => void) | undefined;
    const watch = (): void => {
      cancel?.();
      cancel = undefined;
      const charter = client.$charter.get();
      const acknowledgment = client.$acknowledgment.get();
      if (charter.status !== 'ready' || acknowledgment.status !== 'ready') return;
      const { status, renewalDue } = charterStanding(charter.value, acknowledgment.value, client.clock.now());
      if (status === 'acknowledged' && renewalDue) cancel = wakeAt(client.clock, renewalDue, () => $renewalFellDue.set($renewalFellDue.get() + 1));
    };
    // Listening to the sources, not to the standing itself, which would then never unmount.
    const stopCharter = client.$charter.listen(watch);
    const stopAcknowledgment = client.$acknowledgment.listen(watch);
    watch();
    return () => {
      stopCharter();
      stopAcknowledgment();
      cancel?.();
    };
  });
  standings.set(client, $standing);
  return $standing;
}
