/**
 * "Remind me later" for the charter: how long a reminder stays hidden, and how many times it
 * may be postponed. Reminders are gentle and bounded (DESIGN.md, "Trust before control"): each
 * snooze hides the reminder for a few days, and after the last one the option is gone.
 *
 * Pure functions over a record kept in the viewer's local state (browser storage), one per
 * (viewer, charter id, version). No DOM, no Lit: the charter model (`reminder.ts`) uses them.
 */
import type { LocalState } from '../client/local-state.js';
import { DAY_MS } from '../time.js';

/** Days a reminder stays hidden after "remind me later". */
export const DEFAULT_SNOOZE_DAYS = 3;
/** How many times a reminder may be postponed. */
export const DEFAULT_MAX_SNOOZES = 3;

/** How long and how often the reminder may be postponed. */
export interface SnoozePolicy {
  /** Days each snooze lasts; a positive number. */
  snoozeDays: number;
  /** Snoozes allowed per reminder; 0 disables "remind me later". */
  maxSnoozes: number;
}

/** Whose reminder, about which charter. */
export interface SnoozeSubject {
  viewerId: string;
  charterId: string;
  version: number;
  /**
   * What the reminder asks to renew: the acknowledgment in force (`"2@2025-11-02T…"`), or
   * `undefined` for a first acknowledgment. A snooze counts for one reminder only: once the
   * viewer acknowledges, next year's renewal of the same version starts with every snooze again.
   */
  cycle?: string;
}

/** What is kept in storage. */
export interface SnoozeRecord {
  /** Snoozes used for this reminder. */
  count: number;
  /** ISO 8601 date-time when the current snooze ends. */
  until: string;
  /** The subject's `cycle` when the snoozes were used ('' for none). */
  cycle: string;
}

/** Where the viewer stands with "remind me later". */
export interface SnoozeState {
  /** The reminder is postponed: keep it hidden until {@link until}. */
  snoozed: boolean;
  /** When the current snooze ends, while snoozed. */
  until?: Date;
  /** How many more times the reminder may be postponed; 0 means the option is gone. */
  snoozesLeft: number;
}

/** `relais:<kind>:<viewer>:<charter>:<version>`: one record per viewer and charter version. */
function subjectKey(kind: string, subject: SnoozeSubject): string {
  return `relais:${kind}:${encodeURIComponent(subject.viewerId)}:${encodeURIComponent(subject.charterId)}:${subject.version}`;
}

/** The storage key of one viewer's snoozes of one charter version. */
export function snoozeKey(subject: SnoozeSubject): string {
  return subjectKey('charter-snooze', subject);
}

/** The (session) storage key that says the viewer closed the charter's modal without acknowledging. */
export function dismissalKey(subject: SnoozeSubject): string {
  return subjectKey('charter-dismissed', subject);
}

/**
 * A policy whose numbers are usable: attributes arrive from HTML, where `snooze-days="soon"` or
 * `max-snoozes="-1"` are one typo away. Unusable numbers fall back to the defaults.
 */
export function normalizePolicy(policy: Partial<SnoozePolicy>): SnoozePolicy {
  const days = policy.snoozeDays;
  const max = policy.maxSnoozes;
  return {
    snoozeDays: typeof days === 'number' && Number.isFinite(days) && days > 0 ? days : DEFAULT_SNOOZE_DAYS,
    maxSnoozes: typeof max === 'number' && Number.isFinite(max) && max >= 0 ? Math.floor(max) : DEFAULT_MAX_SNOOZES,
  };
}

/** Reads a stored record; anything malformed (another version of Relais, a hand edit) reads as none. */
export function parseSnoozeRecord(raw: string | null | undefined): SnoozeRecord | undefined {
  if (!raw) return undefined;
  let value: unknown;
  try {
    value = JSON.parse(raw);
  } catch {
    return undefined;
  }
  if (!value || typeof value !== 'object') return undefined;
  const { count, until, cycle } = value as Record<string, unknown>;
  if (typeof count !== 'number' || !Number.isInteger(count) || count < 0) return undefined;
  if (typeof until !== 'string' || Number.isNaN(Date.parse(until))) return undefined;
  return { count, until, cycle: typeof cycle === 'string' ? cycle : '' };
}

/** Pure: the snooze state of a reminder, from its stored record and the time. */
export function snoozeStateOf(record: SnoozeRecord | undefined, cycle: string | undefined, now: Date, policyInput: Partial<SnoozePolicy>): SnoozeState {
  const policy = normalizePolicy(policyInput);
  const current = record && record.cycle === (cycle ?? '') ? record : undefined;
  const snoozesLeft = Math.max(0, policy.maxSnoozes - (current?.count ?? 0));
  if (!current) return { snoozed: false, snoozesLeft };
  const until = new Date(current.until);
  const remaining = until.getTime() - now.getTime();
  // A snooze never lasts longer than the policy allows, even if the stored date says so
  // (a hand-edited record, or snooze-days lowered since): the reminder must come back.
  const snoozed = remaining > 0 && remaining <= policy.snoozeDays * DAY_MS;
  return snoozed ? { snoozed, until, snoozesLeft } : { snoozed, snoozesLeft };
}

/**
 * Pure: the record after one more snooze at `now`, or `undefined` when no snooze is left
 * (the caller must not offer the option then).
 */
export function nextSnoozeRecord(record: SnoozeRecord | undefined, cycle: string | undefined, now: Date, policyInput: Partial<SnoozePolicy>): SnoozeRecord | undefined {
  const policy = normalizePolicy(policyInput);
  const state = snoozeStateOf(record, cycle, now, policy);
  if (state.snoozesLeft === 0) return undefined;
  const used = policy.maxSnoozes - state.snoozesLeft;
  return {
    count: used + 1,
    until: new Date(now.getTime() + policy.snoozeDays * DAY_MS).toISOString(),
    cycle: cycle ?? '',
  };
}

/** The snooze state of a reminder as kept in the viewer's local state. */
export function readSnoozeState(state: LocalState, subject: SnoozeSubject, now: Date, policy: Partial<SnoozePolicy>): SnoozeState {
  return snoozeStateOf(parseSnoozeRecord(state.read('local', snoozeKey(subject))), subject.cycle, now, policy);
}

/**
 * Postpones the reminder: records one more snooze and returns the new state, or `undefined`
 * when no snooze is left. Never throws: when the storage refuses (private mode, quota,
 * blocked), the snooze still holds for this page, and `persisted` says it will not outlive it.
 */
export function snoozeReminder(
  state: LocalState,
  subject: SnoozeSubject,
  now: Date,
  policy: Partial<SnoozePolicy>,
): (SnoozeState & { until: Date; persisted: boolean }) | undefined {
  const key = snoozeKey(subject);
  const record = nextSnoozeRecord(parseSnoozeRecord(state.read('local', key)), subject.cycle, now, policy);
  if (!record) return undefined;
  const persisted = state.write('local', key, JSON.stringify(record));
  const after = snoozeStateOf(record, subject.cycle, now, policy);
  return { ...after, snoozed: true, until: new Date(record.until), persisted };
}

/** Forgets the viewer's snoozes of this charter version (once they acknowledged it). Never throws. */
export function clearSnoozes(state: LocalState, subject: SnoozeSubject): void {
  // A stale record would be ignored anyway, its cycle no longer matching: removing it is tidiness.
  state.write('local', snoozeKey(subject), null);
}

/**
 * Remembers that the viewer closed the charter's modal (dialog mode) without acknowledging: not a
 * snooze, but it does not open by itself again in this browsing session. Never throws.
 */
export function recordDismissal(state: LocalState, subject: SnoozeSubject): void {
  state.write('session', dismissalKey(subject), '1');
}

/** Whether the viewer closed the charter's modal in this browsing session. */
export function wasDismissed(state: LocalState, subject: SnoozeSubject): boolean {
  return state.read('session', dismissalKey(subject)) === '1';
}
