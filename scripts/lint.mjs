// `npm run lint`: ESLint over the whole project (typescript-eslint with type information, Lit and
// web-component rules; see eslint.config.js), then lit-analyzer over the elements' templates. Both
// run, so that one report lists every problem; exits 1 if either found one.
import { spawnSync } from 'node:child_process';

// lit-analyzer reads tsconfig.json from the working folder and checks every binding against the
// element and DOM types. Rules left off, and why:
// - no-missing-import: elements are registered by their `*.define.ts` files (through the define
//   helper), never imported by the template that uses their tag.
// - no-invalid-css: its CSS parser (from 2020) rejects what browsers accept here: `color-scheme`,
//   `accent-color`, and a `css` block interpolated inside a rule (`${darkPalette}`).
const litAnalyzerRules = { 'no-missing-import': 'off', 'no-invalid-css': 'off' };

const checks = [
  ['ESLint', ['node_modules/eslint/bin/eslint.js', '.']],
  ['lit-analyzer', [
    // Its TypeScript comes from the same hook as ESLint's: see that file for why.
    '--require', './scripts/typescript-for-linters.cjs',
    'node_modules/lit-analyzer/cli.js', 'components/**/*.ts', '--strict', '--maxWarnings', '0',
    ...Object.entries(litAnalyzerRules).flatMap(([rule, severity]) => [`--rules.${rule}`, severity]),
  ]],
];
let failed = 0;
for (const [title, args] of checks) {
  const { status } = spawnSync('node', args, { stdio: 'inherit' });
  if (status !== 0) {
    console.error(`${title} found problems (exit code ${status}).`);
    failed++;
  }
}
process.exit(failed ? 1 : 0);
