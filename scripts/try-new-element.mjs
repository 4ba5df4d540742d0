// Proves the recipe of CONTRIBUTING.md, "Adding an element": copies the repository to a temporary
// folder (node_modules linked, not copied), adds a throwaway element <sample-note> there in the five
// places the recipe names (its component folder, its model folder, one ELEMENTS entry, its strings,
// its docs page) and nothing else, then checks that it is registered (and never throws when defined
// twice), exported (relais/api, and relais/sample-note in the built package), prefixed, sized and
// screenshotted. `npm test` runs it; `--keep` leaves the copy for a look. Exits 1 on the first failure.
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';

const started = Date.now();
const repo = fileURLToPath(new URL('..', import.meta.url));
const copy = mkdtempSync(join(tmpdir(), 'relais-new-element-'));
const keep = process.argv.includes('--keep');
const TAG = 'sample-note';
const CLASS = 'SampleNoteElement';

/** Runs a command in the copy; prints its output only when it fails. */
const timings = [];
function run(title, args, { env = {} } = {}) {
  const stepStarted = Date.now();
  const result = spawnSync('node', args, { cwd: copy, encoding: 'utf8', env: { ...process.env, ...env } });
  if (result.status !== 0) {
    console.error(`${result.stdout}\n${result.stderr}`);
    throw new Error(`${title} failed in ${copy} (exit code ${result.status})`);
  }
  timings.push(`${title} ${((Date.now() - stepStarted) / 1000).toFixed(1)} s`);
  return result.stdout;
}
function check(title, ok, detail = '') {
  if (!ok) throw new Error(`${title}: NO${detail ? ` (${detail})` : ''}`);
  console.log(`  ✔ ${title}`);
}
/** Edits a file of the copy: `edit` returns the new text, which must differ. */
function edit(file, change) {
  const path = join(copy, file);
  const before = readFileSync(path, 'utf8');
  const after = change(before);
  if (after === before) throw new Error(`the recipe's edit of ${file} found nothing to change: has the file moved on?`);
  writeFileSync(path, after);
  return file;
}
function write(file, text) {
  mkdirSync(join(copy, file, '..'), { recursive: true });
  writeFileSync(join(copy, file), text);
  return file;
}
const freePort = () => new Promise((resolve) => {
  const server = createServer().listen(0, '127.0.0.1', () => {
    const { port } = server.address();
    server.close(() => resolve(port));
  });
});

try {
  // The repository as it is, without what is built or installed.
  const skip = new Set(['.git', 'node_modules', 'dist', 'screenshots', 'coverage', '.test-counts.json', '.test-counts-server.json']);
  cpSync(repo, copy, { recursive: true, filter: (source) => !skip.has(relative(repo, source).split('/')[0]) });
  // Each package linked on its own, so that the caches Vite and the size check write (.vite, .cache) stay in the copy.
  mkdirSync(join(copy, 'node_modules'));
  for (const name of readdirSync(join(repo, 'node_modules'))) {
    if (name !== '.vite' && name !== '.cache') symlinkSync(join(repo, 'node_modules', name), join(copy, 'node_modules', name));
  }
  console.log(`Adding <${TAG}> to a copy of the repository (${copy}):`);

  const touched = [
    // 1. The component folder: the class, its styles, its registration.
    write(`components/${TAG}/${TAG}.ts`, `import { html } from 'lit';
import { property } from 'lit/decorators.js';
import type { RelaisClient } from '../../src/client/client.js';
import { sampleNote, type SampleNote, type SampleNoteView } from '../../src/${TAG}/${TAG}.js';
import { sampleNoteStringsFor } from '../../src/i18n/parts/${TAG}.js';
import { RelaisElement } from '../shared/relais-element.js';
import type { MissingClientView } from '../shared/status.js';
import { sampleNoteStyles } from './${TAG}.styles.js';

/** What the element shows. */
export type SampleNoteState = 'loading' | 'error' | 'not-configured' | 'ready';

/**
 * A throwaway element that proves the recipe for adding one (scripts/try-new-element.mjs): the
 * element base gives it its client, model, states, errors and status lines.
 *
 * @tagname ${TAG}
 * @summary Says which version of the charter is in force.
 * @cssstate loading - The charter is being read.
 * @cssstate ready - The version is shown.
 * @csspart text - The sentence.
 */
export class ${CLASS} extends RelaisElement<SampleNote, SampleNoteView, SampleNoteState> {
  static override styles = sampleNoteStyles;
  static override tagName = '${TAG}';
  protected static override states: readonly SampleNoteState[] = ['loading', 'error', 'not-configured', 'ready'];
  protected override readonly l10n = this.localize(sampleNoteStringsFor);

  /** Adds « (preview) » after the sentence. */
  @property({ type: Boolean, attribute: 'preview' }) preview = false;

  protected override createModel(client: RelaisClient): SampleNote {
    return sampleNote(client);
  }

  protected override stateOf(view: SampleNoteView | MissingClientView): SampleNoteState {
    return view.state;
  }

  protected override render() {
    const view = this.view;
    if (view.state !== 'ready') return this.renderStatus(view);
    const text = this.l10n.t.sampleNoteVersion(view.version, this.l10n.number(view.version));
    return html\`<p part="text">\${text}\${this.preview ? ' (preview)' : ''}</p>\`;
  }
}
`),
    write(`components/${TAG}/${TAG}.styles.ts`, `import { css } from 'lit';
import { baseStyles } from '../shared/base.styles.js';
import { themeStyles } from '../shared/theme.styles.js';

export const sampleNoteStyles = [themeStyles, baseStyles, css\`
  :host { display: block; }
\`];
`),
    write(`components/${TAG}/${TAG}.define.ts`, `import { ${CLASS} } from './${TAG}.js';

${CLASS}.define();

declare global {
  interface HTMLElementTagNameMap {
    '${TAG}': ${CLASS};
  }
}

export { ${CLASS} };
`),
    // 2. The model folder: DOM-free.
    write(`src/${TAG}/${TAG}.ts`, `import { computed, type ReadableAtom } from 'nanostores';
import type { RelaisClient } from '../client/client.js';
import type { RelaisErrorInfo } from '../model/index.js';

export type SampleNoteView = { state: 'loading' } | { state: 'error'; error: RelaisErrorInfo } | { state: 'ready'; version: number };

export interface SampleNote {
  readonly $view: ReadableAtom<SampleNoteView>;
  retry(): Promise<void>;
}

/** The version of the charter in force, derived from the client's charter store. */
export function sampleNote(client: RelaisClient): SampleNote {
  const $view = computed(client.$charter, (charter): SampleNoteView =>
    charter.status === 'ready' ? { state: 'ready', version: charter.value.version } : charter.status === 'error' ? { state: 'error', error: charter.error } : { state: 'loading' },
  );
  return { $view, retry: () => client.retryFailed() };
}
`),
    // 3. One ELEMENTS entry (with the import and re-export it needs, in the same file).
    edit('entries/elements.ts', (text) =>
      text
        .replace(/^(import \{ ShareCardElement \} from .*\n)/m, `$1import { ${CLASS} } from '../components/${TAG}/${TAG}.js';\n`)
        .replace(/^(export \* from '\.\.\/components\/share-card\/share-card\.js';\n)/m, `$1export * from '../components/${TAG}/${TAG}.js';\n`)
        .replace(/^(\s*'share-card': ShareCardElement,\n)/m, `$1  '${TAG}': ${CLASS},\n`)),
    // 4. Its strings: the type (in the catalogue registerLocale takes), its part (English, French), the whole catalogues.
    edit('src/i18n/catalogue.ts', (text) =>
      text
        .replace(/\n\/\*\* Every string of every element[^*]*\*\//, `\n/** \`<${TAG}>\`. */\nexport interface SampleNoteStrings {\n  /** Which version of the charter is in force. */\n  sampleNoteVersion: (version: number, formatted: string) => string;\n}\n$&`)
        .replace(/(export interface Catalogue extends [^{]*)\{\}/, '$1, SampleNoteStrings {}'.replace(' , ', ', '))),
    write(`src/i18n/parts/${TAG}.ts`, `import type { SampleNoteStrings } from '../catalogue.js';
import type { BuiltInStrings } from '../registry.js';
import { elementStrings } from './common.js';

export const sampleNoteStrings: BuiltInStrings<SampleNoteStrings> = {
  en: { sampleNoteVersion: (_version, formatted) => \`The charter in force is version \${formatted}.\` },
  fr: { sampleNoteVersion: (_version, formatted) => \`La charte en vigueur est la version \${formatted}.\` },
};

export const sampleNoteStringsFor = elementStrings(sampleNoteStrings);
`),
    edit('src/i18n/catalogues.ts', (text) =>
      text
        .replace(/^(import \{ shareCardStrings \} from .*\n)/m, `$1import { sampleNoteStrings } from './parts/${TAG}.js';\n`)
        .replace(/^(\s*)\.\.\.guardMessages\.(en|fr),\n/gm, '$1...sampleNoteStrings.$2,\n$&')),
    // 5. Its docs page (the build writes its reference section).
    write(`docs/${TAG}.md`, `# \`<${TAG}>\`\n\nA throwaway element that proves the recipe for adding one.\n`),
  ];
  const place = (file) => (file.startsWith('components/') ? 'its component folder' : file.startsWith('src/i18n/') ? 'its strings' : file.startsWith('src/') ? 'its model folder' : file.startsWith('entries/') ? 'one ELEMENTS entry' : 'its docs page');
  const places = new Map();
  for (const file of touched) places.set(place(file), [...(places.get(place(file)) ?? []), file]);
  console.log(`  ${places.size} places, ${touched.length} files:`);
  for (const [name, files] of places) console.log(`    ${name}: ${files.join(', ')}`);

  console.log('Checks:');
  // The whole build: ES and script-tag bundles, types, manifest, docs reference, element-list check.
  run('the build', ['scripts/build.mjs']);
  check(`the build follows the list: the element-list check passed, dist/elements/${TAG}.js is built`, existsSync(join(copy, `dist/elements/${TAG}.js`)));
  check(`its docs page got its generated reference section`, readFileSync(join(copy, `docs/${TAG}.md`), 'utf8').includes('<!-- reference:start -->'));

  // Exported: resolved as a user's `import 'relais/<tag>'` would be, from a package named relais.
  const user = join(copy, '.user');
  mkdirSync(join(user, 'node_modules'), { recursive: true });
  symlinkSync(copy, join(user, 'node_modules', 'relais'));
  const resolveFromUser = (specifier) => spawnSync('node', ['--input-type=module', '-e', `console.log(import.meta.resolve(${JSON.stringify(specifier)}))`], { cwd: user, encoding: 'utf8' }).stdout.trim();
  const resolved = resolveFromUser(`relais/${TAG}`);
  check(`relais/${TAG} resolves to its built registration (${relative(copy, fileURLToPath(resolved))})`, resolved.endsWith(`/dist/elements/${TAG}.js`) && existsSync(fileURLToPath(resolved)));
  check(`relais/${TAG} has its types`, existsSync(join(copy, `dist/types/components/${TAG}/${TAG}.define.d.ts`)));
  check(`relais/api exports ${CLASS} (built module)`, new RegExp(`\\bas ${CLASS}\\b`).test(readFileSync(join(copy, 'dist/api.js'), 'utf8')));
  const ts = createRequire(import.meta.url)('typescript6');
  const program = ts.createProgram([join(copy, 'dist/types/entries/api.d.ts')], { module: ts.ModuleKind.ESNext, moduleResolution: ts.ModuleResolutionKind.Bundler, noEmit: true, skipLibCheck: true });
  const checker = program.getTypeChecker();
  const apiTypes = checker.getExportsOfModule(checker.getSymbolAtLocation(program.getSourceFile(join(copy, 'dist/types/entries/api.d.ts')))).map((symbol) => symbol.name);
  check(`relais/api exports ${CLASS} (types)`, apiTypes.includes(CLASS));

  // Sized: the size report has its row, within the default budget, and every budget still holds.
  const sizes = run('the size check', ['scripts/size.mjs']);
  const row = sizes.split('\n').findIndex((line) => line.startsWith(`import 'relais/${TAG}'`));
  check(`the size report has its row and budget: ${sizes.split('\n')[row]?.replace(/\s+/g, ' ').trim()} (${sizes.split('\n')[row + 1]?.trim()})`, row >= 0 && /budget .* OK/.test(sizes.split('\n')[row + 1] ?? ''));
  check(`the script-tag bundle, with it, stays within its budget: ${sizes.split('\n')[0].replace(/\s+/g, ' ')}`, /budget .* OK/.test(sizes.split('\n')[1]));

  // Registered, defined twice, prefixed, exported at run time: the list's test, in Chromium.
  const port = await freePort();
  // No RELAIS_COUNTS_FILE: these tests are not counted in npm test's total (its own run counts them once).
  const tests = run('the list tests', ['node_modules/@web/test-runner/dist/bin.js', '--config', 'web-test-runner.config.mjs', '--port', String(port), '--files', 'test/entries/element-list.test.ts', 'test/entries/elements.test.ts'], { env: { RELAIS_COUNTS_FILE: '' } });
  check(`registered, never throws when defined twice, prefixed (contoso-${TAG}), exported by relais/api: test/entries/ in Chromium, ${tests.match(/(\d+) passed, (\d+) failed/g)?.at(-1) ?? 'passed'}`, true);

  // Screenshotted: the harness renders it in its default state.
  const shots = run('the screenshots', ['scripts/screenshots.mjs', `^${TAG}-`]);
  const files = existsSync(join(copy, 'screenshots')) ? readdirSync(join(copy, 'screenshots')).filter((name) => name.startsWith(`${TAG}-`)) : [];
  check(`screenshotted by the harness at 1280 and 390 px, light and dark: ${files.sort().join(', ')}`, files.length === 4 && /4 screenshots/.test(shots));

  console.log(`<${TAG}>, added in ${places.size} places (${touched.length} files), is registered, exported, prefixed, sized and screenshotted (${((Date.now() - started) / 1000).toFixed(1)} s: ${timings.join(', ')}).`);
} catch (error) {
  console.error(`The recipe for a new element does not hold: ${error.message}`);
  process.exitCode = 1;
} finally {
  if (keep) console.log(`The copy is kept in ${copy}`);
  else rmSync(copy, { recursive: true, force: true });
}
