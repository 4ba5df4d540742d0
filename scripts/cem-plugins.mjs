// Plugins for @custom-elements-manifest/analyzer 0.11, used by custom-elements-manifest.config.mjs.
// The analyzer already reads `@cssstate name - description` into `cssStates` and
// `@fires {Type} name - description` into the event's `type`; these plugins add what it lacks:
// defaults that name a constant, the `@fires name {Type}` order, and a check that the public API
// is fully typed, so the generated docs never show a blank type or a constant's name.
import { existsSync, readFileSync } from 'node:fs';
import { dirname, relative, resolve } from 'node:path';

/** `3`, `'banner'`, `true`, `-1`, `null`, `undefined`: what a default may be once resolved. */
function literalOf(ts, expression) {
  let node = expression;
  while (node && (ts.isParenthesizedExpression(node) || ts.isAsExpression(node) || (ts.isSatisfiesExpression?.(node) ?? false))) {
    node = node.expression;
  }
  if (!node) return undefined;
  if (ts.isNumericLiteral(node)) return { text: node.getText(), type: 'number' };
  if (ts.isPrefixUnaryExpression(node) && node.operator === ts.SyntaxKind.MinusToken && ts.isNumericLiteral(node.operand)) {
    return { text: node.getText(), type: 'number' };
  }
  if (ts.isStringLiteral(node) || ts.isNoSubstitutionTemplateLiteral(node)) return { text: node.getText(), type: 'string' };
  if (node.kind === ts.SyntaxKind.TrueKeyword || node.kind === ts.SyntaxKind.FalseKeyword) return { text: node.getText(), type: 'boolean' };
  if (node.kind === ts.SyntaxKind.NullKeyword) return { text: 'null', type: 'null' };
  if (ts.isIdentifier(node) && node.text === 'undefined') return { text: 'undefined', type: 'undefined' };
  return undefined;
}

/** The file a relative import specifier points to (`./x.js` is `./x.ts` on disk), or undefined. */
function resolveSpecifier(fromFile, specifier) {
  if (!specifier.startsWith('.')) return undefined;
  const base = resolve(dirname(fromFile), specifier);
  const candidates = [base, base.replace(/\.(m?)js$/, '.$1ts'), `${base}.ts`, resolve(base, 'index.ts')];
  return candidates.find((file) => /\.m?ts$/.test(file) && existsSync(file));
}

/**
 * Follows `name` from `sourceFile` to the declaration that defines it — in the same module,
 * through named imports, `export { a as b }` and `export *` — and returns what `readLocal` makes
 * of that declaration, or a reason why it found nothing usable.
 */
function follow(ts, sourceFile, fileName, name, readLocal, seen = new Set()) {
  const key = `${fileName}#${name}`;
  if (seen.has(key)) return { reason: `circular re-export of ${name}` };
  seen.add(key);
  const inFile = (file, imported) => follow(ts, ts.createSourceFile(file, readFileSync(file, 'utf8'), ts.ScriptTarget.Latest, true), file, imported, readLocal, seen);
  const starExports = [];
  for (const statement of sourceFile.statements) {
    const local = readLocal(statement, name);
    if (local) return local;
    if (ts.isImportDeclaration(statement) && statement.importClause?.namedBindings && ts.isNamedImports(statement.importClause.namedBindings)) {
      for (const element of statement.importClause.namedBindings.elements) {
        if (element.name.text !== name) continue;
        const file = resolveSpecifier(fileName, statement.moduleSpecifier.text);
        if (!file) return { reason: `${name} comes from '${statement.moduleSpecifier.text}', which is not a module of this package` };
        return inFile(file, (element.propertyName ?? element.name).text);
      }
    }
    if (ts.isExportDeclaration(statement) && !statement.moduleSpecifier && statement.exportClause && ts.isNamedExports(statement.exportClause)) {
      // `export { LOCAL as NAME }`: NAME is another name for a declaration of this module.
      const element = statement.exportClause.elements.find((candidate) => candidate.name.text === name && candidate.propertyName);
      if (element) return follow(ts, sourceFile, fileName, element.propertyName.text, readLocal, seen);
    }
    if (ts.isExportDeclaration(statement) && statement.moduleSpecifier) {
      const file = resolveSpecifier(fileName, statement.moduleSpecifier.text);
      if (!statement.exportClause) {
        if (file) starExports.push(file);
      } else if (ts.isNamedExports(statement.exportClause)) {
        const element = statement.exportClause.elements.find((candidate) => candidate.name.text === name);
        if (element) {
          if (!file) return { reason: `${name} is re-exported from '${statement.moduleSpecifier.text}', outside this package` };
          return inFile(file, (element.propertyName ?? element.name).text);
        }
      }
    }
  }
  for (const file of starExports) {
    const found = inFile(file, name);
    if (!found.reason?.startsWith('no declaration')) return found;
  }
  return { reason: `no declaration of ${name} found in ${relative(process.cwd(), fileName)}` };
}

/** `const NAME = <literal>` → `{ text, type }`; another declaration of NAME → `{ reason }`. */
const constantReader = (ts) => (statement, name) => {
  if (!ts.isVariableStatement(statement)) return undefined;
  for (const declaration of statement.declarationList.declarations) {
    if (!ts.isIdentifier(declaration.name) || declaration.name.text !== name) continue;
    if (!(statement.declarationList.flags & ts.NodeFlags.Const)) return { reason: `${name} is not a const` };
    return literalOf(ts, declaration.initializer) ?? { reason: `${name} is not a number, string or boolean literal` };
  }
  return undefined;
};

/** `type NAME = 'a' | 'b'` (literals only) → `{ text: "'a' | 'b'" }`; another type → `{ reason }`. */
const literalUnionReader = (ts) => (statement, name) => {
  if (!ts.isTypeAliasDeclaration(statement) || statement.name.text !== name || statement.typeParameters) return undefined;
  const parts = ts.isUnionTypeNode(statement.type) ? statement.type.types : [statement.type];
  if (!parts.every((part) => ts.isLiteralTypeNode(part))) return { reason: `${name} is not a union of literals` };
  return { text: parts.map((part) => part.getText()).join(' | ') };
};

/** Members whose default names something that is not a literal constant, and why. */
const unresolvedDefaults = new WeakMap();

const isPublic = (member) => !member.privacy || member.privacy === 'public';
const looksLikeIdentifier = (text) => typeof text === 'string' && /^[A-Za-z_$][\w$]*(\.[A-Za-z_$][\w$]*)*$/.test(text) && !['true', 'false', 'null', 'undefined'].includes(text);

/**
 * Splits `{Type} - description` (what comment-parser leaves in the description for
 * `@fires name {Type} - description`) into a type and a description. Braces may nest.
 */
function splitLeadingType(description) {
  if (!description?.startsWith('{')) return undefined;
  let depth = 0;
  for (let index = 0; index < description.length; index++) {
    if (description[index] === '{') depth++;
    else if (description[index] === '}' && --depth === 0) {
      return { type: description.slice(1, index).trim(), description: description.slice(index + 1).trim().replace(/^-\s*/, '') };
    }
  }
  return undefined;
}

/**
 * Resolves field defaults that name a constant (`snoozeDays = DEFAULT_SNOOZE_DAYS`, with
 * `export const DEFAULT_SNOOZE_DAYS = 3` in another module) to the constant's literal (`3`),
 * and types the field from it when it has no type. A public default that names anything else is
 * left for typedPublicApiPlugin to report, so the docs never show a name the reader cannot look up.
 */
export function resolveConstantDefaultsPlugin() {
  /** `module::Class::field` → the literal, or the reason there is none. */
  const resolved = new Map();
  return {
    name: 'relais/resolve-constant-defaults',
    analyzePhase({ ts, node, moduleDoc }) {
      if (!ts.isClassDeclaration(node) || !node.name) return;
      const sourceFile = node.getSourceFile();
      const fileName = resolve(process.cwd(), sourceFile.fileName);
      for (const member of node.members) {
        if (!ts.isPropertyDeclaration(member) || !member.initializer || !ts.isIdentifier(member.name)) continue;
        const initializer = member.initializer;
        if (!ts.isIdentifier(initializer) || initializer.text === 'undefined') continue;
        const found = follow(ts, sourceFile, fileName, initializer.text, constantReader(ts));
        resolved.set(`${moduleDoc.path}::${node.name.text}::${member.name.text}`, { identifier: initializer.text, ...found });
      }
    },
    packageLinkPhase({ customElementsManifest }) {
      for (const mod of customElementsManifest.modules ?? []) {
        for (const declaration of mod.declarations ?? []) {
          const fields = (declaration.members ?? []).filter((member) => member.kind === 'field');
          for (const member of fields) {
            const origin = member.inheritedFrom ? `${member.inheritedFrom.module}::${member.inheritedFrom.name}` : `${mod.path}::${declaration.name}`;
            const entry = resolved.get(`${origin}::${member.name}`);
            if (!entry) continue;
            const attribute = declaration.attributes?.find((candidate) => candidate.fieldName === member.name);
            if (entry.reason) {
              // Left as the name; typedPublicApiPlugin reports it (for public fields) with this reason.
              unresolvedDefaults.set(member, `${entry.identifier}: ${entry.reason}`);
              continue;
            }
            // The analyzer resolves a constant of an analyzed module by itself (members only):
            // either way the member, and its attribute, end up with the literal.
            if (member.default === entry.identifier) member.default = entry.text;
            if (!member.type && entry.type !== 'null' && entry.type !== 'undefined') member.type = { text: entry.type };
            if (attribute) {
              if (attribute.default === entry.identifier) attribute.default = entry.text;
              if (!attribute.type && member.type) attribute.type = { ...member.type };
            }
          }
        }
      }
    },
  };
}

/**
 * Writes a field's type out when it names a union of literals (`mode: CharterBannerMode`, with
 * `type CharterBannerMode = 'banner' | 'inline' | 'dialog'`): the docs then list the values a
 * reader can set instead of a name they cannot look up.
 */
export function expandLiteralUnionTypesPlugin() {
  /** `module::Class::field` → `{ alias, text }`. */
  const expanded = new Map();
  /** `module::Class` → its type parameters' names (`RelaisElement<Model, View, State>`). */
  const typeParameters = new Map();
  /** `module::Class` → the type arguments it gives its base class, each `{ alias, text }` (text: the union written out, when it is one). */
  const baseArguments = new Map();
  return {
    name: 'relais/expand-literal-union-types',
    analyzePhase({ ts, node, moduleDoc }) {
      if (!ts.isClassDeclaration(node) || !node.name) return;
      const sourceFile = node.getSourceFile();
      const fileName = resolve(process.cwd(), sourceFile.fileName);
      const classKey = `${moduleDoc.path}::${node.name.text}`;
      if (node.typeParameters) typeParameters.set(classKey, node.typeParameters.map((parameter) => parameter.name.text));
      const base = node.heritageClauses?.find((clause) => clause.token === ts.SyntaxKind.ExtendsKeyword)?.types[0];
      if (base?.typeArguments) {
        baseArguments.set(classKey, base.typeArguments.map((argument) => {
          const alias = argument.getText();
          const found = ts.isTypeReferenceNode(argument) && ts.isIdentifier(argument.typeName) ? follow(ts, sourceFile, fileName, alias, literalUnionReader(ts)) : { reason: 'not a name' };
          return { alias, text: found.reason ? alias : found.text };
        }));
      }
      for (const member of node.members) {
        if (!(ts.isPropertyDeclaration(member) || ts.isGetAccessor(member)) || !ts.isIdentifier(member.name)) continue;
        const type = member.type;
        if (!type || !ts.isTypeReferenceNode(type) || type.typeArguments || !ts.isIdentifier(type.typeName)) continue;
        const found = follow(ts, sourceFile, fileName, type.typeName.text, literalUnionReader(ts));
        if (!found.reason) expanded.set(`${moduleDoc.path}::${node.name.text}::${member.name.text}`, { alias: type.typeName.text, text: found.text });
      }
    },
    packageLinkPhase({ customElementsManifest }) {
      for (const mod of customElementsManifest.modules ?? []) {
        for (const declaration of mod.declarations ?? []) {
          for (const member of declaration.members ?? []) {
            const origin = member.inheritedFrom ? `${member.inheritedFrom.module}::${member.inheritedFrom.name}` : `${mod.path}::${declaration.name}`;
            // A member of a generic base typed by one of its parameters (`state: State`): the type this class gives it.
            const parameter = typeParameters.get(origin)?.indexOf(member.type?.text) ?? -1;
            const argument = member.inheritedFrom && parameter >= 0 ? baseArguments.get(`${mod.path}::${declaration.name}`)?.[parameter] : undefined;
            if (argument) member.type = { text: argument.text };
            const entry = expanded.get(`${origin}::${member.name}`);
            if (!entry) continue;
            const attribute = declaration.attributes?.find((candidate) => candidate.fieldName === member.name);
            for (const typed of [member, attribute]) {
              if (!typed?.type?.text) continue;
              if (typed.type.text === entry.alias) typed.type = { text: entry.text };
              else if (typed.type.text === `${entry.alias} | undefined`) typed.type = { text: `${entry.text} | undefined` };
            }
          }
        }
      }
    },
  };
}

/**
 * Accepts `@fires name {Type} - description` as well as JSDoc's `@fires {Type} name - description`
 * (which the analyzer reads by itself): both put `Type` in the event's `type.text`.
 */
export function eventTypeAfterNamePlugin() {
  return {
    name: 'relais/event-type-after-name',
    packageLinkPhase({ customElementsManifest }) {
      for (const mod of customElementsManifest.modules ?? []) {
        for (const declaration of mod.declarations ?? []) {
          for (const event of declaration.events ?? []) {
            if (event.type?.text) continue;
            const split = splitLeadingType(event.description);
            if (!split) continue;
            event.type = { text: split.type };
            event.description = split.description;
          }
        }
      }
    },
  };
}

/**
 * Fails the analysis when an element's public API is not fully described: every public field
 * (attribute or property) needs a type, every event a detail type, and no default may still be a
 * bare name. Runs last, after the other plugins have done what they can.
 */
export function typedPublicApiPlugin() {
  return {
    name: 'relais/typed-public-api',
    packageLinkPhase({ customElementsManifest }) {
      const problems = [];
      for (const mod of customElementsManifest.modules ?? []) {
        for (const declaration of mod.declarations ?? []) {
          if (!declaration.customElement || !declaration.tagName) continue;
          const where = `${mod.path}: <${declaration.tagName}> ${declaration.name}`;
          for (const member of declaration.members ?? []) {
            if (member.kind !== 'field' || !isPublic(member) || member.static || member.name.startsWith('#')) continue;
            if (!member.type?.text) problems.push(`${where}.${member.name} has no type: annotate it (\`name: Type = …\`) or use a literal default.`);
            if (looksLikeIdentifier(member.default)) {
              const why = unresolvedDefaults.get(member) ?? `${member.default} is not a constant this build can read`;
              problems.push(`${where}.${member.name} defaults to a name, not a value (${why}): initialize it with a literal, or a const of this package holding one.`);
            }
          }
          for (const event of declaration.events ?? []) {
            if (!event.type?.text) problems.push(`${where} @fires ${event.name} has no detail type: write \`@fires ${event.name} {DetailType} - description\`.`);
          }
        }
      }
      if (problems.length) throw new Error(`Custom elements manifest: the public API is not fully typed\n  ${problems.join('\n  ')}`);
    },
  };
}
