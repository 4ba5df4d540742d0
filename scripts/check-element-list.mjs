// Checks that the package follows the one list of elements (`ELEMENTS` in entries/elements.ts):
// each element has its folder and registration file, its export path and its side-effect entry,
// and no folder is left out of the list. Also checks that every `sideEffects` pattern matches a
// file, so that a bundler never drops a registration nor keeps dead code for a stale pattern.
// Run by `npm run build` after the bundles are built; exits 1 with the list of problems.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { elementTags } from './element-list.mjs';

const root = new URL('..', import.meta.url);
const pkg = JSON.parse(readFileSync(new URL('package.json', root), 'utf8'));
const problems = [];
const tags = elementTags(root);

for (const tag of tags) {
  const define = `components/${tag}/${tag}.define.ts`;
  if (!existsSync(new URL(define, root))) problems.push(`${tag}: ${define} is missing`);
  const expected = { types: `./dist/types/components/${tag}/${tag}.define.d.ts`, import: `./dist/${tag}.js` };
  const actual = pkg.exports?.[`./${tag}`];
  if (JSON.stringify(actual) !== JSON.stringify(expected)) {
    problems.push(`${tag}: package.json "exports" needs "./${tag}": ${JSON.stringify(expected)}`);
  }
  if (!pkg.sideEffects?.includes(`./dist/${tag}.js`)) problems.push(`${tag}: package.json "sideEffects" needs "./dist/${tag}.js" (it registers the element)`);
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
for (const pattern of pkg.sideEffects ?? []) {
  const regex = new RegExp(`^${pattern.replace(/[.+?^${}()|[\]\\]/g, '\\$&').replace(/\*/g, '[^/]*')}$`);
  if (!tree.some((file) => regex.test(file))) problems.push(`package.json "sideEffects" pattern ${pattern} matches no file`);
}

if (problems.length) {
  console.error(`The package does not follow the list of elements:\n  ${problems.join('\n  ')}`);
  process.exit(1);
}
console.log(`Package follows the list of elements (${tags.join(', ')}); every sideEffects pattern matches a file.`);
