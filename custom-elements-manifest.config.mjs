// Custom Elements Manifest: generated from the elements' JSDoc (`npm run build`), never by hand.
export default {
  globs: ['components/**/*.ts'],
  exclude: ['components/**/*.styles.ts', 'components/**/*.define.ts', 'components/shared/**'],
  outdir: '.',
  litelement: true,
  packagejson: false,
};
