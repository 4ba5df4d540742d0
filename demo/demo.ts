/**
 * The demo pages' set-up, as an npm user would write it: import Relais (which registers the
 * elements) and configure the page-wide source.
 *
 * The source is the visitor's choice (the toolbar, demo-viewer.js): the reference server
 * (RestAdapter; `npm start` runs it, so shares and acknowledgments persist across browsers and
 * reach the server's HR register), the data file alone (StaticAdapter: the viewer's own writes in
 * this browser's storage), or memory (MemoryAdapter: forgotten on reload).
 *
 * A real page says who the viewer is; the demo lets the visitor choose (demo-viewer.js) and
 * starts, on a first visit, as a new employee who has not read the charter yet. On the reference
 * server (RELAIS_AUTH=demo) the choice goes in the `X-Relais-Viewer` header, through the
 * adapter's `headers` hook, where a real intranet would send its session cookie or a token.
 */
import { configure, MemoryAdapter, RestAdapter, StaticAdapter } from '../entries/index.js';
import { deferredAdapter } from '../src/adapters/deferred.js';
import type { AdvocacyAdapter } from '../src/adapters/types.js';
import type { DataDocumentInput } from '../src/model/index.js';
import { demoServerRuns, demoSource, demoViewer, showDemoToolbar, viewerIdentity } from './demo-viewer.js';

const serverRuns = demoServerRuns();

const viewer = demoViewer();
const source = demoSource(serverRuns ? 'rest' : 'static');
const dataUrl = new URL('./data/advocacy.json', import.meta.url).href;

function adapterFor(id: string): AdvocacyAdapter {
  switch (id) {
    case 'rest':
      return new RestAdapter({ endpoint: '/api/v1', headers: () => ({ 'X-Relais-Viewer': viewer.id }) });
    case 'memory':
      return deferredAdapter(async () => new MemoryAdapter({ data: (await (await fetch(dataUrl)).json()) as DataDocumentInput, viewer: viewerIdentity(viewer) }));
    default:
      return new StaticAdapter({ src: dataUrl, viewer: viewerIdentity(viewer) });
  }
}

const unavailable = source.id === 'rest' && !serverRuns;
configure({ adapter: adapterFor(unavailable ? 'static' : source.id) });
showDemoToolbar(viewer, document, {
  source,
  notice: unavailable ? 'Le serveur de référence ne tourne pas (lancez la démo avec npm start)\u00a0: cette page lit le fichier statique.' : undefined,
});
