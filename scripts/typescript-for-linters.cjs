// TypeScript 7, the project's `typescript`, is the native compiler: its package no longer ships the
// JavaScript API (`ts.createProgram`, the type checker…) that typescript-eslint and lit-analyzer are
// built on. Loaded first in the linters' process only, this makes every `require('typescript')` there
// load TypeScript 6.0 (`typescript6`, an npm alias): the last release with that API, the one whose
// types and defaults match 7.0, and the newest typescript-eslint supports. `tsc` and the build keep 7.
// All of the linters' TypeScript users are CommonJS, so hooking `require` resolution is enough.
const Module = require('node:module');

const resolveFilename = Module._resolveFilename;
Module._resolveFilename = function resolveTypescript6(request, ...rest) {
  const redirected = request === 'typescript' || request.startsWith('typescript/') ? `typescript6${request.slice('typescript'.length)}` : request;
  return resolveFilename.call(this, redirected, ...rest);
};
