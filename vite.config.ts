import { readdirSync, readFileSync, statSync } from 'node:fs';
import { extname, resolve } from 'node:path';
import { defineConfig, type Plugin } from 'vite';
import { elementTags } from './scripts/element-list.mjs';
// @ts-expect-error -- a JavaScript module without declarations (the test runner's plugin, typed where used below)
import { sharePointServerPlugin as untypedSharePointServer } from './test/fixtures/sharepoint-server-plugin.mjs';

/**
 * Two library builds from one config:
 * - `vite build`: the ES module build for bundlers (lit, @lit/context, nanostores, zod,
 *   dompurify stay dependencies), one entry per public export path;
 * - `vite build --mode iife`: `dist/relais.iife.js`, one self-contained file for a plain
 *   `<script src>` that registers the elements and exposes `window.Relais`.
 * `npm start` uses the dev server of the same config to serve demo/.
 */
const esEntries = {
  relais: 'entries/index.ts',
  api: 'entries/api.ts',
  guard: 'src/guard/index.ts',
  share: 'src/share/index.ts',
  testing: 'src/testing/index.ts',
  // `relais/adapters/memory`, `relais/adapters/rest`…: one entry per `src/adapters/*-adapter.ts`,
  // and per `src/adapters/NAME/NAME-adapter.ts` for an adapter with parts of its own (rest/).
  ...Object.fromEntries(
    readdirSync('src/adapters', { recursive: true, encoding: 'utf8' })
      .filter((file) => /^(?:([a-z-]+)\/\1|[a-z-]+)-adapter\.ts$/.test(file))
      .map((file) => [`adapters/${file.replace(/^.*\//, '').replace(/-adapter\.ts$/, '')}`, `src/adapters/${file}`]),
  ),
  // Each element can be imported alone (`import 'relais/charter-banner'`): one entry per element of the
  // list, in dist/elements/ so that one `exports` pattern and one `sideEffects` pattern name them all.
  ...Object.fromEntries(elementTags().map((tag) => [`elements/${tag}`, `components/${tag}/${tag}.define.ts`])),
};

/**
 * `npm start` serves the repository so that the demo pages can import the sources; the demo lives
 * in demo/. The address Vite prints (`/`) and `/demo` without its slash lead there instead of to
 * a 404. Dev server only: builds are untouched.
 */
const demoAtRoot: Plugin = {
  name: 'relais-demo-at-root',
  apply: 'serve',
  configureServer(server) {
    server.middlewares.use((request, response, next) => {
      const [path, query] = (request.url ?? '/').split(/\?(.*)/s, 2);
      if (path !== '/' && path !== '/demo' && path !== '/index.html') return next();
      response.statusCode = 302;
      response.setHeader('Location', `/demo/${query ? `?${query}` : ''}`);
      response.end();
    });
  },
};

/**
 * `npm start` serves the built script-tag files (dist/) as they are on disk: Vite's dev server
 * would otherwise transform them like sources (an inline source map, rewritten imports, `define`d
 * values), and the demo would not run the bytes a site deploys. Likewise a demo page with no module
 * script (demo/plain.html, demo/loader.html: a page without a build step) is served as written,
 * without Vite's client script. Dev server only; scripts/check-demo-serving.mjs checks it.
 */
const AS_BUILT_TYPES: Record<string, string> = { '.js': 'text/javascript', '.map': 'application/json', '.json': 'application/json', '.html': 'text/html; charset=utf-8', '.ts': 'text/plain' };
const servedAsBuilt: Plugin = {
  name: 'relais-served-as-built',
  apply: 'serve',
  configureServer(server) {
    const root = resolve(server.config.root);
    server.middlewares.use((request, response, next) => {
      if (request.method !== 'GET' && request.method !== 'HEAD') return next();
      const path = decodeURIComponent((request.url ?? '/').split(/[?#]/, 1)[0]!);
      const file = resolve(root, `.${path}`);
      const inDist = file.startsWith(`${root}/dist/`);
      const plainPage = file.startsWith(`${root}/demo/`) && file.endsWith('.html');
      if (!inDist && !plainPage) return next();
      let body: Buffer;
      try {
        if (!statSync(file).isFile()) return next();
        body = readFileSync(file);
      } catch {
        return next();
      }
      if (plainPage && body.includes('type="module"')) return next();
      response.setHeader('Content-Type', AS_BUILT_TYPES[extname(file)] ?? 'application/octet-stream');
      response.setHeader('Cache-Control', 'no-cache');
      response.setHeader('Content-Length', body.length);
      response.end(request.method === 'HEAD' ? undefined : body);
    });
  },
};

/**
 * `npm start` serves a SharePoint site at /sites/relais for demo/sharepoint-online.html: the
 * SharePoint REST test server of the browser tests (test/fixtures/sharepoint-server-plugin.mjs,
 * the same module web-test-runner.config.mjs mounts), seeded with demo/data/advocacy.json on the
 * first request, its lists kept in memory while the dev server runs. Its /_api answers on the
 * demo's own origin, as a site's does on SharePoint Online (the page's fetch carries no CORS).
 * Dev server only.
 */
const SHAREPOINT_SITE = '/sites/relais';
interface SharePointTestServer {
  executeCommand(command: { command: string; payload: unknown }): Promise<unknown>;
  serverStop(): Promise<void>;
}
const sharePointServerPlugin = untypedSharePointServer as () => SharePointTestServer;
const sharePointSite: Plugin = {
  name: 'relais-sharepoint-site',
  apply: 'serve',
  configureServer(server) {
    let started: Promise<{ origin: string; stop: () => Promise<void> }> | undefined;
    const start = () =>
      (started ??= (async () => {
        const sp = sharePointServerPlugin();
        const seed: unknown = JSON.parse(readFileSync('demo/data/advocacy.json', 'utf8'));
        const { url } = (await sp.executeCommand({ command: 'sp-server-reset', payload: { seed, origin: '' } })) as { url: string };
        return { origin: new URL(url).origin, stop: () => sp.serverStop() };
      })());
    server.httpServer?.once('close', () => void started?.then(({ stop }) => stop()));
    server.middlewares.use((request, response, next) => {
      const path = request.url ?? '/';
      if (path !== SHAREPOINT_SITE && !path.startsWith(`${SHAREPOINT_SITE}/`)) return next();
      const chunks: Buffer[] = [];
      request.on('data', (chunk: Buffer) => chunks.push(chunk));
      request.on('end', () => {
        void (async () => {
          try {
            const { origin } = await start();
            const headers: Record<string, string> = {};
            for (const name of ['accept', 'content-type', 'x-requestdigest', 'x-http-method', 'if-match']) {
              const value = request.headers[name];
              if (typeof value === 'string') headers[name] = value;
            }
            const hasBody = request.method !== 'GET' && request.method !== 'HEAD';
            const answer = await fetch(`${origin}${path}`, { method: request.method, headers, body: hasBody ? Buffer.concat(chunks) : undefined });
            // Its absolute addresses (odata.nextLink, WebFullUrl) name the test server: this origin instead.
            const body = (await answer.text()).replaceAll(origin, `http://${request.headers.host ?? 'localhost'}`);
            response.statusCode = answer.status;
            for (const name of ['content-type', 'retry-after']) {
              const value = answer.headers.get(name);
              if (value) response.setHeader(name, value);
            }
            response.end(body);
          } catch (error) {
            next(error);
          }
        })();
      });
    });
  },
};

/**
 * Lit ships `css\`…\`` text as written: comments, indentation and all. For the builds, the static
 * parts of the elements' style sheets lose their comments and the spaces CSS does not need (around
 * `{ } ; , >`, and runs of white space). Spaces before `:` are kept: `a :focus` is not `a:focus`.
 */
const minifyElementCss: Plugin = {
  name: 'relais-minify-element-css',
  apply: 'build',
  enforce: 'pre',
  transform(code, id) {
    if (!/\/components\/.+\.styles\.ts$/.test(id)) return undefined;
    const minified = code.replace(/\bcss`([^`]*)`/g, (_whole, body: string) => {
      const parts = body.split(/(\$\{[^}]*\})/);
      const text = parts.map((part, index) =>
        index % 2 === 1
          ? part
          : part
              .replace(/\/\*[\s\S]*?\*\//g, '')
              .replace(/\s+/g, ' ')
              .replace(/\s*([{};,>])\s*/g, '$1'),
      );
      return `css\`${text.join('')}\``;
    });
    return { code: minified, map: null };
  },
};

// A scoped name is a package only with its second part: `@lit/` alone matched no import, and
// @lit/context was bundled into the ES build (test/e2e/es-build.test.ts now checks the graph).
const external = (id: string) => /^(?:lit|@lit\/[^/]+|@lit-labs\/[^/]+|nanostores|@nanostores\/[^/]+|zod|dompurify|idb-keyval)(?:\/|$)/.test(id);

/** The loader's chunks: `dist/relais/`, beside `dist/relais.loader.js` (which finds them from its own `src`). */
const LOADER_CHUNKS = 'relais/';

/**
 * One chunk per element for the loader: `relais-loader:<tag>` exports the element class of
 * `components/<tag>/<tag>.ts` as `element`; the loader registers it through its runtime.
 */
const loaderElementEntries: Plugin = {
  name: 'relais-loader-element-entries',
  resolveId: (id) => (id.startsWith('relais-loader:') ? `\0${id}` : undefined),
  load(id) {
    if (!id.startsWith('\0relais-loader:')) return undefined;
    const tag = id.slice('\0relais-loader:'.length);
    const root = process.cwd();
    return [
      `import * as module from ${JSON.stringify(`${root}/components/${tag}/${tag}.ts`)};`,
      `export const element = Object.values(module).find((value) => typeof value === 'function' && value.tagName === ${JSON.stringify(tag)});`,
    ].join('\n');
  },
};

export default defineConfig(({ mode }) => {
  if (mode === 'loader-chunks') {
    // The loader's ES chunks: everything bundled (lit, zod/mini, DOMPurify…), shared code in
    // common chunks, one file per element and the runtime, with the names the loader asks for.
    return {
      plugins: [minifyElementCss, loaderElementEntries],
      define: { 'process.env.NODE_ENV': JSON.stringify('production') },
      build: {
        emptyOutDir: false,
        outDir: `dist/${LOADER_CHUNKS}`,
        target: 'es2022',
        minify: true,
        // No preload helper: it would write <link rel="modulepreload"> tags (with URLs from the
        // site's root, not the loader's folder) into pages whose CSP and Trusted Types we promise to keep.
        modulePreload: false,
        sourcemap: true,
        rolldownOptions: {
          input: { runtime: 'entries/loader/runtime.ts', ...Object.fromEntries(elementTags().map((tag) => [tag, `relais-loader:${tag}`])) },
          preserveEntrySignatures: 'exports-only',
          output: {
            format: 'es',
            entryFileNames: '[name].js',
            chunkFileNames: 'shared-[hash].js',
            // The in-browser data modules stay in one chunk: with what they import (zod/mini, the
            // model), which every page loads anyway, measured 4 requests and about 0.8 KB gzip fewer
            // per loader page than apart (scripts/size.mjs). The ranking rules are not in it: the
            // memory adapter imports them on a board's first reading, so that a page without a
            // leaderboard does not download them (1.4 KB gzip).
            codeSplitting: { groups: [{ name: 'data', test: /[\\/]src[\\/](?:model[\\/]document|adapters[\\/]shareable-query|adapters[\\/]memory-adapter)\.ts$/ }] },
          },
        },
      },
    };
  }
  if (mode === 'loader') {
    return {
      define: { __RELAIS_TAGS__: JSON.stringify(elementTags()), __RELAIS_CHUNKS__: JSON.stringify(LOADER_CHUNKS) },
      build: {
        emptyOutDir: false,
        target: 'es2022',
        lib: { entry: 'entries/loader/loader.ts', formats: ['iife'], name: 'RelaisLoader', fileName: () => 'relais.loader.js' },
      },
    };
  }
  if (mode === 'iife') {
    return {
      plugins: [minifyElementCss],
      // __RELAIS_SINGLE_FILE__: the adapters a plain page has no use for stay out (src/config/built-in-adapters.ts).
      define: { 'process.env.NODE_ENV': JSON.stringify('production'), __RELAIS_SINGLE_FILE__: 'true' },
      build: {
        emptyOutDir: false,
        target: 'es2022',
        // Its map says what each part weighs (`node scripts/size.mjs` prints their shares).
        sourcemap: true,
        lib: { entry: 'entries/iife.ts', formats: ['iife'], name: 'Relais', fileName: () => 'relais.iife.js' },
      },
    };
  }
  return {
    // `npm start` runs the reference server and passes its address: the demo reaches it on its own
    // origin (/api/v1), so the pages need no CORS set-up.
    server: { open: false, proxy: process.env.RELAIS_DEMO_API_TARGET ? { '/api': process.env.RELAIS_DEMO_API_TARGET } : undefined },
    plugins: [demoAtRoot, servedAsBuilt, sharePointSite, minifyElementCss],
    define: mode === 'production' ? {} : { 'process.env.NODE_ENV': JSON.stringify('development') },
    build: {
      target: 'es2022',
      sourcemap: true,
      lib: { entry: esEntries, formats: ['es'], fileName: (_format, name) => `${name}.js` },
      rolldownOptions: { external, output: { chunkFileNames: 'chunks/[name]-[hash].js' } },
    },
  };
});
