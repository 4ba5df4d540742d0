/**
 * The model behind `<post-composer-guard>`: the draft, the network it is for, and the guard's
 * report on it, with no DOM. The element forwards each keystroke to {@link PostComposer.setText}
 * and renders `$view`; the decisions (compile the policy once, what the counter says, when a
 * change is worth announcing) are made here, where they can be tested without a page.
 *
 * The check runs in the browser, on the text as it is typed: nothing is sent anywhere.
 */
import { atom, computed, type ReadableAtom } from 'nanostores';
import type { RelaisClient } from '../client/client.js';
import { toErrorInfo, type RelaisErrorInfo } from '../client/errors.js';
import type { Loadable } from '../client/resource.js';
import { planFix, type FixPlan } from '../guard/fix.js';
import { compilePolicy } from '../guard/guard.js';
import type { CompiledGuard, GuardReport, LengthReport, Verdict } from '../guard/types.js';
import type { GuardPolicy, Network } from '../model/index.js';

/** What the counter shows: room left, close to the limit (a warning), or past it (blocking). */
export type CounterLevel = 'ok' | 'near' | 'over';

/** The counter turns to a warning from this share of the limit on. */
export const NEAR_LIMIT = 0.9;

/** What a summary says: the verdict and how many findings (listed or not). */
export interface ComposerSummary {
  readonly verdict: Verdict;
  readonly count: number;
}

/** Everything one render needs, decided once. */
export type ComposerView =
  | { state: 'loading' }
  | { state: 'error'; error: RelaisErrorInfo }
  | {
      state: 'ready';
      text: string;
      network: Network;
      report: GuardReport;
      summary: ComposerSummary;
      counter: CounterLevel | undefined;
      /**
       * What each finding's fix does, by the finding's index: the sentence as it will read, and
       * whether a one-click fix is safe; `undefined` for a finding without a suggestion.
       */
      fixes: ReadonlyArray<FixPlan | undefined>;
    };

export interface PostComposer {
  readonly $view: ReadableAtom<ComposerView>;
  /** The draft changed (every keystroke): checked at once. */
  setText(text: string): void;
  setNetwork(network: Network): void;
  /** The language of the findings' messages. */
  setLocale(locale: string): void;
  /** Loads the policy again (after a load error, or a policy the guard refused). */
  retry(): Promise<void>;
}

export interface PostComposerOptions {
  text?: string;
  network?: Network;
  locale?: string;
}

/** The compiled guard of a policy, or why it cannot be compiled; one per policy object. */
type Compiled = { guard: CompiledGuard } | { error: RelaisErrorInfo };

// Shared by every composer of a page: a client's policy is compiled once, however many composers
// (a share card per item) check against it. A new policy version is a new object: compiled anew.
const compiled = new WeakMap<GuardPolicy, Compiled>();

/** Compiles `policy` once; a policy the guard refuses is an error naming the field, never an exception. */
export function compiledGuard(policy: GuardPolicy): Compiled {
  let entry = compiled.get(policy);
  if (!entry) {
    try {
      entry = { guard: compilePolicy(policy) };
    } catch (error) {
      entry = { error: toErrorInfo(error) };
    }
    compiled.set(policy, entry);
  }
  return entry;
}

/** The counter's level for a length report; `undefined` when the network has no limit. */
export function counterLevel(length: LengthReport | undefined): CounterLevel | undefined {
  if (!length) return undefined;
  if (length.used > length.limit) return 'over';
  return length.used >= length.limit * NEAR_LIMIT ? 'near' : 'ok';
}

/**
 * The summary of a report: its verdict and how many points ask the employee to check something,
 * including those left out of the list. A note (`info`) asks nothing: it is not « à vérifier ».
 */
export function summaryOf(report: GuardReport): ComposerSummary {
  const toCheck = report.findings.filter((finding) => finding.severity !== 'info').length;
  return { verdict: report.verdict, count: toCheck + (report.omitted ?? 0) };
}

/**
 * Whether a new summary is worth announcing: only when the verdict or the number of findings
 * changed, never because a key was pressed. The first report (the policy just arrived) is the
 * starting point, not news.
 */
export function shouldAnnounce(previous: ComposerSummary | undefined, next: ComposerSummary): boolean {
  return !!previous && (previous.verdict !== next.verdict || previous.count !== next.count);
}

export function postComposer(client: RelaisClient, options: PostComposerOptions = {}): PostComposer {
  const $text = atom(options.text ?? '');
  const $network = atom<Network>(options.network ?? 'linkedin');
  const $locale = atom(options.locale ?? 'en');

  const $guard = computed(client.$guardPolicy, (loadable: Loadable<GuardPolicy>): Loadable<CompiledGuard> => {
    if (loadable.status !== 'ready') return loadable;
    const entry = compiledGuard(loadable.value);
    return 'guard' in entry ? { status: 'ready', value: entry.guard } : { status: 'error', error: entry.error };
  });

  const $view = computed([$guard, $text, $network, $locale], (guard, text, network, locale): ComposerView => {
    if (guard.status === 'loading') return { state: 'loading' };
    if (guard.status === 'error') return { state: 'error', error: guard.error };
    const report = guard.value.check(text, { network, locale });
    const fixes = report.findings.map((finding) => planFix(text, finding, { lang: locale }));
    return { state: 'ready', text, network, report, summary: summaryOf(report), counter: counterLevel(report.length), fixes };
  });

  return {
    $view,
    setText: (text) => $text.set(text),
    setNetwork: (network) => $network.set(network),
    setLocale: (locale) => $locale.set(locale),
    retry: () => client.reloadGuardPolicy(),
  };
}
