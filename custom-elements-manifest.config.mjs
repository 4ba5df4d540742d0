// Custom Elements Manifest: generated from the elements' JSDoc (`npm run build`), never by hand.
// The docs' reference tables are generated from it in turn (scripts/docs-reference.mjs).
import { eventTypeAfterNamePlugin, expandLiteralUnionTypesPlugin, resolveConstantDefaultsPlugin, typedPublicApiPlugin } from './scripts/cem-plugins.mjs';

export default {
  // The element base carries what every element documents alike (its parts and custom properties).
  globs: ['components/**/*.ts', 'components/shared/relais-element.ts'],
  exclude: ['components/**/*.styles.ts', 'components/**/*.define.ts', 'components/shared/!(relais-element).ts'],
  outdir: '.',
  litelement: true,
  packagejson: false,
  plugins: [resolveConstantDefaultsPlugin(), expandLiteralUnionTypesPlugin(), eventTypeAfterNamePlugin(), typedPublicApiPlugin()],
};
