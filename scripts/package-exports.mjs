// How package.json's `exports` resolve, the way Node and TypeScript read them: an exact key first,
// else the pattern key (`./adapters/*`, `./*`) with the longest part before its `*`, whose `*` is
// put in place of every `*` of the target. Used by the build, the package check and the element-list
// check, so that they agree on which export paths a pattern makes public.
import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';

/** The key of `exports` that `subpath` resolves through, and what its `*` stands for. */
export function exportKeyFor(exported, subpath) {
  if (subpath in exported) return { key: subpath, name: undefined };
  let best;
  for (const key of Object.keys(exported)) {
    const star = key.indexOf('*');
    if (star < 0) continue;
    const [before, after] = [key.slice(0, star), key.slice(star + 1)];
    if (!subpath.startsWith(before) || !subpath.endsWith(after) || subpath.length < key.length) continue;
    if (!best || before.length > best.before.length || (before.length === best.before.length && key.length > best.key.length)) {
      best = { key, before, name: subpath.slice(before.length, subpath.length - after.length) };
    }
  }
  return best && { key: best.key, name: best.name };
}

/** The files an export path resolves to, by condition (`types`, `import`); undefined when it is not exported (or excluded with `null`). */
export function resolveExport(exported, subpath) {
  const found = exportKeyFor(exported, subpath);
  const target = found && exported[found.key];
  if (!target) return undefined;
  const targets = typeof target === 'string' ? { default: target } : target;
  return Object.fromEntries(Object.entries(targets).filter(([, file]) => typeof file === 'string').map(([condition, file]) => [condition, found.name === undefined ? file : file.replaceAll('*', found.name)]));
}

/**
 * Every export path that a pattern key makes public, found from the files that exist (relative to
 * `root`, a folder path): for each condition's target, the names its `*` can stand for. A path that
 * resolves through another key (`./adapters/rest` has its own) is that key's, not the pattern's.
 * @returns {{ subpath: string, key: string, files: Record<string, string>, missing: string[] }[]}
 */
export function wildcardExports(exported, root = '.') {
  const found = new Map();
  for (const [key, target] of Object.entries(exported)) {
    if (!key.includes('*') || !target) continue;
    const names = new Set();
    for (const file of Object.values(typeof target === 'string' ? { default: target } : target)) {
      if (typeof file !== 'string') continue;
      const folder = file.slice(0, file.lastIndexOf('/', file.indexOf('*')));
      if (!existsSync(join(root, folder))) continue;
      const escaped = file.split('*').map((part) => part.replace(/[.+?^${}()|[\]\\]/g, '\\$&'));
      // Every `*` of a target stands for the same text.
      const pattern = new RegExp(`^${escaped[0]}(.+?)${escaped.slice(1).join('\\1')}$`);
      for (const entry of readdirSync(join(root, folder), { recursive: true, encoding: 'utf8' })) {
        const match = pattern.exec(`${folder}/${entry}`);
        if (match) names.add(match[1]);
      }
    }
    for (const name of names) {
      const subpath = key.replace('*', name);
      if (exportKeyFor(exported, subpath)?.key !== key) continue;
      const files = resolveExport(exported, subpath) ?? {};
      found.set(subpath, { subpath, key, files, missing: Object.values(files).filter((file) => !existsSync(join(root, file))) });
    }
  }
  return [...found.values()];
}
