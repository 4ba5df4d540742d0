// Layer rules, checked by dependency-cruiser in `npm test` (scripts/layers.mjs). Type-only imports
// count: a type from another layer ties the two as much as a value does.
const { readdirSync } = require('node:fs');
/** The element models: one folder of src/ per element, named after it (a new element's is covered at once), and the leaderboard rules. */
const ELEMENT_NAMES = readdirSync(`${__dirname}/components`, { withFileTypes: true }).filter((entry) => entry.isDirectory() && entry.name !== 'shared').map((entry) => entry.name);
const ELEMENT_MODELS = `^src/(${[...ELEMENT_NAMES, 'leaderboard'].join('|')})/`;
/** Modules that touch the DOM (or pull a library that does) when imported. */
const DOM_MODULES = [
  '^components/',
  '^src/context/',
  '^src/i18n/locale-controller\\.ts$',
  '^src/client/browser-storage\\.ts$',
  '(^|/)node_modules/(lit|lit-html|lit-element|@lit|@lit-labs|dompurify|idb-keyval)/',
];

/** @type {import('dependency-cruiser').IConfiguration} */
module.exports = {
  forbidden: [
    {
      name: 'src-not-to-components-or-entries',
      comment: 'src/ is the core: it never imports the elements (components/) nor the entry points that join the layers (entries/).',
      severity: 'error',
      from: { path: '^src/' },
      to: { path: '^(components|entries)/' },
    },
    {
      name: 'no-adapter-internals',
      comment:
        'The client, the element models and the server know adapters through their interface (src/adapters/types.ts) and the one boundary every adapter is read through (validating-adapter.ts: the zod parsing of what an adapter returns) only: an adapter stays replaceable, and a page that imports one element pays for no adapter.',
      severity: 'error',
      // The server's tests may hold the server to the browser adapters' own rules (parity tests).
      from: { path: [`^src/client/`, ELEMENT_MODELS, '^server/'], pathNot: '^server/test/' },
      to: { path: '^src/adapters/', pathNot: '^src/adapters/(types|validating-adapter)\\.ts$' },
    },
    {
      name: 'guard-no-dom',
      comment: 'src/guard is pure TypeScript: it must run where there is no DOM (the server, workers, Node tests).',
      severity: 'error',
      from: { path: '^src/guard/' },
      to: { path: DOM_MODULES, reachable: true },
    },
    {
      name: 'guard-no-other-elements-strings',
      comment: "src/guard carries its own messages only (src/i18n/guard-messages.ts), never an element's strings: relais/guard stays small.",
      severity: 'error',
      from: { path: '^src/guard/' },
      // The strings themselves: catalogue.ts holds only their types.
      to: { path: '^src/i18n/(catalogues\\.ts$|parts/)', reachable: true },
    },
    {
      name: 'element-own-strings-only',
      comment:
        "A page pays only for the strings of the elements it shows: an element's folder imports the common strings and its own part (src/i18n/parts/<element>.ts), never another element's part.",
      severity: 'error',
      from: { path: '^components/([^/]+)/' },
      to: { path: '^src/i18n/parts/', pathNot: '^src/i18n/parts/(common|$1)\\.ts$' },
    },
    {
      name: 'whole-catalogue-for-tests-only',
      comment: 'The whole catalogues (src/i18n/catalogues.ts) are for the tests and translators: no element, entry point or core module loads every string.',
      severity: 'error',
      from: { path: '^(components|entries|src)/', pathNot: '^src/i18n/catalogues\\.ts$' },
      to: { path: '^src/i18n/catalogues\\.ts$' },
    },
    {
      name: 'not-to-unresolvable',
      comment: 'Every import resolves to a file or a package: one that does not would escape the rules above.',
      severity: 'error',
      from: {},
      to: { couldNotResolve: true },
    },
    {
      name: 'no-circular',
      comment: 'No import cycle anywhere: a cycle makes module order (and so registration and initialisation) depend on which file a page imports first.',
      severity: 'error',
      from: {},
      to: { circular: true },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    exclude: { path: '^(dist|coverage|screenshots)/' },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.json' },
    // Packages resolve through their `exports`, as Node and Vite read them.
    enhancedResolveOptions: { exportsFields: ['exports'], conditionNames: ['import', 'require', 'node', 'default', 'types'], mainFields: ['module', 'main', 'types'] },
  },
};
