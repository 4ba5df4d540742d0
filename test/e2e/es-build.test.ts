/**
 * End to end: the ES build (dist/relais.js, with lit, nanostores, zod, DOMPurify… left as bare
 * imports) in a plain page with no bundler, its bare imports resolved by an import map pointing
 * into node_modules. The page and the files come from a static server of their own
 * (test/fixtures/es-build-plugin.mjs): the test runner's server rewrites bare imports, which
 * would make any import map look right.
 */
import { expect } from '@open-wc/testing';
import { executeServerCommand } from '@web/test-runner-commands';

interface GraphFile {
  path: string;
  format: string;
  commonJs: boolean;
}
interface EsBuildServer {
  origin: string;
  importMap: { imports: Record<string, string> };
  files: GraphFile[];
}
interface PageResult {
  loaded: boolean;
  error?: string;
  defined?: boolean;
  state?: string;
  acknowledgeButton?: boolean;
  bodyText?: string;
}

let server: EsBuildServer;
let frame: HTMLIFrameElement | undefined;

/** Opens a page of the static server in a frame and waits for what it reports (it is on another origin). */
async function openPage(query: string): Promise<PageResult> {
  frame?.remove();
  frame = document.createElement('iframe');
  frame.style.cssText = 'width: 900px; height: 700px; border: 0; position: absolute; top: 0; left: 0';
  const result = new Promise<PageResult>((resolve) => {
    const listener = (event: MessageEvent<{ esBuild?: PageResult }>) => {
      if (event.source !== frame?.contentWindow || !event.data?.esBuild) return;
      window.removeEventListener('message', listener);
      resolve(event.data.esBuild);
    };
    window.addEventListener('message', listener);
  });
  frame.src = `${server.origin}/es-build/page.html?${query}`;
  document.body.append(frame);
  return result;
}

describe('ES build in a page with an import map and no bundler', () => {
  before(async () => {
    server = (await executeServerCommand<EsBuildServer, Record<string, never>>('es-build-server', {}))!;
  });
  after(() => frame?.remove());

  it('maps every bare import of the graph, subpaths included, to an ES module file of node_modules', () => {
    const specifiers = Object.keys(server.importMap.imports);
    for (const expected of ['lit', 'lit/decorators.js', 'lit-html', '@lit/reactive-element', '@lit/context', 'nanostores', 'zod/mini', 'dompurify', 'idb-keyval']) {
      expect(specifiers, expected).to.include(expected);
    }
    for (const [specifier, target] of Object.entries(server.importMap.imports)) {
      expect(target, specifier).to.match(/^\/node_modules\/.+\.m?js$/);
      // The production files, never the development builds nor a CommonJS entry.
      expect(target, specifier).not.to.match(/\/development\/|\.cjs$/);
    }
  });

  it('has no CommonJS module anywhere in the graph of the ES build’s entries, their lazy chunks included', () => {
    expect(server.files.length).to.be.greaterThan(50);
    expect(server.files.map((file) => file.path)).to.include.members(['dist/relais.js', 'dist/api.js', 'dist/testing.js', 'dist/elements/share-card.js', 'dist/adapters/rest.js', 'node_modules/dompurify/dist/purify.es.mjs', 'node_modules/zod/mini/index.js']);
    expect(server.files.filter((file) => file.path.includes('charter-sanitizer')).length, 'both sanitizer chunks (the browser’s and DOMPurify) are in the graph').to.equal(2);
    const commonJs = server.files.filter((file) => file.format === 'cjs' || file.commonJs).map((file) => file.path);
    expect(commonJs).to.deep.equal([]);
    const notEsm = server.files.filter((file) => file.format !== 'esm').map((file) => file.path);
    expect(notEsm, 'every file imports or exports').to.deep.equal([]);
  });

  it('registers the elements: a charter banner configured with a static adapter decides its state, and opens the full text (DOMPurify loaded through the map)', async () => {
    const result = await openPage('map=1&shim=1');
    expect(result.error).to.equal(undefined);
    expect(result).to.include({ loaded: true, defined: true, state: 'prompt', acknowledgeButton: true });
    expect(result.bodyText).to.have.length.greaterThan(20);
  });

  it('does not load without the import map: the map is what resolves the bare imports', async () => {
    const result = await openPage('map=0&shim=1');
    expect(result.loaded).to.equal(false);
    expect(result.error).to.match(/Failed to resolve module specifier "(?:lit|nanostores|zod|@lit|idb-keyval|dompurify)/);
  });

  it('needs process.env.NODE_ENV on the page, because nanostores reads it when a store is made (bundlers replace it)', async () => {
    const result = await openPage('map=1&shim=0');
    expect(result.loaded).to.equal(false);
    expect(result.error).to.match(/process is not defined/);
  });
});
