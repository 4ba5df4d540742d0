/**
 * The `relais-*` events: their names, their typed `detail`, and the one helper that dispatches
 * them. Every event bubbles and is composed, so a listener on `document` hears an element
 * nested in any shadow root; `relais-share` is cancelable, so a page can veto or take over a
 * share.
 *
 * ```ts
 * document.addEventListener('relais-share', (event) => {
 *   if (event.detail.network === 'x') event.preventDefault();
 * });
 * ```
 */
import type { Acknowledgment, Network, RelaisErrorInfo, Severity, Shareable, ShareEvent, Verdict } from '../model/index.js';

/**
 * The part of a guard report that listeners need. Structural, so that `events/` does not
 * depend on `guard/`: the guard's own report type satisfies it.
 */
export interface GuardReportLike {
  readonly verdict: Verdict;
  readonly findings: readonly GuardFindingLike[];
}

/** The part of a guard finding that listeners need; see {@link GuardReportLike}. */
export interface GuardFindingLike {
  readonly ruleId: string;
  readonly severity: Severity;
  /** UTF-16 offsets into the checked text. */
  readonly start: number;
  readonly end: number;
}

/** `relais-share`: a share is about to happen. Cancel it with `preventDefault()`. */
export interface RelaisShareDetail {
  /** The item being shared, as the adapter gave it. */
  readonly item: Shareable;
  readonly shareableId: string;
  readonly network: Network;
  /** The text the employee is sharing. */
  readonly text: string;
  /** Whether the employee changed the suggested text. */
  readonly personalized: boolean;
  /** The address being shared, with its tracking parameters. */
  readonly url: string;
}

/** `relais-shared`: a share happened and was recorded. */
export interface RelaisSharedDetail {
  readonly event: ShareEvent;
  readonly pointsEarned: number;
}

/** `relais-acknowledge`: the viewer acknowledged the charter. */
export interface RelaisAcknowledgeDetail {
  readonly acknowledgment: Acknowledgment;
}

/** `relais-guard`: the guard checked a text. */
export interface RelaisGuardDetail {
  readonly report: GuardReportLike;
}

/**
 * `relais-error`: something failed; the element shows a localized error state. The detail is
 * the error the element shows, as the client's stores hold it: one type under two names.
 */
export type RelaisErrorDetail = RelaisErrorInfo;

/** `relais-snooze`: the viewer postponed the charter reminder. */
export interface RelaisSnoozeDetail {
  /** ISO 8601 date-time until which the reminder stays hidden. */
  readonly until: string;
  readonly snoozesLeft: number;
}

/** Every `relais-*` event name and the type of its `detail`. */
export interface RelaisEventMap {
  'relais-share': RelaisShareDetail;
  'relais-shared': RelaisSharedDetail;
  'relais-acknowledge': RelaisAcknowledgeDetail;
  'relais-guard': RelaisGuardDetail;
  'relais-error': RelaisErrorDetail;
  'relais-snooze': RelaisSnoozeDetail;
}

export type RelaisEventName = keyof RelaisEventMap;

/** The event object a listener receives for `name`. */
export type RelaisEvent<Name extends RelaisEventName> = CustomEvent<RelaisEventMap[Name]>;

/**
 * Which events may be cancelled, as the contract says; also the list of every event name, for
 * documentation and tests.
 */
export const RELAIS_EVENTS: Readonly<Record<RelaisEventName, { readonly cancelable: boolean }>> = {
  'relais-share': { cancelable: true },
  'relais-shared': { cancelable: false },
  'relais-acknowledge': { cancelable: false },
  'relais-guard': { cancelable: false },
  'relais-error': { cancelable: false },
  'relais-snooze': { cancelable: false },
};

/** Options of {@link emit}. */
export interface EmitOptions {
  /** Overrides whether the event can be cancelled; by default, as in {@link RELAIS_EVENTS}. */
  cancelable?: boolean;
}

/**
 * Dispatches a `relais-*` event from `target`: bubbling, composed, with `detail` as given.
 *
 * @returns `false` if a listener cancelled the event with `preventDefault()` (only possible on
 *   a cancelable event), `true` otherwise — so `if (!emit(…)) return;` stops a vetoed action.
 */
export function emit<Name extends RelaisEventName>(
  target: EventTarget,
  name: Name,
  detail: RelaisEventMap[Name],
  options: EmitOptions = {},
): boolean {
  const event = new CustomEvent(name, {
    detail,
    bubbles: true,
    composed: true,
    cancelable: options.cancelable ?? RELAIS_EVENTS[name].cancelable,
  });
  target.dispatchEvent(event);
  return !event.defaultPrevented;
}

/** Each event name with the event object its listeners receive, for the global event maps. */
type RelaisGlobalEventMap = { [Name in RelaisEventName]: RelaisEvent<Name> };

// GlobalEventHandlersEventMap is the base of HTMLElementEventMap, DocumentEventMap and
// WindowEventMap: listeners are typed on elements and also on `document` and `window`, where
// bubbling, composed events end up. Derived from RelaisEventMap, so a new event is named once.
declare global {
  // eslint-disable-next-line @typescript-eslint/no-empty-object-type
  interface GlobalEventHandlersEventMap extends RelaisGlobalEventMap {}
}
