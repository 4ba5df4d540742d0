// ESLint flat config: `npm run lint` (also a step of `npm test`).
// Loaded first: the linters' `typescript` is TypeScript 6.0, see the file for why.
import './scripts/typescript-for-linters.cjs';
import js from '@eslint/js';
import { defineConfig, globalIgnores } from 'eslint/config';
import tseslint from 'typescript-eslint';
import { configs as lit } from 'eslint-plugin-lit';
import { configs as wc } from 'eslint-plugin-wc';
import globals from 'globals';

// Globs, not file lists: entry points and elements move between folders.
const typescript = ['**/*.ts'];
const nodeScripts = ['scripts/**/*.{js,mjs,cjs}', '*.{js,mjs,cjs}'];
const browserScripts = ['test/**/*.js', 'demo/**/*.js'];

export default defineConfig(
  globalIgnores(['dist/', 'coverage/', 'docs/']),
  js.configs.recommended,

  // TypeScript, with type information from tsconfig.json (a file outside its `include` is an error).
  {
    files: typescript,
    extends: [tseslint.configs.recommendedTypeChecked],
    languageOptions: {
      parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname },
    },
    rules: {
      // As tsc's noUnused* options: `_name` marks a parameter kept for its position, and an unused
      // `catch (error)` binding is allowed.
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrors: 'none' }],
      // @open-wc/testing types chai's `equal` as async (it is only for `.dom` diffs): a plain
      // `expect(a).to.equal(b)` returns nothing to await. `accessible()` stays a real promise.
      '@typescript-eslint/no-floating-promises': ['error', {
        allowForKnownSafeCalls: [{ from: 'package', package: '@open-wc/semantic-dom-diff', name: 'Equal' }],
      }],
      // An `async` method without `await` is how an adapter keeps its contract: a throw becomes a rejection.
      '@typescript-eslint/require-await': 'off',
      // Errors are caught as `unknown` and passed on as they are (to `toErrorInfo`), like `throw` may.
      '@typescript-eslint/prefer-promise-reject-errors': ['error', { allowThrowingUnknown: true }],
    },
  },
  {
    files: ['test/**/*.ts'],
    rules: {
      // Tests keep a method (`console.error`, `Storage.prototype.setItem`) to put it back after a stub.
      '@typescript-eslint/unbound-method': 'off',
    },
  },

  {
    files: ['server/test/**/*.ts'],
    rules: {
      // node:test's describe/it/hooks return promises that the runner itself awaits.
      '@typescript-eslint/no-floating-promises': ['error', {
        allowForKnownSafeCalls: [{ from: 'package', package: 'node:test', name: ['describe', 'it', 'before', 'after', 'beforeEach', 'afterEach'] }],
      }],
      // Response bodies are parsed JSON (typed `any` in the harness) that the assertions check field by field.
      '@typescript-eslint/no-unsafe-member-access': 'off',
      '@typescript-eslint/no-unsafe-assignment': 'off',
      '@typescript-eslint/no-unsafe-call': 'off',
      '@typescript-eslint/no-unsafe-return': 'off',
      '@typescript-eslint/no-unsafe-argument': 'off',
    },
  },

  // Lit templates and custom-element classes, wherever they are written (elements, entries, tests, demo).
  {
    files: typescript,
    extends: [lit['flat/recommended'], wc['flat/best-practice']],
    settings: { wc: { elementBaseClasses: ['LitElement', 'ReactiveElement'] } },
    rules: {
      // LitElement implements every lifecycle callback, so `super.connectedCallback()` needs no guard.
      'wc/guard-super-call': 'off',
    },
  },

  { files: nodeScripts, languageOptions: { globals: globals.node } },
  { files: browserScripts, languageOptions: { globals: globals.browser } },
);
