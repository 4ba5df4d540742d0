// Makes every built JavaScript file ASCII-only: each non-ASCII UTF-16 unit becomes a `\uXXXX`
// escape. A script tag on a page served without a UTF-8 charset (or as windows-1252, still common
// on intranets and CMSs) is decoded in the page's encoding: raw UTF-8 in the bundle would show
// « RÃ©SEAUX », escapes read the same in every encoding. Escapes mean the same in strings,
// template literals (Relais and its dependencies use their cooked values, checked by the e2e
// test), regular expressions and identifiers. Each file is parsed again to be sure.
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { transformSync } from 'esbuild';

const dist = new URL('../dist/', import.meta.url).pathname;
let escaped = 0;
for (const entry of readdirSync(dist, { recursive: true, withFileTypes: true })) {
  if (!entry.isFile() || !entry.name.endsWith('.js')) continue;
  const file = join(entry.parentPath, entry.name);
  const code = readFileSync(file, 'utf8');
  // eslint-disable-next-line no-control-regex -- "every ASCII character" starts at U+0000
  if (/^[\x00-\x7f]*$/.test(code)) continue;
  // eslint-disable-next-line no-control-regex -- as above
  const ascii = code.replace(/[^\x00-\x7f]/g, (unit) => `\\u${unit.charCodeAt(0).toString(16).padStart(4, '0')}`);
  // Still valid JavaScript (an escape where one cannot stand would fail here, not in a page).
  transformSync(ascii, { loader: 'js', format: entry.name.endsWith('.iife.js') ? 'iife' : 'esm', logLevel: 'silent' });
  writeFileSync(file, ascii);
  escaped++;
}
console.log(`ASCII-only: ${escaped} built file(s) had non-ASCII characters escaped.`);
