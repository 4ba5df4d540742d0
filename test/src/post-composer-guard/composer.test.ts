/** The composer model: compile once per policy, check per text, counter levels, announcement decisions. */
import { expect } from '@open-wc/testing';
import fc from 'fast-check';
import { atom } from 'nanostores';
import type { RelaisClient } from '../../../src/client/client.js';
import type { Loadable } from '../../../src/client/resource.js';
import { PHRASES_COMPILED_AT_ONCE, compiledGuard, counterLevel, loadGuardEngine, policyHash, postComposer, shouldAnnounce, summaryOf } from '../../../src/post-composer-guard/composer.js';
import type { GuardPolicy } from '../../../src/model/index.js';

const policy = (version = 1): GuardPolicy =>
  ({
    version,
    internalDomains: [],
    rules: [{ id: 'projets', kind: 'term', category: 'confidential', severity: 'block', terms: ['Zéphyr'], exceptions: [], plurals: false, suggestion: 'un projet' }],
  });

/** A policy of one rule with more terms (`word0`, `word1`…) than are compiled at once: compiled in slices. */
const largePolicy = (version: string | number, ruleId: string, word: string): GuardPolicy => ({
  version,
  internalDomains: [],
  rules: [
    {
      id: ruleId,
      kind: 'term',
      category: 'confidential',
      severity: 'warn',
      terms: Array.from({ length: PHRASES_COMPILED_AT_ONCE + 1 }, (_, k) => `${word}${k}`),
      exceptions: [],
      plurals: false,
    },
  ],
});

/** Resolves once `condition` holds, looking again after each task (at most 200). */
async function nextTaskWhere(condition: () => boolean): Promise<void> {
  for (let k = 0; !condition(); k++) {
    if (k > 200) throw new Error('waited 200 tasks');
    await new Promise((resolve) => setTimeout(resolve, 0));
  }
}

/** A client with nothing but a guard policy store, which the test sets. */
function fakeClient() {
  const $guardPolicy = atom<Loadable<GuardPolicy>>({ status: 'loading' });
  let reloads = 0;
  const client = { $guardPolicy, reloadGuardPolicy: async () => void reloads++ } as unknown as RelaisClient;
  return { client, $guardPolicy, reloads: () => reloads };
}

describe('composer model', () => {
  // The guard's code, imported once for the page by the first composer that needs it (its laziness is tested below).
  before(() => loadGuardEngine());

  it('is loading until the policy arrives, then checks the text', () => {
    const { client, $guardPolicy } = fakeClient();
    const composer = postComposer(client, { text: 'Le projet Zéphyr', network: 'x', locale: 'fr' });
    expect(composer.$view.get().state).to.equal('loading');
    $guardPolicy.set({ status: 'ready', value: policy() });
    const view = composer.$view.get();
    expect(view.state === 'ready' && view.report.verdict).to.equal('block');
    expect(view.state === 'ready' && view.report.length).to.deep.equal({ network: 'x', used: 16, limit: 280 });
    composer.setText('Bonjour');
    expect(composer.$view.get().state === 'ready' && (composer.$view.get() as { summary: unknown }).summary).to.deep.equal({ verdict: 'pass', count: 0 });
  });

  it('compiles a policy once, however many composers and checks use it; a new version anew', () => {
    const first = policy(1);
    expect(compiledGuard(first)).to.equal(compiledGuard(first));
    expect(compiledGuard(policy(2))).to.not.equal(compiledGuard(first));
  });

  it('compiles a policy once per content: the same policy loaded again as a new object is not compiled anew', () => {
    const first = policy(1);
    expect(compiledGuard(structuredClone(first))).to.equal(compiledGuard(first));
    expect(policyHash(structuredClone(first))).to.equal(policyHash(first));
    expect(policyHash(policy(2))).to.not.equal(policyHash(first));
  });

  it('compiles a large policy in slices: loading until it is compiled and the draft checked, then ready; ready at once when its content comes again', async () => {
    const { client, $guardPolicy } = fakeClient();
    const large = largePolicy('large', 'secrets', 'terme');
    const composer = postComposer(client, { text: 'Le terme7 et le terme100', locale: 'fr' });
    const states: string[] = [];
    const stop = composer.$view.subscribe((view) => states.push(view.state));
    $guardPolicy.set({ status: 'ready', value: large });
    expect(composer.$view.get().state).to.equal('loading');
    const entry = compiledGuard(large);
    expect('pending' in entry).to.equal(true);
    await (entry as { pending: Promise<unknown> }).pending;
    await nextTaskWhere(() => composer.$view.get().state !== 'loading');
    const view = composer.$view.get();
    expect(view.state === 'ready' && view.report.findings.map((finding) => finding.excerpt)).to.deep.equal(['terme7', 'terme100']);
    expect(states.filter((state, k) => state !== states[k - 1])).to.deep.equal(['loading', 'ready']);

    const other = postComposer(fakeClient().client, { text: 'terme3', locale: 'fr' });
    const again = fakeClient();
    const third = postComposer(again.client, { text: 'terme3' });
    again.$guardPolicy.set({ status: 'ready', value: structuredClone(large) });
    expect(third.$view.get().state).to.equal('ready');
    expect(other.$view.get().state).to.equal('loading');
    stop();
  });

  it('keeps checking against the previous policy while a new large version compiles', async () => {
    const { client, $guardPolicy } = fakeClient();
    const composer = postComposer(client, { text: 'Le projet Zéphyr et le mot2', locale: 'fr' });
    const stop = composer.$view.subscribe(() => {}); // as the element does
    $guardPolicy.set({ status: 'ready', value: policy(7) });
    const next = largePolicy(8, 'mots', 'mot');
    $guardPolicy.set({ status: 'ready', value: next });
    const during = composer.$view.get();
    expect(during.state === 'ready' && during.report.findings.map((finding) => finding.ruleId)).to.deep.equal(['projets']);
    const shown: string[] = [];
    const watch = composer.$view.subscribe((view) => shown.push(view.state === 'ready' ? view.report.findings.map((finding) => finding.ruleId).join() : view.state));
    await (compiledGuard(next) as { pending: Promise<unknown> }).pending;
    await nextTaskWhere(() => shown.at(-1) === 'mots');
    watch();
    // Never back to loading meanwhile: the previous version's report until the new one's.
    expect([...new Set(shown)]).to.deep.equal(['projets', 'mots']);
    const after = composer.$view.get();
    expect(after.state === 'ready' && after.report.findings.map((finding) => finding.ruleId)).to.deep.equal(['mots']);
    stop();
  });

  it('checks the draft against a policy compiled in slices in a task of its own, and shows the report in a later task', async () => {
    // A task of the guard ends where it hands the page back (scheduler.yield): counted here.
    const scheduler = (globalThis as unknown as { scheduler: { yield: () => Promise<void> } }).scheduler;
    const schedulerYield = scheduler.yield;
    let task = 0;
    scheduler.yield = () => schedulerYield.call(scheduler).then(() => void task++);
    const { client, $guardPolicy } = fakeClient();
    const large = largePolicy('split', 'articles', 'article');
    const composer = postComposer(client, { text: 'Voir article12', locale: 'fr' });
    let shownIn: number | undefined;
    const stop = composer.$view.subscribe((view) => {
      if (view.state === 'ready' && shownIn === undefined) shownIn = task;
    });
    $guardPolicy.set({ status: 'ready', value: large });
    const entry = compiledGuard(large) as { pending: Promise<{ guard: { check: (...args: unknown[]) => unknown } }> };
    // Every check of the compiled guard, and the task each ran in.
    const checkedIn: number[] = [];
    let compiledIn: number | undefined;
    let restore = () => {};
    void entry.pending.then(({ guard }) => {
      compiledIn = task;
      const check = guard.check.bind(guard);
      guard.check = (...args: unknown[]) => {
        checkedIn.push(task);
        return check(...args);
      };
      restore = () => (guard.check = check);
    });
    try {
      await entry.pending;
      expect(composer.$view.get().state, 'not shown in the task the compile ended in').to.equal('loading');
      await nextTaskWhere(() => shownIn !== undefined);
      expect(checkedIn, 'the draft checked once').to.have.length(1);
      expect(checkedIn[0], 'the check in a later task than the compile').to.be.greaterThan(compiledIn!);
      expect(shownIn, 'the report shown in a later task than the check').to.be.greaterThan(checkedIn[0]!);
      const view = composer.$view.get();
      expect(view.state === 'ready' && view.report.findings.map((finding) => finding.excerpt)).to.deep.equal(['article12']);
    } finally {
      scheduler.yield = schedulerYield;
      restore();
      stop();
    }
  });

  it('waits for the browser\'s locale data to be loaded in idle time before the first check against a policy compiled in slices', async () => {
    // The first Intl format of a page loads the locale's data (tens of ms in one task): in idle time, never in the check's task.
    const idle: Array<() => void> = [];
    const requestIdle = window.requestIdleCallback;
    window.requestIdleCallback = (callback) => idle.push(() => callback({ didTimeout: false, timeRemaining: () => 50 }));
    const { client, $guardPolicy } = fakeClient();
    const large = largePolicy('idle', 'chapitres', 'chapitre');
    // A language no other test formats in: its data not warmed yet on this page.
    const composer = postComposer(client, { text: 'Voir chapitre4', locale: 'it-CH' });
    const stop = composer.$view.subscribe(() => {});
    try {
      $guardPolicy.set({ status: 'ready', value: large });
      await (compiledGuard(large) as { pending: Promise<unknown> }).pending;
      for (let k = 0; k < 20; k++) await new Promise((resolve) => setTimeout(resolve, 0));
      expect(composer.$view.get().state, 'no check before the idle warm-up').to.equal('loading');
      expect(idle, 'one idle warm-up asked for').to.have.length(1);
      idle.shift()!();
      await nextTaskWhere(() => composer.$view.get().state === 'ready');
      const view = composer.$view.get();
      expect(view.state === 'ready' && view.report.findings.map((finding) => finding.excerpt)).to.deep.equal(['chapitre4']);
    } finally {
      window.requestIdleCallback = requestIdle;
      stop();
    }
  });

  it('turns a policy the guard refuses into an error naming the field, never an exception', () => {
    const { client, $guardPolicy } = fakeClient();
    const composer = postComposer(client);
    const bad = { version: 1, internalDomains: [], rules: [{ ...policy().rules[0]!, id: 'length' }] } as GuardPolicy;
    $guardPolicy.set({ status: 'ready', value: bad });
    const view = composer.$view.get();
    expect(view.state).to.equal('error');
    expect(view.state === 'error' && view.error.field).to.equal('rules[0].id');
  });

  it('retries by loading the policy again', async () => {
    const { client, reloads } = fakeClient();
    await postComposer(client).retry();
    expect(reloads()).to.equal(1);
  });

  it('says near the limit from 90 % and over past it', () => {
    expect(counterLevel(undefined)).to.equal(undefined);
    expect(counterLevel({ network: 'x', used: 251, limit: 280 })).to.equal('ok');
    expect(counterLevel({ network: 'x', used: 252, limit: 280 })).to.equal('near');
    expect(counterLevel({ network: 'x', used: 280, limit: 280 })).to.equal('near');
    expect(counterLevel({ network: 'x', used: 281, limit: 280 })).to.equal('over');
  });

  it('counts omitted findings in the summary', () => {
    expect(summaryOf({ verdict: 'warn', findings: [], omitted: 3 })).to.deep.equal({ verdict: 'warn', count: 3 });
  });

  it('counts as « to check » the blocking and warning findings, not the notes', () => {
    const finding = (severity: 'block' | 'warn' | 'info', start: number) => ({ ruleId: `r${start}`, kind: 'term' as const, category: 'c', severity, start, end: start + 1, excerpt: 'x', message: 'm' });
    expect(summaryOf({ verdict: 'warn', findings: [finding('warn', 0), finding('info', 2), finding('block', 4)] }).count).to.equal(2);
    expect(summaryOf({ verdict: 'pass', findings: [finding('info', 0)] }).count, 'a note alone: nothing to check').to.equal(0);
  });

  it('announces exactly when the verdict or the count changes, never at the first report', () => {
    const summary = fc.record({ verdict: fc.constantFrom('pass' as const, 'warn' as const, 'block' as const), count: fc.nat(5) });
    fc.assert(
      fc.property(summary, summary, (a, b) => {
        expect(shouldAnnounce(undefined, b)).to.equal(false);
        expect(shouldAnnounce(a, b)).to.equal(a.verdict !== b.verdict || a.count !== b.count);
      }),
    );
  });
});
