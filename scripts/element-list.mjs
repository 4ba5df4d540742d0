// The tag names of the one list of elements, `ELEMENTS` in entries/elements.ts, read as text so
// that Node tools (the Vite config, the package check) follow the same list as the code.
import { readFileSync } from 'node:fs';

/** @returns {string[]} */
export function elementTags(root = new URL('..', import.meta.url)) {
  const source = readFileSync(new URL('entries/elements.ts', root), 'utf8');
  const list = source.match(/export const ELEMENTS = \{([\s\S]*?)\} as const;/);
  if (!list) throw new Error('entries/elements.ts: `export const ELEMENTS = { … } as const;` not found');
  return [...list[1].matchAll(/^\s*'([a-z][a-z0-9]*(?:-[a-z0-9]+)+)':/gm)].map((match) => match[1]);
}
