// The build's steps, in one list that `npm run build` (scripts/build.mjs) and `npm start`
// (scripts/start.mjs) both run, so that the script-tag files the demo pages load are the bytes a
// site deploys: the same Vite builds, then the same ASCII-only pass.
//
// Each step belongs to a group:
// - 'script-tag': what a page without a build step loads — dist/relais.iife.js, and
//   dist/relais.loader.js with its chunks in dist/relais/ — then every built file made ASCII-only.
//   `npm start` runs these (about 10 s), never the others.
// - 'package': the ES module build for bundlers, the .d.ts types, custom-elements.json and the docs'
//   reference sections; `npm run build` runs every step.
import { spawnSync } from 'node:child_process';
import { rmSync } from 'node:fs';

/**
 * @typedef {{ title: string, args: string[], group: 'script-tag' | 'package', deferFailure?: boolean }} BuildStep
 */

/** @param {{ checkDocs?: boolean }} [options] @returns {BuildStep[]} */
export function buildSteps({ checkDocs = false } = {}) {
  return [
    // First: it empties dist/ (Vite's emptyOutDir), the builds after it add to dist/.
    { title: 'ES module build', args: ['node_modules/.bin/vite', 'build', '--logLevel', 'warn'], group: 'package' },
    { title: 'script-tag bundle', args: ['node_modules/.bin/vite', 'build', '--mode', 'iife', '--logLevel', 'warn'], group: 'script-tag' },
    // The loader (a classic script) and the chunks it imports on demand, in dist/relais/.
    { title: 'loader chunks', args: ['node_modules/.bin/vite', 'build', '--mode', 'loader-chunks', '--logLevel', 'warn'], group: 'script-tag' },
    { title: 'loader', args: ['node_modules/.bin/vite', 'build', '--mode', 'loader', '--logLevel', 'warn'], group: 'script-tag' },
    // Readable whatever the page's charset: non-ASCII characters escaped in every built file.
    { title: 'ASCII-only bundles', args: ['scripts/ascii-only.mjs'], group: 'script-tag' },
    { title: 'type declarations', args: ['node_modules/.bin/tsc', '-p', 'tsconfig.build.json'], group: 'package' },
    {
      title: 'custom elements manifest',
      args: ['node_modules/.bin/custom-elements-manifest', 'analyze', '--config', 'custom-elements-manifest.config.mjs', '--quiet'],
      group: 'package',
    },
    // Stale docs do not stop the build: the checks after it still run, and the exit code says it.
    { title: 'docs reference', args: ['scripts/docs-reference.mjs', ...(checkDocs ? ['--check'] : [])], group: 'package', deferFailure: true },
  ];
}

/** What the 'script-tag' steps write, relative to dist/: removed before they run again. */
export const SCRIPT_TAG_OUTPUTS = ['relais.iife.js', 'relais.iife.js.map', 'relais.loader.js', 'relais/'];

/** Removes the script-tag files of an earlier build (a chunk renamed since must not linger). */
export function removeScriptTagOutputs() {
  for (const output of SCRIPT_TAG_OUTPUTS) rmSync(new URL(`../dist/${output}`, import.meta.url), { recursive: true, force: true });
}

/**
 * Runs the steps in order, each in its own Node process. Stops at the first failure, except for a
 * step marked deferFailure, which is reported and counted. Returns the title of the first failed
 * step (undefined when every step passed) and whether the run had to stop there.
 * @param {BuildStep[]} steps
 * @returns {{ failed?: string, stopped: boolean, status: number }}
 */
export function runSteps(steps) {
  let deferred;
  for (const { title, args, deferFailure = false } of steps) {
    const result = spawnSync(process.execPath, args, { stdio: 'inherit' });
    if (result.status === 0) continue;
    console.error(`Build failed at: ${title}`);
    if (!deferFailure) return { failed: title, stopped: true, status: result.status ?? 1 };
    deferred ??= title;
  }
  return { failed: deferred, stopped: false, status: deferred ? 1 : 0 };
}
