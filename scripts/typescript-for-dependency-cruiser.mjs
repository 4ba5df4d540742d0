// dependency-cruiser parses TypeScript with the `typescript` package's JavaScript API, which
// TypeScript 7 (the project's compiler) no longer ships; it loads it with `import()`, so the
// linters' `require` hook (typescript-for-linters.cjs) is not enough. Loaded with `node --import`,
// this points both `import` and `require` of `typescript` at TypeScript 6.0 (`typescript6`).
import { createRequire, register } from 'node:module';

createRequire(import.meta.url)('./typescript-for-linters.cjs');
register(
  `data:text/javascript,${encodeURIComponent(`
    export async function resolve(specifier, context, next) {
      const redirected = specifier === 'typescript' || specifier.startsWith('typescript/') ? 'typescript6' + specifier.slice('typescript'.length) : specifier;
      return next(redirected, context);
    }`)}`,
);
