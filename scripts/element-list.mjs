// The tag names of the one list of elements, `ELEMENTS` in entries/elements.ts, for Node tools (the
// Vite config, the package and size checks, the screenshots). Read with the TypeScript parser, so
// that the list may be written in any layout TypeScript accepts; the parser is TypeScript 6.0 (the
// `typescript6` alias), because TypeScript 7, the project's compiler, ships no JavaScript API.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';

/** @type {typeof import('typescript')} */
const ts = createRequire(import.meta.url)('typescript6');

/** @returns {string[]} */
export function elementTags(root = new URL('..', import.meta.url)) {
  const file = new URL('entries/elements.ts', root);
  const source = ts.createSourceFile(file.pathname, readFileSync(file, 'utf8'), ts.ScriptTarget.Latest, false, ts.ScriptKind.TS);
  for (const statement of source.statements) {
    if (!ts.isVariableStatement(statement)) continue;
    for (const declaration of statement.declarationList.declarations) {
      if (!ts.isIdentifier(declaration.name) || declaration.name.text !== 'ELEMENTS') continue;
      let list = declaration.initializer;
      while (list && (ts.isAsExpression(list) || ts.isSatisfiesExpression(list) || ts.isParenthesizedExpression(list))) list = list.expression;
      if (!list || !ts.isObjectLiteralExpression(list)) break;
      return list.properties.map((property) => {
        // A computed or spread entry would hide a tag from the tools: only literal names are allowed.
        if (!ts.isPropertyAssignment(property) || !(ts.isStringLiteral(property.name) || ts.isIdentifier(property.name))) {
          const { line } = source.getLineAndCharacterOfPosition(property.getStart(source));
          throw new Error(`entries/elements.ts:${line + 1}: each ELEMENTS entry must be \`'tag-name': ElementClass\``);
        }
        return property.name.text;
      });
    }
  }
  throw new Error('entries/elements.ts: `export const ELEMENTS = { … }` (an object literal) not found');
}
