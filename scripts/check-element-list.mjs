// Checks that the package follows the one list of elements (`ELEMENTS` in entries/elements.ts):
// each element has its folder and registration file, its export path (through the `./*` pattern)
// resolves to its built registration module and its types, that module is in `sideEffects`, the
// pattern makes nothing but the elements public, and no folder is left out of the list. Also checks
// that every `sideEffects` pattern matches a file, so that a bundler never drops a registration nor
// keeps dead code for a stale pattern. Run by `npm run build` after the bundles are built; exits 1
// with the list of problems.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { elementTags } from './element-list.mjs';
import { resolveExport, wildcardExports } from './package-exports.mjs';

const root = new URL('..', import.meta.url);
const pkg = JSON.parse(readFileSync(new URL('package.json', root), 'utf8'));
const problems = [];
const tags = elementTags(root);
/** `sideEffects` globs as bundlers read them: `*` stops at a slash. */
const sideEffects = (pkg.sideEffects ?? []).map((pattern) => ({ pattern, regex: new RegExp(`^${pattern.replace(/[.+?^${}()|[\]\\]/g, '\\$&').replace(/\*/g, '[^/]*')}$`) }));
const inRoot = (file) => new URL(file, root);

for (const tag of tags) {
  const define = `components/${tag}/${tag}.define.ts`;
  if (!existsSync(inRoot(define))) problems.push(`${tag}: ${define} is missing`);
  const resolved = resolveExport(pkg.exports ?? {}, `./${tag}`);
  const types = `./dist/types/components/${tag}/${tag}.define.d.ts`;
  if (!resolved?.import || !resolved.types) {
    problems.push(`${tag}: package.json "exports" resolves no "import" and "types" for "./${tag}" (the "./*" pattern: { "types": "./dist/types/components/*/*.define.d.ts", "import": "./dist/elements/*.js" })`);
    continue;
  }
  if (resolved.types !== types) problems.push(`${tag}: "./${tag}" has types ${resolved.types}, not its registration's ${types}`);
  if (!existsSync(inRoot(resolved.import))) problems.push(`${tag}: "./${tag}" resolves to ${resolved.import}, which the build did not write`);
  if (!sideEffects.some(({ regex }) => regex.test(resolved.import))) problems.push(`${tag}: package.json "sideEffects" needs ${resolved.import} (it registers the element)`);
}

// A pattern that would also publish a chunk or an internal module: only the elements' paths may come from `./*`.
for (const { subpath } of wildcardExports(pkg.exports ?? {}, new URL(root).pathname).filter(({ key }) => key === './*')) {
  if (!tags.includes(subpath.slice(2))) problems.push(`package.json "exports" "./*" makes ${subpath} public, which is not an element of the list`);
}

for (const folder of readdirSync(new URL('components/', root), { withFileTypes: true })) {
  if (!folder.isDirectory() || folder.name === 'shared') continue;
  if (!tags.includes(folder.name)) problems.push(`components/${folder.name}/ is not in ELEMENTS (entries/elements.ts)`);
}

/** Every file of the package tree that a `sideEffects` pattern could name. */
function files(folder, prefix = '.') {
  const url = new URL(`${folder}/`, root);
  if (!existsSync(url)) return [];
  return readdirSync(url, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => `${prefix}/${entry.parentPath.slice(new URL(root).pathname.length).replace(/\/$/, '')}/${entry.name}`.replace('/./', '/'));
}
const tree = ['dist', 'entries', 'components', 'src'].flatMap((folder) => files(folder));
for (const { pattern, regex } of sideEffects) {
  if (!tree.some((file) => regex.test(file))) problems.push(`package.json "sideEffects" pattern ${pattern} matches no file`);
}

if (problems.length) {
  console.error(`The package does not follow the list of elements:\n  ${problems.join('\n  ')}`);
  process.exit(1);
}
console.log(`Package follows the list of elements (${tags.join(', ')}); every sideEffects pattern matches a file.`);
