/**
 * The model behind `<post-composer-guard>`: the draft, the network it is for, and the guard's
 * report on it, with no DOM. The element forwards each keystroke to {@link PostComposer.setText}
 * and renders `$view`; the decisions (compile the policy once, what the counter says, when a
 * change is worth announcing) are made here, where they can be tested without a page.
 *
 * The check runs in the browser, on the text as it is typed: nothing is sent anywhere. The guard's
 * code (its engine and its fixes, a fifth of a page's script) is imported when a composer first
 * needs it: at once for a composer on its own, when its text is first edited or focused for a
 * `lazy` one (a share card's, whose suggested text shows at once).
 */
import { atom, computed, type ReadableAtom } from 'nanostores';
import type { RelaisClient } from '../client/client.js';
import { toErrorInfo, type RelaisErrorInfo } from '../client/errors.js';
import type { Loadable } from '../client/resource.js';
import type { FixPlan } from '../guard/fix.js';
import { DEFAULT_LIMITS, measureLength } from '../guard/length.js';
import { warmUpFormats } from '../i18n/format.js';
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
  /**
   * The policy is here, the guard's code not yet (a lazy composer before its text is edited, or
   * any composer while that code loads): the text and its length, no verdict. `checking` once it
   * was asked for.
   */
  | { state: 'waiting'; text: string; network: Network; length: LengthReport | undefined; counter: CounterLevel | undefined; checking: boolean }
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
  /** A lazy composer's text is about to be edited, or its verdict is wanted: the guard's code loads now. */
  need(): Promise<void>;
}

export interface PostComposerOptions {
  text?: string;
  network?: Network;
  locale?: string;
  /** Loads the guard's code only when {@link PostComposer.need} is called or the text changes. */
  lazy?: boolean;
}

/** The guard's code, imported once for the page by the first composer that needs it. */
interface GuardEngine {
  compilePolicy: typeof import('../guard/guard.js').compilePolicy;
  compilePolicyInSlices: typeof import('../guard/guard.js').compilePolicyInSlices;
  planFix: typeof import('../guard/fix.js').planFix;
  yieldToPage: typeof import('../model/guard-policy-parse.js').yieldToPage;
}
let engine: GuardEngine | undefined;
let engineLoading: Promise<GuardEngine> | undefined;
/** Set once the guard's code is here; an error while it could not be loaded (tried again on the next need). */
const $engine = atom<{ ready: boolean; error?: RelaisErrorInfo }>({ ready: false });

/** Imports the guard's code (the engine and the fixes) once for the page. */
export function loadGuardEngine(): Promise<GuardEngine> {
  // The slicing's module comes with the engine (guard.js imports it): no request of its own.
  engineLoading ??= Promise.all([import('../guard/guard.js'), import('../guard/fix.js'), import('../model/guard-policy-parse.js')]).then(
    ([guard, fix, slicing]) => {
      engine = { compilePolicy: guard.compilePolicy, compilePolicyInSlices: guard.compilePolicyInSlices, planFix: fix.planFix, yieldToPage: slicing.yieldToPage };
      $engine.set({ ready: true });
      return engine;
    },
    (error: unknown) => {
      engineLoading = undefined;
      $engine.set({ ready: false, error: toErrorInfo(error) });
      throw error;
    },
  );
  return engineLoading;
}

/** The compiled guard of a policy, or why it cannot be compiled. */
type Compiled = { guard: CompiledGuard } | { error: RelaisErrorInfo };
/** A policy being compiled in slices; `settled` once done (every object of that content then sees it). */
type Compiling = { pending: Promise<Compiled>; settled?: Compiled };

const settledOf = (entry: Compiled | Compiling): Compiled | Compiling => ('pending' in entry && entry.settled) || entry;

/**
 * Past this many terms, exceptions and disclosure phrases, a policy is compiled in slices between
 * which the page runs (a 5,000-term policy took 0.5–1 s in one go, freezing the page); below it,
 * at once, so that a small policy never shows the loading state.
 */
export const PHRASES_COMPILED_AT_ONCE = 100;

// Shared by every composer of a page: a policy is compiled once, however many composers (a share
// card per item) check against it. Looked up by object first, then by content: the same policy
// loaded again (a reload, a second client) is a new object with the same content, not compiled
// anew. A new policy version has other content: compiled anew.
const byObject = new WeakMap<GuardPolicy, Compiled | Compiling>();
const byContent = new Map<string, Compiled | Compiling>();
/** Most policies kept by content (a page has one or two; a long-lived one may see versions go by). */
const CONTENT_CACHE_SIZE = 4;
/** Moves on each time a sliced compile ends, so that the stores waiting for it look again. */
const $compiledCount = atom(0);

/**
 * A short hash of the policy's content (53-bit FNV-like mix of its JSON), as a cache key. Not a
 * security measure: two policies of a page are never adversaries of each other.
 */
export function policyHash(policy: GuardPolicy): string {
  const json = JSON.stringify(policy);
  let h1 = 0xdeadbeef;
  let h2 = 0x41c6ce57;
  for (let k = 0; k < json.length; k++) {
    const unit = json.charCodeAt(k);
    h1 = Math.imul(h1 ^ unit, 2654435761);
    h2 = Math.imul(h2 ^ unit, 1597334677);
  }
  h1 = Math.imul(h1 ^ (h1 >>> 16), 2246822507) ^ Math.imul(h2 ^ (h2 >>> 13), 3266489909);
  h2 = Math.imul(h2 ^ (h2 >>> 16), 2246822507) ^ Math.imul(h1 ^ (h1 >>> 13), 3266489909);
  return `${(h2 >>> 0).toString(16)}${(h1 >>> 0).toString(16).padStart(8, '0')}`;
}

function phraseCount(policy: GuardPolicy): number {
  let count = policy.disclosure?.anyOf.length ?? 0;
  for (const rule of policy.rules) count += rule.exceptions.length + (rule.kind === 'term' ? rule.terms.length : 0);
  return count;
}


function remember(policy: GuardPolicy, hash: string, entry: Compiled | Compiling): void {
  byObject.set(policy, entry);
  byContent.delete(hash);
  byContent.set(hash, entry);
  if (byContent.size > CONTENT_CACHE_SIZE) byContent.delete(byContent.keys().next().value!);
}

/**
 * The compiled guard of `policy`, or why it cannot be compiled (an error naming the field, never
 * an exception); `pending` while a large policy is being compiled in slices ({@link
 * PHRASES_COMPILED_AT_ONCE}).
 */
export function compiledGuard(policy: GuardPolicy): Compiled | Compiling {
  if (!engine) return { pending: loadGuardEngine().then(() => settledOf(compiledGuard(policy)), (error: unknown) => ({ error: toErrorInfo(error) })) as Promise<Compiled> };
  const { compilePolicy, compilePolicyInSlices } = engine;
  const known = byObject.get(policy);
  if (known) return settledOf(known);
  const hash = policyHash(policy);
  const same = byContent.get(hash);
  if (same) {
    byObject.set(policy, same);
    return settledOf(same);
  }
  if (phraseCount(policy) <= PHRASES_COMPILED_AT_ONCE) {
    let entry: Compiled;
    try {
      entry = { guard: compilePolicy(policy) };
    } catch (error) {
      entry = { error: toErrorInfo(error) };
    }
    remember(policy, hash, entry);
    return entry;
  }
  const pending = compilePolicyInSlices(policy).then(
    (guard): Compiled => ({ guard }),
    (error: unknown): Compiled => ({ error: toErrorInfo(error) }),
  );
  const compiling: Compiling = { pending };
  remember(policy, hash, compiling);
  void pending.then((entry) => {
    compiling.settled = entry;
    $compiledCount.set($compiledCount.get() + 1);
  });
  return compiling;
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
  const $checking = atom(false);
  const need = async (): Promise<void> => {
    if (!$checking.get()) $checking.set(true);
    await loadGuardEngine().catch(() => {});
  };
  if (!options.lazy) void need();

  // While a new version of the policy compiles in slices, the draft stays checked against the
  // previous one rather than going back to loading.
  let previous: CompiledGuard | undefined;
  // A guard compiled in slices is shown once the draft was checked against it in a task of its
  // own: the page's first check, its fixes and the report's first render run cold code, and in
  // the compile's last task they made one long task together (20–68 ms for a 3,000-character
  // draft in Chromium here, against 3–8 ms warm). The check is kept (`lastCheck`), and the render
  // follows in the next task. Neither loads the browser's locale data: that is done in idle time
  // (warmUpFormats), waited for here when it has not happened yet.
  let waited: Compiling | undefined;
  let primed: CompiledGuard | undefined;
  const $primed = atom(0);
  // The sliced compile ended its last slice with a yield already: nothing heavy ran since.
  const prime = async (guard: CompiledGuard): Promise<void> => {
    await warmUpFormats($locale.get());
    await engine!.yieldToPage();
    checkOf(guard, $text.get(), $network.get(), $locale.get());
    await engine!.yieldToPage();
    primed = guard;
    $primed.set($primed.get() + 1);
  };
  const $guard = computed(
    [client.$guardPolicy, $compiledCount, $engine, $primed],
    (loadable: Loadable<GuardPolicy>, _count, loaded): Loadable<CompiledGuard> | { status: 'waiting'; policy: GuardPolicy } => {
      if (loadable.status !== 'ready') return loadable;
      if (loaded.error) return { status: 'error', error: loaded.error };
      if (!loaded.ready) return { status: 'waiting', policy: loadable.value };
      const entry = compiledGuard(loadable.value);
      const meanwhile = (): Loadable<CompiledGuard> => (previous ? { status: 'ready', value: previous } : { status: 'loading' });
      if ('pending' in entry) {
        waited = entry;
        return meanwhile();
      }
      if ('guard' in entry && waited?.settled === entry && primed !== entry.guard) {
        waited = undefined;
        void prime(entry.guard);
        return meanwhile();
      }
      if ('guard' in entry) previous = entry.guard;
      return 'guard' in entry ? { status: 'ready', value: entry.guard } : { status: 'error', error: entry.error };
    },
  );

  /** The last check and its fixes, kept for the same draft, network and language. */
  let lastCheck: { guard: CompiledGuard; text: string; network: Network; locale: string; report: GuardReport; fixes: ReadonlyArray<FixPlan | undefined> } | undefined;
  const checkOf = (guard: CompiledGuard, text: string, network: Network, locale: string) => {
    if (lastCheck?.guard === guard && lastCheck.text === text && lastCheck.network === network && lastCheck.locale === locale) return lastCheck;
    const report = guard.check(text, { network, locale });
    const fixes = report.findings.map((finding) => engine!.planFix(text, finding, { lang: locale }));
    lastCheck = { guard, text, network, locale, report, fixes };
    return lastCheck;
  };

  const $view = computed([$guard, $text, $network, $locale, $checking], (guard, text, network, locale, checking): ComposerView => {
    if (guard.status === 'loading') return { state: 'loading' };
    if (guard.status === 'error') return { state: 'error', error: guard.error };
    if (guard.status === 'waiting') {
      const limit = guard.policy.limits?.[network] ?? DEFAULT_LIMITS[network];
      const length = limit === undefined ? undefined : { network, used: measureLength(text, network), limit };
      return { state: 'waiting', text, network, length, counter: counterLevel(length), checking };
    }
    const { report, fixes } = checkOf(guard.value, text, network, locale);
    return { state: 'ready', text, network, report, summary: summaryOf(report), counter: counterLevel(report.length), fixes };
  });

  return {
    $view,
    setText: (text) => {
      // An edit is what a lazy composer waits for (once the guard is here, a keystroke costs nothing more).
      if (!engine && text !== $text.get()) void need();
      $text.set(text);
    },
    setNetwork: (network) => $network.set(network),
    setLocale: (locale) => $locale.set(locale),
    retry: () => {
      if ($engine.get().error) void need();
      return client.reloadGuardPolicy();
    },
    need,
  };
}
