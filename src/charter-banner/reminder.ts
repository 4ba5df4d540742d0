/**
 * The charter model behind `<charter-banner>`: what to show (`$view`) and what the viewer can do
 * (acknowledge, snooze, dismiss), with no DOM. The element derives its rendering from `$view`
 * and forwards clicks to the actions; it keeps no domain state of its own.
 *
 * Everything is derived from stores that every element of a client shares — the client's
 * charter standing and the viewer's local state (snoozes, dismissals), which another tab's
 * changes update too — so two banners on one page, or in two tabs, always agree.
 */
import { atom, computed, onMount, type ReadableAtom } from 'nanostores';
import { wakeAt } from '../clock.js';
import type { RelaisClient } from '../client/client.js';
import { toErrorInfo, type RelaisErrorInfo } from '../client/errors.js';
import type { Loadable } from '../client/resource.js';
import type { Acknowledgment, Viewer } from '../model/index.js';
import {
  clearSnoozes,
  normalizePolicy,
  readSnoozeState,
  recordDismissal,
  snoozeReminder,
  wasDismissed,
  type SnoozePolicy,
  type SnoozeSubject,
} from './snooze.js';
import { charterStandingOf, type CharterStanding } from './status.js';

/** What the reminder is doing; an element adds `not-configured` when it has no client. */
export type CharterReminderState = CharterReminderView['state'];

/** Acknowledgment is asked, and shown. */
export interface CharterPromptView {
  state: 'prompt';
  standing: CharterStanding;
  /** How many more times "remind me later" may be used; 0: the option is gone. */
  snoozesLeft: number;
  /** The viewer closed the modal of dialog mode in this browsing session: do not open it by itself. */
  dismissed: boolean;
  /** This reminder's acknowledgment is being saved: the prompt stays as it was until it settles. */
  acknowledging: boolean;
  /** This reminder's last acknowledgment failed. */
  acknowledgeError?: RelaisErrorInfo;
  subject: SnoozeSubject;
}

/** Everything one render needs, decided once. */
export type CharterReminderView =
  | { state: 'loading' }
  | { state: 'error'; error: RelaisErrorInfo }
  | { state: 'not-required'; standing: CharterStanding }
  | { state: 'acknowledged'; standing: CharterStanding }
  | CharterPromptView
  | { state: 'snoozed'; standing: CharterStanding; snoozesLeft: number; until: Date; subject: SnoozeSubject };

/** A snooze that was granted. */
export interface SnoozeResult {
  /** When the reminder comes back. */
  until: Date;
  snoozesLeft: number;
  /** False when the browser storage refused it: it holds for this page only. */
  persisted: boolean;
}

export interface CharterReminder {
  readonly $view: ReadableAtom<CharterReminderView>;
  /** Changes how long and how often the reminder may be postponed (the element's attributes). */
  setPolicy(policy: Partial<SnoozePolicy>): void;
  /**
   * Acknowledges the charter shown in the prompt; resolves `undefined` when nothing is asked.
   * Rejects when the adapter refuses: the prompt then carries `acknowledgeError`.
   */
  acknowledge(): Promise<Acknowledgment | undefined>;
  /** "Remind me later"; `undefined` when no snooze is left or nothing is asked. */
  snooze(): SnoozeResult | undefined;
  /** The viewer closed the prompt's modal without acknowledging: not again in this browsing session. */
  dismiss(): void;
  /**
   * The viewer asked for the charter (a locked share card's button): the prompt is shown even
   * while postponed or dismissed, until acknowledged or dismissed again.
   */
  request(): void;
  /** Loads the charter and the viewer's acknowledgment again, after an error. */
  retry(): Promise<void>;
}

/** Whose reminder, about which charter version, and for which acknowledgment cycle. */
function subjectOf(standing: CharterStanding, viewer: Loadable<Viewer>): SnoozeSubject {
  const { charter, acknowledgment } = standing;
  return {
    viewerId: viewer.value?.id ?? acknowledgment?.viewerId ?? '',
    charterId: charter.id,
    version: charter.version,
    cycle: acknowledgment ? `${acknowledgment.version}@${acknowledgment.at}` : undefined,
  };
}

export function charterReminder(client: RelaisClient, policy: Partial<SnoozePolicy> = {}): CharterReminder {
  const $policy = atom(normalizePolicy(policy));
  /** Bumped when a snooze ends: time alone changed what to show. */
  const $snoozeEnded = atom(0);
  /** The prompt as it was when this reminder started acknowledging, shown until the write settles. */
  const $frozenPrompt = atom<CharterPromptView | undefined>(undefined);
  const $acknowledgeError = atom<RelaisErrorInfo | undefined>(undefined);
  /** The viewer asked for the charter: a snooze or a dismissal no longer hides the prompt. */
  const $requested = atom(false);

  const $decided = computed(
    [charterStandingOf(client), client.$viewer, client.localState.$changes, $policy, $snoozeEnded, $acknowledgeError, $requested],
    (loadable, viewer, _changes, rules, _ended, acknowledgeError, requested): CharterReminderView => {
      if (loadable.status === 'error') return { state: 'error', error: loadable.error };
      if (loadable.status === 'loading') return { state: 'loading' };
      const standing = loadable.value;
      if (standing.status === 'not-required' || standing.status === 'acknowledged') return { state: standing.status, standing };
      const subject = subjectOf(standing, viewer);
      const snooze = readSnoozeState(client.localState, subject, client.clock.now(), rules);
      if (snooze.snoozed && snooze.until && !requested) return { state: 'snoozed', standing, snoozesLeft: snooze.snoozesLeft, until: snooze.until, subject };
      const dismissed = !requested && wasDismissed(client.localState, subject);
      return { state: 'prompt', standing, snoozesLeft: snooze.snoozesLeft, dismissed, acknowledging: false, acknowledgeError, subject };
    },
  );

  // The client updates the standing optimistically while an acknowledgment is saved (so other
  // elements unlock at once) and rolls it back on failure; following it here would take the
  // focused button away and bring it back.
  const $view = computed([$decided, $frozenPrompt], (decided, frozen) => frozen ?? decided);

  // A page can stay open for days: the reminder comes back when its snooze ends, not at the next load.
  onMount($view, () => {
    let cancel: (() => void) | undefined;
    const follow = (view: CharterReminderView): void => {
      cancel?.();
      cancel = view.state === 'snoozed' ? wakeAt(client.clock, view.until, () => $snoozeEnded.set($snoozeEnded.get() + 1)) : undefined;
    };
    const stop = $decided.subscribe(follow);
    return () => {
      stop();
      cancel?.();
    };
  });

  return {
    $view,

    setPolicy(next) {
      const normalized = normalizePolicy(next);
      const current = $policy.get();
      if (normalized.snoozeDays !== current.snoozeDays || normalized.maxSnoozes !== current.maxSnoozes) $policy.set(normalized);
    },

    async acknowledge() {
      const view = $view.get();
      if (view.state !== 'prompt' || view.acknowledging) return undefined;
      $frozenPrompt.set({ ...view, acknowledging: true, acknowledgeError: undefined });
      $acknowledgeError.set(undefined);
      try {
        const acknowledgment = await client.acknowledge();
        clearSnoozes(client.localState, view.subject);
        return acknowledgment;
      } catch (error) {
        $acknowledgeError.set(toErrorInfo(error));
        throw error;
      } finally {
        $frozenPrompt.set(undefined);
      }
    },

    snooze() {
      const view = $view.get();
      if (view.state !== 'prompt' || view.acknowledging) return undefined;
      const result = snoozeReminder(client.localState, view.subject, client.clock.now(), $policy.get());
      if (result) $requested.set(false);
      return result && { until: result.until, snoozesLeft: result.snoozesLeft, persisted: result.persisted };
    },

    dismiss() {
      const view = $view.get();
      $requested.set(false);
      if (view.state === 'prompt') recordDismissal(client.localState, view.subject);
    },

    request() {
      $requested.set(true);
    },

    retry: () => client.reloadCharter(),
  };
}
