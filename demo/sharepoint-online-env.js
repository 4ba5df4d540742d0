// What a bundler gives the code it bundles (SPFx's webpack, Vite for `npm start`): a
// `process.env.NODE_ENV`, which nanostores reads. A server that does not bundle (the test runner)
// serves the sources as they are; this file stands in, as a script of the page's own origin (the
// page's CSP refuses inline scripts).
globalThis.process ??= { env: { NODE_ENV: 'development' } };
