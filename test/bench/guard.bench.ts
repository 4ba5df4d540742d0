/**
 * Guard engine speed: the composer checks the draft on every keystroke, so a check must stay
 * far below a frame. Budgets (from the guard issue):
 * - one check of a 3,000-character French post against 5,000 terms and every detector: median
 *   under 0.5 ms;
 * - the 5,000-term check at most 2× the 500-term check (cost grows with the text, not the terms).
 * - hostile inputs (issue 8): each check of a 63,206-character paste built against the guard's
 *   scans, each hostile pattern, the 500 nested terms: median under 50 ms; the worst is printed.
 * A budget counts as clearly missed past 1.25× (machine noise); only then is the exit code 1.
 */
import { compilePolicy } from '../../src/guard/index.js';
import type { GuardPolicyInput, Rule } from '../../src/model/index.js';
import { DETECTORS } from '../../src/model/index.js';
import { frenchPost, termPolicy } from './bench-texts.js';
import {
  HOSTILE_PASTES,
  HOSTILE_PATTERNS,
  LONGEST_POST,
  NESTED_TERMS,
  NESTED_TEXT,
  PATHOLOGICAL_INPUTS,
} from '../fixtures/pathological-inputs.js';

const CHECK_BUDGET_MS = 0.5;
const RATIO_BUDGET = 2;
const CLEAR_MISS = 1.25;
const HOSTILE_BUDGET_MS = 50;

function median(samples: number[]): number {
  const sorted = [...samples].sort((a, b) => a - b);
  const middle = sorted.length >> 1;
  return sorted.length % 2 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
}

/** Median time of `run` in ms, after a warm-up; batches of runs smooth out the timer's resolution. */
function measure(run: () => unknown, { warmUp = 300, samples = 400, batch = 10 } = {}): number {
  for (let k = 0; k < warmUp; k++) run();
  const times: number[] = [];
  for (let s = 0; s < samples; s++) {
    const started = performance.now();
    for (let k = 0; k < batch; k++) run();
    times.push((performance.now() - started) / batch);
  }
  return median(times);
}

const ms = (value: number) => `${value < 1 ? value.toFixed(3) : value.toFixed(1)} ms`;
let clearlyMissed = false;
function verdict(value: number, budget: number): string {
  if (value <= budget) return 'OK';
  if (value > budget * CLEAR_MISS) {
    clearlyMissed = true;
    return 'MISSED';
  }
  return 'over budget, within noise margin';
}

const post = frenchPost(3000);
const options = { network: 'linkedin', locale: 'fr' } as const;
const policy500 = termPolicy(500);
const policy5000 = termPolicy(5000);
const guard500 = compilePolicy(policy500);
const guard5000 = compilePolicy(policy5000);

const findings = guard5000.check(post, options).findings.length;
const check500 = measure(() => guard500.check(post, options));
const check5000 = measure(() => guard5000.check(post, options));
const checkX = measure(() => guard5000.check(post, { network: 'x', locale: 'fr' }));
const compile5000 = measure(() => compilePolicy(policy5000), { warmUp: 3, samples: 15, batch: 1 });
const ratio = check5000 / check500;
// Texts built to make a detector backtrack: the slowest of them, against every detector.
const everyDetector = compilePolicy({
  version: 1,
  internalDomains: ['intranet.acme.com'],
  rules: DETECTORS.map((detector): Rule => ({ id: detector, kind: 'pii', category: 'pii', severity: 'block', detector, exceptions: [] })),
});
const slowestPathological = Math.max(
  ...PATHOLOGICAL_INPUTS.map((text) => measure(() => everyDetector.check(text, { network: 'x' }), { warmUp: 5, samples: 15, batch: 1 })),
);

console.log(`guard post: ${post.length} chars of French, ${findings} findings with 5000 terms`);
console.log(`guard check 3000 chars, 500 terms + all detectors: median ${ms(check500)}`);
console.log(
  `guard check 3000 chars, 5000 terms + all detectors: median ${ms(check5000)} (budget ${CHECK_BUDGET_MS} ms) ${verdict(check5000, CHECK_BUDGET_MS)}`,
);
console.log(`guard check 5000 terms / 500 terms: ${ratio.toFixed(2)}× (budget ${RATIO_BUDGET}×) ${verdict(ratio, RATIO_BUDGET)}`);
console.log(`guard check 3000 chars, 5000 terms, X weighted length: median ${ms(checkX)}`);
console.log(`guard compile 5000 terms: median ${ms(compile5000)}`);
console.log(`guard check, slowest of ${PATHOLOGICAL_INPUTS.length} pathological 3000-char inputs, every detector: median ${ms(slowestPathological)}`);

// « hostile »: what a mistaken policy or a strange paste can do. Every check must stay far from
// freezing the tab: the median of a few checks, after one to warm up.
console.log(`\nguard hostile (budget ${HOSTILE_BUDGET_MS} ms each, median of 3 after a warm-up):`);
const hostile = (run: () => unknown) => measure(run, { warmUp: 1, samples: 3, batch: 1 });
const hostileTimes: Array<[string, number]> = [];
const report = (label: string, time: number) => {
  hostileTimes.push([label, time]);
  console.log(`  ${label.padEnd(64)} ${ms(time).padStart(9)} ${verdict(time, HOSTILE_BUDGET_MS)}`);
};
for (const [name, text] of Object.entries(HOSTILE_PASTES)) {
  for (const network of ['x', 'mastodon', 'facebook'] as const) {
    report(`${name} (${text.length} chars), 5000 terms + every detector, ${network}`, hostile(() => guard5000.check(text, { network })));
  }
}
for (const [pattern, text] of HOSTILE_PATTERNS) {
  let guard;
  try {
    guard = compilePolicy({ version: 1, rules: [{ id: 'p', kind: 'pattern', category: 'x', severity: 'warn', pattern, exceptions: [] }] });
  } catch (error) {
    console.log(`  pattern ${pattern}: refused at compile (${String((error as Error).message).replace(/^.*cannot use: /, '')})`);
    continue;
  }
  report(`pattern ${pattern} on ${text.length} chars`, hostile(() => guard.check(text)));
}
const nestedRule = (exceptions: readonly string[]): GuardPolicyInput => ({
  version: 1,
  rules: [{ id: 'nested', kind: 'term', category: 'x', severity: 'warn', terms: [...NESTED_TERMS], exceptions: [...exceptions] }],
});
const nested = compilePolicy(nestedRule([]));
const nestedExcepted = compilePolicy(nestedRule(NESTED_TERMS));
report(`500 nested terms on ${NESTED_TEXT.length} chars of "a a a…"`, hostile(() => nested.check(NESTED_TEXT)));
report(`500 nested terms and the same exceptions on ${NESTED_TEXT.length} chars`, hostile(() => nestedExcepted.check(NESTED_TEXT)));
const [worstLabel, worstTime] = hostileTimes.reduce((worst, entry) => (entry[1] > worst[1] ? entry : worst));
console.log(
  `guard hostile, worst of ${hostileTimes.length} (${LONGEST_POST}-char pastes, patterns, nested terms): ${ms(worstTime)} (budget ${HOSTILE_BUDGET_MS} ms) ${verdict(worstTime, HOSTILE_BUDGET_MS)} — ${worstLabel}`,
);
process.exit(clearlyMissed ? 1 : 0);
