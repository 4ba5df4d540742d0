// The ES build with no bundler: which files a browser loads from `dist/relais.js`, resolving the
// bare imports (`lit`, `zod/mini`…) the way an import map written for it does, and whether every
// one of them is an ES module (no CommonJS anywhere in the graph).
//
//   node scripts/esm-graph.mjs            prints the import map (JSON), then one line per file
//                                         of the graph of every ES entry (dist/relais.js, dist/api.js,
//                                         dist/elements/*, dist/adapters/*…); fails if a file is
//                                         CommonJS or a bare import unresolved
//
// The import map is derived from the packages' own `exports`, with the conditions a browser
// loading ES modules matches: `browser`, `import`, `default` (never `require`, `node`, nor
// `development`: the map points at the production files). The end-to-end test
// (test/e2e/es-build.test.ts) serves that map in a plain HTML page.
import { readFileSync, readdirSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import * as esbuild from 'esbuild';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const CONDITIONS = ['browser', 'import', 'default'];

/** The target of an `exports` value under {@link CONDITIONS}, or undefined. */
function pickCondition(value) {
  if (typeof value === 'string') return value;
  if (Array.isArray(value)) return value.map(pickCondition).find(Boolean);
  if (!value || typeof value !== 'object') return undefined;
  for (const [key, target] of Object.entries(value)) {
    if (!CONDITIONS.includes(key)) continue;
    const picked = pickCondition(target);
    if (picked) return picked;
  }
  return undefined;
}

/** `zod/mini` → `{ name: 'zod', subpath: './mini' }`. */
function splitSpecifier(specifier) {
  const parts = specifier.split('/');
  const length = specifier.startsWith('@') ? 2 : 1;
  const name = parts.slice(0, length).join('/');
  const rest = parts.slice(length).join('/');
  return { name, subpath: rest ? `./${rest}` : '.' };
}

/**
 * The file a bare specifier names in node_modules, through its package's `exports` (exact keys,
 * then `*` patterns), or `module` / `main` for a package without `exports`. A repository-relative path.
 */
export function resolveBare(specifier) {
  const { name, subpath } = splitSpecifier(specifier);
  const folder = `node_modules/${name}`;
  const manifest = JSON.parse(readFileSync(join(root, folder, 'package.json'), 'utf8'));
  let target;
  if (manifest.exports) {
    const exports = typeof manifest.exports === 'string' || Object.keys(manifest.exports)[0]?.startsWith('.') === false
      ? { '.': manifest.exports }
      : manifest.exports;
    if (subpath in exports) target = pickCondition(exports[subpath]);
    else {
      for (const [key, value] of Object.entries(exports)) {
        const star = key.indexOf('*');
        if (star < 0 || !subpath.startsWith(key.slice(0, star)) || !subpath.endsWith(key.slice(star + 1))) continue;
        const matched = subpath.slice(star, subpath.length - (key.length - star - 1));
        target = pickCondition(value)?.replaceAll('*', matched);
        if (target) break;
      }
    }
  } else {
    target = subpath === '.' ? (manifest.module ?? manifest.main ?? 'index.js') : subpath;
  }
  if (!target) throw new Error(`${specifier}: no export of ${name} matches ${CONDITIONS.join(', ')}`);
  return join(folder, target).replaceAll('\\', '/');
}

/** Every entry of the ES build (package.json's export paths): the page, the API, each element and adapter… */
export function esEntries() {
  return readdirSync(join(root, 'dist'), { recursive: true, encoding: 'utf8' })
    .filter((file) => /^(?:[a-z-]+|elements\/[a-z-]+|adapters\/[a-z-]+)\.js$/.test(file.replaceAll('\\', '/')) && !/^relais\.(?:iife|loader)\.js$/.test(file))
    .map((file) => `dist/${file.replaceAll('\\', '/')}`)
    .sort();
}

/**
 * Walks the graph of `entries` (static and dynamic imports): every bare specifier is resolved by
 * {@link resolveBare} and becomes an entry of the import map. Returns the map (addresses from
 * the site's root, the repository served as it is) and each file with the module format esbuild
 * reads in it (`esm`, `cjs`, or none for a file with neither imports nor exports).
 * @param {string[]} [entries] repository-relative; by default every entry of the ES build
 */
export async function esmGraph(entries = esEntries()) {
  /** @type {Record<string, string>} */
  const imports = {};
  const result = await esbuild.build({
    absWorkingDir: root,
    entryPoints: entries,
    outdir: 'esm-graph',
    bundle: true,
    write: false,
    metafile: true,
    format: 'esm',
    platform: 'browser',
    logLevel: 'silent',
    plugins: [
      {
        name: 'import-map',
        setup(build) {
          build.onResolve({ filter: /^[^./]/ }, ({ path }) => {
            const file = resolveBare(path);
            imports[path] = `/${file}`;
            return { path: join(root, file) };
          });
        },
      },
    ],
  });
  const files = Object.entries(result.metafile.inputs).map(([path, input]) => {
    const text = readFileSync(join(root, path), 'utf8');
    return {
      path: relative(root, join(root, path)).replaceAll('\\', '/'),
      format: input.format ?? 'none',
      // What a CommonJS file uses; an ES module that merely mentions them in a comment or a string would be a false alarm,
      // so this is reported, and the test asserts on it for the files of the graph as they are.
      commonJs: /\brequire\s*\(|\bmodule\.exports\b|\bexports\.[A-Za-z_$]/.test(text),
    };
  });
  return { importMap: { imports: Object.fromEntries(Object.entries(imports).sort()) }, files };
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const { importMap, files } = await esmGraph();
  console.log(JSON.stringify(importMap, null, 2));
  let bad = 0;
  for (const file of files) {
    const ok = file.format !== 'cjs' && !file.commonJs;
    if (!ok) bad++;
    console.log(`${ok ? 'ok ' : 'CJS'} ${file.format.padEnd(4)} ${file.path}`);
  }
  console.log(`${files.length} files, ${bad} CommonJS`);
  process.exitCode = bad ? 1 : 0;
}
