// Custom Elements Manifest: generated from the elements' JSDoc (`npm run build`), never by hand.
// The docs' reference tables are generated from it in turn (scripts/docs-reference.mjs).
import { eventTypeAfterNamePlugin, expandLiteralUnionTypesPlugin, resolveConstantDefaultsPlugin, typedPublicApiPlugin } from './scripts/cem-plugins.mjs';

export default {
  globs: ['components/**/*.ts'],
  exclude: ['components/**/*.styles.ts', 'components/**/*.define.ts', 'components/shared/**'],
  outdir: '.',
  litelement: true,
  packagejson: false,
  plugins: [resolveConstantDefaultsPlugin(), expandLiteralUnionTypesPlugin(), eventTypeAfterNamePlugin(), typedPublicApiPlugin()],
};
